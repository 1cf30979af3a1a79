"""News posts without MkDocs: the categories and authors of data/news.yml, each post's front matter checked
against them, how a post's date is shown, and which blog pages a language's build will have."""

from __future__ import annotations

import copy
import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any, Literal, cast, get_args

import jsonschema
import yaml
from mkdocs.utils.meta import YAML_RE
from website.media.messages import cover_not_an_image_path
from website.media.photos import is_cover_path

Precision = Literal["day", "month", "semester"]
PRECISIONS: tuple[str, ...] = get_args(Precision)
# A post's file name is its URL: lowercase ASCII words joined by hyphens.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = ("title", "description", "date", "date_precision", "categories", "authors", "draft", "pin", "links", "cover")
EXCERPT_BREAK = "<!-- more -->"  # the blog plugin's post_excerpt_separator
CHINA_TIME = timezone(timedelta(hours=8), "CST")
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NewsError(Exception):
    """Bad news data or posts; the message names each file, line and field, and what was expected."""


@dataclass(frozen=True)
class Vocabulary:
    """The fixed lists of data/news.yml: category id -> {language: name}, author id -> entry."""

    categories: Mapping[str, Mapping[str, str]]
    authors: Mapping[str, Mapping[str, Any]]

    def category_ids(self, lang: str) -> dict[str, str]:
        """Category names in a language -> ids."""
        return {names[lang]: cid for cid, names in self.categories.items()}

    def category_slug(self, name: str, separator: str = "-") -> str:
        """The id of a category named in any language (the blog plugin's `categories_slugify`)."""
        for cid, names in self.categories.items():
            if name in names.values():
                return cid
        raise NewsError(f"unknown news category {name!r}")


def load_vocabulary(path: Path) -> Vocabulary:
    schema_path = path.with_suffix(".schema.json")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as error:
        raise NewsError(f"{path}: cannot read news categories and authors: {error}") from error
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    problems = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    if problems:
        lines = [f"{path}: {'/'.join(map(str, p.path)) or '(top level)'}: {p.message}" for p in problems]
        raise NewsError("\n".join(lines))
    return Vocabulary(categories=data["categories"], authors=data["authors"])


@dataclass(frozen=True)
class PostMeta:
    """What the site needs from one post's front matter, once checked."""

    source: str  # the file as the writer knows it, e.g. docs/zh/news/posts/launch-ceremony.md
    lang: str
    slug: str
    title: str
    description: str
    date: date  # as written: a date, or a datetime
    precision: Precision
    category_ids: tuple[str, ...]
    authors: tuple[str, ...]
    draft: bool | None

    @property
    def created(self) -> datetime:
        """The date as Material's blog plugin reads it: a date is midnight UTC, a naive datetime is UTC."""
        value = self.date if isinstance(self.date, datetime) else datetime.combine(self.date, time())
        return value if value.tzinfo else value.replace(tzinfo=UTC)

    @property
    def year(self) -> str:
        return f"{self.date.year:04d}"

    def is_published(self, now: datetime, drafts_shown: bool) -> bool:
        """The blog plugin's rule (draft, draft_if_future_date): an explicit `draft` wins, else no future date."""
        if drafts_shown:
            return True
        if self.draft is not None:
            return not self.draft
        return self.created <= now


