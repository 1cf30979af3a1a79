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

from website.checks.reading import markdown_files, yaml_problem
from website.data_pages.models import Vocabulary
from website.dates import CHINA_TIME, Precision, in_beijing
from website.media.limits import PHOTO_EXTENSIONS
from website.media.photos import is_cover_path
from website.messages.problems import Param, Problem, ProblemsFound, phrase, problem
from website.upstream import FRONT_MATTER

# How precisely a post may be dated: a day (with a time or not), or a month or semester when the source gives no day.
POST_PRECISIONS: tuple[Precision, ...] = ("day", "month", "semester")
# A post's file name is its URL: lowercase ASCII words joined by hyphens.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = ("title", "description", "date", "date_precision", "categories", "authors", "draft", "pin", "links", "cover")
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
DATE_EXAMPLE = phrase("post.date_example")


class NewsError(Exception):
    """Bad news data or posts; the message names each file, line and field, and what was expected."""


class NewsProblems(ProblemsFound, NewsError):
    """Writers' problems in the posts, each with its file, line and field (the catalogue's words)."""


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
    """The front matter of a Markdown file and the line of each field; NewsProblems if there is none or it is not
    YAML. Dates are left as text (`parse_post_date` reads them)."""
    data, lines = _parse_front_matter(text, source)
    return copy.deepcopy(data), dict(lines)


# Every language's build checks every language's posts, and the preview does at each save: a post is parsed again
# only when its text changed.
@functools.lru_cache(maxsize=16384)
def _parse_front_matter(text: str, source: str) -> tuple[dict[str, Any], dict[str, int]]:
    match = FRONT_MATTER.match(text)
    if not match:
        raise NewsProblems([problem(source, 1, None, "front_matter.missing")])
    loader = _FrontMatterLoader(match.group(1))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        # Line 1 is '---': the front matter's first line is the file's second.
        line, message = yaml_problem(error, match.group(1), first_line=2)
        raise NewsProblems([Problem(source, line or 1, "front matter", message)]) from error
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise NewsProblems([problem(source, 2, None, "front_matter.not_fields", found=type(data).__name__)])
    # Line 1 is '---'; YAML marks count from 0.
    lines = {key.value: key.start_mark.line + 2 for key, _ in node.value} if node is not None else {}
    return data, lines


class DateProblem(ValueError):
    """A post's `date` that is not a date; `message` says why, with an example (str(): in Chinese / in English)."""

    def __init__(self, message_id: str, **params: Param) -> None:
        self.message = phrase(message_id, **params, example=DATE_EXAMPLE)
        super().__init__(f"{self.message.text('zh')} / {self.message.text('en')}")


def parse_post_date(value: object) -> tuple[datetime, bool]:
    """The moment a post's `date` stands for, in Beijing time, and whether the writer gave a time.

    `2026-12-01` is 00:00 Beijing time that day; `2026-12-01 09:30:00` is 09:30 Beijing time; `2026-12-01
    09:30:00+00:00` is that moment wherever it was written (17:30 in Beijing)."""
    text = str(value).strip()
    match = _DATE.match(text)
    if isinstance(value, bool) or not isinstance(value, str | int | date) or not match:
        raise DateProblem("post.date_invalid", value=text)
    part = {name: int(number) for name, number in match.groupdict().items() if number and name != "offset"}
    if not 1 <= part["month"] <= 12:
        raise DateProblem("post.date_month", value=text)
    try:
        day = date(part["year"], part["month"], part["day"])
    except ValueError:
        raise DateProblem("post.date_no_such_day", value=text, month=part["month"], day=part["day"]) from None
    if "hour" not in part:
        return in_beijing(day), False
    if part["hour"] > 23 or part["minute"] > 59 or part.get("second", 0) > 59:
        raise DateProblem("post.date_time", value=text)
    offset = match.group("offset")
    written = datetime(day.year, day.month, day.day, part["hour"], part["minute"], part.get("second", 0))
    if offset is None:
        return written.replace(tzinfo=CHINA_TIME), True
    iso_offset = "+00:00" if offset in "Zz" else offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"
    return in_beijing(datetime.fromisoformat(f"{written.isoformat()}{iso_offset}")), True


