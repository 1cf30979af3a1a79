"""Where the pages the data links to are on the built site, relative to the page being rendered, for the language
being built (falling back to the default language, whose pages stand in for untranslated ones)."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from website.data_pages.render import Link, MarkerError
from website.news.posts import POSTS_DIR


class SiteLinks:
    def __init__(self, page: Page | None, files: Files, language: str, default_language: str) -> None:
        self.page = page  # None: links to no page (the footer's), only where files are
        self.files = files
        self.languages = dict.fromkeys((language, default_language))

    def _relative(self, file: File) -> str:
        assert self.page is not None, "a link relative to a page is made while the page is rendered"
        return file.url_relative_to(self.page.file)

    def file(self, path: str) -> File | None:
        """A page of the language being built, or else of the default language, by its path below the language's
        folder of docs/ ('contact/index.md')."""
        for language in self.languages:
            file = self.files.get_file_from_path(f"{language}/{path}")
            if file is not None:
                return file
        return None

    def posts(self, slugs: Sequence[str]) -> list[Link]:
        """Links to those of the posts that this build publishes. The data check made sure each one exists: a post
        missing from the build is waiting for its date (or a draft), and its link appears with it."""
        links = []
        for slug in slugs:
            file = self.file(f"{POSTS_DIR}/{slug}.md")
            if file is not None:
                markdown, meta = get_data(file.content_string)
                heading = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), slug)
                links.append(Link(self._relative(file), str(meta.get("title") or heading)))
        return links

    def college_page(self, college_id: str) -> str | None:
        file = self.file(f"colleges/{college_id}.md")
        return self._relative(file) if file else None

    def member(self, member_id: str) -> str:
        file = self.file("members/index.md")
        if file is None:
            raise MarkerError(f"the members page docs/{next(iter(self.languages))}/members/index.md is missing")
        return f"{self._relative(file)}#member-{member_id}"

    def asset(self, path: str) -> str | None:
        file = self.files.get_file_from_path(path)
        return self._relative(file) if file else None
