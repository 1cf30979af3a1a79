"""News: one Material blog per language under mkdocs-static-i18n, posts checked against data/news.yml and published
on time in Beijing, dates shown as precisely as the source gives them, one RSS feed per language; the news on the
home page (front_page.py), the footer's previous/next links between content pages only and the list pages' own titles
(list_pages.py), and a post's QR code of its address (qr_code.py). The logic is in website/news/ (blog.py says how the
blog and static-i18n are made to work together).

static-i18n calls these events once per language build, in one process; the language's `NewsBuild` is made afresh at
each `on_config`. Priorities place each step around the plugins': blog `on_files` -50, static-i18n `on_config` and
`on_files` -100.
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
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from website import clock, upstream
from website.build.languages import language_build
from website.build.state import BuildState
from website.clock import ClockError
from website.data_pages.validate import DataError, load_project_data
from website.dates import date_label
from website.news import blog as news_blog
from website.news import front_page
from website.news.blog import NewsBuild, PostDate
from website.news.feed import FEED_PATH, write_feed
from website.news.list_pages import ListTexts, link_content_pages
from website.news.posts import NewsError

log = logging.getLogger(f"mkdocs.hooks.{__name__}")
_news: BuildState[NewsBuild] = BuildState("the news of the language being built")


@event_priority(100)  # before the blog plugin reads its authors and static-i18n reconfigures the language
def _point_blog_at_language(config: MkDocsConfig) -> None:
    language = language_build(config)
    try:
        data = load_project_data(Path(config.config_file_path).parent, Path(config.docs_dir), language.default_language)
    except DataError as error:
        raise PluginError(str(error)) from None
    build = _news.start(NewsBuild(language, data.news))
    news_blog.configure_blog(upstream.blog_plugin(config), build)


@event_priority(-110)  # after the blog plugin's on_config, which reads authors from a file we don't use
def _set_authors(config: MkDocsConfig) -> None:
    try:
        news_blog.set_authors(upstream.blog_plugin(config), _news.current)
    except NewsError as error:
        raise PluginError(str(error)) from error


on_config = CombinedEvent(_point_blog_at_language, _set_authors)


@event_priority(-40)  # before the blog plugin reads the posts: our messages name the file, line and field
def _check_posts(files: Files, config: MkDocsConfig) -> None:
    blog = upstream.blog_plugin(config)
    try:
        notices = news_blog.check_posts(
            Path(config.docs_dir),
            _news.current,
            preview=bool(blog.config.draft),  # `mkdocs serve` shows drafts and scheduled posts (draft_on_serve)
            per_page=blog.config.pagination_per_page,
            now=clock.now(),
        )
    except (NewsError, ClockError) as error:
        raise PluginError(str(error)) from error
    for notice in notices:
        log.info(notice)
    news_blog.leave_out_unpublished(files, _news.current)


@event_priority(-95)  # after the blog plugin made its pages, before static-i18n's on_files
def _shield(files: Files, config: MkDocsConfig) -> Files:
    return news_blog.shield_blog_files(files, _news.current, upstream.blog_plugin(config))


@event_priority(-105)  # after static-i18n's on_files
def _restore(files: Files, config: MkDocsConfig) -> Files:
    files = news_blog.restore_blog_files(files, _news.current, config)
    # static-i18n's sitemap lists the pages it saw in on_files; add the blog's.
    upstream.record_language_pages(config, _news.current.lang, files)
    return files


on_files = CombinedEvent(_check_posts, _shield, _restore)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if front_page.MARKER.search(html):
        front_page.choose_posts(page, upstream.blog_plugin(config), _news.current)
    return html


@event_priority(-60)  # after the blog plugin's on_nav (-50), which puts its lists and their pages in the footer's chain
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    link_content_pages(nav.pages, news_blog.list_pages(upstream.blog_plugin(config)))


@event_priority(-10)  # after the blog plugin registered its own `date` filter
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    build = _news.current
    blog_date = env.filters["date"]

    def post_date(value: Any) -> str:
        if isinstance(value, PostDate):
            return date_label(value, value.precision, build.lang)
        return str(blog_date(value))

    env.filters["date"] = post_date
    env.globals["news_feed"] = {"path": build.language.root + FEED_PATH}
    return env


@event_priority(40)  # after static-i18n set the switcher's links from the page's alternates (priority 50)
def _name_and_switch(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    # Before hooks/seo_meta.py (priority 0) gives the head its title and description.
    texts = ListTexts.of(config.extra["ui"])
    context["head_text"] = news_blog.list_page_head(page, upstream.blog_plugin(config), _news.current, texts)
    context["news_post"] = news_blog.post_extras(page, Path(config.config_file_path).parent)
    links = upstream.switcher_links(config)
    if links:
        news_blog.point_switcher_to_news_index(page, links, _news.current)
    return context


@event_priority(-20)  # after the search plugin took the page's text (priority 0): a post is found as itself only
def _show_front_page_news(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    if page.content and front_page.MARKER.search(page.content):
        news = front_page.front_page_news(page, upstream.blog_plugin(config), _news.current, config.extra["ui"])
        page.content = front_page.MARKER.sub(lambda _: front_page.render(news), page.content)
    return context


on_page_context = CombinedEvent(_name_and_switch, _show_front_page_news)


@event_priority(0)  # before static-i18n's on_post_build starts the next language's build
def on_post_build(config: MkDocsConfig) -> None:
    write_feed(upstream.blog_plugin(config), _news.current, config)
