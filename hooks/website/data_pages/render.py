"""Render the data into HTML for one language, through autoescaping Jinja templates.

Pages ask for a piece with an HTML comment marker, e.g. `<!-- data:members-directory -->` or
`<!-- data:college-facts die-casting-mold-college -->`; `replace_markers` swaps each marker for its HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from website.dates import date_label, partial_date
from website.templating import template_environment

from .models import College, SiteData
from .ui_text import ACTION_AREAS, ACTION_STATUSES, COLLEGE_KINDS, MEMBER_ROLES, MEMBER_TYPES, SCHOOL_TYPES, UI

MARKER = re.compile(r"<!--\s*data:(?P<name>[a-z-]+)(?:\s+(?P<argument>[a-z0-9-]+))?\s*-->")
# The data files (in data/) each marker's HTML is made from: a page showing it changes when they change.
MARKER_SOURCES = {
    "members-directory": ("members.yml",),
    "colleges-index": ("colleges.yml",),
    "college-facts": ("colleges.yml", "members.yml"),
    "action-board": ("action-items.yml",),
    "timeline": ("milestones.yml",),
    "contact-details": ("contact.yml",),
}

_ENV = template_environment(Path(__file__).parent / "templates")
_ENV.filters["date"] = lambda value, lang, period=None: date_label(*partial_date(value, period), lang)


def data_files_shown(markdown: str) -> list[str]:
    """The data files whose content a page shows, by the markers in its Markdown."""
    names = (match["name"] for match in MARKER.finditer(markdown))
    return sorted({source for name in names for source in MARKER_SOURCES.get(name, ())})


class MarkerError(Exception):
    """A page asks for something the data cannot give (an unknown marker or id)."""


@dataclass(frozen=True)
class Link:
    url: str
    title: str


class Links(Protocol):
    """Where things are on the built site, relative to the page being rendered."""

    def posts(self, slugs: Sequence[str]) -> list[Link]: ...

    def college_page(self, college_id: str) -> str | None: ...

    def member(self, member_id: str) -> str: ...

    def asset(self, path: str) -> str | None:
        """A file below docs/ ('assets/images/x.png'); None when there is none."""
        ...


@dataclass(frozen=True)
class ChartBar:
    label: str
    count: int
    y: int
    width: float
    muted: bool


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart in SVG user units: labels right-aligned before `bar_x`, counts after each bar."""

    bars: tuple[ChartBar, ...]
    width: int = 520
    label_width: int = 240
    bar_space: int = 230
    row: int = 30

    @property
    def height(self) -> int:
        return self.row * len(self.bars)

    @property
    def bar_x(self) -> int:
        return self.label_width + 8

    @classmethod
    def of(cls, counts: list[tuple[str, int, bool]]) -> BarChart:
        largest = max((count for _, count, _ in counts), default=1)
        return cls(
            tuple(
                ChartBar(label, count, index * cls.row, cls.bar_space * count / largest, muted)
                for index, (label, count, muted) in enumerate(counts)
            )
        )


