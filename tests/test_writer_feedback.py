"""Writers' feedback through the real entry points (issue 14): `make check`, `make fix`, and the strict build with
and without GITHUB_ACTIONS=true. Each works on a copy of the project with a writer's mistakes in it."""

from __future__ import annotations

import codecs
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from local_site import copy_project
from sitebuild import GITHUB_SETTINGS, ROOT, build
from website.checks.pages import check_pages

# Each test runs the writers' tools or builds a copy of the project.
pytestmark = pytest.mark.build

ZH_POST = Path("docs/zh/news/posts/launch-ceremony.md")
EN_POST = Path("docs/en/news/posts/launch-ceremony.md")
# ::error file=…,line=…,title=…::message, every property and the message escaped (GitHub's workflow commands).
WORKFLOW_COMMAND = re.compile(r"^::(?P<kind>error|warning) (?P<properties>[^:]*)::(?P<message>[^\r\n]*)$")


def make(target: str, project: Path) -> subprocess.CompletedProcess[str]:
    """`make TARGET PROJECT=…`, as a writer runs it (outside GitHub Actions)."""
    env = {k: v for k, v in os.environ.items() if k not in GITHUB_SETTINGS}
    command = ["make", "--no-print-directory", "-C", str(ROOT), target, f"PROJECT={project}"]
    return subprocess.run(command, env=env, capture_output=True, text=True)


def annotations(log: str) -> list[tuple[str, dict[str, str], str]]:
    """Each workflow command of a log, read back as GitHub reads it: its kind, its properties and its message."""
    commands = [WORKFLOW_COMMAND.match(line) for line in log.splitlines() if line.startswith("::")]
    assert all(commands), log
    return [
        (
            command["kind"],
            {name: unquote(value) for name, value in (part.split("=", 1) for part in command["properties"].split(","))},
            unquote(command["message"]),
        )
        for command in commands
        if command is not None
    ]


