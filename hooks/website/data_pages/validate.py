"""Check every data file against its JSON Schema and the rules between files; report all problems in plain words.

A problem names the file, the line, the entry's id, the field and what was expected, in Chinese and in English
(website/messages/catalogue.py; a schema gives what a field holds as `description` and `description_zh`), so that
whoever edited the file can fix it without reading code. Nothing is skipped: one problem anywhere stops the build.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import fastjsonschema

from website.messages.problems import Bilingual, Phrase, Problem, ProblemsFound, phrase
from website.news.posts import POSTS_DIR

from .models import (
    ActionItem,
    College,
    Contact,
    Fact,
    Member,
    MemberDirectory,
    Milestone,
    SiteData,
    Term,
    Vocabulary,
    Wechat,
)
from .yamlfile import Path_, YamlDocument, parse_yaml

if TYPE_CHECKING:
    from referencing import Registry


@dataclass(frozen=True)
class DataFile:
    """One data file: where its entries are and what an entry is called in messages (a catalogue id)."""

    name: str
    list_key: str
    entry_word: str
    id_key: str = "id"

    @property
    def schema(self) -> str:
        return self.name.replace(".yml", ".schema.json")


MEMBERS = DataFile("members.yml", "members", "word.member")
COLLEGES = DataFile("colleges.yml", "colleges", "word.college")
ACTION_ITEMS = DataFile("action-items.yml", "action_items", "word.action_item")
MILESTONES = DataFile("milestones.yml", "milestones", "word.milestone")
GLOSSARY = DataFile("glossary.yml", "terms", "word.term", id_key="zh")
# Categories and authors are mappings by id, not lists of entries: a problem names the path to its field.
NEWS = DataFile("news.yml", "categories", "word.category")
# The contact details are one mapping of fields, not a list of entries.
CONTACT = DataFile("contact.yml", "contact", "word.contact")
DATA_FILES = (MEMBERS, COLLEGES, ACTION_ITEMS, MILESTONES, GLOSSARY, NEWS, CONTACT)
SCHEMA_DIR = "schemas"


class DataError(ProblemsFound):
    """The data files have problems; str() lists every one of them."""


def _is_partial_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        datetime.date(*numbers)
    except (ValueError, TypeError):
        return False
    return True


def _is_web_address(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and "." in parts.netloc and " " not in value


# The formats the schemas use, checked the same way by both validators; other formats are not checked.
FORMAT_CHECKS: dict[str, Callable[[object], bool]] = {"partial-date": _is_partial_date, "uri": _is_web_address}

# The content of a data folder: each data file's bytes (None when missing) and each schema's text, by file name.
Sources = tuple[tuple[tuple[str, bytes | None], ...], tuple[tuple[str, str], ...]]


def _read_sources(data_dir: Path) -> Sources:
    files = tuple(
        (spec.name, path.read_bytes() if (path := data_dir / spec.name).is_file() else None) for spec in DATA_FILES
    )
    schemas = tuple(
        (path.name, path.read_text(encoding="utf-8")) for path in sorted((data_dir / SCHEMA_DIR).glob("*.schema.json"))
    )
    return files, schemas


@functools.lru_cache(maxsize=4)
def _compiled_validators(schemas: tuple[tuple[str, str], ...], detailed: bool) -> dict[str, Callable[[Any], Any]]:
    """A compiled validator per schema: a fraction of jsonschema's cost, which is only needed to word problems.
    Without `detailed` its rejection says what is wrong as text only (it compiles in a third of the time)."""
    contents = {name: json.loads(text) for name, text in schemas}

    def local_schema(uri: str) -> Any:
        # "$ref": "common.schema.json#/definitions/id" names a schema beside the referring one, never a web address.
        return contents[uri.partition("#")[0]]

    return {
        name: fastjsonschema.compile(
            schema, handlers={"": local_schema}, formats=FORMAT_CHECKS, use_default=False, detailed_exceptions=detailed
        )
        for name, schema in contents.items()
    }


def _registry(schemas: tuple[tuple[str, str], ...]) -> Registry[Any]:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    resources = [
        (name, Resource.from_contents(json.loads(text), default_specification=DRAFT7)) for name, text in schemas
    ]
    return Registry().with_resources(resources)


class _FileCheck:
    """Collects the problems of one data file, each located by the path of the value inside it."""

    def __init__(self, spec: DataFile, display_name: str, document: YamlDocument) -> None:
        self.spec = spec
        self.display_name = display_name
        self.document = document
        self.problems: list[Problem] = []
        self._seen: set[Problem] = set()

    def entries(self) -> Iterator[tuple[int, dict[str, Any]]]:
        data = self.document.data
        items = data.get(self.spec.list_key) if isinstance(data, dict) else None
        for index, entry in enumerate(items if isinstance(items, list) else []):
            if isinstance(entry, dict):
                yield index, entry

    def add(self, path: Path_, message: Phrase, line: int | None = None) -> None:
        entry = field = None
        rest: Path_ = path
        if len(path) >= 2 and path[0] == self.spec.list_key and isinstance(path[1], int):
            entry = self._entry_label(path[1])
            rest = path[2:]
        if rest:
            # partners 第 3 项, facts 第 2 项 value.zh: the line points at the place, the field says what it is.
            field = "".join(f" 第 {part + 1} 项 " if isinstance(part, int) else f".{part}" for part in rest)
            field = field.replace(" .", " ").strip(" .")
        problem = Problem(
            file=self.display_name,
            line=line if line is not None else self.document.line_of(path),
            field=field,
            message=message,
            entry=entry,
        )
        # A value can break two rules that say the same thing (a date's pattern and its format): say it once.
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    def _entry_label(self, index: int) -> Phrase:
        items = self.document.data[self.spec.list_key]
        entry = items[index]
        entry_id = entry.get(self.spec.id_key) if isinstance(entry, dict) else None
        word = phrase(self.spec.entry_word)
        if isinstance(entry_id, str) and entry_id:
            return phrase("entry.named", word=word, id=entry_id)
        return phrase("entry.numbered", word=word, number=index + 1)


def _schema_problems(check: _FileCheck, schemas: tuple[tuple[str, str], ...]) -> None:
    """Every way the file breaks its schema, in plain words. jsonschema finds all problems at once (a compiled
    validator stops at the first), but takes longer to import than the whole check of valid data: only called for a
    file that the compiled validator rejected."""
    import jsonschema

    registry = _registry(schemas)
    format_checker = jsonschema.FormatChecker(formats=())
    for name, check_format in FORMAT_CHECKS.items():
        format_checker.checks(name)(check_format)
    schema = registry.get_or_retrieve(check.spec.schema).value.contents
    validator = jsonschema.Draft7Validator(schema, registry=registry, format_checker=format_checker)
    for error in validator.iter_errors(check.document.data):
        path: Path_ = tuple(error.absolute_path)
        schema = error.schema if isinstance(error.schema, dict) else {}
        expected = _description(schema)
        value = error.instance
        if error.validator == "required":
            missing = str(error.message).split("'")[1]
            field_schema = schema.get("properties", {}).get(missing, {})
            what = _description(field_schema) or _ref_description(registry, field_schema)
            if what:
                check.add((*path, missing), phrase("data.field_missing", key=missing, what=what))
            else:
                check.add((*path, missing), phrase("data.field_missing_plain", key=missing))
        elif error.validator == "additionalProperties":
            properties = tuple(schema.get("properties", {}))
            for extra in sorted(set(value) - set(properties) if isinstance(value, dict) else ()):
                check.add((*path, extra), phrase("data.unknown_field", key=extra, allowed=properties))
        elif error.validator == "enum":
            options = tuple(str(option) for option in schema.get("enum", ()))
            check.add(path, phrase("data.not_allowed", value=str(value), allowed=options))
        elif error.validator == "type":
            wanted = str(error.validator_value)
            message = {"string": "data.wrong_type_text", "integer": "data.wrong_type_number"}.get(
                wanted, "data.wrong_type"
            )
            check.add(path, phrase(message, wanted=phrase(f"type.{wanted}"), found=_describe(value)))
        elif error.validator in ("pattern", "format"):
            if expected:
                check.add(path, phrase("data.invalid", value=str(value), expected=expected))
            else:
                check.add(path, phrase("data.invalid_plain", value=str(value)))
        elif error.validator == "minLength":
            check.add(path, phrase("data.empty_text"))
        elif error.validator in ("minimum", "maximum"):
            if expected:
                check.add(path, phrase("data.out_of_range", value=str(value), expected=expected))
            else:
                check.add(path, phrase("data.out_of_range_plain", value=str(value), detail=str(error.message)))
        elif error.validator == "uniqueItems":
            check.add(path, phrase("data.repeated_items"))
        elif expected:
            check.add(path, phrase("data.other_expected", detail=str(error.message), expected=expected))
        else:
            check.add(path, phrase("data.other", detail=str(error.message)))


def _description(schema: dict[str, Any]) -> Bilingual | None:
    """What a schema says its value is, in both languages (`description`, `description_zh`)."""
    english = schema.get("description")
    if not isinstance(english, str):
        return None
    return Bilingual(zh=str(schema.get("description_zh", english)), en=english)


def _ref_description(registry: Registry[Any], field_schema: dict[str, Any]) -> Bilingual | None:
    """The description of a field defined elsewhere, e.g. common.schema.json's bilingual text."""
    ref = field_schema.get("$ref")
    if not isinstance(ref, str) or ref.startswith("#"):
        return None
    resolved = registry.resolver().lookup(ref).contents
    return _description(resolved) if isinstance(resolved, dict) else None