def check_post(
    text: str, source: str, lang: str, slug: str, vocab: Vocabulary
) -> tuple[PostMeta | None, list[Problem]]:
    """The post's metadata, or the problems found in it, each with its file, line, field and what is expected."""
    try:
        data, lines = read_front_matter(text, source)
    except NewsProblems as error:
        return None, error.problems
    problems: list[Problem] = []

    def found(name: str, message_id: str, **params: Param) -> None:
        problems.append(problem(source, lines.get(name, 1), name, message_id, **params))

    if not SLUG_RE.match(slug):
        problems.append(problem(source, 1, None, "post.bad_file_name", slug=slug))
    for name in data:
        if name not in FIELDS:
            found(str(name), "post.unknown_field", allowed=FIELDS)

    title, description = data.get("title"), data.get("description")
    for name, value in (("title", title), ("description", description)):
        if not isinstance(value, str) or not value.strip():
            found(name, "post.text_missing")

    published_at: datetime | None = None
    timed = False
    if "date" not in data:
        found("date", "post.date_missing", example=DATE_EXAMPLE)
    else:
        try:
            published_at, timed = parse_post_date(data["date"])
        except DateProblem as error:
            problems.append(Problem(source, lines.get("date", 1), "date", error.message))

    precision = data.get("date_precision", "day")
    if precision not in POST_PRECISIONS:
        found("date_precision", "post.precision_invalid", value=str(precision), allowed=POST_PRECISIONS)
    elif published_at is not None and precision != "day":
        if published_at.day != 1 or timed:
            found("date", "post.precision_first_day", precision=precision)
        elif precision == "semester" and published_at.month == 1:
            found("date", "post.semester_month")

    names = vocab.category_ids(lang)
    categories = data.get("categories")
    category_ids: list[str] = []
    if not isinstance(categories, list) or not categories:
        found("categories", "post.categories_missing", allowed=tuple(names))
    else:
        for name in categories:
            if name in names:
                category_ids.append(names[name])
            else:
                found("categories", "post.category_unknown", value=str(name), allowed=tuple(names))

    authors = data.get("authors", [])
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        found("authors", "post.authors_invalid", allowed=tuple(vocab.authors))
        authors = []
    for author in authors:
        if author not in vocab.authors:
            found("authors", "post.author_unknown", value=author, allowed=tuple(vocab.authors))

    draft = data.get("draft", False)
    if not isinstance(draft, bool):
        found("draft", "post.draft_invalid", value=str(draft))
    pin = data.get("pin", False)
    if not isinstance(pin, bool):
        found("pin", "post.pin_invalid", value=str(pin))
    # Whether the cover's file exists is checked by hooks/photos.py, which knows the site's files.
    if "cover" in data and not is_cover_path(data["cover"]):
        found("cover", "post.cover_invalid", value=str(data["cover"]), allowed=PHOTO_EXTENSIONS)

    if EXCERPT_BREAK not in text:
        problems.append(problem(source, None, None, "post.no_excerpt_break", marker=EXCERPT_BREAK))

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


def check_translations(posts: Iterable[PostMeta]) -> list[Problem]:
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
                        problem(
                            other.source,
                            None,
                            name,
                            "post.translation_differs",
                            other=first.source,
                            mine=_shown(b),
                            theirs=_shown(a),
                        )
                    )
    return problems


def _shown(value: object) -> str | tuple[str, ...]:
    return tuple(map(str, value)) if isinstance(value, list) else str(value)


def check_post_files(
    docs_dir: Path, languages: Sequence[str], vocab: Vocabulary
) -> tuple[list[PostMeta], list[Problem]]:
    """Every language's posts, read recursively as the blog plugin reads them, each checked, and each translation
    against its original: the metadata of the good ones and every problem."""
    metas: list[PostMeta] = []
    problems: list[Problem] = []
    for lang in languages:
        for path, source, text in markdown_files(docs_dir, f"{lang}/{POSTS_DIR}"):
            if isinstance(text, Problem):
                problems.append(text)
                continue
            meta, found = check_post(text, source, lang, path.stem, vocab)
            problems.extend(found)
            if meta is not None:
                metas.append(meta)
    problems.extend(check_translations(metas))
    return metas, problems


def read_posts(docs_dir: Path, languages: Sequence[str], vocab: Vocabulary) -> list[PostMeta]:
    """Every language's posts, checked, translations against their originals; NewsProblems with every problem."""
    metas, problems = check_post_files(docs_dir, languages, vocab)
    if problems:
        raise NewsProblems(problems)
    return metas
