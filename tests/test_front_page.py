"""The news on each language's home page, made from that language's blog at build time: the newest posts with their
dates and categories, the newest announcements apart, pinned posts first, links to more; the key figures stay."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, Tag
from sitebuild import LANGUAGE_ROOTS, BuildResult, resolve
from website.news.front_page import split_news

SITE_URL = "http://127.0.0.1:8000/"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# The real posts, newest first, with the date each gives and its category, as a reader sees them.
REAL = {
    "zh": [
        ("news/2023/launch-ceremony/", "集团启动全国示范性职业教育集团创建工作", "2023 年 5 月 17 日", "集团动态"),
        ("news/2023/municipal-demonstration-group/", "集团被认定为市级示范性职业教育集团", "2023 年 1 月", "集团动态"),
        ("news/2022/apprenticeship-pilot-2022/", "现代学徒制试点项目秋季学期招收学生 200 余名", "2022 年秋季学期",
         "产教融合"),
        ("news/2022/city-of-design-action-plan/", "重庆印发建设“设计之都”行动计划，集团助力设计赋能产业",
         "2022 年 1 月 19 日", "设计之都"),
        ("news/2021/modern-industrial-college/", "集团成立重庆工业设计现代产业学院", "2021 年 2 月", "产教融合"),
    ],
    "en": [
        ("en/news/2023/launch-ceremony/", None, "17 May 2023", "Group news"),
        ("en/news/2023/municipal-demonstration-group/", None, "January 2023", "Group news"),
        ("en/news/2022/apprenticeship-pilot-2022/", None, "Autumn semester 2022", "Industry-education integration"),
        ("en/news/2022/city-of-design-action-plan/", None, "19 January 2022", "City of Design"),
        ("en/news/2021/modern-industrial-college/", None, "February 2021", "Industry-education integration"),
    ],
}  # fmt: skip


def entries(home: BeautifulSoup, root: str, section: Tag) -> list[tuple[str, str, str, list[str], bool]]:
    """(post, title, date shown, category pages, pinned) of each entry of a section of the home page's news."""
    found = []
    for item in section.select(".front-news__item"):
        title = item.select_one("a.front-news__title")
        categories = [resolve(root, a["href"]) for a in item.select(".front-news__meta a")]
        date = item.select_one("time").get_text(strip=True)
        found.append(
            (
                resolve(root, title["href"]),
                title.get_text(strip=True),
                date,
                categories,
                bool(item.select(".front-news__pinned")),
            )
        )
    return found  # fmt: skip


def heading(site: BuildResult, path: str) -> str:
    """A page's h1, without the link beside it."""
    return next(site.page(path).h1.stripped_strings)


def sections(site: BuildResult, lang: str) -> tuple[BeautifulSoup, list[Tag]]:
    home = site.page(LANGUAGE_ROOTS[lang])
    return home, home.select(".front-news > section")


@pytest.mark.build
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_shows_the_newest_posts_with_their_dates_and_categories(site: BuildResult, lang: str) -> None:
    root = LANGUAGE_ROOTS[lang]
    home, found = sections(site, lang)
    # No announcement is published yet: the news alone, no empty box.
    assert len(found) == 1
    shown = entries(home, root, found[0])
    assert [(post, date) for post, _, date, _, _ in shown] == [(post, date) for post, _, date, _ in REAL[lang]]
    for (post, title, _, categories, pinned), (_, expected_title, _, category) in zip(shown, REAL[lang], strict=True):
        assert title == (expected_title or heading(site, post))
        assert [heading(site, page) for page in categories] == [category]
        assert not pinned
    more = found[0].select_one(".front-news__more a")
    assert resolve(root, more["href"]) == f"{root}news/"
    # The key figures stay, after the news.
    assert home.select_one(".front-news ~ ul.key-figures") is not None
    assert len(home.select("ul.key-figures li")) == 6


@pytest.mark.build
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_announcements_stand_apart_and_a_pinned_post_comes_first(busy_news_site: BuildResult, lang: str) -> None:
    site = busy_news_site
    root = LANGUAGE_ROOTS[lang]
    home, (announcements, latest) = sections(site, lang)
    assert announcements.h2.get_text(strip=True) == {"zh": "通知公告", "en": "Announcements"}[lang]
    # The three newest announcements, newest first; the one scheduled for 2999 is not published.
    assert [post for post, *_ in entries(home, root, announcements)] == [
        f"{root}news/2024/notice-{n}/" for n in (4, 3, 2)
    ]
    more = announcements.select_one(".front-news__more a")
    assert resolve(root, more["href"]) == f"{root}news/category/announcements/"
    # The news: the pinned post first, marked, then the newest others; no announcement and no draft among them.
    shown = entries(home, root, latest)
    assert shown[0][0] == f"{root}news/2021/modern-industrial-college/" and shown[0][4]
    assert [post for post, *_ in shown[1:]] == [f"{root}news/2024/test-news-{n:02d}/" for n in (11, 10, 9, 8)]
    assert not any(pinned for *_, pinned in shown[1:])
    assert "unfinished" not in str(home) and "due-later" not in str(home)
    assert (
        shown[0][4]
        and latest.select_one(".front-news__pinned").get_text(strip=True) == {"zh": "置顶", "en": "Pinned"}[lang]
    )


@pytest.mark.build
def test_the_home_page_changed_when_a_post_it_shows_changed(busy_news_site: BuildResult) -> None:
    project = busy_news_site.site_dir.parent / "project"  # not a git checkout: files changed when they were written
    sitemap = ElementTree.parse(busy_news_site.site_dir / "sitemap.xml").getroot()
    lastmod = {
        url.findtext("s:loc", namespaces=SITEMAP)[len(SITE_URL) :]: url.findtext("s:lastmod", namespaces=SITEMAP)
        for url in sitemap.findall("s:url", SITEMAP)
    }
    for lang, root in LANGUAGE_ROOTS.items():
        home = busy_news_site.page(root)
        shown = [resolve(root, a["href"]) for a in home.select("a.front-news__title")]
        sources = [project / "docs" / lang / "news" / "posts" / f"{path.split('/')[-2]}.md" for path in shown]
        changed = max(int(source.stat().st_mtime) for source in sources)
        assert int((project / "docs" / lang / "index.md").stat().st_mtime) < changed
        assert datetime.fromisoformat(lastmod[root]) == datetime.fromtimestamp(changed, UTC)


def test_the_newest_of_each_kind_are_chosen_in_the_order_given() -> None:
    posts = ["pinned", "a1", "n1", "a2", "n2", "n3", "a3", "a4", "n4", "n5", "n6"]
    latest, announcements = split_news(posts, lambda post: post.startswith("a"))
    assert latest == ["pinned", "n1", "n2", "n3", "n4"]
    assert announcements == ["a1", "a2", "a3"]
