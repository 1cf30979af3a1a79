"""Which files the site takes as photos and as attachments, and how large they may be.

- 25 MB a file: GitHub's limit for a file uploaded in the browser, which is how WRITING.zh.md tells writers to add
  them (git itself is refused files over 100 MB). Every file stays in the repository's history for good: each clone
  and each build downloads it again. A phone photo is 2-8 MB; a larger one, or a larger PDF, is better made smaller.
- 120 megapixels an image: above what phones take (108 MP in their largest mode); a larger image is a scan or a
  stitched panorama, and decoding it would take gigabytes of memory (Pillow itself refuses images over about
  180 MP as a possible decompression bomb).
"""

from __future__ import annotations

from website.messages.problems import Problem, problem

MAX_FILE_MB = 25
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MAX_MEGAPIXELS = 120
MAX_PIXELS = MAX_MEGAPIXELS * 1_000_000

# Taken as photos: read (HEIC/HEIF through pillow-heif), cleaned and resized. The extensions are compared in lower case.
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif")
# Refused, with advice: they would be published as they are, metadata and all (GIF comments, TIFF tags).
REFUSED_IMAGE_EXTENSIONS = (".gif", ".tif", ".tiff", ".bmp")


def too_large(source: str, size: int) -> Problem:
    """A photo or attachment of `size` bytes over MAX_FILE_BYTES."""
    return problem(source, None, None, "file.too_large", size=f"{size / 1024 / 1024:.1f}", limit=MAX_FILE_MB)


def unsupported_format(source: str, extension: str) -> Problem:
    """An image in one of REFUSED_IMAGE_EXTENSIONS."""
    return problem(source, None, None, "photo.unsupported_format", extension=extension, allowed=PHOTO_EXTENSIONS)
