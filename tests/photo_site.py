"""Copies of the project with photos and attachments in their posts, for the build and browser tests."""

from __future__ import annotations

from pathlib import Path

from imagefiles import write_phone_jpeg, write_png
from PIL import Image, ImageDraw

# Made by another part of the project (the brand images); a test makes stand-ins when they are not there yet.
BRAND_IMAGES = {
    "assets/images/share-card-zh.png": (1200, 630),
    "assets/images/share-card-en.png": (1200, 630),
    "assets/images/logo-512.png": (512, 512),
}
SHARED_PHOTOS = "assets/images/news"


def ensure_brand_images(project: Path) -> None:
    """Stand-ins for the default share cards and the raster logo where the project has none (never committed)."""
    for number, (path, size) in enumerate(BRAND_IMAGES.items()):
        target = project / "docs" / path
        if not target.exists():
            card = Image.new("RGB", size, (63, 81, 181 - number))
            ImageDraw.Draw(card).rectangle((40, 40, size[0] - 40, size[1] - 40), outline="white", width=8)
            write_png(target, card, text="stand-in made by tests/photo_site.py")


def add_to_post(project: Path, lang: str, slug: str, markdown: str, *, front_matter: str = "") -> Path:
    """Add Markdown after the post's excerpt break (and fields to its front matter)."""
    post = project / "docs" / lang / "news" / "posts" / f"{slug}.md"
    text = post.read_text(encoding="utf-8")
    if front_matter:
        text = text.replace("\n---\n", f"\n{front_matter}\n---\n", 1)
    post.write_text(text.replace("<!-- more -->\n", f"<!-- more -->\n\n{markdown}\n", 1), encoding="utf-8")
    return post


FIVE_PHOTOS_POST = "launch-ceremony"
PARAGRAPHS = {
    "zh": "集团将立足重庆产业和市场需求，以培养工业设计技术技能人才为重点，建设运行机制创新、资源共享有效、"
    "合作育人特色鲜明、产教融合成效显著的市级示范性职业教育集团。",
    "en": "The group will build on Chongqing's industries and market needs, focusing on training skilled talent in "
    "industrial design, with innovative mechanisms, effective resource sharing and distinctive cooperative education.",
}
ALTS = {
    "zh": ["启动仪式现场", "领导为集团揭牌", "成员单位代表合影", "学生在实训车间操作数控机床", "设计作品展览"],
    "en": ["The launch ceremony", "Leaders unveil the plaque", "Member units' representatives",
           "Students at a CNC machine in the workshop", "The design exhibition"],
}  # fmt: skip


def add_five_photo_post(project: Path) -> str:
    """The launch-ceremony post, in both languages, as a group publishes one: five phone photos (2000 x 1500; the
    site shows them at most 1600 wide), a few paragraphs apart. Returns the post's site path below a language."""
    folder = project / "docs" / SHARED_PHOTOS / FIVE_PHOTOS_POST
    for number in range(5):
        write_phone_jpeg(folder / f"photo-{number + 1}.jpg", 2000, 1500, seed=10 + number)
    for lang in ("zh", "en"):
        parts = []
        for number, alt in enumerate(ALTS[lang], 1):
            parts.append(f"![{alt}](../../../{SHARED_PHOTOS}/{FIVE_PHOTOS_POST}/photo-{number}.jpg)")
            parts += [PARAGRAPHS[lang]] * 4
        add_to_post(project, lang, FIVE_PHOTOS_POST, "\n\n".join(parts))
    return f"news/2023/{FIVE_PHOTOS_POST}/"
