"""The photos, cover images and attachments of a project checked without building it (`make check`, and `make build`
before it builds the languages), in the build's words and at the build's places:

- every photo or attachment file of docs/: a refused format (GIF, TIFF, BMP), over the size limit, and for a photo
  what its header alone tells (not an image the site reads, too many pixels). No picture is decoded: a damaged or
  truncated photo is found by the build only (images.py);
- every page: each photo it shows exists and has alt text in the page's language (alt_text.py), each attachment it
  links to exists, and so does its `cover`.

A page's images and links are those MkDocs finds: its Markdown rendered by Python-Markdown with the project's
extensions (as MkDocs sets them up), each `<img>` and `<a>` of the document tree (an image in a code block is none);
a path is relative to the page's file, and a file missing from another language's folder is taken from the default
language's, as mkdocs-static-i18n does (`fallback_to_default`). A page whose every mention of a photo or attachment
is a plain inline image or link is read without rendering, unless one of them has a problem. An `<img>` written as
HTML is left to the build: MkDocs leaves its path as written, relative to the page's address.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils.yaml import yaml_load
from website.build.languages import SiteLanguages
from website.checks.reading import markdown_files
from website.messages.problems import Problem, ProblemsFound, problem
from website.news.posts import POSTS_DIR, read_front_matter
from website.upstream import FRONT_MATTER

from .alt_text import alt_text_problem
from .attachments import KINDS, is_attachment
from .images import header_problem
from .limits import MAX_FILE_BYTES, PHOTO_EXTENSIONS, REFUSED_IMAGE_EXTENSIONS, too_large, unsupported_format
from .markup import site_path
from .photos import is_cover_path, is_photo
from .source_lines import body_start, line_of

# The extensions MkDocs always adds to those mkdocs.yml lists (MkDocs' documentation, "markdown_extensions").
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")
IMAGE_EXTENSIONS = PHOTO_EXTENSIONS + REFUSED_IMAGE_EXTENSIONS
# A page that names no file of these kinds shows no photo and links to no attachment.
MEDIA_NAME = re.compile(
    r"\.(?:" + "|".join(ext.lstrip(".") for ext in (*IMAGE_EXTENSIONS, *KINDS)) + r")\b", re.IGNORECASE
)
# An inline image or link written plainly: a text without brackets, a path without spaces, parentheses, angle
# brackets, escapes or entities, an optional title.
PLAIN_INLINE = re.compile(
    r"(?P<image>!?)\[(?P<text>[^\[\]]*)\]\(\s*(?P<target>[^\s()<>\\&]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
# What rendering would change in an alt text: emphasis, code, HTML, entities, escapes.
PLAIN_TEXT = re.compile(r"[*_`<>&\\]")


def check_media(project_dir: Path, languages: SiteLanguages) -> list[Problem]:
    """Every problem of the photo and attachment files of docs/, then of the pages' photos, attachments and covers."""
    docs_dir = project_dir / "docs"
    problems = [found for path in _media_files(docs_dir) if (found := _file_problem(docs_dir, path)) is not None]
    pages = _Pages(docs_dir, languages, MarkdownReferences(project_dir))
    for language in languages.codes:
        for path, source, text in markdown_files(docs_dir, language):
            if isinstance(text, str) and MEDIA_NAME.search(text):
                problems += pages.check(path.relative_to(docs_dir).as_posix(), source, text, language)
    return problems


class MarkdownReferences(Treeprocessor):
    """The images (src, alt) and links (href) of a page's Markdown, rendered with the extensions MkDocs gives the
    project: its own and those of mkdocs.yml, configured. They are taken from the document tree where MkDocs resolves
    them against the page's file (its `relpath` treeprocessor, at the same priority)."""

    def __init__(self, project_dir: Path) -> None:
        with (project_dir / "mkdocs.yml").open(encoding="utf-8") as file:
            listed: list[str | dict[str, Any]] = yaml_load(file).get("markdown_extensions") or []
        configs: dict[str, dict[str, Any]] = {}
        for item in listed:
            if isinstance(item, dict):
                configs.update({name: config or {} for name, config in item.items()})
        names = [*MKDOCS_EXTENSIONS, *(item if isinstance(item, str) else next(iter(item)) for item in listed)]
        super().__init__(markdown.Markdown(extensions=list(dict.fromkeys(names)), extension_configs=configs))
        self.md.treeprocessors.register(self, "media_references", 0)
        self._found: tuple[list[tuple[str, str | None]], list[str]] = ([], [])

    def __call__(self, body: str) -> tuple[list[tuple[str, str | None]], list[str]]:
        self.md.reset().convert(body)
        return self._found

    def run(self, root: Element) -> None:
        images = [(element.get("src", ""), element.get("alt")) for element in root.iter("img")]
        self._found = (images, [element.get("href", "") for element in root.iter("a")])


def _media_files(docs_dir: Path) -> Iterator[Path]:
    """The files of docs/ the build takes as photos or attachments, or refuses as images; as MkDocs, none below a
    folder or with a name that starts with a dot."""
    for folder, folders, files in os.walk(docs_dir):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            suffix = PurePosixPath(name).suffix.lower()
            if not name.startswith(".") and (suffix in IMAGE_EXTENSIONS or suffix in KINDS):
                yield Path(folder) / name


