"""Give every page, and each language's 404 page, its search-engine and sharing metadata as `page_meta`;
give the sitemap and robots.txt absolute URLs.

hooks/seo.py makes it from the page and the settings under `extra.seo` and `extra.organization` in mkdocs.yml;
overrides/partials/seo.html renders it in the head. A news post (Material blog `Post`) also gets BlogPosting JSON-LD
and is an Open Graph article, dated as precisely as the source dates it (news.py makes its date a `PostDate`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment
from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from news_posts import iso_date
from seo import (
    PageMeta,
    absolute,
    blog_posting,
    describe,
    language_alternates,
    open_graph,
    organization,
    twitter_card,
)
from site_languages import LanguageBuild, language_build

LOGO_RASTER = "assets/images/logo-512.png"


def _organization(config: MkDocsConfig, build: LanguageBuild) -> dict[str, Any]:
    facts = config.extra["organization"]
    names: dict[str, str] = facts["name"]
    return organization(
        name=names[build.language],
        alternate_names=[name for lang, name in names.items() if lang != build.language],
        url=absolute(config.site_url or "", build.root),
        logo=absolute(config.site_url or "", _logo(config)),
        description=config.site_description or "",
        founding_date=str(facts["founding_date"]),
        founder=facts["founder"][build.language],
    )


def _logo(config: MkDocsConfig) -> str:
    """The raster logo search engines ask for (at least 112 px; the file is 512 px), else the theme's SVG logo."""
    return LOGO_RASTER if (Path(config.docs_dir) / LOGO_RASTER).is_file() else str(config.theme["logo"])


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    build = language_build(config)
    seo = config.extra["seo"]
    site_url = config.site_url or ""
    # static-i18n gives every file its counterparts in each language.
    alternates: dict[str, Any] = getattr(page.file, "alternates", {})
    urls = {lang: file.url for lang, file in alternates.items()} or {build.language: page.url}
    content = page.content or ""
    description = describe(page.meta.get("description"), content, config.site_description or "")
    is_home = page.url in ("", "./", build.root)
    title = config.site_name if is_home else str(page.meta.get("title") or page.title or config.site_name)
    # hooks/photos.py: the page's cover or first photo cropped for previews, else the language's default card.
    image = context.get("share_image")
    published: str | None = None
    json_ld = []
    if is_home:
        json_ld.append(_organization(config, build))
    if isinstance(page, Post):
        created = page.config.date.created
        published = iso_date(created, getattr(created, "precision", "day"))
        json_ld.append(
            blog_posting(
                headline=title,
                url=page.canonical_url or absolute(site_url, page.url),
                description=description,
                language=seo["hreflang"][build.language],
                published=published,
                images=[image.url, *image.other_urls] if image else [],
                publisher=_organization(config, build),
            )
        )
    context["page_meta"] = PageMeta(
        title=title,
        description=description,
        canonical=page.canonical_url,
        alternates=language_alternates(site_url, urls, seo["hreflang"], build.default_language),
        open_graph=open_graph(
            title=title,
            description=description,
            url=page.canonical_url,
            site_name=config.site_name,
            locale=seo["og_locale"][build.language],
            alternate_locales=[loc for lang, loc in seo["og_locale"].items() if lang != build.language],
            image=image,
            published=published,
        ),
        twitter=twitter_card(image),
        json_ld=json_ld,
    )
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # The sitemap and robots.txt give absolute URLs of site paths.
    env.filters["site_absolute"] = partial(absolute, config.site_url or "")
    env.globals["default_language"] = language_build(config).default_language
    return env


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name != "404.html":
        return context
    # A missing address has no canonical URL and no alternates; it is not for indexing.
    context["page_meta"] = PageMeta(
        title=config.extra["ui"]["not_found_title"],
        description=config.site_description or "",
        canonical=None,
    )
    return context
