"""Alt text: every photo on a page says, in the page's language, what it shows.

Refused: no alt text; a file name (`IMG_0012.jpg`, `DSC01234`, `微信图片_20230517093000`, the photo's own file name);
a word that says nothing (`图片`, `photo`); a Chinese page's alt text without Chinese, an English page's without
English letters (an English alt text may name a place in Chinese as well).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Literal

from . import messages

Problem = Literal["missing", "file name", "generic", "language"]

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")
IMAGE_EXTENSION = re.compile(r"\.(jpe?g|png|webp|heic|heif|avif|gif|tiff?|bmp)$", re.IGNORECASE)
# How cameras, phones and chat apps name their files: a name, then digits (and separators).
CAMERA_NAME = re.compile(
    r"^(img|dsc[nf]?|dcim|pxl|mvimg|pano|photo|image|pic|screenshot|wechatimg|wx_camera|mmexport|微信图片|屏幕截图|截图"
    r"|照片|图片)?[\s_\-]*\d[\d\s_\-]*(\(\d+\))?$",
    re.IGNORECASE,
)
GENERIC = frozenset(
    {
        "图片",
        "照片",
        "图像",
        "相片",
        "配图",
        "插图",
        "图",
        "无",
        "image",
        "photo",
        "picture",
        "img",
        "pic",
        "alt",
        "none",
    }
)


def alt_problem(alt: str | None, file_name: str, language: str) -> Problem | None:
    """What is wrong with a photo's alt text on a page in `language` ('zh' or 'en'), or None."""
    text = " ".join((alt or "").split())
    if not text:
        return "missing"
    lowered = text.lower()
    if IMAGE_EXTENSION.search(text) or CAMERA_NAME.match(text):
        return "file name"
    if lowered in (file_name.lower(), PurePosixPath(file_name).stem.lower()):
        return "file name"
    if lowered.strip("。.!！ ") in GENERIC:
        return "generic"
    if language == "zh" and not HAN.search(text):
        return "language"
    if language == "en" and not LATIN.search(text):
        return "language"
    return None


def alt_message(problem: Problem, source: str, line: int | None, image: str, alt: str | None, language: str) -> str:
    if problem == "missing":
        return messages.alt_missing(source, line, image)
    text = alt or ""
    if problem == "file name":
        return messages.alt_is_file_name(source, line, image, text)
    if problem == "generic":
        return messages.alt_is_generic(source, line, image, text)
    return messages.alt_in_wrong_language(source, line, image, text, language)