def _describe(value: object) -> Phrase:
    if value is None:
        return phrase("found.nothing")
    if isinstance(value, bool):
        return phrase("found.boolean", value=str(value))
    if isinstance(value, dict):
        return phrase("found.fields")
    if isinstance(value, list):
        return phrase("found.list")
    return phrase("found.value", value=str(value))


def _duplicate_ids(check: _FileCheck) -> dict[str, int]:
    """Report ids used twice; return each id with the index of its first entry."""
    first: dict[str, int] = {}
    for index, entry in check.entries():
        entry_id = entry.get(check.spec.id_key)
        if not isinstance(entry_id, str):
            continue
        if entry_id in first:
            first_line = check.document.line_of((check.spec.list_key, first[entry_id]))
            check.add(
                (check.spec.list_key, index, check.spec.id_key),
                phrase(
                    "data.duplicate_id",
                    key=check.spec.id_key,
                    value=entry_id,
                    first_line=first_line or "?",
                    word=phrase(check.spec.entry_word),
                ),
            )
        else:
            first[entry_id] = index
    return first


def _reference_problems(checks: dict[str, _FileCheck], post_slugs: frozenset[str], posts_dir: str) -> None:
    # A file that could not be read has no known ids: checking references against it would only repeat its problem.
    ids = {
        name: set(_duplicate_ids(check)) if check.document.data is not None else None for name, check in checks.items()
    }
    members, colleges = ids[MEMBERS.name], ids[COLLEGES.name]
    college_check = checks[COLLEGES.name]
    for index, college in college_check.entries():
        for position, partner in enumerate(_strings(college.get("partners"))):
            if members is not None and partner not in members:
                college_check.add(
                    (COLLEGES.list_key, index, "partners", position), phrase("data.unknown_member", value=partner)
                )
        parent = college.get("parent")
        if isinstance(parent, str) and colleges is not None and (parent not in colleges or parent == college.get("id")):
            college_check.add((COLLEGES.list_key, index, "parent"), phrase("data.unknown_parent", value=parent))
    known = tuple(sorted(post_slugs))
    for spec in (ACTION_ITEMS, MILESTONES):
        check = checks[spec.name]
        for index, entry in check.entries():
            for position, slug in enumerate(_strings(entry.get("related_posts"))):
                if slug not in post_slugs:
                    message = phrase("data.unknown_post", value=slug, known=known, posts_dir=posts_dir)
                    check.add(
                        (spec.list_key, index, "related_posts", position),
                        message if known else phrase("data.unknown_post_none", value=slug, posts_dir=posts_dir),
                    )
    member_check = checks[MEMBERS.name]
    data = member_check.document.data
    stated = data.get("stated_total") if isinstance(data, dict) else None
    listed = sum(1 for _, m in member_check.entries() if m.get("role") != "guiding-body")
    if isinstance(stated, int) and not isinstance(stated, bool) and listed > stated:
        member_check.add(("stated_total",), phrase("data.too_many_members", listed=listed, stated=stated))


