"""The news on each language's home page, made from that language's blog at every build.

A page shows it where its Markdown has the marker `<!-- news:front-page -->`: the newest announcements (通知公告)
apart, the newest other posts, each with its title, its date as the post gives it (website/dates.py) and its
categories, and links to more. The posts come in the blog's own order (pinned posts first, until they are unpinned,
then the newest), and only the posts the blog holds in this build: which are published is decided once, in
website/news/schedule.py. A new post appears without any edit to the home page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.structure.pages import Page

from website import upstream
from website.data_pages.render import Link
from website.dates import date_label, html_date
from website.news.blog import NewsBuild, view_key
from website.news.feed import news_templates

MARKER = re.compile(r"<!--\s*news:front-page\s*-->")
ANNOUNCEMENTS = "announcements"  # the category shown apart (data/news.yml)
LATEST_COUNT = 5
ANNOUNCEMENT_COUNT = 3
# The attribute of a page that records the posts its front-page news shows, for its last change (website/seo).
_SHOWN = "front_page_posts"

Entry = TypeVar("Entry")


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    date: str  # as the post gives it: 2023 年 5 月 17 日, January 2023
    datetime: str  # the same, for <time datetime>
    categories: tuple[Link, ...]
    pinned: bool


@dataclass(frozen=True)
class FrontPageNews:
    latest_title: str
    latest: tuple[Item, ...]
    more_news: Link
    announcements_title: str
    announcements: tuple[Item, ...]
    more_announcements: Link | None  # None while there is no announcement
    pinned_label: str


def split_news(posts: Sequence[Entry], is_announcement: Callable[[Entry], bool]) -> tuple[list[Entry], list[Entry]]:
    """The newest posts that are not announcements, and the newest announcements, in the order given."""
    latest = [post for post in posts if not is_announcement(post)][:LATEST_COUNT]
    announcements = [post for post in posts if is_announcement(post)][:ANNOUNCEMENT_COUNT]
    return latest, announcements


@dataclass(frozen=True)
class ShownPosts:
    """The blog posts a home page's news shows (Material's `Post` objects): chosen when the page's Markdown is
    rendered, before the sitemap (which MkDocs renders before the pages) reads them for the page's last change."""

    latest: tuple[Any, ...]
    announcements: tuple[Any, ...]


def choose_posts(page: Page, blog: Any, build: NewsBuild) -> None:
    """Choose the posts the page's news shows, from the blog's posts in the blog's order, and record them on it."""
    latest, announcements = split_news(
        upstream.blog_index(blog).posts,
        lambda post: ANNOUNCEMENTS in build.posts[Path(post.file.src_uri).stem].category_ids,
    )
    setattr(page, _SHOWN, ShownPosts(tuple(latest), tuple(announcements)))


def front_page_news(page: Page, blog: Any, build: NewsBuild, ui: Mapping[str, str]) -> FrontPageNews:
    """The news the page shows (`choose_posts`), with links relative to it."""
    shown: ShownPosts = getattr(page, _SHOWN)
    views = {view_key(lists.view, build.vocab): lists.view for lists in upstream.blog_list_pages(blog) if lists.first}

    def link(title: str, target: Any) -> Link:
        return Link(url=target.file.url_relative_to(page.file), title=title)

    def item(post: Any) -> Item:
        meta = build.posts[Path(post.file.src_uri).stem]
        categories = tuple(
            link(build.vocab.categories[cid][build.lang], views[("category", cid, 1)]) for cid in meta.category_ids
        )
        return Item(
            title=meta.title,
            url=post.file.url_relative_to(page.file),
            date=date_label(meta.published_at, meta.precision, build.lang),
            datetime=html_date(meta.published_at, meta.precision),
            categories=categories,
            pinned=upstream.is_pinned(post),
        )

    announcement_list = views.get(("category", ANNOUNCEMENTS, 1))
    return FrontPageNews(
        latest_title=ui["news_latest"],
        latest=tuple(item(post) for post in shown.latest),
        more_news=link(ui["news_more"], views[("index", "", 1)]),
        announcements_title=build.vocab.categories[ANNOUNCEMENTS][build.lang],
        announcements=tuple(item(post) for post in shown.announcements),
        more_announcements=link(ui["news_more_announcements"], announcement_list) if announcement_list else None,
        pinned_label=ui["news_pinned"],
    )


def posts_shown(page: Page) -> tuple[Any, ...]:
    """The blog posts a page's front-page news shows (none for any other page)."""
    shown: ShownPosts | None = getattr(page, _SHOWN, None)
    return (*shown.latest, *shown.announcements) if shown else ()


def render(news: FrontPageNews) -> str:
    return news_templates().get_template("front-page.html").render(news=news)
