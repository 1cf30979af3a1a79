"""One voice in English: British spelling (the site declares en_GB) and one rendering of each term of data/glossary.yml.

`misuses` finds, in a piece of English text, the renderings a glossary term lists under `avoid` and the US spellings
of a short list (mold, center, color, labor, honor, behavior, favorite, and their plurals and other endings), each
with the word to use instead. tests/test_usage.py runs it over every English page, post and data entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .models import Term

# US spelling -> British spelling, as whole words with these endings (not "laboratory" or "honorary").
US_SPELLINGS = {
    "mold": "mould",
    "center": "centre",
    "color": "colour",
    "labor": "labour",
    "honor": "honour",
    "behavior": "behaviour",
    "favorite": "favourite",
}
_ENDINGS = ("", "s", "ed", "ing", "ful", "less")


@dataclass(frozen=True)
class Misuse:
    found: str  # as the text has it
    instead: str  # what to write
    context: str  # the words around it


def misuses(text: str, terms: Iterable[Term]) -> list[Misuse]:
    """Every rejected rendering and US spelling in `text`, in the order they appear."""
    instead = {word + ending: british + ending for word, british in US_SPELLINGS.items() for ending in _ENDINGS}
    for term in terms:
        instead.update(dict.fromkeys((variant.lower() for variant in term.avoid), term.en))
    # Longest first, so that a phrase is reported as a whole rather than by a word inside it; a phrase may run over
    # a line break.
    words = (r"\s+".join(map(re.escape, word.split())) for word in sorted(instead, key=len, reverse=True))
    pattern = re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)
    return [
        Misuse(
            found=" ".join(match[0].split()),
            instead=instead[" ".join(match[0].lower().split())],
            context=" ".join(text[max(match.start() - 40, 0) : match.end() + 40].split()),
        )
        for match in pattern.finditer(text)
    ]
