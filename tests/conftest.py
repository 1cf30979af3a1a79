"""The tests come in kinds, each marked: `unit` (code run in the test process, no site built; the default), `build`
(builds the site or a copy of the project, or runs the writers' tools, and reads what they produced), `browser`
(tests/browser/: Chromium on the served site) and `contract` (the upstream names the seam relies on, run first).
`make test` runs them all; `make test-fast` all but `browser`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from local_site import copy_project
from sitebuild import ROOT, BuildResult, build, write_posts, write_test_post
from website import clock

# No test depends on the wall clock: every build and tool the tests run reads this moment (website/clock.py), unless
# a test sets its own. 30 November 2026, 20:00 in Beijing.
os.environ[clock.ENVIRONMENT_VARIABLE] = "2026-11-30T12:00:00+00:00"

BROWSER_TESTS = Path(__file__).parent / "browser"
# Fixtures that build the site (by name: these, and every `…_site`): a test using one is a build (or browser) test, and
# must say so.
BUILDING_FIXTURES = {"site", "served"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)
        kinds = {mark.name for mark in item.iter_markers()} & {"build", "browser", "contract"}
        if not kinds:
            parameters = set(item.callspec.params) if hasattr(item, "callspec") else set()
            fixtures = set(getattr(item, "fixturenames", ())) - parameters
            if BUILDING_FIXTURES & fixtures or any(name.endswith("_site") for name in fixtures):
                raise pytest.UsageError(f"{item.nodeid} builds the site: mark it @pytest.mark.build")
            item.add_marker(pytest.mark.unit)
    # The contract with upstream first: when an upgrade breaks it, that is what to read, before any page differs.
    items.sort(key=lambda item: item.get_closest_marker("contract") is None)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real project, built once per test run with `mkdocs build --strict` into a temporary folder."""
    return build(ROOT, tmp_path_factory.mktemp("site"))


# Test posts of a busier news section (tests/test_front_page.py, tests/test_wayfinding.py): slug -> (date, Chinese
# category, English category, extra front matter).
BUSY_NEWS = {
    **{f"notice-{n}": (f"2024-0{n}-10", "通知公告", "Announcements", "") for n in range(1, 5)},
    "due-later": ("2999-01-01", "通知公告", "Announcements", ""),
    "unfinished": ("2024-06-01", "集团动态", "Group news", "draft: true\n"),
}


@pytest.fixture(scope="session")
def busy_news_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The project with a busier news section: twelve more group news posts (the lists run over two pages), four
    announcements, one scheduled for later and a draft, and the oldest real post pinned."""
    tmp = tmp_path_factory.mktemp("busy-news")
    project = copy_project(tmp / "project")
    write_posts(project, 12)
    for slug, (day, zh, en, extra) in BUSY_NEWS.items():
        write_test_post(project, "zh", slug, f"测试通知 {slug}", day, zh, extra)
        write_test_post(project, "en", slug, f"Test notice {slug}", day, en, extra)
    for lang in ("zh", "en"):
        pinned = project / "docs" / lang / "news" / "posts" / "modern-industrial-college.md"
        pinned.write_text(pinned.read_text(encoding="utf-8").replace("\ndate:", "\npin: true\ndate:", 1), "utf-8")
    return build(project, tmp / "site")
