"""The writers' preview: make `mkdocs serve --dirty` (`make serve`) rebuild a saved post in seconds, and right.

In a dirty build MkDocs reads a page, and later writes it, only when `page.file.is_modified()` says so: by default
when the page's source is newer than its output. This hook answers instead, by the plan of website/preview/plan.py:
a page read for its title or its excerpts but unchanged answers yes while MkDocs reads pages and no once it writes
them (`on_env` comes between). A change outside docs/ empties the site folder first: a full build. When the saved pages
cannot change what another language shows, static-i18n is told not to build that language. Between two changes
outside docs/, each language's compiled theme templates are kept. `make build` and other full builds are left alone.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from website import upstream
from website.build.languages import language_build
from website.preview.plan import (
    LAST_SHAPES,
    SITE_FOLDERS,
    BuildStart,
    PreviewPlan,
    SiteShape,
    other_languages_unchanged,
    plan_preview,
    turn_dirty_warning_into_notice,
)
from website.preview.site_shape import answer_is_modified, site_shape
from website.search.index import INDEX_PATH
from website.upstream import Post

log = logging.getLogger(f"mkdocs.hooks.{__name__}")


@dataclass
class PreviewBuild:
    """What this hook keeps between events: whether MkDocs builds dirty (from on_startup, for the whole session), and
    for the language build under way, from on_pre_build to on_post_build, its start, plan and shape, and whether the
    other languages may stay as they are."""

    dirty: bool = False
    start: BuildStart | None = None
    plan: PreviewPlan | None = None
    shape: tuple[str, SiteShape] | None = None
    others_unchanged: bool = False


_preview = PreviewBuild()


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _preview.dirty = dirty


def on_pre_build(config: MkDocsConfig) -> None:
    _preview.start = None
    if not _preview.dirty:
        return
    turn_dirty_warning_into_notice(logging.getLogger("mkdocs.commands.build"))
    project_dir, languages = Path(config.config_file_path).parent, language_build(config).languages.codes
    _preview.start = SITE_FOLDERS.start_build(config.site_dir, project_dir, Path(config.docs_dir), languages)
    if _preview.start.stale:
        upstream.clean_directory(config.site_dir)


@event_priority(-60)  # after the blog plugin's on_nav (-50), which adds its lists and puts its posts back
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    _preview.plan, _preview.shape, _preview.others_unchanged = None, None, False
    start = _preview.start
    if start is None:
        return
    blog = upstream.blog_plugin(config)
    shape = site_shape(blog, nav)
    key = upstream.blog_index(blog).file.abs_dest_path
    pages = files.documentation_pages(inclusion=InclusionLevel.all)
    outputs = frozenset(file.abs_dest_path for file in pages)
    # MkDocs' own answer (source newer than output), asked once: the answers are replaced below.
    modified = [file for file in files if file.is_modified()]
    modified_outputs = {file.abs_dest_path for file in modified}
    lists = {page.output for page in shape.lists}
    saved = [file.src_uri for file in modified if file.abs_dest_path not in lists]
    plan = plan_preview(
        shape,
        LAST_SHAPES.get(key),
        posts={
            file.abs_dest_path: file.abs_dest_path in modified_outputs for file in pages if isinstance(file.page, Post)
        },
        pages=outputs,
    )
    _preview.plan, _preview.shape = plan, (key, shape)
    answer_is_modified(files, plan.read)
    build = language_build(config)
    rebuilds_everything = plan.write == outputs
    if rebuilds_everything:
        # Every page is written: hooks/search.py then starts the index afresh, as a full build does, instead of
        # updating the last one (which may hold removed pages).
        Path(config.site_dir, build.root, INDEX_PATH).unlink(missing_ok=True)
    if not upstream.builds_other_languages(config):
        return  # this build does not build the other languages: static-i18n's own nested build, or one language
    _preview.others_unchanged = other_languages_unchanged(
        start, rebuilds_everything, saved, Path(config.docs_dir), build.language, build.others
    )


@event_priority(100)  # before any other hook or plugin loads a template
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if _preview.plan is not None:
        answer_is_modified(files, _preview.plan.write)
        language = language_build(config).language
        env.bytecode_cache = SITE_FOLDERS.compiled_templates(config.site_dir, language, config.site_url or "")
    return env


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "sitemap.xml" and _preview.others_unchanged:
        # The sitemap lists every language's pages, as the last language's build writes it: this language's build
        # would leave out the languages not rebuilt. MkDocs does not write an empty output: the last one stays.
        return ""
    return output


@event_priority(0)  # before static-i18n's on_post_build (-100) starts the next language's build
def _remember_shape(config: MkDocsConfig) -> None:
    if _preview.shape is not None:
        key, shape = _preview.shape
        LAST_SHAPES[key] = shape


@event_priority(-90)  # static-i18n's on_post_build (-100) builds the other languages unless it is building already
def _spare_other_languages(config: MkDocsConfig) -> None:
    if _preview.others_unchanged:
        log.info("Preview: the other languages are not affected by the saved pages and are not rebuilt")
        upstream.spare_other_languages(config)


on_post_build = CombinedEvent(_remember_shape, _spare_other_languages)
