"""Repairs of Material's invalid markup: each repair, and that nothing else changes."""

from __future__ import annotations

import pytest
from sitebuild import BuildResult
from website.theme.material_repairs import repair


def test_empty_tabindex_is_dropped_and_real_ones_kept() -> None:
    html = '<label class="md-nav__link" for="__nav_4" tabindex="">x</label><label tabindex="0">y</label>'
    assert repair(html) == '<label class="md-nav__link" for="__nav_4">x</label><label tabindex="0">y</label>'


def test_toc_label_loses_its_target_only_when_the_toggle_is_missing() -> None:
    label = '<label class="md-nav__title" for="__toc">Table of contents</label>'
    assert repair(label) == '<label class="md-nav__title">Table of contents</label>'
    with_toggle = f'<input type="checkbox" id="__toc">{label}'
    assert repair(with_toggle) == with_toggle


def test_excerpt_authors_and_read_more_are_no_navigation_landmarks() -> None:
    pictures = '\n<span class="md-author"><img src="a.svg" alt="A"></span>\n'
    html = f'<article><nav class="md-post__authors md-typeset">{pictures}</nav></article><nav class="md-nav">menu</nav>'
    assert repair(html) == (
        f'<article><div class="md-post__authors md-typeset">{pictures}</div></article><nav class="md-nav">menu</nav>'
    )
    more = '<nav class="md-post__action">\n<a href="2023/launch-ceremony/">继续阅读</a>\n</nav>'
    assert repair(more) == '<div class="md-post__action">\n<a href="2023/launch-ceremony/">继续阅读</a>\n</div>'


def test_post_metadata_is_no_navigation_landmark_and_related_links_stay_one() -> None:
    title = '<div class="md-post__title">\n<span class="md-ellipsis">\n{}\n</span>\n</div>\n'
    items = '<ul class="md-nav__list">\n<li class="md-nav__item">\n{}</li></ul>'
    meta = items.format('<div class="md-nav__link">\n<time>2023</time></div>')
    links = items.format('<a href="x/" class="md-nav__link">X</a>')
    sidebar = (
        f'<nav class="md-nav md-nav--primary">{title.format("元数据")}<nav class="md-nav">\n{meta}\n</nav>'
        f'{title.format("相关链接")}<nav class="md-nav">\n{links}\n</nav></nav>'
    )
    assert repair(sidebar) == (
        f'<nav class="md-nav md-nav--primary">{title.format("元数据")}<div class="md-nav">\n{meta}\n</div>'
        f'{title.format("相关链接")}<nav class="md-nav">\n{links}\n</nav></nav>'
    )


def test_page_text_that_looks_like_the_markup_is_left_alone() -> None:
    text = '<p>tabindex=&quot;&quot; is not valid</p><code>tabindex=""x</code>'
    assert repair(text) == text


@pytest.mark.build
def test_built_pages_carry_no_empty_tabindex_or_dangling_toc_label(site: BuildResult) -> None:
    for page in site.html_pages():
        html = page.read_text(encoding="utf-8")
        assert 'tabindex=""' not in html, page
        assert 'for="__toc"' not in html or 'id="__toc"' in html, page
        assert '<nav class="md-post__' not in html, page
        if "md-content--post" in html:  # a post: its sidebar is the one unlabelled navigation landmark
            assert BuildResult.soup(page).select(".md-post nav nav") == [], page
