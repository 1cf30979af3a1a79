"""One search index per language, in the format of Material's search plugin, written compactly as UTF-8.

Material's plugin writes a single `search/search_index.json`; under mkdocs-static-i18n that index mixes both
languages and sits at the site root only. This module turns one language's entries into that language's own index,
located relative to the language's root, and points a page's search at it. Runnable without MkDocs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

INDEX_PATH = "search/search_index.json"
# Material puts its client settings, among them the URL its search index is relative to, in this element.
_CLIENT_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


class SearchIndexError(ValueError):
    """The search index cannot be made as asked."""


WORD_BREAK = "\u200b"


def drop_redundant_breaks(text: str, separator: re.Pattern[str]) -> str:
    """Text without the zero-width word breaks that stand next to a separator anyway (a space, a comma, an end).

    Material surrounds every word jieba finds with a zero-width space (3 bytes in UTF-8); next to a character the
    index's separator already splits on, it changes nothing but the size.
    """

    def splits(char: str) -> bool:
        return char != WORD_BREAK and separator.fullmatch(char) is not None

    def keep_unless_redundant(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return "" if not before or not after or splits(before) or splits(after) else WORD_BREAK

    return re.sub(WORD_BREAK, keep_unless_redundant, text)


def language_index(index: Mapping[str, Any], language_root: str) -> dict[str, Any]:
    """One language's index: every location made relative to the language's root ('' or 'en/'), redundant word
    breaks dropped.

    Every entry must lie under that root: an entry from another language would mean the builds got mixed up.
    """
    separator = re.compile(str(index["config"]["separator"]))
    docs: list[dict[str, Any]] = []
    for entry in index["docs"]:
        location = str(entry["location"])
        if not location.startswith(language_root):
            raise SearchIndexError(f"search entry {location!r} is not under the language root {language_root!r}")
        docs.append(
            {
                **entry,
                "location": location[len(language_root) :],
                "title": drop_redundant_breaks(str(entry["title"]), separator),
                "text": drop_redundant_breaks(str(entry["text"]), separator),
            }
        )
    return {"config": dict(index["config"]), "docs": docs}


def merge_rebuilt_pages(previous: Mapping[str, Any], rebuilt: Mapping[str, Any]) -> dict[str, Any]:
    """The index after a build that rebuilt some pages only (the writers' preview): the previous index, with the
    entries of every page in `rebuilt` in place of that page's previous entries, and new pages at the end."""

    def page_of(entry: Mapping[str, Any]) -> str:
        return str(entry["location"]).split("#", 1)[0]

    fresh: dict[str, list[Any]] = {}
    for entry in rebuilt["docs"]:
        fresh.setdefault(page_of(entry), []).append(entry)
    docs: list[Any] = []
    for entry in previous["docs"]:
        page = page_of(entry)
        if page not in fresh:
            docs.append(entry)
        elif fresh[page]:
            docs.extend(fresh[page])
            fresh[page] = []
    docs.extend(entry for entries in fresh.values() for entry in entries)
    return {"config": dict(rebuilt["config"]), "docs": docs}


def serialize(index: Mapping[str, Any]) -> str:
    """Compact JSON with characters as UTF-8, not `\\uXXXX` escapes (a third of the size for Chinese text)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def point_search_at(html: str, base: str) -> str:
    """The page with Material's client `base` (where it loads search/search_index.json from) set to `base`."""
    match = _CLIENT_CONFIG.search(html)
    if match is None:
        raise SearchIndexError("the page has no Material client configuration (script#__config)")
    client = json.loads(match.group(2))
    client["base"] = base
    return f"{html[: match.start(2)]}{htmlsafe_json_dumps(client)}{html[match.end(2) :]}"
