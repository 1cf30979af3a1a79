"""News posts without MkDocs: the categories and authors of data/news.yml, and each post's front matter checked
against them. A post's date is Beijing time (website/dates.py); which posts are published is decided in schedule.py."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

import yaml

from website.data_pages.models import Vocabulary
from website.dates import CHINA_TIME, Precision, in_beijing
from website.upstream import FRONT_MATTER

# How precisely a post may be dated: a day (with a time or not), or a month or semester when the source gives no day.
POST_PRECISIONS: tuple[Precision, ...] = ("day", "month", "semester")
# A post's file name is its URL: lowercase ASCII words joined by hyphens.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = ("title", "description", "date", "date_precision", "categories", "authors", "draft", "pin", "links")
EXCERPT_BREAK = "<!-- more -->"  # the blog plugin's post_excerpt_separator
NEWS_DIR = "news"  # below a language's folder of docs/: the blog
POSTS_DIR = f"{NEWS_DIR}/posts"  # where the blog plugin reads its posts

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """YAML as the safe loader reads it, except that dates stay text: the post check reads them itself, so that
    `date: 2026-13-01` gets a message naming the field instead of a traceback from the YAML library."""


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

# YYYY-MM-DD, optionally a time (HH:MM or HH:MM:SS) after a space or T, optionally an offset (+08:00, Z).
_DATE = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[Tt ]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<offset>[Zz]|[+-]\d{2}:?\d{2})?)?$"
)
DATE_EXAMPLE = (
    "例如 2024-03-15，或带时间 2024-03-15 09:30（北京时间）/ e.g. 2024-03-15, or with a time 2024-03-15 09:30"
)


class NewsError(Exception):
    """Bad news data or posts; the message names each file, line and field, and what was expected."""


@dataclass(frozen=True)
class PostMeta:
    """What the site needs from one post's front matter, once checked."""

    source: str  # the file as the writer knows it, e.g. docs/zh/news/posts/launch-ceremony.md
    lang: str
    slug: str
    title: str
    description: str
    published_at: datetime  # when the post goes live: its date (00:00 if no time is given) in Beijing time
    precision: Precision
    category_ids: tuple[str, ...]
    authors: tuple[str, ...]
    draft: bool

    @property
    def year(self) -> str:
        """The year in the post's URL and archive."""
        return f"{self.published_at.year:04d}"


