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
from pathlib import Path
from typing import Any

from jinja2 import Environment
from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from website.build.languages import language_build
from website.preview.plan import (
    LAST_SHAPES,
    SITE_FOLDERS,
    BuildStart,
    ListPage,
    PreviewPlan,
    SiteShape,
    is_dirty_build,
    other_languages_unchanged,
    page_slices,
    plan_preview,
    turn_dirty_warning_into_notice,
)
from website.search.index import INDEX_PATH

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

# This language build's start, plan and shape, and whether the other languages may stay as they are: from
# on_pre_build to on_post_build.
_start: BuildStart | None = None
_plan: PreviewPlan | None = None
_shape: tuple[str, SiteShape] | None = None
_others_unchanged = False


def on_pre_build(config: MkDocsConfig) -> None:
    global _start
    _start = None
    if not is_dirty_build(config):
        return
    turn_dirty_warning_into_notice(logging.getLogger("mkdocs.commands.build"))
    _start = SITE_FOLDERS.start_build(config.site_dir, Path(config.config_file_path).parent)
    if _start.stale:
        clean_directory(config.site_dir)


@event_priority(-60)  # after the blog plugin's on_nav (-50), which adds its lists and puts its posts back
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    global _plan, _shape, _others_unchanged
    _plan, _shape, _others_unchanged = None, None, False
    if _start is None:
        return
    blog: Any = config.plugins["material/blog"]
    shape = SiteShape(_list_pages(blog), tuple(_navigation_entries(nav.items)))
    key = blog.blog.file.abs_dest_path
    pages = files.documentation_pages(inclusion=InclusionLevel.all)
    outputs = frozenset(file.abs_dest_path for file in pages)
    # MkDocs' own answer (source newer than output), asked once: the answers are replaced below.
    modified = [file for file in files if file.is_modified()]
    modified_outputs = {file.abs_dest_path for file in modified}
    lists = {page.output for page in shape.lists}
    saved = [file.src_uri for file in modified if file.abs_dest_path not in lists]
    _plan = plan_preview(
        shape,
        LAST_SHAPES.get(key),
        posts={
            file.abs_dest_path: file.abs_dest_path in modified_outputs for file in pages if isinstance(file.page, Post)
        },
        pages=outputs,
    )
    _shape = (key, shape)
    _answer_is_modified(files, _plan.read)
    build = language_build(config)
    rebuilds_everything = _plan.write == outputs
    if rebuilds_everything:
        # Every page is written: hooks/search.py then starts the index afresh, as a full build does, instead of
        # updating the last one (which may hold removed pages).
        Path(config.site_dir, build.root, INDEX_PATH).unlink(missing_ok=True)
    i18n: Any = config.plugins["i18n"]
    if i18n.building:
        return  # this build does not build the other languages: static-i18n's own nested build, or one language
    others = [other for other in i18n.build_languages if other != build.language]
    _others_unchanged = other_languages_unchanged(
        _start, rebuilds_everything, saved, Path(config.docs_dir), build.language, others
    )


@event_priority(100)  # before any other hook or plugin loads a template
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if _plan is not None:
        _answer_is_modified(files, _plan.write)
        language = language_build(config).language
        env.bytecode_cache = SITE_FOLDERS.compiled_templates(config.site_dir, language, config.site_url or "")
    return env


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "sitemap.xml" and _others_unchanged:
        # The sitemap lists every language's pages, as the last language's build writes it: this language's build
        # would leave out the languages not rebuilt. MkDocs does not write an empty output: the last one stays.
        return ""
    return output


@event_priority(0)  # before static-i18n's on_post_build (-100) starts the next language's build
def _remember_shape(config: MkDocsConfig) -> None:
    if _shape is not None:
        key, shape = _shape
        LAST_SHAPES[key] = shape


@event_priority(-90)  # static-i18n's on_post_build (-100) builds the other languages unless it is building already
def _spare_other_languages(config: MkDocsConfig) -> None:
    i18n: Any = config.plugins["i18n"]
    if _others_unchanged:
        log.info("Preview: the other languages are not affected by the saved pages and are not rebuilt")
        i18n.building = True


on_post_build = CombinedEvent(_remember_shape, _spare_other_languages)


def _list_pages(blog: Any) -> tuple[ListPage, ...]:
    """Every page of every news list, with the posts it shows, as the blog plugin will paginate them."""
    list_pages = []
    for view in blog._resolve_views(blog.blog):
        paginated = blog._config_pagination(view)
        pages = view.pages if paginated else [view]
        per_page = blog._config_pagination_per_page(view) if paginated else max(len(view.posts), 1)
        for at, (page, shown) in enumerate(zip(pages, page_slices(len(pages), per_page), strict=True)):
            posts = tuple(post.file.abs_dest_path for post in view.posts[shown])
            list_pages.append(ListPage(page.file.abs_dest_path, posts, in_navigation=at == 0))
    return tuple(list_pages)


def _navigation_entries(items: list[StructureItem]) -> list[str]:
    """The navigation's sections, links and pages, in order; page titles are not known yet (pages are unread)."""
    entries = []
    for item in items:
        if isinstance(item, Section):
            entries += [f"section {item.title}", *_navigation_entries(item.children), "end"]
        elif isinstance(item, Link):
            entries.append(f"link {item.title} {item.url}")
        elif isinstance(item, Page):
            entries.append(f"page {item.file.abs_dest_path}")
    return entries


def _answer_is_modified(files: Files, outputs: frozenset[str]) -> None:
    for file in files.documentation_pages(inclusion=InclusionLevel.all):
        modified = file.abs_dest_path in outputs
        file.is_modified = (lambda: True) if modified else (lambda: False)  # type: ignore[method-assign]
