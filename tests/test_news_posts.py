"""The news modules without a build: front matter checks, dates, blog shapes and the translation status."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from local_site import copy_project
from material.plugins.blog.structure import Post, View
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from sitebuild import ROOT
from website.data_pages.validate import load_project_data
from website.dates import date_label, rfc822
from website.news.blog import PostDate, Posts
from website.news.posts import check_post, read_front_matter
from website.news.shape import BlogShape
from writer_tools import translation_status

VOCAB = load_project_data(ROOT, ROOT / "docs", "zh").news
POST = """---
title: 标题
description: 一句话。
date: 2024-03-01
date_precision: {precision}
categories:
  - 通知公告
---

摘要。

<!-- more -->

正文。
"""


@pytest.mark.parametrize(
    ("value", "precision", "zh", "en", "iso"),
    [
        (date(2023, 5, 17), "day", "2023 年 5 月 17 日", "17 May 2023", "2023-05-17"),
        (date(2023, 1, 1), "month", "2023 年 1 月", "January 2023", "2023-01"),
        (date(2022, 9, 1), "semester", "2022 年秋季学期", "Autumn semester 2022", "2022"),
        (date(2024, 3, 1), "semester", "2024 年春季学期", "Spring semester 2024", "2024"),
        (date(2021, 1, 1), "year", "2021 年", "2021", "2021"),
    ],
)
def test_dates_are_shown_at_their_precision(value: date, precision: str, zh: str, en: str, iso: str) -> None:
    assert date_label(value, precision, "zh") == zh  # type: ignore[arg-type]
    assert date_label(value, precision, "en") == en  # type: ignore[arg-type]
    as_datetime = PostDate.of(datetime(value.year, value.month, value.day), precision)  # type: ignore[arg-type]
    assert str(as_datetime) == iso
    assert as_datetime == datetime(value.year, value.month, value.day)  # still sorts as a date


def test_feed_date_of_a_day_is_midnight_in_china() -> None:
    parsed = parsedate_to_datetime(rfc822(date(2023, 5, 17)))
    assert (parsed.isoformat()) == "2023-05-17T00:00:00+08:00"


def test_a_good_post_is_read() -> None:
    meta, problems = check_post(POST.format(precision="month"), "p.md", "zh", "notice", VOCAB)
    assert problems == [] and meta is not None
    assert (meta.category_ids, meta.precision, meta.year) == (("announcements",), "month", "2024")


@pytest.mark.parametrize(
    ("text", "slug", "location", "zh", "en"),
    [
        (
            POST.format(precision="week"),
            "ok",
            "p.md:5: date_precision",
            "“week”不是可用的日期精度，应为以下之一：day、month、semester。",
            "'week'; expected one of: day, month, semester",
        ),
        (
            POST.format(precision="month").replace("03-01", "03-05"),
            "ok",
            "p.md:4: date",
            "date_precision 为 month 时，日期请写该月的 1 日",
            "with date_precision: month",
        ),
        (
            POST.format(precision="day"),
            "Bad_Name",
            "p.md:1",
            "文件名“Bad_Name”会成为文章的网址",
            "file name: 'Bad_Name' becomes the post's URL",
        ),
        (
            POST.format(precision="day").replace("通知公告", "Announcements"),
            "ok",
            "p.md:6: categories",
            "“Announcements”不是新闻分类，应为以下之一：集团动态、通知公告、",
            "'Announcements' is not a news category",
        ),
        ("no front matter", "ok", "p.md:1", "缺少文章信息（front matter）", "front matter missing"),
        (
            POST.format(precision="day").replace("<!-- more -->", ""),
            "ok",
            "p.md",
            "缺少 `<!-- more -->` 这一行",
            "no '<!-- more -->' line",
        ),
        ("---\ntitle: [unclosed\n---\n", "ok", "p.md:3: front matter", "不是有效的 YAML", "not valid YAML"),
        (
            "---\ntitle: 标题\ncategories:\n\t- 通知公告\n---\n",
            "ok",
            "p.md:4: front matter",
            "这一行用 Tab 键缩进了，YAML 只能用空格缩进：请把 Tab 换成空格",
            "indented with a tab",
        ),
        (
            POST.format(precision="day").replace("---\n\n", "cover: https://e.org/a.jpg\n---\n\n"),
            "ok",
            "p.md:8: cover",
            "“https://e.org/a.jpg”不是图片的路径",
            "'https://e.org/a.jpg' is not the path of an image",
        ),
        (
            POST.format(precision="day").replace("---\n\n", "cover: x/notice.pdf\n---\n\n"),
            "ok",
            "p.md:8: cover",
            "“x/notice.pdf”不是图片的路径",
            "'x/notice.pdf' is not the path of an image",
        ),
    ],
)
def test_problems_name_the_line_and_field(text: str, slug: str, location: str, zh: str, en: str) -> None:
    meta, problems = check_post(text, "p.md", "zh", slug, VOCAB)
    assert meta is None
    assert any(p.location == location and zh in p.text("zh") and en in p.text("en") for p in problems), problems


def test_blog_shape_knows_which_pages_exist() -> None:
    posts = [
        check_post(POST.format(precision="day").replace("03-01", f"03-{d:02d}"), "p.md", "zh", f"p{d}", VOCAB)[0]
        for d in range(1, 13)
    ]
    shape = BlogShape.of([p for p in posts if p is not None], per_page=10)
    assert shape.has(("post", "p12", 1)) and not shape.has(("post", "p13", 1))
    assert shape.has(("index", "", 2)) and not shape.has(("index", "", 3))
    assert shape.has(("archive", "2024", 2)) and not shape.has(("archive", "2023", 1))
    assert shape.has(("category", "announcements", 1)) and not shape.has(("category", "group-news", 1))
    assert BlogShape.of([], per_page=10).has(("index", "", 1))


def test_translation_status_lists_what_is_missing_with_a_total(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "zh" / "only-zh.md").write_text("# 仅中文\n", encoding="utf-8")
    (project / "docs" / "en" / "news" / "posts" / "launch-ceremony.md").unlink()
    (project / "data" / "extra.yml").write_text(
        "items:\n  - name: {zh: 甲, en: A}\n  - name: {zh: 乙}\n  - title_zh: 丙\n    title_en: ''\n", encoding="utf-8"
    )
    lines: list[str] = []
    total = translation_status(project, datetime(2026, 11, 30, tzinfo=UTC), lines.append)
    assert total == 4
    assert "  docs/zh/only-zh.md: no English version (docs/en/only-zh.md)" in lines
    assert (
        "  docs/zh/news/posts/launch-ceremony.md: no English version (docs/en/news/posts/launch-ceremony.md)" in lines
    )
    assert "  data/extra.yml: items[1]/name: no English" in lines
    assert "  data/extra.yml: items[2]/title_en: no English" in lines
    assert lines[-1] == "Total missing translations: 4"


def test_front_matter_read_again_is_the_same_and_not_shared() -> None:
    """Parsed once per text (every language's build reads every post): a caller changing what it got changes nothing
    for the next one."""
    text = POST.format(precision="day")
    first, lines = read_front_matter(text, "a.md")
    first["categories"].append("changed")
    lines["title"] = 99
    again, again_lines = read_front_matter(text, "a.md")
    assert again["categories"] == ["通知公告"]
    assert again_lines["title"] == 2
    assert read_front_matter(text.replace("标题", "另一个标题"), "a.md")[0]["title"] == "另一个标题"


def test_posts_answer_in_as_a_list_does(tmp_path: Path) -> None:
    """news_blog.Posts answers `page in posts` without comparing the page with every post: the same answers."""
    docs = tmp_path / "docs"
    (docs / "posts").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))

    def file(name: str, text: str) -> File:
        (docs / name).write_text(text, encoding="utf-8")
        return File(name, str(docs), str(tmp_path / "site"), True)

    posts = [file(f"posts/{n}.md", POST.format(precision="day").replace("标题", f"标题{n}")) for n in "abc"]
    listed = [Post(f, config) for f in posts]
    same_file_again = Post(posts[1], config)
    unlisted = Post(file("posts/d.md", POST.format(precision="day")), config)
    page = Page(None, file("about.md", "# 关于\n"), config)
    view = View("新闻", file("index.md", "# 新闻\n"), config)
    for candidate in [*listed, same_file_again, unlisted, page, view, None]:
        assert (candidate in Posts(listed)) == (candidate in list(listed)), candidate
    assert same_file_again in Posts(listed)
    assert unlisted not in Posts(listed)
