from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The hooks' modules, so that tests can run their logic without MkDocs.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from sitebuild import ROOT, BuildResult, build


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real project, built once per test run with `mkdocs build --strict` into a temporary folder."""
    return build(ROOT, tmp_path_factory.mktemp("site"))
