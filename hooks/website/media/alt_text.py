"""Alt text: every photo on a page says, in the page's language, what it shows.

Refused: no alt text; a file name (`IMG_0012.jpg`, `DSC01234`, `微信图片_20230517093000`, the photo's own file name);
a word that says nothing (`图片`, `photo`); a Chinese page's alt text without Chinese, an English page's without
English letters (an English alt text may name a place in Chinese as well).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Literal

from website.messages.problems import Problem, problem

from .source_lines import line_of

Fault = Literal["missing", "file name", "generic", "language"]
# The catalogue's message for each fault; for the wrong language, the page's language's.
MESSAGES: dict[Fault, str] = {
    "missing": "photo.alt_missing",
    "file name": "photo.alt_file_name",
    "generic": "photo.alt_generic",
}
WRONG_LANGUAGE = {"zh": "photo.alt_not_chinese", "en": "photo.alt_not_english"}
FIELD = "alt"

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


def alt_fault(alt: str | None, file_name: str, language: str) -> Fault | None:
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


def alt_text_problem(
    source: str, text: str, image: str, occurrence: int, alt: str | None, language: str
) -> Problem | None:
    """The writer's problem with the alt text of the `occurrence`-th (from 0) photo named `image` on the page
    `source` (its Markdown `text`), written in `language`; None when the alt text is fine. The build and
    `make check` both ask here."""
    fault = alt_fault(alt, image, language)
    if fault is None:
        return None
    line = line_of(text, image, occurrence)
    if fault == "missing":
        return problem(source, line, FIELD, MESSAGES[fault], image=image)
    message_id = WRONG_LANGUAGE[language] if fault == "language" else MESSAGES[fault]
    return problem(source, line, FIELD, message_id, image=image, alt=alt or "")
