"""Search engines and link previews: absolute alternates, canonical, descriptions, Open Graph, JSON-LD, sitemap."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from sitebuild import ROOT, BuildResult, build, copy_project, counterpart, language_of

sys.path.insert(0, str(ROOT / "hooks"))

from seo import absolute, blog_posting, describe, language_alternates, open_graph, organization, twitter_card

SITE_URL = "http://127.0.0.1:8000/"
HREFLANG = {"zh": "zh-CN", "en": "en"}
OG_LOCALE = {"zh": "zh_CN", "en": "en_GB"}
ORGANISATION = {"zh": "重庆工业设计职业教育集团", "en": "Chongqing Industrial Design Vocational Education Group"}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def is_post(rel: str) -> bool:
    """A news post's path below its language root: news/<year>/<slug>/."""
    parts = rel.split("/")
    return len(parts) == 4 and parts[0] == "news" and parts[1].isdigit() and parts[3] == ""


def front_matter_description(url_path: str) -> str | None:
    """The description in the page's Markdown source; None for generated pages (news archives, categories)."""
    lang = language_of(url_path)
    rel = url_path[3:] if lang == "en" else url_path
    docs = ROOT / "docs" / lang
    candidates = [docs / rel / "index.md", docs / f"{rel.rstrip('/')}.md"]
    if is_post(rel):
        candidates.append(docs / "news" / "posts" / f"{rel.split('/')[2]}.md")
    source = next((c for c in candidates if c.is_file()), None)
    if source is None:
        return None
    front_matter = source.read_text(encoding="utf-8").split("---\n")[1]
    description = yaml.safe_load(front_matter).get("description")
    return str(description).strip() if description else None


# Unit: hooks/seo.py on its own.


def test_description_prefers_front_matter_then_first_paragraph_then_site() -> None:
    assert describe("  一句\n 描述 ", "<p>正文</p>", "站点") == "一句 描述"
    assert describe(None, '<h1>T</h1><p class="x">First <a href="#">para</a>.</p><p>Second</p>', "S") == "First para."
    assert describe(None, "<h1>Only a title</h1>", "Site description") == "Site description"
    long = describe(None, f"<p>{'字' * 200}</p>", "", limit=50)
    assert len(long) == 50 and long.endswith("…")


def test_alternates_are_absolute_with_x_default_on_the_default_language() -> None:
    got = language_alternates("https://example.org/g/", {"zh": "", "en": "en/about/"}, HREFLANG, "zh")
    assert [(a.hreflang, a.href) for a in got] == [
        ("zh-CN", "https://example.org/g/"),
        ("en", "https://example.org/g/en/about/"),
        ("x-default", "https://example.org/g/"),
    ]
    assert absolute("https://example.org/g/", "./") == "https://example.org/g/"


@dataclass(frozen=True)
class Picture:
    url: str = "https://e.org/a-share.jpg"
    width: int = 1200
    height: int = 630
    alt: str = "启动仪式"
    media_type: str = "image/jpeg"
    other_urls: tuple[str, ...] = ()


def test_a_share_image_gives_its_size_and_alt_to_open_graph_and_a_large_twitter_card() -> None:
    props = open_graph(
        title="T", description="D", url="https://e.org/", site_name="S", locale="zh_CN", alternate_locales=[],
        image=Picture(),
    )  # fmt: skip
    assert props[-5:] == [
        ("og:image", "https://e.org/a-share.jpg"), ("og:image:type", "image/jpeg"), ("og:image:width", "1200"),
        ("og:image:height", "630"), ("og:image:alt", "启动仪式"),
    ]  # fmt: skip
    assert twitter_card(Picture()) == [
        ("twitter:card", "summary_large_image"), ("twitter:image", "https://e.org/a-share.jpg"),
        ("twitter:image:alt", "启动仪式"),
    ]  # fmt: skip
    assert twitter_card(None) == [("twitter:card", "summary")]


