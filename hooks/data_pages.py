"""Turn the data files (data/*.yml) into the member directory, college facts, action board, history timeline and
contact details, and give the footer of every page the group's contact details (overrides/partials/copyright.html).

The data is validated before anything is built: a problem in any file stops the build with a message naming the
file, the line and the field. Pages ask for a piece with a marker such as `<!-- data:members-directory -->`; the mark
of what is still to be completed is `<!-- data:to-be-completed -->`. The logic is in website/data_pages/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from website.build.languages import language_build
from website.build.state import BuildState
from website.data_pages.models import SiteData
from website.data_pages.render import MARKER, MarkerError, Renderer, footer_contact
from website.data_pages.site_links import SiteLinks
from website.data_pages.validate import DataError, load_project_data

# The data of the build under way: read afresh by every build's on_pre_build (parsed and checked only when the files'
# content differs from the last build's), so the pages of one build never see another build's data.
_data: BuildState[SiteData] = BuildState("the data of the build")


def on_pre_build(config: MkDocsConfig) -> None:
    _data.clear()
    project, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
    try:
        _data.start(load_project_data(project, docs, language_build(config).default_language))
    except DataError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not MARKER.search(html):
        return html
    build = language_build(config)
    links = SiteLinks(page, files, build.language, build.default_language)
    try:
        return Renderer(_data.current, build.language, links).replace_markers(html)
    except MarkerError as error:
        raise PluginError(f"{page.file.src_path}: {error}") from None


@dataclass(frozen=True)
class FooterContact:
    """What overrides/partials/copyright.html shows: a link to the Contact page and the details."""

    page: str | None  # the Contact page's site path, for the theme's `url` filter
    title: str
    details: Markup


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    build = language_build(config)
    contact_page = SiteLinks(None, files, build.language, build.default_language).file("contact/index.md")
    env.globals["footer_contact"] = FooterContact(
        page=contact_page.url if contact_page else None,
        title=str(contact_page.page.title) if contact_page and contact_page.page else "",
        details=Markup(footer_contact(_data.current, build.language)),
    )
    return env
