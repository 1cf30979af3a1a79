"""Search engines and link previews: absolute alternates, canonical, descriptions, Open Graph, JSON-LD, sitemap."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from local_site import copy_project
from sitebuild import LANGUAGE_TAGS, ROOT, BuildResult, build, counterpart, language_of
from website.seo.head import (
    absolute,
    blog_posting,
    describe,
    language_alternates,
    open_graph,
    organization,
    twitter_card,
)

SITE_URL = "http://127.0.0.1:8000/"
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
    got = language_alternates("https://example.org/g/", {"zh": "", "en": "en/about/"}, LANGUAGE_TAGS, "zh")
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
        node_id="https://e.org/#organization", name="G", alternate_names=["组"], url="https://e.org/",
        logo="https://e.org/l.png", description="d", founding_date="2021", founder="S",
    )  # fmt: skip
    data = blog_posting(
        headline="Launch", url="https://e.org/news/x/", description="d", language="en",
        published="2023-01-01T00:00:00+08:00", modified="2026-11-29T15:18:18+08:00", images=[], publisher=group,
    )  # fmt: skip
    assert data["@type"] == "BlogPosting"
    assert (data["datePublished"], data["dateModified"]) == ("2023-01-01T00:00:00+08:00", "2026-11-29T15:18:18+08:00")
    assert data["author"] == data["publisher"] == {
        "@type": "Organization", "@id": "https://e.org/#organization", "name": "G", "url": "https://e.org/",
        "logo": "https://e.org/l.png",
    }  # fmt: skip
    assert "image" not in data


# The built site.


@pytest.mark.build
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


@pytest.mark.build
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


@pytest.mark.build
@pytest.mark.parametrize(("path", "name", "founder"), [("", "重庆工业设计职业教育集团", "重庆市轻工业学校"),
    ("en/", "Chongqing Industrial Design Vocational Education Group", "Chongqing Light Industry School")])  # fmt: skip
def test_home_page_describes_the_organisation_in_json_ld(site: BuildResult, path: str, name: str, founder: str) -> None:
    nodes = {node["@type"]: node for node in json_ld(site, path)}
    assert set(nodes) == {"Organization", "WebSite"}
    data = nodes["Organization"]
    assert data["name"] == name
    assert data["url"] == SITE_URL + path
    assert data["foundingDate"] == "2021" and data["founder"]["name"] == founder
    # One group, one site: the same node names in both languages, stable whatever the page.
    assert data["@id"] == SITE_URL + "#organization"
    site_node = nodes["WebSite"]
    assert site_node["@id"] == SITE_URL + "#website"
    assert site_node["url"] == SITE_URL and site_node["name"] == name
    assert site_node["publisher"] == {"@id": data["@id"]}
    assert site_node["inLanguage"] == list(LANGUAGE_TAGS.values())
    assert json_ld(site, f"{path}about/") == []


def json_ld(site: BuildResult, path: str) -> list[dict[str, object]]:
    """The JSON-LD nodes in a page's head."""
    return [json.loads(s.get_text()) for s in site.page(path).select('script[type="application/ld+json"]')]


def git_commit_time(*paths: Path) -> datetime:
    """When the last commit touching any of the files was made, as git reports it."""
    relative = [str(path.relative_to(ROOT)) for path in paths]
    log = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", *relative], cwd=ROOT, capture_output=True, text=True
    )
    return datetime.fromtimestamp(int(log.stdout), UTC)


def post_sources() -> list[tuple[str, Path]]:
    """(language, Markdown file) of every news post."""
    return [
        (lang, path) for lang in LANGUAGE_TAGS for path in sorted((ROOT / "docs" / lang / "news/posts").glob("*.md"))
    ]


def expected_date(front_matter: dict[str, object]) -> str:
    """The moment a post went live, for machines: the full date its `date` field holds, 00:00 in Beijing (UTC+8),
    also for a post that the site dates by month or semester."""
    day = front_matter["date"]
    assert isinstance(day, date) and not isinstance(day, datetime)
    return f"{day:%Y-%m-%d}T00:00:00+08:00"


@pytest.mark.build
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
        scripts = json_ld(site, path)
        assert [data["@type"] for data in scripts] == ["BlogPosting"], path
        post = scripts[0]
        assert post["headline"] == front_matter["title"], path
        assert post["datePublished"] == published, path
        assert post["inLanguage"] == LANGUAGE_TAGS[lang]
        assert post["url"] == SITE_URL + path
        assert post["publisher"] == post["author"] == {
            "@type": "Organization", "@id": SITE_URL + "#organization", "name": ORGANISATION[lang],
            "url": SITE_URL + counterpart("", lang), "logo": SITE_URL + "assets/images/logo-512.png",
        }  # fmt: skip
        og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
        assert og["og:type"] == "article" and og["article:published_time"] == published, path
        dates[path] = published
    assert set(dates) == built and len(built) >= 10
    # A post the source dates by month or semester shows that (tests/test_news.py); machines get its `date` field.
    assert dates["news/2023/launch-ceremony/"] == "2023-05-17T00:00:00+08:00"
    assert dates["en/news/2021/modern-industrial-college/"] == "2021-02-01T00:00:00+08:00"
    assert dates["en/news/2022/apprenticeship-pilot-2022/"] == "2022-09-01T00:00:00+08:00"


