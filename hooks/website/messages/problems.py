"""A problem a writer can cause and fix: where it is (file, line, field), how bad, and what to do, worded by the
catalogue in Chinese and in English.

In a terminal a problem reads `file:line: field: ` and the Chinese text, then the English text on the next line,
indented:

    data/members.yml:27: type: (Chinese)
        member 'x': 'society' is not an allowed value; expected one of: ...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from .catalogue import CATALOGUE, Language

Severity = Literal["error", "warning"]
# What a wording's parameter can be: text, a number, a list (joined as the language joins lists), a phrase of the
# catalogue, or text the data gives in both languages.
Param: TypeAlias = "str | int | tuple[str, ...] | Phrase | Bilingual"
LIST_SEPARATOR: dict[Language, str] = {"zh": "、", "en": ", "}


@dataclass(frozen=True)
class Bilingual:
    """Text that comes in both languages from elsewhere than the catalogue, e.g. a schema's description."""

    zh: str
    en: str


@dataclass(frozen=True)
class Phrase:
    """A wording of the catalogue with its parameters; `text` puts it in a language."""

    id: str
    params: tuple[tuple[str, Param], ...] = ()

    def __post_init__(self) -> None:
        if self.id not in CATALOGUE:
            raise KeyError(f"no message {self.id!r} in the catalogue")

    def text(self, language: Language) -> str:
        values = {name: _param_text(value, language) for name, value in self.params}
        return CATALOGUE[self.id].of(language).format_map(values)


def phrase(message_id: str, /, **params: Param) -> Phrase:
    return Phrase(message_id, tuple(params.items()))


def _param_text(value: Param, language: Language) -> str:
    if isinstance(value, Phrase):
        return value.text(language)
    if isinstance(value, Bilingual):
        return value.zh if language == "zh" else value.en
    if isinstance(value, tuple):
        return LIST_SEPARATOR[language].join(_one_line(item) for item in value)
    return _one_line(str(value))


def _one_line(text: str) -> str:
    # A value quoted from a file stays on its line: a line break in it would read as the start of another message
    # (or, in GitHub Actions, of a workflow command).
    return text.replace("\r", "\\r").replace("\n", "\\n")


@dataclass(frozen=True)
class Problem:
    """One problem: `message` is the catalogue's id and parameters; `entry`, for a data file, the entry it is in."""

    file: str
    line: int | None
    field: str | None
    message: Phrase
    severity: Severity = "error"
    entry: Phrase | None = None

    def text(self, language: Language) -> str:
        text = self.message.text(language)
        if self.entry is None:
            return text
        return phrase("report.in_entry", entry=self.entry, text=text).text(language)

    @property
    def location(self) -> str:
        """file:line: field, as much of it as is known."""
        where = self.file + (f":{self.line}" if self.line else "")
        return where + (f": {self.field}" if self.field else "")

    def __str__(self) -> str:
        return f"{self.location}: {self.text('zh')}\n    {self.text('en')}"


def problem(file: str, line: int | None, field: str | None, message_id: str, /, **params: Param) -> Problem:
    return Problem(file, line, field, phrase(message_id, **params))


def report(problems: Sequence[Problem]) -> str:
    """Every problem, under a heading with their number, in Chinese then English."""
    heading = phrase("report.heading", count=len(problems))
    return "\n".join([heading.text("zh"), heading.text("en"), *map(str, problems)])


def unique(problems: Iterable[Problem]) -> list[Problem]:
    """The problems in their order, each once (two checks can find the same one, such as a file's encoding)."""
    return list(dict.fromkeys(problems))


class ProblemsFound(Exception):
    """Writers' problems that stop the build; str() is the report of all of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(report(self.problems))
