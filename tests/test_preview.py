"""The writers' preview (`make serve`: `mkdocs serve --dirty` with hooks/preview.py) rebuilds only part of the site
after a save; what it then serves must be what a full rebuild serves, page for page, so its speed never changes what
a writer sees. A copy of the project is served twice: as `make serve` does, through a series of saves, and then
without --dirty (every save rebuilding everything, as before the preview was made fast), and every page compared.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from local_site import copy_project, serve_command
from sample_images import write_phone_jpeg
from sitebuild import LANGUAGE_ROOTS

# Each test builds the site (or a copy of the project) and reads what it produced.
pytestmark = pytest.mark.build

STARTUP_LIMIT_S = 300
# The script MkDocs' server adds to every page it serves, different at each build.
LIVE_RELOAD_SCRIPT = re.compile(r"<script>\s*var livereload = .*?</script>", re.DOTALL)
# A post's QR code of its absolute address, which names the server's origin (tests/test_share_to_phone.py reads it).
QR_CODE = re.compile(r'<svg viewBox="[^"]*" class="qr-code">.*?</svg>', re.DOTALL)


class Server:
    def __init__(self, origin: str, log: Path) -> None:
        self.origin = origin
        self.log = log

    def get(self, path: str) -> str:
        try:
            with urllib.request.urlopen(f"{self.origin}/{path}", timeout=120) as response:
                text = str(response.read().decode("utf-8"))
        except urllib.error.URLError as error:
            raise AssertionError(f"{self.origin}/{path}: {error}\n{self.log.read_text()}") from error
        # Absolute links name the server's own origin.
        return QR_CODE.sub("QR", LIVE_RELOAD_SCRIPT.sub("", text)).replace(self.origin, "ORIGIN")

    def site_dir(self) -> Path:
        """The temporary folder the server builds into, as static-i18n's log names it."""
        match = re.search(r"Building 'zh' documentation to directory: (\S+)", self.log.read_text())
        assert match, f"the log does not name the site folder:\n{self.log.read_text()}"
        return Path(match.group(1))

    def epoch(self) -> int:
        """The version of the site the server shows (MkDocs' live reload counts builds this way)."""
        with urllib.request.urlopen(f"{self.origin}/", timeout=120) as response:
            match = re.search(r"livereload\((\d+), \d+\)", response.read().decode("utf-8"))
        assert match, "the server added no live reload script"
        return int(match.group(1))

    def save(self, change: Callable[[], None]) -> None:
        """Make a change to the project and wait until the server has rebuilt the site (or fail with its log)."""
        before = self.epoch()
        change()
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while time.monotonic() < deadline:
            # Answers when a newer build is complete, or after a minute with the same version.
            with urllib.request.urlopen(f"{self.origin}/livereload/{before}/1", timeout=120) as response:
                if int(response.read()) > before:
                    return
        raise AssertionError(f"no rebuild after the change:\n{self.log.read_text()}")


@contextmanager
def serving(project: Path, log: Path, *, dirty: bool) -> Iterator[Server]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = serve_command(f"127.0.0.1:{port}")
    if not dirty:
        command.remove("--dirty")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while True:
            try:
                server.epoch()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"`{' '.join(command)}` did not serve:\n{log.read_text()}") from None
                time.sleep(0.5)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=60)


