"""Each rule of the data files fails with a message naming the file, the line, the entry, the field and what to do."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sitebuild import ROOT
from website.data_pages import validate
from website.data_pages.validate import DataError, check_data, load_site_data, load_site_data_cached
from website.messages.problems import Problem

POSTS = ROOT / "docs" / "zh" / "news" / "posts"


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def edit(data: Path, name: str, old: str, new: str) -> str:
    """Replace one exact piece of a data file; return the new text."""
    file = data / name
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {name}"
    text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def entry_of(problem: Problem) -> str | None:
    return problem.entry.text("en") if problem.entry else None


def only_problem(data: Path, posts: Path = POSTS) -> Problem:
    _, problems = check_data(data, posts)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_the_real_data_files_are_valid() -> None:
    data = load_site_data(ROOT / "data", POSTS)
    assert len(data.members.members) == 3
    assert data.members.stated_total == 80


def test_every_data_file_points_the_editor_at_its_schema() -> None:
    for name in ("members", "colleges", "action-items", "milestones", "glossary", "news", "contact"):
        first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{name}.schema.json"
        assert (ROOT / "data" / "schemas" / f"{name}.schema.json").is_file()


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "members.yml", "    role: lead-unit\n", "    role: lead-unit\n   broken: [\n")
    problem = only_problem(data)
    assert problem.file == "data/members.yml"
    assert problem.line is not None and problem.line >= line_of(text, "broken: [")
    assert "not valid YAML" in str(problem)


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "glossary.yml", "  - {zh: 工业设计,", "\t- {zh: 工业设计,")
    problem = only_problem(data)
    assert problem.line == line_of(text, "工业设计,")
    assert "YAML 只能用空格缩进：请把 Tab 换成空格" in str(problem)
    assert "YAML is indented with spaces only" in str(problem)


def test_file_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    file = data / "members.yml"
    text = file.read_text(encoding="utf-8")
    file.write_bytes(text.encode("gbk"))
    problem = only_problem(data)
    assert problem.file == "data/members.yml"
    assert problem.line == line_of(text, "重庆市轻工业学校")
    assert "not saved as UTF-8" in str(problem)
    assert "文件不是以 UTF-8 编码保存的" in str(problem) and "另存为" in str(problem)


def test_utf8_with_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    file = data / "members.yml"
    file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())
    assert check_data(data, POSTS)[1] == []


def test_wrong_type(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "members.yml", "stated_total: 80", "stated_total: eighty")
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_of(text, "stated_total"), "stated_total")
    assert "expected a whole number, found 'eighty'" in str(problem)


def test_number_where_text_is_expected_asks_for_quotes(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "milestones.yml", 'date: "2021"\n', "date: 2021\n")
    problem = only_problem(data)
    assert (entry_of(problem), problem.field) == ("milestone 'group-founded'", "date")
    assert problem.line == line_of(text, "date: 2021")
    assert "Put the value in quotes" in str(problem)


def test_unknown_enum_value_lists_the_allowed_ones(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "members.yml", "type: higher-vocational-college", "type: college")
    problem = only_problem(data)
    assert entry_of(problem) == "member 'chongqing-vocational-college-of-transportation'"
    assert (problem.line, problem.field) == (line_of(text, "type: college"), "type")
    assert "'college' is not an allowed value" in str(problem)
    # The writer reads Chinese first: the entry, the value and the choices, joined as Chinese joins a list.
    assert str(problem).startswith(
        f"data/members.yml:{problem.line}: type: 成员单位“chongqing-vocational-college-of-transportation”："
        "“college”不是允许的值，应为以下之一：vocational-school、higher-vocational-college、"
    )
    assert "higher-vocational-college" in str(problem)


def test_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "action-items.yml", "- id: talent-model-reform", "- id: digital-transformation")
    problem = only_problem(data)
    assert problem.file == "data/action-items.yml"
    first, second = (n for n, line in enumerate(text.splitlines(), 1) if line.endswith("id: digital-transformation"))
    assert (problem.line, problem.field) == (second, "id")
    assert f"first on line {first}" in str(problem)


def test_duplicate_glossary_term(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "glossary.yml", "{zh: 校企合作,", "{zh: 产教融合,")
    problem = only_problem(data)
    assert problem.line == line_of(text, "{zh: 产教融合, en: school")
    assert "'产教融合' is used twice" in str(problem)


def test_duplicate_field_in_one_entry_is_not_silently_dropped(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "members.yml", "    role: lead-unit\n", "    role: lead-unit\n    role: member\n")
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_of(text, "role: member"), "role")
    assert "appears twice" in str(problem)


def test_reference_to_an_unknown_member(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "colleges.yml", "- chongqing-industrial-design-association", "- chongqing-design-association")
    problem = only_problem(data)
    assert problem.file == "data/colleges.yml"
    assert entry_of(problem) == "college 'mold-manufacturing-3plus2-class'"
    assert (problem.line, problem.field) == (line_of(text, "chongqing-design-association"), "partners 第 3 项")
    assert "no member has the id 'chongqing-design-association'" in str(problem)


def test_reference_to_an_unknown_parent_college(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    base = "      en: Precision mould training centres\n    parent: "
    text = edit(data, "colleges.yml", base + "modern-industrial-college", base + "modern-college")
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_of(text, "parent: modern-college"), "parent")


def test_invalid_web_address(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "members.yml", "    role: lead-unit\n", "    role: lead-unit\n    website: www.cqqgy.cn\n")
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_of(text, "website:"), "website")
    assert "starting with https://" in str(problem)


@pytest.mark.parametrize("bad_date", ["2021-13", "2022-02-30", "21-02", "2021/02"])
def test_invalid_date(tmp_path: Path, bad_date: str) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "colleges.yml", 'established: "2021-02"', f'established: "{bad_date}"')
    problem = only_problem(data)
    assert entry_of(problem) == "college 'modern-industrial-college'"
    assert (problem.line, problem.field) == (line_of(text, "established:"), "established")
    assert f"'{bad_date}' is not valid" in str(problem)


@pytest.mark.parametrize(("language", "word"), [("zh", "Chinese"), ("en", "English")])
def test_missing_name_in_one_language(tmp_path: Path, language: str, word: str) -> None:
    data = copy_data(tmp_path)
    line = {"zh": "      zh: 重庆交通职业学院\n", "en": "      en: Chongqing Vocational College of Transportation\n"}
    text = edit(data, "members.yml", line[language], "")
    problem = only_problem(data)
    assert entry_of(problem) == "member 'chongqing-vocational-college-of-transportation'"
    assert problem.field == f"name.{language}"
    # The line of 'name:', where the missing language belongs.
    assert problem.line == line_of(text, "id: chongqing-vocational-college-of-transportation") + 1
    assert f"add '{language}:' with the {word} text" in str(problem)


def test_empty_name(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "members.yml", "      zh: 重庆交通职业学院\n", '      zh: ""\n')
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_of(text, 'zh: ""'), "name.zh")
    assert "empty" in str(problem)


def test_unknown_field_is_reported_with_the_allowed_ones(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "members.yml", "    role: lead-unit\n", "    role: lead-unit\n    distrct: 九龙坡区\n")
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_of(text, "distrct"), "distrct")
    assert "unknown field 'distrct'" in str(problem) and "district" in str(problem)


def test_missing_required_field_points_at_the_entry(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "action-items.yml", "    area: regional\n", "")
    problem = only_problem(data)
    assert entry_of(problem) == "action item 'chengdu-chongqing-economic-circle'"
    assert problem.field == "area"
    assert problem.line == line_of(text, "id: chengdu-chongqing-economic-circle")


def test_related_post_must_exist(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(
        data,
        "action-items.yml",
        "related_posts: [modern-industrial-college]",
        "related_posts: [no-such-post]",
    )
    problem = only_problem(data)
    entry_id = text[: text.index("no-such-post")].rsplit("- id: ", 1)[1].split("\n", 1)[0]
    assert entry_of(problem) == f"action item '{entry_id}'"
    assert (problem.line, problem.field) == (line_of(text, "no-such-post"), "related_posts 第 1 项")
    assert "there is no news post 'no-such-post'" in str(problem) and "launch-ceremony" in str(problem)


def test_listed_members_cannot_exceed_the_stated_total(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "members.yml", "stated_total: 80", "stated_total: 2")
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_of(text, "stated_total"), "stated_total")
    assert "3 member units are listed" in str(problem)


def test_empty_file(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "milestones.yml").write_text("# nothing yet\n", encoding="utf-8")
    problem = only_problem(data)
    assert problem.file == "data/milestones.yml" and "empty" in str(problem)


def test_all_problems_of_a_file_are_reported_at_once(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    edit(data, "members.yml", "type: higher-vocational-college", "type: college")
    edit(data, "members.yml", "role: guiding-body", "role: guide")
    edit(data, "colleges.yml", 'established: "2021-02"', 'established: "2021-13"')
    with pytest.raises(DataError) as raised:
        load_site_data(data, POSTS)
    message = str(raised.value)
    assert message.startswith("发现 3 个问题，请修改后重试：")
    assert "'college' is not an allowed value" in message
    assert "'guide' is not an allowed value" in message
    assert "data/colleges.yml:" in message


def test_data_is_parsed_once_until_a_file_changes(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    first = load_site_data_cached(data, POSTS)
    assert load_site_data_cached(data, POSTS) is first
    edit(data, "members.yml", "stated_total: 80", "stated_total: 800")
    again = load_site_data_cached(data, POSTS)
    assert again is not first and again.members.stated_total == 800


def test_the_cached_data_is_the_data_a_fresh_load_gives(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    load_site_data_cached(data, POSTS)
    assert load_site_data_cached(data, POSTS) == load_site_data(data, POSTS)


def test_a_change_that_keeps_the_size_and_modification_time_is_read_again(tmp_path: Path) -> None:
    # A save within the file system's clock resolution must not serve the data of the text before it.
    data = copy_data(tmp_path)
    members = data / "members.yml"
    before = members.stat()
    first = load_site_data_cached(data, POSTS)
    edit(data, "members.yml", "stated_total: 80", "stated_total: 81")
    os.utime(members, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert members.stat().st_size == before.st_size
    assert load_site_data_cached(data, POSTS).members.stated_total == 81 != first.members.stated_total


def test_a_problem_in_a_cached_project_is_found_after_the_edit(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    load_site_data_cached(data, POSTS)
    edit(data, "members.yml", "type: higher-vocational-college", "type: college")
    with pytest.raises(DataError, match="'college' is not an allowed value"):
        load_site_data_cached(data, POSTS)


def test_what_the_compiled_validator_rejects_always_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # jsonschema words the problems of a rejected file; should it ever find none, the rejection itself is reported,
    # beside any problem found while reading the file.
    data = copy_data(tmp_path)
    edit(data, "members.yml", "    role: lead-unit\n", "    role: lead-unit\n    role: lead-unit\n")
    text = edit(data, "members.yml", "type: higher-vocational-college", "type: college")
    monkeypatch.setattr(validate, "_schema_problems", lambda check, schemas: None)
    twice, rejected = check_data(data, POSTS)[1]
    assert "appears twice" in str(twice)
    assert rejected.file == "data/members.yml"
    assert rejected.line == line_of(text, "type: college")
    assert entry_of(rejected) == "member 'chongqing-vocational-college-of-transportation'"
    assert rejected.field == "type" and "must be one of" in str(rejected)


def test_news_categories_and_authors_are_checked_like_every_data_file(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "news.yml", "  announcements:\n    zh: 通知公告\n", "  Bad Id:\n    zh: 通知公告\n")
    edit(data, "news.yml", "    en: City of Design\n", "")
    _, problems = check_data(data, POSTS)
    words = [str(problem) for problem in problems]
    assert any(w.startswith("data/news.yml") and "'Bad Id' is not valid" in w for w in words), words
    missing = next(p for p in problems if p.field == "categories.city-of-design.en")
    assert missing.line == line_of(text, "city-of-design:") and "add 'en:'" in str(missing)


def test_a_contact_detail_in_the_wrong_form_says_what_it_should_be(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "contact.yml", "  postcode: ~ ", "  postcode: 12345 ")
    problem = only_problem(data)
    assert (problem.file, problem.line, problem.field) == (
        "data/contact.yml",
        line_of(text, "postcode"),
        "contact.postcode",
    )
    assert "six-digit postcode in quotes" in str(problem)


def test_every_contact_detail_is_in_the_file_even_while_empty(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    edit(data, "contact.yml", "  phone: ~          # in quotes\n", "")
    problem = only_problem(data)
    assert problem.field == "contact.phone" and "this field is missing: add 'phone:'" in str(problem)


def test_a_glossary_term_lists_its_rejected_renderings(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    text = edit(data, "glossary.yml", "en: vocational education group, avoid: [vocational education consortium]",
                "en: vocational education group, avoid: vocational education consortium")  # fmt: skip
    problem = only_problem(data)
    assert (problem.line, problem.field) == (line_of(text, "avoid: vocational"), "avoid")
    assert "expected a list" in str(problem)
    assert load_site_data(ROOT / "data", POSTS).glossary[1].avoid == ("vocational education consortium",)
