"""No stray spaces in Chinese paragraphs that writers wrapped over several lines.

The logic is in website/cjk/line_breaks.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from website.cjk.line_breaks import join_cjk_line_breaks


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return join_cjk_line_breaks(markdown)
