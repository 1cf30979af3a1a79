"""Make Material's markup valid HTML on every page (logic and reasons in website/theme/material_repairs.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from website.theme.material_repairs import repair


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return repair(output)
