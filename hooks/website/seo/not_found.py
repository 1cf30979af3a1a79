"""One page for a missing address per language: /404.html in the default language, /en/404.html in English.

MkDocs renders the theme's 404.html in every language's build to the same /404.html, so the language built last would
win. Another language writes its page under its own root instead. GitHub Pages answers every missing address with
/404.html: the default language's page gets the other languages' roots, and a script in it opens the page of the
language whose root the address is under (overrides/404.html). A missing address is not for indexing: no canonical
URL, no alternates. The page's search loads its own language's index, by absolute URL (it is served at any path).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from website.build.languages import LanguageBuild
from website.search.index import point_search_at
from website.seo.head import PageMeta

NOT_FOUND = "404.html"


def not_found_meta(title: str, site_description: str) -> PageMeta:
    return PageMeta(title=title, description=site_description, canonical=None)


def other_language_roots(build: LanguageBuild) -> list[str]:
    """For the default language's page: where the other languages' pages for missing addresses are."""
    return [build.languages.root(language) for language in build.languages.others] if build.is_default else []


def finish_other_language_page(html: str, build: LanguageBuild, site_url: str) -> str:
    """Another language's page, with its search pointed at that language's index."""
    return point_search_at(html, f"{urlsplit(site_url or '/').path}{build.root}")
