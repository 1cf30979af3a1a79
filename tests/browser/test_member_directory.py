"""The member directory in a reader's browser: filter by type, search by name, sort by column, in both languages;
without JavaScript the full tables are there to read and no control is shown that could not work.

The real data names only a few units, so these tests build a copy of the project with more members.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from conftest import DESKTOP, PHONE
from local_site import copy_project
from playwright.sync_api import Browser, Locator, Page
from sitebuild import LANGUAGE_ROOTS, served_build
from website.data_pages import ui_text
from website.data_pages.models import SiteData
from website.data_pages.validate import load_site_data

# Test-only units, appended to a copy of data/members.yml. Their English names sort differently from the file's
# order (the real lead unit, Chongqing Light Industry School, comes first among the vocational schools).
EXTRA_MEMBERS = """
  - id: example-zeta-school
    name: {zh: 示例职业学校戊, en: Zeta Example Vocational School}
    type: vocational-school
    role: member
    joined: 2023
  - id: example-alpha-school
    name: {zh: 示例职业学校甲, en: Alpha Example Vocational School}
    type: vocational-school
    role: member
    joined: 2022
  - id: example-mu-school
    name: {zh: 示例职业学校丙, en: Mu Example Vocational School}
    type: vocational-school
    role: member
    joined: 2021
  - id: example-mold-company
    name: {zh: 示例模具企业, en: Beta Example Mould Company}
    type: enterprise
    role: member
  - id: example-design-company
    name: {zh: 示例设计企业, en: Delta Example Design Company}
    type: enterprise
    role: member
"""


@dataclass
class Directory:
    origin: str
    data: SiteData

    def url(self, language: str) -> str:
        return f"{self.origin}/{LANGUAGE_ROOTS[language]}members/"

    def names(self, language: str, member_type: str | None = None) -> list[str]:
        """The listed units' names in a language as the page lists them: by type, then in the file's order."""
        types = [member_type] if member_type else list(ui_text.MEMBER_TYPES)
        return [m.name[language] for t in types for m in self.data.members.members if m.type == t]


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Directory]:
    tmp = tmp_path_factory.mktemp("directory")
    project = copy_project(tmp / "project")
    members = project / "data" / "members.yml"
    members.write_text(members.read_text(encoding="utf-8") + EXTRA_MEMBERS, encoding="utf-8")
    data = load_site_data(project / "data", project / "docs" / "zh" / "news" / "posts")
    assert len(data.members.members) >= 8
    with served_build(project, tmp / "site") as (_, origin):
        yield Directory(origin, data)


def shown_rows(page: Page, column: int = 0, group: str = "") -> list[str]:
    """The text of one column of the rows the reader sees, top to bottom (of one type's table if `group` is given)."""
    section = f'[data-type="{group}"]' if group else ""
    cells = page.locator(f".member-directory__group{section} tbody tr:visible td:nth-child({column + 1})")
    return [cell.strip() for cell in cells.all_inner_texts()]


def controls(page: Page) -> Locator:
    return page.locator(".member-directory__controls")


def status(page: Page) -> str:
    return page.locator(".member-directory__status").inner_text()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_filter_by_type_shows_only_that_type(page: Page, directory: Directory, language: str) -> None:
    ui = ui_text.UI[language]
    total = len(directory.names(language))
    page.goto(directory.url(language))
    assert shown_rows(page) == directory.names(language)
    assert status(page) == ui.shown_status.format(shown=total, total=total)

    controls(page).get_by_label(ui.type_filter_label).select_option(label=ui_text.MEMBER_TYPES["enterprise"][language])
    enterprises = directory.names(language, "enterprise")
    assert shown_rows(page) == enterprises and len(enterprises) == 2
    assert page.locator(".member-directory__group:visible").evaluate_all("gs => gs.map(g => g.dataset.type)") == [
        "enterprise"
    ]
    assert status(page) == ui.shown_status.format(shown=len(enterprises), total=total)

    controls(page).get_by_label(ui.type_filter_label).select_option(label=ui.all_types)
    assert shown_rows(page) == directory.names(language)


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("zh", "模具", ["示例模具企业"]),
        ("zh", "交通", ["重庆交通职业学院"]),
        # Either language's name finds a unit, whatever the case.
        ("zh", "mould", ["示例模具企业"]),
        ("en", "example vocational", ["Zeta Example Vocational School", "Alpha Example Vocational School",
                                      "Mu Example Vocational School"]),
        ("en", "交通", ["Chongqing Vocational College of Transportation"]),
    ],
)  # fmt: skip
def test_search_by_name(page: Page, directory: Directory, language: str, query: str, expected: list[str]) -> None:
    ui = ui_text.UI[language]
    page.goto(directory.url(language))
    search = controls(page).get_by_label(ui.search_label)
    search.fill(query)
    assert shown_rows(page) == expected
    assert status(page) == ui.shown_status.format(shown=len(expected), total=len(directory.names(language)))
    # Together with the type filter: a type with no match hides every table.
    controls(page).get_by_label(ui.type_filter_label).select_option(label=ui_text.MEMBER_TYPES["association"][language])
    assert shown_rows(page) == [] and page.locator(".member-directory__group:visible").count() == 0
    search.fill("")
    controls(page).get_by_label(ui.type_filter_label).select_option(label=ui.all_types)
    assert shown_rows(page) == directory.names(language)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_sort_by_a_column_reorders_the_rows(page: Page, directory: Directory, language: str) -> None:
    ui = ui_text.UI[language]
    # The English names: the "English name" column on Chinese pages, the "Name" column on English ones.
    column, label = (1, ui.column_other_name) if language == "zh" else (0, ui.column_name)
    schools = directory.names("en", "vocational-school")
    ascending = sorted(schools)
    assert schools != ascending  # else sorting could not be told from doing nothing
    page.goto(directory.url(language))
    assert shown_rows(page, column, "vocational-school") == schools

    table = page.locator('.member-directory__group[data-type="vocational-school"]')
    header = table.locator("thead th").nth(column)
    assert header.inner_text() == label
    header.get_by_role("button").click()
    assert shown_rows(page, column, "vocational-school") == ascending
    assert header.get_attribute("aria-sort") == "ascending"
    header.get_by_role("button").click()
    assert shown_rows(page, column, "vocational-school") == ascending[::-1]
    assert header.get_attribute("aria-sort") == "descending"
    # Every type's table follows the same order.
    enterprises = directory.names("en", "enterprise")
    assert shown_rows(page, column, "enterprise") == sorted(enterprises, reverse=True) != enterprises

    # A column of years sorts as numbers, units without a year first.
    joined = table.locator("thead th").nth(3)
    assert joined.inner_text() == ui.column_joined
    joined.get_by_role("button").click()
    years = [m.joined for m in directory.data.members.members if m.type == "vocational-school"]
    assert shown_rows(page, 3, "vocational-school") == sorted(str(y) if y else "" for y in years)
    assert header.get_attribute("aria-sort") is None


