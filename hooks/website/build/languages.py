"""Which language mkdocs-static-i18n is building, and where that language's pages live."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class LanguageBuild:
    language: str
    default_language: str
    # The language's folder below the site root: '' for the default language, 'en/' for English.
    root: str

    @property
    def is_default(self) -> bool:
        return self.language == self.default_language


def language_build(config: MkDocsConfig) -> LanguageBuild:
    """The language being built. Valid while a language's pages and templates are rendered: after the nested
    builds static-i18n leaves its current language at the last language built."""
    i18n: Any = config.plugins["i18n"]
    default: str = i18n.default_language
    current: str = i18n.current_language or default
    root = "" if current == default else str(i18n.get_language_config(current).link).strip("/") + "/"
    return LanguageBuild(language=current, default_language=default, root=root)
