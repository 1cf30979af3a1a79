"""One 404 page per language: /404.html in Chinese (the default language), /en/404.html in English.

MkDocs renders the theme's 404.html in every language build to the same /404.html, so the language built last
would win (DESIGN.md §3). Another language writes its page under its own root instead and hands MkDocs an empty
output, which MkDocs does not write, leaving the default language's /404.html in place.

GitHub Pages answers every missing address with /404.html: the default language's page gets the other languages'
roots, and a script in it opens the page of the language whose root the address is under (overrides/404.html).

The language switcher of a 404 page leads to each language's home page: static-i18n sets the switcher's links page by
page and leaves the last page's in the configuration, which the 404 page, rendered after the pages, would show.
"""

from __future__ import annotations

import os
from copy import deepcopy
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.utils import write_file
from website.build.languages import language_build

NOT_FOUND = "404.html"


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == NOT_FOUND:
        i18n: Any = config.plugins["i18n"]
        # static-i18n sets it as an attribute, which templates read before the mapping's key.
        extra: Any = config.extra
        extra.alternate = deepcopy(i18n.extra_alternate)
        build = language_build(config)
        if build.is_default:
            context["other_language_roots"] = [
                str(i18n.get_language_config(language).link).strip("/") + "/"
                for language in i18n.build_languages
                if language != build.default_language
            ]
    return context


# After the other hooks have finished the page (priority 0).
@event_priority(-50)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    build = language_build(config)
    if template_name != NOT_FOUND or build.is_default:
        return output
    write_file(output.encode("utf-8"), os.path.join(config.site_dir, build.root, NOT_FOUND))
    return ""
