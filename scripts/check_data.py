"""`make check-data`: validate the data files without building the site.

python scripts/check_data.py [PROJECT_DIR]   (PROJECT_DIR defaults to the current folder)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from website.build.languages import SiteLanguages
from website.data_pages.validate import DataError, load_site_data
from website.news.posts import POSTS_DIR


def main(argv: list[str]) -> int:
    project = Path(argv[0]) if argv else Path()
    started = time.perf_counter()
    try:
        posts = project / "docs" / SiteLanguages.of_project(project).default / POSTS_DIR
        data = load_site_data(project / "data", posts)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"The data files are valid: {len(data.members.entries)} members, {len(data.colleges)} colleges, "
        f"{len(data.action_items)} action items, {len(data.milestones)} milestones, {len(data.glossary)} terms, "
        f"{len(data.news.categories)} news categories, {len(data.news.authors)} news authors "
        f"({time.perf_counter() - started:.2f} s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
