"""What a reader's browser downloads on a first visit: the search index only once they search, no request that
fails, and a post page within 150 KB compressed (images aside)."""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

import pytest
from conftest import ServedSite, new_page
from playwright.sync_api import Browser
from sitebuild import LANGUAGE_ROOTS
from test_in_browser import type_search

POST = "news/2023/launch-ceremony/"
INDEX = "search/search_index.json"
FIRST_VISIT_LIMIT_KB = 150


def first_visit(browser: Browser, served: ServedSite, path: str) -> list[str]:
    """Site paths of everything the browser requests while a page loads and settles; every request must succeed."""
    context, page = new_page(browser)
    requested: list[str] = []
    failed: list[str] = []
    context.on("request", lambda request: requested.append(urlsplit(request.url).path.lstrip("/")))
    context.on("response", lambda response: response.ok or failed.append(response.url))
    page.goto(served.url(path), wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    assert failed == []
    return requested


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_search_index_waits_until_the_reader_searches(browser: Browser, served: ServedSite, language: str) -> None:
    root = LANGUAGE_ROOTS[language]
    assert f"{root}{INDEX}" not in first_visit(browser, served, f"{root}{POST}")

    context, page = new_page(browser)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(urlsplit(request.url).path.lstrip("/")))
    page.goto(served.url(f"{root}{POST}"), wait_until="networkidle")
    type_search(page, "2023")
    assert page.locator(".md-search-result__item").count() > 0
    context.close()
    assert requested.count(f"{root}{INDEX}") == 1


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_post_transfers_at_most_150_kb_compressed_on_first_visit(
    browser: Browser, served: ServedSite, language: str
) -> None:
    site = served.build.site_dir
    paths = [
        p
        for p in first_visit(browser, served, f"{LANGUAGE_ROOTS[language]}{POST}")
        if not p.endswith((".png", ".jpg", ".jpeg", ".webp", ".gif"))
    ]
    files = [site / p / "index.html" if p.endswith("/") or not p else site / p for p in paths]
    assert all(f.is_file() for f in files), [str(f) for f in files if not f.is_file()]
    compressed_kb = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files) / 1024
    print(f"{language} post, first visit: {len(files)} requests, {compressed_kb:.1f} KB compressed")
    assert compressed_kb <= FIRST_VISIT_LIMIT_KB
