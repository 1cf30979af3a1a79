"""Tools for the people who write the site, one command per task (see WRITING.zh.md):

    python scripts/writer_tools.py new-post --title-zh 标题 --title-en Title --slug my-news [--category group-news]
    python scripts/writer_tools.py translation-status
    python scripts/writer_tools.py scheduled
    python scripts/writer_tools.py to-be-completed
    python scripts/writer_tools.py due --since 2026-12-01T01:07:00Z

`make new-post`, `make translation-status`, `make scheduled` and `make to-be-completed` run the first four; values
given to make (TITLE_ZH=..., SLUG=...) arrive through the environment, so titles need no shell quoting. `due` is for
the scheduled deploy (.github/workflows/site.yml): it lists the posts that went live since the last successful run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from website import clock
from website.build.languages import SiteLanguages
from website.clock import ClockError
from website.data_pages.models import Vocabulary
from website.data_pages.to_be_completed import data_gaps, page_gaps
from website.data_pages.validate import DataError, load_project_data
from website.dates import CHINA_TIME, beijing_minute
from website.news.posts import POSTS_DIR, SLUG_RE, NewsError, PostMeta, read_posts
from website.news.schedule import is_scheduled, newly_due

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_AUTHOR = "group"

BODY = {
    "zh": "第一段是摘要，会显示在新闻列表中。\n\n<!-- more -->\n\n正文从这里开始。\n",
    "en": "The first paragraph is the excerpt shown in the news list.\n\n<!-- more -->\n\nThe rest of the post.\n",
}
PLACEHOLDER = {
    "zh": {"description": "待补充：用一句话概括本文。", "draft": "# 写完并检查后，删除下面一行即可发布。"},
    "en": {"description": "To be completed: one sentence on the news.", "draft": "# Delete the next line to publish."},
}


def post_text(lang: str, title: str, category: str, day: date) -> str:
    """A new post: complete front matter, marked as a draft, with the excerpt break in place."""
    fields: dict[str, Any] = {
        "title": title,
        "description": PLACEHOLDER[lang]["description"],
        "date": day,
        "categories": [category],
        "authors": [DEFAULT_AUTHOR],
    }
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}{PLACEHOLDER[lang]['draft']}\ndraft: true\n---\n\n# {title}\n\n{BODY[lang]}"


def new_post(
    root: Path, vocab: Vocabulary, *, title_zh: str, title_en: str | None, slug: str, category: str, day: date
) -> list[Path]:
    """Create the post in every language; refuse to overwrite anything."""
    if not SLUG_RE.match(slug):
        raise NewsError(f"slug {slug!r}: use lowercase ASCII letters, digits and hyphens, e.g. summer-training-2024")
    try:
        category_id = category if category in vocab.categories else vocab.category_slug(category)
    except KeyError:
        known = ", ".join(f"{cid} ({names['zh']})" for cid, names in vocab.categories.items())
        raise NewsError(f"category {category!r}: expected one of {known}") from None
    languages = SiteLanguages.of_project(root).codes
    paths = [root / "docs" / lang / POSTS_DIR / f"{slug}.md" for lang in languages]
    existing = [p for p in paths if p.exists()]
    if existing:
        raise NewsError(f"{existing[0].relative_to(root)} already exists; choose another slug")
    titles = {"zh": title_zh, "en": title_en or f"To be translated: {title_zh}"}
    for lang, path in zip(languages, paths, strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(post_text(lang, titles[lang], vocab.categories[category_id][lang], day), encoding="utf-8")
    return paths


# ---------------------------------------------------------------------------------------------------------------


def missing_pages(docs: Path, languages: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(existing file, language it lacks) for every Markdown page or post without its other-language version."""
    pages = {lang: {p.relative_to(docs / lang) for p in (docs / lang).rglob("*.md")} for lang in languages}
    for lang in languages:
        for rel in sorted(pages[lang]):
            for other in languages:
                if other != lang and rel not in pages[other]:
                    yield f"docs/{lang}/{rel.as_posix()}", other


