"""Image files made on the spot for the tests, the bench and `make lighthouse --photos`: phone-like photos with the
metadata a phone writes (GPS position, camera serial number, date taken, orientation), and the broken or unusual
files writers do put in."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import pillow_heif
from PIL import Image, ImageChops, ImageDraw

pillow_heif.register_heif_opener()

# EXIF tags and the IFDs that hold them.
ORIENTATION = 0x0112
MAKE, MODEL, DATE_TIME = 0x010F, 0x0110, 0x0132
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
BODY_SERIAL_NUMBER, DATE_TIME_ORIGINAL = 0xA431, 0x9003
GPS_LATITUDE_REF, GPS_LATITUDE, GPS_LONGITUDE_REF, GPS_LONGITUDE = 1, 2, 3, 4
SERIAL = "SN-TEST-0042"
DATE_TAKEN = "2023:05:17 09:30:00"
# Chongqing, where the group is: what a phone would record.
LATITUDE = (29.0, 33.0, 36.0)
LONGITUDE = (106.0, 33.0, 0.0)
MARKER = (255, 0, 0)
# What a JPEG, PNG or WebP written by Pillow from bare pixels says about itself (JFIF, progressive, WebP animation
# defaults): nothing about the photo.
HARMLESS_INFO = {
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "progressive",
    "progression",
    "loop",
    "background",
}


def phone_photo(width: int, height: int, seed: int) -> Image.Image:
    """A picture that encodes about as a phone photo does (smooth areas, edges, a little grain: a 4000 x 3000 one is
    about 2 MB as JPEG), with a red square in its top left corner to tell which way up it is."""
    rng = random.Random(seed)
    bands = [Image.effect_noise((16, 12), 80).resize((width, height), Image.Resampling.BICUBIC) for _ in range(3)]
    image = Image.merge("RGB", bands)
    draw = ImageDraw.Draw(image)
    for _ in range(120):
        x, y, size = rng.randrange(width), rng.randrange(height), rng.randrange(width // 40 + 1, width // 6 + 2)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x, y, x + size, y + size * rng.random()), fill=colour)
    for _ in range(200):
        x, y = rng.randrange(width), rng.randrange(height)
        end = (x + rng.randrange(-width // 10, width // 10 + 1), y + rng.randrange(-height // 10, height // 10 + 1))
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.line((x, y, *end), fill=colour, width=rng.randrange(2, 12))
    grain = Image.effect_noise((width // 2 or 1, height // 2 or 1), 5).resize((width, height)).convert("RGB")
    image = ImageChops.add(image, grain, scale=1.0, offset=-128)
    side = max(width, height) // 8
    ImageDraw.Draw(image).rectangle((0, 0, side, side), fill=MARKER)
    return image


def phone_exif(orientation: int = 1) -> Image.Exif:
    """What a phone writes: make, model, serial number, date taken, GPS position, orientation."""
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[DATE_TIME] = "TestPhone", "TP-1", DATE_TAKEN
    exif[ORIENTATION] = orientation
    details = exif.get_ifd(EXIF_IFD)
    details[BODY_SERIAL_NUMBER], details[DATE_TIME_ORIGINAL] = SERIAL, DATE_TAKEN
    gps = exif.get_ifd(GPS_IFD)
    gps[GPS_LATITUDE_REF], gps[GPS_LATITUDE] = "N", LATITUDE
    gps[GPS_LONGITUDE_REF], gps[GPS_LONGITUDE] = "E", LONGITUDE
    return exif


def write_phone_jpeg(path: Path, width: int, height: int, *, seed: int = 1, orientation: int = 1) -> Path:
    """A phone photo as a JPEG carrying GPS, serial number and date; `orientation` 6: stored on its side, to be
    turned 90° clockwise (a portrait taken holding the phone upright)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    phone_photo(width, height, seed).save(path, "JPEG", quality=88, exif=phone_exif(orientation))
    return path


def write_heic(path: Path, width: int, height: int, *, seed: int = 2) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    phone_photo(width, height, seed).save(path, "HEIF", quality=70, exif=phone_exif())
    return path


def write_png(path: Path, image: Image.Image, *, text: str = "Author: Zhang San") -> Path:
    """A PNG with a text chunk and EXIF, both of which must go."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", text)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", pnginfo=info, exif=phone_exif())
    return path


def sixteen_bit_grey_png(width: int, height: int) -> bytes:
    """A 16-bit greyscale PNG: a left-to-right ramp from black to white."""
    rows = b"".join(
        b"\x00" + b"".join(struct.pack(">H", x * 65535 // max(width - 1, 1)) for x in range(width))
        for _ in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 16, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG declaring a size and holding no pixels (an empty IDAT chunk): a huge image as it looks before it is
    decoded, without the gigabytes of a real one."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", b"")


def cmyk_jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    phone_photo(width, height, 3).convert("CMYK").save(out, "JPEG", quality=85)
    return out.getvalue()


def with_comment(jpeg: bytes, comment: str) -> bytes:
    """The same JPEG with a comment segment after its start marker: another file, the same picture."""
    text = comment.encode()
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text + jpeg[2:]


def minimal_pdf(pages: int = 1, padding: int = 0) -> bytes:
    """A small valid PDF (one empty page per `pages`), `padding` bytes longer with a comment, to set its size."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    body = b"%PDF-1.4\n%" + b"x" * padding + b"\n"
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return body
