"""The one seam between the site's code and the internals of MkDocs, Material for MkDocs and mkdocs-static-i18n.

Everything here relies on a name those projects do not document as public: a private method, an attribute another
plugin reads, a class of Material's blog, a template variable. Nothing else in hooks/ touches them; the rest of the
code calls the functions below. `RELIED_ON` lists each name with the shape we rely on and why, and
tests/test_upstream_contract.py checks every one against the installed versions, which must be those of
`READ_AGAINST`: an upgrade that renames or reshapes a name fails there, in words, before any page looks different.

Material for MkDocs announces its end of life for 5 May 2027, and MkDocs 1.x is maintained only by forks: this is also
where a move to another generator would start.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from re import Pattern
from typing import Any

from material.plugins.blog.author import Author
from material.plugins.blog.structure import Archive, Category, Post, View
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from mkdocs.utils.meta import YAML_RE

# The versions whose source these names were read against (pip distribution names).
READ_AGAINST = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2", "mkdocs-static-i18n": "1.3.1"}

FRONT_MATTER: Pattern[str] = YAML_RE
"""MkDocs' pattern for a page's YAML front matter, so that posts are split exactly as MkDocs and the blog split them."""

__all__ = ["Archive", "Author", "Category", "Post", "View", "clean_directory"]


@dataclass(frozen=True)
class Reliance:
    """One name we rely on: `owner` is a dotted module or class path; `shape` is 'method(a, b)' (the parameters after
    self), 'attribute' (an instance attribute the class sets), 'property', 'class', 'function(a, b)', 'object',
    'context <key>' (a template variable the owner sets) or 'settable method' (we replace it on an instance)."""

    owner: str
    name: str
    shape: str
    why: str


I18N = "mkdocs_static_i18n.plugin.I18n"
BLOG = "material.plugins.blog.plugin.BlogPlugin"
SEARCH = "material.plugins.search.plugin.SearchPlugin"
RELIED_ON = (
    Reliance(I18N, "current_language", "attribute", "the language being built; one_language.py sets it"),
    Reliance(I18N, "default_language", "property", "the language at the site root"),
    Reliance(I18N, "build_languages", "property", "the languages built, in order"),
    Reliance(I18N, "get_language_config", "method(locale)", "a language's settings: its `link` is its root"),
    Reliance(I18N, "building", "attribute", "true stops static-i18n's on_post_build from building the others"),
    Reliance(I18N, "i18n_files_per_language", "attribute", "the pages its sitemap lists; the blog's are added"),
    Reliance(I18N, "extra_alternate", "attribute", "the language switcher's links to each home page"),
    Reliance(I18N, "on_page_context", "context i18n_file_locale", "overrides/main.html: an untranslated page"),
    Reliance(I18N, "on_page_context", "context i18n_page_locale", "overrides/main.html: an untranslated page"),
    Reliance(I18N, "on_template_context", "context i18n_alternates", "overrides/sitemap.xml: every page's alternates"),
    Reliance(BLOG, "blog", "attribute", "the blog's index view; its `posts` are the published posts, newest first"),
    Reliance(BLOG, "authors", "attribute", "the blog's authors, given from data/news.yml"),
    Reliance(BLOG, "_resolve_views", "method(view)", "the index and every archive and category view"),
    Reliance(BLOG, "_config_pagination", "method(view)", "whether a view is paginated"),
    Reliance(BLOG, "_config_pagination_per_page", "method(view)", "how many posts a view's page shows"),
    Reliance("material.plugins.blog.structure", "Post", "class", "a post page; `config.date.created` is its date"),
    Reliance("material.plugins.blog.structure.config.PostConfig", "pin", "object", "a post pinned first (`pin: true`)"),
    Reliance("material.plugins.blog.structure", "View", "class", "a list page; `posts`, `pages` (pagination)"),
    Reliance("material.plugins.blog.structure", "Archive", "class", "a year's list page; `name` is the year"),
    Reliance("material.plugins.blog.structure", "Category", "class", "a category's list page; `name` is its name"),
    Reliance("material.plugins.blog.author", "Author", "class", "an author, loaded with load_dict and validated"),
    Reliance(SEARCH, "search_index", "attribute", "the entries the plugin collected for the index"),
    Reliance(SEARCH, "_translate", "method(config, value)", "the search pipeline in the language being built"),
    Reliance("material.plugins.search.plugin.SearchIndex", "generate_search_index", "method(prev)", "the entries"),
    Reliance("mkdocs.structure.pages.Page", "_set_canonical_url", "method(base)", "a page moved below /en/"),
    Reliance("mkdocs.structure.files.File", "is_modified", "settable method", "the preview decides what is rebuilt"),
    Reliance("mkdocs.structure.files.File", "copy_file", "settable method", "photos are linked, not copied"),
    Reliance("mkdocs.structure.files.Files", "copy_static_files", "method(dirty, inclusion)", "calls each copy_file"),
    Reliance("mkdocs.utils", "clean_directory", "function(directory)", "the preview empties a stale site folder"),
    Reliance("mkdocs.utils.meta", "YAML_RE", "object", "the front matter of a post, split as MkDocs splits it"),
)


@dataclass(frozen=True)
class CopiedPartial:
    """A template of Material's that overrides/ holds a copy of, to change a few lines: `changes` pairs each of
    Material's lines (stripped) with ours. Besides them, only the comment at the top differs."""

    path: str
    changes: tuple[tuple[str, str], ...]
    why: str


