"""The Chinese search word list: the group's terms and names that jieba keeps whole when it splits Chinese text
into words for the search index. Runnable without MkDocs.

The words come from the data files, where they are kept once for the whole site: the Chinese terms of
data/glossary.yml and the Chinese names of the units in data/members.yml. Not every name in data/colleges.yml: a
whole 精密模具实训中心 would hide its page from a search for 实训中心 (Material's client does not split a query
into words), so the colleges' own names are glossary terms. The list is in jieba's user dictionary format with no
frequency: jieba then computes one high enough to keep each word whole and never lowers the frequency of a word
its own dictionary has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from website.data_pages.models import SiteData

# jieba's default tokenizer only ever looks up runs of these characters (jieba.re_han_default): a name with a space
# ("重庆 ABC 公司") cannot be one dictionary word, but each run of it can.
_JIEBA_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_HAN = re.compile(r"[\u4E00-\u9FD5]")


def search_words(data: SiteData) -> list[str]:
    """The words to keep whole, each once, in the order of the data files."""
    names = [*(term.zh for term in data.glossary), *(member.name["zh"] for member in data.members.entries)]
    return list(dict.fromkeys(run for name in names for run in _JIEBA_RUN.findall(name) if _HAN.search(run)))


class WordsGiven:
    """The words this process has given jieba. jieba keeps each word for the life of the process and counts a word
    given again as more text seen (its total frequency grows), so giving the list at every build would split the same
    Chinese text differently at each rebuild of a preview, or in the second language built by one process. Each word
    is given once."""

    def __init__(self) -> None:
        self._given: set[str] = set()

    def new(self, words: Iterable[str]) -> list[str]:
        """The words not given yet, now counted as given."""
        fresh = [word for word in words if word not in self._given]
        self._given.update(fresh)
        return fresh


WORDS_GIVEN = WordsGiven()


def user_dictionary(words: Iterable[str]) -> str:
    """jieba's user dictionary: one word a line (`word [frequency] [tag]`; the frequency left to jieba)."""
    return "".join(f"{word}\n" for word in words)
