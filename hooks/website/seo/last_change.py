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


class LastChanges:
    """The last changes of one language's build's pages. Each source's change is found once per build: a news list
    page asks for every post it shows, and the sitemap asks again for every page."""

    def __init__(self, project_dir: Path, build_date: datetime) -> None:
        self.project_dir = project_dir
        self.build_date = build_date
        self._commits = commit_times(project_dir)
        # Absolute paths, not resolved ones: git names a file by its path in the project.
        self._root = os.path.join(os.path.abspath(project_dir), "")
        self._sources: dict[str, datetime | None] = {}
        self._pages: dict[str, datetime] = {}

    def of_page(self, page: Page) -> datetime:
        """When a built page last changed: a post, its source and its date; a news list, its posts; any other page,
        its source, the data files it shows and the posts its news shows (website/news/front_page.py)."""
        key = page.file.src_uri
        if key not in self._pages:
            self._pages[key] = self._page(page)
        return self._pages[key]

    def _page(self, page: Page) -> datetime:
        if isinstance(page, View):
            return self._posts(page.posts or [], [])
        source = page.file.abs_src_path or ""
        if isinstance(page, Post):
            return self._latest([source], [page.config.date.created])
        data = self.project_dir / "data"
        shown = data_files_shown(Path(source).read_text(encoding="utf-8-sig")) if source.endswith(".md") else []
        return self._posts(posts_shown(page), [source, *(str(data / name) for name in shown)])

    def _posts(self, posts: Sequence[Post], sources: list[str]) -> datetime:
        """The last change of the sources and of the posts, never before the newest of the posts went live."""
        return self._latest(sources, [self.of_page(post) for post in posts])

    def _latest(self, sources: Iterable[str], at_least: list[datetime]) -> datetime:
        """The latest change of `sources` (files of the project; others, such as pages the blog generates in a
        temporary folder, say nothing) and of `at_least`; the build date when nothing says."""
        changes = [change for source in sources if (change := self._source(source)) is not None]
        return max(changes + at_least, default=self.build_date)

    def _source(self, source: str) -> datetime | None:
        if source not in self._sources:
            self._sources[source] = self._find(os.path.abspath(source))
        return self._sources[source]

    def _find(self, path: str) -> datetime | None:
        """The last commit that touched the file, else (not committed yet) its modification time."""
        if not path.startswith(self._root):
            return None
        committed = self._commits.get(path.removeprefix(self._root).replace(os.sep, "/"))
        if committed is not None:
            return committed
        try:
            return datetime.fromtimestamp(int(os.stat(path).st_mtime), UTC)
        except OSError:
            return None
