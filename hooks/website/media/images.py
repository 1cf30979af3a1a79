"""One photo made ready for the web: read and checked, turned upright, converted to sRGB, stripped of all
metadata, and written in the versions the pages use.

The versions (`Renditions`), all at most 1,600 pixels on the longest side and never larger than the original:
- WebP at 480, 800, 1200 and 1600 pixels wide (and the original's width when it is narrower), for `srcset`. A 390 px
  phone at 2x or 3x takes 800 or 1200, a desktop column about 700 px wide takes 800, or 1600 at 2x;
- the fallback, JPEG (PNG for a PNG or an image with an alpha channel), at the largest size: the `<img src>` of browsers
  without WebP, and the photo opened at full size. It is published under the original's name;
- a 4:3 thumbnail for the news lists, WebP 200 and 400 pixels wide, with a JPEG (or PNG) fallback of 400;
- a share image, 1200 x 630 (the size WeChat, Weibo, LinkedIn and Open Graph ask for), cropped from the photo, JPEG.

AVIF is not written. Measured on twelve photographs at 960 px (Pillow 13, libavif's default encoder, speed 6): at
the same PSNR as WebP quality 80 (39.7 dB) AVIF is 43 % smaller (16 KB against 28 KB a photo) but takes 3.4 times as
long to encode (307 ms against 89 ms); at 1600 px 615 ms against 181 ms. Every build without the cache (CI's) would
pay that for every photo, and a phone already gets a five-photo post in under 300 KB with WebP.

Metadata: the versions are new images made from the pixels alone; no EXIF (GPS position, camera serial number, date
taken), XMP, IPTC, ICC profile or text chunk is carried over. Colours are converted to sRGB first (an iPhone's
Display P3 photo would otherwise look dull once its profile is gone); a profile that cannot be read is taken as sRGB.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import PIL
import pillow_heif
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from website.messages.problems import Problem, problem

from .limits import MAX_MEGAPIXELS, MAX_PIXELS

pillow_heif.register_heif_opener()

LONGEST_EDGE = 1600
WIDTHS = (480, 800, 1200, 1600)
WEBP_QUALITY = 80
JPEG_QUALITY = 82
THUMBNAIL_WIDTHS = (200, 400)
THUMBNAIL_RATIO = 4 / 3
SHARE_SIZE = (1200, 630)
# Lanczos, first reduced by whole factors down to 3x the size asked for: as sharp to the eye, 20-40 % faster.
_RESAMPLING = Image.Resampling.LANCZOS
REDUCING_GAP = 3.0
# zlib level 3: a 1600 px photo saved as PNG takes 0.5 s and is 7 % larger than at the default level 6 (1.9 s); only
# browsers without WebP and readers opening the photo at full size download it.
PNG_COMPRESSION = 3
# Where a crop keeps the picture: a little above the middle, where people's faces usually are.
CROP_CENTRE = (0.5, 0.4)
# What a file may contain, whatever its extension says. MPO: the JPEG with a depth map that many phones save.
READABLE_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "HEIF", "AVIF"})
# Everything here (and Pillow's and pillow-heif's versions) decides the bytes written: the cache keys on it.
RECIPE = (
    f"edge={LONGEST_EDGE} widths={WIDTHS} webp={WEBP_QUALITY} jpeg={JPEG_QUALITY} thumbs={THUMBNAIL_WIDTHS} "
    f"ratio={THUMBNAIL_RATIO:.4f} share={SHARE_SIZE} crop={CROP_CENTRE} gap={REDUCING_GAP} png={PNG_COMPRESSION} "
    f"pillow={PIL.__version__} heif={pillow_heif.__version__}"
)

_SRGB = ImageCms.createProfile("sRGB")


class ImageProblem(Exception):
    """An image that cannot be published: `problem` is what the writer is told."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def damaged(source: str, detail: str) -> Problem:
    return problem(source, None, None, "photo.damaged", detail=detail)


