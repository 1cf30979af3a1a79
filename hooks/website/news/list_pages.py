"""The blog's list pages (the news index's further pages, the archives, the categories) as way-finding sees them.

- The footer's previous and next links lead from one content page to another: the pages of the navigation (the news
  index among them) in their order, and the posts among themselves. A list page has neither link and is nobody's
  neighbour: the blog plugin had put the archives and categories between the news index and the next section, so
  that "学院与基地" led back to "2021".
- Every list page has a title and a description of its own in the head ("2023 年新闻", "通知公告 · 新闻", a
  further page numbered), in place of the bare year or category name, which repeated a section's title, and of the
  site's description.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from website.news.shape import ViewKey


@dataclass(frozen=True)
class ListTexts:
    """How a language names its list pages (mkdocs.yml, `extra.ui`), each a format string."""

    archive_title: str  # {year}
    archive_description: str  # {year}
    category_title: str  # {category}
    category_description: str  # {category}
    page_title: str  # {title} {page}: a list's further pages
    page_description: str  # {description} {page}

    @classmethod
    def of(cls, ui: Mapping[str, str]) -> ListTexts:
        return cls(
            archive_title=ui["news_archive_title"],
            archive_description=ui["news_archive_description"],
            category_title=ui["news_category_title"],
            category_description=ui["news_category_description"],
            page_title=ui["news_page_title"],
            page_description=ui["news_page_description"],
        )


def list_title_and_description(
    key: ViewKey, texts: ListTexts, *, index_title: str, index_description: str, category_name: str | None = None
) -> tuple[str, str]:
    """The title and description of the list page `key` names ("archive", "2023", 2)."""
    kind, name, number = key
    if kind == "archive":
        title, description = texts.archive_title.format(year=name), texts.archive_description.format(year=name)
    elif kind == "category":
        title = texts.category_title.format(category=category_name)
        description = texts.category_description.format(category=category_name)
    else:
        title, description = index_title, index_description
    if number > 1:
        title = texts.page_title.format(title=title, page=number)
        description = texts.page_description.format(description=description, page=number)
    return title, description


def link_content_pages(navigation_pages: Sequence[Any], list_pages: Iterable[Any]) -> None:
    """Set each page's previous and next page (MkDocs' `previous_page`, `next_page`, which the footer and the head's
    rel=prev/next links read): the navigation's pages, list pages left out, in turn; no neighbours for a list page."""
    lists = list(list_pages)
    listed = {id(page) for page in lists}
    content = [page for page in navigation_pages if id(page) not in listed]
    for at, page in enumerate(content):
        page.previous_page = content[at - 1] if at > 0 else None
        page.next_page = content[at + 1] if at + 1 < len(content) else None
    for page in lists:
        page.previous_page = page.next_page = None