def _file_problem(docs_dir: Path, path: Path) -> Problem | None:
    """What the build's on_files says of this file (build.py, take_files), its header as images.py reads it."""
    docs_path = path.relative_to(docs_dir).as_posix()
    source = f"{docs_dir.name}/{docs_path}"
    suffix = path.suffix.lower()
    if suffix in REFUSED_IMAGE_EXTENSIONS:
        return unsupported_format(source, suffix)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return too_large(source, size)
    return header_problem(path, source) if is_photo(docs_path) else None


@dataclass(frozen=True)
class _Page:
    docs_path: str  # zh/news/posts/x.md
    source: str  # docs/zh/news/posts/x.md
    text: str
    language: str


class _Pages:
    """The checks of one page after another, with the project's Markdown and languages."""

    def __init__(self, docs_dir: Path, languages: SiteLanguages, rendered: MarkdownReferences) -> None:
        self.docs_dir = docs_dir
        self.languages = languages
        self.rendered = rendered

    def check(self, docs_path: str, source: str, text: str, language: str) -> list[Problem]:
        """The problems of the page at `docs_path`, named `source`, written in `language`."""
        page = _Page(docs_path, source, text, language)
        lines = text.splitlines()
        body = "\n".join(lines[body_start(lines) :])
        plain = plain_references(body)
        problems = self._reference_problems(page, *plain) if plain is not None else None
        if problems is None or problems:
            # Rendering decides: a mention that is not plain, or a problem that may be in a code block.
            problems = self._reference_problems(page, *self.rendered(body))
        return problems + self._cover_problems(page)

    def _reference_problems(self, page: _Page, images: list[tuple[str, str | None]], links: list[str]) -> list[Problem]:
        """The problems of the page's images (src, alt) and links (href), in their order."""
        problems: list[Problem] = []
        seen: dict[str, int] = {}
        for src, alt in images:
            path = site_path(src, page.docs_path)
            if path is None or PurePosixPath(path).suffix.lower() not in IMAGE_EXTENSIONS:
                continue
            if not self._exists(path):
                problems.append(problem(page.source, line_of(page.text, src), None, "photo.missing", image=src))
            elif is_photo(path):
                name = PurePosixPath(path).name
                occurrence = seen[name] = seen.get(name, -1) + 1
                alt_problem = alt_text_problem(page.source, page.text, name, occurrence, alt, page.language)
                if alt_problem is not None:
                    problems.append(alt_problem)
        for href in links:
            path = site_path(href, page.docs_path)
            if path is not None and is_attachment(path) and not self._exists(path):
                line = line_of(page.text, href)
                problems.append(problem(page.source, line, None, "attachment.missing", link=href))
        return problems

    def _cover_problems(self, page: _Page) -> list[Problem]:
        """The front matter's `cover` when it names no photo (front matter that is not YAML is the page check's
        problem; a post's cover that is not a photo's path, the post check's: news/posts.py)."""
        if "cover:" not in page.text or not FRONT_MATTER.match(page.text):
            return []
        try:
            cover = read_front_matter(page.text, page.source)[0].get("cover")
        except ProblemsFound:
            return []
        is_post = page.docs_path.startswith(f"{page.language}/{POSTS_DIR}/")
        if not isinstance(cover, str) or not cover.strip() or (is_post and not is_cover_path(cover)):
            return []
        path = site_path(cover.strip(), page.docs_path)
        if path is not None and is_photo(path) and self._exists(path):
            return []
        line = line_of(page.text, "cover:", in_front_matter=True)
        return [problem(page.source, line, "cover", "cover.missing", value=cover)]

    def _exists(self, docs_path: str) -> bool:
        """Whether the build has a file at `docs_path`: in docs/, or in the default language's folder when another
        language's has none."""
        language, _, below = docs_path.partition("/")
        candidates = [docs_path]
        if language in self.languages.others and below:
            candidates.append(f"{self.languages.default}/{below}")
        return any((self.docs_dir / candidate).is_file() for candidate in candidates)


def plain_references(body: str) -> tuple[list[tuple[str, str | None]], list[str]] | None:
    """The images (src, alt) and links (href) of a page's Markdown as rendering it would give them, read without
    rendering (which costs a few milliseconds a page) when every mention of a photo or attachment in it is a plain
    inline image or link: `![alt](path)`, `[text](path "title")`. None when one is not (a reference-style link,
    HTML, Markdown or an escape in an alt text or path): only rendering tells then."""
    images: list[tuple[str, str | None]] = []
    links: list[str] = []
    for match in PLAIN_INLINE.finditer(body):
        if not match["image"]:
            links.append(match["target"])
        elif PLAIN_TEXT.search(match["text"]):
            return None
        else:
            images.append((match["target"], match["text"]))
    return None if MEDIA_NAME.search(PLAIN_INLINE.sub("", body)) else (images, links)
