"""The built site carries the data in both languages; bad data stops the build and `make check-data`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from local_site import copy_project
from sitebuild import LANGUAGE_ROOTS, ROOT, BuildResult, build, resolve
from website.data_pages import ui_text
from website.data_pages.models import SiteData
from website.data_pages.validate import load_site_data

# Each test builds the site (or a copy of the project) and reads what it produced.
pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(ROOT / "data", ROOT / "docs" / "zh" / "news" / "posts")


def target_exists(site: BuildResult, page: str, href: str) -> bool:
    """An href on a built page leads to a built page, and to an element with its #fragment if it has one."""
    path, _, fragment = href.partition("#")
    target = resolve(page, path) if path else page
    file = site.site_dir / target / "index.html" if not target.endswith(".html") else site.site_dir / target
    if not file.is_file():
        return False
    return not fragment or site.soup(file).find(id=fragment) is not None


@pytest.mark.parametrize("language", ["zh", "en"])
def test_members_page_carries_the_directory(site: BuildResult, data: SiteData, language: str) -> None:
    page = f"{LANGUAGE_ROOTS[language]}members/"
    soup = site.page(page)
    rows = soup.select(".member-directory__group tbody tr")
    assert [r["id"] for r in rows] == [
        f"member-{m.id}" for t in ui_text.MEMBER_TYPES for m in data.members.members if m.type == t
    ]
    assert {r.find("td").get_text() for r in rows} == {m.name[language] for m in data.members.members}
    assert soup.select_one("figure.member-chart svg[role=img] desc") is not None
    ui = ui_text.UI[language]
    headers = {th.get_text() for th in soup.select(".member-directory thead th")}
    assert headers == {ui.column_name, ui.column_other_name, ui.column_role}
    # The filter/search/sort script is self-hosted and the page loads it.
    scripts = [s["src"] for s in soup.find_all("script", src=True) if "member-directory" in s["src"]]
    assert len(scripts) == 1 and (site.site_dir / resolve(page, scripts[0])).is_file()


def test_no_interface_text_leaks_from_one_language_into_the_other(site: BuildResult) -> None:
    zh_only = [ui_text.UI["zh"].column_name, ui_text.UI["zh"].search_label, ui_text.UI["zh"].progress_label]
    en_only = [ui_text.UI["en"].column_other_name, ui_text.UI["en"].search_label, ui_text.UI["en"].progress_label]
    for section in ("members/", "city-of-design/"):
        zh, en = site.page(section).get_text(), site.page(f"en/{section}").get_text()
        assert not any(label in en for label in zh_only), section
        assert not any(label in zh for label in en_only), section


@pytest.mark.parametrize("language", ["zh", "en"])
def test_city_of_design_page_carries_the_action_board(site: BuildResult, data: SiteData, language: str) -> None:
    soup = site.page(f"{LANGUAGE_ROOTS[language]}city-of-design/")
    items = soup.select(".action-board__item")
    assert [li["id"] for li in items] == [
        f"action-{i.id}" for s in ui_text.ACTION_STATUSES for i in data.action_items if i.status == s
    ]
    assert int(soup.select_one(".action-board progress")["max"]) == len(data.action_items)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_about_page_carries_the_timeline(site: BuildResult, data: SiteData, language: str) -> None:
    soup = site.page(f"{LANGUAGE_ROOTS[language]}about/")
    events = [li.select_one(".timeline__event").get_text() for li in soup.select("ol.timeline li")]
    assert sorted(events) == sorted(m.title[language] for m in data.milestones)
    # The timeline sits under the page's history heading.
    heading = soup.select_one("ol.timeline").find_previous("h2").get_text(strip=True)
    assert heading.rstrip("¶") == {"zh": "发展历程", "en": "History"}[language]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_colleges_link_to_profiles_whose_facts_come_from_the_data(
    site: BuildResult, data: SiteData, language: str
) -> None:
    index = f"{LANGUAGE_ROOTS[language]}colleges/"
    links = site.page(index).select(".college-index a")
    assert links, "the colleges index links its profiles"
    for a in links:
        assert target_exists(site, index, a["href"]), a["href"]
    profiles = {Path(p).stem for p in (ROOT / "docs" / "zh" / "colleges").glob("*.md")} - {"index"}
    assert {resolve(index, a["href"]).rstrip("/").rsplit("/", 1)[-1] for a in links} == profiles
    for college_id in profiles:
        page = f"{index}{college_id}/"
        facts = site.page(page).select_one("table.college-facts")
        assert facts is not None, page
        kind = ui_text.COLLEGE_KINDS[data.college(college_id).kind][language]
        assert facts.find("td").get_text() == kind
        for a in facts.find_all("a"):
            assert target_exists(site, page, a["href"]), (page, a["href"])