@dataclass(frozen=True)
class Rendition:
    """One version of a photo: its file name in the cache entry (also the end of its name in the site) and size."""

    name: str
    width: int
    height: int

    @property
    def media_type(self) -> str:
        return {".webp": "image/webp", ".png": "image/png"}.get(Path(self.name).suffix, "image/jpeg")


@dataclass(frozen=True)
class Renditions:
    """Every version of one photo, as written by `write_renditions` (and kept in the cache's manifest)."""

    fallback: Rendition
    webp: tuple[Rendition, ...]  # narrowest first
    thumbnails: tuple[Rendition, ...]  # WebP, narrowest first
    thumbnail_fallback: Rendition
    share: Rendition

    def all(self) -> tuple[Rendition, ...]:
        return (self.fallback, *self.webp, *self.thumbnails, self.thumbnail_fallback, self.share)

    @property
    def width(self) -> int:
        return self.fallback.width

    @property
    def height(self) -> int:
        return self.fallback.height


def read_upright(path: Path, source: str) -> Image.Image:
    """The picture in `path`, upright, in sRGB (RGB, or RGBA when it has an alpha channel), at most LONGEST_EDGE
    pixels on its longest side, with no metadata. `source` names the file in messages. ImageProblem if it cannot."""
    with _opened(path, source) as image:
        if image.format in ("JPEG", "MPO"):
            # The decoder scales by 1/2, 1/4 or 1/8 while it reads: a 12 MP photo decodes four times as fast.
            image.draft("RGB", _fit(image.size, LONGEST_EDGE))
        try:
            image.load()
        except (OSError, SyntaxError, ValueError) as error:
            raise ImageProblem(damaged(source, str(error) or type(error).__name__)) from error
        icc_profile = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)  # a copy, turned as its EXIF orientation says
    size = _fit(upright.size, LONGEST_EDGE)
    if size != upright.size:
        upright = upright.resize(size, _RESAMPLING, reducing_gap=REDUCING_GAP)
    return _srgb(upright, icc_profile)


def write_renditions(image: Image.Image, folder: Path, opaque_format: str) -> Renditions:
    """Write every version of an upright picture (from `read_upright`) into `folder`. `opaque_format` is the
    fallback's format for a picture without transparency: 'PNG' for a PNG source, else 'JPEG'."""
    fallback_format = "PNG" if image.mode == "RGBA" else opaque_format
    fallback = _save(image, folder, "full", fallback_format)
    widths = sorted({w for w in WIDTHS if w < image.width} | {image.width})
    webp = tuple(_save(_resized(image, width), folder, str(width), "WEBP") for width in widths)
    sizes = [(width, round(width / THUMBNAIL_RATIO)) for width in THUMBNAIL_WIDTHS]
    thumbnails = tuple(_save(_cropped(image, size), folder, f"thumb-{size[0]}", "WEBP") for size in sizes)
    thumbnail_fallback = _save(_cropped(image, sizes[-1]), folder, "thumb", fallback_format)
    share = _save(_flattened(_cropped(image, SHARE_SIZE)), folder, "share", "JPEG")
    return Renditions(fallback, webp, thumbnails, thumbnail_fallback, share)


def header_problem(path: Path, source: str) -> Problem | None:
    """What `read_upright` refuses from the file's header alone, without decoding the picture: not an image of a
    format the site reads, or too many pixels. For `make check`, which must stay quick."""
    try:
        _opened(path, source).close()
    except ImageProblem as error:
        return error.problem
    return None


def _opened(path: Path, source: str) -> Image.Image:
    """The image in `path` opened (its header read, not its pixels) and checked: a format the site reads, at most
    MAX_PIXELS. ImageProblem if not."""
    try:
        with warnings.catch_warnings():
            # Pillow warns of images over 89 MP; MAX_PIXELS below is this site's limit, and its message says why.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except Image.DecompressionBombError as error:
        raise ImageProblem(_too_many_pixels(source, _declared_pixels(error))) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageProblem(problem(source, None, None, "photo.not_an_image")) from error
    if image.format not in READABLE_FORMATS:
        image.close()
        raise ImageProblem(problem(source, None, None, "photo.not_an_image"))
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise ImageProblem(_too_many_pixels(source, width * height, (width, height)))
    return image


