"""Turn the data files (data/*.yml) into the member directory, college facts, action board and history timeline.

The data is validated before anything is built: a problem in any file stops the build with a message naming the
file, the line and the field. Pages ask for a piece with a marker such as `<!-- data:members-directory -->`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data
from website.data_pages.models import DEFAULT_LANGUAGE, SiteData
from website.data_pages.render import MARKER, Link, MarkerError, Renderer
from website.data_pages.validate import DataError, load_project_data

# The data of the build under way: read afresh by every build's on_pre_build (parsed and checked only when the files'
# content differs from the last build's), so the pages of one build never see another build's data.
_build_data: SiteData | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    global _build_data
    _build_data = None
    try:
        _build_data = load_project_data(Path(config.config_file_path).parent, Path(config.docs_dir))
    except DataError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not MARKER.search(html):
        return html
    assert _build_data is not None, "on_pre_build reads the data before any page is rendered"
    language = str(config.theme["language"])
    try:
        return Renderer(_build_data, language, _SiteLinks(page, files, language)).replace_markers(html)
    except MarkerError as error:
        raise PluginError(f"{page.file.src_path}: {error}") from None


class _SiteLinks:
    """URLs of the built site relative to one page, for the language being built (falling back to Chinese)."""

    def __init__(self, page: Page, files: Files, language: str) -> None:
        self.page = page
        self.files = files
        self.languages = dict.fromkeys((language, DEFAULT_LANGUAGE))

    def _file(self, path: str) -> File | None:
        for language in self.languages:
            file = self.files.get_file_from_path(f"{language}/{path}")
            if file is not None:
                return file
        return None

    def post(self, slug: str) -> Link:
        file = self._file(f"news/posts/{slug}.md")
        if file is None:
            raise MarkerError(f"the news post '{slug}' is not part of this build")
        markdown, meta = get_data(file.content_string)
        heading = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), slug)
        return Link(file.url_relative_to(self.page.file), str(meta.get("title") or heading))

    def college_page(self, college_id: str) -> str | None:
        file = self._file(f"colleges/{college_id}.md")
        return file.url_relative_to(self.page.file) if file else None

    def member(self, member_id: str) -> str:
        file = self._file("members/index.md")
        if file is None:
            raise MarkerError("the members page docs/zh/members/index.md is missing")
        return f"{file.url_relative_to(self.page.file)}#member-{member_id}"
