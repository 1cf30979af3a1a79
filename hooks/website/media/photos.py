"""The photos of docs/ in one language's build: each one processed (cache.py), where its versions are published,
and which photo a page's `<img src>` is.

A photo `docs/assets/images/news/x/meeting.jpg` is published as
- `assets/images/news/x/meeting.jpg`: the fallback, cleaned and at most 1,600 px (a HEIC, WebP or AVIF original
  becomes `meeting.jpg`, or `meeting.png` when it is transparent); the original itself never is;
- `meeting-480.webp` … `meeting-1600.webp`, `meeting-thumb-200.webp`, `meeting-thumb-400.webp`, `meeting-thumb.jpg`,
  `meeting-share.jpg` beside it, each only when a page shows it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from website.messages.problems import Problem, problem

from .cache import ImageStore, ProcessedImage, Source
from .images import Rendition
from .limits import PHOTO_EXTENSIONS
from .placement import SiteLayout

JPEG_EXTENSIONS = (".jpg", ".jpeg")


@dataclass(frozen=True)
class Photo:
    source: str  # as the writer knows it: docs/assets/images/news/x/meeting.jpg
    docs_path: str  # relative to docs/: assets/images/news/x/meeting.jpg
    folder: str  # its folder in the site, '' or ending with '/'
    name: str  # the original's file name: meeting.heic
    processed: ProcessedImage

    @functools.cached_property
    def fallback_name(self) -> str:
        """The original's name when the fallback has its format (JPEG, PNG), else its stem with the fallback's
        extension: meeting.heic -> meeting.jpg."""
        original = PurePosixPath(self.name)
        extension = PurePosixPath(self.processed.renditions.fallback.name).suffix
        same_format = original.suffix.lower() in (JPEG_EXTENSIONS if extension == ".jpg" else (".png",))
        return self.name if same_format else original.stem + extension

    @functools.cached_property
    def _stem(self) -> str:
        return PurePosixPath(self.name).stem

    def site_path(self, rendition: Rendition) -> str:
        """Where a version is published, relative to the site root (not URL-quoted)."""
        if rendition == self.processed.renditions.fallback:
            return self.folder + self.fallback_name
        return f"{self.folder}{self._stem}-{rendition.name}"

    def cache_path(self, rendition: Rendition) -> Path:
        return self.processed.path(rendition)

    @property
    def alt_candidates(self) -> tuple[str, ...]:
        """What a file-name-like alt text would be: the file's name and stem."""
        return (self.name, PurePosixPath(self.name).stem)


def is_photo(docs_path: str) -> bool:
    return PurePosixPath(docs_path).suffix.lower() in PHOTO_EXTENSIONS


def is_cover_path(value: object) -> bool:
    """A front matter `cover`: a relative path to a photo (not a web address, not from the site's root)."""
    return (
        isinstance(value, str)
        and is_photo(value.strip())
        and "://" not in value
        and not value.strip().startswith(("/", "\\"))
    )


def process_photos(
    docs_dir: Path, docs_paths: Iterable[str], layout: SiteLayout, store: ImageStore
) -> tuple[dict[str, Photo], list[Problem]]:
    """The photos at these paths of docs/, by those paths, and the writer's problems with those that cannot be
    published (cannot be read, or would take another photo's place in the site)."""
    docs_name = docs_dir.name
    sources = {
        path: Source(
            path=docs_dir / path,
            name=f"{docs_name}/{path}",
            # A PNG's fallback stays a PNG (a chart or a screenshot would blur as JPEG); every other photo's is JPEG.
            opaque_format="PNG" if PurePosixPath(path).suffix.lower() == ".png" else "JPEG",
        )
        for path in sorted(set(docs_paths))
    }
    processed, problems = store.process(list(sources.values()))
    photos: dict[str, Photo] = {}
    published: dict[str, Photo] = {}  # every site path a photo's versions take
    for path, source in sources.items():
        if source.path not in processed:
            continue
        published_path = layout.published_path(path)
        folder, _, name = published_path.rpartition("/")
        photo = Photo(source.name, path, f"{folder}/" if folder else "", name, processed[source.path])
        clash = next(
            (published[p] for p in map(photo.site_path, photo.processed.renditions.all()) if p in published), None
        )
        if clash is not None:
            problems.append(same_address(photo.source, clash.source, photo.site_path(_fallback(photo))))
            continue
        for rendition in photo.processed.renditions.all():
            published[photo.site_path(rendition)] = photo
        photos[path] = photo
    return photos, problems


def _fallback(photo: Photo) -> Rendition:
    return photo.processed.renditions.fallback


def same_address(source: str, other: str, address: str) -> Problem:
    """The photo `source` would be published at `address`, where `other` is published too."""
    return problem(source, None, None, "photo.same_address", other=other, address=address)
