"""News: one Material blog per language under mkdocs-static-i18n, posts checked against data/news.yml, dates shown
as precisely as the source gives them, one RSS feed per language. The logic is in website/news/.

static-i18n calls these events once per language build, in one process; `_build` is replaced at each `on_config`.
Priorities place each step around the plugins': blog `on_files` -50, static-i18n `on_config`/`on_files` -100.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from website import clock
from website.clock import ClockError
from website.dates import date_label
from website.news import blog as news_blog
from website.news.blog import PostDate
from website.news.posts import NewsError, load_vocabulary

log = logging.getLogger(f"mkdocs.hooks.{__name__}")
_build: news_blog.LanguageBuild | None = None


def _plugins(config: MkDocsConfig) -> tuple[Any, Any]:
    return config.plugins["material/blog"], config.plugins["i18n"]


def _current() -> news_blog.LanguageBuild:
    assert _build is not None, "on_config has not run"
    return _build


@event_priority(100)  # before the blog plugin reads its authors and static-i18n reconfigures the language
def _point_blog_at_language(config: MkDocsConfig) -> None:
    global _build
    blog, i18n = _plugins(config)
    try:
        vocab = load_vocabulary(Path(config.config_file_path).parent / "data" / "news.yml")
    except NewsError as error:
        raise PluginError(str(error)) from error
    _build = news_blog.LanguageBuild(
        lang=i18n.current_language or i18n.default_language,
        default_lang=i18n.default_language,
        languages=tuple(i18n.build_languages),
        vocab=vocab,
    )
    news_blog.configure_blog(blog, _build)


@event_priority(-110)  # after the blog plugin's on_config, which reads authors from a file we don't use
def _set_authors(config: MkDocsConfig) -> None:
    try:
        news_blog.set_authors(_plugins(config)[0], _current())
    except NewsError as error:
        raise PluginError(str(error)) from error


on_config = CombinedEvent(_point_blog_at_language, _set_authors)


@event_priority(-40)  # before the blog plugin reads the posts: our messages name the file, line and field
def _check_posts(files: Files, config: MkDocsConfig) -> None:
    blog = _plugins(config)[0]
    build = _current()
    try:
        notices = news_blog.check_posts(
            Path(config.docs_dir),
            build,
            preview=bool(blog.config.draft),  # `mkdocs serve` shows drafts and scheduled posts (draft_on_serve)
            per_page=blog.config.pagination_per_page,
            now=clock.now(),
        )
    except (NewsError, ClockError) as error:
        raise PluginError(str(error)) from error
    for notice in notices:
        log.info(notice)
    news_blog.leave_out_unpublished(files, build)


@event_priority(-95)  # after the blog plugin made its pages, before static-i18n's on_files
def _shield(files: Files, config: MkDocsConfig) -> Files:
    return news_blog.shield_blog_files(files, _current(), _plugins(config)[0])


@event_priority(-105)  # after static-i18n's on_files
def _restore(files: Files, config: MkDocsConfig) -> Files:
    files = news_blog.restore_blog_files(files, _current(), config)
    # static-i18n's sitemap lists the pages it saw in on_files; add the blog's.
    _plugins(config)[1].i18n_files_per_language[_current().lang] = files.documentation_pages()
    return files


on_files = CombinedEvent(_check_posts, _shield, _restore)


@event_priority(-10)  # after the blog plugin registered its own `date` filter
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    build = _current()
    blog_date = env.filters["date"]

    def post_date(value: Any) -> str:
        if isinstance(value, PostDate):
            return date_label(value, value.precision, build.lang)
        return str(blog_date(value))

    env.filters["date"] = post_date
    env.globals["news_feed"] = {"path": build.prefix(build.lang) + news_blog.FEED_PATH}
    return env


@event_priority(40)  # after static-i18n set the switcher's links from the page's alternates (priority 50)
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    # static-i18n sets `config.extra.alternate` as an attribute for each page, which templates read first.
    alternates = getattr(config.extra, "alternate", None)
    if alternates:
        news_blog.point_switcher_to_news_index(page, alternates, _current())
    return context


@event_priority(0)  # before static-i18n's on_post_build starts the next language's build
def on_post_build(config: MkDocsConfig) -> None:
    news_blog.write_feed(_plugins(config)[0], _current(), config)
