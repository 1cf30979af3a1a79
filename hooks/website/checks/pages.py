"""Every Markdown page and post as its writer saved it: UTF-8, front matter (when there is any) that is valid YAML,
and in the Chinese pages, the site's typography."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from website.checks import typography
from website.checks.reading import markdown_files
from website.messages.problems import Problem, ProblemsFound
from website.news.posts import read_front_matter
from website.upstream import FRONT_MATTER


def check_pages(docs_dir: Path, languages: Iterable[str], typography_of: str | None = None) -> list[Problem]:
    """The problems of every page of docs/<language>/ for the languages given, in file and line order; the
    typography of the pages of `typography_of` only, when it is given."""
    problems: list[Problem] = []
    for language in languages:
        for _, source, text in markdown_files(docs_dir, language):
            if isinstance(text, Problem):
                problems.append(text)
                continue
            # MkDocs takes front matter that is not YAML for text, silently.
            if FRONT_MATTER.match(text):
                try:
                    read_front_matter(text, source)
                except ProblemsFound as error:
                    problems.extend(error.problems)
            if language == typography.LANGUAGE and typography_of in (None, language):
                problems.extend(typography.lint(text, source))
    return problems
