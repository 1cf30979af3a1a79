"""Photos without MkDocs: reading, turning upright, cleaning and resizing real image files made here (a 4000 x 3000
phone JPEG with GPS and orientation 6, a HEIC, a large PNG, CMYK, 16-bit, transparent, broken and huge files), the
cache, the alt text rules, the markup of photos and attachment links, and where files are published."""

from __future__ import annotations

import errno
import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image
from sample_images import (
    HARMLESS_INFO,
    MARKER,
    SERIAL,
    cmyk_jpeg,
    phone_photo,
    png_header_only,
    sixteen_bit_grey_png,
    write_heic,
    write_phone_jpeg,
    write_png,
)
from sitebuild import ROOT
from website.media import cache as cache_module
from website.media import linking
from website.media.alt_text import alt_fault
from website.media.attachments import Attachment, size_label
from website.media.cache import ImageStore, ProcessedImage, Source
from website.media.check import MarkdownReferences, plain_references
from website.media.images import LONGEST_EDGE, SHARE_SIZE, THUMBNAIL_WIDTHS, header_problem
from website.media.markup import LoadingOrder, rewrite, site_path
from website.media.photos import Photo
from website.media.placement import SiteLayout
from website.media.source_lines import line_of
from website.messages.problems import Problem


def assert_no_metadata(path: Path) -> None:
    with Image.open(path) as image:
        assert dict(image.getexif()) == {}, path
        assert set(image.info) <= HARMLESS_INFO, (path, image.info.keys())
    data = path.read_bytes()
    for trace in (SERIAL.encode(), b"GPS", b"Exif", b"TestPhone", b"Zhang San", b"http://ns.adobe.com/xap"):
        assert trace not in data, (path, trace)


def process(store: ImageStore, *paths: Path) -> tuple[dict[Path, ProcessedImage], list[Problem]]:
    return store.process([Source(p, p.name, "PNG" if p.suffix == ".png" else "JPEG") for p in paths])


@pytest.fixture(scope="module")
def phone_jpeg(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ProcessedImage]:
    """A 4000 x 3000 phone photo stored on its side (orientation 6), with GPS position and serial number."""
    folder = tmp_path_factory.mktemp("phone")
    source = write_phone_jpeg(folder / "IMG_0012.jpg", 4000, 3000, orientation=6)
    processed, problems = process(ImageStore(folder / "cache"), source)
    assert problems == []
    return source, processed[source]


def test_a_phone_photo_is_turned_upright_and_never_upscaled(phone_jpeg: tuple[Path, ProcessedImage]) -> None:
    _, processed = phone_jpeg
    renditions = processed.renditions
    # Stored 4000 x 3000 on its side: shown 3000 x 4000, at most 1600 on the longest side.
    assert (renditions.width, renditions.height) == (1200, LONGEST_EDGE)
    with Image.open(processed.path(renditions.fallback)) as image:
        assert image.format == "JPEG" and image.size == (1200, 1600)
        # Turned 90° clockwise: the marker of the stored top left corner is now top right.
        assert _close(image.getpixel((image.width - 10, 10)), MARKER)
        assert not _close(image.getpixel((10, 10)), MARKER)
    assert [r.width for r in renditions.webp] == [480, 800, 1200]
    for rendition in renditions.all():
        with Image.open(processed.path(rendition)) as image:
            assert image.size == (rendition.width, rendition.height)
            assert image.width <= 1200 and image.height <= 1600
    assert [r.width for r in renditions.thumbnails] == list(THUMBNAIL_WIDTHS)
    assert all(r.width * 3 == r.height * 4 for r in (*renditions.thumbnails, renditions.thumbnail_fallback))
    assert (renditions.share.width, renditions.share.height) == SHARE_SIZE


def test_a_phone_photo_loses_every_piece_of_metadata_and_most_of_its_weight(
    phone_jpeg: tuple[Path, ProcessedImage],
) -> None:
    source, processed = phone_jpeg
    with Image.open(source) as original:
        assert original.getexif().get_ifd(0x8825)  # the test's photo does carry a GPS position
    for rendition in processed.renditions.all():
        assert_no_metadata(processed.path(rendition))
    sizes = {r.name: processed.path(r).stat().st_size for r in processed.renditions.all()}
    assert source.stat().st_size > 1_500_000
    assert sizes["full.jpg"] < 400_000
    assert sizes["800.webp"] < 120_000 and sizes["480.webp"] < 50_000
    assert sizes["thumb-200.webp"] < 15_000


