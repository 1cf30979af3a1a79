"""A page's photos and attachment links, rewritten in its HTML.

A photo's `<img>` becomes a `<picture>`: its WebP versions in `srcset`, with `sizes` for the width the site's content
column has at each screen width, and the fallback (JPEG or PNG) as the `<img>`, with its `width` and `height` (the
browser keeps the room before the image arrives: no layout shift). Every photo but the page's first loads lazily
(`loading="lazy" decoding="async"`): a reader's phone does not download what it does not scroll to. A photo links to
its full-size version, unless it is inside a link already.

Captions: a paragraph holding only a photo (or only photos) becomes one `<figure>` for each; a paragraph that starts
with a photo followed by text, on the same line or the next, becomes a `<figure>` with the text as its
`<figcaption>`:

    ![学生在实训车间操作数控机床](workshop.jpg)
    学生在模具实训中心实习。

A `<figure>` written in the page (`<figure markdown="span">` … `<figcaption>` … `</figure>`) is kept as it is, its
photo rewritten inside. A link to an attachment gets its kind and size after it (attachments.py).

Only what points at a photo or attachment of docs/ changes; the rest of the HTML is left byte for byte as it was.
The HTML is Python-Markdown's output; it is scanned with the standard library's tokenizer, not a regular expression,
and the new markup comes from templates/photo.html.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.utils import get_relative_url
from website.templating import COMPILED_TEMPLATES

from .attachments import KINDS, Attachment, is_attachment, size_label
from .photos import Photo

# The width of the content column (measured in Chromium on the site's pages): the full width less 16 px padding on
# each side below 60em (Material's breakpoint, in the browser's default 16 px ems), the width less the table of
# contents up to 76.25em, then at most about 760 px (688 px, 757 px once Material enlarges its type at 100em).
# A phone with 3 device pixels to the CSS pixel is asked to choose as a 2x phone does (two thirds of the width): a
# photo shows no more detail to the eye above 2x, and the 1200 px version weighs about twice the 800 px one; a
# five-photo post then stays under 300 KB on such a phone too (tests/browser/test_photo_weight.py).
CONTENT_SIZES = (
    "(max-width: 44.984375em) and (min-resolution: 2.5dppx) calc((100vw - 32px) * 2 / 3), "
    "(min-width: 76.25em) 760px, (min-width: 60em) calc(100vw - 274px), calc(100vw - 32px)"
)
# The news lists' thumbnails: 96 px wide on a phone, 160 px from 45em (docs/assets/stylesheets/site.css).
THUMBNAIL_SIZES = "(max-width: 44.984375em) 96px, 160px"
KEPT_ATTRIBUTES = ("title", "class", "id")
# An href that may point at an attachment, for a quick look before scanning a page.
ATTACHMENT_LINK = re.compile(
    r"href=\"[^\"]*\.(?:" + "|".join(ext.lstrip(".") for ext in KINDS) + r")[\"#?]", re.IGNORECASE
)
_BASE = "http://site.invalid/"


class LoadingOrder:
    """Which photos of a page load at once: the first one shown; every later one loads lazily."""

    def __init__(self) -> None:
        self._first = True

    def eager(self) -> bool:
        first, self._first = self._first, False
        return first


@dataclass(frozen=True)
class FoundPhoto:
    photo: Photo
    alt: str | None  # None: no alt attribute at all
    src: str  # as it was in the HTML


@dataclass
class Rewritten:
    html: str
    photos: list[FoundPhoto] = field(default_factory=list)
    # Links to attachments that are not in docs/: the href as it was written.
    missing_attachments: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PictureView:
    """What templates/photo.html renders for one photo."""

    src: str
    srcset: str
    sizes: str
    width: int
    height: int
    alt: str
    eager: bool
    full_size: str | None
    attributes: tuple[tuple[str, str], ...] = ()


def site_path(url: str, page_url: str) -> str | None:
    """The path in the site (not URL-quoted) that a link or src on a page points at; None for another host, an
    anchor on the page, or a data: URL."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(urlsplit(urljoin(_BASE + page_url, parts.path)).path).lstrip("/")


def href(path: str, page_url: str) -> str:
    """A site path as a URL relative to the page, as MkDocs writes links."""
    return quote(get_relative_url(path, page_url), safe="/#")


def picture_view(photo: Photo, page_url: str, alt: str, eager: bool, *, linked: bool = True) -> PictureView:
    renditions = photo.processed.renditions
    return PictureView(
        src=href(photo.site_path(renditions.fallback), page_url),
        srcset=", ".join(f"{href(photo.site_path(r), page_url)} {r.width}w" for r in renditions.webp),
        sizes=CONTENT_SIZES,
        width=renditions.width,
        height=renditions.height,
        alt=alt,
        eager=eager,
        full_size=href(photo.site_path(renditions.fallback), page_url) if linked else None,
    )


