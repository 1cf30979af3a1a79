"""Give every page its search-engine and sharing metadata as `page_meta` (website/seo/page_meta.py; rendered by
overrides/partials/seo.html); give the sitemap and robots.txt absolute URLs and the sitemap each page's last change.
(The pages for missing addresses: hooks/not_found_pages.py.)
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime
from website.build.languages import language_build
from website.build.state import BuildState
from website.dates import iso_datetime
from website.seo.head import absolute
from website.seo.last_change import LastChanges
from website.seo.page_meta import page_meta

_changes: BuildState[LastChanges] = BuildState("the last changes of the language being built")


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    # A news list page's own title (hooks/news.py) and the page's share image (hooks/photos.py), set before.
    head_text, share_image = context.get("head_text"), context.get("share_image")
    context["page_meta"] = page_meta(page, config, head_text, share_image, _changes.current)
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # The sitemap and robots.txt give absolute URLs of site paths; the sitemap gives each page's last change.
    env.filters["site_absolute"] = partial(absolute, config.site_url or "")
    # Made at each build: a page's last change is found once in it, by its head and by the sitemap.
    changes = _changes.start(LastChanges(Path(config.config_file_path).parent, get_build_datetime()))
    env.filters["last_change"] = lambda page: iso_datetime(changes.of_page(page))
    env.globals["default_language"] = language_build(config).default_language
    return env
