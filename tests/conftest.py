"""The tests come in kinds, each marked: `unit` (code run in the test process, no site built; the default), `build`
(builds the site or a copy of the project, or runs the writers' tools, and reads what they produced), `browser`
(tests/browser/: Chromium on the served site) and `contract` (the upstream names the seam relies on, run first).
`make test` runs them all; `make test-fast` all but `browser`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sitebuild import ROOT, BuildResult, build
from website import clock

# No test depends on the wall clock: every build and tool the tests run reads this moment (website/clock.py), unless
# a test sets its own. 30 November 2026, 20:00 in Beijing.
os.environ[clock.ENVIRONMENT_VARIABLE] = "2026-11-30T12:00:00+00:00"

BROWSER_TESTS = Path(__file__).parent / "browser"
# Fixtures that build the site: a test using one is a build (or browser) test.
BUILDING_FIXTURES = {"site", "served"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)
        kinds = {mark.name for mark in item.iter_markers()} & {"build", "browser", "contract"}
        if not kinds:
            if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
                raise pytest.UsageError(f"{item.nodeid} builds the site: mark it @pytest.mark.build")
            item.add_marker(pytest.mark.unit)
    # The contract with upstream first: when an upgrade breaks it, that is what to read, before any page differs.
    items.sort(key=lambda item: item.get_closest_marker("contract") is None)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real project, built once per test run with `mkdocs build --strict` into a temporary folder."""
    return build(ROOT, tmp_path_factory.mktemp("site"))
