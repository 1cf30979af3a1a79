"""The site's icons, PNG logo and share cards: made from the one mark by scripts/make_brand_images.py, committed,
published where browsers, phones and search engines look for them, linked from every page, and legible on light and
dark backgrounds."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image
from sitebuild import LANGUAGE_ROOTS, ROOT, BuildResult, resolve

SITE_URL = "http://127.0.0.1:8000/"
# Each image below docs/ (and so below the site root): its format, size in pixels and mode.
IMAGES = {
    "favicon.ico": ("ICO", (48, 48), "RGBA"),
    "assets/images/favicon.png": ("PNG", (32, 32), "RGBA"),
    # Opaque: iOS fills transparent pixels of a home-screen icon with black.
    "assets/images/apple-touch-icon.png": ("PNG", (180, 180), "RGB"),
    "assets/images/logo-512.png": ("PNG", (512, 512), "RGBA"),
    **{f"assets/images/share-card-{lang}.png": ("PNG", (1200, 630), "RGB") for lang in LANGUAGE_ROOTS},
}
ICO_SIZES = {(16, 16), (32, 32), (48, 48)}
# What a page's head links, by site path: the icons, and the SVG mark they are made from.
ICONS = {"favicon.ico": None, "assets/images/favicon.png": "image/png", "assets/images/logo.svg": "image/svg+xml"}
APPLE_TOUCH_ICON = "assets/images/apple-touch-icon.png"


def describe(image_file: Path) -> tuple[str | None, tuple[int, int], str]:
    with Image.open(image_file) as image:
        return image.format, image.size, image.mode


def ico_sizes(ico_file: Path) -> set[tuple[int, int]]:
    """The sizes an ICO file holds, each checked to be an image of that size."""
    with Image.open(ico_file) as ico:
        sizes: set[tuple[int, int]] = ico.info["sizes"]
        for size in sizes:
            ico.size = size
            assert ico.size == size and ico.load() is not None
        return sizes


@pytest.mark.build
def test_the_script_makes_the_committed_images(tmp_path: Path) -> None:
    """The committed images are what the script makes (format, size, mode; pixels differ with library versions)."""
    made = tmp_path / "docs"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_brand_images.py"), "--output", str(made)], check=True)
    assert sorted(p.relative_to(made).as_posix() for p in made.rglob("*") if p.is_file()) == sorted(IMAGES)
    for path, expected in IMAGES.items():
        assert describe(made / path) == describe(ROOT / "docs" / path) == expected, path
    assert ico_sizes(made / "favicon.ico") == ico_sizes(ROOT / "docs" / "favicon.ico") == ICO_SIZES


@pytest.mark.build
def test_the_site_publishes_the_images(site: BuildResult) -> None:
    for path, expected in IMAGES.items():
        assert describe(site.site_dir / path) == expected, path
    # At the site root, where browsers, feed readers and crawlers ask for it whether a page links it or not.
    assert ico_sizes(site.site_dir / "favicon.ico") == ICO_SIZES
    assert not (site.site_dir / "en" / "favicon.ico").exists()


@pytest.mark.build
def test_every_page_links_the_icons(site: BuildResult) -> None:
    for html_file in site.html_pages():
        path = site.url_path_of(html_file)
        head = site.soup(html_file).head
        icons = {resolve(path, link["href"]): link.get("type") for link in head.select('link[rel="icon"]')}
        assert icons == ICONS, path
        touch = [resolve(path, link["href"]) for link in head.select('link[rel="apple-touch-icon"]')]
        assert touch == [APPLE_TOUCH_ICON], path
    for target in [*ICONS, APPLE_TOUCH_ICON]:
        assert (site.site_dir / target).is_file(), target


@pytest.mark.build
@pytest.mark.parametrize("home", list(LANGUAGE_ROOTS.values()))
def test_the_organisation_logo_is_a_large_png_of_the_site(site: BuildResult, home: str) -> None:
    scripts = site.page(home).select('script[type="application/ld+json"]')
    group = next(data for data in map(json.loads, (s.get_text() for s in scripts)) if data["@type"] == "Organization")
    logo: str = group["logo"]
    assert logo.startswith(SITE_URL) and logo.endswith(".png")
    image_format, (width, height), _ = describe(site.site_dir / logo.removeprefix(SITE_URL))
    # Search engines want a raster logo of at least 112 px; link previews and knowledge panels show it larger.
    assert image_format == "PNG" and width == height >= 512


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG contrast ratio of two sRGB colours."""

    def luminance(colour: tuple[int, ...]) -> float:
        linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour[:3]]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("path", ["assets/images/logo-512.png", "assets/images/favicon.png"])
def test_the_logo_reads_on_light_and_dark_backgrounds(path: str) -> None:
    """The mark carries its own background, a tile that stands out from white and from black, with a glyph that
    stands out from the tile: a line drawing on transparency would vanish on one of the two."""
    with Image.open(ROOT / "docs" / path) as image:
        pixels = list(image.convert("RGBA").get_flattened_data())
    opaque = [p[:3] for p in pixels if p[3] == 255]
    assert len(opaque) >= 0.85 * len(pixels)
    tile, _ = Counter(opaque).most_common(1)[0]
    # WCAG's 3:1 for graphics against both page backgrounds.
    assert contrast(tile, (255, 255, 255)) >= 3 and contrast(tile, (0, 0, 0)) >= 3
    glyph = [p for p in opaque if contrast(p, tile) >= 4.5]
    assert len(glyph) >= 0.1 * len(pixels)
