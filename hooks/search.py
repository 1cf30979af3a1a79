"""Give each language its own search index, holding only that language's pages, and make its pages load it.

Material's search plugin under mkdocs-static-i18n writes one index of both languages at /search/ and none under
/en/. static-i18n runs every hook once per language in one process, nesting the English build
inside the Chinese build's `on_post_build`, and leaves its current language at the last one built. So each build
takes its own entries before static-i18n merges them (priority 10), onto a stack that follows the nesting, and
writes them after static-i18n has written its merged index (priority -110). The logic is in website/search/.

Before the search plugin sets jieba up (its `on_config`), the Chinese search word list is made from the data files
(website/search/words.py) into a temporary file for the plugin's `jieba_dict_user`; jieba reads it there and then,
and it is removed again. Each word is given to jieba once per process (website.search.words.WordsGiven says why).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file
from website import upstream
from website.build.languages import language_build
from website.data_pages.validate import DataError, load_project_data
from website.search.index import INDEX_PATH, language_index, merge_rebuilt_pages, point_search_at, serialize
from website.search.words import WORDS_GIVEN, search_words, user_dictionary

PIPELINE = "search.config.pipeline"


@dataclass
class SearchBuilds:
    """What this hook keeps between events."""

    # `mkdocs serve --dirty` (the writers' preview) indexes only the pages it rebuilds.
    dirty: bool = False
    # (language root, index, index on disk before a preview's rebuild) of each language build under way, innermost
    # last; empty between builds.
    under_way: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = field(default_factory=list)


_search = SearchBuilds()


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _search.dirty = dirty


@event_priority(10)  # before the search plugin's on_config, which loads jieba's user dictionary
def write_word_list(config: MkDocsConfig) -> None:
    try:
        project, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
        data = load_project_data(project, docs, language_build(config).default_language)
    except DataError as error:
        raise PluginError(str(error)) from None
    words = WORDS_GIVEN.new(search_words(data))
    if not words:
        return
    handle, path = tempfile.mkstemp(prefix="search-words-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(user_dictionary(words))
    upstream.set_jieba_words_file(config, path)


@event_priority(-10)  # after it: jieba holds the words
def remove_word_list(config: MkDocsConfig) -> None:
    path = upstream.jieba_words_file(config)
    if path:
        os.remove(path)
        upstream.set_jieba_words_file(config, None)


on_config = CombinedEvent(write_word_list, remove_word_list)


def on_build_error(error: Exception) -> None:
    _search.under_way.clear()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build = language_build(config)
    if build.is_default:
        return output
    return point_search_at(output, get_relative_url(build.root, page.url))


@event_priority(10)
def take_language_entries(config: MkDocsConfig) -> None:
    index = upstream.search_entries(config)
    # Material settles the pipeline once, in the first language: English needs its own (no stemmer: the client's
    # prefix queries skip the pipeline, so stemmed words would not match "manufacturing").
    pipeline = upstream.search_pipeline(config, PIPELINE)
    index["config"]["pipeline"] = [step for step in re.split(r"\s*,\s*", pipeline) if step]
    root = language_build(config).root
    _search.under_way.append((root, index, _index_before_rebuild(config, root)))


def _index_before_rebuild(config: MkDocsConfig, root: str) -> dict[str, Any] | None:
    """In the writers' preview, which indexes the rebuilt pages only, the index the last build wrote."""
    path = Path(config.site_dir, root, INDEX_PATH)
    if not _search.dirty or not path.is_file():
        return None
    previous: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return previous


@event_priority(-110)
def write_language_index(config: MkDocsConfig) -> None:
    root, index, previous = _search.under_way.pop()
    index = language_index(index, root)
    if previous is not None:
        index = merge_rebuilt_pages(previous, index)
    write_file(serialize(index).encode("utf-8"), os.path.join(config.site_dir, root, INDEX_PATH))


on_post_build = CombinedEvent(take_language_entries, write_language_index)
