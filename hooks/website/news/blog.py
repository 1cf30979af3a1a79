"""Material's blog plugin and mkdocs-static-i18n in one build: a blog per language.

static-i18n builds the site once per language in one process, and drops the pages Material's blog generates ("Unhandled
file case"). For each language's build:
- the blog plugin is pointed at docs/<language>/news before it reads its posts;
- the files the blog owns (its index, its posts, the archive, category and pagination pages it generates) are
  kept away from static-i18n's `on_files`, which would drop the generated ones and replace the others with copies that
  lose the blog's pages; they are added back after it, below the language's root;
- the other languages' blog sources are left out, so no post falls back into a language it was not written in;
- the language switcher of a blog page leads to the same page in the other language when it will exist there,
  else to that language's news index.
Everything here is computed afresh in each language's build (`NewsBuild`); nothing carries over. The plugins'
internals are reached through website/upstream.py only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from website import upstream
from website.build.languages import LanguageBuild
from website.data_pages.models import Vocabulary
from website.dates import Precision, html_date
from website.news.list_pages import ListTexts, list_title_and_description
from website.news.posts import NEWS_DIR, NewsError, PostMeta, read_posts
from website.news.qr_code import qr_code_svg
from website.news.schedule import is_published, waiting_notice
from website.news.shape import BlogShape, ViewKey
from website.seo.head import HeadText
from website.upstream import Archive, Author, Category, Post, View


@dataclass
class NewsBuild:
    """One language's build of the blog; made in `on_config`, dropped when the next language starts."""

    language: LanguageBuild
    vocab: Vocabulary
    posts: dict[str, PostMeta] = field(default_factory=dict)  # this language's posts shown, by slug
    shapes: dict[str, BlogShape] = field(default_factory=dict)  # the other languages' blogs
    blog_files: list[File] = field(default_factory=list)  # kept away from static-i18n's on_files
    untranslated: set[str] = field(default_factory=set)  # src_uri of blog pages missing in another language

    @property
    def lang(self) -> str:
        return self.language.language

    def blog_dir(self, lang: str) -> str:
        """The blog's folder below docs/ for a language."""
        return f"{lang}/{NEWS_DIR}"

    def news_index(self, lang: str) -> str:
        """The site path of a language's news index: 'news/', 'en/news/'."""
        return f"{self.language.languages.root(lang)}{NEWS_DIR}/"


def configure_blog(blog: Any, build: NewsBuild) -> None:
    """Point the blog plugin at this language's posts, with this language's category names."""
    blog.config.blog_dir = build.blog_dir(build.lang)
    blog.config.categories_allowed = list(build.vocab.category_ids(build.lang))
    blog.config.categories_slugify = build.vocab.category_slug


def set_authors(blog: Any, build: NewsBuild) -> None:
    """The blog's authors, from data/news.yml in this language (instead of a .authors.yml per blog)."""
    authors = {}
    for author_id, entry in build.vocab.authors.items():
        author = Author()
        author.load_dict({**entry[build.lang], "avatar": entry["avatar"]})
        errors, _ = author.validate()
        if errors:
            raise NewsError(f"data/news.yml: authors/{author_id}: {errors}")
        authors[author_id] = author
    upstream.set_blog_authors(blog, authors)


def check_posts(docs_dir: Path, build: NewsBuild, *, preview: bool, per_page: int, now: datetime) -> list[str]:
    """Check every language's posts (a translation must agree with its original) and decide which this build shows:
    the published ones, or every one in the writers' preview. Returns what to tell the writer about this language's
    posts left out (drafts, and scheduled posts with the moment they go live); NewsError with every problem found."""
    metas = read_posts(docs_dir, build.language.languages.codes, build.vocab)
    shown = [meta for meta in metas if preview or is_published(meta, now)]
    build.posts = {meta.slug: meta for meta in shown if meta.lang == build.lang}
    for lang in build.language.others:
        build.shapes[lang] = BlogShape.of((meta for meta in shown if meta.lang == lang), per_page)
    notices = (waiting_notice(meta, now) for meta in metas if meta.lang == build.lang)
    return [notice for notice in notices if notice is not None]


def leave_out_unpublished(files: Files, build: NewsBuild) -> None:
    """Take this language's posts that are not shown out of the build, before the blog plugin reads its posts: the
    lists, archives, categories, feed, sitemap and search index then never hold them. The blog plugin's own rule for
    future dates is off (mkdocs.yml): it reads a date as UTC, the site as Beijing time."""
    posts_dir = f"{build.blog_dir(build.lang)}/posts/"
    for file in list(files.documentation_pages()):
        if file.src_uri.startswith(posts_dir) and Path(file.src_uri).stem not in build.posts:
            files.remove(file)


class PostDate(datetime):
    """A post's date, in Beijing time, that knows its precision: templates show no invented day, and `str()` (the
    `datetime` attribute of Material's <time>) is a valid HTML date at that precision."""

    precision: Precision = "day"

    @classmethod
    def of(cls, value: datetime, precision: Precision) -> PostDate:
        result = cls.combine(value.date(), value.timetz())
        result.precision = precision
        return result

    def __str__(self) -> str:
        return html_date(self, self.precision)


