"""`make fix`: apply AutoCorrect's typography fixes to the Chinese pages (docs/zh/) in place: a space between Chinese
and Latin letters or digits, full-width punctuation in Chinese text. Code, URLs, front-matter keys and the English
pages are left alone (hooks/website/checks/typography.py). Review the change (git diff) before committing it.

    python scripts/fix_typography.py [--project DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from website.checks import typography  # noqa: E402
from website.checks.reading import NotUtf8, not_utf8  # noqa: E402
from website.messages.problems import phrase, report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=ROOT, help="the project folder (holding mkdocs.yml)")
    args = parser.parse_args(argv)
    project: Path = args.project.resolve()
    fixed, unreadable = [], []
    for path in sorted((project / "docs" / typography.LANGUAGE).rglob("*.md")):
        source = path.relative_to(project).as_posix()
        try:
            if typography.fix_file(path):
                fixed.append(source)
        except NotUtf8 as error:
            unreadable.append(not_utf8(source, error))
    for source in fixed:
        done = phrase("fix.changed", file=source)
        print(f"{done.text('zh')}  ({done.text('en')})")
    if not fixed:
        print(f"{phrase('fix.nothing').text('zh')}  ({phrase('fix.nothing').text('en')})")
    if unreadable:
        print(report(unreadable), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