def test_heic_large_png_cmyk_and_16_bit_become_web_images(tmp_path: Path) -> None:
    heic = write_heic(tmp_path / "signing.heic", 1600, 1200)
    big_png = write_png(tmp_path / "poster.png", phone_photo(3000, 2000, 4))
    cmyk = tmp_path / "print.jpg"
    cmyk.write_bytes(cmyk_jpeg(640, 480))
    grey = tmp_path / "scan.png"
    grey.write_bytes(sixteen_bit_grey_png(300, 20))
    processed, problems = process(ImageStore(tmp_path / "cache"), heic, big_png, cmyk, grey)
    assert problems == []
    assert (processed[heic].renditions.fallback.name, processed[heic].renditions.width) == ("full.jpg", 1600)
    assert (processed[big_png].renditions.fallback.name, processed[big_png].renditions.width) == ("full.png", 1600)
    with Image.open(processed[cmyk].path(processed[cmyk].renditions.fallback)) as image:
        assert image.mode == "RGB"
        assert _close(image.getpixel((10, 10)), MARKER, 40)  # the red marker is still red
    with Image.open(processed[grey].path(processed[grey].renditions.fallback)) as image:
        assert image.mode == "RGB"
        assert image.getpixel((0, 10)) == (0, 0, 0) and image.getpixel((299, 10)) == (255, 255, 255)
        assert 100 < image.getpixel((150, 10))[0] < 155  # a ramp, not clipped to white
    for item in processed.values():
        for rendition in item.renditions.all():
            assert_no_metadata(item.path(rendition))


def test_a_transparent_png_keeps_its_transparency_and_shares_on_white(tmp_path: Path) -> None:
    logo = Image.new("RGBA", (800, 400), (0, 0, 0, 0))
    logo.paste((0, 90, 170, 255), (100, 100, 700, 300))
    source = write_png(tmp_path / "logo.png", logo)
    processed = process(ImageStore(tmp_path / "cache"), source)[0][source]
    with Image.open(processed.path(processed.renditions.fallback)) as image:
        assert image.mode == "RGBA" and image.getpixel((5, 5))[3] == 0
    with Image.open(processed.path(processed.renditions.share)) as image:
        assert image.mode == "RGB" and image.getpixel((5, 5)) == (255, 255, 255)


BROKEN = {
    "corrupt.jpg": lambda: b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40,
    "notes.png": lambda: "会议记录，不是图片".encode(),
    "huge.png": lambda: png_header_only(30000, 30000),
}


def test_broken_files_fail_naming_the_file_and_the_others_still_work(tmp_path: Path) -> None:
    for name, content in BROKEN.items():
        (tmp_path / name).write_bytes(content())
    good = write_phone_jpeg(tmp_path / "good.jpg", 400, 300)
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(write_phone_jpeg(tmp_path / "whole.jpg", 800, 600).read_bytes()[:20_000])
    panorama = tmp_path / "panorama.png"
    Image.new("RGB", (30000, 500), (30, 120, 60)).save(panorama)
    paths = [tmp_path / name for name in BROKEN] + [truncated, good, panorama]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}

    processed, problems = process(ImageStore(tmp_path / "cache"), *paths)

    assert set(processed) == {good, panorama}
    assert processed[panorama].renditions.width == LONGEST_EDGE  # 30,000 px wide: works, at 1600
    by_file = {problem.file: problem for problem in problems}
    assert set(by_file) == {"corrupt.jpg", "notes.png", "huge.png", "truncated.jpg"}
    assert by_file["notes.png"].text("zh").startswith("无法识别为图片")
    assert by_file["notes.png"].text("en").startswith("not an image that can be read")
    assert by_file["huge.png"].text("zh").startswith("图片过大（900 百万像素），上限为 120 百万像素。")
    assert by_file["huge.png"].text("en").startswith("the image is too large (900 megapixels); the limit is 120")
    assert by_file["truncated.jpg"].text("zh").startswith("图片文件不完整或已损坏（image file is truncated")
    assert {problem.line for problem in problems} == {None}
    # `make check` reads the header only: the same problem, except for the file whose pixels are cut short.
    headers = {path.name: header_problem(path, path.name) for path in paths}
    assert headers == {**{name: by_file.get(name) for name in headers}, "truncated.jpg": None}
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths} == before  # no source touched


