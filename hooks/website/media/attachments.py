"""Attachments: a link to a PDF, Word, Excel, PowerPoint or ZIP file in docs/ says what the file is and how large,
in the page's language, e.g. "Application form (Excel, 36 KB)" (templates/photo.html words it in Chinese)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

# Extension -> {language: what the reader is told the file is}.
KINDS: dict[str, dict[str, str]] = {
    ".pdf": {"zh": "PDF", "en": "PDF"},
    ".doc": {"zh": "Word", "en": "Word"},
    ".docx": {"zh": "Word", "en": "Word"},
    ".xls": {"zh": "Excel", "en": "Excel"},
    ".xlsx": {"zh": "Excel", "en": "Excel"},
    ".ppt": {"zh": "PowerPoint", "en": "PowerPoint"},
    ".pptx": {"zh": "PowerPoint", "en": "PowerPoint"},
    ".zip": {"zh": "ZIP 压缩包", "en": "ZIP archive"},
}


@dataclass(frozen=True)
class Attachment:
    source: str  # docs/assets/files/报名表.xlsx
    size: int  # bytes

    @property
    def extension(self) -> str:
        return PurePosixPath(self.source).suffix.lower()

    def kind(self, language: str) -> str:
        names = KINDS[self.extension]
        return names.get(language, names["en"])


def is_attachment(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() in KINDS


def size_label(size: int) -> str:
    """36 KB, 1.2 MB: kilobytes of 1,024 bytes, at least 1 KB; megabytes with one decimal."""
    kilobytes = size / 1024
    if kilobytes < 1000:
        return f"{max(1, round(kilobytes))} KB"
    return f"{kilobytes / 1024:.1f} MB"
