"""Make the site's icons, PNG logo and share cards from its one mark, docs/assets/images/logo.svg.

The images are committed, so that building the site needs neither this script's libraries nor its fonts. Run it again
after changing the mark or the group's name (`extra.organization.name` in mkdocs.yml):

    make brand-images        # or: python scripts/make_brand_images.py [--output DIR]

It writes, below docs/ (or DIR):

    favicon.ico                          16, 32 and 48 px, at the site root, where browsers and crawlers look for it
    assets/images/favicon.png            32 px (in place of Material's own favicon.png)
    assets/images/apple-touch-icon.png   180 px, opaque: iOS puts black behind transparent pixels
    assets/images/logo-512.png           512 px, the logo in JSON-LD (search engines want a raster of 112 px or more)
    assets/images/share-card-<lang>.png  1200x630, the group's name in each language on the mark's colour

The share cards are set in Noto Sans CJK SC (Debian: fonts-noto-cjk), found with fontconfig's fc-match.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import resvg_py
from mkdocs.utils.yaml import yaml_load
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
MARK = ROOT / "docs" / "assets" / "images" / "logo.svg"
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
ICO_SIZES = (16, 32, 48)
CARD_SIZE = (1200, 630)
CARD_MARGIN = 96
CARD_MARK_SIZE = 128
# Behind the name, the cube again, large (pixels) and faint (opacity out of 255).
BACKDROP_SIZE = 720
BACKDROP_OPACITY = 20
# The name's widest line may use this much of the card: a line reaching the right margin looks cramped.
CARD_TEXT_WIDTH = 960
# The group's name is set in the largest of these sizes at which it fits on two lines.
NAME_SIZES = range(72, 39, -4)
OTHER_NAME_SIZE = 30
LINE_GAP = 0.25
# Between the name and the other languages' names.
BLOCK_GAP = 16
WHITE = (255, 255, 255, 255)
# The other language's name, in white at this opacity: secondary to the name, still above 4.5:1 on the indigo.
OTHER_NAME_COLOUR = (255, 255, 255, 214)


@dataclass(frozen=True)
class CardFonts:
    name: Path
    name_index: int
    other_name: Path
    other_name_index: int


def render_mark(svg: str, size: int, background: str | None = None, style_sheet: str | None = None) -> Image.Image:
    """The mark drawn at `size` by `size` pixels, on a background colour or transparent, with CSS applied."""
    png = resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size, background=background, style_sheet=style_sheet)
    image = Image.open(io.BytesIO(png))
    return image.convert("RGB" if background else "RGBA")


def mark_colour(svg: str) -> str:
    """The colour of the mark's filled square (its first <rect>): the background of the apple icon and the cards."""
    rect = ElementTree.fromstring(svg).find(f"{SVG_NAMESPACE}rect")
    fill = rect.get("fill") if rect is not None else None
    if not fill:
        raise SystemExit(f"{MARK}: expected a <rect> with a fill colour, the mark's square")
    return fill


def find_font(pattern: str) -> tuple[Path, int]:
    """The font file and face index fontconfig gives for a pattern, if it is the Noto Sans CJK SC asked for."""
    if shutil.which("fc-match") is None:
        raise SystemExit("fc-match (fontconfig) is needed to find Noto Sans CJK SC: apt-get install fontconfig")
    found = subprocess.run(
        ["fc-match", "--format=%{family}|%{file}|%{index}", pattern], capture_output=True, text=True, check=True
    ).stdout
    family, file, index = found.rsplit("|", 2)
    if "Noto Sans CJK SC" not in family.split(","):
        raise SystemExit(f"Font '{pattern}' is not installed (fontconfig offers {family}): install fonts-noto-cjk")
    return Path(file), int(index)


def card_fonts() -> CardFonts:
    name, name_index = find_font("Noto Sans CJK SC:bold")
    other, other_index = find_font("Noto Sans CJK SC:regular")
    return CardFonts(name, name_index, other, other_index)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The text broken into lines no wider than `width`: between words, or between any two characters in Chinese."""
    separator = " " if " " in text else ""
    units = text.split(" ") if separator else list(text)
    lines = units[:1]
    for unit in units[1:]:
        joined = lines[-1] + separator + unit
        if font.getlength(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(unit)
    return lines


def fit_name(name: str, fonts: CardFonts) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the name fits in two lines of the card, with its lines."""
    for size in NAME_SIZES:
        font = ImageFont.truetype(fonts.name, size, index=fonts.name_index)
        lines = wrap(name, font, CARD_TEXT_WIDTH)
        if len(lines) <= 2 and all(font.getlength(line) <= CARD_TEXT_WIDTH for line in lines):
            return font, lines
    raise SystemExit(f"mkdocs.yml, extra.organization.name: '{name}' does not fit on a share card in two lines")


