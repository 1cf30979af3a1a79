"""The group's data files: loading with line numbers, validation with plain-language errors, rendering to HTML.

Runs without MkDocs; `hooks/data_pages.py` is the thin MkDocs entry point, `scripts/check_data.py` the
stand-alone check behind `make check-data`.
"""
