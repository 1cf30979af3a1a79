"""The news section as built: a blog per language, archives, categories, dates, the switcher, the feeds, and what
happens with a post in one language only, drafts, future posts, bad front matter and `make new-post`."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from local_site import copy_project
from sitebuild import LANGUAGE_ROOTS, LANGUAGE_TAGS, ROOT, BuildResult, build, counterpart, language_of, resolve

# Each test builds the site (or a copy of the project) and reads what it produced.
pytestmark = pytest.mark.build

# slug -> (year in the URL, category id); from the source article.
POSTS = {
    "launch-ceremony": ("2023", "group-news"),
    "municipal-demonstration-group": ("2023", "group-news"),
    "apprenticeship-pilot-2022": ("2022", "industry-education"),
    "city-of-design-action-plan": ("2022", "city-of-design"),
    "modern-industrial-college": ("2021", "industry-education"),
}
NEWEST_FIRST = list(POSTS)
RSS = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}


def post_path(lang: str, slug: str, year: str) -> str:
    return f"{LANGUAGE_ROOTS[lang]}news/{year}/{slug}/"


def listed_posts(site: BuildResult, url_path: str) -> list[str]:
    """Site paths of the posts a blog view lists, in order."""
    page = site.page(url_path)
    return [resolve(url_path, a["href"]) for a in page.select("article.md-post--excerpt h2 a[href]")]


def switcher(site: BuildResult, url_path: str) -> dict[str, str]:
    links = site.page(url_path).select("a.md-select__link[hreflang]")
    return {a["hreflang"]: resolve(url_path, a["href"]) for a in links}


def feed_items(site: BuildResult, lang: str) -> tuple[ET.Element, list[ET.Element]]:
    channel = ET.parse(site.site_dir / LANGUAGE_ROOTS[lang] / "news" / "feed.xml").getroot().find("channel")
    assert channel is not None
    return channel, channel.findall("item")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_blog_lists_its_own_posts_newest_first(site: BuildResult, lang: str) -> None:
    expected = [post_path(lang, slug, POSTS[slug][0]) for slug in NEWEST_FIRST]
    assert listed_posts(site, f"{LANGUAGE_ROOTS[lang]}news/") == expected
    for path in expected:
        page = site.page(path)
        assert page.html["lang"] == LANGUAGE_TAGS[lang]
        assert page.select_one("article.md-content__inner h1") is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_archives_and_categories_hold_the_right_posts(site: BuildResult, lang: str) -> None:
    for year in {y for y, _ in POSTS.values()}:
        expected = [post_path(lang, s, y) for s, (y, _) in POSTS.items() if y == year]
        assert listed_posts(site, f"{LANGUAGE_ROOTS[lang]}news/archive/{year}/") == expected
    for category in {c for _, c in POSTS.values()}:
        expected = [post_path(lang, s, y) for s, (y, c) in POSTS.items() if c == category]
        assert listed_posts(site, f"{LANGUAGE_ROOTS[lang]}news/category/{category}/") == expected


def test_category_names_are_in_the_page_language(site: BuildResult) -> None:
    assert site.page("news/category/group-news/").find("h1").get_text(strip=True).startswith("集团动态")
    assert site.page("en/news/category/group-news/").find("h1").get_text(strip=True).startswith("Group news")
    zh_post = site.page("news/2022/apprenticeship-pilot-2022/").select(".md-post__meta a")
    assert [a.get_text(strip=True) for a in zh_post] == ["产教融合"]


def test_switcher_on_every_post_leads_to_its_translation(site: BuildResult) -> None:
    for slug, (year, _) in POSTS.items():
        for lang in LANGUAGE_ROOTS:
            path = post_path(lang, slug, year)
            assert switcher(site, path) == {other: counterpart(path, other) for other in LANGUAGE_ROOTS}


@pytest.mark.parametrize(
    ("path", "iso", "shown"),
    [
        ("news/2023/launch-ceremony/", "2023-05-17", "2023 年 5 月 17 日"),
        ("en/news/2023/launch-ceremony/", "2023-05-17", "17 May 2023"),
        ("news/2023/municipal-demonstration-group/", "2023-01", "2023 年 1 月"),
        ("en/news/2021/modern-industrial-college/", "2021-02", "February 2021"),
        ("news/2022/apprenticeship-pilot-2022/", "2022", "2022 年秋季学期"),
        ("en/news/2022/apprenticeship-pilot-2022/", "2022", "Autumn semester 2022"),
    ],
)
def test_dates_show_no_more_than_the_source_gives(site: BuildResult, path: str, iso: str, shown: str) -> None:
    # Every date the post's page shows: beside it in the sidebar and under its title (for a phone and on paper).
    times = site.page(path).select("time")
    assert {(t["datetime"], t.get_text(strip=True)) for t in times} == {(iso, shown)} and len(times) == 2
    index = site.page(f"{LANGUAGE_ROOTS[language_of(path)]}news/")
    assert (iso, shown) in [(t["datetime"], t.get_text(strip=True)) for t in index.select("time")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_feed_is_rss_with_this_languages_posts_newest_first(site: BuildResult, lang: str) -> None:
    root = ET.parse(site.site_dir / LANGUAGE_ROOTS[lang] / "news" / "feed.xml").getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel, items = feed_items(site, lang)
    base = "http://127.0.0.1:8000/"
    assert channel.findtext("link") == f"{base}{LANGUAGE_ROOTS[lang]}news/"
    assert channel.findtext("language") == {"zh": "zh-cn", "en": "en"}[lang]
    self_link = channel.find("atom:link", RSS)
    assert self_link is not None and self_link.get("href") == f"{base}{LANGUAGE_ROOTS[lang]}news/feed.xml"
    links = [item.findtext("link") for item in items]
    assert links == [base + post_path(lang, slug, POSTS[slug][0]) for slug in NEWEST_FIRST]
    dates = [parsedate_to_datetime(item.findtext("pubDate") or "") for item in items]
    assert dates == sorted(dates, reverse=True)
    for item, link in zip(items, links, strict=True):
        page = site.page(link.removeprefix(base))
        assert item.findtext("title") == page.title.get_text().split(" - ")[0]
        assert item.findtext("description")
        assert item.findall("category") and item.findall("dc:creator", RSS)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_news_index_links_to_its_feed(site: BuildResult, lang: str) -> None:
    index = f"{LANGUAGE_ROOTS[lang]}news/"
    links = site.page(index).select('.md-content a[type="application/rss+xml"]')
    assert [resolve(index, a["href"]) for a in links] == [f"{index}feed.xml"]


def test_every_page_advertises_its_own_languages_feed(site: BuildResult) -> None:
    for html in site.html_pages():
        path = site.url_path_of(html)
        if html.name == "404.html":
            continue
        feeds = [resolve(path, link["href"]) for link in site.soup(html).select('link[type="application/rss+xml"]')]
        assert feeds == [f"{LANGUAGE_ROOTS[language_of(path)]}news/feed.xml"], path


ONLY_ZH = """---
title: 仅有中文的通知
description: 只用中文发布的通知。
date: 2024-03-15
categories:
  - 通知公告