def test_the_cache_makes_each_photo_once_even_for_two_processes_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = [write_phone_jpeg(tmp_path / f"p{n}.jpg", 640, 480, seed=n) for n in range(4)]
    copy = tmp_path / "copy-of-p0.jpg"
    copy.write_bytes(sources[0].read_bytes())
    made: list[Path] = []
    lock = threading.Lock()
    read = cache_module.read_upright

    def counting(path: Path, source: str) -> Image.Image:
        with lock:
            made.append(path)
        return read(path, source)

    monkeypatch.setattr(cache_module, "read_upright", counting)
    # Two stores on one cache folder stand for the two language processes of `make build`.
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: process(ImageStore(tmp_path / "cache"), *sources, copy), range(2)))
    assert len(made) == 4  # four contents; the copy is the same content as p0
    first, second = (result for result, _ in results)
    assert {p: r.folder for p, r in first.items()} == {p: r.folder for p, r in second.items()}
    assert first[copy].folder == first[sources[0]].folder

    again, _ = process(ImageStore(tmp_path / "cache"), *sources, copy)
    assert len(made) == 4 and again == first
    sources[1].write_bytes(write_phone_jpeg(tmp_path / "other.jpg", 640, 480, seed=9).read_bytes())
    changed, _ = process(ImageStore(tmp_path / "cache"), *sources)
    assert len(made) == 5 and changed[sources[1]].folder != first[sources[1]].folder


@pytest.mark.parametrize("links", [True, False], ids=["hard link", "copy on another file system"])
def test_a_version_reaches_the_site_without_ever_writing_into_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: bool
) -> None:
    cache, site = tmp_path / "cache", tmp_path / "site" / "news" / "x"
    first, second = (write_phone_jpeg(cache / f"{n}" / "fallback.jpg", 64, 48, seed=n) for n in range(2))
    kept = {path: path.read_bytes() for path in (first, second)}
    if not links:

        def cross_device(source: str, destination: str) -> None:
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(linking.os, "link", cross_device)
    published = site / "a.jpg"
    linking.link_into_site(str(first), str(published))
    assert published.read_bytes() == kept[first] and published.samefile(first) == links
    placed = published.stat().st_ino
    linking.link_into_site(str(first), str(published))  # the other language's build, a preview's rebuild: kept
    assert published.stat().st_ino == placed
    # A preview after the writer replaced the photo: the site's file (a link to the first entry) is another version
    # now, and the first entry is as it was.
    linking.link_into_site(str(second), str(published))
    assert published.read_bytes() == kept[second] and published.samefile(second) == links
    assert {path: path.read_bytes() for path in (first, second)} == kept


@pytest.mark.parametrize(
    ("alt", "language", "problem"),
    [
        (None, "zh", "missing"),
        ("  ", "zh", "missing"),
        ("IMG_0012.jpg", "zh", "file name"),
        ("DSC01234", "en", "file name"),
        ("微信图片_20230517093000", "zh", "file name"),
        ("mmexport1684300000000", "zh", "file name"),
        ("meeting", "en", "file name"),
        ("20230517", "zh", "file name"),
        ("图片", "zh", "generic"),
        ("Photo.", "en", "generic"),
        ("Launch ceremony", "zh", "language"),
        ("启动仪式现场", "en", "language"),
        ("学生在实训车间操作数控机床", "zh", None),
        ("3D 打印实训", "zh", None),
        ("Students at the 重庆市轻工业学校 workshop", "en", None),
    ],
)
def test_alt_text_rules(alt: str | None, language: str, problem: str | None) -> None:
    assert alt_fault(alt, "meeting.jpg", language) == problem


