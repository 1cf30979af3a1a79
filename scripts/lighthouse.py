"""Print Lighthouse's four scores for the home page and a news post in each language.

Run by `make lighthouse` (`make lighthouse LIGHTHOUSE_ARGS="--runs 5"`: each page five times, the median and the
range of each score; `--photos`: instead, a news post with five phone photos in a copy of the project): not a test
gate. Builds the site, serves it on 127.0.0.1 as GitHub Pages does (gzip) and runs npm's lighthouse@12 (installed by
`make lighthouse`), phone profile with simulated throttling, with Debian's Chromium, or CHROME_PATH if set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from build_site import build_site
from local_site import ROOT, copy_project, serving
from photo_posts import add_five_photo_post

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Site paths to score: the home page and a news post in each language.
PATHS = ["", "en/", "news/2023/launch-ceremony/", "en/news/2023/launch-ceremony/"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"


def scores(url: str) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    proc = subprocess.run(
        [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    report = json.loads(proc.stdout)
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def cell(values: list[int]) -> str:
    """One score, or with several runs the median and the range: '98 (95-100)'."""
    if len(values) == 1:
        return str(values[0])
    return f"{statistics.median(values):g} ({min(values)}-{max(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (default 1)")
    parser.add_argument("--photos", action="store_true", help="score a news post with five photos, in each language")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, serving(Path(tmp) / "site") as origin:
        project, paths = ROOT, PATHS
        if args.photos:
            project = copy_project(Path(tmp) / "project")
            post = add_five_photo_post(project)
            paths = [post, f"en/{post}"]
        # Built for the address it is served at: canonical links, hreflang and the sitemap point at it.
        os.environ["SITE_URL"] = f"{origin}/"
        if any(result.returncode for result in build_site(project, Path(tmp) / "site")):
            sys.exit("the build failed: run `make build` to see why")
        print(f"{'page':<36}" + "".join(f"{name:>16}" for name in CATEGORIES))
        for path in paths:
            rows = [scores(f"{origin}/{path}") for _ in range(args.runs)]
            cells = "".join(f"{cell([row[name] for row in rows]):>16}" for name in CATEGORIES)
            print(f"{'/' + path:<36}{cells}", flush=True)


if __name__ == "__main__":
    main()
