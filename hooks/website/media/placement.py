"""Where a file of docs/ is published, the same in every language's build.

A photo is used by the pages of every language that show it, and each language's build (one process each under
`make build`) writes the versions its pages need: so each photo must have one place whatever the build. MkDocs,
static-i18n and Material's blog place a media file differently in each language's build: static-i18n takes the
language folder off (`zh/about/a.jpg` → `about/a.jpg`, `en/about/a.jpg` → `en/about/a.jpg`), Material's blog takes
its `posts/` folder off the photos beside its posts (`zh/news/posts/x/a.jpg` → `news/x/a.jpg`), but only in the
build of that blog's language: the English build put a Chinese post's photo at `news/posts/x/a.jpg`, outside the
English folder, where `make build` does not look, so an English post showing a photo kept beside its Chinese
original was broken. Here every build places a file as the build of its own language does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class SiteLayout:
    # Each language's folder below the site root: {'zh': '', 'en': 'en/'}.
    language_roots: Mapping[str, str]
    # A language's blog posts folder and the folder its media go to, below the language folder:
    # ('news/posts/', 'news/') for Material's blog with `blog_dir: <lang>/news` and `post_dir: "{blog}/posts"`.
    blog_posts: tuple[str, str]

    def published_path(self, docs_path: str) -> str:
        """Where the file at `docs_path` (relative to docs/, with '/') is published, relative to the site root."""
        language, _, below = docs_path.partition("/")
        if language not in self.language_roots or not below:
            return docs_path  # shared by the languages, e.g. assets/images/…
        posts, media = self.blog_posts
        if below.startswith(posts):
            below = media + below.removeprefix(posts)
        return self.language_roots[language] + below
