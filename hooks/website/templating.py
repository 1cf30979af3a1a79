"""The hooks' own Jinja environments (the data pages, the news feed, …): every value escaped, an undefined name an
error, and compiled templates kept for every build on this machine.

Compiling a template costs more than rendering it. Jinja's bytecode cache keeps the compiled code in the user's
private temporary folder, under the template's path and with a checksum of its text: an edited template is always
compiled again. The data pages (website/data_pages/render.py) and the news feed (website/news/feed.py) use it.

Only for an environment whose filters and globals are the same in every build: Jinja folds a filter applied to a
constant into the compiled code, even with its optimizer off. The theme's environment is not one: its
`{{ "sitemap.xml" | site_absolute }}` would keep the site URL of whichever build compiled it, and its `date` filter
depends on the language. (The preview keeps the theme's compiled templates between its rebuilds, in memory and only
while none of that changes: website.preview.plan.SiteFolders.)
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

COMPILED_TEMPLATES = FileSystemBytecodeCache()


def template_environment(folder: Path) -> Environment:
    """An environment for the templates in `folder`. Make one per folder and process (the compiled templates are
    also kept in memory by the environment)."""
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=COMPILED_TEMPLATES,
    )
