"""The group's data files: loading with line numbers, validation with plain-language errors, rendering to HTML.

Runs without MkDocs; `hooks/data_pages.py` is the thin MkDocs entry point, `python -m sitedata.check` the
stand-alone check behind `make check-data`.
"""
