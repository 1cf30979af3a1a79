"""Photos put in a copy of the project's posts, for the tests, the bench and `make lighthouse --photos`."""

from __future__ import annotations

from pathlib import Path

from sample_images import write_phone_jpeg

SHARED_PHOTOS = "assets/images/news"  # below docs/: where WRITING.zh.md tells writers to put a post's photos


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
