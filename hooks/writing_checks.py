"""Every page as its writer saved it, before anything reads it: saved as UTF-8 (not GBK, the "ANSI" of Chinese
Windows), front matter that is valid YAML (indented with spaces), and the Chinese pages' typography. A problem stops
the build with the file, line and what to do, in Chinese and in English. Logic in website/checks/pages.py; the
data files and news posts are checked by data_pages.py and news.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from website.build.languages import language_build
from website.checks.pages import check_pages
from website.messages.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    build = language_build(config)
    # Every page is read (a page may fall back into this language), but only this language's typography is checked:
    # each language's build checking every language's repeated the slow part.
    problems = check_pages(Path(config.docs_dir), build.languages.codes, typography_of=build.language)
    if problems:
        raise PluginError(report(problems))