COPIED_PARTIALS = (
    CopiedPartial(
        "partials/search.html",
        (
            (
                '<div class="md-search" data-md-component="search" role="dialog">',
                '<div class="md-search" data-md-component="search" role="dialog" '
                "aria-label=\"{{ lang.t('search') }}\">",
            ),
        ),
        "the search dialog needs an accessible name (axe: aria-dialog-name)",
    ),
    CopiedPartial(
        "partials/language.html",
        (
            (
                "{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}",
                '{% macro t(key) %}{{ key == "language" and config.extra.seo.hreflang[config.theme.language] or '
                "lang.t(key) or fallback.t(key) or key }}{% endmacro %}",
            ),
        ),
        "<html lang> is the language's hreflang code (zh-CN), while Material's Chinese texts stay",
    ),
    CopiedPartial(
        "partials/content.html",
        (
            ("{{ page.content }}", '{% include "partials/page-content.html" %}'),
            (
                '{% include "partials/comments.html" %}',
                '{% include "partials/comments.html" %}{% include "partials/page-address.html" %}',
            ),
        ),
        "a news post's date under its title, for narrow screens and paper; every page's own address at its end, for "
        "paper, and a post's QR code of it",
    ),
    CopiedPartial(
        "partials/logo.html",
        (('<img src="{{ config.theme.logo | url }}" alt="logo">', '<img src="{{ config.theme.logo | url }}" alt="">'),),
        "the logo is decorative: the link around it is named after the site",
    ),
)


# ---------------------------------------------------------------------------------------------------------------
# The plugins, by the names MkDocs registers them under.


def i18n_plugin(config: MkDocsConfig) -> Any:
    return config.plugins["i18n"]


def blog_plugin(config: MkDocsConfig) -> Any:
    return config.plugins["material/blog"]


def search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins["material/search"]


# ---------------------------------------------------------------------------------------------------------------
# mkdocs-static-i18n: which language is being built, where each lives, and what it records for its templates.


def language_being_built(config: MkDocsConfig) -> str:
    """Valid while a language's pages are built: after its nested builds static-i18n leaves the last one."""
    i18n = i18n_plugin(config)
    return str(i18n.current_language or i18n.default_language)


def default_language(config: MkDocsConfig) -> str:
    return str(i18n_plugin(config).default_language)


def built_languages(config: MkDocsConfig) -> tuple[str, ...]:
    return tuple(i18n_plugin(config).build_languages)


def language_root(config: MkDocsConfig, language: str) -> str:
    """Where a language lives below the site root: '' for the default language, 'en/' for English."""
    i18n = i18n_plugin(config)
    if language == i18n.default_language:
        return ""
    return str(i18n.get_language_config(language).link).strip("/") + "/"


def language_name(config: MkDocsConfig, language: str) -> str:
    """A language's name in itself, as mkdocs.yml gives it (the switcher shows it)."""
    return str(i18n_plugin(config).get_language_config(language).name)


def build_only(config: MkDocsConfig, language: str) -> None:
    """Make this process build `language` alone, with static-i18n's settings for it."""
    i18n_plugin(config).current_language = language
    spare_other_languages(config)


def builds_other_languages(config: MkDocsConfig) -> bool:
    """Whether static-i18n will build the other languages after this one (it does unless already building)."""
    return not i18n_plugin(config).building


def spare_other_languages(config: MkDocsConfig) -> None:
    """Stop static-i18n's on_post_build from building the other languages after this one."""
    i18n_plugin(config).building = True


def record_language_pages(config: MkDocsConfig, language: str, files: Files) -> None:
    """Give static-i18n's sitemap (`i18n_alternates`) this language's pages, the blog's among them."""
    i18n_plugin(config).i18n_files_per_language[language] = files.documentation_pages()


def switcher_links(config: MkDocsConfig) -> list[dict[str, str]] | None:
    """The language switcher's links for the page being rendered: static-i18n sets them page by page as an attribute
    of `config.extra`, which templates read before the mapping's key."""
    links: list[dict[str, str]] | None = getattr(config.extra, "alternate", None)
    return links


