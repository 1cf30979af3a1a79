"""Build two commits of the project and compare the sites byte for byte: a change meant to leave the output alone
(a reorganisation of the code, an upgrade) proves it did.

    python scripts/compare_builds.py BASE [OTHER]     (OTHER: the working tree, by default)

`make compare-builds BASE=main~3` runs it. Each commit is checked out into a temporary worktree and built as `make
build` builds it, with the same clock, build date and site URL; the files that differ, or exist in one site only,
are listed, and the exit status is 1 when there are any.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The same moment and address for both builds: only the code and content may differ.
SETTINGS = {
    "SOURCE_DATE_EPOCH": "1764460800",
    "SITE_NOW": "2026-11-30T12:00:00+00:00",
    "SITE_URL": "https://example.org/site/",
    "NO_MKDOCS_2_WARNING": "1",
}


@contextmanager
def checkout(revision: str) -> Iterator[Path]:
    """A temporary worktree at `revision` (its full history stays in the repository: the sitemap's dates need it)."""
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), revision], cwd=ROOT, check=True)
        try:
            yield tree
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True)


def build(project: Path, site: Path) -> None:
    env = {**os.environ, **SETTINGS}
    command = [sys.executable, str(project / "scripts" / "build_site.py"), "--project", str(project)]
    done = subprocess.run([*command, "--site-dir", str(site)], cwd=project, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"the build of {project} failed:\n{done.stdout}{done.stderr}")


def differences(first: Path, second: Path) -> list[str]:
    files = {side: {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} for side, root in
             (("first", first), ("second", second))}  # fmt: skip
    found = [f"only in the first: {name}" for name in sorted(files["first"] - files["second"])]
    found += [f"only in the second: {name}" for name in sorted(files["second"] - files["first"])]
    found += [
        f"differs: {name}"
        for name in sorted(files["first"] & files["second"])
        if (first / name).read_bytes() != (second / name).read_bytes()
    ]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="a commit, branch or tag")
    parser.add_argument("other", nargs="?", help="another commit (default: the working tree as it is)")
    args = parser.parse_args()
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="compare-sites-") as sites:
        projects = [stack.enter_context(checkout(args.base))]
        projects.append(stack.enter_context(checkout(args.other)) if args.other else ROOT)
        for number, project in enumerate(projects):
            build(project, Path(sites) / str(number))
        found = differences(Path(sites) / "0", Path(sites) / "1")
    for line in found:
        print(line)
    print(f"{len(found)} difference(s) between {args.base} and {args.other or 'the working tree'}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
