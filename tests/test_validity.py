"""The built site is valid HTML (Nu validator) and has no broken internal link or anchor (lychee, offline)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT, BuildResult

# Each test builds the site (or a copy of the project) and reads what it produced.
pytestmark = pytest.mark.build

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LYCHEE = Path(sys.executable).parent / "lychee"
# Material's base.html (outside any block) gives its drawer and search checkboxes autocomplete="off", so that
# Firefox does not restore them open on going back; the Nu validator allows the attribute on text inputs only.
MATERIAL_TOGGLE_AUTOCOMPLETE = r".*Attribute “autocomplete” is only allowed when the input type is.*"


def validate_html(path: Path) -> subprocess.CompletedProcess[str]:
    java = shutil.which("java")
    assert java, "Java is needed for the Nu validator: `make test` installs it"
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: `make test` installs it with npm"
    return subprocess.run(
        [
            java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html",
            "--filterpattern", MATERIAL_TOGGLE_AUTOCOMPLETE, str(path),
        ],
        capture_output=True, text=True,
    )  # fmt: skip


def check_links(site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(LYCHEE),
            "--offline",
            "--include-fragments",
            "--index-files",
            "index.html",
            "--no-progress",
            "--root-dir",
            str(site_dir),
            str(site_dir),
        ],
        capture_output=True,
        text=True,
    )


def test_pages_are_valid_html(site: BuildResult) -> None:
    proc = validate_html(site.site_dir)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_validator_reports_an_error(site: BuildResult, tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    html = (site.site_dir / "index.html").read_text(encoding="utf-8")
    broken.write_text(html.replace("<main ", "<main><div></span> ", 1), encoding="utf-8")
    proc = validate_html(broken)
    assert proc.returncode != 0 and "span" in proc.stderr


def test_internal_links_and_anchors_resolve(site: BuildResult) -> None:
    proc = check_links(site.site_dir)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_link_check_reports_a_missing_anchor_and_page(site: BuildResult, tmp_path: Path) -> None:
    copy = shutil.copytree(site.site_dir, tmp_path / "site")
    home = copy / "index.html"
    html = home.read_text(encoding="utf-8")
    home.write_text(
        html.replace('href="about/"', 'href="about/#no-such-anchor"').replace('href="charter/"', 'href="gone/"')
    )
    proc = check_links(copy)
    assert proc.returncode != 0
    assert "no-such-anchor" in proc.stdout and "gone" in proc.stdout
