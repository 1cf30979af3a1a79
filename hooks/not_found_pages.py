"""One page for a missing address per language, written where GitHub Pages finds it (the logic and the reasons are in
website/seo/not_found.py; the page is overrides/404.html).

Its language switcher leads to each language's home page: static-i18n sets the switcher's links page by page and
leaves the last page's in the configuration, which the 404 page, rendered after the pages, would show.
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.utils import write_file
from website import upstream
from website.build.languages import language_build
from website.seo.not_found import NOT_FOUND, finish_other_language_page, not_found_meta, other_language_roots


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name != NOT_FOUND:
        return context
    upstream.point_switcher_at_home_pages(config)
    context["other_language_roots"] = other_language_roots(language_build(config))
    context["page_meta"] = not_found_meta(config.extra["ui"]["not_found_title"], config.site_description or "")
    return context


@event_priority(-50)  # after the other hooks have finished the page
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    build = language_build(config)
    if template_name != NOT_FOUND or build.is_default:
        return output
    page = finish_other_language_page(output, build, config.site_url or "")
    write_file(page.encode("utf-8"), os.path.join(config.site_dir, build.root, NOT_FOUND))
    # MkDocs does not write an empty output: the default language's /404.html stays.
    return ""
