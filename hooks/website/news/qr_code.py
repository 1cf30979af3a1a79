"""A page's own address as a QR code, to carry a news post from a computer to a phone (WeChat's scanner reads it):
inline SVG made at build time by segno, so that the page needs no script and no request for it.

segno tries all eight masks of a code to pick the one readers read best: about 9 ms a post, a sixth of a 500-post
build. Each code is therefore kept in the project's build cache (`.cache/qr-codes/`, not in git), one file per address
and settings, so that a rebuild and `make serve` make only the new posts' codes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import segno

from website.build.files import write_whole

CACHE_FOLDER = Path(".cache") / "qr-codes"  # in the project folder, beside mkdocs.yml
# Error correction level M: a smudge or a crease on paper still scans. Part of the cache's key, with segno's version.
ERROR_CORRECTION = "m"
SVG_CLASS = "qr-code"


def qr_code_svg(url: str, project_dir: Path) -> str:
    """An SVG element (no XML declaration, sized by its viewBox) of the QR code for `url`, black on white, with the
    quiet zone readers need; from the cache of the project in `project_dir` when it has it."""
    key = hashlib.sha256(repr((segno.__version__, ERROR_CORRECTION, SVG_CLASS, url)).encode("utf-8")).hexdigest()
    cached = project_dir / CACHE_FOLDER / f"{key}.svg"
    try:
        return cached.read_text(encoding="utf-8")
    except FileNotFoundError:
        svg = _make(url)
    cached.parent.mkdir(parents=True, exist_ok=True)
    write_whole(cached, svg)
    return svg


def _make(url: str) -> str:
    code = segno.make_qr(url, error=ERROR_CORRECTION)
    return str(code.svg_inline(omitsize=True, svgclass=SVG_CLASS, dark="#000", light="#fff"))
