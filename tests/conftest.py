from __future__ import annotations

import os

import pytest
from sitebuild import ROOT, BuildResult, build
from website import clock

# No test depends on the wall clock: every build and tool the tests run reads this moment (website/clock.py), unless
# a test sets its own. 30 November 2026, 20:00 in Beijing.
os.environ[clock.ENVIRONMENT_VARIABLE] = "2026-11-30T12:00:00+00:00"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real project, built once per test run with `mkdocs build --strict` into a temporary folder."""
    return build(ROOT, tmp_path_factory.mktemp("site"))