def read_front_matter(text: str, source: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter of a Markdown file and the line of each field; NewsError if there is none or it is not YAML.
    Dates are left as text (`parse_post_date` reads them)."""
    data, lines = _parse_front_matter(text, source)
    return copy.deepcopy(data), dict(lines)


# Every language's build checks every language's posts, and the preview does at each save: a post is parsed again
# only when its text changed.
@functools.lru_cache(maxsize=16384)
def _parse_front_matter(text: str, source: str) -> tuple[dict[str, Any], dict[str, int]]:
    match = FRONT_MATTER.match(text)
    if not match:
        raise NewsError(
            f"{source}:1: front matter missing: a post starts with a line '---', its fields "
            "(title, description, date, categories), and another line '---'"
        )
    loader = _FrontMatterLoader(match.group(1))
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


class DateProblem(ValueError):
    """A post's `date` that is not a date; the message says why, in Chinese and in English, with an example."""


def parse_post_date(value: object) -> tuple[datetime, bool]:
    """The moment a post's `date` stands for, in Beijing time, and whether the writer gave a time.

    `2026-12-01` is 00:00 Beijing time that day; `2026-12-01 09:30:00` is 09:30 Beijing time; `2026-12-01
    09:30:00+00:00` is that moment wherever it was written (17:30 in Beijing)."""
    text = str(value).strip()
    match = _DATE.match(text)
    if isinstance(value, bool) or not isinstance(value, str | int | date) or not match:
        raise DateProblem(f"'{text}' 不是日期 / is not a date; {DATE_EXAMPLE}")
    part = {name: int(number) for name, number in match.groupdict().items() if number and name != "offset"}
    if not 1 <= part["month"] <= 12:
        raise DateProblem(f"'{text}'：月份应为 1 到 12 / the month must be 1 to 12; {DATE_EXAMPLE}")
    try:
        day = date(part["year"], part["month"], part["day"])
    except ValueError:
        raise DateProblem(
            f"'{text}'：{part['month']} 月没有 {part['day']} 日 / month {part['month']} has no day {part['day']}; "
            f"{DATE_EXAMPLE}"
        ) from None
    if "hour" not in part:
        return in_beijing(day), False
    if part["hour"] > 23 or part["minute"] > 59 or part.get("second", 0) > 59:
        raise DateProblem(
            f"'{text}'：时间应在 00:00 到 23:59 之间 / the time must be between 00:00 and 23:59; {DATE_EXAMPLE}"
        )
    offset = match.group("offset")
    written = datetime(day.year, day.month, day.day, part["hour"], part["minute"], part.get("second", 0))
    if offset is None:
        return written.replace(tzinfo=CHINA_TIME), True
    iso_offset = "+00:00" if offset in "Zz" else offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"
    return in_beijing(datetime.fromisoformat(f"{written.isoformat()}{iso_offset}")), True


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

    published_at: datetime | None = None
    timed = False
    if "date" not in data:
        problem("date", f"缺少日期 / missing; {DATE_EXAMPLE}")
    else:
        try:
            published_at, timed = parse_post_date(data["date"])
        except DateProblem as error:
            problem("date", str(error))

    precision = data.get("date_precision", "day")
    if precision not in POST_PRECISIONS:
        problem("date_precision", f"{precision!r}; expected one of: {', '.join(POST_PRECISIONS)}")
    elif published_at is not None and precision != "day":
        if published_at.day != 1 or timed:
            problem("date", f"with date_precision: {precision}, write the first day of the month, e.g. 2023-01-01")
        elif precision == "semester" and published_at.month == 1:
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

    draft = data.get("draft", False)
    if not isinstance(draft, bool):
        problem("draft", f"{draft!r}; expected true or false")

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
        published_at=cast(datetime, published_at),
        precision=cast(Precision, precision),
        category_ids=tuple(category_ids),
        authors=tuple(authors),
        draft=draft,
    )
    return meta, []


def check_translations(posts: Iterable[PostMeta]) -> list[str]:
    """A post and its translation share one date and time (so one URL, and they go live together) and the same
    categories."""
    by_slug: dict[str, list[PostMeta]] = {}
    for meta in posts:
        by_slug.setdefault(meta.slug, []).append(meta)
    problems = []
    for versions in by_slug.values():
        first, *others = versions
        for other in others:
            for name, a, b in (
                ("date", first.published_at, other.published_at),
                ("date_precision", first.precision, other.precision),
                ("categories", sorted(first.category_ids), sorted(other.category_ids)),
            ):
                if a != b:
                    problems.append(
                        f"{other.source}: {name}: 与译文 {first.source} 不一致（{b} 对 {a}）；同一篇文章的中英文版本"
                        f"日期、时间和分类必须相同 / differs from its translation {first.source} ({b} against {a}); "
                        "a post and its translation share the same date, time and categories"
                    )
    return problems


def read_posts(docs_dir: Path, languages: Sequence[str], vocab: Vocabulary) -> list[PostMeta]:
    """Every language's posts, checked, translations against their originals; NewsError with every problem found."""
    metas: list[PostMeta] = []
    problems: list[str] = []
    for lang in languages:
        # Recursively, as the blog plugin reads them.
        for path in sorted((docs_dir / lang / POSTS_DIR).rglob("*.md")):
            source = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
            meta, found = check_post(path.read_text(encoding="utf-8-sig"), source, lang, path.stem, vocab)
            problems.extend(found)
            if meta is not None:
                metas.append(meta)
    problems.extend(check_translations(metas))
    if problems:
        raise NewsError("news posts have errors:\n" + "\n".join(problems))
    return metas
