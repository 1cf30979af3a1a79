"""What the build tells a writer about their photos, cover images and attachments: every message in one place,
Chinese first and English after, each naming the file (and the line where there is one), what is wrong and what to
do. Kept together so that they can join a project-wide catalogue of writer messages."""

from __future__ import annotations

from .limits import MAX_FILE_MB, MAX_MEGAPIXELS, PHOTO_EXTENSIONS


def _at(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line else source


# Image files.


def not_an_image(source: str) -> str:
    return (
        f"{source}: 无法识别为图片（文件可能已损坏，或扩展名与内容不符）。"
        "请从手机或电脑重新导出为 JPEG（.jpg）后再放入。"
        f" / not an image that can be read (the file may be damaged, or its extension does not match its content); "
        "export the photo again as JPEG (.jpg) and put that in instead."
    )


def damaged_image(source: str, detail: str) -> str:
    return (
        f"{source}: 图片文件不完整或已损坏（{detail}）。请重新放入原始照片。"
        f" / the image file is incomplete or damaged ({detail}); put the original photo in again."
    )


def too_many_pixels(source: str, pixels: int, size: tuple[int, int] | None = None) -> str:
    """`size` when it is known (Pillow's own refusal of a possible decompression bomb gives only the pixels)."""
    megapixels = f"{pixels / 1e6:,.0f}"
    zh_size, en_size = (f"{size[0]} × {size[1]} 像素，", f"{size[0]} × {size[1]} pixels, ") if size else ("", "")
    return (
        f"{source}: 图片过大（{zh_size}{megapixels} 百万像素），上限为 {MAX_MEGAPIXELS} 百万像素。"
        "请缩小到长边不超过 8000 像素后再放入（网页最多显示 1600 像素宽）。"
        f" / the image is too large ({en_size}{megapixels} megapixels); the limit is {MAX_MEGAPIXELS} megapixels. "
        "Resize it to at most 8,000 pixels on its longest side (the site shows at most 1,600)."
    )


def unsupported_image_format(source: str, extension: str) -> str:
    allowed = "、".join(PHOTO_EXTENSIONS)
    return (
        f"{source}: 网站不处理 {extension} 格式的图片。照片请另存为 JPEG（.jpg），图表和截图请另存为 PNG（.png）。"
        f"可用的格式：{allowed}。"
        f" / the site does not handle {extension} images; save photos as JPEG (.jpg) and charts or screenshots as PNG "
        f"(.png). Formats it takes: {', '.join(PHOTO_EXTENSIONS)}."
    )


def same_address(source: str, other: str, address: str) -> str:
    return (
        f"{source}: 与 {other} 会发布到同一个网址 {address}（文件名相同、只有扩展名不同）。请给其中一张图片改名。"
        f" / it and {other} would be published at the same address, {address} (same file name, different "
        "extension); rename one of them."
    )


def file_too_large(source: str, size_bytes: int) -> str:
    size_mb = size_bytes / 1024 / 1024
    return (
        f"{source}: 文件太大（{size_mb:.1f} MB），上限为 {MAX_FILE_MB} MB"
        "（GitHub 网页上传的上限；每个文件都会永久留在仓库中）。"
        "照片请用手机“分享”或电脑“导出”得到较小的副本；PDF 请用“另存为”中的“减小文件大小”或按章节拆分；"
        "视频和大型资料请放在集团官方网盘或网站上，在文章中写链接。"
        f" / the file is too large ({size_mb:.1f} MB); the limit is {MAX_FILE_MB} MB (GitHub's limit for files "
        "uploaded in the browser; every file stays in the repository for good). Share or export a smaller copy of a "
        "photo; save a PDF with a 'reduce file size' option or split it; put videos and large material on the "
        "group's official file share or website and link to it from the post."
    )


# Alt text.

_ALT_EXAMPLE = "![学生在实训车间操作数控机床](photo.jpg)"
_ALT_EXAMPLE_EN = "![Students at a CNC machine in the training workshop](photo.jpg)"


def alt_missing(source: str, line: int | None, image: str) -> str:
    return (
        f"{_at(source, line)}: 图片 {image} 缺少替代文字（alt）。请在方括号中用一句话说明照片的内容，"
        f"例如 {_ALT_EXAMPLE}。读屏软件会朗读这句话，图片无法显示时也会显示它。"
        f" / image {image} has no alt text: describe what the photo shows in the square brackets, e.g. "
        f"{_ALT_EXAMPLE_EN}. Screen readers read it out, and it shows when the image cannot."
    )


def alt_is_file_name(source: str, line: int | None, image: str, alt: str) -> str:
    return (
        f"{_at(source, line)}: 图片 {image} 的替代文字“{alt}”是文件名，不是说明。请改为一句描述照片内容的话，"
        f"例如 {_ALT_EXAMPLE}。"
        f" / the alt text of image {image}, '{alt}', is a file name, not a description; write what the photo shows "
        f"instead, e.g. {_ALT_EXAMPLE_EN}."
    )


def alt_is_generic(source: str, line: int | None, image: str, alt: str) -> str:
    return (
        f"{_at(source, line)}: 图片 {image} 的替代文字“{alt}”没有说明照片的内容。请写明照片里是谁、在做什么，"
        f"例如 {_ALT_EXAMPLE}。"
        f" / the alt text of image {image}, '{alt}', does not say what the photo shows; say who is in it and what "
        f"happens, e.g. {_ALT_EXAMPLE_EN}."
    )


def alt_in_wrong_language(source: str, line: int | None, image: str, alt: str, language: str) -> str:
    if language == "zh":
        return (
            f"{_at(source, line)}: 中文文章中图片 {image} 的替代文字“{alt}”不是中文。请用中文说明照片的内容。"
            f" / the alt text of image {image} in a Chinese page, '{alt}', is not in Chinese; describe the photo "
            "in Chinese."
        )
    return (
        f"{_at(source, line)}: 英文文章中图片 {image} 的替代文字“{alt}”不是英文。请用英文说明照片的内容。"
        f" / the alt text of image {image} in an English page, '{alt}', is not in English; describe the photo "
        "in English."
    )


# Cover images.


def cover_not_an_image_path(value: object) -> str:
    return (
        f"{value!r} 不是图片的路径。请写从文章所在文件夹算起的相对路径，例如 cover: summer-training-2024/meeting.jpg"
        f"（可用的格式：{'、'.join(PHOTO_EXTENSIONS)}）。"
        f" / {value!r} is not the path of an image; write it relative to the post's folder, e.g. "
        f"cover: summer-training-2024/meeting.jpg (formats: {', '.join(PHOTO_EXTENSIONS)})."
    )


def cover_missing(source: str, line: int | None, value: str) -> str:
    return (
        f"{_at(source, line)}: cover: 找不到封面图片 {value}。路径从文章所在的文件夹算起，请检查文件名和文件夹。"
        f" / cover: there is no image {value}; the path is relative to the post's folder: check the file name and "
        "the folders."
    )


# Attachments.


def attachment_missing(source: str, line: int | None, link: str) -> str:
    return (
        f"{_at(source, line)}: 找不到链接的附件 {link}。请把文件放到 docs/ 中（例如 docs/assets/files/），"
        "并检查链接中的路径和文件名（路径从文章所在的文件夹算起）。"
        f" / the attachment {link} that the page links to does not exist; put the file in docs/ (e.g. "
        "docs/assets/files/) and check the path and file name in the link (relative to the page's folder)."
    )
