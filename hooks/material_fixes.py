"""Make Material's markup valid HTML on every page (logic and reasons in material_markup.py)."""

from __future__ import annotations

from material_markup import repair
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return repair(output)
