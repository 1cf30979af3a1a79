"""The pages a pull request adds or changes, and where each is on the site.

A page's address follows MkDocs' directory URLs (docs/zh/about/index.md is /about/, docs/en/colleges/x.md is
/en/colleges/x/); a news post's follows the blog's post_url_format in mkdocs.yml, the year of its date and its file
name (/news/2023/launch-ceremony/).
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from website.build.languages import SiteLanguages
from website.checks.reading import read_markdown
from website.messages.github import PublishedPage
from website.news.posts import NEWS_DIR, POSTS_DIR, DateProblem, parse_post_date, read_front_matter
from website.upstream import FRONT_MATTER


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def changed_sources(root: Path, base_branch: str) -> list[str] | None:
    """The Markdown pages under docs/ that HEAD adds or changes since it left `base_branch` (GitHub's checkout has
    it as origin/<branch>), as paths from `root`; None when the branch is not there."""
    base = next(
        (
            ref
            for ref in (f"origin/{base_branch}", base_branch)
            if _git(root, "rev-parse", "--verify", "-q", ref).stdout
        ),
        None,
    )
    if base is None:
        return None
    diff = _git(root, "diff", "-z", "--name-only", "--diff-filter=AMR", f"{base}...HEAD", "--", "docs")
    diff.check_returncode()
    return sorted(name for name in diff.stdout.split("\0") if name.endswith(".md"))


def language_and_page(source: str, languages: SiteLanguages) -> tuple[str, str] | None:
    """'docs/en/about/index.md' -> ('en', 'about/index.md'); None for a file outside a language's folder."""
    parts = PurePosixPath(source).parts
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in languages.codes:
        return None
    return parts[1], "/".join(parts[2:])


def site_path(docs_dir: Path, languages: SiteLanguages, language: str, page: str) -> str | None:
    """Where a page ('about/index.md') is in a language, from the site's root: 'en/about/'. A news post's address
    needs its date: None when no language has the post with a date."""
    prefix = languages.root(language)
    if page.startswith(f"{POSTS_DIR}/"):
        year = _post_year(docs_dir, languages, page, language)
        return None if year is None else f"{prefix}{NEWS_DIR}/{year}/{PurePosixPath(page).stem}/"
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return prefix + stem.removesuffix("index")
    return f"{prefix}{stem}/"


def _post_year(docs_dir: Path, languages: SiteLanguages, page: str, language: str) -> str | None:
    # A post and its translation share their date; an untranslated post has its date in the other language only.
    for lang in dict.fromkeys((language, *languages.codes)):
        meta = _front_matter(docs_dir / lang / page)
        if "date" in meta:
            try:
                return f"{parse_post_date(meta['date'])[0].year:04d}"  # the year in Beijing, as PostMeta.year
            except DateProblem:
                continue
    return None


def _front_matter(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    text = read_markdown(path)
    return read_front_matter(text, path.name)[0] if FRONT_MATTER.match(text) else {}


def published_pages(root: Path, sources: list[str], site_url: str) -> list[PublishedPage]:
    """The pages among `sources` with their titles and their addresses below `site_url`."""
    docs_dir, languages = root / "docs", SiteLanguages.of_project(root)
    pages = []
    for source in sources:
        located = language_and_page(source, languages)
        path = site_path(docs_dir, languages, *located) if located else None
        if located is None or path is None:
            continue
        meta = _front_matter(root / source)
        title = meta.get("title") or _first_heading(read_markdown(root / source)) or source
        url = site_url.rstrip("/") + "/" + path
        pages.append(PublishedPage(source, str(title), url, draft=meta.get("draft") is True))
    return pages


def pull_request_pages(root: Path, base_branch: str | None, site_url: str) -> list[PublishedPage] | None:
    """The pages a pull request into `base_branch` adds or changes; None outside a pull request."""
    sources = changed_sources(root, base_branch) if base_branch else None
    return None if sources is None else published_pages(root, sources, site_url)


def _first_heading(text: str) -> str | None:
    return next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), None)