class Posts(list[Post]):
    """The blog's posts, answering `page in posts` in constant time. The blog plugin asks it of every page, twice, and
    a list compares the page with each post in turn (`Page.__eq__` compares titles): time growing with the square of
    the number of posts. Only a post can equal a post (`Post.__eq__` checks the class); a post found by identity is
    in, another post is compared as a list would."""

    def __init__(self, posts: list[Post]) -> None:
        super().__init__(posts)
        self._ids = {id(post) for post in posts}

    def __contains__(self, page: object) -> bool:
        return id(page) in self._ids or (isinstance(page, Post) and super().__contains__(page))


def shield_blog_files(files: Files, build: NewsBuild, blog: Any) -> Files:
    """Take the blog's files out of `files` before static-i18n sees them; leave out other languages' posts."""
    others = tuple(f"{build.blog_dir(lang)}/" for lang in build.language.others)
    for file in list(files):
        if isinstance(file.page, (Post, View)):
            build.blog_files.append(file)
            files.remove(file)
        elif file.is_documentation_page() and file.src_uri.startswith(others):
            files.remove(file)
    for post in upstream.blog_index(blog).posts:
        meta = build.posts[Path(post.file.src_uri).stem]
        upstream.set_post_date(post, PostDate.of(meta.published_at, meta.precision))
    # The blog plugin sorted by its own reading of the dates (UTC); sort again by the moments in Beijing time, in place
    # (a view's pages share its list). Python's sort is stable, as the plugin's: posts of one moment keep their order.
    upstream.sort_blog_posts(blog, key=lambda post: (post.config.pin, post.config.date.created))
    upstream.set_blog_posts(blog, Posts(upstream.blog_index(blog).posts))
    return files


def restore_blog_files(files: Files, build: NewsBuild, config: MkDocsConfig) -> Files:
    """Add the blog's files back, below the language's root, as static-i18n would have placed them."""
    own = build.language.root
    for file in build.blog_files:
        below_root = file.dest_uri.removeprefix(f"{build.lang}/")
        placed = File(file.src_uri, file.src_dir, config.site_dir, config.use_directory_urls, dest_uri=own + below_root)
        file.dest_uri, file.url, file.abs_dest_path = placed.dest_uri, placed.url, placed.abs_dest_path
        if isinstance(file.page, Page):
            upstream.set_canonical_url(file.page, config.site_url)
        alternates = {build.lang: file}
        key = view_key(file.page, build.vocab)
        for lang in build.language.others:
            if build.shapes[lang].has(key):
                src = f"{lang}/{file.src_uri.removeprefix(f'{build.lang}/')}"
                dest = build.language.languages.root(lang) + below_root
                alternates[lang] = File(src, file.src_dir, config.site_dir, config.use_directory_urls, dest_uri=dest)
            else:
                build.untranslated.add(file.src_uri)
        upstream.place_as_static_i18n_would(file, build.lang, file.src_uri.removeprefix(f"{build.lang}/"), alternates)
        files.append(file)
    return files


def view_key(page: Any, vocab: Vocabulary) -> ViewKey:
    """Which blog page this is, in terms that are the same in every language."""
    if isinstance(page, Post):
        return ("post", Path(page.file.src_uri).stem, 1)
    pages = page.pages or [page]
    number = next(i for i, p in enumerate(pages, 1) if p is page)
    original = pages[0]
    if isinstance(original, Archive):
        return ("archive", original.name, number)
    if isinstance(original, Category):
        return ("category", vocab.category_slug(original.name), number)
    return ("index", "", number)


@dataclass(frozen=True)
class PostExtras:
    """What a post's page shows besides Material's blog-post.html: its date under its title
    (partials/page-content.html) and its address as a QR code (partials/page-address.html)."""

    qr_code: Markup


def post_extras(page: Page, project_dir: Path) -> PostExtras | None:
    if not isinstance(page, Post) or not page.canonical_url:
        return None
    return PostExtras(qr_code=Markup(qr_code_svg(page.canonical_url, project_dir)))


def list_pages(blog: Any) -> list[Any]:
    """Every page of the blog's lists but the news index's first, which is the news section's page: the index's
    further pages, and every page of each archive and category."""
    index = upstream.blog_index(blog)
    return [list_page.page for list_page in upstream.blog_list_pages(blog) if list_page.page is not index]


def list_page_head(page: Page, blog: Any, build: NewsBuild, texts: ListTexts) -> HeadText | None:
    """A list page's own title and description (website/news/list_pages.py) for the head, the sitemap and link
    previews; None for any other page. The navigation keeps the list's short name ("2023")."""
    if not isinstance(page, View):
        return None
    key = view_key(page, build.vocab)
    if key == ("index", "", 1):
        return None
    index = upstream.blog_index(blog)
    kind, name, _ = key
    title, description = list_title_and_description(
        key,
        texts,
        index_title=str(index.meta.get("title") or index.title),
        index_description=str(index.meta.get("description") or ""),
        category_name=build.vocab.categories[name][build.lang] if kind == "category" else None,
    )
    return HeadText(title, description)


def point_switcher_to_news_index(page: Page, alternates: list[dict[str, str]], build: NewsBuild) -> None:
    """A blog page with no counterpart in another language: its switcher leads to that language's news index."""
    if page.file.src_uri not in build.untranslated:
        return
    present = upstream.alternate_files(page.file)
    for alternate in alternates:
        if alternate.get("lang") in build.language.others and alternate["lang"] not in present:
            alternate["link"] = build.news_index(alternate["lang"])
