"""All the checks of what writers write, on a whole project, without building it: what `make check` runs, and what
`make build` runs once before building the languages. The build's hooks make the same checks."""

from __future__ import annotations

from pathlib import Path

from website.checks.pages import check_pages
from website.data_pages.models import DEFAULT_LANGUAGE, LANGUAGES
from website.data_pages.validate import check_data
from website.messages.problems import Problem, ProblemsFound, unique
from website.news.posts import POSTS_DIR, check_post_files, load_vocabulary


def check_project(root: Path) -> list[Problem]:
    """Every problem of the data files, the news posts and the pages of the project in `root`, each once."""
    docs = root / "docs"
    problems = check_data(root / "data", docs / DEFAULT_LANGUAGE / POSTS_DIR)[1]
    try:
        vocabulary = load_vocabulary(root / "data" / "news.yml")
    except ProblemsFound as error:
        problems += error.problems
    else:
        problems += check_post_files(docs, LANGUAGES, vocabulary)[1]
    problems += check_pages(docs, LANGUAGES)
    return unique(problems)
