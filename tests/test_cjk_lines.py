"""Chinese paragraphs wrapped over several lines are joined; everything else stays as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from local_site import copy_project
from sitebuild import build
from website.cjk.line_breaks import join_cjk_line_breaks


def test_a_wrapped_chinese_paragraph_becomes_one_line() -> None:
    assert (
        join_cjk_line_breaks("集团按照原则，\n由八十家单位组成。\n\n下一段。")
        == "集团按照原则，由八十家单位组成。\n\n下一段。"
    )


def test_breaks_next_to_latin_letters_or_digits_stay() -> None:
    text = "成立于 2021\n年，共有 80 家单位\nand more.\n英文 English\n中文"
    assert join_cjk_line_breaks(text) == text


def test_blocks_code_and_shallower_lines_are_left_alone() -> None:
    text = "\n".join(
        [
            "第一段。",
            "- 列表项。",
            "## 标题",
            "| 表格 |",
            "> 引用。",
            '!!! note "说明"',
            "",
            "    说明正文，",
            "    第二行。",
            "```",
            "代码，",
            "第二行。",
            "```",
            "    说明最后一行，",
            "说明之外的段落。",
        ]
    )
    expected = text.replace("    说明正文，\n    第二行。", "    说明正文，第二行。")
    assert join_cjk_line_breaks(text) == expected


def test_list_items_keep_their_continuation_lines_together() -> None:
    assert join_cjk_line_breaks("- 第一项，\n  续写。\n- 第二项。") == "- 第一项，续写。\n- 第二项。"


@pytest.mark.build
def test_a_built_chinese_page_shows_no_space_at_the_wrap(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "zh" / "wrapped" / "index.md"
    page.parent.mkdir()
    page.write_text("# 换行测试\n\n集团按照平等自愿的原则，\n由八十家单位共同组成。\n", encoding="utf-8")
    paragraph = build(project, tmp_path / "site").page("wrapped/").select_one("article p")
    assert paragraph is not None and paragraph.get_text() == "集团按照平等自愿的原则，由八十家单位共同组成。"
