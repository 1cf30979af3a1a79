"""Compiled Jinja templates of the hooks' own environments, kept for every build on this machine.

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

from jinja2 import FileSystemBytecodeCache

COMPILED_TEMPLATES = FileSystemBytecodeCache()