---

# 仅有中文的通知

摘要。

<!-- more -->

正文。
"""


def write_post(project: Path, lang: str, slug: str, text: str) -> None:
    (project / "docs" / lang / "news" / "posts" / f"{slug}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def one_language_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The project plus a Chinese-only post (saved as a Windows editor would: BOM, CRLF), a draft and a post dated in
    the future, at another site URL."""
    tmp = tmp_path_factory.mktemp("one-language")
    project = copy_project(tmp / "project")
    windows = ONLY_ZH.replace("\n", "\r\n").encode("utf-8-sig")
    (project / "docs" / "zh" / "news" / "posts" / "only-chinese.md").write_bytes(windows)
    draft = ONLY_ZH.replace("date: 2024-03-15", "date: 2024-03-16\ndraft: true")
    write_post(project, "zh", "a-draft", draft)
    write_post(project, "en", "a-draft", draft.replace("通知公告", "Announcements"))
    write_post(project, "zh", "in-the-future", ONLY_ZH.replace("2024-03-15", "2999-01-01"))
    return build(project, tmp / "site", env={"SITE_URL": "https://example.org/group/"})


def test_post_in_one_language_is_only_in_that_languages_blog(one_language_site: BuildResult) -> None:
    site = one_language_site
    assert listed_posts(site, "news/")[0] == "news/2024/only-chinese/"
    assert "only-chinese" not in " ".join(listed_posts(site, "en/news/"))
    assert not list(site.site_dir.glob("en/news/**/only-chinese*"))
    _, zh_items = feed_items(site, "zh")
    _, en_items = feed_items(site, "en")
    assert zh_items[0].findtext("link") == "https://example.org/group/news/2024/only-chinese/"
    assert len(en_items) == len(POSTS)


@pytest.mark.parametrize("path", ["news/2024/only-chinese/", "news/archive/2024/", "news/category/announcements/"])
def test_switcher_without_a_translation_leads_to_the_other_news_index(
    one_language_site: BuildResult, path: str
) -> None:
    assert switcher(one_language_site, path) == {"zh": path, "en": "en/news/"}


