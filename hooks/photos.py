"""Photos, cover images and attachments: a writer puts a phone photo in and writes its alt text; the build publishes
it cleaned of its metadata, in the sizes and formats a reader's screen needs, with a thumbnail on the news lists and
a share image for link previews; a link to an attachment says its kind and size. The logic and its reasons are in
website/media/ (build.py walks through the events below); README.md "Photos and attachments" tells the whole story.

static-i18n calls these events once per language build, in one process: its `MediaBuild` is made afresh at each
on_files. Problems a writer must fix stop the build, all of them listed in the catalogue's words, as `make check`
gives them (website/media/check.py).
Priorities place each step around the plugins': static-i18n's on_files (-100) and news.py's (-105) have placed the
files; Material's blog renders the excerpts of a list page in its on_page_context (-100); seo_meta.py reads the
share image in its on_page_context (0).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from website import upstream
from website.build.languages import language_build
from website.build.state import BuildState
from website.media.build import MediaBuild, MediaError
from website.media.cache import ImageStore
from website.media.placement import SiteLayout
from website.upstream import Post

CACHE_FOLDER = Path(".cache") / "images"  # in the project folder, beside mkdocs.yml (not in git)

_media: BuildState[MediaBuild] = BuildState("the photos of the language being built")


def _layout(config: MkDocsConfig) -> SiteLayout:
    build = language_build(config)
    # Material's blog moves the media beside its posts from its posts folder to the blog's folder (news.py points
    # blog_dir at <language>/news for each language): the same two folders below every language's folder.
    blog = upstream.blog_plugin(config).config
    posts = blog.post_dir.format(blog=blog.blog_dir).removeprefix(f"{build.language}/")
    media = str(blog.blog_dir).removeprefix(f"{build.language}/")
    return SiteLayout(language_roots=build.languages.roots, blog_posts=(f"{posts}/", f"{media}/"))


@functools.cache
def _store(root: Path) -> ImageStore:
    """One store for the process: a preview's rebuilds and the other language's build reuse what it has read."""
    return ImageStore(root)


@event_priority(-110)  # after static-i18n (-100) and news.py (-105) have placed the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    store = _store(Path(config.config_file_path).parent / CACHE_FOLDER)
    media = _media.start(MediaBuild(config, _layout(config), language_build(config).language, store))
    try:
        media.take_files(files)
    except MediaError as error:
        raise PluginError(str(error)) from error
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _media.current.page_content(html, page, is_post=isinstance(page, Post))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    try:
        _media.current.publish(files, config)
    except MediaError as error:
        raise PluginError(str(error)) from error
    return env


@event_priority(10)  # before seo_meta.py (0) reads it
def _share_image(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["share_image"] = _media.current.share_image(page)
    return context


@event_priority(-110)  # after Material's blog has rendered a news list's excerpts (-100)
def _news_list(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    excerpts = context.get("posts")
    if excerpts:
        _media.current.list_page(excerpts, page)
    return context


on_page_context = CombinedEvent(_share_image, _news_list)
