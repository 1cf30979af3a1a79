# Two commands do all set-up on a fresh machine: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DEPS := $(VENV)/.site-deps
TEST_DEPS := $(VENV)/.test-deps
# npm packages (package-lock.json): the Nu HTML validator for `make test`; also Lighthouse for `make lighthouse`.
NODE_TEST_DEPS := node_modules/.test-deps
NODE_ALL_DEPS := node_modules/.all-deps
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-tools lint typecheck lighthouse lock clean

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

$(NODE_TEST_DEPS): package-lock.json
	npm ci --omit=dev --no-audit --no-fund
	touch $@

$(NODE_ALL_DEPS): package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_TEST_DEPS) $@

# Debian packages the tests need: Chromium and CJK fonts for the browser tests, Java for the HTML validator.
# As root (CI) they are installed with apt-get when missing; elsewhere Playwright's own Chromium serves.
test-tools: $(TEST_DEPS) $(NODE_TEST_DEPS)
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing="$$missing fonts-noto-cjk"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	elif [ -n "$$missing" ]; then \
		echo "Not installed:$$missing (Debian: sudo apt-get install$$missing)."; \
		[ -x /usr/bin/chromium ] || $(BIN)/playwright install chromium; \
	fi

## test: lint, type-check and run every test (browser tests included)
test: lint typecheck test-tools
	$(BIN)/python -m pytest

## lighthouse: print Lighthouse's four scores for the home pages (and a post) in each language; not a test gate
lighthouse: $(SITE_DEPS) $(NODE_ALL_DEPS) test-tools
	cd tests && ../$(BIN)/python lighthouse_report.py

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
	rm -rf site .pytest_cache .mypy_cache .ruff_cache test-artifacts
