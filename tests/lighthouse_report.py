"""Print Lighthouse's four scores for the home page and a news post in each language.

Run by `make lighthouse`: not a test gate. Builds the site, serves it on 127.0.0.1 and runs npm's lighthouse@12
(installed by `make lighthouse`) with Debian's Chromium, or CHROME_PATH if set.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from sitebuild import ROOT, served_build

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


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, served_build(ROOT, Path(tmp) / "site") as (_, origin):
        print(f"{'page':<36}" + "".join(f"{name:>16}" for name in CATEGORIES))
        for path in PATHS:
            row = scores(f"{origin}/{path}")
            print(f"{'/' + path:<36}" + "".join(f"{row[name]:>16}" for name in CATEGORIES), flush=True)


if __name__ == "__main__":
    main()
