"""Which posts are published: the one rule, used by the build (lists, archives, categories, feeds, sitemap, search,
SEO tags), the preview, the writers' tools and the scheduled deploy.

A post is published from the moment its date stands for, in Beijing time (00:00 on its day, or the time it gives),
unless it is a draft. Before that moment it is scheduled: left out of the site, and named by the build and by
`make scheduled` with the moment it will appear. The scheduled deploy (.github/workflows/site.yml) publishes the posts
that became due since the last successful run.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from website.dates import beijing_minute
from website.news.posts import PostMeta


def is_published(post: PostMeta, now: datetime) -> bool:
    return not post.draft and post.published_at <= now


def is_scheduled(post: PostMeta, now: datetime) -> bool:
    """Not a draft, and waiting for its moment."""
    return not post.draft and post.published_at > now


def newly_due(posts: Iterable[PostMeta], since: datetime | None, now: datetime) -> list[PostMeta]:
    """The posts whose moment came after `since` and by `now` (every published post when `since` is unknown), oldest
    first."""
    due = [p for p in posts if is_published(p, now) and (since is None or p.published_at > since)]
    return sorted(due, key=lambda post: (post.published_at, post.source))


def waiting_notice(post: PostMeta, now: datetime) -> str | None:
    """What the build says about a post it leaves out, or None for a published post."""
    if post.draft:
        return f"草稿，不发布 / draft, not published: {post.source}"
    if is_scheduled(post, now):
        return f"定时发布 / scheduled: {post.source}, {beijing_minute(post.published_at)}"
    return None
