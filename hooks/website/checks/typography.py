"""Chinese typography, checked and fixed by AutoCorrect (autocorrect-py) with the site's rules: a space between
Chinese and Latin letters or digits (2023 年 5 月 17 日), full-width punctuation in Chinese text, no space around
it. Only the Chinese pages (docs/zh/): AutoCorrect would give the Chinese names in English pages full-width
punctuation.

AutoCorrect reads Markdown: it leaves code blocks (fenced or indented), inline code, link targets, URLs, HTML
comments and front-matter keys alone. Text indented by four spaces (an admonition's body) is code to it, so it is
neither checked nor fixed.
"""

from __future__ import annotations

import codecs
import functools
import json
from pathlib import Path

import autocorrect_py

from website.checks.reading import decode
from website.messages.problems import Problem, problem

LANGUAGE = "zh"
# AutoCorrect's default rules (its .autocorrectrc.default), with three changes:
# - halfwidth-word off: it turns the ideographic space of "第一章　总则", the way Chinese rules and charters set
#   their headings, into a plain space;
# - space-dash off: it spaces a hyphen between Chinese characters, "年-月-日" becoming "年 - 月-日";
# - codeblock off: code is written as it must be typed.
CONFIG = {"rules": {"halfwidth-word": 0, "space-dash": 0, "spellcheck": 0}, "context": {"codeblock": 0}}
# What a problem quotes around the place where the text differs.
CONTEXT = 8

# The stub of autocorrect-py lacks load_config, which the module has. The configuration is the process's.
autocorrect_py.load_config(json.dumps(CONFIG))  # type: ignore[attr-defined]


# Kept by text: `make serve` checks every page again at each save, and nearly all of them are as they were.
@functools.lru_cache(maxsize=8192)
def lint(text: str, source: str) -> tuple[Problem, ...]:
    """A problem for each line whose typography AutoCorrect would change, quoting the change."""
    return tuple(
        problem(source, line.line, None, "typography.fix", old=old, new=new)
        for line in autocorrect_py.lint_for(text, "md").lines
        for old, new in [_difference(line.old, line.new)]
    )


def fix_file(path: Path) -> bool:
    """Apply AutoCorrect's fixes to a Markdown file in place, keeping its line endings and byte-order mark; whether it
    changed. Raises reading.NotUtf8 for a file that is not UTF-8."""
    raw = path.read_bytes()
    text = decode(raw)
    fixed = autocorrect_py.format_for(text, "md")
    if fixed == text:
        return False
    path.write_bytes((codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b"") + fixed.encode("utf-8"))
    return True


def _difference(old: str, new: str) -> tuple[str, str]:
    """The part of a line that changes, with a few characters around it: '共有80家' becomes '共有 80 家'."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    begin = max(0, start - CONTEXT)

    def excerpt(text: str) -> str:
        stop = min(len(text), len(text) - end + CONTEXT)
        return ("…" if begin else "") + text[begin:stop] + ("…" if stop < len(text) else "")

    return excerpt(old), excerpt(new)
