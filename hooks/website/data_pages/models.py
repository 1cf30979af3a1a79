"""The validated content of the data files, as typed values the templates read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from website.dates import SEMESTER_START

# A text in both languages: {"zh": ..., "en": ...}; the schema guarantees both keys.
Localized = dict[str, str]


@dataclass(frozen=True)
class Member:
    id: str
    name: Localized
    type: str
    role: str
    district: Localized | None = None
    website: str | None = None
    joined: int | None = None


@dataclass(frozen=True)
class MemberDirectory:
    stated_total: int
    entries: tuple[Member, ...]

    @property
    def members(self) -> tuple[Member, ...]:
        """The member units proper; a guiding body guides the group and is not one of its units."""
        return tuple(m for m in self.entries if m.role != "guiding-body")

    @property
    def guiding_bodies(self) -> tuple[Member, ...]:
        return tuple(m for m in self.entries if m.role == "guiding-body")


@dataclass(frozen=True)
class Fact:
    label: Localized
    value: Localized


@dataclass(frozen=True)
class College:
    id: str
    kind: str
    name: Localized
    established: str | None = None
    parent: str | None = None
    partners: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class ActionItem:
    id: str
    title: Localized
    area: str
    status: str
    target: str | None = None
    completed: str | None = None
    related_posts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Milestone:
    id: str
    date: str
    title: Localized
    period: str | None = None
    related_posts: tuple[str, ...] = ()

    @property
    def sort_key(self) -> str:
        """The date, with a semester given as its first month when the date names no month."""
        if self.period and len(self.date) == 4:
            return f"{self.date}-{SEMESTER_START[self.period]:02d}"
        return self.date


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    avoid: tuple[str, ...] = ()  # English renderings not to use (tests/test_usage.py)


@dataclass(frozen=True)
class Wechat:
    name: str | None = None
    qr_code: str | None = None  # an image's path below docs/


@dataclass(frozen=True)
class Contact:
    """The group's contact details; None where the group has not supplied one yet (待补充 / To be completed)."""

    address: Localized | None = None
    postcode: str | None = None
    phone: str | None = None
    email: str | None = None
    office_hours: Localized | None = None
    wechat: Wechat = field(default_factory=Wechat)

    @property
    def missing(self) -> tuple[str, ...]:
        """The fields still to be completed, as data/contact.yml names them."""
        values = {
            "address": self.address,
            "postcode": self.postcode,
            "phone": self.phone,
            "email": self.email,
            "office_hours": self.office_hours,
            "wechat.name": self.wechat.name,
            "wechat.qr_code": self.wechat.qr_code,
        }
        return tuple(name for name, value in values.items() if value is None)


@dataclass(frozen=True)
class Vocabulary:
    """The news categories and authors of data/news.yml: category id -> {language: name}, author id -> entry."""

    categories: Mapping[str, Localized]
    authors: Mapping[str, Mapping[str, Any]]

    def category_ids(self, lang: str) -> dict[str, str]:
        """Category names in a language -> ids."""
        return {names[lang]: cid for cid, names in self.categories.items()}

    def category_slug(self, name: str, separator: str = "-") -> str:
        """The id of a category named in any language (the blog plugin's `categories_slugify`)."""
        for cid, names in self.categories.items():
            if name in names.values():
                return cid
        raise KeyError(f"unknown news category {name!r}")


@dataclass(frozen=True)
class SiteData:
    members: MemberDirectory
    colleges: tuple[College, ...]
    action_items: tuple[ActionItem, ...]
    milestones: tuple[Milestone, ...]
    glossary: tuple[Term, ...]
    news: Vocabulary
    contact: Contact = field(default_factory=Contact)

    def member(self, member_id: str) -> Member:
        return next(m for m in self.members.entries if m.id == member_id)

    def college(self, college_id: str) -> College:
        return next(c for c in self.colleges if c.id == college_id)