def edit(project: Path, path: Path | str, old: str, new: str) -> str:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path}"
    file.write_text(text.replace(old, new), encoding="utf-8")
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def with_mistakes(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The project with an unknown category, a translation without its categories, a member without an English
    name and a member of an unknown type; the line of each."""
    project = copy_project(tmp_path / "project")
    post = edit(project, ZH_POST, "  - 集团动态", "  - 新闻")
    edit(project, EN_POST, "categories:\n  - Group news\n", "")
    members = edit(project, "data/members.yml", "      en: Chongqing Vocational College of Transportation\n", "")
    members = edit(project, "data/members.yml", "type: higher-vocational-college", "type: society")
    return project, {
        "category": line_of(post, "categories:"),
        "translation": 1,
        "name": line_of(members, "id: chongqing-vocational-college-of-transportation") + 1,
        "type": line_of(members, "type: society"),
    }


def expected_lines(lines: dict[str, int]) -> list[str]:
    return [
        f"docs/zh/news/posts/launch-ceremony.md:{lines['category']}: categories: “新闻”不是新闻分类，应为以下之一：",
        f"docs/en/news/posts/launch-ceremony.md:{lines['translation']}: categories: 缺少分类，应为以下分类中的",
        f"data/members.yml:{lines['name']}: name.en: 成员单位“chongqing-vocational-college-of-transportation”："
        "缺少这个字段：请添加 `en:`，填写英文文字。",
        f"data/members.yml:{lines['type']}: type: 成员单位“chongqing-vocational-college-of-transportation”："
        "“society”不是允许的值，应为以下之一：vocational-school、",
    ]


def test_make_check_tells_each_mistake_in_chinese_with_file_and_line(tmp_path: Path) -> None:
    project, lines = with_mistakes(tmp_path)
    done = make("check", project)
    assert done.returncode != 0
    assert "发现 4 个问题，请修改后重试：" in done.stderr
    for expected in expected_lines(lines):
        assert any(line.startswith(expected) for line in done.stderr.splitlines()), (expected, done.stderr)
    # The English follows each problem, indented; nothing is said to GitHub outside GitHub Actions.
    assert "    '新闻' is not a news category; expected one of: Group news" not in done.stderr
    assert "    '新闻' is not a news category; expected one of: 集团动态, 通知公告" in done.stderr
    assert "::error" not in done.stdout + done.stderr


def test_make_check_passes_the_site_as_it_is() -> None:
    done = make("check", ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2].startswith("检查通过：数据文件、新闻文章、页面排版、照片和附件都没有问题")


def test_files_as_writers_save_them(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "zh" / "about" / "index.md"
    about.write_bytes(about.read_text(encoding="utf-8").encode("gbk"))
    charter = edit(project, "docs/zh/charter/index.md", "\ndescription:", "\ntags:\n\t- 章程\ndescription:")
    contact = project / "docs" / "zh" / "contact" / "index.md"
    # A byte-order mark and Windows line endings are fine.
    contact.write_bytes(codecs.BOM_UTF8 + contact.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    done = make("check", project)
    problems = [line for line in done.stderr.splitlines() if line.startswith("docs/")]
    assert len(problems) == 2, done.stderr
    assert problems[0].startswith("docs/zh/about/index.md:2: 文件不是以 UTF-8 编码保存的：")
    assert "可能是 GBK（中文 Windows 的“ANSI”）。请改用 UTF-8 保存" in problems[0]
    assert problems[1].startswith(
        f"docs/zh/charter/index.md:{line_of(charter, chr(9))}: front matter: 这一行用 Tab 键缩进了，"
        "YAML 只能用空格缩进：请把 Tab 换成空格"
    )


PAGE = """---
title: 集团召开2023年工作会议
date_precision: month
---

# 集团召开2023年工作会议

2023年5月17日举行,共有80家单位参加.详见<https://www.example.cn/a,b:c>和[通知](https://example.cn/x,y.html)。

运行 `make serve2023年` 即可。

```sh
echo "2023年5月17日举行,好."
```
"""
FIXED = """---
title: 集团召开 2023 年工作会议
date_precision: month
---

# 集团召开 2023 年工作会议

2023 年 5 月 17 日举行，共有 80 家单位参加。详见<https://www.example.cn/a,b:c>和[通知](https://example.cn/x,y.html)。

运行 `make serve2023年` 即可。

```sh
echo "2023年5月17日举行,好."
```
"""
# A post saved by a Windows editor (byte-order mark, CRLF), its date written without spaces.
ZH_POST_TEXT = (ROOT / ZH_POST).read_text(encoding="utf-8").replace("2023 年 5 月 17 日", "2023年5月17日", 1)
ENGLISH = "# Meeting\n\nThe school (重庆市轻工业学校), founded in 2021, met on 17 May 2023.\n"


def test_make_fix_corrects_chinese_typography_and_nothing_else(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for language, text in (("zh", PAGE), ("en", ENGLISH)):
        (project / "docs" / language / "meeting").mkdir()
        (project / "docs" / language / "meeting" / "index.md").write_text(text, encoding="utf-8")
    windows = project / "docs" / "zh" / "news" / "posts" / "windows.md"
    windows.write_bytes(codecs.BOM_UTF8 + ZH_POST_TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert make("check", project).returncode != 0
    done = make("fix", project)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == [
        "已改正排版：docs/zh/meeting/index.md  (typography fixed: docs/zh/meeting/index.md)",
        "已改正排版：docs/zh/news/posts/windows.md  (typography fixed: docs/zh/news/posts/windows.md)",
    ]
    assert (project / "docs" / "zh" / "meeting" / "index.md").read_text(encoding="utf-8") == FIXED
    assert (project / "docs" / "en" / "meeting" / "index.md").read_text(encoding="utf-8") == ENGLISH
    fixed_post = ZH_POST_TEXT.replace("2023年5月17日", "2023 年 5 月 17 日").replace("\n", "\r\n")
    assert windows.read_bytes() == codecs.BOM_UTF8 + fixed_post.encode("utf-8")
    check = make("check", project)
    assert check.returncode == 0, check.stderr


def test_the_build_stops_with_the_same_words(tmp_path: Path) -> None:
    project, lines = with_mistakes(tmp_path)
    log = build(project, tmp_path / "site", fails=True).log
    for expected in expected_lines(lines):
        assert any(line.startswith(expected) for line in log.splitlines()), (expected, log)
    assert "::error" not in log
    assert not (tmp_path / "site").exists()


def test_in_github_actions_each_problem_is_a_workflow_command_and_the_summary_a_table(tmp_path: Path) -> None:
    project, lines = with_mistakes(tmp_path)
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    log = build(project, tmp_path / "site", env=env, fails=True).log
    commands = annotations(log)
    assert len(commands) == 4, log
    for kind, properties, _ in commands:
        assert kind == "error" and set(properties) == {"file", "line", "title"}
    category, message = next((p, m) for _, p, m in commands if p["file"] == ZH_POST.as_posix())
    assert category == {"file": ZH_POST.as_posix(), "line": str(lines["category"]), "title": "网站检查：categories"}
    zh, en = message.split("\n")
    assert zh.startswith("“新闻”不是新闻分类，应为以下之一：集团动态、")
    assert en.startswith("'新闻' is not a news category; expected one of: 集团动态, ")
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("### 网站检查发现 4 个问题\n")
    assert "| 文件 | 行 | 字段 | 问题 |" in table
    assert f"| `data/members.yml` | {lines['type']} | `type` | 成员单位“chongqing-vocational" in table


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Writer", "-c", "user.email=writer@example.org", *args], cwd=project, check=True
    )


def test_in_github_actions_a_clean_pull_request_lists_its_pages_with_their_addresses(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "The site")
    git(project, "switch", "-q", "-c", "news/new-page")
    edit(project, "docs/zh/about/index.md", "title: 集团概况", "title: 集团概况（修订）")
    post = (project / ZH_POST).read_text(encoding="utf-8").replace("title: 集团启动", "title: 新文章：集团启动")
    (project / "docs" / "zh" / "news" / "posts" / "new-post.md").write_text(post, encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "A writer's change")
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_BASE_REF": "main",
        "SITE_URL": "https://example.org/group/",
    }
    result = build(project, tmp_path / "site", env=env)
    assert "::error" not in result.log
    assert summary.read_text(encoding="utf-8").splitlines() == [
        "### 网站检查通过",
        "",
        "本次修改新增或改动了以下页面，合并后发布在这些网址：",
        "",
        "| 页面 | 文件 | 网址 |",
        "| --- | --- | --- |",
        "| 集团概况（修订） | `docs/zh/about/index.md` | https://example.org/group/about/ |",
        "| 新文章：集团启动全国示范性职业教育集团创建工作 | `docs/zh/news/posts/new-post.md` | "
        "https://example.org/group/news/2023/new-post/ |",
        "",
    ]
    for address in ("about/", "news/2023/new-post/"):
        assert (tmp_path / "site" / address / "index.html").is_file()


def test_mkdocs_itself_stops_on_a_page_saved_in_gbk(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "zh" / "about" / "index.md"
    about.write_bytes(about.read_text(encoding="utf-8").encode("gbk"))
    log = build(project, tmp_path / "site", fails=True, one_process=True).log
    assert "docs/zh/about/index.md:2: 文件不是以 UTF-8 编码保存的" in log
    assert "UnicodeDecodeError" not in log and "Traceback" not in log


def test_each_language_build_reads_every_page_and_checks_the_typography_of_its_own(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with (project / "docs" / "zh" / "about" / "index.md").open("a", encoding="utf-8") as zh_about:
        zh_about.write("\n集团共有ABC个成员单位。\n")
    en_about = project / "docs" / "en" / "about" / "index.md"
    en_about.write_bytes(en_about.read_text(encoding="utf-8").replace("Group", "Gröup", 1).encode("latin-1"))
    docs = project / "docs"

    def found(typography_of: str | None) -> set[tuple[str, str]]:
        return {(p.file, p.message.id) for p in check_pages(docs, ["zh", "en"], typography_of=typography_of)}

    encoding = ("docs/en/about/index.md", "file.not_utf8")
    typography = ("docs/zh/about/index.md", "typography.fix")
    assert found(None) == found("zh") == {encoding, typography}
    assert found("en") == {encoding}
