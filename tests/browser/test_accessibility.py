"""axe-core finds no violation on any page type, in both languages, at desktop and phone widths."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import DESKTOP, PAGE_TYPES, PHONE, ServedSite, new_page
from playwright.sync_api import Browser
from sitebuild import LANGUAGE_ROOTS

AXE = Axe()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", [root + path for root in LANGUAGE_ROOTS.values() for path in PAGE_TYPES])
def test_no_axe_violations(browser: Browser, served: ServedSite, path: str, viewport: dict[str, int]) -> None:
    context, page = new_page(browser, viewport)
    page.goto(served.url(path))
    results = AXE.run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_no_axe_violations_with_reading_aids_on(browser: Browser, served: ServedSite) -> None:
    context, page = new_page(browser, PHONE)
    page.goto(served.url(""))
    page.get_by_role("button", name="特大").click()
    page.get_by_role("button", name="高对比度").click()
    for path in ("", "en/charter/"):
        page.goto(served.url(path))
        results = AXE.run(page)
        assert results.violations_count == 0, (path, results.generate_report())
    context.close()
