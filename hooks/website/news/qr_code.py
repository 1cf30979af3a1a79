"""A page's own address as a QR code, to carry a news post from a computer to a phone (WeChat's scanner reads it):
inline SVG made at build time by segno, so that the page needs no script and no request for it."""

from __future__ import annotations

import segno


def qr_code_svg(url: str) -> str:
    """An SVG element (no XML declaration, sized by its viewBox) of the QR code for `url`, black on white, with the
    quiet zone readers need, at error correction level M (a smudge or a crease on paper still scans)."""
    code = segno.make_qr(url, error="m")
    return str(code.svg_inline(omitsize=True, svgclass="qr-code", dark="#000", light="#fff"))
