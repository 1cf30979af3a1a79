"""One RSS 2.0 feed per language: the language's published posts, newest first, written from a template with every
value escaped."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from website import upstream
from website.dates import rfc822
from website.news.blog import NewsBuild
from website.news.posts import NEWS_DIR
from website.templating import template_environment

FEED_PATH = f"{NEWS_DIR}/feed.xml"  # below a language's root


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str  # absolute
    pub_date: str  # RFC 822
    description: str
    categories: tuple[str, ...]
    authors: tuple[str, ...]


@dataclass(frozen=True)
class Feed:
    title: str
    link: str  # absolute URL of the language's news index
    self_url: str  # absolute URL of the feed itself
    description: str
    language: str
    last_build: str  # RFC 822 date of the newest item, or "" when there is none
    items: tuple[FeedItem, ...]  # newest first


def render_feed(feed: Feed) -> str:
    return news_templates().get_template("news-feed.xml").render(feed=feed)


@functools.cache
def news_templates() -> Environment:
    """The news templates (the feed, the home page's news), one environment for the process: each language's build,
    and each rebuild of a preview, reuses it."""
    return template_environment(Path(__file__).resolve().parent / "templates")


def build_feed(blog: Any, build: NewsBuild, config: MkDocsConfig) -> Feed:
    """This language's published posts, newest first, with absolute links."""
    site_url = config.site_url or ""
    if not site_url.endswith("/"):
        site_url += "/"
    names = {cid: n[build.lang] for cid, n in build.vocab.categories.items()}
    index = upstream.blog_index(blog)
    metas = sorted(
        ((build.posts[Path(p.file.src_uri).stem], p) for p in index.posts),
        key=lambda pair: pair[0].published_at,
        reverse=True,
    )
    items = tuple(
        FeedItem(
            title=meta.title,
            link=post.canonical_url,
            pub_date=rfc822(meta.published_at),
            description=meta.description,
            categories=tuple(names[c] for c in meta.category_ids),
            authors=tuple(build.vocab.authors[a][build.lang]["name"] for a in meta.authors),
        )
        for meta, post in metas
    )
    return Feed(
        title=f"{index.title} - {config.site_name}",
        link=f"{site_url}{build.news_index(build.lang)}",
        self_url=f"{site_url}{build.language.root}{FEED_PATH}",
        description=index.meta.get("description") or config.site_description or "",
        # RSS wants the language tag in lower case (zh-cn), the same tag search engines get (extra.seo.hreflang).
        language=config.extra["seo"]["hreflang"][build.lang].lower(),
        last_build=items[0].pub_date if items else "",
        items=items,
    )


def write_feed(blog: Any, build: NewsBuild, config: MkDocsConfig) -> Path:
    path = Path(config.site_dir) / build.language.root / FEED_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_feed(build_feed(blog, build, config)), encoding="utf-8")
    return path
