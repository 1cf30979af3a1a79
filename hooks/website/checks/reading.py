"""Reading files as writers save them. UTF-8, with or without a byte-order mark (Windows Notepad writes one), any
line endings; a file saved in GBK, the "ANSI" of Chinese Windows, is a problem naming its first line that is not
UTF-8. A YAML syntax error is told with its line, and a tab that indents a line as what it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from website.messages.problems import Phrase, Problem, phrase, problem


class NotUtf8(ValueError):
    def __init__(self, line: int) -> None:
        super().__init__(f"not UTF-8 from line {line}")
        self.line = line


def decode(raw: bytes) -> str:
    """The text of a file's bytes, without a byte-order mark; its line endings as they are. Raises NotUtf8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotUtf8(raw.count(b"\n", 0, error.start) + 1) from None


def read_markdown(path: Path) -> str:
    """A Markdown file's text as MkDocs reads it: no byte-order mark, every line ending a newline."""
    return decode(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")


def markdown_files(docs_dir: Path, folder: str) -> Iterator[tuple[Path, str, str | Problem]]:
    """Every Markdown file below docs_dir/folder, recursively and in order, with its name as writers know it
    (docs/zh/about/index.md) and its text, or the problem of a file that is not UTF-8."""
    for path in sorted((docs_dir / folder).rglob("*.md")):
        source = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        try:
            yield path, source, read_markdown(path)
        except NotUtf8 as error:
            yield path, source, not_utf8(source, error)


def not_utf8(file: str, error: NotUtf8) -> Problem:
    return problem(file, error.line, None, "file.not_utf8")


def yaml_problem(error: yaml.YAMLError, text: str, first_line: int = 1) -> tuple[int | None, Phrase]:
    """The line of a YAML syntax error (counting the text's first line as `first_line`) and what to tell the writer:
    to indent with spaces when the line holds a tab, else what PyYAML found."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        detail = " ".join(part for part in (error.context, error.problem) if part)
    else:  # e.g. a character YAML does not allow: PyYAML's reader has no line for it
        mark, detail = None, str(error)
    line = mark.line + first_line if mark is not None else None
    lines = text.splitlines()
    source_line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    tabbed = "\t" in source_line or "\t" in detail
    return line, phrase("yaml.tab" if tabbed else "yaml.invalid", detail=detail)
