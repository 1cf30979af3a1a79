# Two commands do all set-up on a fresh machine: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DEPS := $(VENV)/.site-deps
TEST_DEPS := $(VENV)/.test-deps
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint typecheck lock clean check-data

# The venv is made once; the locked requirements are reinstalled whenever a lock file changes.
$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)

$(SITE_DEPS): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(TEST_DEPS): requirements-test.txt $(SITE_DEPS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt
	touch $@

## serve: preview the site with live reload at http://127.0.0.1:8000
serve: $(SITE_DEPS)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

## build: strict build of both languages into site/
build: $(SITE_DEPS)
	$(BIN)/mkdocs build --strict

## check-data: validate data/*.yml without building the site (PROJECT=dir checks another copy of the project)
PROJECT ?= .
check-data: $(SITE_DEPS)
	PYTHONPATH=hooks $(BIN)/python -m sitedata.check $(PROJECT)

## test: lint, type-check and run every test
test: lint typecheck
	$(BIN)/python -m pytest

lint: $(TEST_DEPS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(TEST_DEPS)
	$(BIN)/mypy

## lock: recompile the hash-locked requirements from requirements*.in
lock: $(TEST_DEPS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 requirements.in -o requirements.txt
	$(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 requirements-test.in -o requirements-test.txt

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