def test_blog_posting_names_the_group_as_author_and_publisher() -> None:
    group = organization(
        name="G", alternate_names=["组"], url="https://e.org/", logo="https://e.org/l.svg", description="d",
        founding_date="2021", founder="S",
    )  # fmt: skip
    data = blog_posting(
        headline="Launch", url="https://e.org/news/x/", description="d", language="en",
        published="2023-01", images=[], publisher=group,
    )  # fmt: skip
    assert data["@type"] == "BlogPosting"
    assert data["datePublished"] == data["dateModified"] == "2023-01"
    assert data["author"] == data["publisher"] == {
        "@type": "Organization", "name": "G", "url": "https://e.org/", "logo": "https://e.org/l.svg",
    }  # fmt: skip
    assert "image" not in data


# The built site.


def test_every_page_has_absolute_canonical_and_language_alternates(site: BuildResult) -> None:
    for path in site.content_pages():
        soup = site.page(path)
        assert soup.select_one('link[rel="canonical"]')["href"] == SITE_URL + path, path
        links = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert links == {
            "zh-CN": SITE_URL + counterpart(path, "zh"),
            "en": SITE_URL + counterpart(path, "en"),
            "x-default": SITE_URL + counterpart(path, "zh"),
        }, path


def test_every_page_has_its_description_and_open_graph(site: BuildResult) -> None:
    for path in site.content_pages():
        soup = site.page(path)
        description = soup.select_one('meta[name="description"]')["content"]
        assert description == (front_matter_description(path) or description) and description, path
        og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
        lang = language_of(path)
        assert og["og:url"] == SITE_URL + path
        assert og["og:description"] == description
        assert og["og:locale"] == OG_LOCALE[lang]
        assert og["og:type"] == ("article" if is_post(path.removeprefix("en/")) else "website"), path
        assert og["og:title"] and og["og:site_name"] == soup.select_one(".md-header__topic .md-ellipsis").get_text(
            strip=True
        )


@pytest.mark.parametrize(("path", "name", "founder"), [("", "重庆工业设计职业教育集团", "重庆市轻工业学校"),
    ("en/", "Chongqing Industrial Design Vocational Education Group", "Chongqing Light Industry School")])  # fmt: skip
def test_home_page_describes_the_organisation_in_json_ld(site: BuildResult, path: str, name: str, founder: str) -> None:
    scripts = site.page(path).select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].get_text())
    assert data["@type"] == "Organization" and data["name"] == name
    assert data["url"] == SITE_URL + path
    assert data["foundingDate"] == "2021" and data["founder"]["name"] == founder
    assert data["logo"].startswith(SITE_URL)
    assert site.page(f"{path}about/").select('script[type="application/ld+json"]') == []


def post_sources() -> list[tuple[str, Path]]:
    """(language, Markdown file) of every news post."""
    return [
        (lang, path) for lang in HREFLANG for path in sorted((ROOT / "docs" / lang / "news" / "posts").glob("*.md"))
    ]


def expected_date(front_matter: dict[str, object]) -> str:
    """A post's date as precisely as its front matter gives it: a day, a month, or (a semester) the year."""
    day = front_matter["date"]
    assert isinstance(day, date)
    return {"day": f"{day:%Y-%m-%d}", "month": f"{day:%Y-%m}", "semester": f"{day:%Y}"}[
        str(front_matter.get("date_precision", "day"))
    ]


