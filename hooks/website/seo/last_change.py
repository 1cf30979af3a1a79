"""When each page last changed: the sitemap's <lastmod> and a post's `dateModified`.

A page changed last when the last commit touched its source or a data file it shows; a post, at the earliest when it
was published; a news list, and a home page showing the news, when the newest of the posts it shows changed. Commit
times come from git, read once per process: two builds of one commit give the same dates. A source with no commit
(outside a git checkout, or not committed yet) changed when its file did. A page with no source at all (an empty
news list) changed at the build date.
"""

from __future__ import annotations

import functools
import os
import subprocess
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.structure.pages import Page

from website.data_pages.render import data_files_shown
from website.news.front_page import posts_shown
from website.upstream import Post, View

_COMMIT = "\x00"  # starts each commit's line in the log below


@functools.cache
def commit_times(project_dir: Path) -> dict[str, datetime]:
    """The time of the last commit that touched each file, by its path relative to `project_dir` ('docs/zh/x.md');
    empty outside a git checkout."""
    command = ["git", "-c", "core.quotepath=off", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", "."]
    try:
        log = subprocess.run(command, cwd=project_dir, capture_output=True, text=True, encoding="utf-8", check=True)
    except (OSError, subprocess.CalledProcessError):
        return {}
    prefix = _repository_prefix(project_dir)
    times: dict[str, datetime] = {}
    committed = datetime.min.replace(tzinfo=UTC)
    for line in log.stdout.splitlines():
        if line.startswith(_COMMIT):
            committed = datetime.fromtimestamp(int(line[1:]), UTC)
        elif line and line.startswith(prefix):
            # The log runs newest first: a file's first mention is its last change.
            times.setdefault(line.removeprefix(prefix), committed)
    return times


def _repository_prefix(project_dir: Path) -> str:
    """Where the project lies in its repository ('' at the top): git names files from the repository's top."""
    done = subprocess.run(
        ["git", "rev-parse", "--show-prefix"], cwd=project_dir, capture_output=True, text=True, encoding="utf-8"
    )
    return done.stdout.strip()


def last_change(
    project_dir: Path, sources: Iterable[Path], build_date: datetime, at_least: datetime | None = None
) -> datetime:
    """The latest change of `sources` (files of the project; others, such as pages the blog generates in a temporary
    folder, say nothing), and never before `at_least`."""
    times = commit_times(project_dir)
    changes = [] if at_least is None else [at_least]
    # Absolute paths, not resolved ones: git names a file by its path in the project, and resolving every post's path
    # for every news list page took a third of a 500-post build.
    root = os.path.join(os.path.abspath(project_dir), "")
    for source in sources:
        path = os.path.abspath(source)
        if not path.startswith(root):
            continue
        committed = times.get(path.removeprefix(root).replace(os.sep, "/"))
        if committed is not None:
            changes.append(committed)
        elif source.is_file():
            changes.append(datetime.fromtimestamp(int(source.stat().st_mtime), UTC))
    return max(changes, default=build_date)


def page_last_change(page: Page, project_dir: Path, build_date: datetime) -> datetime:
    """When a built page last changed: a post, its source and its date; a news list, its posts; any other page, its
    source, the data files it shows and the posts its news shows (website/news/front_page.py)."""
    if isinstance(page, View):
        return _posts_last_change(page.posts or [], [], project_dir, build_date)
    source = Path(page.file.abs_src_path or "")
    if isinstance(page, Post):
        return last_change(project_dir, [source], build_date, page.config.date.created)
    data = project_dir / "data"
    shown = data_files_shown(source.read_text(encoding="utf-8-sig")) if source.suffix == ".md" else []
    return _posts_last_change(posts_shown(page), [source, *(data / name for name in shown)], project_dir, build_date)


def _posts_last_change(posts: Sequence[Post], sources: list[Path], project_dir: Path, build_date: datetime) -> datetime:
    """The last change of the sources and of the posts, never before the newest of the posts went live."""
    at_least = max((post.config.date.created for post in posts), default=None)
    post_sources = [Path(post.file.abs_src_path) for post in posts]
    return last_change(project_dir, [*sources, *post_sources], build_date, at_least)
