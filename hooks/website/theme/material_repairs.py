"""Repairs to invalid HTML that Material for MkDocs 9.x writes, found by the Nu validator on our pages.

- `partials/nav-item.html` gives the label of a navigation section `tabindex=""` whenever the section is shown as a
  tab's sidebar (the empty string is not a valid tabindex).
- `partials/toc.html` labels its title `for="__toc"`, a checkbox that `nav-item.html` only writes for pages in the
  navigation, so a news post or archive page has a label pointing at nothing.
- `partials/post.html` wraps each excerpt's author pictures and its "continue reading" link in unlabelled `<nav>`s:
  a news list then has many navigation landmarks with the same (empty) name. They become `<div>`s; the link stays.
- `blog-post.html` puts a post's date and categories (its "metadata" list) in an unlabelled `<nav>` inside the
  unlabelled `<nav>` of the post's sidebar: two navigation landmarks with the same (empty) name (axe-core's
  landmark-unique). The metadata list is no navigation: it becomes a `<div>`, the sidebar keeps its `<nav>`.

All are plain text substitutions on Material's own, fixed markup, so no page content is touched.
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = re.compile(r' tabindex=""(?=[\s>])')
TOC_TOGGLE_ID = 'id="__toc"'
TOC_LABEL_FOR = ' for="__toc"'
# These hold only pictures or one link (no nested <nav>), so the first </nav> closes them.
EXCERPT_NAV = re.compile(r'<nav class="(md-post__(?:authors|action)\b[^"]*)">(.*?)</nav>', re.DOTALL)
# The metadata list under its title: items that are plain text (a date, categories), so no nested <nav>. The post's
# "related links" list has the same title markup but its items are links (`<a class="md-nav__link">`).
POST_META_NAV = re.compile(
    r'(<div class="md-post__title">\s*<span class="md-ellipsis">[^<]*</span>\s*</div>\s*)'
    r'<nav class="md-nav">'
    r'(\s*<ul class="md-nav__list">\s*<li class="md-nav__item">\s*<div class="md-nav__link">.*?)</nav>',
    re.DOTALL,
)


def repair(html: str) -> str:
    html = EMPTY_TABINDEX.sub("", html)
    if TOC_TOGGLE_ID not in html:
        html = html.replace(TOC_LABEL_FOR, "")
    html = POST_META_NAV.sub(r'\1<div class="md-nav">\2</div>', html, count=1)
    return EXCERPT_NAV.sub(r'<div class="\1">\2</div>', html)
