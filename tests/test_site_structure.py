"""The built site: both languages, the language switcher, the fallback notice for untranslated pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from local_site import copy_project
from sitebuild import LANGUAGE_TAGS, OTHER_LANGUAGES, BuildResult, build, counterpart, language_of, resolve

# Each test builds the site (or a copy of the project) and reads what it produced.
pytestmark = pytest.mark.build

SECTIONS = ["", "about/", "charter/", "news/", "colleges/", "members/", "city-of-design/", "contact/"]


def test_strict_build_logs_no_warning(site: BuildResult) -> None:
    assert "WARNING" not in site.log
    assert "Unhandled file case" not in site.log


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_exists_in_both_languages(site: BuildResult, section: str) -> None:
    zh = site.page(section)
    en = site.page(f"en/{section}")
    assert zh.html["lang"] == LANGUAGE_TAGS["zh"] == "zh-CN"
    assert en.html["lang"] == LANGUAGE_TAGS["en"] == "en"
    assert zh.find("h1") is not None and en.find("h1") is not None


def is_news(path: str) -> bool:
    """A news post, archive or category page: it may exist in one language only (tests/test_news.py)."""
    return counterpart(path, "zh").startswith("news/")


def test_every_page_has_a_counterpart_in_every_language(site: BuildResult) -> None:
    pages = set(site.content_pages())
    missing = [
        (path, counterpart(path, lang))
        for path in pages
        for lang in ("zh", *OTHER_LANGUAGES)
        if lang != language_of(path) and counterpart(path, lang) not in pages and not is_news(path)
    ]
    assert missing == []


def test_language_switcher_leads_to_the_same_page(site: BuildResult) -> None:
    pages = site.content_pages()
    assert len(pages) >= 2 * len(SECTIONS)
    for path in pages:
        soup = site.page(path)
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert set(links) == {"zh", *OTHER_LANGUAGES}, path
        for lang, href in links.items():
            expected = counterpart(path, lang)
            if is_news(path) and expected not in pages:  # news only in this language: the other news index
                expected = counterpart("news/", lang)
            assert resolve(path, href) == expected, (path, lang, href)


def test_translated_pages_carry_no_untranslated_notice(site: BuildResult) -> None:
    for path in site.content_pages():
        assert site.page(path).select(".untranslated-notice") == [], path


def test_section_titles_are_translated_in_the_navigation(site: BuildResult) -> None:
    zh_tabs = [a.get_text(strip=True) for a in site.page("").select(".md-tabs__link")]
    en_tabs = [a.get_text(strip=True) for a in site.page("en/").select(".md-tabs__link")]
    assert "集团章程" in zh_tabs and "成员单位" in zh_tabs
    assert "Charter" in en_tabs and "Members" in en_tabs
    assert not any("集团" in t or "成员" in t for t in en_tabs)


@pytest.mark.parametrize(("language", "title"), [("zh", "本节链接"), ("en", "Link to this section")])
def test_heading_links_are_titled_in_the_page_s_language(site: BuildResult, language: str, title: str) -> None:
    pages = [path for path in site.content_pages() if language_of(path) == language]
    titles = {link["title"] for path in pages for link in site.page(path).select("a.headerlink")}
    assert titles == {title}


def test_untranslated_page_falls_back_with_an_english_notice(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "zh" / "only-zh").mkdir()
    (project / "docs" / "zh" / "only-zh" / "index.md").write_text("# 仅中文页面\n\n正文。\n", encoding="utf-8")
    result = build(project, tmp_path / "site")

    en = result.page("en/only-zh/")
    notice = en.select_one(".untranslated-notice")
    assert notice is not None
    assert "not been translated into English" in notice.get_text()
    link = notice.find("a")
    assert link is not None and resolve("en/only-zh/", link["href"]) == "only-zh/"
    assert en.find("h1").get_text(strip=True).startswith("仅中文页面")
    # The Chinese original itself carries no notice.
    assert result.page("only-zh/").select(".untranslated-notice") == []