def _too_many_pixels(source: str, pixels: int, size: tuple[int, int] | None = None) -> Problem:
    """`size` when it is known (Pillow's own refusal of a possible decompression bomb gives only the pixels)."""
    numbers: dict[str, str | int] = {
        "megapixels": f"{pixels / 1e6:,.0f}",
        "limit": MAX_MEGAPIXELS,
        "shown": LONGEST_EDGE,
    }
    if size is None:
        return problem(source, None, None, "photo.too_many_pixels_declared", **numbers)
    return problem(source, None, None, "photo.too_many_pixels", width=size[0], height=size[1], **numbers)


def _fit(size: tuple[int, int], longest: int) -> tuple[int, int]:
    """The size scaled down to at most `longest` pixels on its longest side; never up."""
    width, height = size
    scale = min(1.0, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _declared_pixels(error: Exception) -> int:
    """The number in Pillow's refusal: 'Image size (900000000 pixels) exceeds limit of …'."""
    return next((int(word) for word in str(error).replace("(", " ").split() if word.isdigit()), 0)


def _srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """RGB or RGBA in sRGB, and nothing but pixels."""
    if image.mode.startswith("I"):
        # 16-bit grey (a scan, a PNG from image software): scaled to 8 bits; Pillow's convert("L") would clip it.
        wide = image.mode.startswith("I;16") or image.getextrema()[1] > 255  # type: ignore[operator]
        image = image.convert("I").point(lambda value: value / 256 if wide else value).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    # An image with an alpha channel keeps it (an icon or a logo is drawn so), even where every pixel is opaque.
    mode = "RGBA" if image.has_transparency_data else "RGB"
    if icc_profile and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            converted = ImageCms.profileToProfile(image, profile, _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # an unreadable profile: the pixels are taken as sRGB
        if converted is not None:
            image = converted
    clean = image.convert(mode) if image.mode != mode else image.copy()
    clean.info.clear()
    return clean


def _resized(image: Image.Image, width: int) -> Image.Image:
    if width == image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), _RESAMPLING, reducing_gap=REDUCING_GAP)


def _cropped(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """A crop of the picture at `size`'s proportions, at `size` or, for a smaller picture, as large as it allows."""
    ratio = size[0] / size[1]
    if image.width / image.height > ratio:
        box_width, box_height = image.height * ratio, float(image.height)
    else:
        box_width, box_height = float(image.width), image.width / ratio
    left = (image.width - box_width) * CROP_CENTRE[0]
    top = (image.height - box_height) * CROP_CENTRE[1]
    width = min(size[0], round(box_width))
    box = (left, top, left + box_width, top + box_height)
    return image.resize((width, max(1, round(width / ratio))), _RESAMPLING, box=box, reducing_gap=REDUCING_GAP)


def _flattened(image: Image.Image) -> Image.Image:
    """A share image has no transparency (JPEG; some apps show transparent pixels black): on white."""
    if image.mode != "RGBA":
        return image
    white = Image.new("RGB", image.size, "white")
    white.paste(image, mask=image.getchannel("A"))
    return white


def _save(image: Image.Image, folder: Path, stem: str, image_format: str) -> Rendition:
    extension = {"WEBP": ".webp", "PNG": ".png", "JPEG": ".jpg"}[image_format]
    name = f"{stem}{extension}"
    options: dict[str, Any] = {
        "WEBP": {"quality": WEBP_QUALITY, "method": 4},
        "PNG": {"compress_level": PNG_COMPRESSION},
        "JPEG": {"quality": JPEG_QUALITY, "optimize": True, "progressive": True},
    }[image_format]
    image.info.clear()  # nothing but the pixels: no EXIF, XMP, ICC profile or text
    image.save(folder / name, image_format, **options)
    return Rendition(name, image.width, image.height)
