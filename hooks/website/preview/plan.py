"""Which pages the writers' preview rebuilds after a save: the rules behind hooks/preview.py, runnable without MkDocs.

`make serve` runs `mkdocs serve --dirty`: after a save MkDocs rewrites only the pages whose source is newer than
their output, in seconds instead of a full build. Alone, that would show the writer wrong pages: navigation titles
of pages it did not read, news lists without the excerpts of the posts it did not read, a search index of the saved
page only, and nothing new after a change to a data file, a template or the configuration. The rules here put that
right: a change outside `docs/` rebuilds everything; so does, for its language, a save that changes what the news
lists or the navigation hold (a new, removed, re-dated or re-categorised post; a new page). Any other save rebuilds
the saved pages, every page that is neither a post nor a news list (a few dozen pages; their titles fill the
navigation), and the news list pages that show a saved post (reading the posts they show, for their excerpts).
What is left as it was: a changed page title in the navigation of posts that were not saved.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.bccache

# Besides its own Markdown, what every page's output depends on: a change to any of these rebuilds everything.
SHARED_INPUTS = ("mkdocs.yml", "data", "overrides", "hooks")
# Bytecode Python writes beside the hooks while it builds: not a change.
_NOT_INPUTS = ("__pycache__",)

_DIRTY_WARNING = "A 'dirty' build is being performed"
PREVIEW_NOTICE = (
    "Preview: a save rebuilds the pages it changes (hooks/preview.py); a new, removed or re-dated post or a new page "
    "rebuilds its language, a change outside docs/ the whole site."
)


# Each file with its modification time and size (nanoseconds, bytes).
Fingerprint = frozenset[tuple[str, int, int]]
_SHARED = ""  # the key of SHARED_INPUTS' fingerprint among the languages'


def fingerprint(folder: Path, names: Sequence[str]) -> Fingerprint:
    """Each file named, or in a folder named (searched through), with its modification time and size: a file
    changed, added, removed or renamed changes it. A build compares it with the one taken when the last build
    started, never with the clock: the files' times come from the file system, whose clock may not be this
    machine's (a network drive; a Windows folder seen from WSL)."""
    found: set[tuple[str, int, int]] = set()
    for name in names:
        path = folder / name
        if path.is_file():
            status = path.stat()
            found.add((str(path), status.st_mtime_ns, status.st_size))
        for directory, subfolders, filenames in os.walk(path):
            subfolders[:] = [name for name in subfolders if name not in _NOT_INPUTS]
            for filename in filenames:
                status = os.stat(os.path.join(directory, filename))
                found.add((os.path.join(directory, filename), status.st_mtime_ns, status.st_size))
    return frozenset(found)


class KeptTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept in memory. Jinja checks each template's text against the checksum kept with its code."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass(frozen=True)
class BuildStart:
    # What is in the site folder may not match the files outside docs/: no build into it started in this process
    # yet, or one of them changed since the last build started.
    stale: bool
    # The languages whose docs/ folder changed since the last build into the site folder started (all at the first).
    changed_languages: frozenset[str]


class SiteFolders:
    """What the preview keeps, in this process (a serve session's rebuilds), about each site folder it builds into:
    the fingerprints of the files when the last build into it started, and each language's compiled theme templates.

    The languages' builds share the folder: the first language's build decides whether the folder is stale and
    records its start, so the languages built after it in the same rebuild find it fresh. MkDocs compiles every theme
    template again at every build; the preview keeps them while nothing they may depend on changes: the language, the
    site URL (both part of the key) and the files outside docs/ (a change drops them). Jinja folds a filter applied to
    a constant into the compiled code, and the theme's filters depend on those (`{{ "sitemap.xml" | site_absolute }}`).
    """

    def __init__(self) -> None:
        self._inputs: dict[str, dict[str, Fingerprint]] = {}
        self._templates: dict[tuple[str, str, str], KeptTemplates] = {}

    def start_build(self, site_dir: str, project_dir: Path, docs_dir: Path, languages: Sequence[str]) -> BuildStart:
        """Record a build into `site_dir` starting now, from the files outside docs/ and the languages' folders."""
        inputs = {_SHARED: fingerprint(project_dir, SHARED_INPUTS)}
        inputs.update((language, fingerprint(docs_dir, [language])) for language in languages)
        previous = self._inputs.get(site_dir, {})
        self._inputs[site_dir] = inputs
        changed = {name for name, files in inputs.items() if previous.get(name) != files}
        stale = _SHARED in changed
        if stale:
            self._templates = {key: kept for key, kept in self._templates.items() if key[0] != site_dir}
        return BuildStart(stale=stale, changed_languages=frozenset(changed - {_SHARED}))

    def compiled_templates(self, site_dir: str, language: str, site_url: str) -> KeptTemplates:
        return self._templates.setdefault((site_dir, language, site_url), KeptTemplates())