def replace_in(path: Path, old: str, new: str) -> Callable[[], None]:
    def change() -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{path} has no {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def write(path: Path, text: str) -> Callable[[], None]:
    return lambda: path.write_text(text, encoding="utf-8")


# Pinned, it goes first on the news lists and the home page, ahead of newer posts.
NEW_POST = """---
title: 预览测试文章
description: 一篇只为测试预览而写的文章。
date: 2023-05-01
pin: true
categories:
  - 集团动态
---

# 预览测试文章

预览测试文章的摘要。

<!-- more -->

预览测试文章的正文。
"""


def site_paths(server: Server) -> list[str]:
    """Every page in the sitemap (both languages'), the sitemap, the 404 pages, the search indexes and the feeds."""
    paths = ["sitemap.xml"]
    for root in LANGUAGE_ROOTS.values():
        paths += [f"{root}404.html", f"{root}search/search_index.json", f"{root}news/feed.xml"]
    paths += [loc.removeprefix("ORIGIN/") for loc in re.findall(r"<loc>(.*?)</loc>", server.get("sitemap.xml"))]
    return sorted(set(paths))


def assert_same_as_a_full_rebuild(preview: Server, project: Path, log: Path) -> None:
    """Every page the preview serves now is the page a full rebuild of the project serves."""
    paths = site_paths(preview)
    with serving(project, log, dirty=False) as full:
        assert site_paths(full) == paths
        differing = [path for path in paths if full.get(path) != preview.get(path)]
    assert not differing, f"the preview served these differently from a full rebuild: {differing}"


def test_the_preview_serves_after_each_save_what_a_full_rebuild_serves(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    # Two posts per news list page, so that the lists have several pages.
    replace_in(project / "mkdocs.yml", "pagination_per_page: 10", "pagination_per_page: 2")()
    posts = project / "docs" / "zh" / "news" / "posts"
    launch = posts / "launch-ceremony.md"
    photo = write_phone_jpeg(posts / "launch-ceremony" / "preview.jpg", 800, 600, seed=1)

    with serving(project, tmp_path / "preview.log", dirty=True) as preview:
        other_post = preview.site_dir() / "news" / "2021" / "modern-industrial-college" / "index.html"
        written = other_post.stat().st_mtime_ns
        # An edit to a post's excerpt, and to its body.
        preview.save(replace_in(launch, "这标志着", "预览中改写的摘要句。这标志着"))
        preview.save(replace_in(launch, "## 创建方向", "预览中加的正文句。\n\n## 创建方向"))
        assert "预览中改写的摘要句" in preview.get("news/")
        assert "预览中加的正文句" in preview.get("news/2023/launch-ceremony/")
        assert other_post.stat().st_mtime_ns == written, "the preview rewrote a post that was not saved"
        assert "the other languages are not affected" in preview.log.read_text(), "English was built again"
        # The same post's translation: English is built again.
        english = project / "docs" / "en" / "news" / "posts" / "launch-ceremony.md"
        preview.save(replace_in(english, "\n<!-- more -->", " A sentence added in the preview.\n\n<!-- more -->"))
        assert "A sentence added in the preview." in preview.get("en/news/")
        # A new post, which moves older posts to later list pages, then an edit to it.
        preview.save(write(posts / "preview-test.md", NEW_POST))
        preview.save(replace_in(posts / "preview-test.md", "的正文。", "的正文，改过了。"))
        assert "预览测试文章" in preview.get("news/")
        home_news = preview.get("").partition('class="front-news"')[2]
        assert home_news.index("预览测试文章") < home_news.index("集团启动全国示范性职业教育集团创建工作")
        assert_same_as_a_full_rebuild(preview, project, tmp_path / "full-after-posts.log")

        # A photo replaced by another of the same name: the site's file, a link to the first photo's entry in the
        # cache, becomes the new photo's, and the first entry stays as it was.
        published = preview.site_dir() / "news" / "launch-ceremony" / "preview.jpg"
        first = next(path for path in (project / ".cache").rglob("*.jpg") if path.samefile(published))
        kept = first.read_bytes()
        preview.save(lambda: write_phone_jpeg(photo, 800, 600, seed=2))
        second = next(path for path in (project / ".cache").rglob("*.jpg") if path.samefile(published))
        assert second != first and first.read_bytes() == kept

        # A data file: the member directory and the search word list.
        preview.save(
            replace_in(project / "data" / "members.yml", "en: Chongqing Light Industry School", "en: Renamed School")
        )
        assert "Renamed School" in preview.get("en/members/")
        assert_same_as_a_full_rebuild(preview, project, tmp_path / "full-after-data.log")
