"""Posts go live on time in China: a post's date is Beijing time, whatever the machine's clock or time zone, and one
rule (website/news/schedule.py) decides what the build publishes, what the writers' tools list and what the
scheduled deploy publishes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from local_site import copy_project
from sitebuild import LANGUAGE_ROOTS, ROOT, BuildResult, build
from website.data_pages.validate import load_project_data
from website.news.posts import DateProblem, check_post, parse_post_date
from website.news.schedule import is_published, newly_due

WRITER_TOOLS = ROOT / "scripts" / "writer_tools.py"
VOCAB = load_project_data(ROOT, ROOT / "docs", "zh").news
TIME_ZONES = ["UTC", "Asia/Shanghai", "America/Los_Angeles"]
CATEGORY = {"zh": "通知公告", "en": "Announcements"}
# slug -> the `date` its front matter gives: 1 December 2026 in Beijing, the next day, and 09:30 on the first.
SCHEDULE = {"today": "2026-12-01", "tomorrow": "2026-12-02", "at-half-past-nine": "2026-12-01 09:30:00"}


def post_text(lang: str, slug: str, when: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {slug} ({lang})\ndescription: {slug}.\ndate: {when}\n{extra}categories:\n  - {CATEGORY[lang]}\n"
        f"---\n\n# {slug}\n\nSummary.\n\n<!-- more -->\n\nBody.\n"
    )


def meta(slug: str, when: str, extra: str = "") -> object:
    found, problems = check_post(post_text("zh", slug, when, extra), f"{slug}.md", "zh", slug, VOCAB)
    assert problems == []
    return found


@pytest.fixture
def local_time_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run the test's own code with the machine's time zone set to the parameter."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    try:
        yield request.param
    finally:
        if before is None:
            os.environ.pop("TZ")
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.mark.parametrize("local_time_zone", TIME_ZONES, indirect=True)
@pytest.mark.parametrize(
    ("now", "published"),
    [
        ("2026-11-30T15:59:00+00:00", set()),  # 23:59 on 30 November in Beijing
        ("2026-11-30T23:30:00+00:00", {"today"}),  # 07:30 on 1 December in Beijing, still the 30th in UTC
        ("2026-12-01T01:29:00+00:00", {"today"}),
        ("2026-12-01T01:31:00+00:00", {"today", "at-half-past-nine"}),
        ("2026-12-01T16:00:00+00:00", {"today", "at-half-past-nine", "tomorrow"}),
    ],
)
def test_a_post_is_published_from_its_moment_in_beijing(local_time_zone: str, now: str, published: set[str]) -> None:
    moment = datetime.fromisoformat(now)
    posts = {slug: meta(slug, when) for slug, when in SCHEDULE.items()}
    assert {slug for slug, post in posts.items() if is_published(post, moment)} == published  # type: ignore[arg-type]


def test_a_draft_is_never_published() -> None:
    draft = meta("draft", "2020-01-01", "draft: true\n")
    assert not is_published(draft, datetime(2100, 1, 1, tzinfo=UTC))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("2026-12-01", "2026-12-01T00:00:00+08:00"),
        ("2026-12-01 09:30", "2026-12-01T09:30:00+08:00"),
        ("2026-12-01 09:30:00", "2026-12-01T09:30:00+08:00"),
        ("2026-12-01T09:30:00", "2026-12-01T09:30:00+08:00"),
        ("2026-12-01 09:30:00+08:00", "2026-12-01T09:30:00+08:00"),
        ("2026-12-01 01:30:00Z", "2026-12-01T09:30:00+08:00"),
        ("2026-12-01 09:30:00-05:00", "2026-12-01T22:30:00+08:00"),
    ],
)
def test_a_date_without_an_offset_is_beijing_time(written: str, moment: str) -> None:
    assert parse_post_date(written)[0] == datetime.fromisoformat(moment)
    assert parse_post_date(written)[0].utcoffset() == datetime.fromisoformat("2026-01-01T00:00+08:00").utcoffset()


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("2026-13-01", "月份应为 1 到 12"),
        ("明天", "“明天”不是日期"),
        ("2026-12-01 25:00:00", "时间应在 00:00 到 23:59 之间"),
        ("2026-02-30", "2 月没有 30 日"),
        ("17/05/2023", "“17/05/2023”不是日期"),
    ],
)
def test_a_bad_date_is_named_with_an_example(written: str, says: str) -> None:
    with pytest.raises(DateProblem) as problem:
        parse_post_date(written)
    assert says in str(problem.value)
    assert "2024-03-15 09:30" in str(problem.value)  # the example of the right form


def test_newly_due_posts_are_those_whose_moment_came_since_the_last_run() -> None:
    posts = [meta(slug, when) for slug, when in SCHEDULE.items()]
    since = datetime.fromisoformat("2026-12-01T01:07:00+00:00")
    due = newly_due(posts, since, datetime.fromisoformat("2026-12-01T02:07:00+00:00"))  # type: ignore[arg-type]
    assert [post.slug for post in due] == ["at-half-past-nine"]
    assert newly_due(posts, since, since) == []  # type: ignore[arg-type]
    everything = newly_due(posts, None, datetime.fromisoformat("2026-12-02T00:00:00+08:00"))  # type: ignore[arg-type]
    assert [post.slug for post in everything] == ["today", "at-half-past-nine", "tomorrow"]


# ---------------------------------------------------------------------------------------------------------------
# The built site and the writers' tools, run as processes with the clock and time zone they are given.


def scheduled_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    for lang in LANGUAGE_ROOTS:
        for slug, when in SCHEDULE.items():
            path = project / "docs" / lang / "news" / "posts" / f"{slug}.md"
            path.write_text(post_text(lang, slug, when), encoding="utf-8")
    return project


def posts_on_site(site: BuildResult, lang: str) -> dict[str, set[str]]:
    """Which of the scheduled posts each part of the built site holds, in one language."""
    root = site.site_dir / LANGUAGE_ROOTS[lang]

    def among(text: str) -> set[str]:
        return {slug for slug in SCHEDULE if f"/{slug}/" in text}

    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {
        "pages": {slug for slug in SCHEDULE if (root / "news" / "2026" / slug / "index.html").exists()},
        "news list": among((root / "news" / "index.html").read_text(encoding="utf-8")),
        "archive": among((root / "news" / "archive" / "2026" / "index.html").read_text(encoding="utf-8")),
        "category": among((root / "news" / "category" / "announcements" / "index.html").read_text(encoding="utf-8")),
        "feed": among((root / "news" / "feed.xml").read_text(encoding="utf-8")),
        "sitemap": among((site.site_dir / "sitemap.xml").read_text(encoding="utf-8")),
        "search": among(" ".join(doc["location"] for doc in index["docs"])),
    }


@pytest.mark.build
@pytest.mark.parametrize(
    ("now", "time_zone", "live"),
    [
        ("2026-11-30T23:30:00+00:00", "America/Los_Angeles", {"today"}),
        ("2026-12-01T01:29:00+00:00", "UTC", {"today"}),
        ("2026-12-01T01:31:00+00:00", "Asia/Shanghai", {"today", "at-half-past-nine"}),
    ],
)
def test_the_build_publishes_what_is_due_and_says_when_the_rest_goes_live(
    tmp_path: Path, now: str, time_zone: str, live: set[str]
) -> None:
    site = build(scheduled_project(tmp_path), tmp_path / "site", env={"SITE_NOW": now, "TZ": time_zone})
    for lang in LANGUAGE_ROOTS:
        assert posts_on_site(site, lang) == dict.fromkeys(posts_on_site(site, lang), live), lang
    waiting = {"tomorrow": "2026-12-02 00:00", "at-half-past-nine": "2026-12-01 09:30"}
    for slug, moment in waiting.items():
        for lang in LANGUAGE_ROOTS:
            notice = f"定时发布 / scheduled: docs/{lang}/news/posts/{slug}.md, {moment} 北京时间"
            assert (notice in site.log) == (slug not in live), notice


def run_writer_tool(project: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(WRITER_TOOLS), "--root", str(project), *args]
    return subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True, check=True)


@pytest.mark.build
def test_writers_tools_list_the_scheduled_posts_in_beijing_time(tmp_path: Path) -> None:
    project = scheduled_project(tmp_path)
    env = {"SITE_NOW": "2026-11-30T23:30:00+00:00", "TZ": "America/Los_Angeles"}
    listed = run_writer_tool(project, "scheduled", env=env).stdout
    assert "Scheduled posts (4), now 2026-12-01 07:30 北京时间" in listed
    lines = [line.strip() for line in listed.splitlines() if line.startswith("  ")]
    assert lines == [
        "docs/en/news/posts/at-half-past-nine.md: 2026-12-01 09:30 北京时间",
        "docs/zh/news/posts/at-half-past-nine.md: 2026-12-01 09:30 北京时间",
        "docs/en/news/posts/tomorrow.md: 2026-12-02 00:00 北京时间",
        "docs/zh/news/posts/tomorrow.md: 2026-12-02 00:00 北京时间",
    ]
    (project / "docs" / "en" / "news" / "posts" / "tomorrow.md").unlink()
    status = run_writer_tool(project, "translation-status", env=env).stdout
    assert "docs/zh/news/posts/tomorrow.md: no English version" in status
    assert "[定时 / scheduled 2026-12-02 00:00 北京时间]" in status


@pytest.mark.build
def test_the_scheduled_deploy_learns_which_posts_became_due(tmp_path: Path) -> None:
    project = scheduled_project(tmp_path)
    output, summary = tmp_path / "output", tmp_path / "summary.md"
    env = {"SITE_NOW": "2026-12-01T02:07:00+00:00", "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary)}
    run_writer_tool(project, "due", "--since", "2026-12-01T01:07:12Z", env=env)
    assert output.read_text(encoding="utf-8") == "due=true\n"
    assert "`docs/zh/news/posts/at-half-past-nine.md`: 2026-12-01 09:30 北京时间" in summary.read_text(encoding="utf-8")
    output.unlink()
    run_writer_tool(project, "due", "--since", "2026-12-01T02:00:00Z", env=env)
    assert output.read_text(encoding="utf-8") == "due=false\n"


@pytest.mark.build
def test_a_new_post_dated_today_in_beijing_is_published_at_half_past_seven(tmp_path: Path) -> None:
    """At 23:30 UTC (07:30 in Beijing, and still the day before in California) a writer runs `make new-post` (whose
    values arrive in the environment) and deletes the draft line: the post is dated today in Beijing and leads the
    news list and the feed of each language."""
    project = copy_project(tmp_path / "project")
    clock = {"SITE_NOW": "2026-11-29T23:30:00+00:00", "TZ": "America/Los_Angeles"}
    titles = {"TITLE_ZH": "集团召开工作会议：部署下半年工作", "TITLE_EN": "Group work meeting", "SLUG": "work-meeting"}
    made = run_writer_tool(project, "new-post", env={**clock, **titles})
    for lang in LANGUAGE_ROOTS:
        path = project / "docs" / lang / "news" / "posts" / "work-meeting.md"
        assert str(path.relative_to(project)) in made.stdout
        text = path.read_text(encoding="utf-8")
        assert "date: 2026-11-30\n" in text and "draft: true\n" in text
        path.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    site = build(project, tmp_path / "site", env=clock)
    for lang, root in LANGUAGE_ROOTS.items():
        news = site.page(f"{root}news/")
        first = news.select_one("article.md-post--excerpt h2 a")
        assert first is not None and first["href"].endswith("2026/work-meeting/"), lang
        items = ET.parse(site.site_dir / root / "news" / "feed.xml").getroot().findall("channel/item")
        assert items[0].findtext("link", "").endswith(f"{root}news/2026/work-meeting/")
        assert items[0].findtext("pubDate") == "Mon, 30 Nov 2026 00:00:00 +0800"
    assert site.page("news/").select_one("article.md-post--excerpt h2").get_text(strip=True).startswith("集团召开")
