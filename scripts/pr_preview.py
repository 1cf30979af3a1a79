"""A pull request's preview, for its GitHub Actions run (.github/workflows/site.yml):

    python scripts/pr_preview.py screenshots --site site --out screenshots --base main
    python scripts/pr_preview.py summary

`screenshots`: each page the pull request adds or changes (against the branch `--base`), in both languages, at
phone and desktop widths, from the built site served on 127.0.0.1, by the browser the tests use. `summary`: links to
the uploaded site and screenshots (SITE_ARTIFACT_URL, SCREENSHOTS_ARTIFACT_URL, kept RETENTION_DAYS days) and how to
view the site locally, added to the job summary.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from chromium import DESKTOP, PHONE, launch  # noqa: E402
from local_site import serving  # noqa: E402
from website.build.languages import SiteLanguages  # noqa: E402
from website.messages.github import append_summary  # noqa: E402
from website.messages.problems import phrase  # noqa: E402
from website.pull_request.pages import changed_sources, language_and_page, site_path  # noqa: E402

WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
# The environment variables the workflow sets to the artifacts' URLs, and the wording of each link.
ARTIFACT_LINKS = (
    ("SITE_ARTIFACT_URL", "summary.site_artifact"),
    ("SCREENSHOTS_ARTIFACT_URL", "summary.screenshots_artifact"),
)


def pages_to_show(root: Path, base_branch: str) -> list[str]:
    """The site paths of the changed pages in every language ('about/', 'en/about/'), each once."""
    paths: dict[str, None] = {}
    languages = SiteLanguages.of_project(root)
    for source in changed_sources(root, base_branch) or []:
        located = language_and_page(source, languages)
        if located is None:
            continue
        for language in languages.codes:
            path = site_path(root / "docs", languages, language, located[1])
            if path is not None:
                paths[path] = None
    return list(paths)


def screenshots(site: Path, paths: list[str], out: Path) -> list[Path]:
    """Full-page screenshots of each path at each width; a path the site does not have (a post not translated)
    is left out."""
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with serving(site) as origin, sync_playwright() as playwright:
        browser = launch(playwright)
        for path in paths:
            for width, viewport in WIDTHS.items():
                context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
                page = context.new_page()
                response = page.goto(f"{origin}/{path}", wait_until="networkidle")
                if response is not None and response.ok:
                    shot = out / f"{path.strip('/').replace('/', '-') or 'home'}-{width}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    saved.append(shot)
                context.close()
        browser.close()
    return saved


def preview_summary(environ: Mapping[str, str]) -> str:
    """Links to the uploaded artifacts (those uploaded: their URLs in the environment) and how to view the site."""
    days = environ.get("RETENTION_DAYS", "")
    lines = [f"### {phrase('summary.preview').text('zh')}", ""]
    for variable, message_id in ARTIFACT_LINKS:
        if environ.get(variable):
            lines.append("- " + phrase(message_id, url=environ[variable], days=days).text("zh"))
    return "\n".join([*lines, "", phrase("summary.view_locally").text("zh"), ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    shots = commands.add_parser("screenshots", help="screenshots of the pages a pull request adds or changes")
    shots.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    shots.add_argument("--out", type=Path, default=ROOT / "screenshots", help="where to save them")
    shots.add_argument("--base", default=os.environ.get("GITHUB_BASE_REF", "main"), help="the branch merged into")
    shots.add_argument("--project", type=Path, default=ROOT, help="the project folder (a git checkout)")
    commands.add_parser("summary", help="add the preview's links to the job summary (GITHUB_STEP_SUMMARY)")
    args = parser.parse_args(argv)
    if args.command == "summary":
        append_summary(os.environ, preview_summary(os.environ))
        return 0
    saved = screenshots(args.site, pages_to_show(args.project.resolve(), args.base), args.out)
    for shot in saved:
        print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