# Markup.


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Photo]:
    folder = tmp_path_factory.mktemp("markup")
    source = write_phone_jpeg(folder / "a.jpg", 2000, 1500)
    small = write_phone_jpeg(folder / "b.jpg", 600, 450, seed=5)
    processed, _ = process(ImageStore(folder / "cache"), source, small)
    return {
        "assets/images/a.jpg": Photo("docs/assets/images/a.jpg", "assets/images/a.jpg", "assets/images/", "a.jpg",
                                     processed[source]),
        "news/x/b.jpg": Photo("docs/zh/news/posts/x/b.jpg", "zh/news/posts/x/b.jpg", "news/x/", "b.jpg",
                              processed[small]),
    }  # fmt: skip


ATTACHMENTS = {"assets/files/报名表.xlsx": Attachment("docs/assets/files/报名表.xlsx", 36 * 1024)}
PAGE = "news/2023/x/"


def rewritten(html: str, photos: dict[str, Photo], language: str = "zh") -> str:
    return rewrite(html, PAGE, photos, ATTACHMENTS, language, LoadingOrder()).html


def test_a_photo_alone_in_its_paragraph_becomes_a_figure_linked_to_full_size(photos: dict[str, Photo]) -> None:
    html = '<h1>T</h1>\n<p><img alt="集团启动仪式现场" src="../../../assets/images/a.jpg" /></p>\n<p>正文</p>'
    assert rewritten(html, photos) == (
        '<h1>T</h1>\n<figure class="photo"><a class="photo-link" href="../../../assets/images/a.jpg"><picture>'
        '<source type="image/webp" srcset="../../../assets/images/a-480.webp 480w, ../../../assets/images/a-800.webp'
        ' 800w, ../../../assets/images/a-1200.webp 1200w, ../../../assets/images/a-1600.webp 1600w" sizes="'
        "(max-width: 44.984375em) and (min-resolution: 2.5dppx) calc((100vw - 32px) * 2 / 3), "
        '(min-width: 76.25em) 760px, (min-width: 60em) calc(100vw - 274px), calc(100vw - 32px)">'
        '<img src="../../../assets/images/a.jpg" alt="集团启动仪式现场" width="1600" height="1200"></picture></a>'
        "</figure>\n<p>正文</p>"
    )


def test_the_line_after_a_photo_is_its_caption_and_only_the_first_photo_loads_at_once(
    photos: dict[str, Photo],
) -> None:
    html = (
        '<p><img alt="甲" src="../../../assets/images/a.jpg" />\n领导为集团<em>揭牌</em>。</p>\n'
        '<p><img alt="乙" src="../../x/b.jpg" title="签约" /></p>'
    )
    out = rewritten(html, photos)
    assert out.count("<figure") == 2 and "<p>" not in out
    assert "<figcaption>领导为集团<em>揭牌</em>。</figcaption>" in out
    first, second = out.split("</figure>")[:2]
    assert "loading=" not in first
    assert 'alt="乙" width="600" height="450" loading="lazy" decoding="async" title="签约">' in second
    assert 'srcset="../../x/b-480.webp 480w, ../../x/b-600.webp 600w"' in second  # never wider than the photo


def test_photos_in_text_links_and_written_figures_keep_their_place(photos: dict[str, Photo]) -> None:
    html = (
        '<p>Text <img alt="甲" src="../../../assets/images/a.jpg" /> more.</p>\n'
        '<p><a href="https://example.org/"><img alt="乙" src="../../x/b.jpg" /></a></p>\n'
        '<figure><img alt="丙" src="../../x/b.jpg" /><figcaption>写好的说明</figcaption></figure>\n'
        '<p><img alt="logo" src="../../../assets/images/logo.svg" /></p>'
    )
    out = rewritten(html, photos)
    assert out.startswith('<p>Text <a class="photo-link" href="../../../assets/images/a.jpg"><picture>')
    assert out.count("<figure") == 1 and "<figcaption>写好的说明</figcaption></figure>" in out
    linked = out.split("\n")[1]
    assert linked.startswith('<p><a href="https://example.org/"><picture>') and "photo-link" not in linked
    assert out.endswith('<p><img alt="logo" src="../../../assets/images/logo.svg" /></p>')  # not a photo: as it was


