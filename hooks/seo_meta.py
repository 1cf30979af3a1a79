"""Give every page its search-engine and sharing metadata as `page_meta`; give the sitemap and robots.txt absolute
URLs and the sitemap each page's last change. (The pages for missing addresses: hooks/not_found_pages.py.)

hooks/website/seo/head.py makes it from the page and the settings under `extra.seo` and `extra.organization` in
mkdocs.yml; overrides/partials/seo.html renders it in the head. The home pages describe the group (Organization) and
the site (WebSite) in JSON-LD, each one node with the same `@id` in every language. A news post (Material blog `Post`)
also gets BlogPosting JSON-LD and is an Open Graph article, dated in Beijing time (news.py makes its date a
`PostDate`).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment
from material.plugins.blog.structure import Post
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime
from website.build.languages import LanguageBuild, language_build
from website.dates import iso_datetime
from website.seo.head import (
    HeadText,
    PageMeta,
    absolute,
    blog_posting,
    describe,
    language_alternates,
    open_graph,
    organization,
    twitter_card,
    website,
)
from website.seo.last_change import page_last_change


def _organization(config: MkDocsConfig, build: LanguageBuild) -> dict[str, Any]:
    facts = config.extra["organization"]
    names: dict[str, str] = facts["name"]
    site_url = config.site_url or ""
    return organization(
        # One node in every language: named after the default language's home page, the site root.
        node_id=absolute(site_url, "") + "#organization",
        name=names[build.language],
        alternate_names=[name for lang, name in names.items() if lang != build.language],
        url=absolute(site_url, build.root),
        logo=absolute(site_url, facts["logo"]),
        description=config.site_description or "",
        founding_date=str(facts["founding_date"]),
        founder=facts["founder"][build.language],
    )


def _website(config: MkDocsConfig, publisher: dict[str, Any]) -> dict[str, Any]:
    site_url = config.site_url or ""
    # The site bears the group's name; it is one site in every language, at the root.
    return website(
        node_id=absolute(site_url, "") + "#website",
        name=publisher["name"],
        alternate_names=publisher["alternateName"],
        url=absolute(site_url, ""),
        languages=list(config.extra["seo"]["hreflang"].values()),
        publisher_id=publisher["@id"],
    )


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    build = language_build(config)
    seo = config.extra["seo"]
    site_url = config.site_url or ""
    # static-i18n gives every file its counterparts in each language.
    alternates: dict[str, Any] = getattr(page.file, "alternates", {})
    urls = {lang: file.url for lang, file in alternates.items()} or {build.language: page.url}
    content = page.content or ""
    head_text: HeadText | None = context.get("head_text")  # a news list page's (hooks/news.py)
    description = describe(page.meta.get("description"), content, config.site_description or "")
    is_home = page.url in ("", "./", build.root)
    title = config.site_name if is_home else str(page.meta.get("title") or page.title or config.site_name)
    if head_text is not None:
        title, description = head_text.title, head_text.description
    # hooks/photos.py: the page's cover or first photo cropped for previews, else the language's default card.
    image = context.get("share_image")
    published: str | None = None
    json_ld = []
    if is_home:
        group = _organization(config, build)
        json_ld += [group, _website(config, group)]
    if isinstance(page, Post):
        published = iso_datetime(page.config.date.created)
        json_ld.append(
            blog_posting(
                headline=title,
                url=page.canonical_url or absolute(site_url, page.url),
                description=description,
                language=seo["hreflang"][build.language],
                published=published,
                modified=iso_datetime(_last_change(page, config)),
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


def _last_change(page: Page, config: MkDocsConfig) -> datetime:
    return page_last_change(page, Path(config.config_file_path).parent, get_build_datetime())


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # The sitemap and robots.txt give absolute URLs of site paths; the sitemap gives each page's last change.
    env.filters["site_absolute"] = partial(absolute, config.site_url or "")
    env.filters["last_change"] = lambda page: iso_datetime(_last_change(page, config))
    env.globals["default_language"] = language_build(config).default_language
    return env