def test_drafts_and_future_posts_are_left_out_of_the_build(one_language_site: BuildResult) -> None:
    built = {p.as_posix() for p in one_language_site.site_dir.rglob("*")}
    assert not [p for p in built if "a-draft" in p or "in-the-future" in p]
    assert "2999" not in (one_language_site.site_dir / "news" / "feed.xml").read_text(encoding="utf-8")
    for listing in ("sitemap.xml", "search/search_index.json", "news/index.html", "en/news/index.html"):
        text = (one_language_site.site_dir / listing).read_text(encoding="utf-8")
        assert "a-draft" not in text and "in-the-future" not in text, listing


GOOD = (ROOT / "docs" / "zh" / "news" / "posts" / "launch-ceremony.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "text", "message"),
    [
        (
            "zh",
            GOOD.replace("  - 集团动态", "  - 新闻"),
            ":5: categories: “新闻”不是新闻分类，应为以下之一：集团动态、通知公告、",
        ),
        ("zh", GOOD.replace("  - group", "  - zhang-san"), ":7: authors: “zhang-san”不是已有的发布者"),
        ("zh", GOOD.replace("date: 2023-05-17\n", ""), ":1: date: 缺少新闻日期，例如 2024-03-15"),
        ("zh", GOOD.replace("date: 2023-05-17", "date: 17/05/2023"), ":4: date: “17/05/2023”不是日期"),
        ("zh", GOOD.replace("date: 2023-05-17", "date: 2026-13-01"), ":4: date: “2026-13-01”：月份应为 1 到 12"),
        ("zh", re.sub(r"^title: .*\n", "", GOOD, flags=re.M), ":1: title: 缺少内容，应为一行文字。"),
        ("en", GOOD.replace("集团动态", "Group news"), ": date: 与译文 docs/zh/news/posts/launch-ceremony.md 不一致"),
        ("en", GOOD.replace("集团动态", "Group news").replace("2023-05-17", "2023-05-17 09:30"), "differs from its"),
        ("zh", GOOD.replace("categories:", "categroies:"), ":5: categroies: 没有这个字段"),
    ],
    ids=[
        "category",
        "author",
        "no-date",
        "bad-date",
        "month-13",
        "no-title",
        "translation-date",
        "translation-time",
        "typo",
    ],
)
def test_bad_front_matter_fails_with_file_line_and_field(tmp_path: Path, lang: str, text: str, message: str) -> None:
    project = copy_project(tmp_path / "project")
    if lang == "en":  # an English version dated (or timed) differently from the Chinese original
        text = text.replace("2023-05-17\n", "2023-05-18\n")
        write_post(project, "en", "launch-ceremony", text)
    else:
        write_post(project, "zh", "launch-ceremony", text)
    log = build(project, tmp_path / "site", fails=True).log
    assert f"docs/{lang}/news/posts/launch-ceremony.md" in log
    assert message in log


def test_new_post_without_a_terminal_or_arguments_says_what_is_missing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    env = {k: v for k, v in os.environ.items() if k not in ("TITLE_ZH", "TITLE_EN", "SLUG")}
    command = [sys.executable, str(ROOT / "scripts" / "writer_tools.py"), "--root", str(project), "new-post"]
    done = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert done.returncode == 2
    assert "--title-zh is missing" in done.stderr
    assert len(list((project / "docs" / "zh" / "news" / "posts").glob("*.md"))) == len(POSTS)


def test_sitemap_lists_every_post_with_its_translation(site: BuildResult) -> None:
    sitemap = ET.parse(site.site_dir / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    alternates = {
        url.findtext("s:loc", namespaces=ns): {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        for url in sitemap.findall("s:url", ns)
    }
    base = "http://127.0.0.1:8000/"
    for slug, (year, _) in POSTS.items():
        both = {lang: base + post_path(lang, slug, year) for lang in LANGUAGE_ROOTS}
        expected = {LANGUAGE_TAGS[lang]: url for lang, url in both.items()} | {"x-default": both["zh"]}
        for lang in LANGUAGE_ROOTS:
            assert alternates[both[lang]] == expected


def test_serve_shows_drafts_and_future_posts(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write_post(project, "zh", "a-draft", ONLY_ZH.replace("date: 2024-03-15", "date: 2024-03-16\ndraft: true"))
    write_post(project, "zh", "in-the-future", ONLY_ZH.replace("2024-03-15", "2999-01-01"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        html = ""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not html:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/news/", timeout=5) as response:
                    html = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert html, "mkdocs serve did not answer:\n" + (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert "a-draft/" in html and "in-the-future/" in html
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
