"""What a reader's browser does with the built site: requests, language switcher, search, reading aids."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import PAGE_TYPES, PHONE, POST, ServedSite, new_page
from playwright.sync_api import Browser, Page, expect
from sitebuild import LANGUAGE_ROOTS, LANGUAGE_TAGS, counterpart

ALL_PAGES = [root + path for root in LANGUAGE_ROOTS.values() for path in PAGE_TYPES]


def type_search(page: Page, query: str) -> None:
    """Type into the search box: in the header on a desktop, behind the magnifier button on a phone."""
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():
        opener.click()
    box = page.locator(".md-search__input")
    box.fill(query)
    # Material reads the box on keyup (as when a reader types), on focus and once its index is loaded.
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()


def search(page: Page, served: ServedSite, language: str, query: str) -> list[str]:
    """Site paths of the pages that search on the language's home page lists for a query."""
    page.goto(served.url(LANGUAGE_ROOTS[language]))
    type_search(page, query)
    items = page.locator(".md-search-result__item > .md-search-result__link")
    hrefs = items.evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(href).path.lstrip("/") for href in hrefs]


@pytest.mark.parametrize("path", ALL_PAGES)
def test_pages_request_nothing_from_other_hosts(browser: Browser, served: ServedSite, path: str) -> None:
    context, page = new_page(browser)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page.goto(served.url(path), wait_until="networkidle")
    # Opening search loads the worker, the lunr languages and the index too.
    type_search(page, "2021")
    page.wait_for_load_state("networkidle")
    context.close()
    own = urlsplit(served.origin).netloc
    assert len(requested) > 5
    assert [url for url in requested if urlsplit(url).netloc != own and urlsplit(url).scheme != "data"] == []


@pytest.mark.parametrize("path", ["about/", "charter/", "members/", POST, "en/about/", "en/members/", f"en/{POST}"])
def test_language_switcher_goes_to_the_counterpart(page: Page, served: ServedSite, path: str) -> None:
    target_language = "zh" if path.startswith("en/") else "en"
    page.goto(served.url(path))
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang='{target_language}']").click()
    page.wait_for_url(served.url(counterpart(path, target_language)))
    assert page.locator("html").get_attribute("lang") == LANGUAGE_TAGS[target_language]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("zh", "模具", "colleges/"),
        ("zh", "产教融合", "about/"),
        ("zh", "设计之都", "city-of-design/"),
        ("en", "mould", "en/colleges/"),
        ("en", "apprenticeship", "en/colleges/"),
        # English is not stemmed: the client's prefix queries would miss stemmed words.
        ("en", "manufacturing", "en/colleges/"),
        # A news post, by words of its title.
        ("zh", "启动仪式", POST),
        ("en", "launch ceremony", f"en/{POST}"),
        # In both languages' pages: each search lists its own language's only.
        ("zh", "2021", ""),
        ("en", "2021", "en/"),
    ],
)
def test_search_finds_pages_in_the_page_language_only(
    page: Page, served: ServedSite, language: str, query: str, expected: str
) -> None:
    found = search(page, served, language, query)
    assert expected in found
    assert all(p.startswith("en/") == (language == "en") for p in found), found


def font_size(page: Page, selector: str) -> float:
    return float(page.locator(selector).first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))


def test_reading_aids_work_by_keyboard_and_persist_across_pages(browser: Browser, served: ServedSite) -> None:
    context, page = new_page(browser, PHONE)
    page.goto(served.url(""))
    normal = font_size(page, "article h1")
    large = page.get_by_role("button", name="大", exact=True)
    # Keyboard: Tab reaches the button, with a visible focus ring; Enter presses it.
    for _ in range(10):
        page.keyboard.press("Tab")
        if large.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the larger-text button is not reachable with Tab")
    outline = large.evaluate("el => [getComputedStyle(el).outlineStyle, parseFloat(getComputedStyle(el).outlineWidth)]")
    assert outline[0] != "none" and outline[1] >= 2
    page.keyboard.press("Enter")
    assert large.get_attribute("aria-pressed") == "true"
    assert font_size(page, "article h1") == pytest.approx(normal * 1.2, rel=0.02)

    contrast = page.get_by_role("button", name="高对比度")
    contrast.focus()
    page.keyboard.press("Space")
    assert contrast.get_attribute("aria-pressed") == "true"
    assert page.locator("article p").first.evaluate("el => getComputedStyle(el).color") == "rgb(0, 0, 0)"

    # Another page remembers both choices.
    page.goto(served.url("about/"))
    assert font_size(page, "article h1") == pytest.approx(normal * 1.2, rel=0.02)
    assert page.get_by_role("button", name="高对比度").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="特大").click()
    assert font_size(page, "article h1") == pytest.approx(normal * 1.4, rel=0.02)
    page.get_by_role("button", name="标准").click()
    page.goto(served.url("charter/"))
    assert font_size(page, "article h1") == pytest.approx(normal, rel=0.02)
    context.close()


def test_reading_aids_are_labelled_in_the_page_language(page: Page, served: ServedSite) -> None:
    page.goto(served.url("en/"))
    group = page.get_by_role("complementary", name="Reading aids")
    assert group.get_by_role("button", name="Large", exact=True).is_visible()
    assert group.get_by_role("button", name="High contrast").is_visible()


def test_keyboard_focus_is_always_visible(page: Page, served: ServedSite) -> None:
    page.goto(served.url(""))
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate(
            "() => { const el = document.activeElement; const s = getComputedStyle(el);"
            " return [el.outerHTML.slice(0, 80), s.outlineStyle, parseFloat(s.outlineWidth)]; }"
        )
        assert style[1] != "none" and style[2] >= 2, style[0]


@pytest.mark.parametrize("path", ["", "en/" + POST])
def test_reading_aids_are_in_place_before_materials_bundle_runs(
    browser: Browser, served: ServedSite, path: str
) -> None:
    """The bar appears with the first paint, not when Material's bundle (at the end of the body) runs: shown late, it
    pushed the page down after it was painted (a layout shift Lighthouse counted on phones)."""

    def content_top(block_bundle: bool) -> float:
        context, page = new_page(browser, PHONE)
        if block_bundle:
            page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
        page.goto(served.url(path))
        # Without the bundle, Material never marks the page as scripted: this is the page as first painted.
        assert page.evaluate("document.documentElement.classList.contains('no-js')") == block_bundle
        assert page.locator(".reading-aids").is_visible()
        top = float(page.locator(".md-container").evaluate("el => el.getBoundingClientRect().top"))
        context.close()
        return top

    assert content_top(block_bundle=True) == content_top(block_bundle=False)


def test_reading_aids_are_hidden_without_javascript(browser: Browser, served: ServedSite) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(served.url(""))
    assert page.locator(".reading-aids").count() == 1
    assert not page.locator(".reading-aids").is_visible()
    context.close()


@pytest.mark.parametrize(
    ("missing", "shown_at", "title"),
    [("no-such-page/", "no-such-page/", "页面未找到"), ("en/no-such-page/", "en/404.html", "Page not found")],
)
def test_a_missing_address_gets_the_not_found_page_of_its_language(
    page: Page, served: ServedSite, missing: str, shown_at: str, title: str
) -> None:
    """GitHub Pages answers every missing address with /404.html, the Chinese page; under /en/ it leads on to the
    English one."""
    page.goto(served.url(missing))
    page.wait_for_url(served.url(shown_at))
    expect(page.locator("h1")).to_have_text(title)