def _line_height(font: ImageFont.FreeTypeFont) -> int:
    return round(font.size * (1 + LINE_GAP))


def share_card(svg: str, name: str, other_names: list[str], fonts: CardFonts) -> Image.Image:
    """The default link-preview image of a language: the mark at the top left; at the bottom left the group's name
    in that language, and below it, smaller, its name in the other languages."""
    card = Image.new("RGB", CARD_SIZE, mark_colour(svg))
    # A large, faint cube running off the right edge balances the name at the left: the mark without its square.
    cube = render_mark(svg, BACKDROP_SIZE, style_sheet="rect { fill: none }").getchannel("A")
    faint = cube.point(lambda alpha: alpha * BACKDROP_OPACITY // 255)
    card.paste(WHITE[:3], (CARD_SIZE[0] - BACKDROP_SIZE * 2 // 3, (CARD_SIZE[1] - BACKDROP_SIZE) // 2), faint)
    mark = render_mark(svg, CARD_MARK_SIZE)
    card.paste(mark, (CARD_MARGIN, CARD_MARGIN), mark)
    name_font, name_lines = fit_name(name, fonts)
    other_font = ImageFont.truetype(fonts.other_name, OTHER_NAME_SIZE, index=fonts.other_name_index)
    other_lines = [line for other in other_names for line in wrap(other, other_font, CARD_TEXT_WIDTH)]
    blocks = [(name_font, name_lines, WHITE), (other_font, other_lines, OTHER_NAME_COLOUR)]
    # Set upwards from the bottom margin.
    height = sum(_line_height(font) * len(lines) for font, lines, _ in blocks) + BLOCK_GAP
    y = CARD_SIZE[1] - CARD_MARGIN - height
    # RGBA drawing mode: the other names' translucent white is blended into the card.
    draw = ImageDraw.Draw(card, "RGBA")
    for font, lines, fill in blocks:
        for line in lines:
            draw.text((CARD_MARGIN, y), line, font=font, fill=fill)
            y += _line_height(font)
        y += BLOCK_GAP
    return card


def png_bytes(image: Image.Image) -> bytes:
    """PNG with no metadata (Pillow writes none unless asked), compressed as well as Pillow can."""
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def ico_bytes(svg: str) -> bytes:
    """favicon.ico with each size drawn from the SVG (not scaled down from the largest: small sizes stay sharp)."""
    frames = [render_mark(svg, size) for size in ICO_SIZES]
    out = io.BytesIO()
    frames[-1].save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    return out.getvalue()


def group_names(config_file: Path) -> dict[str, str]:
    """The group's name in each language, as mkdocs.yml gives it (`extra.organization.name`)."""
    with config_file.open(encoding="utf-8") as f:
        config = yaml_load(f)
    names = config.get("extra", {}).get("organization", {}).get("name")
    if not isinstance(names, dict) or not all(isinstance(n, str) and n for n in names.values()):
        raise SystemExit(f"{config_file}: extra.organization.name: expected the group's name in each language")
    return names


def brand_images(svg: str, names: dict[str, str], fonts: CardFonts) -> dict[str, bytes]:
    """Every image, by its path below docs/."""
    images = {
        "favicon.ico": ico_bytes(svg),
        "assets/images/favicon.png": png_bytes(render_mark(svg, 32)),
        "assets/images/apple-touch-icon.png": png_bytes(render_mark(svg, 180, background=mark_colour(svg))),
        "assets/images/logo-512.png": png_bytes(render_mark(svg, 512)),
    }
    for lang, name in names.items():
        others = [other for other_lang, other in names.items() if other_lang != lang]
        images[f"assets/images/share-card-{lang}.png"] = png_bytes(share_card(svg, name, others, fonts))
    return images


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "docs", help="folder to write into (default: docs/)")
    args = parser.parse_args()
    svg = MARK.read_text(encoding="utf-8")
    images = brand_images(svg, group_names(ROOT / "mkdocs.yml"), card_fonts())
    for path, data in images.items():
        target = args.output / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"{target.relative_to(args.output)}: {len(data) / 1024:.1f} KB", file=sys.stderr)


if __name__ == "__main__":
    main()
