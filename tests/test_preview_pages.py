"""The rules of the writers' preview (hooks/website/preview/plan.py), without MkDocs. tests/test_preview.py serves the
site and checks that, with these rules, the preview shows what a full rebuild shows."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import jinja2
import pytest
from website.preview.plan import (
    PREVIEW_NOTICE,
    ListPage,
    SiteFolders,
    SiteShape,
    other_languages_unchanged,
    plan_preview,
    turn_dirty_warning_into_notice,
)
from website.upstream import blog_list_pages

MKDOCS_DIRTY_WARNING = (
    "A 'dirty' build is being performed, this will likely lead to inaccurate navigation and other links within your "
    "site. This option is designed for site development purposes only."
)


@pytest.fixture
def written(tmp_path: Path) -> dict[str, str]:
    """The outputs of a small site whose pages were all written by the last build."""
    names = ["home", "about", "news-1", "news-2", "year-1", "post-a", "post-b", "post-c"]
    outputs = {name: str(tmp_path / name / "index.html") for name in names}
    for output in outputs.values():
        Path(output).parent.mkdir()
        Path(output).write_text("built", encoding="utf-8")
    return outputs


def shape_of(out: dict[str, str]) -> SiteShape:
    lists = (
        ListPage(out["news-1"], (out["post-a"], out["post-b"]), in_navigation=True),
        ListPage(out["news-2"], (out["post-c"],), in_navigation=False),
        ListPage(out["year-1"], (out["post-a"], out["post-b"], out["post-c"]), in_navigation=True),
    )
    return SiteShape(lists, navigation=("page home", "page about", "page news-1"))


def test_a_saved_post_rewrites_itself_the_other_pages_and_the_list_pages_that_show_it(written: dict[str, str]) -> None:
    shape = shape_of(written)
    posts = {written["post-a"]: False, written["post-b"]: False, written["post-c"]: True}
    plan = plan_preview(shape, shape, posts, written.values())
    assert plan.write == {written[name] for name in ("post-c", "home", "about", "news-2", "year-1")}
    # The lists' first pages for their titles, and every post the rewritten lists show, for its excerpt.
    assert plan.read == plan.write | {written["news-1"], written["post-a"], written["post-b"]}


def test_a_list_page_never_written_is_written(written: dict[str, str]) -> None:
    os.remove(written["news-2"])
    shape = shape_of(written)
    plan = plan_preview(
        shape, shape, dict.fromkeys((written["post-a"], written["post-b"], written["post-c"]), False), written.values()
    )
    assert written["news-2"] in plan.write
    assert written["news-1"] not in plan.write
    assert written["post-c"] in plan.read - plan.write


@pytest.mark.parametrize("last", ["none", "other lists", "other navigation"])
def test_a_changed_shape_rewrites_every_page(written: dict[str, str], last: str) -> None:
    shape = shape_of(written)
    last_shape = {
        "none": None,
        "other lists": SiteShape(shape.lists[:2], shape.navigation),
        "other navigation": SiteShape(shape.lists, shape.navigation[:2]),
    }[last]
    plan = plan_preview(shape, last_shape, {written["post-a"]: False}, written.values())
    assert plan.read == plan.write == set(written.values())


class FakeView:
    def __init__(self, posts: list[str], pages: int = 0, views: tuple[FakeView, ...] = ()) -> None:
        self.posts, self.views = posts, list(views)
        self.pages = [self, *(FakeView(posts) for _ in range(pages - 1))] if pages else []


class FakeBlog:
    """The blog plugin as blog_list_pages reads it: its index, its views, and how each view is paginated."""

    def __init__(self, index: FakeView, per_page: int) -> None:
        self.blog, self.per_page = index, per_page

    def _resolve_views(self, view: FakeView) -> list[FakeView]:
        return [view, *(nested for child in view.views for nested in self._resolve_views(child))]

    def _config_pagination(self, view: FakeView) -> bool:
        return bool(view.pages)

    def _config_pagination_per_page(self, view: FakeView) -> int:
        return self.per_page


def test_pages_of_a_list_show_its_posts_as_the_blog_paginates() -> None:
    year = FakeView(list("ab"))  # not paginated: one page with every post
    index = FakeView(list("abcde"), pages=3, views=(year,))
    listed = [(page.view.posts[page.shown], page.first) for page in blog_list_pages(FakeBlog(index, per_page=2))]
    assert listed == [(["a", "b"], True), (["c", "d"], False), (["e"], False), (["a", "b"], True)]


def test_the_output_is_stale_on_the_first_build_and_after_a_change_outside_the_docs(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "hooks" / "__pycache__").mkdir(parents=True)
    members = tmp_path / "data" / "members.yml"
    members.write_text("members: []\n", encoding="utf-8")
    starts = SiteFolders()
    site = str(tmp_path / "site")

    def start(folder: str = site) -> bool:
        return starts.start_build(folder, tmp_path, tmp_path / "docs", ["zh"]).stale

    assert start()
    assert not start()
    # Bytecode written while building is not a change.
    bytecode = tmp_path / "hooks" / "__pycache__" / "preview.cpython-311.pyc"
    bytecode.write_bytes(b"")
    assert not start()
    # A data file saved, even with a time before the last build's (the file system's clock is not the machine's).
    earlier = os.stat(members).st_mtime - 3600
    os.utime(members, (earlier, earlier))
    assert start()
    assert not start()
    (tmp_path / "data" / "news.yml").write_text("categories: []\n", encoding="utf-8")
    assert start()
    (tmp_path / "data" / "news.yml").unlink()
    assert start()
    # Another site folder has its own history.
    assert start(str(tmp_path / "other-site"))


class Counted(logging.Handler):
    """Like MkDocs' strict-mode counter: the records at WARNING or above."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_the_dirty_build_warning_becomes_a_notice_and_other_warnings_stay(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test_preview_pages.build")
    counted = Counted()
    logger.addHandler(counted)
    turn_dirty_warning_into_notice(logger)
    turn_dirty_warning_into_notice(logger)
    assert len(logger.filters) == 1
    with caplog.at_level(logging.INFO, logger=logger.name):
        logger.warning(MKDOCS_DIRTY_WARNING)
        logger.warning("Doc file 'news/index.md' contains a link 'missing.md', but the target is not found.")
    assert [record.getMessage() for record in counted.records] == [
        "Doc file 'news/index.md' contains a link 'missing.md', but the target is not found."
    ]
    assert (logging.INFO, PREVIEW_NOTICE) in [(record.levelno, record.getMessage()) for record in caplog.records]


