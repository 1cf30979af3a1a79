"""What the preview reads from MkDocs' and the blog's structures before any page is read: the shape of the site
(website/preview/plan.py decides from it), and how it gives MkDocs its answers about which pages to rebuild."""

from __future__ import annotations

from typing import Any

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from website import upstream
from website.preview.plan import ListPage, SiteShape


def site_shape(blog: Any, nav: Navigation) -> SiteShape:
    return SiteShape(_list_pages(blog), tuple(_navigation_entries(nav.items)))


def _list_pages(blog: Any) -> tuple[ListPage, ...]:
    """Every page of every news list, with the posts it shows, as the blog plugin will paginate them."""
    return tuple(
        ListPage(
            listed.page.file.abs_dest_path,
            tuple(post.file.abs_dest_path for post in listed.view.posts[listed.shown]),
            in_navigation=listed.first,
        )
        for listed in upstream.blog_list_pages(blog)
    )


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


def answer_is_modified(files: Files, outputs: frozenset[str]) -> None:
    """MkDocs reads (and later writes) exactly the pages whose outputs are in `outputs`."""
    for file in files.documentation_pages(inclusion=InclusionLevel.all):
        upstream.answer_is_modified(file, file.abs_dest_path in outputs)
