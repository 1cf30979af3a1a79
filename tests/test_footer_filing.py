"""Filing numbers appear in the footer, with their official links, only when configured."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import ROOT, BuildResult, build

# Each test builds the site (or a copy of the project) and reads what it produced.
pytestmark = pytest.mark.build

ICP = "渝ICP备12345678号-1"
POLICE = "渝公网安备50010000000000号"


def test_no_filing_numbers_when_unset(site: BuildResult) -> None:
    for page in site.html_pages():
        html = page.read_text(encoding="utf-8")
        assert "beian" not in html, page
        assert "md-copyright__filing" not in html, page


def test_filing_numbers_link_to_the_official_registries_when_set(tmp_path: Path) -> None:
    result = build(ROOT, tmp_path / "site", env={"FILING_ICP": ICP, "FILING_POLICE": POLICE})
    for path in ("", "about/", "en/", "en/contact/"):
        footer = result.page(path).select_one("footer .md-copyright")
        icp = footer.select_one("a.filing-icp")
        police = footer.select_one("a.filing-police")
        assert icp.get_text(strip=True) == ICP and icp["href"] == "https://beian.miit.gov.cn/"
        assert police.get_text(strip=True) == POLICE and police["href"] == "https://beian.mps.gov.cn/"


def test_only_the_number_that_is_set_is_shown(tmp_path: Path) -> None:
    result = build(ROOT, tmp_path / "site", env={"FILING_ICP": ICP})
    footer = result.page("").select_one("footer .md-copyright")
    assert footer.select_one("a.filing-icp") is not None
    assert footer.select_one("a.filing-police") is None
    assert "beian.mps.gov.cn" not in str(footer)