def test_related_posts_link_to_the_built_post_in_each_language(site: BuildResult) -> None:
    for language in ("zh", "en"):
        root = LANGUAGE_ROOTS[language]
        for page, selector in (
            (f"{root}city-of-design/", "#action-national-exemplary-bid-launch .data-related a"),
            (f"{root}about/", "#milestone-launch-ceremony .data-related a"),
        ):
            link = site.page(page).select_one(selector)
            assert link is not None, page
            target = resolve(page, link["href"])
            assert target.startswith(f"{root}news/") and target.endswith("/launch-ceremony/"), target
            post_title = site.page(target).find("h1").get_text(strip=True).rstrip("¶")
            assert link.get_text() == post_title, page


def test_bad_data_stops_the_build_with_a_clear_message(tmp_path: Path) -> None:
    # MkDocs itself (the hook), as `make serve` runs it; `make build` checks before (tests/test_writer_feedback.py).
    project = copy_project(tmp_path / "project")
    members = project / "data" / "members.yml"
    members.write_text(
        members.read_text(encoding="utf-8").replace("type: association", "type: society"), encoding="utf-8"
    )
    log = build(project, tmp_path / "site", fails=True, one_process=True).log
    line = next(n for n, s in enumerate(members.read_text(encoding="utf-8").splitlines(), 1) if "society" in s)
    assert (
        f"data/members.yml:{line}: type: 成员单位“chongqing-industrial-design-association”：“society”不是允许的值"
        in log
    )
    assert "    member 'chongqing-industrial-design-association': 'society' is not an allowed value" in log
    assert "Traceback" not in log


def test_a_wrong_marker_stops_the_build_naming_the_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "members" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("data:members-directory", "data:member-list"), encoding="utf-8"
    )
    with pytest.raises(AssertionError) as failed:
        build(project, tmp_path / "site")
    assert "en/members/index.md: unknown marker '<!-- data:member-list -->'" in str(failed.value)


# Two builds in one process, as `mkdocs serve` rebuilds (the configuration and hooks loaded again, the data modules
# and their caches kept), with an edit of a data file between them.
REBUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
project, site, old, new = sys.argv[1:]
members = f"{project}/data/members.yml"
for number in range(2):
    build(load_config(f"{project}/mkdocs.yml", site_dir=f"{site}/{number}", strict=True))
    with open(members, encoding="utf-8") as file:
        text = file.read()
    with open(members, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new))
"""


def test_a_rebuild_in_the_same_process_shows_the_edited_data(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    old, new = "Chongqing Light Industry School", "Chongqing Light Industry School, renamed"
    command = [sys.executable, "-c", REBUILD, str(project), str(tmp_path / "site"), old, new]
    subprocess.run(command, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)
    for language in LANGUAGE_ROOTS:
        pages = [
            BuildResult(tmp_path / "site" / str(n), "").page(f"{LANGUAGE_ROOTS[language]}members/") for n in (0, 1)
        ]
        before, after = (page.select_one("#member-chongqing-light-industry-school").get_text() for page in pages)
        assert old in before and new not in before
        assert new in after


def make_check_data(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "check-data", f"PROJECT={project}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_make_check_data_passes_on_the_real_data() -> None:
    result = make_check_data(ROOT)
    assert result.returncode == 0, result.stderr
    assert "The data files are valid" in result.stdout


def test_make_check_data_fails_on_a_bad_file_with_the_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    colleges = project / "data" / "colleges.yml"
    colleges.write_text(
        colleges.read_text(encoding="utf-8").replace('established: "2021-02"', 'established: "Feb 2021"'),
        encoding="utf-8",
    )
    result = make_check_data(project)
    assert result.returncode != 0
    assert (
        "data/colleges.yml:11: established: 学院或基地“modern-industrial-college”：“Feb 2021”不符合要求："
        in result.stderr
    )
    assert "    college 'modern-industrial-college': 'Feb 2021' is not valid" in result.stderr
