"""One voice: English in British spelling with one rendering per glossary term (pages, posts, data entries, the
built site), and Chinese counting schools with 所 and organisations with 家."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuild import ROOT, BuildResult, language_of
from website.data_pages.models import SiteData, Term
from website.data_pages.usage import misuses
from website.data_pages.validate import load_site_data

# Markdown that is not English prose: HTML comments (the site's markers) and link targets.
NOT_PROSE = re.compile(r"<!--.*?-->|\]\([^)]*\)", re.DOTALL)
# A number of schools counted with 家, or of organisations counted with 所, on one line (a few characters may stand
# between the number and the noun).
SCHOOLS_WITH_JIA = re.compile(r"(学校|院校|学院)[ \t]*\d+[ \t]*家|\d+[ \t]*余?家[^，。、；：\s]{0,6}?(学校|院校|学院)")
ORGANISATIONS_WITH_SUO = re.compile(
    r"(单位|企业|协会|组织|机构)[ \t]*\d+[ \t]*所|\d+[ \t]*余?所[^，。、；：\s]{0,6}?(单位|企业|协会)"
)
# Addresses are not prose (the site's URLs keep the spelling they were first published with).
URL = re.compile(r"https?://\S+")


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(ROOT / "data", ROOT / "docs" / "zh" / "news" / "posts")


def english_values(value: object, where: str) -> Iterator[tuple[str, str]]:
    """(where, text) of every English text of a data file: `en` values, and every text below an `en` key."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "avoid":  # the glossary's rejected renderings
                continue
            if key == "en":
                yield from ((f"{where}/en", text) for text in strings(item))
            else:
                yield from english_values(item, f"{where}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from english_values(item, f"{where}[{index}]")


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)


def test_the_check_finds_rejected_renderings_and_us_spellings() -> None:
    terms = [Term("产教融合", "industry-education integration", ("integration of industry and education",))]
    text = "Molds in the centre of a laboratory; the integration of industry\n and education; honorary colors."
    assert [(m.found, m.instead) for m in misuses(text, terms)] == [
        ("Molds", "moulds"),
        ("integration of industry and education", "industry-education integration"),
        ("colors", "colours"),
    ]


def test_english_sources_use_british_spelling_and_the_glossarys_renderings(data: SiteData) -> None:
    found = []
    for path in sorted((ROOT / "docs" / "en").rglob("*.md")):
        text = NOT_PROSE.sub(" ", path.read_text(encoding="utf-8"))
        found += [(path.relative_to(ROOT).as_posix(), m) for m in misuses(text, data.glossary)]
    for path in sorted((ROOT / "data").glob("*.yml")):
        for where, text in english_values(yaml.safe_load(path.read_text(encoding="utf-8")), path.name):
            found += [(where, m) for m in misuses(text, data.glossary)]
    assert found == []


def visible_text(soup: BeautifulSoup) -> str:
    for hidden in soup(["script", "style", "svg"]):
        hidden.decompose()
    head = " ".join(m["content"] for m in soup.select('meta[name="description"], meta[property="og:title"]'))
    return URL.sub(" ", f"{soup.title.get_text() if soup.title else ''} {head} {soup.get_text(' ')}")


@pytest.mark.build
def test_english_pages_use_british_spelling_and_the_glossarys_renderings(site: BuildResult, data: SiteData) -> None:
    found = []
    for path in site.content_pages():
        if language_of(path) == "en":
            found += [(path, m) for m in misuses(visible_text(site.page(path)), data.glossary)]
    assert found == []


@pytest.mark.build
def test_chinese_pages_count_schools_with_suo_and_organisations_with_jia(site: BuildResult) -> None:
    found = []
    for path in site.content_pages():
        if language_of(path) == "zh":
            text = visible_text(site.page(path))
            found += [
                (path, m[0]) for pattern in (SCHOOLS_WITH_JIA, ORGANISATIONS_WITH_SUO) for m in pattern.finditer(text)
            ]
    assert found == []
    assert SCHOOLS_WITH_JIA.search("中等职业学校 1 家") and SCHOOLS_WITH_JIA.search("3 家职业院校")
    assert not SCHOOLS_WITH_JIA.search("80 家单位，21 所学院")


def test_chinese_page_sources_count_schools_with_suo() -> None:
    found = []
    for path in sorted((ROOT / "docs" / "zh").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        found += [
            (path.name, m[0]) for pattern in (SCHOOLS_WITH_JIA, ORGANISATIONS_WITH_SUO) for m in pattern.finditer(text)
        ]
    assert found == []
