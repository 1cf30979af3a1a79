"""All the checks of what writers write, on a whole project, without building it: what `make check` runs, and what
`make build` runs once before building the languages. The build's hooks make the same checks (the photos hook also
finds what only decoding a photo shows: a damaged file, website/media/images.py)."""

from __future__ import annotations

from pathlib import Path

from website.build.languages import SiteLanguages
from website.checks.pages import check_pages
from website.data_pages.validate import NEWS, check_data, news_vocabulary
from website.media.check import check_media
from website.messages.problems import Problem, unique
from website.news.posts import POSTS_DIR, check_post_files


def check_project(root: Path) -> list[Problem]:
    """Every problem of the data files, the news posts, the pages and their photos and attachments of the project in
    `root`, each once."""
    languages = SiteLanguages.of_project(root)
    docs, data = root / "docs", root / "data"
    documents, problems = check_data(data, docs / languages.default / POSTS_DIR)
    # The posts are checked against the news categories and authors when data/news.yml itself has no problem.
    if not any(problem.file == f"{data.name}/{NEWS.name}" for problem in problems):
        problems += check_post_files(docs, languages.codes, news_vocabulary(documents[NEWS.name].data))[1]
    problems += check_pages(docs, languages.codes)
    problems += check_media(root, languages)
    return unique(problems)
