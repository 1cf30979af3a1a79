"""`make build` runs one process per language (scripts/build_site.py, hooks/one_language.py): it must produce the
very same site, byte for byte, as static-i18n building both languages in one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_site import join_sitemaps
from local_site import copy_project
from photo_posts import add_to_post
from sample_images import write_phone_jpeg
from sitebuild import ROOT, build, write_posts
from website.build.languages import SiteLanguages

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_one_process_per_language_builds_the_same_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write_posts(project, 12)
    # A shared photo that only an English post shows: its versions are written by the English build alone.
    write_phone_jpeg(project / "docs" / "assets" / "images" / "news" / "test" / "en-only.jpg", 640, 480)
    add_to_post(project, "en", "test-news-00", "![A workshop](../../../assets/images/news/test/en-only.jpg)")
    parallel = files_of(build(project, tmp_path / "parallel", env=EPOCH).site_dir)
    sequential = files_of(build(project, tmp_path / "sequential", env=EPOCH, one_process=True).site_dir)
    assert sorted(parallel) == sorted(sequential)
    assert [name for name in parallel if parallel[name] != sequential[name]] == []
    # The fixture did reach the shapes the blog makes: a second page of the list, in both languages.
    assert "news/page/2/index.html" in parallel and "en/news/page/2/index.html" in parallel
    assert "assets/images/news/test/en-only-480.webp" in parallel


def test_languages_come_from_mkdocs_yml_default_first() -> None:
    languages = SiteLanguages.of_project(ROOT)
    assert (languages.codes, languages.roots) == (("zh", "en"), {"zh": "", "en": "en/"})
    assert languages.names == {"zh": "简体中文", "en": "English"}


def test_sitemaps_are_joined_in_language_order() -> None:
    head = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="s">\n'
    zh = f"{head}  <url><loc>/</loc></url>\n</urlset>"
    en = f"{head}  <url><loc>/en/</loc></url>\n</urlset>"
    assert join_sitemaps([zh, en]) == f"{head}  <url><loc>/</loc></url>\n  <url><loc>/en/</loc></url>\n</urlset>"


@pytest.mark.build
@pytest.mark.parametrize("language", ["fr", "zh-TW"])
def test_an_unknown_language_is_refused_by_name(tmp_path: Path, language: str) -> None:
    result = build(ROOT, tmp_path / "site", env={"SITE_LANGUAGE": language}, fails=True, one_process=True)
    assert f"SITE_LANGUAGE='{language}' is not a language of this site; expected one of: zh, en" in result.log
