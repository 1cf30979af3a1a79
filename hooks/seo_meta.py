"""Give every page its search-engine and sharing metadata as `page_meta` (website/seo/page_meta.py; rendered by
overrides/partials/seo.html); give the sitemap and robots.txt absolute URLs and the sitemap each page's last change.
(The pages for missing addresses: hooks/not_found_pages.py.)
"""

from __future__ import annotations

from functools import partial
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from website.build.languages import language_build
from website.dates import iso_datetime
from website.seo.head import absolute
from website.seo.page_meta import last_change, page_meta


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    # A news list page's own title (hooks/news.py) and the page's share image (hooks/photos.py), set before.
    context["page_meta"] = page_meta(page, config, context.get("head_text"), context.get("share_image"))
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # The sitemap and robots.txt give absolute URLs of site paths; the sitemap gives each page's last change.
    env.filters["site_absolute"] = partial(absolute, config.site_url or "")
    env.filters["last_change"] = lambda page: iso_datetime(last_change(page, config))
    env.globals["default_language"] = language_build(config).default_language
    return env
