"""Screenshots of the home page and a news post at phone and desktop widths, saved in test-artifacts/ for people
to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DESKTOP, PHONE, POST, ServedSite, new_page
from playwright.sync_api import Browser


@pytest.mark.parametrize(
    ("name", "path"), [("home-zh", ""), ("home-en", "en/"), ("post-zh", POST), ("post-en", f"en/{POST}")]
)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_page_fits_the_screen_and_is_saved(
    browser: Browser, served: ServedSite, artifacts: Path, name: str, path: str, viewport: dict[str, int]
) -> None:
    context, page = new_page(browser, viewport)
    page.goto(served.url(path), wait_until="networkidle")
    # Nothing sticks out sideways: no horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    width = "phone" if viewport == PHONE else "desktop"
    shot = artifacts / f"{name}-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    context.close()
    assert shot.stat().st_size > 10_000