SITE_FOLDERS = SiteFolders()


@dataclass(frozen=True)
class ListPage:
    """One page of a news list (the index, a year, a category): its output file and the outputs of the posts it
    shows; the first page of a list is in the navigation, under its title."""

    output: str
    posts: tuple[str, ...]
    in_navigation: bool


@dataclass(frozen=True)
class SiteShape:
    """What pages show besides their own text, known before any page is read: the posts on each news list page, and
    the navigation's entries (every page shows the navigation)."""

    lists: tuple[ListPage, ...]
    navigation: tuple[str, ...]


# The shape that each language's last preview build wrote, by the output of the language's news index.
LAST_SHAPES: dict[str, SiteShape] = {}


@dataclass(frozen=True)
class PreviewPlan:
    """The pages, by output file, that a preview build reads and that it writes (a subset)."""

    read: frozenset[str]
    write: frozenset[str]


def other_languages_unchanged(
    start: BuildStart,
    rebuilds_everything: bool,
    saved: Iterable[str],
    docs_dir: Path,
    language: str,
    others: Sequence[str],
) -> bool:
    """Whether the other languages' pages may stay as the last build wrote them, which spares building them: this
    language is not rebuilt in full, none of their sources changed since the last build started, and every saved
    source (`saved`: paths below docs/) is a page of this language that each of them has too, so that none of them
    shows it in place of its own."""
    if start.stale or rebuilds_everything or not start.changed_languages.isdisjoint(others):
        return False
    prefix = f"{language}/"
    return all(
        source.startswith(prefix)
        and all((docs_dir / other / source.removeprefix(prefix)).is_file() for other in others)
        for source in saved
    )


def plan_preview(
    shape: SiteShape, last_shape: SiteShape | None, posts: dict[str, bool], pages: Iterable[str]
) -> PreviewPlan:
    """Which pages to read and write, given the outputs of all `pages` and of the `posts` among them (True: saved).

    When the shape changed since the last build (a post added, removed, re-dated or re-categorised; a page added or
    removed), every page. Otherwise write the saved posts, every page that is not a post or a list, and the list
    pages never written or showing a saved post; read besides, without writing them, the posts those list pages show
    (for their excerpts) and the first page of every list (its title is in the navigation).
    """
    everything = frozenset(pages)
    if shape != last_shape:
        return PreviewPlan(read=everything, write=everything)
    saved = {post for post, is_saved in posts.items() if is_saved}
    lists = {page.output for page in shape.lists}
    rebuilt = [page for page in shape.lists if not os.path.isfile(page.output) or saved.intersection(page.posts)]
    write = {
        *saved,
        *(page for page in everything if page not in posts and page not in lists),
        *(page.output for page in rebuilt),
    }
    read = {
        *write,
        *(page.output for page in shape.lists if page.in_navigation),
        *(post for page in rebuilt for post in page.posts),
    }
    return PreviewPlan(read=frozenset(read), write=frozenset(write))


class DirtyBuildNotice(logging.Filter):
    """MkDocs warns at every dirty build that navigation may be inaccurate, and under `strict: true` that warning
    alone aborts the build. The preview keeps strict mode, so that a writer's real mistakes still stop it, and says
    instead what it rebuilds."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith(_DIRTY_WARNING):
            record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
            record.msg, record.args = PREVIEW_NOTICE, ()
        return True


def turn_dirty_warning_into_notice(logger: logging.Logger) -> None:
    """Add the filter once: the logger outlives the builds of a serve session."""
    if not any(isinstance(existing, DirtyBuildNotice) for existing in logger.filters):
        logger.addFilter(DirtyBuildNotice())
