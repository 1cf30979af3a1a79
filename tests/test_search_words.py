"""The Chinese search word list, made from the data files: which words, in jieba's format, and kept whole."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jieba
import pytest
from local_site import copy_project
from sitebuild import ROOT, BuildResult, build
from test_search_index import load_index, tokens
from website.data_pages.models import Member, SiteData, Term
from website.data_pages.validate import load_project_data, load_site_data
from website.search.words import WordsGiven, search_words, user_dictionary

WORD_BREAK = "\u200b"


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_project_data(ROOT, ROOT / "docs", "zh")


def test_words_are_the_glossary_terms_then_the_units_names_each_once(data: SiteData) -> None:
    words = search_words(data)
    assert len(words) == len(set(words))
    glossary = [term.zh for term in data.glossary]
    assert words[: len(glossary)] == glossary
    names = [m.name["zh"] for m in data.members.entries]
    assert words[len(glossary) :] == [name for name in names if name not in glossary]
    # The guiding body is no member unit, but readers search for its name too.
    assert "重庆市经济和信息化委员会" in words


def test_a_name_is_cut_where_jieba_cuts_text_and_only_runs_with_chinese_count(data: SiteData) -> None:
    member = Member(id="x", name={"zh": "示例 ABC 模具企业（重庆）", "en": "X"}, type="enterprise", role="member")
    glossary = (Term(zh="产教融合", en="a"), Term(zh="“3+2”贯通培养班", en="b"), Term(zh=" 产教融合", en="c"))
    small = dataclasses.replace(data, members=dataclasses.replace(data.members, entries=(member,)), glossary=glossary)
    assert search_words(small) == ["产教融合", "贯通培养班", "示例", "模具企业", "重庆"]


def test_jieba_reads_the_list_and_keeps_each_word_whole(tmp_path: Path, data: SiteData) -> None:
    words = search_words(data)
    path = tmp_path / "words.txt"
    path.write_text(user_dictionary(words), encoding="utf-8")
    assert path.read_text(encoding="utf-8").splitlines() == words
    tokenizer = jieba.Tokenizer()
    # Without the list jieba splits the group's names; with it, each one is a word, in a sentence too.
    assert "重庆市工业设计协会" not in tokenizer.lcut("由重庆市工业设计协会提供")
    frequency = tokenizer.FREQ.get("模具", 0)
    tokenizer.load_userdict(str(path))
    for word in words:
        assert word in tokenizer.lcut(f"集团和{word}的消息"), word
    # A word jieba knows keeps at least its own frequency: the list never makes it weaker.
    assert tokenizer.FREQ["模具"] >= frequency


@pytest.mark.build
def test_a_new_glossary_term_is_kept_whole_in_the_built_index(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    term = "设计赋能联盟"
    assert term not in jieba.Tokenizer().lcut(f"集团与{term}合作。")  # jieba alone splits it
    glossary = project / "data" / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + f"  - {{zh: {term}, en: design empowerment alliance}}\n",
        encoding="utf-8",
    )
    assert term in search_words(load_site_data(project / "data", project / "docs" / "zh" / "news" / "posts"))
    page = project / "docs" / "zh" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n集团与{term}合作。\n", encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    site = build(project, tmp_path / "site", env={"TMPDIR": str(temporary)})
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "".join(doc["text"] for doc in index["docs"])
    assert f"{WORD_BREAK}{term}{WORD_BREAK}" in text
    # The list is a temporary file, removed once jieba has read it.
    assert not list(temporary.glob("search-words-*"))


@pytest.mark.build
def test_every_listed_word_in_the_chinese_index_is_one_word(site: BuildResult, data: SiteData) -> None:
    index = load_index(site, "zh")
    words = tokens(index)
    plain = "".join(f"{doc['title']} {doc['text']}" for doc in index["docs"]).replace(WORD_BREAK, "")
    listed = search_words(data)
    found = [word for word in listed if word in plain]
    assert len(found) > 30
    # A word is whole, or inside a longer listed word that is (模具 in 模具制造).
    split = [w for w in found if w not in words and not any(w in longer and longer in words for longer in listed)]
    assert split == []


def test_each_word_is_given_to_jieba_once_per_process(data: SiteData) -> None:
    words = search_words(data)
    given = WordsGiven()
    assert given.new(words) == words
    assert given.new(words) == []
    assert given.new([*words, "新词语"]) == ["新词语"]
