"""Photos, attachments and share images in a built site: a copy of the project whose launch-ceremony post carries
a 4000 x 3000 phone photo with its GPS position (orientation 6), an iPhone HEIC kept beside the Chinese post and
shown by both languages, a large PNG and a PDF attachment; and the messages of the builds that must fail."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from local_site import copy_project
from photo_posts import SHARED_PHOTOS, add_to_post
from PIL import Image
from sample_images import (
    DATE_TAKEN,
    HARMLESS_INFO,
    SERIAL,
    minimal_pdf,
    phone_photo,
    png_header_only,
    write_heic,
    write_phone_jpeg,
    write_png,
)
from sitebuild import LANGUAGE_ROOTS, BuildResult, build, resolve
from test_validity import check_links, validate_html
from test_writer_feedback import annotations, make

# Each test builds a copy of the project with photos and reads what it produced.
pytestmark = pytest.mark.build

SITE_URL = "https://example.org/"
POST = "news/2023/launch-ceremony/"
RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif", ".tif", ".tiff", ".bmp")
ZH_PHOTOS = f"""![集团启动仪式现场](../../../{SHARED_PHOTOS}/launch-ceremony/ceremony.jpg)
领导为集团揭牌。

![签约仪式](launch-ceremony/signing.heic)

![集团宣传海报](../../../{SHARED_PHOTOS}/launch-ceremony/poster.png)

请下载[报名表](../../../assets/files/报名表.pdf)。
"""
EN_PHOTOS = f"""![The launch ceremony](../../../{SHARED_PHOTOS}/launch-ceremony/ceremony.jpg)
Leaders unveil the group's plaque.

![The signing](launch-ceremony/signing.heic)

