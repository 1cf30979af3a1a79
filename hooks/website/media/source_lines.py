"""Which line of a Markdown file a photo or a link is on, for the writer's messages. The HTML a page becomes has no
line numbers: the line is found by what the writer wrote (a file name, a link), in the body after the front matter."""

from __future__ import annotations


def body_start(lines: list[str]) -> int:
    """The index of the first line after the front matter ('---' … '---'), or 0 when there is none."""
    if lines and lines[0].strip() == "---":
        for index, line in enumerate(lines[1:], 1):
            if line.strip() == "---":
                return index + 1
    return 0


def line_of(text: str, needle: str, occurrence: int = 0, *, in_front_matter: bool = False) -> int | None:
    """The 1-based line of the `occurrence`-th (from 0) line holding `needle`, in the body (or the front matter)."""
    lines = text.splitlines()
    start = body_start(lines)
    numbered = list(enumerate(lines, 1))
    searched = numbered[:start] if in_front_matter else numbered[start:]
    found = [number for number, line in searched if needle in line]
    if not found:
        return None
    return found[min(occurrence, len(found) - 1)]
