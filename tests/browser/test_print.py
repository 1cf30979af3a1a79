"""The charter and the news posts (announcements are posts) print cleanly on A4, in both languages: with print media
emulated, no header, tabs, sidebars, reading aids, search or footer navigation; the title, the date, the text, and
the page's own address at the end; where each link to another site leads, after it. Saved as PDF in test-artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import POST, ServedSite, new_page
from playwright.sync_api import Browser, Page
from sitebuild import LANGUAGE_ROOTS

# What a printed page leaves out: Material's header (with the search), tabs, sidebars, footer (its previous and next
# links among them) and back-to-top button, and the site's reading aids.
LEFT_OUT = [".md-header", ".md-search", ".md-tabs", ".md-sidebar", ".md-footer", ".md-top", ".reading-aids"]
PAGES = [root + path for root in LANGUAGE_ROOTS.values() for path in ("charter/", POST)]
DATES = {"zh": "2023 年 5 月 17 日", "en": "17 May 2023"}
A4_POINTS = (595, 842)  # 210 x 297 mm in points (595.3 x 841.9), from the stylesheet's @page; Letter is (612, 792)
MM = 96 / 25.4  # CSS pixels per millimetre


def shown(page: Page, selector: str) -> bool:
    """Whether anything the selector finds is laid out (display: none leaves no box)."""
    return bool(page.locator(selector).evaluate_all("els => els.some(el => el.getClientRects().length > 0)"))


@pytest.mark.parametrize("path", PAGES)
def test_a_printed_page_shows_title_date_text_and_its_address(
    browser: Browser, served: ServedSite, artifacts: Path, path: str
) -> None:
    context, page = new_page(browser)
    page.goto(served.url(path), wait_until="networkidle")
    page.emulate_media(media="print")
    assert [selector for selector in LEFT_OUT if shown(page, selector)] == []
    article = page.locator("article.md-content__inner")
    assert article.locator("h1").is_visible() and article.locator("p").first.is_visible()
    if path.endswith(POST):
        byline = article.locator(".post-byline time")
        assert byline.is_visible() and byline.inner_text() == DATES["en" if path.startswith("en/") else "zh"]
    # The page's address, last in the article.
    address = article.locator(".page-address")
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert address.is_visible() and address.locator(".page-address__url a").inner_text() == canonical
    last = article.evaluate("a => [...a.children].filter(el => el.getClientRects().length).pop().className")
    assert "page-address" in last
    if path.endswith(POST):
        # The QR code comes along, small: a phone reads it at about 2 cm.
        width = address.locator(".page-address__code").bounding_box()["width"]  # type: ignore[index]
        assert 15 * MM <= width <= 25 * MM
    pdf = artifacts / f"print-{path.strip('/').replace('/', '-')}.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    context.close()
    boxes = re.findall(rb"/MediaBox \[([^\]]+)\]", pdf.read_bytes())
    sizes = {tuple(round(float(n)) for n in box.split()[2:]) for box in boxes}
    assert sizes == {A4_POINTS}


def test_a_printed_link_to_another_site_shows_where_it_leads(browser: Browser, served: ServedSite) -> None:
    context, page = new_page(browser)
    page.goto(served.url(POST))
    # The posts link to no other site yet: one is added as a writer would write it.
    page.locator("article .post-byline").evaluate(
        "el => el.insertAdjacentHTML('afterend', '<p><a id=out href=\"https://example.org/plan\">plan</a> '"
        " + '<a id=in href=\"../../../about/\">about</a></p>')"
    )
    page.emulate_media(media="print")
    after = "id => getComputedStyle(document.getElementById(id), '::after').content"
    assert page.evaluate(after, "out") == '" (https://example.org/plan)"'
    assert page.evaluate(after, "in") == "none"
    # The page's own address is written out already.
    assert page.locator(".page-address__url a").evaluate("a => getComputedStyle(a, '::after').content") == "none"
    page.emulate_media(media="screen")
    assert page.evaluate(after, "out") == "none"
    context.close()
