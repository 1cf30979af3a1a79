"""The message catalogue, problems as a terminal shows them, and as GitHub Actions reads them (workflow commands,
the job summary)."""

from __future__ import annotations

import json
import string
from urllib.parse import unquote

import autocorrect_py
import pytest
from sitebuild import ROOT
from website.checks import typography
from website.messages.catalogue import CATALOGUE
from website.messages.github import (
    PublishedPage,
    escape_data,
    escape_property,
    pages_summary,
    problems_summary,
    workflow_command,
)
from website.messages.problems import Bilingual, Problem, phrase, problem, report


def names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_both_languages_name_the_same_parameters(message_id: str) -> None:
    wording = CATALOGUE[message_id]
    assert names(wording.zh) == names(wording.en)


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_the_chinese_follows_the_site_typography(message_id: str) -> None:
    # As the pages are checked (typography.py has loaded the site's AutoCorrect settings): a message that asks for
    # full-width punctuation and spaces around Latin letters writes them itself.
    assert typography.CONFIG
    chinese = CATALOGUE[message_id].zh
    assert autocorrect_py.format_for(chinese, "md") == chinese


def test_a_problem_reads_chinese_first_then_english_with_its_place() -> None:
    found = problem(
        "docs/zh/news/posts/x.md", 5, "categories", "post.category_unknown", value="新闻", allowed=("甲", "乙")
    )
    assert str(found) == (
        "docs/zh/news/posts/x.md:5: categories: “新闻”不是新闻分类，应为以下之一：甲、乙。\n"
        "    '新闻' is not a news category; expected one of: 甲, 乙"
    )


def test_nested_phrases_and_bilingual_text_follow_the_language() -> None:
    entry = phrase("entry.named", word=phrase("word.member"), id="x")
    found = Problem(
        "data/members.yml",
        None,
        "website",
        phrase("data.invalid", value="www", expected=Bilingual("完整网址", "a full web address")),
        entry=entry,
    )
    assert found.text("zh") == "成员单位“x”：“www”不符合要求：应为完整网址。"
    assert found.text("en") == "member 'x': 'www' is not valid: expected a full web address."
    assert found.location == "data/members.yml: website"


def test_a_quoted_value_stays_on_its_line() -> None:
    found = problem("a.md", 1, "title", "post.draft_invalid", value="yes\n::error::forged")
    assert len(str(found).splitlines()) == 2
    assert "yes\\n::error::forged" in found.text("zh")


def test_an_unknown_message_is_a_mistake_of_the_code() -> None:
    with pytest.raises(KeyError):
        phrase("no.such.message")


def test_a_report_counts_the_problems() -> None:
    problems = [problem("a.md", 1, None, "front_matter.missing"), problem("b.md", 2, None, "file.not_utf8")]
    lines = report(problems).splitlines()
    assert lines[:2] == ["发现 2 个问题，请修改后重试：", "2 problem(s) found; fix them and try again:"]
    assert lines[2].startswith("a.md:1: 缺少文章信息") and lines[4].startswith("b.md:2: 文件不是以 UTF-8")


@pytest.mark.parametrize(
    ("text", "data", "property_"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("docs/zh/a,b.md:3", "docs/zh/a,b.md:3", "docs/zh/a%2Cb.md%3A3"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_workflow_commands_escape_as_the_actions_toolkit_does(text: str, data: str, property_: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == property_


def test_a_workflow_command_is_one_line_that_github_reads_back() -> None:
    found = problem("docs/zh/a, b.md", 7, "title", "post.draft_invalid", value="50%: 是")
    command = workflow_command(found)
    assert "\n" not in command and "\r" not in command
    head, message = command.removeprefix("::error ").split("::", 1)
    properties = dict(part.split("=", 1) for part in head.split(","))
    assert {name: unquote(value) for name, value in properties.items()} == {
        "file": "docs/zh/a, b.md",
        "line": "7",
        "title": "网站检查：title",
    }
    assert unquote(message) == found.text("zh") + "\n" + found.text("en")


def test_a_warning_is_a_warning_command_and_a_problem_without_line_has_none() -> None:
    found = Problem("data/news.yml", None, None, phrase("fix.nothing"), severity="warning")
    assert workflow_command(found).startswith("::warning file=data/news.yml,title=网站检查::")


def test_the_summary_table_keeps_the_writers_text_as_text() -> None:
    found = problem("docs/zh/a.md", None, "x|y", "post.no_excerpt_break", marker="<!-- more -->")
    table = problems_summary([found])
    assert table.startswith("### 网站检查发现 1 个问题\n")
    row = table.splitlines()[-1]
    assert row.startswith("| `docs/zh/a.md` |  | `x\\|y` | 缺少 `&lt;!-- more --&gt;` 这一行")
    assert "<!--" not in table


def test_the_pages_summary_lists_each_page_with_its_address() -> None:
    pages = [
        PublishedPage("docs/zh/about/index.md", "集团概况", "https://example.org/about/"),
        PublishedPage("docs/en/news/posts/x.md", "A | B", "https://example.org/en/news/2024/x/", draft=True),
    ]
    lines = pages_summary(pages).splitlines()
    assert lines[0] == "### 网站检查通过"
    assert "| 集团概况 | `docs/zh/about/index.md` | https://example.org/about/ |" in lines
    assert "| A \\| B（草稿，不会发布） | `docs/en/news/posts/x.md` | https://example.org/en/news/2024/x/ |" in lines
    assert "本次修改没有新增或改动页面。" in pages_summary([])
    assert "网址" not in pages_summary(None)


def schema_descriptions() -> list[tuple[str, dict[str, object]]]:
    """Every schema object of data/schemas/ that describes its value."""
    found: list[tuple[str, dict[str, object]]] = []

    def walk(name: str, node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("description"), str):
                found.append((name, node))
            for value in node.values():
                walk(name, value)
        elif isinstance(node, list):
            for value in node:
                walk(name, value)

    for path in sorted((ROOT / "data" / "schemas").glob("*.schema.json")):
        walk(path.name, json.loads(path.read_text(encoding="utf-8")))
    return found


def test_every_schema_description_has_its_chinese_for_the_messages() -> None:
    descriptions = schema_descriptions()
    assert len(descriptions) > 20
    for name, node in descriptions:
        chinese = node.get("description_zh")
        assert isinstance(chinese, str), (name, node["description"])
        assert autocorrect_py.format_for(chinese, "md") == chinese, (name, chinese)
