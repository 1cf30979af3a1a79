"""Build a single language when SITE_LANGUAGE names one: one process per language, run side by side.

mkdocs-static-i18n builds the default language and then, from its own `on_post_build`, every other language in the
same process, one after the other. `make build` instead starts one process per language (scripts/build_site.py) and
`make serve` previews one language; this hook makes each process build just its language, with static-i18n's
per-language settings, file layout and language switcher exactly as in a full build.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from website import upstream

ENVIRONMENT_VARIABLE = "SITE_LANGUAGE"


def _language() -> str | None:
    return os.environ.get(ENVIRONMENT_VARIABLE) or None


@event_priority(110)  # before anything reads static-i18n's current language (news.py at 100, static-i18n at -100)
def on_config(config: MkDocsConfig) -> None:
    language = _language()
    if language is None:
        return
    languages = ", ".join(upstream.built_languages(config))
    if language not in upstream.built_languages(config):
        raise PluginError(
            f"{ENVIRONMENT_VARIABLE}={language!r} is not a language of this site; expected one of: {languages}"
        )
    upstream.build_only(config, language)