def rewrite(
    html: str,
    page_url: str,
    photos: Mapping[str, Photo],
    attachments: Mapping[str, Attachment],
    language: str,
    order: LoadingOrder,
) -> Rewritten:
    """The page's HTML with its photos and attachment links rewritten, and what it found."""
    result = Rewritten(html)
    if "<img" not in html and not ATTACHMENT_LINK.search(html):
        return result  # most pages and news excerpts: nothing to scan
    page_url = unquote(page_url)
    scan = _Scanner(html)
    replacements: list[tuple[int, int, str]] = []
    found: dict[int, FoundPhoto] = {}  # by the img tag's start
    for image in scan.images:
        path = site_path(image.attributes.get("src", ""), page_url)
        photo = photos.get(path) if path is not None else None
        if photo is not None:
            found[image.start] = FoundPhoto(photo, image.attributes.get("alt"), image.attributes.get("src", ""))
    in_figures: set[int] = set()
    for paragraph in scan.paragraphs:
        images = [image for image in paragraph.images if image.start in found]
        if not images or len(images) != len(paragraph.images):
            continue
        if paragraph.only_images:
            figures = "".join(_figure(found[i.start], i, page_url, order, Markup("")) for i in images)
            replacements.append((paragraph.start, paragraph.end, figures))
        elif len(images) == 1 and paragraph.starts_with_image:
            caption = Markup(html[images[0].end : paragraph.close_start].strip().removeprefix("<br />").strip())
            replacements.append(
                (paragraph.start, paragraph.end, _figure(found[images[0].start], images[0], page_url, order, caption))
            )
        else:
            continue
        in_figures.update(i.start for i in images)
    for image in scan.images:
        if image.start in found and image.start not in in_figures:
            view = _view(found[image.start], image, page_url, order.eager(), linked=not image.in_link)
            replacements.append((image.start, image.end, str(_templates().linked(view))))
    for link in scan.links:
        path = site_path(link.href, page_url)
        if path is None or not is_attachment(path):
            continue
        attachment = attachments.get(path)
        if attachment is None:
            result.missing_attachments.append(link.href)
            continue
        label = _templates().attachment(attachment.kind(language), size_label(attachment.size), language)
        replacements.append((link.end, link.end, str(label)))
    result.photos = [found[start] for start in sorted(found)]
    result.html = _apply(html, replacements)
    return result


def thumbnail(photo: Photo, post_path: str, page_url: str, order: LoadingOrder) -> str:
    """A news list's thumbnail of a post's cover, linking to the post; decorative (alt=""): the post's title,
    its link, is beside it."""
    renditions = photo.processed.renditions
    page_url = unquote(page_url)
    view = PictureView(
        src=href(photo.site_path(renditions.thumbnail_fallback), page_url),
        srcset=", ".join(f"{href(photo.site_path(r), page_url)} {r.width}w" for r in renditions.thumbnails),
        sizes=THUMBNAIL_SIZES,
        width=renditions.thumbnail_fallback.width,
        height=renditions.thumbnail_fallback.height,
        alt="",
        eager=order.eager(),
        full_size=None,
    )
    return str(_templates().thumbnail(view, href(post_path, page_url)))


def _view(found: FoundPhoto, image: _Tag, page_url: str, eager: bool, *, linked: bool) -> PictureView:
    view = picture_view(found.photo, page_url, found.alt or "", eager, linked=linked)
    kept = tuple((name, image.attributes[name]) for name in KEPT_ATTRIBUTES if name in image.attributes)
    return PictureView(**{**view.__dict__, "attributes": kept})


def _figure(found: FoundPhoto, image: _Tag, page_url: str, order: LoadingOrder, caption: Markup) -> str:
    return str(_templates().figure(_view(found, image, page_url, order.eager(), linked=True), caption))


def _apply(html: str, replacements: list[tuple[int, int, str]]) -> str:
    for start, end, text in sorted(replacements, key=lambda r: (r[0], r[1]), reverse=True):
        html = html[:start] + text + html[end:]
    return html


@functools.cache
def _templates() -> Any:
    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=COMPILED_TEMPLATES,
    )
    return environment.get_template("photo.html").module


# Scanning.


@dataclass(frozen=True)
class _Tag:
    start: int
    end: int
    attributes: dict[str, str]
    in_link: bool


@dataclass(frozen=True)
class _Link:
    href: str
    end: int  # just after its </a>


@dataclass
class _Paragraph:
    start: int
    images: list[_Tag] = field(default_factory=list)
    starts_with_image: bool = False
    only_images: bool = True  # nothing but images, whitespace and line breaks
    close_start: int = 0
    end: int = 0
    seen_content: bool = False


class _Scanner(HTMLParser):
    """The images, paragraphs and links of an HTML fragment, with their places in it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self._line_starts = [0]
        for index, character in enumerate(html):
            if character == "\n":
                self._line_starts.append(index + 1)
        self.images: list[_Tag] = []
        self.paragraphs: list[_Paragraph] = []
        self.links: list[_Link] = []
        self._open_links: list[str] = []
        self._paragraph: _Paragraph | None = None
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        paragraph = self._paragraph
        if tag == "img":
            image = _Tag(start, end, {name: value or "" for name, value in attrs}, bool(self._open_links))
            self.images.append(image)
            if paragraph is not None:
                paragraph.images.append(image)
                paragraph.starts_with_image = paragraph.starts_with_image or not paragraph.seen_content
                paragraph.seen_content = True
            return
        if tag == "p":
            self._paragraph = _Paragraph(start)
            return
        if tag == "a":
            self._open_links.append(dict(attrs).get("href") or "")
        if paragraph is not None and tag != "br":
            paragraph.only_images = False
            paragraph.seen_content = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        if tag == "a" and self._open_links:
            self.links.append(_Link(self._open_links.pop(), self.html.index(">", start) + 1))
        elif tag == "p" and self._paragraph is not None:
            self._paragraph.close_start = start
            self._paragraph.end = self.html.index(">", start) + 1
            self.paragraphs.append(self._paragraph)
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        if self._paragraph is not None and data.strip():
            self._paragraph.only_images = False
            self._paragraph.seen_content = True