def missing_data_translations(data: Any, languages: Sequence[str], where: str = "") -> Iterator[tuple[str, str]]:
    """(entry, language it lacks) for every translated value of a data file: a mapping with language keys
    (`name: {zh: ..., en: ...}`) or sibling fields with language suffixes (`name_zh`, `name_en`)."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from missing_data_translations(item, languages, f"{where}[{i}]")
        return
    if not isinstance(data, dict):
        return
    present = [lang for lang in languages if _filled(data.get(lang))]
    if present:
        for lang in languages:
            if lang not in present:
                yield where or "(top level)", lang
    suffixed = {str(k).rsplit("_", 1)[0] for k in data if str(k).rsplit("_", 1)[-1] in languages and "_" in str(k)}
    for base in sorted(suffixed):
        if any(_filled(data.get(f"{base}_{lang}")) for lang in languages):
            for lang in languages:
                if not _filled(data.get(f"{base}_{lang}")):
                    yield f"{where}/{base}_{lang}".lstrip("/"), lang
    for key, value in data.items():
        if key not in languages:
            yield from missing_data_translations(value, languages, f"{where}/{key}".lstrip("/"))


def _filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def translation_status(root: Path, now: datetime, out: Callable[[str], None] = print) -> int:
    """Print what lacks a translation; return how many are missing. A post not yet live says when it goes live (or
    that it is a draft): its translation is due by then."""
    total = 0
    languages = SiteLanguages.of_project(root)
    missing = list(missing_pages(root / "docs", languages.codes))
    waiting = {post.source: _waiting_label(post, now) for post in project_posts(root)}
    for title, is_post in (("Pages", False), ("News posts", True)):
        rows = [(path, lang) for path, lang in missing if (f"/{POSTS_DIR}/" in path) == is_post]
        out(f"{title} without a version in another language ({len(rows)}):")
        for path, lang in rows:
            note = f" [{waiting[path]}]" if waiting.get(path) else ""
            out(f"  {path}: no {languages.names[lang]} version (docs/{lang}/{path.split('/', 2)[2]}){note}")
        total += len(rows)
    entries = []
    for data_file in sorted((root / "data").glob("*.yml")):
        try:
            data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise NewsError(f"data/{data_file.name}: not valid YAML: {error}") from error
        found = missing_data_translations(data, languages.codes)
        entries += [(f"data/{data_file.name}: {where}", lang) for where, lang in found]
    out(f"Data entries missing a translation ({len(entries)}):")
    for where, lang in entries:
        out(f"  {where}: no {languages.names[lang]}")
    total += len(entries)
    out(f"Total missing translations: {total}")
    return total


# ---------------------------------------------------------------------------------------------------------------


def project_posts(root: Path) -> list[PostMeta]:
    """Every post of the project, checked as the build checks them."""
    return read_posts(root / "docs", SiteLanguages.of_project(root).codes, project_vocabulary(root))


def project_vocabulary(root: Path) -> Vocabulary:
    """The news categories and authors, checked as the build checks every data file."""
    return load_project_data(root, root / "docs", SiteLanguages.of_project(root).default).news


def _waiting_label(post: PostMeta, now: datetime) -> str | None:
    if post.draft:
        return "草稿 / draft"
    if is_scheduled(post, now):
        return f"定时 / scheduled {beijing_minute(post.published_at)}"
    return None


def list_scheduled(root: Path, now: datetime, out: Callable[[str], None] = print) -> int:
    """Print the posts waiting for their moment, soonest first, and the drafts; return how many are scheduled."""
    posts = project_posts(root)
    waiting = sorted((p for p in posts if is_scheduled(p, now)), key=lambda post: (post.published_at, post.source))
    out(f"定时发布的文章 / Scheduled posts ({len(waiting)}), now {beijing_minute(now)}:")
    for post in waiting:
        out(f"  {post.source}: {beijing_minute(post.published_at)}")
    drafts = [post.source for post in posts if post.draft]
    out(f"草稿（不发布）/ Drafts, not published ({len(drafts)}):")
    for source in drafts:
        out(f"  {source}")
    return len(waiting)


def to_be_completed(root: Path, out: Callable[[str], None] = print) -> int:
    """Print everything the site marks as to be completed (待补充), pages first, then the data; return how many."""
    data = load_project_data(root, root / "docs", SiteLanguages.of_project(root).default)
    gaps = [*page_gaps(root / "docs"), *data_gaps(data)]
    out(f"待补充的内容 / Still to be completed ({len(gaps)}):")
    for gap in gaps:
        out(f"  {gap.where}: {gap.what}")
    out(f"共 {len(gaps)} 项 / Total: {len(gaps)}")
    return len(gaps)


def report_due(root: Path, since: datetime | None, now: datetime, out: Callable[[str], None] = print) -> bool:
    """Print the posts that went live after `since` and by `now`; in GitHub Actions, also set the step's output `due`
    and list them in the run's summary. Return whether there is any."""
    due = newly_due(project_posts(root), since, now)
    since_text = beijing_minute(since) if since else "the first run"
    out(f"Posts live since {since_text}, by {beijing_minute(now)}: {len(due)}")
    for post in due:
        out(f"  {post.source}: {beijing_minute(post.published_at)}")
    if output := os.environ.get("GITHUB_OUTPUT"):
        with open(output, "a", encoding="utf-8") as file:
            file.write(f"due={'true' if due else 'false'}\n")
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(summary, "a", encoding="utf-8") as file:
            if due:
                file.write("### 本次定时发布的文章 / Published by this run\n\n")
                file.writelines(f"- `{post.source}`: {beijing_minute(post.published_at)}\n" for post in due)
            else:
                file.write(f"没有新到发布时间的文章 / No post became due since {since_text}: nothing to deploy.\n")
    return bool(due)