def _strings(value: object) -> Iterable[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def check_data(data_dir: Path, posts_dir: Path) -> tuple[dict[str, YamlDocument], list[Problem]]:
    """Every problem of every data file, in file and line order; the parsed documents as well."""
    return _check_sources(data_dir, _read_sources(data_dir), _posts(posts_dir))


# The news posts data may name: their folder as the writer knows it (docs/zh/news/posts/) and their file names.
Posts = tuple[str, frozenset[str]]


def _check_sources(data_dir: Path, sources: Sources, posts: Posts) -> tuple[dict[str, YamlDocument], list[Problem]]:
    files, schemas = sources
    validators = _compiled_validators(schemas, detailed=False)
    checks: dict[str, _FileCheck] = {}
    for spec, (_, raw) in zip(DATA_FILES, files, strict=True):
        display = f"{data_dir.name}/{spec.name}"
        if raw is None:
            document = YamlDocument(data=None)
            checks[spec.name] = check = _FileCheck(spec, display, document)
            check.add((), phrase("data.file_missing", path=str(data_dir / spec.name)))
            continue
        document = parse_yaml(raw)
        checks[spec.name] = check = _FileCheck(spec, display, document)
        for read_problem in document.problems:
            check.add(read_problem.path, read_problem.message, line=read_problem.line)
        if document.data is None and not document.problems:
            check.add((), phrase("data.file_empty", key=spec.list_key))
        elif document.data is not None:
            try:
                validators[spec.schema](document.data)
            except fastjsonschema.JsonSchemaValueException:
                read_problems = len(check.problems)
                _schema_problems(check, schemas)
                if len(check.problems) == read_problems:
                    _rejection_problem(check, schemas)
    _reference_problems(checks, posts[1], posts[0])
    problems = [p for check in checks.values() for p in sorted(check.problems, key=lambda p: p.line or 0)]
    return {name: check.document for name, check in checks.items()}, problems


def _rejection_problem(check: _FileCheck, schemas: tuple[tuple[str, str], ...]) -> None:
    """The two validators disagree (never seen): the compiled one's word, with where it applies, stops the build."""
    try:
        _compiled_validators(schemas, detailed=True)[check.spec.schema](check.document.data)
    except fastjsonschema.JsonSchemaValueException as rejection:
        # Its path reads "data", "members", "1", "type"; list positions are numbers here.
        path = tuple(int(part) if part.isdigit() else part for part in rejection.path[1:])
        check.add(path, phrase("data.rejected", detail=rejection.message, schema=f"{SCHEMA_DIR}/{check.spec.schema}"))
    else:
        check.add((), phrase("data.not_matching", schema=f"{SCHEMA_DIR}/{check.spec.schema}"))


def _posts(posts_dir: Path) -> Posts:
    slugs = frozenset(path.stem for path in posts_dir.glob("*.md")) if posts_dir.is_dir() else frozenset()
    shown = "/".join(posts_dir.parts[-4:]) + "/"  # docs/zh/news/posts/
    return shown, slugs


def load_site_data(data_dir: Path, posts_dir: Path) -> SiteData:
    """The validated data; raises DataError listing every problem when any file has one."""
    return _site_data_of(data_dir, _read_sources(data_dir), _posts(posts_dir))


def load_site_data_cached(data_dir: Path, posts_dir: Path) -> SiteData:
    """Like load_site_data, parsed and checked once for as long as no data file, schema or post name changes.

    static-i18n builds the site once per language in one process: the data is checked once, not once per language.
    The cache is keyed on the files' content itself (never on modification times), so a changed file is always read
    again, and a result is only ever reused for the very bytes it was made from.
    """
    return _site_data_cached(data_dir, _read_sources(data_dir), _posts(posts_dir))


def load_project_data(project_dir: Path, docs_dir: Path, default_language: str) -> SiteData:
    """The validated, cached data of a project: data/ beside its mkdocs.yml; the news posts that data may name are
    the default language's, in docs/<language>/news/posts/."""
    return load_site_data_cached(project_dir / "data", docs_dir / default_language / POSTS_DIR)


def _site_data_of(data_dir: Path, sources: Sources, posts: Posts) -> SiteData:
    documents, problems = _check_sources(data_dir, sources, posts)
    if problems:
        raise DataError(problems)
    return _site_data({name: doc.data for name, doc in documents.items()})


_site_data_cached = functools.lru_cache(maxsize=2)(_site_data_of)


def _site_data(data: dict[str, Any]) -> SiteData:
    members = data[MEMBERS.name]
    return SiteData(
        members=MemberDirectory(
            stated_total=members["stated_total"],
            entries=tuple(Member(**m) for m in members["members"]),
        ),
        colleges=tuple(
            College(
                **{k: v for k, v in c.items() if k not in ("partners", "facts")},
                partners=tuple(c.get("partners", ())),
                facts=tuple(Fact(**f) for f in c.get("facts", ())),
            )
            for c in data[COLLEGES.name]["colleges"]
        ),
        action_items=tuple(
            ActionItem(**{**a, "related_posts": tuple(a.get("related_posts", ()))})
            for a in data[ACTION_ITEMS.name]["action_items"]
        ),
        milestones=tuple(
            Milestone(**{**m, "related_posts": tuple(m.get("related_posts", ()))})
            for m in data[MILESTONES.name]["milestones"]
        ),
        glossary=tuple(Term(**{**t, "avoid": tuple(t.get("avoid", ()))}) for t in data[GLOSSARY.name]["terms"]),
        news=news_vocabulary(data[NEWS.name]),
        contact=_contact(data[CONTACT.name]["contact"]),
    )


def news_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """The news categories and authors of a data/news.yml that passed its checks."""
    return Vocabulary(categories=data["categories"], authors=data["authors"])


def _contact(details: dict[str, Any]) -> Contact:
    return Contact(**{**details, "wechat": Wechat(**details["wechat"])})
