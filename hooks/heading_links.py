"""The title of the link beside each heading (`toc` extension's `permalink_title`) in the language being built.

markdown_extensions is one setting for every language (static-i18n does not let a language override it): the title
comes from the language's `extra.ui.permalink_title`, which static-i18n sets for each language's build.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-110)  # after static-i18n's on_config (-100) has set the language's extra
def on_config(config: MkDocsConfig) -> None:
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = config.extra["ui"]["permalink_title"]