def point_switcher_at_home_pages(config: MkDocsConfig) -> None:
    """Reset the switcher to each language's home page (static-i18n leaves the last page's links in place)."""
    extra: Any = config.extra
    extra.alternate = deepcopy(i18n_plugin(config).extra_alternate)


def place_as_static_i18n_would(file: File, language: str, norm_src_uri: str, alternates: dict[str, File]) -> None:
    """What static-i18n records on each file it places, which its templates and our overrides read."""
    for name, value in (
        ("locale", language),
        ("locale_alternate_of", language),
        ("localization", language),
        ("norm_src_uri", norm_src_uri),
        ("alternates", alternates),
    ):
        setattr(file, name, value)


def alternate_files(file: File) -> dict[str, File]:
    """A page's counterparts in each language, as static-i18n (or place_as_static_i18n_would) recorded them."""
    alternates: dict[str, File] = getattr(file, "alternates", {})
    return alternates


# ---------------------------------------------------------------------------------------------------------------
# Material's blog plugin.


def blog_index(blog: Any) -> View:
    """The blog's index view; its `posts` are the posts the build shows, newest first."""
    index: View = blog.blog
    return index


def set_blog_posts(blog: Any, posts: list[Post]) -> None:
    blog.blog.posts = posts


def set_blog_authors(blog: Any, authors: dict[str, Author]) -> None:
    blog.authors = authors


def set_post_date(post: Post, created: Any) -> None:
    """A post's `created` date, as the blog's templates and views read it."""
    post.config.date["created"] = post.config.date.created = created


def is_pinned(post: Post) -> bool:
    """Whether the post's front matter says `pin: true`: the blog lists it first, and so does the home page."""
    return bool(post.config.pin)


def sort_blog_posts(blog: Any, key: Callable[[Any], Any]) -> None:
    """Sort the posts of the blog's index and of each of its views (archives, categories) newest first by `key`, in
    place: a view's pagination pages share its list, which the plugin slices when it renders them."""
    for view in blog._resolve_views(blog.blog):
        view.posts.sort(key=key, reverse=True)


@dataclass(frozen=True)
class BlogListPage:
    """One page of a news list as the blog will render it: the view, its page, and the slice of posts it shows."""

    view: View
    page: View
    shown: slice
    first: bool


def blog_list_pages(blog: Any) -> Iterator[BlogListPage]:
    """Every page of every news list (the index, each year, each category), with the posts it shows."""
    for view in blog._resolve_views(blog.blog):
        paginated = blog._config_pagination(view)
        pages = view.pages if paginated else [view]
        per_page = blog._config_pagination_per_page(view) if paginated else max(len(view.posts), 1)
        for at, page in enumerate(pages):
            yield BlogListPage(view, page, slice(at * per_page, at * per_page + per_page), first=at == 0)


# ---------------------------------------------------------------------------------------------------------------
# Material's search plugin.


def search_entries(config: MkDocsConfig) -> dict[str, Any]:
    """The index the search plugin would write for the pages built so far."""
    index: dict[str, Any] = json.loads(search_plugin(config).search_index.generate_search_index(None))
    return index


def search_pipeline(config: MkDocsConfig, setting: str) -> str:
    """A search setting in the language being built (Material settles it once, in the first language)."""
    return str(search_plugin(config)._translate(config, setting))


def set_jieba_words_file(config: MkDocsConfig, path: str | None) -> None:
    """The file of words jieba keeps whole, read by the search plugin's on_config (its `jieba_dict_user` option)."""
    search_plugin(config).config.jieba_dict_user = path


def jieba_words_file(config: MkDocsConfig) -> str | None:
    path: str | None = search_plugin(config).config.jieba_dict_user
    return path


# ---------------------------------------------------------------------------------------------------------------
# MkDocs.


def set_canonical_url(page: Page, site_url: str | None) -> None:
    """A page's canonical URL after its file was moved (below a language's root)."""
    page._set_canonical_url(site_url)


def answer_is_modified(file: File, modified: bool) -> None:
    """Tell a dirty build whether to read (and later write) this page, instead of comparing file times."""
    file.is_modified = (lambda: True) if modified else (lambda: False)  # type: ignore[method-assign]


def publish_with(file: File, place: Callable[[str, str], None]) -> None:
    """Have MkDocs put this static file into the site as `place(source, destination)` does, instead of copying it:
    after on_env, Files.copy_static_files calls each file's copy_file (which, in a dirty build, first compares the
    two files' times; `place` decides for itself)."""

    def copy_file(dirty: bool = False) -> None:
        assert file.abs_src_path is not None, file.src_uri
        place(file.abs_src_path, file.abs_dest_path)

    file.copy_file = copy_file  # type: ignore[method-assign]
