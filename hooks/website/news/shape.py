"""Which pages a language's blog has (posts, and the pages of its index, archives and categories), so that the
language switcher of the other language's blog pages leads only to pages that exist."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from website.news.posts import PostMeta

# (kind, key, page number): ("post", slug, 1), ("index", "", 2), ("archive", "2023", 1), ("category", id, 1)
ViewKey = tuple[str, str, int]


@dataclass(frozen=True)
class BlogShape:
    slugs: frozenset[str]
    counts: Mapping[tuple[str, str], int]  # (kind, key) -> number of posts in that view
    per_page: int

    @classmethod
    def of(cls, posts: Iterable[PostMeta], per_page: int) -> BlogShape:
        posts = list(posts)
        counts: Counter[tuple[str, str]] = Counter()
        for meta in posts:
            counts["index", ""] += 1
            counts["archive", meta.year] += 1
            for cid in meta.category_ids:
                counts["category", cid] += 1
        return cls(frozenset(m.slug for m in posts), dict(counts), per_page)

    def has(self, view: ViewKey) -> bool:
        kind, key, page = view
        if kind == "post":
            return key in self.slugs
        if kind == "index" and page == 1:
            return True  # the blog index exists even with no posts
        return page <= math.ceil(self.counts.get((kind, key), 0) / self.per_page)
