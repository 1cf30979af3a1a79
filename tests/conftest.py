from __future__ import annotations

import pytest
from sitebuild import ROOT, BuildResult, build


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real project, built once per test run with `mkdocs build --strict` into a temporary folder."""
    return build(ROOT, tmp_path_factory.mktemp("site"))
