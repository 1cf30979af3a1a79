"""The one seam between the site's code and the internals of MkDocs, Material for MkDocs and mkdocs-static-i18n.

Everything here relies on a name those projects do not document as public. Nothing else in hooks/ may touch them.
tests/test_upstream_contract.py checks each name against the installed versions, so that an upgrade that renames or
reshapes one fails there, in words, before any page looks different.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def sort_blog_posts(blog: Any, key: Callable[[Any], Any]) -> None:
    """Sort the blog's posts, and those of each of its views (archives, categories), newest first by `key`.

    Relies on: `BlogPlugin._resolve_views(view)` yielding the blog's index and every view below it, and each view's
    `posts` list, which the plugin paginates when it renders the view.
    """
    for view in blog._resolve_views(blog.blog):
        view.posts.sort(key=key, reverse=True)


def blog_posts(blog: Any) -> list[Any]:
    """The blog's posts in the order its index lists them: pinned first, then newest first.

    Relies on: `BlogPlugin.blog`, the blog's index `View`, and its `posts` list, which the plugin fills in `on_files`
    with the posts of this build (website/news/blog.py leaves the unpublished ones out before, and sorts them).
    """
    return list(blog.blog.posts)


def blog_views(blog: Any) -> list[Any]:
    """The blog's lists: its index first, then the archive and category views (the first page of each).

    Relies on: `BlogPlugin._resolve_views(view)`, as `sort_blog_posts` does.
    """
    return list(blog._resolve_views(blog.blog))


def view_pages(view: Any) -> list[Any]:
    """Every page of a blog list, its first page (the view itself) first, then the pages pagination adds.

    Relies on: `View.pages`, which the plugin fills in `on_files` for a paginated view and leaves empty otherwise.
    """
    return list(view.pages) or [view]


def is_pinned(post: Any) -> bool:
    """Whether a post's front matter says `pin: true`: the blog lists it first until it is unpinned.

    Relies on: `Post.config.pin`, the plugin's reading of that field.
    """
    return bool(post.config.pin)