![The group's poster](../../../{SHARED_PHOTOS}/launch-ceremony/poster.png)

Download the [application form](../../../assets/files/报名表.pdf).
"""


@pytest.fixture(scope="module")
def photo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("photos") / "project")
    shared = project / "docs" / SHARED_PHOTOS / "launch-ceremony"
    write_phone_jpeg(shared / "ceremony.jpg", 4000, 3000, orientation=6)
    write_png(shared / "poster.png", phone_photo(2400, 1600, 7))
    write_heic(project / "docs" / "zh" / "news" / "posts" / "launch-ceremony" / "signing.heic", 1600, 1200)
    (project / "docs" / "assets" / "files").mkdir(parents=True)
    (project / "docs" / "assets" / "files" / "报名表.pdf").write_bytes(minimal_pdf(padding=36 * 1024))
    add_to_post(project, "zh", "launch-ceremony", ZH_PHOTOS)
    add_to_post(project, "en", "launch-ceremony", EN_PHOTOS)
    # A cover that is not the first photo: previews and the news lists show the signing.
    for lang in LANGUAGE_ROOTS:
        add_to_post(
            project, lang, "municipal-demonstration-group", "", front_matter="cover: launch-ceremony/signing.heic"
        )
    return project


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*")
            if p.is_file()}  # fmt: skip


@pytest.fixture(scope="module")
def photo_site(photo_project: Path, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    sources = digests(photo_project / "docs")
    result = build(photo_project, tmp_path_factory.mktemp("photo-site") / "site", env={"SITE_URL": SITE_URL})
    assert digests(photo_project / "docs") == sources  # no source photo is changed, moved or deleted
    return result


def test_every_image_in_the_site_is_free_of_metadata(photo_site: BuildResult) -> None:
    images = [p for p in photo_site.site_dir.rglob("*") if p.suffix.lower() in RASTER]
    assert len(images) > 20
    for path in images:
        assert path.suffix.lower() in (".jpg", ".png", ".webp"), path  # no HEIC left for browsers that cannot
        with Image.open(path) as image:
            assert dict(image.getexif()) == {}, path
            assert set(image.info) <= HARMLESS_INFO, (path, image.info.keys())
        data = path.read_bytes()
        # The GPS position is in the EXIF checked above; three letters "GPS" occur by chance in compressed pixels.
        assert SERIAL.encode() not in data and DATE_TAKEN.encode() not in data and b"stand-in" not in data, path


def test_originals_are_not_published_only_their_cleaned_versions(photo_site: BuildResult, photo_project: Path) -> None:
    site = photo_site.site_dir
    folder = site / SHARED_PHOTOS / "launch-ceremony"
    original = (photo_project / "docs" / SHARED_PHOTOS / "launch-ceremony" / "ceremony.jpg").read_bytes()
    assert (folder / "ceremony.jpg").read_bytes() != original
    assert len(original) > 1_500_000 and (folder / "ceremony.jpg").stat().st_size < 400_000
    with Image.open(folder / "ceremony.jpg") as image:
        assert image.size == (1200, 1600)  # upright, at most 1600 px
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["ceremony.jpg", "ceremony-480.webp", "ceremony-800.webp", "ceremony-1200.webp", "ceremony-share.jpg",
         "ceremony-thumb-200.webp", "ceremony-thumb-400.webp", "ceremony-thumb.jpg",  # the post's cover
         "poster.png", "poster-480.webp", "poster-800.webp", "poster-1200.webp", "poster-1600.webp"]
    )  # fmt: skip
    # The HEIC beside the Chinese post: one place, used by both languages, as JPEG.
    assert sorted(p.name for p in (site / "news" / "launch-ceremony").iterdir()) == sorted(
        ["signing.jpg", "signing-480.webp", "signing-800.webp", "signing-1200.webp", "signing-1600.webp",
         "signing-share.jpg", "signing-thumb-200.webp", "signing-thumb-400.webp", "signing-thumb.jpg"]
    )  # fmt: skip
    assert not list(site.rglob("*.heic")) and not (site / "news" / "posts").exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_post_shows_responsive_photos_with_captions(photo_site: BuildResult, lang: str) -> None:
    path = LANGUAGE_ROOTS[lang] + POST
    page = photo_site.page(path)
    figures = page.select("article figure.photo")
    assert len(figures) == 3
    images = [figure.select_one("picture > img") for figure in figures]
    assert [img["alt"] for img in images] == (
        ["集团启动仪式现场", "签约仪式", "集团宣传海报"] if lang == "zh"
        else ["The launch ceremony", "The signing", "The group's poster"]
    )  # fmt: skip
    assert [(img["width"], img["height"]) for img in images] == [("1200", "1600"), ("1600", "1200"), ("1600", "1067")]
    assert "loading" not in images[0].attrs and images[1]["loading"] == images[2]["loading"] == "lazy"
    assert images[1]["decoding"] == "async"
    caption = figures[0].select_one("figcaption").get_text()
    assert caption == ("领导为集团揭牌。" if lang == "zh" else "Leaders unveil the group's plaque.")
    for figure in figures:
        source = figure.select_one("picture > source[type='image/webp']")
        candidates = [c.strip().split(" ") for c in source["srcset"].split(",")]
        for url, width in candidates:
            target = photo_site.site_dir / resolve(path, url)
            with Image.open(target) as image:
                assert f"{image.width}w" == width and image.format == "WEBP"
        assert source["sizes"].endswith("calc(100vw - 32px)")
        full = photo_site.site_dir / resolve(path, figure.select_one("a.photo-link")["href"])
        assert full == photo_site.site_dir / resolve(path, figure.select_one("img")["src"]) and full.is_file()


def test_an_attachment_link_says_kind_and_size(photo_site: BuildResult) -> None:
    for lang, label in (("zh", "（PDF，36 KB）"), ("en", " (PDF, 36 KB)")):
        link = photo_site.page(LANGUAGE_ROOTS[lang] + POST).select_one("a[href$='.pdf']")
        assert link.find_next_sibling("span", class_="attachment-info").get_text() == label
        assert (photo_site.site_dir / unquote(resolve(LANGUAGE_ROOTS[lang] + POST, link["href"]))).is_file()


def share_meta(page: BeautifulSoup) -> dict[str, str]:
    return {
        (m.get("property") or m.get("name")): m["content"]
        for m in page.select("meta[property^='og:image'], meta[name^='twitter:']")
    }


def test_every_page_has_a_share_image_of_about_1200_by_630(photo_site: BuildResult) -> None:
    for path in photo_site.content_pages():
        meta = share_meta(photo_site.page(path))
        assert meta["og:image"].startswith(SITE_URL), path
        assert meta["twitter:card"] == "summary_large_image" and meta["twitter:image"] == meta["og:image"]
        assert meta["og:image:alt"] and meta["twitter:image:alt"] == meta["og:image:alt"]
        target = photo_site.site_dir / meta["og:image"].removeprefix(SITE_URL)
        with Image.open(target) as image:
            assert (str(image.width), str(image.height)) == (meta["og:image:width"], meta["og:image:height"])
            assert image.size == (1200, 630), path


def test_share_images_are_the_cover_else_the_first_photo_else_the_language_card(photo_site: BuildResult) -> None:
    post = share_meta(photo_site.page(POST))
    assert post["og:image"] == f"{SITE_URL}{SHARED_PHOTOS}/launch-ceremony/ceremony-share.jpg"
    assert post["og:image:alt"] == "集团启动仪式现场"
    covered = share_meta(photo_site.page("en/news/2023/municipal-demonstration-group/"))
    assert covered["og:image"] == f"{SITE_URL}news/launch-ceremony/signing-share.jpg"
    for path, card in (("about/", "share-card-zh.png"), ("en/about/", "share-card-en.png")):
        assert share_meta(photo_site.page(path))["og:image"] == f"{SITE_URL}assets/images/{card}"


def test_posts_give_their_image_and_the_group_its_raster_logo_in_json_ld(photo_site: BuildResult) -> None:
    scripts = photo_site.page(POST).select('script[type="application/ld+json"]')
    posting = json.loads(scripts[0].get_text())
    assert posting["image"] == [
        f"{SITE_URL}{SHARED_PHOTOS}/launch-ceremony/ceremony-share.jpg",
        f"{SITE_URL}{SHARED_PHOTOS}/launch-ceremony/ceremony.jpg",
    ]
    home = json.loads(photo_site.page("").select_one('script[type="application/ld+json"]').get_text())
    assert home["logo"] == posting["publisher"]["logo"] == f"{SITE_URL}assets/images/logo-512.png"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_news_lists_show_each_posts_cover_as_a_thumbnail(photo_site: BuildResult, lang: str) -> None:
    root = LANGUAGE_ROOTS[lang]
    for listing in (f"{root}news/", f"{root}news/archive/2023/", f"{root}news/category/group-news/"):
        page = photo_site.page(listing)
        thumbnails = {}
        for article in page.select("article.md-post--excerpt"):
            title = resolve(listing, article.select_one("h2 a")["href"])
            thumbnail = article.select_one("a.news-thumbnail")
            if thumbnail is not None:
                assert resolve(listing, thumbnail["href"]) == title
                thumbnails[title] = thumbnail.select_one("img")
        assert sorted(thumbnails) == [
            f"{root}news/2023/launch-ceremony/",
            f"{root}news/2023/municipal-demonstration-group/",
        ]
        first, second = (thumbnails[path] for path in sorted(thumbnails))
        assert first["alt"] == "" and (first["width"], first["height"]) == ("400", "300")
        assert (photo_site.site_dir / resolve(listing, second["src"])).name == "signing-thumb.jpg"
        assert "loading" not in first.attrs and second["loading"] == "lazy"  # in list order: the first shows at once


def test_a_rebuild_takes_every_photo_from_the_cache(
    photo_project: Path, photo_site: BuildResult, tmp_path: Path
) -> None:
    cache = photo_project / ".cache" / "images"
    entries = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file() and p.name != "sources.json"}
    photos = [p for p in (photo_project / "docs").rglob("*") if p.suffix in (".jpg", ".png", ".heic")]
    assert len([p for p in entries if p.name == "manifest.json"]) == len(photos) >= 6
    again = build(photo_project, tmp_path / "site", env={"SITE_URL": SITE_URL})
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file() and p.name != "sources.json"} == entries
    images = {path: digest for path, digest in digests(photo_site.site_dir).items() if path.endswith(RASTER)}
    assert {path: digest for path, digest in digests(again.site_dir).items() if path.endswith(RASTER)} == images
    # Each version is the cache's very file (a hard link: the site and the cache are on one file system), not a copy.
    cached = {hashlib.sha256(p.read_bytes()).hexdigest() for p in entries}
    versions = [again.site_dir / path for path, digest in images.items() if digest in cached]
    inodes = {p.stat().st_ino for p in entries}
    assert len(versions) > 20 and [p for p in versions if p.stat().st_ino not in inodes] == []


def test_make_check_passes_the_project_with_photos(photo_project: Path) -> None:
    # Shared photos, one beside the Chinese post that the English post shows too, a cover, an attachment.
    done = make("check", photo_project)
    assert done.returncode == 0, done.stderr


# Builds that must fail, each listing every problem at once: Chinese first, English on the next line, never a
# traceback. `make check` finds the same problems in the same words without building the site, all but a photo whose
# pixels are damaged (it reads no picture): the build's hooks are run as `mkdocs build` runs them, the checks aside.


def problems_in(output: str) -> set[tuple[str, str]]:
    """Each problem a report lists: its first line (file, line, field, Chinese) and its English line below."""
    lines = output.splitlines()
    return {(line, lines[number + 1]) for number, line in enumerate(lines[:-1]) if line.startswith("docs/")}


def text_line(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def failed_log(project: Path, site: Path) -> str:
    log = build(project, site, fails=True, one_process=True).log
    assert "Traceback" not in log
    return log


def test_broken_huge_and_refused_files_fail_the_build_and_make_check_by_name(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    folder = project / "docs" / SHARED_PHOTOS / "bad"
    folder.mkdir(parents=True)
    (folder / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 10)
    (folder / "notes.png").write_text("这不是图片", encoding="utf-8")
    (folder / "huge.png").write_bytes(png_header_only(30000, 30000))
    (folder / "animation.gif").write_bytes(b"GIF89a")
    (folder / "truncated.jpg").write_bytes(write_phone_jpeg(tmp_path / "whole.jpg", 800, 600).read_bytes()[:20_000])
    files = project / "docs" / "assets" / "files"
    files.mkdir(parents=True)
    with (files / "video.zip").open("wb") as big:
        big.truncate(26 * 1024 * 1024)
    checked = make("check", project)
    log = failed_log(project, tmp_path / "site")
    bad = f"docs/{SHARED_PHOTOS}/bad"
    expected = [
        (f"{bad}/corrupt.jpg: 无法识别为图片（", "not an image that can be read"),
        (f"{bad}/notes.png: 无法识别为图片（", "not an image that can be read"),
        (f"{bad}/huge.png: 图片过大（900 百万像素），上限为 120 百万像素。", "the image is too large (900 megapixels)"),
        (f"{bad}/animation.gif: 网站不处理 .gif 格式的图片。", "the site does not handle .gif images"),
        ("docs/assets/files/video.zip: 文件太大（26.0 MB），上限为 25 MB", "the file is too large (26.0 MB)"),
    ]
    truncated = (f"{bad}/truncated.jpg: 图片文件不完整或已损坏（", "the image file is incomplete or damaged")
    for output, wanted in ((checked.stderr, expected), (log, [*expected, truncated])):
        found = problems_in(output)
        assert len(found) == len(wanted), output
        for zh, en in wanted:
            assert any(line.startswith(zh) and english.startswith(f"    {en}") for line, english in found), (zh, output)
    assert problems_in(checked.stderr) < problems_in(log)  # the same words, and the damaged photo in the build only


def test_missing_alt_text_covers_and_attachments_fail_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write_phone_jpeg(project / "docs" / "zh" / "news" / "posts" / "launch-ceremony" / "IMG_0012.jpg", 640, 480)
    markdown = (
        "![](launch-ceremony/IMG_0012.jpg)\n\n![IMG_0012.jpg](launch-ceremony/IMG_0012.jpg)\n\n"
        "![DSC01234](launch-ceremony/IMG_0012.jpg)\n\n![Opening ceremony](launch-ceremony/IMG_0012.jpg)\n\n"
        "[通知](../../../assets/files/通知.pdf)\n\n![DSC09999][photo]\n\n[photo]: launch-ceremony/IMG_0012.jpg\n\n"
        "How to show a photo, in a code block, is no photo:\n\n```markdown\n![](launch-ceremony/IMG_0012.jpg)\n```\n"
    )
    post = add_to_post(project, "zh", "launch-ceremony", markdown, front_matter="cover: launch-ceremony/no-such.jpg")
    text = post.read_text(encoding="utf-8")
    source = "docs/zh/news/posts/launch-ceremony.md"
    expected = {  # the line that has it: what it says
        "![](launch": ("alt: 图片 IMG_0012.jpg 缺少替代文字（alt）", "image IMG_0012.jpg has no alt text"),
        "![IMG_0012.jpg]": ("alt: 图片 IMG_0012.jpg 的替代文字“IMG_0012.jpg”是文件名", "the alt text of image"),
        "![DSC01234]": ("alt: 图片 IMG_0012.jpg 的替代文字“DSC01234”是文件名", "the alt text of image"),
        "![Opening": ("alt: 中文页面中图片 IMG_0012.jpg 的替代文字“Opening ceremony”不是中文", "the alt text of"),
        "[通知]": (
            "找不到链接的附件 ../../../assets/files/通知.pdf。",
            "the attachment ../../../assets/files/通知.pdf",
        ),
        "cover:": ("cover: 找不到封面图片 launch-ceremony/no-such.jpg。", "there is no image launch-ceremony/"),
        # A reference-style image: its line is the one that names the file.
        "[photo]:": ("alt: 图片 IMG_0012.jpg 的替代文字“DSC09999”是文件名", "the alt text of image"),
    }
    checked = make("check", project)
    log = failed_log(project, tmp_path / "site")
    assert problems_in(checked.stderr) == problems_in(log)
    found = problems_in(log)
    assert len(found) == len(expected), log
    for needle, (zh, en) in expected.items():
        start = f"{source}:{text_line(text, needle)}: {zh}"
        assert any(line.startswith(start) and english.startswith(f"    {en}") for line, english in found), (start, log)


def test_make_check_finds_a_photo_without_alt_text_and_missing_files_in_both_languages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write_phone_jpeg(project / "docs" / SHARED_PHOTOS / "launch-ceremony" / "IMG_0012.jpg", 640, 480)
    photo = f"../../../{SHARED_PHOTOS}/launch-ceremony/IMG_0012.jpg"
    form = "../../../assets/files/报名表.xlsx"
    zh = add_to_post(project, "zh", "launch-ceremony", f"![]({photo})\n\n请下载[报名表]({form})。\n")
    en = add_to_post(project, "en", "launch-ceremony", "![The plaque](launch-ceremony/plaque.jpg)\n")
    done = make("check", project)
    assert done.returncode != 0
    assert "发现 3 个问题，请修改后重试：" in done.stderr
    zh_text, en_text = zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
    assert {line for line, _ in problems_in(done.stderr)} == {
        f"docs/zh/news/posts/launch-ceremony.md:{text_line(zh_text, '![](')}: alt: 图片 IMG_0012.jpg 缺少替代文字"
        f"（alt）。请在方括号中用一句话说明照片的内容，例如 `![学生在实训车间操作数控机床](IMG_0012.jpg)`。"
        "读屏软件会朗读这句话，图片无法显示时也会显示它。",
        f"docs/zh/news/posts/launch-ceremony.md:{text_line(zh_text, '[报名表]')}: 找不到链接的附件 "
        "../../../assets/files/报名表.xlsx。请把文件放到 docs/ 中（例如 docs/assets/files/），"
        "并检查链接中的路径和文件名（路径从页面所在的文件夹算起）。",
        f"docs/en/news/posts/launch-ceremony.md:{text_line(en_text, 'plaque.jpg')}: 找不到图片 "
        "launch-ceremony/plaque.jpg。请把图片放到 docs/ 中（例如 docs/assets/images/news/），"
        "并检查路径和文件名（路径从页面所在的文件夹算起）。",
    }


def test_in_github_actions_a_photo_problem_is_a_workflow_command_and_a_row_of_the_summary(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write_phone_jpeg(project / "docs" / SHARED_PHOTOS / "launch-ceremony" / "IMG_0012.jpg", 640, 480)
    post = add_to_post(project, "zh", "launch-ceremony", f"![](../../../{SHARED_PHOTOS}/launch-ceremony/IMG_0012.jpg)")
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    log = build(project, tmp_path / "site", env=env, fails=True).log
    line = text_line(post.read_text(encoding="utf-8"), "IMG_0012.jpg")
    [(kind, properties, message)] = annotations(log)
    assert kind == "error"
    assert properties == {"file": "docs/zh/news/posts/launch-ceremony.md", "line": str(line), "title": "网站检查：alt"}
    zh, en = message.split("\n")
    assert zh.startswith("图片 IMG_0012.jpg 缺少替代文字（alt）。")
    assert en.startswith("image IMG_0012.jpg has no alt text")
    assert f"| `docs/zh/news/posts/launch-ceremony.md` | {line} | `alt` | 图片 IMG_0012.jpg 缺少替代文字" in (
        summary.read_text(encoding="utf-8")
    )


def test_the_site_with_photos_is_valid_html_with_no_broken_link(photo_site: BuildResult) -> None:
    proc = validate_html(photo_site.site_dir)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = check_links(photo_site.site_dir)
    assert proc.returncode == 0, proc.stdout + proc.stderr
