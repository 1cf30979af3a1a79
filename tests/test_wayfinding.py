"""Way-finding on the built site: the footer's previous and next links lead only from content page to content page,
every page's title is its own within its language, the news list pages have their own titles and descriptions, and
descriptions fit a search result (160 characters in English, 80 in Chinese)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from sitebuild import LANGUAGE_ROOTS, BuildResult, language_of, resolve

# A news list page below a language's root: an archive, a category, or a further page of any list.
LIST_PAGE = re.compile(r"^news/(archive/|category/|page/\d+/)|/page/\d+/$")
DESCRIPTION_LIMIT = {"en": 160, "zh": 80}
SITES = ["site", "busy_news_site"]


def is_list_page(path: str) -> bool:
    return bool(LIST_PAGE.search(path.removeprefix("en/")))


def neighbours(site: BuildResult, path: str) -> dict[str, str]:
    """Where a page's footer and head lead as previous and next page."""
    soup = site.page(path)
    found = {}
    for direction in ("prev", "next"):
        footer = soup.select_one(f"a.md-footer__link--{direction}")
        head = soup.select_one(f'link[rel="{direction}"]')
        assert (footer is None) == (head is None), (path, direction)
        if footer is not None:
            assert resolve(path, footer["href"]) == resolve(path, head["href"]), (path, direction)
            found[direction] = resolve(path, footer["href"])
    return found


@pytest.mark.build
@pytest.mark.parametrize("fixture", SITES)
def test_footer_links_lead_only_between_content_pages(request: pytest.FixtureRequest, fixture: str) -> None:
    site: BuildResult = request.getfixturevalue(fixture)
    pages = site.content_pages()
    assert sum(map(is_list_page, pages)) >= 6
    for path in pages:
        found = neighbours(site, path)
        if is_list_page(path):
            assert found == {}, path
        for target in found.values():
            assert target in pages and not is_list_page(target), (path, target)
    # The navigation's order, the news index in its place: no archive or category page between.
    for root in LANGUAGE_ROOTS.values():
        assert neighbours(site, f"{root}news/") == {"prev": f"{root}charter/", "next": f"{root}colleges/"}
        assert neighbours(site, f"{root}colleges/")["prev"] == f"{root}news/"


@pytest.mark.build
@pytest.mark.parametrize("fixture", SITES)
def test_every_title_is_its_own_within_its_language(request: pytest.FixtureRequest, fixture: str) -> None:
    site: BuildResult = request.getfixturevalue(fixture)
    titles = Counter((language_of(path), site.page(path).title.get_text()) for path in site.content_pages())
    assert [title for title, count in titles.items() if count > 1] == []
    # The site's name once in each title: a home page is "首页 - …" / "Home - …".
    names = {language_of(path): site.page(path).select_one('meta[property="og:site_name"]')["content"]
             for path in site.content_pages()}  # fmt: skip
    assert [(lang, title) for lang, title in titles if title.count(names[lang]) != 1] == []
    assert {title for lang, title in titles if title.startswith(("首页 - ", "Home - "))} == {
        f"首页 - {names['zh']}",
        f"Home - {names['en']}",
    }


@pytest.mark.build
@pytest.mark.parametrize(
    ("path", "title", "description"),
    [
        ("news/archive/2024/", "2024 年新闻", "重庆工业设计职业教育集团 2024 年的新闻与通知公告。"),
        ("en/news/archive/2024/", "News from 2024", "News and announcements of the Chongqing Industrial Design "
         "Vocational Education Group from 2024."),
        ("news/category/announcements/", "通知公告 · 新闻", "重庆工业设计职业教育集团新闻公告中“通知公告”一类的文章。"),
        ("en/news/category/announcements/", "Announcements · News", "News of the Chongqing Industrial Design "
         "Vocational Education Group in the category Announcements."),
        ("news/page/2/", "新闻公告（第 2 页）",
         "重庆工业设计职业教育集团的集团动态、通知公告与产教融合工作进展。（第 2 页）"),
        ("en/news/archive/2024/page/2/", "News from 2024 (page 2)", "News and announcements of the Chongqing "
         "Industrial Design Vocational Education Group from 2024. Page 2."),
    ],
)  # fmt: skip
def test_news_list_pages_have_their_own_title_and_description(
    busy_news_site: BuildResult, path: str, title: str, description: str
) -> None:
    soup = busy_news_site.page(path)
    site_name = soup.select_one('meta[property="og:site_name"]')["content"]
    assert soup.title.get_text() == f"{title} - {site_name}"
    assert soup.select_one('meta[property="og:title"]')["content"] == title
    assert soup.select_one('meta[name="description"]')["content"] == description
    assert soup.select_one('meta[property="og:description"]')["content"] == description
    # The navigation keeps the lists' short names.
    navigation = {link.get_text(strip=True) for link in soup.select(".md-nav__link")}
    assert "2024" in navigation and title not in navigation


@pytest.mark.build
@pytest.mark.parametrize("fixture", SITES)
def test_descriptions_fit_a_search_result(request: pytest.FixtureRequest, fixture: str) -> None:
    site: BuildResult = request.getfixturevalue(fixture)
    too_long = []
    for path in site.content_pages():
        description = site.page(path).select_one('meta[name="description"]')["content"]
        if len(description) > DESCRIPTION_LIMIT[language_of(path)]:
            too_long.append((path, len(description), description))
    assert too_long == []
