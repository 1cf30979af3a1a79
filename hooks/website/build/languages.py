"""The site's languages, as mkdocs-static-i18n's settings in mkdocs.yml declare them (the one list of languages),
and which of them a build is building."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import yaml_load

from website import upstream


@dataclass(frozen=True)
class SiteLanguages:
    """The languages built, the default (at the site root) first, and each one's folder below the site root."""

    codes: tuple[str, ...]
    roots: Mapping[str, str]  # '' for the default language, 'en/' for English
    names: Mapping[str, str]  # each language's name in itself: 简体中文, English

    @property
    def default(self) -> str:
        return self.codes[0]

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    def root(self, language: str) -> str:
        return self.roots[language]

    @classmethod
    def of_project(cls, project_dir: Path) -> SiteLanguages:
        """Read from the project's mkdocs.yml, without MkDocs (the writers' tools, `make build`)."""
        with (project_dir / "mkdocs.yml").open(encoding="utf-8") as file:
            config = yaml_load(file)
        i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
        built: list[dict[str, Any]] = [lang for lang in i18n["languages"] if lang.get("build", True)]
        built.sort(key=lambda lang: not lang.get("default"))
        # As static-i18n places them: the default at the root, another under its `link`, by default /<locale>/.
        links = {
            str(lang["locale"]): "" if lang.get("default") else lang.get("link") or lang["locale"] for lang in built
        }
        roots = {locale: link.strip("/") + "/" if link else "" for locale, link in links.items()}
        return cls(tuple(roots), roots, {str(lang["locale"]): str(lang["name"]) for lang in built})

    @classmethod
    def of_build(cls, config: MkDocsConfig) -> SiteLanguages:
        """As the running static-i18n plugin has them."""
        default = upstream.default_language(config)
        codes = (default, *(lang for lang in upstream.built_languages(config) if lang != default))
        roots = {lang: upstream.language_root(config, lang) for lang in codes}
        return cls(codes, roots, {lang: upstream.language_name(config, lang) for lang in codes})


@dataclass(frozen=True)
class LanguageBuild:
    """The language a build is building, among the site's languages."""

    language: str
    languages: SiteLanguages

    @property
    def default_language(self) -> str:
        return self.languages.default

    @property
    def root(self) -> str:
        """The language's folder below the site root: '' for the default language, 'en/' for English."""
        return self.languages.root(self.language)

    @property
    def is_default(self) -> bool:
        return self.language == self.languages.default

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.languages.codes if lang != self.language)


def language_build(config: MkDocsConfig) -> LanguageBuild:
    """The language being built. Valid while a language's pages and templates are rendered: after the nested
    builds static-i18n leaves its current language at the last language built."""
    return LanguageBuild(upstream.language_being_built(config), SiteLanguages.of_build(config))