def machine_dates(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """Every date the page gives machines: JSON-LD fields named date…, Open Graph properties ending in _time."""
    found = [(m["property"], m["content"]) for m in soup.select("meta[property$='_time']")]
    for script in soup.select('script[type="application/ld+json"]'):
        found += [(key, value) for key, value in json.loads(script.get_text()).items() if key.startswith("date")]
    return found


@pytest.mark.build
def test_every_machine_readable_date_is_a_full_moment_in_beijing_time(site: BuildResult) -> None:
    checked = 0
    for path in site.content_pages():
        for name, value in machine_dates(site.page(path)):
            moment = datetime.fromisoformat(value)
            assert moment.utcoffset() == timedelta(hours=8), (path, name, value)
            checked += 1
    assert checked >= 30  # three dates on each of the 10 posts


@pytest.mark.build
def test_a_posts_date_modified_is_its_last_change_and_never_before_it_went_live(site: BuildResult) -> None:
    for lang, source in post_sources():
        path = f"{'' if lang == 'zh' else lang + '/'}news/"
        page = next(p for p in site.content_pages() if p.startswith(path) and p.endswith(f"/{source.stem}/"))
        dates = dict(machine_dates(site.page(page)))
        committed = git_commit_time(source)
        assert datetime.fromisoformat(dates["dateModified"]) == max(
            committed, datetime.fromisoformat(dates["datePublished"])
        ), page


@pytest.mark.build
def test_not_found_pages_are_not_for_indexing(site: BuildResult) -> None:
    for path in ("404.html", "en/404.html"):
        soup = site.page(path)
        assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
        assert soup.select_one('link[rel="canonical"]') is None


@pytest.mark.build
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


@pytest.mark.build
def test_sitemap_gives_each_page_its_own_last_change(site: BuildResult) -> None:
    root = ElementTree.parse(site.site_dir / "sitemap.xml").getroot()
    lastmod = {
        url.findtext("s:loc", namespaces=SITEMAP_NS, default="")[len(SITE_URL) :]: datetime.fromisoformat(
            url.findtext("s:lastmod", namespaces=SITEMAP_NS, default="")
        )
        for url in root.findall("s:url", SITEMAP_NS)
    }
    assert all(moment.utcoffset() == timedelta(hours=8) for moment in lastmod.values())
    docs, data = ROOT / "docs", ROOT / "data"
    # A page made from a data file changed when the page or the data did.
    assert lastmod["about/"] == git_commit_time(docs / "zh" / "about" / "index.md", data / "milestones.yml")
    assert lastmod["en/members/"] == git_commit_time(docs / "en" / "members" / "index.md", data / "members.yml")
    assert lastmod["en/charter/"] == git_commit_time(docs / "en" / "charter" / "index.md")
    # A post, when it changed, but never before it went live; a news list, when the newest of its posts changed.
    post = docs / "zh" / "news" / "posts" / "launch-ceremony.md"
    went_live = datetime.fromisoformat("2023-05-17T00:00:00+08:00")
    assert lastmod["news/2023/launch-ceremony/"] == max(git_commit_time(post), went_live)
    posts_2022 = [docs / "zh" / "news" / "posts" / f"{slug}.md" for slug in ("apprenticeship-pilot-2022",)]
    posts_2022.append(docs / "zh" / "news" / "posts" / "city-of-design-action-plan.md")
    assert lastmod["news/archive/2022/"] == max(git_commit_time(p) for p in posts_2022)
    # A home page, when it or one of the posts its news shows (all five) changed.
    for lang, root in (("zh", ""), ("en", "en/")):
        shown = sorted((docs / lang / "news" / "posts").glob("*.md"))
        assert len(shown) == 5
        assert lastmod[root] == max(git_commit_time(docs / lang / "index.md", *shown), went_live)
    assert len(set(lastmod.values())) >= 4, "every page got the same date"


@pytest.mark.build
def test_robots_txt_names_the_sitemap(site: BuildResult) -> None:
    robots = (site.site_dir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots.splitlines()


@pytest.mark.build
def test_absolute_urls_follow_site_url(tmp_path: Path) -> None:
    site_url = "https://example.org/group/"
    result = build(ROOT, tmp_path / "site", env={"SITE_URL": site_url})
    soup = result.page("en/charter/")
    assert soup.select_one('link[rel="canonical"]')["href"] == f"{site_url}en/charter/"
    assert soup.select_one('link[hreflang="x-default"]')["href"] == f"{site_url}charter/"
    assert f"Sitemap: {site_url}sitemap.xml" in (result.site_dir / "robots.txt").read_text(encoding="utf-8")
    assert f"<loc>{site_url}en/about/</loc>" in (result.site_dir / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.build
def test_every_page_declares_its_language_as_its_alternates_do(site: BuildResult) -> None:
    for path in site.content_pages():
        soup = site.page(path)
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        own = soup.select_one(f'link[rel="alternate"][hreflang][href="{canonical}"]:not([hreflang="x-default"])')
        assert soup.html["lang"] == own["hreflang"] == LANGUAGE_TAGS[language_of(path)], path
    # The tag is not Material's language name: its Chinese interface text is still used.
    assert site.page("").select_one("input.md-search__input")["placeholder"] == "搜索"


@pytest.mark.build
def test_each_language_has_its_own_not_found_page(site: BuildResult) -> None:
    zh = site.page("404.html")
    en = site.page("en/404.html")
    assert zh.html["lang"] == "zh-CN" and zh.h1.get_text(strip=True) == "页面未找到"
    assert en.html["lang"] == "en" and en.h1.get_text(strip=True) == "Page not found"
    assert en.select_one("article a[href='/en/']") is not None
    assert zh.select_one("article a[href='/']") is not None


@pytest.mark.build
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