def test_each_post_is_an_article_with_blog_posting_json_ld(site: BuildResult) -> None:
    built = {path for path in site.content_pages() if is_post(path.removeprefix("en/"))}
    dates = {}
    for lang, source in post_sources():
        front_matter = yaml.safe_load(source.read_text(encoding="utf-8").split("---\n")[1])
        if front_matter.get("draft"):
            continue
        published = expected_date(front_matter)
        path = f"{'' if lang == 'zh' else lang + '/'}news/{front_matter['date'].year}/{source.stem}/"
        soup = site.page(path)
        scripts = [json.loads(s.get_text()) for s in soup.select('script[type="application/ld+json"]')]
        assert [data["@type"] for data in scripts] == ["BlogPosting"], path
        post = scripts[0]
        assert post["headline"] == front_matter["title"], path
        assert post["datePublished"] == published, path
        assert post["inLanguage"] == HREFLANG[lang]
        assert post["url"] == SITE_URL + path
        assert post["publisher"] == post["author"] == {
            "@type": "Organization", "name": ORGANISATION[lang], "url": SITE_URL + counterpart("", lang),
            "logo": SITE_URL + "assets/images/logo.svg",
        }  # fmt: skip
        og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
        assert og["og:type"] == "article" and og["article:published_time"] == published, path
        dates[path] = published
    assert set(dates) == built and len(built) >= 10
    # The source dates some news by month or semester only: no invented day for those.
    assert dates["news/2023/launch-ceremony/"] == "2023-05-17"
    assert (
        dates["news/2021/modern-industrial-college/"] == dates["en/news/2021/modern-industrial-college/"] == "2021-02"
    )
    assert dates["en/news/2022/apprenticeship-pilot-2022/"] == "2022"


def test_not_found_pages_are_not_for_indexing(site: BuildResult) -> None:
    for path in ("404.html", "en/404.html"):
        soup = site.page(path)
        assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
        assert soup.select_one('link[rel="canonical"]') is None


def test_sitemap_lists_every_page_with_its_alternates(site: BuildResult) -> None:
    root = ElementTree.parse(site.site_dir / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
    assert set(entries) == {SITE_URL + path for path in site.content_pages()}
    for loc, links in entries.items():
        path = loc[len(SITE_URL) :]
        assert links == {
            "zh-CN": SITE_URL + counterpart(path, "zh"),
            "en": SITE_URL + counterpart(path, "en"),
            "x-default": SITE_URL + counterpart(path, "zh"),
        }


def test_robots_txt_names_the_sitemap(site: BuildResult) -> None:
    robots = (site.site_dir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots.splitlines()


def test_absolute_urls_follow_site_url(tmp_path: Path) -> None:
    site_url = "https://example.org/group/"
    result = build(ROOT, tmp_path / "site", env={"SITE_URL": site_url})
    soup = result.page("en/charter/")
    assert soup.select_one('link[rel="canonical"]')["href"] == f"{site_url}en/charter/"
    assert soup.select_one('link[hreflang="x-default"]')["href"] == f"{site_url}charter/"
    assert f"Sitemap: {site_url}sitemap.xml" in (result.site_dir / "robots.txt").read_text(encoding="utf-8")
    assert f"<loc>{site_url}en/about/</loc>" in (result.site_dir / "sitemap.xml").read_text(encoding="utf-8")


def test_each_language_has_its_own_not_found_page(site: BuildResult) -> None:
    zh = site.page("404.html")
    en = site.page("en/404.html")
    assert zh.html["lang"] == "zh" and zh.h1.get_text(strip=True) == "页面未找到"
    assert en.html["lang"] == "en" and en.h1.get_text(strip=True) == "Page not found"
    assert en.select_one("article a[href='/en/']") is not None
    assert zh.select_one("article a[href='/']") is not None


def test_metadata_from_front_matter_is_escaped(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "zh" / "about" / "index.md"
    text = page.read_text(encoding="utf-8")
    tricky = '集团“概况” "quoted" <b>bold</b> & more'
    page.write_text(
        re.sub(r"^description: .+$", f"description: '{tricky}'", text, count=1, flags=re.M), encoding="utf-8"
    )
    soup = build(project, tmp_path / "site").page("about/")
    assert soup.select_one('meta[name="description"]')["content"] == tricky
    assert soup.select_one('meta[property="og:description"]')["content"] == tricky
    assert soup.select_one("head b") is None
