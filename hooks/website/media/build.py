"""One language's build of the photos, cover images and attachments; hooks/photos.py calls it at each event.

- `take_files` (on_files): every photo of docs/ is processed (or found in the cache) and its File now publishes the
  cleaned fallback instead of the original, at the place placement.py gives it, linked from the cache (linking.py);
  attachments are placed the same way and copied as they are; a file over the size limit, a photo that cannot be
  read or a refused format stops the build here, with every such problem listed.
- `page_content` (on_page_content): a page's photos and attachment links are rewritten (markup.py), its alt texts
  and attachment links checked, its cover found; the versions it shows are noted.
- `publish` (on_env, after every page was read and before MkDocs copies files): any problem found in the pages
  stops the build, all of them listed; otherwise the versions the pages show are added to the files MkDocs
  publishes, linked from the cache too.
- `share_image` and `list_page` (on_page_context): the page's image for link previews, and the news lists'
  thumbnails and excerpts.
Nothing here outlives the language's build: the hook makes a new MediaBuild at each on_files.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, unquote, urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from website.messages.problems import Problem, ProblemsFound, problem, unique

from .. import upstream
from .alt_text import alt_text_problem
from .attachments import Attachment, is_attachment
from .cache import ImageStore
from .images import Rendition
from .limits import MAX_FILE_BYTES, REFUSED_IMAGE_EXTENSIONS, too_large, unsupported_format
from .linking import link_into_site
from .markup import FoundPhoto, LoadingOrder, rewrite, thumbnail
from .photos import Photo, is_photo, process_photos, same_address
from .placement import SiteLayout
from .source_lines import line_of

DEFAULT_SHARE_CARD = "assets/images/share-card-{language}.png"


class MediaError(ProblemsFound):
    """Photos, covers or attachments a writer must fix, every one of them (str(): the report)."""


@dataclass(frozen=True)
class ShareImage:
    """The picture a link preview shows for a page (Open Graph, Twitter, JSON-LD)."""

    url: str  # absolute
    width: int
    height: int
    alt: str
    media_type: str
    # The same picture at other proportions, absolute: the full-size photo (search engines ask for several).
    other_urls: tuple[str, ...] = ()


@dataclass
class PageMedia:
    photos: list[FoundPhoto] = field(default_factory=list)
    cover: Photo | None = None
    cover_alt: str = ""


class MediaBuild:
    def __init__(self, config: MkDocsConfig, layout: SiteLayout, language: str, store: ImageStore) -> None:
        self.docs_dir = Path(config.docs_dir)
        self.site_dir = config.site_dir
        self.site_url = config.site_url or ""
        self.site_name = config.site_name
        self.layout = layout
        self.language = language
        self.store = store
        self.photos: dict[str, Photo] = {}  # by the site path of its fallback
        self.photos_by_source: dict[str, Photo] = {}  # by its path in docs/
        self.photos_by_file: dict[str, Photo] = {}  # by the src_uri of its files (static-i18n may add another)
        self.attachments: dict[str, Attachment] = {}  # by its site path
        self.pages: dict[str, PageMedia] = {}  # by the page's src_uri
        self.problems: list[Problem] = []
        self.shown: dict[str, tuple[Photo, Rendition]] = {}  # by site path: the versions the pages show
        self._files: Files | None = None

    # on_files

    def take_files(self, files: Files) -> None:
        self._files = files
        photo_files: dict[str, list[File]] = {}
        problems: list[Problem] = []
        for file in files:
            docs_path = self._docs_path(file)
            if docs_path is None:
                continue
            suffix = PurePosixPath(docs_path).suffix.lower()
            source = f"{self.docs_dir.name}/{docs_path}"
            if suffix in REFUSED_IMAGE_EXTENSIONS:
                problems.append(unsupported_format(source, suffix))
            elif is_photo(docs_path) or is_attachment(docs_path):
                size = os.stat(file.abs_src_path or "").st_size
                if size > MAX_FILE_BYTES:
                    problems.append(too_large(source, size))
                elif is_photo(docs_path):
                    photo_files.setdefault(docs_path, []).append(file)
                else:
                    self._place(file, self.layout.published_path(docs_path), None)
                    self.attachments[self.layout.published_path(docs_path)] = Attachment(source, size)
        photos, photo_problems = process_photos(self.docs_dir, photo_files, self.layout, self.store)
        problems += photo_problems
        if problems:
            raise MediaError(problems)
        for docs_path, photo in photos.items():
            fallback = photo.processed.renditions.fallback
            for file in photo_files[docs_path]:
                self._place(file, photo.site_path(fallback), photo.cache_path(fallback))
                self.photos_by_file[file.src_uri] = photo
            self.photos[photo.site_path(fallback)] = photo
            self.photos_by_source[docs_path] = photo

    def _docs_path(self, file: File) -> str | None:
        """The file's path in docs/, or None for a file from elsewhere (the theme's)."""
        if file.abs_src_path is None or file.is_documentation_page():
            return None
        path = Path(file.abs_src_path)
        return path.relative_to(self.docs_dir).as_posix() if path.is_relative_to(self.docs_dir) else None

    def _place(self, file: File, site_path: str, cache_path: Path | None) -> None:
        """Publish the file at `site_path`, linked from the cache when it is a photo (its original is never copied)."""
        file.dest_uri = site_path
        file.url = quote(site_path)
        file.abs_dest_path = os.path.normpath(os.path.join(self.site_dir, site_path))
        if cache_path is not None:
            file.abs_src_path = str(cache_path)
            upstream.publish_with(file, link_into_site)

    # on_page_content

    def page_content(self, html: str, page: Page, *, is_post: bool) -> str:
        language = self._language_of(page)
        result = rewrite(html, page.url, self.photos, self.attachments, language, LoadingOrder())
        media = PageMedia(photos=result.photos)
        source = f"{self.docs_dir.name}/{page.file.src_uri}"
        text = page.file.content_string if (result.photos or result.missing_attachments) else ""
        seen: dict[str, int] = {}
        for found in result.photos:
            name = found.photo.name
            occurrence = seen[name] = seen.get(name, -1) + 1
            alt_problem = alt_text_problem(source, text, name, occurrence, found.alt, language)
            if alt_problem is not None:
                self.problems.append(alt_problem)
            self._show(found.photo, found.photo.processed.renditions.webp)
        for link in result.missing_attachments:
            self.problems.append(problem(source, line_of(text, link), None, "attachment.missing", link=link))
        self._find_cover(page, media, source)
        if media.cover is not None:
            renditions = media.cover.processed.renditions
            self._show(media.cover, (renditions.share,))
            if is_post:
                self._show(media.cover, (*renditions.thumbnails, renditions.thumbnail_fallback))
        self.pages[page.file.src_uri] = media
        return result.html

    def _language_of(self, page: Page) -> str:
        """The language a page is written in: its folder in docs/ (a Chinese page shown under /en/ is Chinese)."""
        first = page.file.src_uri.split("/", 1)[0]
        return first if first in self.layout.language_roots else self.language

    def _find_cover(self, page: Page, media: PageMedia, source: str) -> None:
        """The front matter's `cover`, else the page's first photo."""
        value = page.meta.get("cover")
        if isinstance(value, str) and value.strip():
            docs_path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), value.strip()))
            # static-i18n's files find an English post's cover among the Chinese files when English has none.
            file = self._files.get_file_from_path(docs_path) if self._files is not None else None
            cover = self.photos_by_file.get(file.src_uri) if file is not None else None
            if cover is None:
                line = line_of(page.file.content_string, "cover:", in_front_matter=True)
                self.problems.append(problem(source, line, "cover", "cover.missing", value=value))
                return
            media.cover = cover
            alts = [f.alt for f in media.photos if f.photo == cover and f.alt]
            media.cover_alt = alts[0] if alts else str(page.meta.get("title") or page.title or "")
        elif media.photos:
            media.cover, media.cover_alt = media.photos[0].photo, media.photos[0].alt or ""

    def _show(self, photo: Photo, renditions: tuple[Rendition, ...]) -> None:
        for rendition in renditions:
            self.shown[photo.site_path(rendition)] = (photo, rendition)

    # on_env

    def publish(self, files: Files, config: MkDocsConfig) -> None:
        """Stop on the pages' problems; else add the versions the pages show to the files MkDocs publishes."""
        if self.problems:
            raise MediaError(unique(self.problems))
        taken = files.src_uris
        for site_path, (photo, rendition) in self.shown.items():
            if site_path in taken:  # a file of docs/ with the name of a version, e.g. meeting-800.webp
                raise MediaError([same_address(photo.source, f"{self.docs_dir.name}/{site_path}", site_path)])
            version = File.generated(config, site_path, abs_src_path=str(photo.cache_path(rendition)))
            upstream.publish_with(version, link_into_site)
            files.append(version)

    # on_page_context

    def share_image(self, page: Page) -> ShareImage | None:
        """The page's cover (or first photo) cropped to 1200 x 630; else the default card of its language."""
        media = self.pages.get(page.file.src_uri)
        if media is not None and media.cover is not None:
            photo, renditions = media.cover, media.cover.processed.renditions
            return ShareImage(
                url=self._absolute(photo.site_path(renditions.share)),
                width=renditions.share.width,
                height=renditions.share.height,
                alt=media.cover_alt,
                media_type=renditions.share.media_type,
                other_urls=(self._absolute(photo.site_path(renditions.fallback)),),
            )
        card = self.photos_by_source.get(DEFAULT_SHARE_CARD.format(language=self.language))
        if card is None:
            return None
        fallback = card.processed.renditions.fallback
        return ShareImage(
            url=self._absolute(card.site_path(fallback)),
            width=fallback.width,
            height=fallback.height,
            alt=self.site_name,
            media_type=fallback.media_type,
        )

    def list_page(self, excerpts: list[Any], page: Page) -> None:
        """A news list's excerpts (Material's blog renders them for each list page): their photos and attachment
        links rewritten; a post's cover as a thumbnail beside its excerpt, unless the excerpt shows a photo."""
        order = LoadingOrder()
        for excerpt in excerpts:
            post_media = self.pages.get(excerpt.post.file.src_uri, PageMedia())
            result = rewrite(excerpt.content, page.url, self.photos, self.attachments, self.language, order)
            excerpt.content = result.html
            if post_media.cover is not None and not result.photos:
                excerpt.content = (
                    thumbnail(post_media.cover, unquote(excerpt.post.url), page.url, order) + excerpt.content
                )

    def _absolute(self, site_path: str) -> str:
        return urljoin(self.site_url, quote(site_path))
