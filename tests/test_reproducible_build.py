"""Two builds of the same commit give byte-identical sites: dates come from content, git or SOURCE_DATE_EPOCH."""

from __future__ import annotations

import gzip
import struct
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sitebuild import ROOT, BuildResult, build

# 17 May 2023 (the launch ceremony), 00:00 UTC: far from any day the tests run on, so a clock date would show.
EPOCH = 1684281600
EPOCH_DATE = "2023-05-17"


def differing_files(first: Path, second: Path) -> list[str]:
    """Paths (relative, sorted) that are missing from one tree or whose bytes differ."""
    first_files = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    second_files = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    differing = {f"only in first: {rel}" for rel in first_files - second_files}
    differing |= {f"only in second: {rel}" for rel in second_files - first_files}
    differing |= {
        rel for rel in first_files & second_files if (first / rel).read_bytes() != (second / rel).read_bytes()
    }
    return sorted(differing)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, BuildResult]:
    """The project built twice, seconds apart, in different folders, time zones and hash seeds."""
    settings = {"SOURCE_DATE_EPOCH": str(EPOCH), "SITE_URL": "https://example.github.io/site/"}
    first = build(ROOT, tmp_path_factory.mktemp("first"), {**settings, "TZ": "UTC", "PYTHONHASHSEED": "1"})
    time.sleep(2)
    second = build(ROOT, tmp_path_factory.mktemp("second"), {**settings, "TZ": "Asia/Shanghai", "PYTHONHASHSEED": "2"})
    return first, second


@pytest.mark.build
def test_two_builds_are_byte_identical(two_builds: tuple[BuildResult, BuildResult]) -> None:
    first, second = two_builds
    assert len(list(first.site_dir.rglob("*"))) > 10
    assert differing_files(first.site_dir, second.site_dir) == []


@pytest.mark.build
def test_the_compressed_sitemap_is_dated_by_source_date_epoch(two_builds: tuple[BuildResult, BuildResult]) -> None:
    """Its pages' dates are their last commits (tests/test_seo.py); the gzip header's is the build date."""
    site_dir = two_builds[0].site_dir
    compressed = (site_dir / "sitemap.xml.gz").read_bytes()
    # Bytes 4-7 of a gzip header are its modification time.
    gzip_mtime = struct.unpack("<I", compressed[4:8])[0]
    assert datetime.fromtimestamp(gzip_mtime, UTC).date().isoformat() == EPOCH_DATE
    assert gzip.decompress(compressed) == (site_dir / "sitemap.xml").read_bytes()


def test_differing_files_names_every_difference(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for tree in (first, second):
        (tree / "en").mkdir(parents=True)
        (tree / "same.html").write_bytes(b"<p>same</p>")
    (first / "en" / "page.html").write_bytes(b"built at 08:00")
    (second / "en" / "page.html").write_bytes(b"built at 08:01")
    (first / "sitemap.xml.gz").write_bytes(b"\x1f\x8b")
    (second / "CNAME").write_bytes(b"www.example.org\n")
    assert differing_files(first, second) == ["en/page.html", "only in first: sitemap.xml.gz", "only in second: CNAME"]
