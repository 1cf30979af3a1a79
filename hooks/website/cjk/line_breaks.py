"""Join the lines of a paragraph where a line break falls between two Chinese characters.

Browsers show a line break inside a paragraph as a space, and Chrome does so between Chinese characters too, where
no space belongs. Writers often wrap their Chinese paragraphs; this joins such lines in the Markdown before it is
converted. Only prose is touched: fenced code, and lines that start a block (list items, headings, tables, quotes,
admonitions, HTML) are left as they are, and a line is only joined to the line above when it is indented at least as
deeply (a list item's continuation, the body of an admonition).
"""

from __future__ import annotations

import re

CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’"
ENDS_CJK = re.compile(f"[{CJK}]$")
STARTS_CJK = re.compile(f"^[{CJK}]")
BLOCK_START = re.compile(r"^([-*+]\s|\d+[.)]\s|#|\||>|!!!|\?\?\?|<|:|\[\^|-{3,}$|={3,}$)")
FENCE = re.compile(r"^\s*(```|~~~)")


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def join_cjk_line_breaks(markdown: str) -> str:
    joined: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
            joined.append(line)
            continue
        text = line.strip()
        previous = joined[-1] if joined else ""
        if (
            not in_fence
            and text
            and STARTS_CJK.match(text)
            and not BLOCK_START.match(text)
            and ENDS_CJK.search(previous.rstrip())
            and not FENCE.match(previous)
            and indentation(previous) <= indentation(line)
        ):
            joined[-1] = previous.rstrip() + text
        else:
            joined.append(line)
    return "\n".join(joined)
