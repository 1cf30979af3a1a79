"""What search engines and link previews read in a page's head: absolute language alternates, a description,
Open Graph properties and JSON-LD. Plain functions of plain values, runnable without MkDocs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urljoin

from markupsafe import Markup

DESCRIPTION_LIMIT = 120
_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL)


class SharePicture(Protocol):
    """The picture a link preview shows (website/media/build.py ShareImage): a page's cover cropped to 1200 x 630,
    or the default card of its language."""

    @property
    def url(self) -> str: ...  # absolute

    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...

    @property
    def alt(self) -> str: ...

    @property
    def media_type(self) -> str: ...

    @property
    def other_urls(self) -> tuple[str, ...]: ...  # the same picture at other proportions, absolute


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


@dataclass(frozen=True)
class HeadText:
    """A page's own title and description for the head, where they are not its navigation title and front matter: a
    news list page ("2023 年新闻" in the head, "2023" in the navigation). Hooks give it as the context's `head_text`."""

    title: str
    description: str


@dataclass(frozen=True)
class PageMeta:
    """Everything the head template (overrides/partials/seo.html) renders for one page."""

    title: str
    description: str
    canonical: str | None
    # A language's home page: its title in the head is the theme's ("首页 - …", "Home - …"), not the site's name twice.
    is_home: bool = False
    alternates: list[Alternate] = field(default_factory=list)
    open_graph: list[tuple[str, str]] = field(default_factory=list)
    twitter: list[tuple[str, str]] = field(default_factory=list)
    json_ld: list[dict[str, Any]] = field(default_factory=list)


def absolute(site_url: str, url: str) -> str:
    """An absolute URL for a site path ('en/about/', '' or './' for the home page) or a page-relative one."""
    return urljoin(site_url, "" if url in ("", "./", ".") else url)


def language_alternates(
    site_url: str, urls: Mapping[str, str], hreflang: Mapping[str, str], default_language: str
) -> list[Alternate]:
    """One absolute alternate per language, plus x-default pointing at the default language's page."""
    alternates = [Alternate(hreflang.get(lang, lang), absolute(site_url, url)) for lang, url in urls.items()]
    if default_language in urls:
        alternates.append(Alternate("x-default", absolute(site_url, urls[default_language])))
    return alternates


def describe(front_matter: object, content_html: str, fallback: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The page's description: from front matter, else its first paragraph (a post's excerpt), else the site's."""
    if isinstance(front_matter, str) and front_matter.strip():
        return " ".join(front_matter.split())
    match = _FIRST_PARAGRAPH.search(content_html or "")
    text = " ".join(Markup(match.group(1)).striptags().split()) if match else ""
    if not text:
        return fallback
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def open_graph(
    *,
    title: str,
    description: str,
    url: str | None,
    site_name: str,
    locale: str,
    alternate_locales: list[str],
    image: SharePicture | None,
    published: str | None = None,
) -> list[tuple[str, str]]:
    """Open Graph properties, in order: an article when it has a publication date (ISO 8601), else a website."""
    props = [
        ("og:type", "article" if published else "website"),
        ("og:title", title),
        ("og:description", description),
        ("og:site_name", site_name),
        ("og:locale", locale),
    ]
    props += [("og:locale:alternate", other) for other in alternate_locales]
    if url:
        props.append(("og:url", url))
    if image:
        props += [
            ("og:image", image.url),
            ("og:image:type", image.media_type),
            ("og:image:width", str(image.width)),
            ("og:image:height", str(image.height)),
            ("og:image:alt", image.alt),
        ]
    if published:
        props.append(("article:published_time", published))
    return props


def twitter_card(image: SharePicture | None) -> list[tuple[str, str]]:
    """Twitter's (X's) card: a large image when the page has one. Title and description come from Open Graph."""
    if image is None:
        return [("twitter:card", "summary")]
    return [("twitter:card", "summary_large_image"), ("twitter:image", image.url), ("twitter:image:alt", image.alt)]


def organization(
    *,
    node_id: str,
    name: str,
    alternate_names: list[str],
    url: str,
    logo: str,
    description: str,
    founding_date: str,
    founder: str,
) -> dict[str, Any]:
    """schema.org Organization for the group, from facts the site states. `node_id` names it in every language."""
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": node_id,
        "name": name,
        "alternateName": alternate_names,
        "url": url,
        "logo": logo,
        "description": description,
        "foundingDate": founding_date,
        "founder": {"@type": "Organization", "name": founder},
    }


def website(
    *, node_id: str, name: str, alternate_names: list[str], url: str, languages: list[str], publisher_id: str
) -> dict[str, Any]:
    """schema.org WebSite: the one site in all its languages (search engines take its name from it), published by
    the Organization named `publisher_id`."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": node_id,
        "name": name,
        "alternateName": alternate_names,
        "url": url,
        "inLanguage": languages,
        "publisher": {"@id": publisher_id},
    }


def blog_posting(
    *,
    headline: str,
    url: str,
    description: str,
    language: str,
    published: str,
    modified: str,
    images: list[str],
    publisher: Mapping[str, Any],
) -> dict[str, Any]:
    """schema.org BlogPosting for a news post; the group publishes and is the author (posts name no person): its
    Organization node's `@id`, with the facts a reader of the post alone needs.

    `published` and `modified` are ISO 8601 moments with their offset (2023-05-17T00:00:00+08:00): when the post went
    live and when its text last changed. A post dated by month or semester is published on the first day the source
    allows: machines get the full date its `date` field holds. `images`: absolute URLs of the post's picture at the
    proportions it has (Google's Article results want an image, ideally at several proportions).
    """
    by = {key: publisher[key] for key in ("@type", "@id", "name", "url", "logo")}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": headline,
        "url": url,
        "mainEntityOfPage": url,
        "description": description,
        "inLanguage": language,
        "datePublished": published,
        "dateModified": modified,
        "author": by,
        "publisher": by,
    }
    if images:
        data["image"] = images
    return data
