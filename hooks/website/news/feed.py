"""One RSS 2.0 feed per language, written from a template with every value escaped."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from website.templating import COMPILED_TEMPLATES

TEMPLATES = Path(__file__).resolve().parent / "templates"


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
    return _environment().get_template("news-feed.xml").render(feed=feed)


@functools.cache
def _environment() -> Environment:
    """One template environment for the process: each language's build, and each rebuild of a preview, reuses it."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=COMPILED_TEMPLATES,
    )
