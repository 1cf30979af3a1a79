"""No page makes the browser fetch anything from another host: mainland China cannot reach most of them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from sitebuild import BuildResult

# Each test builds the site (or a copy of the project) and reads what it produced.
pytestmark = pytest.mark.build

# Elements and attributes whose URL the browser fetches on its own while loading a page.
FETCHED = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
]
# <link rel> values that are fetched (alternate and canonical are not).
FETCHED_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
}
# Where a link a reader clicks may lead outside the site: the official filing registries only.
ALLOWED_LINK_HOSTS = {"beian.miit.gov.cn", "beian.mps.gov.cn"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(?P<url>[^'")\s]+)""")


def site_host(site: BuildResult) -> str:
    canonical = site.page("").select_one('link[rel="canonical"]')
    return urlsplit(canonical["href"]).netloc


def is_external(url: str, own_host: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "mailto", "tel", "javascript"):
        return False
    return bool(parts.netloc) and parts.netloc != own_host


def test_pages_fetch_nothing_from_other_hosts(site: BuildResult) -> None:
    own = site_host(site)
    offenders = []
    for page in site.html_pages():
        soup = site.soup(page)
        for tag, attr in FETCHED:
            for el in soup.find_all(tag, attrs={attr: True}):
                urls = [u.split()[0] for u in el[attr].split(",")] if attr == "srcset" else [el[attr]]
                offenders += [(str(page), tag, u) for u in urls if is_external(u, own)]
        for link in soup.find_all("link", href=True):
            rels = {r.lower() for r in link.get("rel", [])}
            if rels & FETCHED_LINK_RELS and is_external(link["href"], own):
                offenders.append((str(page), "link", link["href"]))
        for style in soup.find_all("style"):
            offenders += [
                (str(page), "style", m["url"]) for m in CSS_URL.finditer(style.get_text()) if is_external(m["url"], own)
            ]
    assert offenders == []


def test_stylesheets_import_nothing_from_other_hosts(site: BuildResult) -> None:
    own = site_host(site)
    offenders = [
        (css.name, m["url"])
        for css in site.site_dir.rglob("*.css")
        for m in CSS_URL.finditer(css.read_text(encoding="utf-8"))
        if is_external(m["url"], own)
    ]
    assert offenders == []


def test_links_leave_the_site_only_for_allowed_hosts(site: BuildResult) -> None:
    own = site_host(site)
    external = {
        urlsplit(a["href"]).netloc
        for page in site.html_pages()
        for a in site.soup(page).find_all("a", href=True)
        if is_external(a["href"], own)
    }
    assert external <= ALLOWED_LINK_HOSTS
