"""Copies of the project with photos and attachments in their posts, for the build and browser tests."""

from __future__ import annotations

from pathlib import Path

from imagefiles import write_png
from PIL import Image, ImageDraw

# Made by another part of the project (the brand images); a test makes stand-ins when they are not there yet.
BRAND_IMAGES = {
    "assets/images/share-card-zh.png": (1200, 630),
    "assets/images/share-card-en.png": (1200, 630),
    "assets/images/logo-512.png": (512, 512),
}
SHARED_PHOTOS = "assets/images/news"


def ensure_brand_images(project: Path) -> None:
    """Stand-ins for the default share cards and the raster logo where the project has none (never committed)."""
    for number, (path, size) in enumerate(BRAND_IMAGES.items()):
        target = project / "docs" / path
        if not target.exists():
            card = Image.new("RGB", size, (63, 81, 181 - number))
            ImageDraw.Draw(card).rectangle((40, 40, size[0] - 40, size[1] - 40), outline="white", width=8)
            write_png(target, card, text="stand-in made by tests/photo_site.py")


def add_to_post(project: Path, lang: str, slug: str, markdown: str, *, front_matter: str = "") -> Path:
    """Add Markdown after the post's excerpt break (and fields to its front matter)."""
    post = project / "docs" / lang / "news" / "posts" / f"{slug}.md"
    text = post.read_text(encoding="utf-8")
    if front_matter:
        text = text.replace("\n---\n", f"\n{front_matter}\n---\n", 1)
    post.write_text(text.replace("<!-- more -->\n", f"<!-- more -->\n\n{markdown}\n", 1), encoding="utf-8")
    return post
