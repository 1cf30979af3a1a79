"""A page's search-engine and sharing metadata (`PageMeta`, rendered by overrides/partials/seo.html): its title and
description, canonical URL and language alternates, Open Graph and Twitter card, and JSON-LD. The home pages describe
the group (Organization) and the site (WebSite), each one node with the same `@id` in every language; a news post is an
Open Graph article with BlogPosting JSON-LD, dated in Beijing time. Made from the page and the settings under
`extra.seo` and `extra.organization` in mkdocs.yml.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from website import upstream
from website.build.languages import LanguageBuild, language_build
from website.dates import iso_datetime
from website.seo.head import (
    HeadText,
    PageMeta,
    SharePicture,
    absolute,
    blog_posting,
    describe,
    language_alternates,
    open_graph,
    organization,
    twitter_card,
    website,
)
from website.seo.last_change import LastChanges
from website.upstream import Post


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


def page_meta(
    page: Page,
    config: MkDocsConfig,
    head_text: HeadText | None,
    share_image: SharePicture | None,
    changes: LastChanges,
) -> PageMeta:
    """`head_text`: a news list page's own title and description (hooks/news.py); `share_image`: the page's cover or
    first photo cropped for previews, else the language's default card (hooks/photos.py); `changes`: the build's
    last changes (website/seo/last_change.py)."""
    build = language_build(config)
    seo = config.extra["seo"]
    site_url = config.site_url or ""
    # static-i18n gives every file its counterparts in each language.
    alternates = upstream.alternate_files(page.file)
    urls = {lang: file.url for lang, file in alternates.items()} or {build.language: page.url}
    content = page.content or ""
    description = describe(page.meta.get("description"), content, config.site_description or "")
    is_home = page.url in ("", "./", build.root)
    title = config.site_name if is_home else str(page.meta.get("title") or page.title or config.site_name)
    if head_text is not None:
        title, description = head_text.title, head_text.description
    image = share_image
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
                modified=iso_datetime(changes.of_page(page)),
                images=[image.url, *image.other_urls] if image else [],
                publisher=_organization(config, build),
            )
        )
    return PageMeta(
        title=title,
        description=description,
        canonical=page.canonical_url,
        is_home=is_home,
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