def visible_controls(page: Page) -> list[str]:
    """The class names of the controls a reader can see: rendered, not hidden by the attribute, not transparent."""
    return page.locator("button, input:not([type=hidden]), select, textarea").evaluate_all(
        """controls => controls
            .filter(el => el.checkVisibility({opacityProperty: true, visibilityProperty: true}))
            .filter(el => !el.closest("[hidden]"))
            .map(el => el.className)"""
    )


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_without_javascript_the_tables_are_readable_and_no_dead_control_shows(
    browser: Browser, directory: Directory, language: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(directory.url(language))
    ui = ui_text.UI[language]
    # Every unit, by type and in the file's order, with both names and its role, under visible column headers.
    assert shown_rows(page) == directory.names(language)
    other = "en" if language == "zh" else "zh"
    assert shown_rows(page, 1) == directory.names(other)
    assert page.locator(".member-directory__group tbody tr:visible").count() == len(directory.data.members.members)
    headers = page.locator(".member-directory__group").first.locator("thead th:visible").all_inner_texts()
    assert headers[:3] == [ui.column_name, ui.column_other_name, ui.column_role]
    for cell in page.locator(".member-directory__group tbody td").all():
        box = cell.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0

    # The search, the type filter and the sort buttons need the script: none of them shows.
    assert page.locator(".member-directory__controls").is_hidden()
    assert page.locator(".member-directory__sort").count() == 0
    # Nor do the reading aids or Material's search box; the language menu opens on hover or focus (CSS) and links.
    assert visible_controls(page) == ["md-header__button md-icon"]
    if viewport == DESKTOP:
        target = "en" if language == "zh" else "zh"
        page.locator(".md-header__option .md-select").hover()
        page.locator(f"a.md-select__link[hreflang='{target}']").click()
        page.wait_for_url(directory.url(target))
    context.close()
