"""The built site served on 127.0.0.1 and one Chromium for the whole session (scripts/chromium.py says which)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from chromium import DESKTOP, launch
from chromium import PHONE as PHONE  # for the tests
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from sitebuild import ROOT, BuildResult, served_build

ARTIFACTS = ROOT / "test-artifacts"

# A news post, the same in each language: /news/<year>/<slug>/ and /en/news/<year>/<slug>/.
POST = "news/2023/launch-ceremony/"
# Page types a browser test visits, in each language (GUIDE.md).
PAGE_TYPES = ["", "about/", "charter/", "members/", "contact/", "news/", POST, "404.html"]


@dataclass
class ServedSite:
    build: BuildResult
    origin: str  # http://127.0.0.1:PORT, no trailing slash

    def url(self, path: str) -> str:
        return f"{self.origin}/{path}"


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The site built with site_url set to the origin it is served from, on a free port."""
    with served_build(ROOT, tmp_path_factory.mktemp("served") / "site") as (result, origin):
        yield ServedSite(build=result, origin=origin)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def new_page(browser: Browser, viewport: dict[str, int] = DESKTOP, scale: float = 1) -> tuple[BrowserContext, Page]:
    """A page in a fresh context; `scale`: device pixels per CSS pixel (a phone's 2 or 3)."""
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)  # type: ignore[arg-type]
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A desktop-sized page in a fresh context (empty localStorage)."""
    context, page = new_page(browser)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
