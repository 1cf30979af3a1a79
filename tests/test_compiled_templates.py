"""The hooks' template environments keep their compiled templates in one cache on disk (hooks/compiled_templates.py):
a later build, in another process too, compiles them not again, and still shows an edited template's new text. (The
theme's templates, whose filters depend on the build, are compiled at every build: tests/test_seo.py's
test_absolute_urls_follow_site_url builds with two site URLs and fails if robots.txt keeps the first.)"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from local_site import copy_project
from sitebuild import build
from website.templating import COMPILED_TEMPLATES


def environment(folder: Path) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=COMPILED_TEMPLATES)


def test_a_compiled_template_is_reused_until_its_text_changes(tmp_path: Path) -> None:
    template = tmp_path / "page.html"
    template.write_text("Hello {{ name }}", encoding="utf-8")
    assert environment(tmp_path).get_template("page.html").render(name="a") == "Hello a"
    reusing = environment(tmp_path)

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    reusing.compile = no_compiling  # type: ignore[method-assign]
    assert reusing.get_template("page.html").render(name="b") == "Hello b"
    template.write_text("Goodbye {{ name }}", encoding="utf-8")
    assert environment(tmp_path).get_template("page.html").render(name="c") == "Goodbye c"


@pytest.mark.build
def test_a_build_shows_templates_edited_since_the_last_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    build(project, tmp_path / "before", one_process=True)
    logic = project / "hooks" / "website"
    edits = {
        project / "overrides" / "partials" / "copyright.html": ('<div class="md-copyright">', "THEME-EDIT"),
        logic / "data_pages" / "templates" / "timeline.html": ('<ol class="timeline">', "DATA-EDIT"),
        logic / "news" / "templates" / "news-feed.xml": ("<channel>", "FEED-EDIT"),
    }
    for path, (anchor, mark) in edits.items():
        text = path.read_text(encoding="utf-8")
        assert anchor in text, path
        path.write_text(text.replace(anchor, f"{anchor}<!-- {mark} -->", 1), encoding="utf-8")
    site = build(project, tmp_path / "after", one_process=True).site_dir
    assert "THEME-EDIT" in (site / "index.html").read_text(encoding="utf-8")
    assert "DATA-EDIT" in (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "FEED-EDIT" in (site / "news" / "feed.xml").read_text(encoding="utf-8")