def read_front_matter(text: str, source: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter of a Markdown file and the line of each field; NewsError if there is none or it is not YAML."""
    data, lines = _parse_front_matter(text, source)
    return copy.deepcopy(data), dict(lines)


# Every language's build checks every language's posts, and the preview does at each save: a post is parsed again
# only when its text changed.
@functools.lru_cache(maxsize=16384)
def _parse_front_matter(text: str, source: str) -> tuple[dict[str, Any], dict[str, int]]:
    match = YAML_RE.match(text)
    if not match:
        raise NewsError(
            f"{source}:1: front matter missing: a post starts with a line '---', its fields "
            "(title, description, date, categories), and another line '---'"
        )
    loader = _Loader(match.group(1))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise NewsError(f"{source}:{line}: front matter is not valid YAML: {error}") from error
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise NewsError(f"{source}:2: front matter must be fields ('name: value'), found {type(data).__name__}")
    # Line 1 is '---'; YAML marks count from 0.
    lines = {key.value: key.start_mark.line + 2 for key, _ in node.value} if node is not None else {}
    return data, lines


def check_post(text: str, source: str, lang: str, slug: str, vocab: Vocabulary) -> tuple[PostMeta | None, list[str]]:
    """The post's metadata, or the problems found in it, each as 'file:line: field: what is expected'."""
    try:
        data, lines = read_front_matter(text, source)
    except NewsError as error:
        return None, [str(error)]
    problems: list[str] = []

    def problem(name: str, message: str) -> None:
        problems.append(f"{source}:{lines.get(name, 1)}: {name}: {message}")

    if not SLUG_RE.match(slug):
        problems.append(
            f"{source}:1: file name: '{slug}' becomes the post's URL; use lowercase ASCII letters, digits and "
            "hyphens, e.g. launch-ceremony.md"
        )
    for name in data:
        if name not in FIELDS:
            problem(str(name), f"unknown field; expected one of: {', '.join(FIELDS)}")

    title, description = data.get("title"), data.get("description")
    for name, value in (("title", title), ("description", description)):
        if not isinstance(value, str) or not value.strip():
            problem(name, "missing; expected a line of text")

    value = data.get("date")
    if "date" not in data:
        problem("date", "missing; expected the date of the news, e.g. 2024-03-15 (YYYY-MM-DD)")
    elif not isinstance(value, date):
        problem("date", f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2024-03-15")

    precision = data.get("date_precision", "day")
    if precision not in PRECISIONS:
        problem("date_precision", f"{precision!r}; expected one of: {', '.join(PRECISIONS)}")
    elif isinstance(value, date) and precision != "day":
        if value.day != 1 or isinstance(value, datetime):
            problem("date", f"with date_precision: {precision}, write the first day of the month, e.g. 2023-01-01")
        elif precision == "semester" and value.month == 1:
            problem("date", "with date_precision: semester, write the semester's first month (2-7 spring, 8-12 autumn)")

    names = vocab.category_ids(lang)
    categories = data.get("categories")
    category_ids: list[str] = []
    if not isinstance(categories, list) or not categories:
        problem("categories", f"missing; expected a list of one or more of: {', '.join(names)}")
    else:
        for name in categories:
            if name in names:
                category_ids.append(names[name])
            else:
                problem("categories", f"{name!r} is not a news category; expected one of: {', '.join(names)}")

    authors = data.get("authors", [])
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        problem("authors", f"expected a list of author ids from data/news.yml: {', '.join(vocab.authors)}")
        authors = []
    for author in authors:
        if author not in vocab.authors:
            problem("authors", f"{author!r} is not a known author; expected one of: {', '.join(vocab.authors)}")

    draft = data.get("draft")
    if draft is not None and not isinstance(draft, bool):
        problem("draft", f"{draft!r}; expected true or false")

    # The cover's file is looked for by hooks/photos.py, which knows the site's files.
    cover = data.get("cover")
    if "cover" in data and not is_cover_path(cover):
        problem("cover", cover_not_an_image_path(cover))

    if EXCERPT_BREAK not in text:
        problems.append(
            f"{source}: excerpt: no '{EXCERPT_BREAK}' line; put it after the first paragraph, which the news list shows"
        )

    if problems:
        return None, problems
    meta = PostMeta(
        source=source,
        lang=lang,
        slug=slug,
        title=cast(str, title),
        description=cast(str, description),
        date=cast(date, value),
        precision=cast(Precision, precision),
        category_ids=tuple(category_ids),
        authors=tuple(authors),
        draft=cast("bool | None", draft),
    )
    return meta, []


def check_translations(posts: Iterable[PostMeta]) -> list[str]:
    """A post and its translation share one date (so one URL) and the same categories."""
    by_slug: dict[str, list[PostMeta]] = {}
    for meta in posts:
        by_slug.setdefault(meta.slug, []).append(meta)
    problems = []
    for versions in by_slug.values():
        first, *others = versions
        for other in others:
            for name, a, b in (
                ("date", first.date, other.date),
                ("date_precision", first.precision, other.precision),
                ("categories", sorted(first.category_ids), sorted(other.category_ids)),
            ):
                if a != b:
                    problems.append(
                        f"{other.source}: {name}: differs from its translation {first.source} ({b} against {a}); "
                        "a post and its translation share the same date and categories"
                    )
    return problems


# ---------------------------------------------------------------------------------------------------------------
# Dates as the source gives them: a day, a month, or a semester.


class PostDate(datetime):
    """A post's date that knows its precision, so that templates show (and `str()` gives) no invented day."""

    precision: Precision = "day"

    @classmethod
    def of(cls, value: datetime, precision: Precision) -> PostDate:
        result = cls.combine(value.date(), value.timetz())
        result.precision = precision
        return result

    def __str__(self) -> str:
        return iso_date(self, self.precision)


def iso_date(value: date, precision: Precision) -> str:
    """A valid HTML date string at the given precision: 2023-05-17, 2023-01, 2022."""
    if precision == "day":
        return f"{value:%Y-%m-%d}"
    if precision == "month":
        return f"{value:%Y-%m}"
    return f"{value:%Y}"


MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_label(value: date, precision: Precision, lang: str) -> str:
    """How a reader sees a post's date: 2023 年 5 月 17 日 / 17 May 2023, 2023 年 1 月 / January 2023,
    2022 年秋季学期 / Autumn semester 2022."""
    autumn = value.month >= 8
    if lang == "zh":
        if precision == "day":
            return f"{value.year} 年 {value.month} 月 {value.day} 日"
        if precision == "month":
            return f"{value.year} 年 {value.month} 月"
        return f"{value.year} 年{'秋季' if autumn else '春季'}学期"
    if precision == "day":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    if precision == "month":
        return f"{MONTHS_EN[value.month - 1]} {value.year}"
    return f"{'Autumn' if autumn else 'Spring'} semester {value.year}"


def rfc822(value: date) -> str:
    """An RSS pubDate; a date alone is midnight in China, where the group is."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(), CHINA_TIME)
    elif value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return format_datetime(value)


# ---------------------------------------------------------------------------------------------------------------
# Which pages a language's blog has, for the language switcher of the other language.

# (kind, key, page number): ("post", slug, 1), ("index", "", 2), ("archive", "2023", 1), ("category", id, 1)
ViewKey = tuple[str, str, int]


@dataclass(frozen=True)
class BlogShape:
    slugs: frozenset[str]
    counts: Mapping[tuple[str, str], int]  # (kind, key) -> number of posts in that view
    per_page: int

    @classmethod
    def of(cls, posts: Iterable[PostMeta], per_page: int) -> BlogShape:
        posts = list(posts)
        counts: Counter[tuple[str, str]] = Counter()
        for meta in posts:
            counts["index", ""] += 1
            counts["archive", meta.year] += 1
            for cid in meta.category_ids:
                counts["category", cid] += 1
        return cls(frozenset(m.slug for m in posts), dict(counts), per_page)

    def has(self, view: ViewKey) -> bool:
        kind, key, page = view
        if kind == "post":
            return key in self.slugs
        if kind == "index" and page == 1:
            return True  # the blog index exists even with no posts
        return page <= math.ceil(self.counts.get((kind, key), 0) / self.per_page)
