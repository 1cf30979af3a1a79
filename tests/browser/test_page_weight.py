"""What a reader's browser downloads on a first visit: the search index only once they search, no request that
fails, and a post page or a home page (with its news) within 150 KB compressed (images aside)."""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

import pytest
from conftest import DESKTOP, ServedSite, new_page
from playwright.sync_api import Browser, Request
from sitebuild import LANGUAGE_ROOTS
from test_in_browser import type_search

POST = "news/2023/launch-ceremony/"
INDEX = "search/search_index.json"
FIRST_VISIT_LIMIT_KB = 150


def first_visit(
    browser: Browser, served: ServedSite, path: str, viewport: dict[str, int] = DESKTOP, scale: float = 1
) -> dict[str, int]:
    """What the browser requests while a page loads and settles: the bytes each request transferred (headers and
    body as the server sent it, gzip-compressed as GitHub Pages sends it), by site path. Every request must succeed."""
    context, page = new_page(browser, viewport, scale)
    finished: list[Request] = []
    failed: list[str] = []
    context.on("requestfinished", lambda request: finished.append(request))
    context.on("response", lambda response: response.ok or failed.append(response.url))
    context.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(served.url(path), wait_until="networkidle")
    page.wait_for_timeout(500)
    transferred = {}
    for request in finished:
        sizes = request.sizes()
        transferred[urlsplit(request.url).path.lstrip("/")] = sizes["responseHeadersSize"] + sizes["responseBodySize"]
    context.close()
    assert failed == []
    return transferred


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


@pytest.mark.parametrize("page", [POST, ""], ids=["post", "home"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_page_transfers_at_most_150_kb_compressed_on_first_visit(
    browser: Browser, served: ServedSite, language: str, page: str
) -> None:
    path = f"{LANGUAGE_ROOTS[language]}{page}"
    transferred = {
        name: size
        for name, size in first_visit(browser, served, path).items()
        if not name.endswith((".png", ".jpg", ".jpeg", ".webp", ".gif"))
    }
    # What was sent compressed is not bigger than the files themselves compressed: the count is of real transfers.
    page_file = served.build.site_dir / path / "index.html"
    assert transferred[path] < len(gzip.compress(page_file.read_bytes())) + 1024
    total_kb = sum(transferred.values()) / 1024
    print(f"{language} {page or 'home page'}, first visit: {len(transferred)} requests, {total_kb:.1f} KB transferred")
    assert total_kb <= FIRST_VISIT_LIMIT_KB
