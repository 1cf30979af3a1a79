"""`make check`: the checks of what writers write, in a few seconds and without building the site: the data files,
the news posts (front matter, dates, categories, what a translation shares with its original), every page
(encoding, front matter, the Chinese pages' typography) and its photos and attachments (alt text, that the files
exist, their format and size). The problems are worded as the build words them; in
GitHub Actions each is also a workflow command, and the job summary lists them.

    python scripts/check_site.py [--project DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from website.checks.project import check_project  # noqa: E402
from website.messages.github import publish_problems  # noqa: E402
from website.messages.problems import phrase, report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=ROOT, help="the project folder (holding mkdocs.yml)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    problems = check_project(args.project.resolve())
    if problems:
        print(report(problems), file=sys.stderr)
        publish_problems(problems, os.environ)
        return 1
    passed = phrase("check.passed", seconds=f"{time.perf_counter() - started:.1f}")
    print(f"{passed.text('zh')}\n{passed.text('en')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
