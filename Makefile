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
# Dates in the built site (sitemap, feeds) come from the last commit, not the clock: a commit always builds the
# same bytes. Set SOURCE_DATE_EPOCH yourself to override; outside a git checkout the clock is used.
ifeq ($(origin SOURCE_DATE_EPOCH),undefined)
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null)
endif
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve preview preview-en build test test-fast test-tools lint typecheck audit-workflows lighthouse lock clean new-post translation-status scheduled to-be-completed due check-data check fix pr-screenshots bench brand-images compare-builds

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
	$(BIN)/mkdocs serve --dirty -a 127.0.0.1:8000

## preview, preview-en: a faster preview of one language only (Chinese, or English); the other language is not built
preview: $(SITE_DEPS)
	SITE_LANGUAGE=zh $(BIN)/mkdocs serve --dirty -a 127.0.0.1:8000

preview-en: $(SITE_DEPS)
	SITE_LANGUAGE=en $(BIN)/mkdocs serve --dirty -a 127.0.0.1:8000

## build: strict build of both languages, side by side, into site/ (+ site/CNAME when SITE_CNAME names a custom domain)
build: $(SITE_DEPS)
	$(BIN)/python scripts/build_site.py
	@if [ -n "$$SITE_CNAME" ]; then \
	  echo "$$SITE_CNAME" | grep -Eqx '[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?' || \
	    { echo "SITE_CNAME must be a bare host name such as www.example.org, got: '$$SITE_CNAME'" >&2; exit 1; }; \
	  printf '%s\n' "$$SITE_CNAME" > site/CNAME; \
	fi

## check-data: validate data/*.yml without building the site (PROJECT=dir checks another copy of the project)
PROJECT ?= .
check-data: $(SITE_DEPS)
	$(BIN)/python scripts/check_data.py $(PROJECT)

## check: check the data files, news posts, pages (Chinese typography too), photos and attachments in seconds, without building the site
check: $(SITE_DEPS)
	$(BIN)/python scripts/check_site.py --project $(PROJECT)

## fix: apply the typography fixes (spaces around Latin letters and digits, full-width punctuation) to docs/zh/
fix: $(SITE_DEPS)
	$(BIN)/python scripts/fix_typography.py --project $(PROJECT)

## new-post: create a news post in Chinese and English (asks, or: make new-post TITLE_ZH=… TITLE_EN=… SLUG=…)
new-post: $(SITE_DEPS)
	$(BIN)/python scripts/writer_tools.py new-post

## translation-status: list pages, posts and data entries that lack a translation
translation-status: $(SITE_DEPS)
	$(BIN)/python scripts/writer_tools.py translation-status

## scheduled: list the posts waiting for their date and time (Beijing time), and the drafts
scheduled: $(SITE_DEPS)
	$(BIN)/python scripts/writer_tools.py scheduled

## to-be-completed: list everything the site still marks as to be completed (待补充), with a total
to-be-completed: $(SITE_DEPS)
	$(BIN)/python scripts/writer_tools.py to-be-completed

# due: the posts that went live since SINCE (an ISO 8601 moment; empty: every published post); for the scheduled deploy
export SINCE
due: $(SITE_DEPS)
	$(BIN)/python scripts/writer_tools.py due --since "$$SINCE"


$(NODE_TEST_DEPS): package-lock.json
	npm ci --omit=dev --no-audit --no-fund
	touch $@

$(NODE_ALL_DEPS): package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_TEST_DEPS) $@

# System packages the tests need: Chromium and CJK fonts for the browser tests, Java for the HTML validator.
# On Debian or Ubuntu they are installed with apt-get when missing (as root, as CI here runs, or through
# password-less sudo, as on GitHub's runners); elsewhere Playwright's own Chromium serves.
test-tools: $(TEST_DEPS) $(NODE_TEST_DEPS)
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts-noto-cjk"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo=none; fi; \
	if [ -n "$$missing" ] && [ "$$sudo" != none ] && command -v apt-get >/dev/null; then \
		echo "Installing$$missing"; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	elif [ -n "$$missing" ]; then \
		echo "Not installed:$$missing (Debian: sudo apt-get install$$missing)."; \
		[ -x /usr/bin/chromium ] || $(BIN)/playwright install chromium; \
	fi

# A pull request's screenshots (its GitHub Actions run): the pages it changes, from site/, into screenshots/.
pr-screenshots: $(TEST_DEPS) test-tools
	$(BIN)/python scripts/pr_preview.py screenshots --site site --out screenshots

## test: lint, type-check, audit the GitHub workflows and run every test (browser tests included)
test: lint typecheck audit-workflows test-tools
	$(BIN)/python -m pytest

## test-fast: lint, type-check and the unit, contract and build tests (no browser): the quick local loop
test-fast: lint typecheck $(TEST_DEPS)
	$(BIN)/python -m pytest -m "not browser"

## lighthouse: print Lighthouse's four scores for the home pages (and a post) in each language; not a test gate
## (LIGHTHOUSE_ARGS="--runs 5": median and range of five runs per page)
lighthouse: $(SITE_DEPS) $(NODE_ALL_DEPS) test-tools
	$(BIN)/python scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

lint: $(TEST_DEPS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(TEST_DEPS)
	$(BIN)/mypy

# zizmor's security audit of .github/ (workflows and Dependabot); any finding fails.
audit-workflows: $(TEST_DEPS)
	$(BIN)/zizmor --offline --strict-collection --no-progress .github

## compare-builds: build BASE (a commit) and the working tree (or OTHER) and list the files that differ
compare-builds: $(SITE_DEPS)
	$(BIN)/python scripts/compare_builds.py $(BASE) $(OTHER)

## lock: recompile the hash-locked requirements from requirements*.in
lock: $(TEST_DEPS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 requirements.in -o requirements.txt
	$(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 requirements-test.in -o requirements-test.txt

clean:
	rm -rf site screenshots .pytest_cache .mypy_cache .ruff_cache test-artifacts

## brand-images: remake the icons, PNG logo and share cards from docs/assets/images/logo.svg (needs fonts-noto-cjk)
brand-images: $(TEST_DEPS)
	$(BIN)/python scripts/make_brand_images.py

## bench: build synthetic content at scale and print the figures (BENCH_ARGS="--posts 50,500 --zensical --preview 500")
bench: $(TEST_DEPS)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)