class Renderer:
    def __init__(self, data: SiteData, language: str, links: Links) -> None:
        if language not in UI:
            raise MarkerError(f"no data text for the language '{language}': expected one of {', '.join(UI)}")
        self.data = data
        self.lang = language
        self.links = links
        self.ui = UI[language]

    def _render(self, template: str, **context: object) -> str:
        return _ENV.get_template(template).render(lang=self.lang, t=self.ui, links=self.links, **context)

    def markers(self) -> dict[str, Callable[[str | None], str]]:
        return {
            "members-directory": self._no_argument(self.members_directory),
            "colleges-index": self._no_argument(self.colleges_index),
            "college-facts": self.college_facts,
            "action-board": self._no_argument(self.action_board),
            "timeline": self._no_argument(self.timeline),
            "contact-details": self._no_argument(self.contact_details),
            "to-be-completed": self._no_argument(self.to_be_completed),
        }

    @staticmethod
    def _no_argument(render: Callable[[], str]) -> Callable[[str | None], str]:
        def call(argument: str | None) -> str:
            if argument is not None:
                raise MarkerError(f"this marker takes no id, found '{argument}'")
            return render()

        return call

    def replace_markers(self, html: str) -> str:
        """The page's HTML with every data marker replaced; MarkerError names the first marker that is wrong."""
        available = self.markers()

        def replace(match: re.Match[str]) -> str:
            render = available.get(match["name"])
            if render is None:
                raise MarkerError(
                    f"unknown marker '{match[0]}': expected one of "
                    + ", ".join(f"<!-- data:{name} -->" for name in available)
                )
            try:
                return render(match["argument"])
            except MarkerError as error:
                raise MarkerError(f"marker '{match[0]}': {error}") from None

        return MARKER.sub(replace, html)

    def members_directory(self) -> str:
        directory = self.data.members
        members = directory.members
        groups = [
            (kind, label[self.lang], [m for m in members if m.type == kind]) for kind, label in MEMBER_TYPES.items()
        ]
        groups = [group for group in groups if group[2]]
        measures = {kind: self._measure(kind) for kind, _, _ in groups}
        counts = [(label, len(group), measures[kind], False) for kind, label, group in groups]
        unlisted = directory.stated_total - len(members)
        if unlisted > 0:
            counts.append((self.ui.not_yet_listed, unlisted, self.ui.unit_measure, True))
        optional = {
            column: any(getattr(m, column) is not None for m in members) for column in ("district", "website", "joined")
        }
        return self._render(
            "members.html",
            other="en" if self.lang == "zh" else "zh",
            groups=groups,
            guiding_bodies=directory.guiding_bodies,
            listed=len(members),
            stated=directory.stated_total,
            unlisted=max(unlisted, 0),
            measures=measures,
            chart=BarChart.of([(label, count, muted) for label, count, _, muted in counts]),
            chart_parts=self.ui.list_separator.join(
                self.ui.chart_part.format(label=label, count=count, measure=measure)
                for label, count, measure, _ in counts
            ),
            optional=optional,
            roles=MEMBER_ROLES,
        )

    def _measure(self, member_type: str) -> str:
        """The word Chinese counts a unit of this type with: schools 所, other units 家."""
        return self.ui.school_measure if member_type in SCHOOL_TYPES else self.ui.unit_measure

    def colleges_index(self) -> str:
        groups = [
            (label[self.lang], [c for c in self.data.colleges if c.kind == kind])
            for kind, label in COLLEGE_KINDS.items()
        ]
        return self._render("colleges.html", groups=[g for g in groups if g[1]], parents=self._parents())

    def college_facts(self, college_id: str | None) -> str:
        ids = [c.id for c in self.data.colleges]
        if college_id not in ids:
            raise MarkerError(f"no college has the id '{college_id}': expected one of {', '.join(ids)}")
        college = self.data.college(college_id)
        return self._render(
            "college_facts.html",
            college=college,
            kind=COLLEGE_KINDS[college.kind][self.lang],
            parent=self._parents().get(college.id),
            children=[c for c in self.data.colleges if c.parent == college.id],
            partners=[self.data.member(p) for p in college.partners],
        )

    def _parents(self) -> dict[str, College]:
        return {c.id: self.data.college(c.parent) for c in self.data.colleges if c.parent}

    def action_board(self) -> str:
        items = self.data.action_items
        done = sum(1 for item in items if item.status == "done")
        columns = [
            (status, label[self.lang], [item for item in items if item.status == status])
            for status, label in ACTION_STATUSES.items()
        ]
        return self._render(
            "action_board.html",
            columns=columns,
            done=done,
            total=len(items),
            percent=round(100 * done / len(items)) if items else 0,
            areas=ACTION_AREAS,
        )

    def timeline(self) -> str:
        return self._render("timeline.html", milestones=sorted(self.data.milestones, key=lambda m: m.sort_key))

    def contact_details(self) -> str:
        contact = self.data.contact
        path = contact.wechat.qr_code
        qr_code = self.links.asset(path) if path else None
        if path and qr_code is None:
            raise MarkerError(
                f"data/contact.yml: wechat.qr_code: 没有 docs/{path} 这个文件：请把二维码图片放在那里，或改正路径 / "
                f"there is no file docs/{path}: put the QR code image there or correct the path"
            )
        return self._render("contact.html", contact=contact, qr_code=qr_code)

    def to_be_completed(self) -> str:
        return self._render("to_be_completed.html")


def footer_contact(data: SiteData, language: str) -> str:
    """The contact details in the footer of every page: address, telephone and e-mail, each or the mark that it is
    still to be completed."""
    return _ENV.get_template("contact_footer.html").render(lang=language, t=UI[language], contact=data.contact)
