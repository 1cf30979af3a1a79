"""Build the real site (or a copy of the project) into a folder and read what it produced."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from local_site import ROOT, serving

# Each language's folder below the site root, the default language first (as in mkdocs.yml).
LANGUAGE_ROOTS = {"zh": "", "en": "en/"}
DEFAULT_LANGUAGE = "zh"
# The language tag of each language's pages: <html lang>, hreflang, JSON-LD inLanguage (mkdocs.yml, extra.seo.hreflang).
LANGUAGE_TAGS = {"zh": "zh-CN", "en": "en"}
OTHER_LANGUAGES = tuple(lang for lang in LANGUAGE_ROOTS if lang != DEFAULT_LANGUAGE)
SITE_SETTINGS = ("SITE_URL", "FILING_ICP", "FILING_POLICE")
# What makes a build report to GitHub Actions (workflow commands, the job summary): set by the runner of `make test`
# in CI, never passed on to the builds the tests make.
GITHUB_SETTINGS = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_BASE_REF")


@dataclass
class BuildResult:
    site_dir: Path
    log: str

    def html_pages(self) -> list[Path]:
        return sorted(self.site_dir.rglob("*.html"))

    def page(self, url_path: str) -> BeautifulSoup:
        """The parsed page at a site path such as 'about/', 'en/about/' or '404.html'."""
        path = self.site_dir / url_path
        return self.soup(path if url_path.endswith(".html") else path / "index.html")

    @staticmethod
    def soup(html_file: Path) -> BeautifulSoup:
        return BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")

    def content_pages(self) -> list[str]:
        """Site paths of every built page, 404 aside (it is not a page of the navigation)."""
        return [self.url_path_of(p) for p in self.html_pages() if p.name != "404.html"]

    def url_path_of(self, html_file: Path) -> str:
        """'about/index.html' -> 'about/'; the site root is ''."""
        rel = html_file.relative_to(self.site_dir).as_posix()
        return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def build(
    project_dir: Path,
    site_dir: Path,
    env: dict[str, str] | None = None,
    *,
    fails: bool = False,
    one_process: bool = False,
) -> BuildResult:
    """Build a project as `make build` does (one process per language, scripts/build_site.py), or with
    `one_process=True` as plain `mkdocs build --strict` (static-i18n building the languages in turn). Fail loudly with
    MkDocs' own output when it fails (or, with `fails=True`, when it succeeds: the result's log then holds the error).
    """
    # Settings the site reads from the environment come only from the test, never from the caller's shell.
    run_env = {k: v for k, v in os.environ.items() if k not in SITE_SETTINGS + GITHUB_SETTINGS}
    run_env.update({"NO_MKDOCS_2_WARNING": "1", **(env or {})})
    if one_process:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project_dir / "mkdocs.yml")]
        command += ["-d", str(site_dir)]
    else:
        command = [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--project", str(project_dir)]
        command += ["--site-dir", str(site_dir)]
    proc = subprocess.run(command, cwd=project_dir, env=run_env, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    if (proc.returncode != 0) != fails:
        raise AssertionError(f"the build {'succeeded' if fails else 'failed'} ({proc.returncode}):\n{log}")
    return BuildResult(site_dir=site_dir, log=log)


@contextmanager
def served_build(project_dir: Path, site_dir: Path) -> Iterator[tuple[BuildResult, str]]:
    """Build with site_url set to the origin the site is then served from (127.0.0.1, a free port), and serve it.

    Yields the build and the origin, 'http://127.0.0.1:PORT' with no trailing slash.
    """
    with serving(site_dir) as origin:
        yield build(project_dir, site_dir, env={"SITE_URL": origin + "/"}), origin


def write_test_post(project: Path, lang: str, slug: str, title: str, day: str, category: str, extra: str = "") -> None:
    """A post with the fields a post must have; `extra` adds front matter lines ('pin: true\n')."""
    (project / "docs" / lang / "news" / "posts" / f"{slug}.md").write_text(
        f"---\ntitle: {title}\ndescription: {title}\ndate: {day}\ncategories:\n  - {category}\n{extra}---\n\n"
        f"# {title}\n\n{title}。\n\n<!-- more -->\n\n## {title}\n",
        encoding="utf-8",
    )


def write_posts(project: Path, count: int) -> None:
    """Enough posts for the news lists to run over several pages, in both languages."""
    for number in range(count):
        for lang, title, category in (
            ("zh", f"测试新闻 {number}", "集团动态"),
            ("en", f"Test news {number}", "Group news"),
        ):
            write_test_post(project, lang, f"test-news-{number:02d}", title, f"2024-03-{number + 1:02d}", category)


def resolve(page_url_path: str, href: str) -> str:
    """The site path an href on a page points at, e.g. ('en/about/', '../../about/') -> 'about/'."""
    base = "http://site.invalid/"
    return urlsplit(urljoin(base + page_url_path, href)).path.lstrip("/")


def counterpart(url_path: str, language: str) -> str:
    """The same page in another language: ('about/', 'en') -> 'en/about/', ('en/about/', 'zh') -> 'about/'."""
    stripped = url_path
    for lang in OTHER_LANGUAGES:
        if url_path == f"{lang}/" or url_path.startswith(f"{lang}/"):
            stripped = url_path[len(lang) + 1 :]
            break
    return stripped if language == DEFAULT_LANGUAGE else f"{language}/{stripped}"


def language_of(url_path: str) -> str:
    for lang in OTHER_LANGUAGES:
        if url_path.startswith(f"{lang}/"):
            return lang
    return DEFAULT_LANGUAGE
