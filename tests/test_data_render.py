"""The data rendered to HTML in each language: values from the data files, escaped, with working structure."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Sequence

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT
from website.data_pages import ui_text
from website.data_pages.models import Fact, Member, SiteData
from website.data_pages.render import Link, MarkerError, Renderer
from website.data_pages.validate import load_site_data

POSTS = ROOT / "docs" / "zh" / "news" / "posts"
OTHER = {"zh": "en", "en": "zh"}


class FakeLinks:
    """Links as the hook would give them, with made-up URLs the tests can recognise."""

    def __init__(self, college_pages: set[str] | None = None) -> None:
        self.college_pages = college_pages or set()

    def posts(self, slugs: Sequence[str]) -> list[Link]:
        return [Link(f"/posts/{slug}/", f"Post {slug}") for slug in slugs]

    def college_page(self, college_id: str) -> str | None:
        return f"/colleges/{college_id}/" if college_id in self.college_pages else None

    def member(self, member_id: str) -> str:
        return f"/members/#member-{member_id}"


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(ROOT / "data", POSTS)


def render(data: SiteData, language: str, marker: str, links: FakeLinks | None = None) -> BeautifulSoup:
    html = Renderer(data, language, links or FakeLinks()).replace_markers(f"<p>before</p>\n{marker}\n<p>after</p>")
    assert "data:" not in html
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_member_directory_groups_units_by_type_with_counts(data: SiteData, language: str) -> None:
    soup = render(data, language, "<!-- data:members-directory -->")
    members = data.members.members
    by_type = Counter(m.type for m in members)
    groups = soup.select(".member-directory__group")
    assert [g["data-type"] for g in groups] == [t for t in ui_text.MEMBER_TYPES if by_type[t]]
    for group in groups:
        expected = [m for m in members if m.type == group["data-type"]]
        heading = group.find("h2").get_text(" ", strip=True)
        assert heading.startswith(ui_text.MEMBER_TYPES[group["data-type"]][language])
        # Chinese counts schools with 所 and other units with 家.
        measure = ("所" if "school" in group["data-type"] or "college" in group["data-type"] else "家") * (
            language == "zh"
        )
        assert heading.endswith(f"{len(expected)} {measure}".strip())
        rows = group.select("tbody tr")
        assert [r["id"] for r in rows] == [f"member-{m.id}" for m in expected]
        for row, member in zip(rows, expected, strict=True):
            cells = [td.get_text(strip=True) for td in row.find_all("td")]
            assert cells == [
                member.name[language],
                member.name[OTHER[language]],
                ui_text.MEMBER_ROLES[member.role][language],
            ]
    # Every member unit is in a table once; the guiding body is not among them but listed apart.
    assert len(soup.select(".member-directory__group tbody tr")) == len(members)
    guiding = soup.select_one(".member-directory__guiding")
    for body in data.members.guiding_bodies:
        assert guiding.select_one(f"#member-{body.id}").get_text().startswith(body.name[language])
        assert soup.select_one(f"tbody #member-{body.id}") is None


@pytest.mark.parametrize("language", ["zh", "en"])
def test_member_directory_says_how_many_of_the_stated_total_are_listed(data: SiteData, language: str) -> None:
    soup = render(data, language, "<!-- data:members-directory -->")
    summary = soup.select_one(".member-directory__summary")
    listed, stated = len(data.members.members), data.members.stated_total
    text = ui_text.UI[language]
    assert summary.get_text() == (
        text.listed_of_stated.format(listed=listed, stated=stated)
        + text.unlisted.format(unlisted=stated - listed)
        + text.to_be_completed
    )
    assert str(listed) in summary.get_text() and str(stated) in summary.get_text()
    # The units not listed yet carry the site's one mark of what is still to be completed.
    assert summary.select_one(".to-be-completed").get_text() == text.to_be_completed


@pytest.mark.parametrize("language", ["zh", "en"])
def test_composition_chart_is_inline_svg_with_a_text_alternative(data: SiteData, language: str) -> None:
    soup = render(data, language, "<!-- data:members-directory -->")
    svg = soup.select_one("figure.member-chart svg")
    assert svg["role"] == "img"
    labelled_by = svg["aria-labelledby"].split()
    assert [soup.find(id=i).name for i in labelled_by] == ["title", "desc"]
    by_type = Counter(m.type for m in data.members.members)
    unlisted = data.members.stated_total - len(data.members.members)
    rows = svg.select("g.member-chart__row")
    bars = {row.find("text").get_text(): int(row.find_all("text")[1].get_text()) for row in rows}
    expected = {ui_text.MEMBER_TYPES[t][language]: n for t, n in by_type.items()}
    expected[ui_text.UI[language].not_yet_listed] = unlisted
    assert bars == expected
    # Bar lengths are proportional to the counts.
    widths = {row.find("text").get_text(): float(row.find("rect")["width"]) for row in rows}
    largest = max(expected.values())
    for label, count in expected.items():
        assert widths[label] == pytest.approx(
            widths[max(expected, key=expected.__getitem__)] * count / largest, abs=0.1
        )
    description = soup.find(id=labelled_by[1]).get_text()
    assert all(label in description and str(count) in description for label, count in expected.items())
    assert soup.select_one("figure.member-chart figcaption").get_text() == description


def test_search_and_filter_controls_are_hidden_until_the_script_runs(data: SiteData) -> None:
    soup = render(data, "zh", "<!-- data:members-directory -->")
    form = soup.select_one(".member-directory__controls")
    assert form.has_attr("hidden")
    options = [o["value"] for o in form.select("select[name=type] option")]
    assert options == ["", *[g["data-type"] for g in soup.select(".member-directory__group")]]
    assert "{shown}" in form.select_one("[role=status]")["data-template"]


def test_optional_columns_appear_when_a_member_has_them(data: SiteData) -> None:
    first = data.members.entries[0]
    richer = dataclasses.replace(
        first, district={"zh": "九龙坡区", "en": "Jiulongpo District"}, website="https://example.cn/", joined=2021
    )
    changed = dataclasses.replace(data, members=dataclasses.replace(data.members, entries=(richer,)))
    soup = render(changed, "en", "<!-- data:members-directory -->")
    headers = [th.get_text() for th in soup.select("thead th")]
    assert headers[-3:] == ["District", "Website", "Joined"]
    cells = soup.select_one(f"#member-{first.id}").find_all("td")
    assert [c.get_text() for c in cells[-3:]] == ["Jiulongpo District", "https://example.cn/", "2021"]
    assert cells[-2].find("a")["href"] == "https://example.cn/"
    # Without them the columns are left out rather than shown empty.
    plain = render(data, "en", "<!-- data:members-directory -->")
    assert "District" not in [th.get_text() for th in plain.select("thead th")]


def test_values_from_data_files_are_escaped(data: SiteData) -> None:
    evil = "<script>alert('x')</script>"
    member = Member(id="evil", name={"zh": evil, "en": evil + " & co"}, type="enterprise", role="member")
    pilot = data.college("modern-apprenticeship-pilot")
    evil_fact = Fact(label={"zh": evil, "en": evil}, value={"zh": evil, "en": evil})
    changed = dataclasses.replace(
        data,
        members=dataclasses.replace(data.members, entries=(*data.members.entries, member)),
        colleges=tuple(dataclasses.replace(c, facts=(evil_fact,)) if c is pilot else c for c in data.colleges),
    )
    for marker in ("<!-- data:members-directory -->", "<!-- data:college-facts modern-apprenticeship-pilot -->"):
        soup = render(changed, "zh", marker)
        assert soup.find("script") is None
        assert evil in soup.get_text()
    en = render(changed, "en", "<!-- data:members-directory -->")
    assert en.select_one("#member-evil td").get_text() == evil + " & co"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_action_board_shows_items_by_status_with_progress(data: SiteData, language: str) -> None:
    soup = render(data, language, "<!-- data:action-board -->")
    items = data.action_items
    columns = soup.select(".action-board__column")
    assert [c["data-status"] for c in columns] == ["planned", "in-progress", "done"]
    for column in columns:
        expected = [i for i in items if i.status == column["data-status"]]
        assert [li["id"] for li in column.select("li.action-board__item")] == [f"action-{i.id}" for i in expected]
        assert (
            column.find("h3")
            .get_text(" ", strip=True)
            .startswith(ui_text.ACTION_STATUSES[column["data-status"]][language])
        )
        for li, item in zip(column.select("li.action-board__item"), expected, strict=True):
            assert li.select_one(".action-board__title").get_text() == item.title[language]
            assert ui_text.ACTION_AREAS[item.area][language] in li.select_one(".action-board__meta").get_text()
    done = sum(1 for i in items if i.status == "done")
    progress = soup.select_one("progress")
    assert (int(progress["value"]), int(progress["max"])) == (done, len(items))
    percent = round(100 * done / len(items))
    assert ui_text.UI[language].progress.format(done=done, total=len(items), percent=percent) in soup.get_text()


def test_related_posts_become_links(data: SiteData) -> None:
    item = dataclasses.replace(data.action_items[0], related_posts=("launch-ceremony", "modern-industrial-college"))
    without = dataclasses.replace(data.action_items[1], related_posts=())
    changed = dataclasses.replace(data, action_items=(item, without, *data.action_items[2:]))
    soup = render(changed, "en", "<!-- data:action-board -->")
    links = soup.select(f"#action-{item.id} .data-related a")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("/posts/launch-ceremony/", "Post launch-ceremony"),
        ("/posts/modern-industrial-college/", "Post modern-industrial-college"),
    ]
    # Items without related posts carry no empty "related news" line.
    assert soup.select(f"#action-{without.id} .data-related") == []


@pytest.mark.parametrize(
    ("language", "dates"),
    [
        (
            "zh",
            ["2021 年", "2021 年 2 月", "2022 年 1 月 19 日", "2022 年秋季学期", "2023 年 1 月", "2023 年 5 月 17 日"],
        ),
        ("en", ["2021", "February 2021", "19 January 2022", "Autumn semester 2022", "January 2023", "17 May 2023"]),
    ],
)
def test_timeline_lists_milestones_in_date_order(data: SiteData, language: str, dates: list[str]) -> None:
    shuffled = dataclasses.replace(data, milestones=tuple(reversed(data.milestones)))
    soup = render(shuffled, language, "<!-- data:timeline -->")
    entries = soup.select("ol.timeline li")
    in_order = list(data.milestones)  # the file lists them in date order
    assert [li["id"] for li in entries] == [f"milestone-{m.id}" for m in in_order]
    assert [li.find("time")["datetime"] for li in entries] == [m.date for m in in_order]
    assert [li.find("time").get_text() for li in entries] == dates
    assert [li.select_one(".timeline__event").get_text() for li in entries] == [m.title[language] for m in in_order]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_college_facts_link_partners_and_parts(data: SiteData, language: str) -> None:
    links = FakeLinks({"modern-industrial-college"})
    soup = render(data, language, "<!-- data:college-facts mold-manufacturing-3plus2-class -->", links)
    partner_links = soup.select("table.college-facts a")
    college = data.college("mold-manufacturing-3plus2-class")
    assert [(a["href"], a.get_text()) for a in partner_links] == [
        (f"/members/#member-{p}", data.member(p).name[language]) for p in college.partners
    ]
    parent = render(data, language, "<!-- data:college-facts modern-industrial-college -->", links)
    rows = {tr.th.get_text(): tr.td.get_text() for tr in parent.select("table.college-facts tr")}
    ui = ui_text.UI[language]
    assert rows[ui.established] == ("2021 年 2 月" if language == "zh" else "February 2021")
    children = [c.name[language] for c in data.colleges if c.parent == "modern-industrial-college"]
    assert rows[ui.includes] == ui.list_separator.join(children)
    fact = data.college("modern-industrial-college").facts[0]
    assert rows[fact.label[language]] == fact.value[language]
    base = render(data, language, "<!-- data:college-facts precision-mold-training-centres -->", links)
    assert base.select_one("table.college-facts a")["href"] == "/colleges/modern-industrial-college/"


def test_colleges_index_links_colleges_that_have_a_profile(data: SiteData) -> None:
    soup = render(data, "zh", "<!-- data:colleges-index -->", FakeLinks({"die-casting-mold-college"}))
    assert len(soup.select(".college-index li")) == len(data.colleges)
    assert soup.select_one("#college-die-casting-mold-college a")["href"] == "/colleges/die-casting-mold-college/"
    assert soup.select_one("#college-creative-industry-training-bases a") is None


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("<!-- data:member-directory -->", "unknown marker"),
        ("<!-- data:college-facts no-such-college -->", "no college has the id 'no-such-college'"),
        ("<!-- data:timeline extra -->", "takes no id"),
    ],
)
def test_a_wrong_marker_is_an_error(data: SiteData, marker: str, message: str) -> None:
    with pytest.raises(MarkerError, match=message):
        Renderer(data, "zh", FakeLinks()).replace_markers(marker)


def test_every_value_the_schemas_allow_has_a_name_in_both_languages() -> None:
    def enum(schema: str, *path: str) -> list[str]:
        node = json.loads((ROOT / "data" / "schemas" / schema).read_text(encoding="utf-8"))
        for key in path:
            node = node[key]
        return node["enum"]

    member = ("definitions", "member", "properties")
    item = ("definitions", "item", "properties")
    pairs = [
        (ui_text.MEMBER_TYPES, enum("members.schema.json", *member, "type")),
        (ui_text.MEMBER_ROLES, enum("members.schema.json", *member, "role")),
        (ui_text.COLLEGE_KINDS, enum("colleges.schema.json", "definitions", "college", "properties", "kind")),
        (ui_text.ACTION_STATUSES, enum("action-items.schema.json", *item, "status")),
        (ui_text.ACTION_AREAS, enum("action-items.schema.json", *item, "area")),
        (ui_text.PERIODS, enum("milestones.schema.json", "definitions", "milestone", "properties", "period")),
    ]
    for labels, allowed in pairs:
        assert list(labels) == allowed
        assert all(set(label) == {"zh", "en"} and all(label.values()) for label in labels.values())