def test_an_attachment_link_says_its_kind_and_size_in_the_page_language(photos: dict[str, Photo]) -> None:
    html = '<p>请下载<a href="../../../assets/files/%E6%8A%A5%E5%90%8D%E8%A1%A8.xlsx">报名表</a>。</p>'
    assert rewritten(html, photos).endswith('报名表</a><span class="attachment-info">（Excel，36 KB）</span>。</p>')
    assert rewritten(html, photos, "en").endswith('</a><span class="attachment-info"> (Excel, 36 KB)</span>。</p>')
    missing = rewrite('<p><a href="files/通知.pdf">通知</a></p>', PAGE, photos, ATTACHMENTS, "zh", LoadingOrder())
    assert missing.missing_attachments == ["files/通知.pdf"]


@pytest.mark.parametrize(
    ("size", "label"), [(200, "1 KB"), (36 * 1024, "36 KB"), (999 * 1024, "999 KB"), (1_258_291, "1.2 MB")]
)
def test_size_labels(size: int, label: str) -> None:
    assert size_label(size) == label


def test_links_resolve_against_the_page() -> None:
    assert site_path("../../../assets/images/%E5%9B%BE.jpg", PAGE) == "assets/images/图.jpg"
    assert site_path("https://example.org/a.jpg", PAGE) is None and site_path("#top", PAGE) is None


@pytest.mark.parametrize(
    ("docs_path", "site"),
    [
        ("assets/images/news/x/a.jpg", "assets/images/news/x/a.jpg"),
        ("zh/news/posts/x/a.jpg", "news/x/a.jpg"),
        ("en/news/posts/x/a.jpg", "en/news/x/a.jpg"),
        ("zh/about/a.jpg", "about/a.jpg"),
        ("en/about/a.jpg", "en/about/a.jpg"),
    ],
)
def test_a_file_has_one_place_in_the_site_whichever_language_builds_it(docs_path: str, site: str) -> None:
    layout = SiteLayout(language_roots={"zh": "", "en": "en/"}, blog_posts=("news/posts/", "news/"))
    assert layout.published_path(docs_path) == site


def test_lines_are_found_in_the_body_not_the_front_matter() -> None:
    text = "---\ntitle: t\ncover: x/a.jpg\n---\n\n# T\n\n![甲](x/a.jpg)\n\n![乙](x/a.jpg)\n"
    assert line_of(text, "a.jpg") == 8 and line_of(text, "a.jpg", 1) == 10
    assert line_of(text, "cover:", in_front_matter=True) == 3
    assert line_of(text, "b.jpg") is None


# make check: a page's images and links as MkDocs finds them, read without rendering when they are plain.


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ('![现场](a.jpg "标题") 见[通知](f.pdf)和[网站](https://example.cn/x.pdf)', True),
        ("![](a.jpg)\n\n![The plaque](../b.heic)", True),
        ("![现场][p]\n\n[p]: a.jpg", False),  # reference-style
        ('<img src="a.jpg" alt="现场">', False),  # HTML: MkDocs leaves its path as written
        ("![**现场**](a.jpg)", False),  # the alt text rendered is not the one written
        ("[![现场](a.jpg)](f.pdf)", False),  # a link around the photo
        (r"![现场](a\_b.jpg)", False),
    ],
)
def test_plain_images_and_links_are_read_as_rendering_reads_them(markdown: str, plain: bool) -> None:
    found = plain_references(markdown)
    assert (found is not None) == plain
    if found is not None:
        assert found == MarkdownReferences(ROOT)(markdown)


def test_rendering_finds_no_photo_in_code_and_none_written_as_html() -> None:
    markdown = (
        '```markdown\n![](a.jpg)\n```\n\n    ![](b.jpg)\n\n<p><img src="c.jpg"></p>\n\n!!! note\n\n    ![甲](d.jpg)\n'
    )
    assert MarkdownReferences(ROOT)(markdown) == ([("d.jpg", "甲")], [])


def _close(pixel: object, colour: tuple[int, int, int], tolerance: int = 30) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))
