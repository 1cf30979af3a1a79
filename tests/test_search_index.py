"""Each language has its own compact search index holding only its pages; its pages load that index."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sitebuild import LANGUAGE_ROOTS, BuildResult, resolve
from website.search.index import (
    WORD_BREAK,
    SearchIndexError,
    drop_redundant_breaks,
    language_index,
    merge_rebuilt_pages,
    point_search_at,
    serialize,
)

ZH_SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；]+")
INDEXES = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}


def text_size(docs: list[dict[str, Any]]) -> int:
    """UTF-8 bytes of the indexed text itself: titles and text, without markup or word separators."""
    plain = (re.sub(f"<[^>]+>|{WORD_BREAK}", "", f"{doc.get('title', '')}{doc.get('text', '')}") for doc in docs)
    return sum(len(text.encode("utf-8")) for text in plain)


def load_index(site: BuildResult, language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site.site_dir / INDEXES[language]).read_text(encoding="utf-8"))
    return data


def tokens(index: dict[str, Any]) -> set[str]:
    """The words the index splits its text into, as Material's client does (markup aside)."""
    separator = re.compile(index["config"]["separator"])
    words: set[str] = set()
    for doc in index["docs"]:
        words.update(separator.split(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")))
    return words - {""}


# Unit: the module on its own.


def test_word_breaks_next_to_a_separator_are_dropped_and_others_kept() -> None:
    text = "\u200b集团\u200b按照\u200b“\u200b平等\u200b自愿\u200b、\u200b互惠\u200b 80 \u200b家"
    assert drop_redundant_breaks(text, ZH_SEPARATOR) == "集团\u200b按照\u200b“\u200b平等\u200b自愿、互惠 80 家"
    # Two breaks in a row split nothing more than one, but dropping both would merge the words.
    assert drop_redundant_breaks("模具\u200b\u200b制造", ZH_SEPARATOR) == "模具\u200b\u200b制造"


def test_language_index_relocates_entries_to_the_language_root() -> None:
    index = {
        "config": {"separator": r"[\s\-]+", "lang": ["en"]},
        "docs": [
            {"location": "en/", "title": "Home", "text": "<p>x</p>"},
            {"location": "en/about/#history", "title": "History", "text": "y", "boost": 2},
        ],
    }
    result = language_index(index, "en/")
    assert [d["location"] for d in result["docs"]] == ["", "about/#history"]
    assert result["docs"][1]["boost"] == 2
    assert result["config"] == index["config"]


def test_an_entry_of_another_language_is_an_error() -> None:
    index = {"config": {"separator": r"\s+"}, "docs": [{"location": "about/", "title": "t", "text": ""}]}
    with pytest.raises(SearchIndexError, match="'about/' is not under the language root 'en/'"):
        language_index(index, "en/")


def test_serialized_index_is_compact_utf8() -> None:
    out = serialize({"docs": [{"title": "产教融合", "text": "a \u200bb"}]})
    assert out == '{"docs":[{"title":"产教融合","text":"a \u200bb"}]}'
    assert "\\u" not in out


def test_text_size_counts_text_without_markup_or_word_breaks() -> None:
    assert text_size([{"title": "模具", "text": "<p>模具\u200b制造</p>"}]) == len("模具模具制造".encode())


def test_point_search_at_changes_only_the_client_base() -> None:
    html = (
        '<body><script id="__config" type="application/json">{"base": "../..", "search": "x.js",'
        ' "translations": {"t": "</b>"}}</script><script src="b.js"></script></body>'
    )
    out = point_search_at(html, "../")
    config = json.loads(re.search(r'id="__config" type="application/json">(.*?)</script>', out).group(1))
    assert config == {"base": "../", "search": "x.js", "translations": {"t": "</b>"}}
    assert out.endswith('<script src="b.js"></script></body>')
    with pytest.raises(SearchIndexError):
        point_search_at("<body></body>", "./")


# The built site.


@pytest.mark.build
@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_language_index_holds_exactly_its_own_pages(site: BuildResult, language: str) -> None:
    index = load_index(site, language)
    root = LANGUAGE_ROOTS[language]
    indexed = {root + doc["location"].split("#")[0] for doc in index["docs"]}
    pages = {
        site.url_path_of(p)
        for p in site.html_pages()
        if p.name != "404.html" and (site.url_path_of(p).startswith("en/") == (language == "en"))
    }
    assert indexed == pages


@pytest.mark.build
def test_search_words_stay_whole_in_the_chinese_index(site: BuildResult) -> None:
    words = tokens(load_index(site, "zh"))
    assert {"产教融合", "设计之都", "现代学徒制", "模具制造", "重庆市轻工业学校"} <= words
    assert {"mould", "apprenticeship"} <= {w.lower() for w in tokens(load_index(site, "en"))}


@pytest.mark.build
def test_chinese_index_is_utf8_and_at_most_twice_its_text(site: BuildResult) -> None:
    raw = (site.site_dir / INDEXES["zh"]).read_bytes()
    index = json.loads(raw)
    assert b"\\u" not in raw.replace(b"\\u200b", b"").replace(b"\\u3000", b"")  # only the separator's own
    assert len(raw) <= 2 * text_size(index["docs"])


@pytest.mark.build
@pytest.mark.parametrize(
    "path", ["", "about/", "charter/", "en/", "en/about/", "en/charter/", "404.html", "en/404.html"]
)
def test_pages_load_their_own_language_index(site: BuildResult, path: str) -> None:
    config = json.loads(site.page(path).select_one("script#__config").get_text())
    language_root = "en/" if path.startswith("en/") else ""
    base = config["base"].rstrip("/") + "/"
    target = base.lstrip("/") if base.startswith("/") else resolve(path, base)
    assert target == language_root
    assert (site.site_dir / target / "search" / "search_index.json").is_file()


def test_a_partial_rebuild_replaces_the_rebuilt_pages_entries_in_place() -> None:
    config = {"lang": ["zh"], "separator": "[\\s]+"}

    def index(*entries: tuple[str, str]) -> dict[str, Any]:
        return {
            "config": config,
            "docs": [{"location": where, "title": where, "text": text} for where, text in entries],
        }

    previous = index(("", "旧"), ("news/a/", "旧"), ("news/a/#part", "旧"), ("about/", "旧"))
    rebuilt = index(("news/a/", "新"), ("news/a/#other", "新"), ("news/b/", "新"))
    merged = merge_rebuilt_pages(previous, rebuilt)
    assert [(doc["location"], doc["text"]) for doc in merged["docs"]] == [
        ("", "旧"),
        ("news/a/", "新"),
        ("news/a/#other", "新"),
        ("about/", "旧"),
        ("news/b/", "新"),
    ]
    assert merged["config"] == config