def test_compiled_templates_are_kept_per_language_and_site_url_until_a_change_outside_the_docs(tmp_path: Path) -> None:
    (tmp_path / "overrides").mkdir()
    template = tmp_path / "overrides" / "main.html"
    template.write_text("{{ 'x' | shout }}", encoding="utf-8")
    folders = SiteFolders()
    site = str(tmp_path / "site")
    folders.start_build(site, tmp_path, tmp_path / "docs", ["zh"])

    def render(language: str, site_url: str = "http://127.0.0.1:8000/") -> str:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(tmp_path / "overrides"),
            bytecode_cache=folders.compiled_templates(site, language, site_url),
        )
        # A filter that depends on the build, applied to a constant: Jinja folds it into the compiled code.
        env.filters["shout"] = lambda text: f"{text}-{language}-{site_url}-{template.stat().st_mtime_ns}"
        return env.get_template("main.html").render()

    first = render("zh")
    assert render("zh") == first
    assert render("en") != first and render("en").startswith("x-en-")
    assert render("zh", "http://127.0.0.1:9000/").startswith("x-zh-http://127.0.0.1:9000/")
    # The same text, a new modification time: only a change outside docs/ shows it, by dropping the kept code.
    later = template.stat().st_mtime + 60
    os.utime(template, (later, later))
    assert render("zh") == first
    assert folders.start_build(site, tmp_path, tmp_path / "docs", ["zh"]).stale
    assert render("zh") != first


def test_the_other_languages_stay_when_only_pages_they_have_too_were_saved(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for path in ("zh/about/index.md", "en/about/index.md", "zh/charter/index.md"):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("# page\n", encoding="utf-8")
    folders = SiteFolders()
    site = str(tmp_path / "site")

    def unchanged(saved: list[str], everything: bool = False) -> bool:
        """What a rebuild of the Chinese pages decides, starting now, after the last one."""
        start = folders.start_build(site, tmp_path, docs, ["zh", "en"])
        return other_languages_unchanged(start, everything, saved, docs, "zh", ["en"])

    assert not unchanged([])  # the first build into the folder
    assert unchanged(["zh/about/index.md"])
    assert unchanged([])
    # English shows the Chinese charter in place of its own: it must show the saved one.
    assert not unchanged(["zh/charter/index.md"])
    # A shared file, outside the language's folder.
    assert not unchanged(["assets/images/logo.svg"])
    assert not unchanged(["zh/about/index.md"], everything=True)
    # A change outside docs/.
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert not unchanged(["zh/about/index.md"])
    # A Chinese page saved is this build's own business; an English page saved, added or removed since the last
    # build is not.
    (docs / "zh" / "about" / "index.md").write_text("# saved\n", encoding="utf-8")
    assert unchanged(["zh/about/index.md"])
    english = docs / "en" / "about" / "index.md"
    os.utime(english, (os.stat(english).st_mtime - 60,) * 2)
    assert not unchanged(["zh/about/index.md"])
    assert unchanged(["zh/about/index.md"])
    (docs / "en" / "charter").mkdir()
    (docs / "en" / "charter" / "index.md").write_text("# charter\n", encoding="utf-8")
    assert not unchanged(["zh/about/index.md"])
    english.unlink()
    assert not unchanged([])
    assert unchanged([])
