"""Everything the site still marks as to be completed (待补充 / To be completed), for the group's staff to supply:
`make to-be-completed` (scripts/writer_tools.py) lists it with a total.

The site has one mark for it (templates/_to_be_completed.html), shown for: a page's marker
`<!-- data:to-be-completed -->` (the charter's articles), each empty field of data/contact.yml, and the member units
that data/members.yml does not list yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .models import SiteData
from .render import MARKER
from .ui_text import UI

PAGE_MARKER = "to-be-completed"
# What each field of data/contact.yml is called on the site.
CONTACT_LABELS = {
    "address": "contact_address",
    "postcode": "contact_postcode",
    "phone": "contact_phone",
    "email": "contact_email",
    "office_hours": "contact_office_hours",
    "wechat.name": "contact_wechat",
    "wechat.qr_code": "contact_wechat_qr",
}


@dataclass(frozen=True)
class Gap:
    where: str  # the file, and the line for a page: docs/zh/charter/index.md:15
    what: str  # what is missing, in words


def page_gaps(docs_dir: Path) -> Iterator[Gap]:
    """Each to-be-completed marker in the pages, with the heading it stands under."""
    for path in sorted(docs_dir.rglob("*.md")):
        heading = ""
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if line.startswith("#"):
                heading = line.lstrip("#").split("{#")[0].strip()
            for match in MARKER.finditer(line):
                if match["name"] == PAGE_MARKER:
                    yield Gap(f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}:{number}", heading)


def data_gaps(data: SiteData) -> Iterator[Gap]:
    """Each empty contact detail, and the member units not listed yet."""
    for name in data.contact.missing:
        label = CONTACT_LABELS[name]
        yield Gap("data/contact.yml", f"contact.{name}（{getattr(UI['zh'], label)} / {getattr(UI['en'], label)}）")
    directory = data.members
    unlisted = directory.stated_total - len(directory.members)
    if unlisted > 0:
        yield Gap(
            "data/members.yml",
            f"尚未列入名录的成员单位 {unlisted} 家（共 {directory.stated_total} 家）/ "
            f"{unlisted} of the {directory.stated_total} member units not listed yet",
        )
