"""Problems as GitHub Actions shows them: workflow commands, which put each problem on its line of the pull request,
and the job summary, a Markdown table in Chinese.

Workflow commands: docs.github.com, "Workflow commands for GitHub Actions"; the escaping is that of the Actions
toolkit (@actions/core, command.ts): `%`, CR and LF in the message, and also `:` and `,` in a property.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem, phrase


def in_github_actions(environ: Mapping[str, str]) -> bool:
    return environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(problem: Problem) -> str:
    """`::error file=…,line=…,title=…::中文%0AEnglish` (or `::warning`)."""
    title = phrase("github.title", field=problem.field) if problem.field else phrase("github.title_plain")
    properties = {"file": problem.file, "line": str(problem.line) if problem.line else "", "title": title.text("zh")}
    listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items() if value)
    message = problem.text("zh") + "\n" + problem.text("en")
    return f"::{problem.severity} {listed}::{escape_data(message)}"


def _cell(text: str) -> str:
    """Text as one cell of a Markdown table: no HTML, no column break, on one line."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def _code(text: str) -> str:
    return f"`{_cell(text)}`" if "`" not in text else _cell(text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + " --- |" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def problems_summary(problems: Sequence[Problem]) -> str:
    """The job summary of a check that found problems: a table in Chinese."""
    header = [phrase(f"summary.column_{name}").text("zh") for name in ("file", "line", "field", "problem")]
    rows = [
        [_code(p.file), str(p.line or ""), _code(p.field) if p.field else "", _cell(p.text("zh"))] for p in problems
    ]
    return "\n".join(
        [
            f"### {phrase('summary.problems', count=len(problems)).text('zh')}",
            "",
            phrase("summary.problems_hint").text("zh"),
            "",
            *_table(header, rows),
            "",
        ]
    )


@dataclass(frozen=True)
class PublishedPage:
    """A page a pull request adds or changes: its source, title and address on the published site."""

    source: str
    title: str
    url: str
    draft: bool = False


def pages_summary(pages: Sequence[PublishedPage] | None) -> str:
    """The job summary of a check that passed: the pages the pull request adds or changes, with their addresses
    (None: not a pull request, nothing to list)."""
    lines = [f"### {phrase('summary.passed').text('zh')}", ""]
    if pages is not None and not pages:
        lines += [phrase("summary.no_pages").text("zh"), ""]
    elif pages:
        header = [phrase(f"summary.column_{name}").text("zh") for name in ("page", "file", "address")]
        draft = phrase("summary.draft").text("zh")
        rows = [[_cell(p.title) + (draft if p.draft else ""), _code(p.source), _cell(p.url)] for p in pages]
        lines += [phrase("summary.pages").text("zh"), "", *_table(header, rows), ""]
    return "\n".join(lines)


def append_summary(environ: Mapping[str, str], markdown: str) -> None:
    """Add to the job summary, when there is one (GITHUB_STEP_SUMMARY names its file)."""
    path = environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with Path(path).open("a", encoding="utf-8") as summary:
            summary.write(markdown + "\n")


def publish_problems(problems: Sequence[Problem], environ: Mapping[str, str]) -> None:
    """In GitHub Actions: each problem as a workflow command on standard output, and the table in the job summary.
    Elsewhere: nothing."""
    if not in_github_actions(environ) or not problems:
        return
    append_summary(environ, problems_summary(problems))
    for problem in problems:
        print(workflow_command(problem), flush=True)
