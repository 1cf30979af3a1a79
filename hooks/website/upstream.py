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
