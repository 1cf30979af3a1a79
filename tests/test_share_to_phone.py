"""Each news post (announcements too) shows its own address as a QR code, labelled in the page's language: read by an
independent reader (zxing-cpp, from the SVG drawn by resvg), it gives the page's canonical address."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import resvg_py
import zxingcpp
from PIL import Image
from sitebuild import BuildResult, language_of
from website.news import qr_code

QR_CODE = re.compile(r'<svg viewBox="[^"]*" class="qr-code">.*?</svg>', re.DOTALL)
LABEL = {"zh": "微信扫一扫，在手机上阅读", "en": "Scan to read on your phone"}
POST = re.compile(r"^(en/)?news/\d{4}/[^/]+/$")


def read_qr_code(svg: str) -> list[str]:
    """What a QR code reader finds in an inline SVG element, drawn at 300 px."""
    standalone = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    png = resvg_py.svg_to_bytes(svg_string=standalone, width=300, height=300, background="#fff")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    return [f"{code.format}: {code.text}" for code in found]


@pytest.mark.build
def test_every_post_shows_its_address_as_a_qr_code_and_no_other_page_does(site: BuildResult) -> None:
    posts = 0
    for path in site.content_pages():
        html = (site.site_dir / path / "index.html").read_text(encoding="utf-8")
        codes = QR_CODE.findall(html)
        soup = site.page(path)
        if not POST.match(path):
            assert codes == [] and soup.select(".page-address__scan") == [], path
            continue
        posts += 1
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert [read_qr_code(svg) for svg in codes] == [[f"{zxingcpp.BarcodeFormat.QRCode}: {canonical}"]], path
        assert soup.select_one(".page-address__scan").get_text(strip=True) == LABEL[language_of(path)]
        code = soup.select_one(".page-address__code")
        assert code["role"] == "img" and code["aria-label"]
    assert posts == 10


@pytest.mark.build
def test_an_announcement_shows_its_qr_code(busy_news_site: BuildResult) -> None:
    path = "en/news/2024/notice-4/"
    html = (busy_news_site.site_dir / path / "index.html").read_text(encoding="utf-8")
    canonical = busy_news_site.page(path).select_one('link[rel="canonical"]')["href"]
    assert [read_qr_code(svg) for svg in QR_CODE.findall(html)] == [[f"{zxingcpp.BarcodeFormat.QRCode}: {canonical}"]]


def test_a_qr_code_is_made_once_per_address_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://example.org/news/2026/launch/"
    first, other = qr_code.qr_code_svg(url, tmp_path), qr_code.qr_code_svg(url + "en/", tmp_path)
    assert read_qr_code(first) == [f"{zxingcpp.BarcodeFormat.QRCode}: {url}"]
    assert read_qr_code(other) == [f"{zxingcpp.BarcodeFormat.QRCode}: {url}en/"]
    assert len(list((tmp_path / qr_code.CACHE_FOLDER).iterdir())) == 2  # no temporary file left behind

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("made again")

    monkeypatch.setattr(qr_code.segno, "make_qr", refuse)
    assert qr_code.qr_code_svg(url, tmp_path) == first  # the next build, and `make serve`, read it
    assert qr_code.qr_code_svg(url + "en/", tmp_path) == other