def _moment(text: str) -> datetime | None:
    """An ISO 8601 moment from the command line (GitHub's API gives '2026-12-01T01:07:12Z'); empty: unknown."""
    if not text.strip():
        return None
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} has no offset, e.g. 2026-12-01T01:07:00Z")
    return moment


# ---------------------------------------------------------------------------------------------------------------


def _ask(value: str | None, prompt: str, flag: str) -> str:
    if value:
        return value
    if not sys.stdin.isatty():
        raise NewsError(f"{flag} is missing (or set it for make, e.g. make new-post TITLE_ZH=... SLUG=...)")
    answer = input(prompt).strip()
    if not answer:
        raise NewsError(f"{flag} is needed")
    return answer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repository)")
    commands = parser.add_subparsers(dest="command", required=True)
    post = commands.add_parser("new-post", help="create a news post in Chinese and English, as drafts")
    env = os.environ.get
    post.add_argument("--title-zh", default=env("TITLE_ZH"), help="Chinese title (make: TITLE_ZH)")
    post.add_argument("--title-en", default=env("TITLE_EN"), help="English title (make: TITLE_EN); optional")
    post.add_argument("--slug", default=env("SLUG"), help="the URL name, e.g. summer-training-2024 (make: SLUG)")
    post.add_argument("--category", default=env("CATEGORY") or "group-news", help="category id (make: CATEGORY)")
    post.add_argument("--date", default=env("DATE"), type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    status = commands.add_parser("translation-status", help="list pages, posts and data entries lacking a translation")
    status.add_argument("--check", action="store_true", help="exit with status 1 if anything is missing")
    commands.add_parser("scheduled", help="list the posts waiting for their date and time, and the drafts")
    commands.add_parser("to-be-completed", help="list what the site still marks as to be completed (待补充)")
    due = commands.add_parser("due", help="list the posts that went live since a moment (the scheduled deploy)")
    due.add_argument("--since", type=_moment, default=None, help="ISO 8601 moment; empty or left out: unknown")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    try:
        if args.command == "translation-status":
            return 1 if translation_status(root, clock.now()) and args.check else 0
        if args.command == "scheduled":
            list_scheduled(root, clock.now())
            return 0
        if args.command == "to-be-completed":
            to_be_completed(root)
            return 0
        if args.command == "due":
            report_due(root, args.since, clock.now())
            return 0
        title_zh = _ask(args.title_zh, "中文标题 / Chinese title: ", "--title-zh")
        title_en = args.title_en or (input("English title (optional): ").strip() if sys.stdin.isatty() else None)
        slug = _ask(args.slug, "网址名（小写英文和连字符）/ slug, e.g. summer-training-2024: ", "--slug")
        day = args.date or clock.now().astimezone(CHINA_TIME).date()
        vocab = project_vocabulary(root)
        paths = new_post(root, vocab, title_zh=title_zh, title_en=title_en, slug=slug, category=args.category, day=day)
    except (NewsError, ClockError, DataError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print("Created (drafts: visible in `make serve`, published once you delete `draft: true`):")
    for path in paths:
        print(f"  {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
