"""Build the site with one MkDocs process per language, side by side, and assemble them into one site folder.

mkdocs-static-i18n builds the languages one after the other in one process; they are independent, so on a machine
with two cores building them at the same time takes about half as long. Each process builds one language
(hooks/one_language.py, SITE_LANGUAGE) into its own folder beside the site folder; the default language's folder is
renamed into the site and each other language's own folder (`en/`) moved into it: nothing is copied. The sitemaps of
the languages are joined into one.

Before that, the writers' checks run once for all languages (as `make check`; each language's hooks would only
repeat them): a problem stops the build. In GitHub Actions each problem is also a workflow command, and the job
summary gets their table, or, when there are none, the pages the pull request adds or changes with their addresses.

    python scripts/build_site.py [--site-dir site]
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.utils import get_build_date
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from website.build.languages import SiteLanguages  # noqa: E402
from website.checks.project import check_project  # noqa: E402
from website.messages.github import append_summary, in_github_actions, pages_summary, publish_problems  # noqa: E402
from website.messages.problems import report  # noqa: E402
from website.pull_request.pages import pull_request_pages  # noqa: E402

URLSET_END = "</urlset>"


def build_language(project: Path, language: str, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_LANGUAGE": language}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


def join_sitemaps(sitemaps: list[str]) -> str:
    """One sitemap with every language's <url> entries, in the order of the languages. The sitemaps come from our
    own template (overrides/sitemap.xml), so the entries of each lie between its <urlset …> and </urlset>."""
    head, _, _ = sitemaps[0].rpartition(URLSET_END)
    entries = [text.split(">", 2)[2].rpartition(URLSET_END)[0].removeprefix("\n") for text in sitemaps[1:]]
    return head + "".join(entries) + URLSET_END + sitemaps[0].rpartition(URLSET_END)[2]


def write_sitemap(site: Path, xml: str) -> None:
    (site / "sitemap.xml").write_text(xml, encoding="utf-8")
    # As MkDocs writes it: the gzip header holds the build date (SOURCE_DATE_EPOCH's day when set), not the clock.
    mtime = int(datetime.fromisoformat(get_build_date()).replace(tzinfo=UTC).timestamp())
    path = site / "sitemap.xml.gz"
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(path), mode="wb", mtime=mtime) as gz:
        gz.write(xml.encode("utf-8"))


def move_tree(source: Path, target: Path, *, replace: bool) -> None:
    """Move what `source` holds into `target`: with one rename when `target` is not there yet, else entry by entry, a
    file already in `target` replaced when `replace`, else kept. Never by writing into a file: a photo's versions
    are hard links into the photo cache (hooks/website/media/linking.py). shutil.move copies across file systems."""
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(source, target)
        return
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            move_tree(entry, destination, replace=replace)
        elif replace or not destination.exists():
            destination.unlink(missing_ok=True)
            shutil.move(entry, destination)


def assemble(site: Path, languages: SiteLanguages, outputs: dict[str, Path], work: Path) -> None:
    """The default language's output becomes the site; every other language adds its own folder, and the files it
    wrote outside it that the default language did not: the versions of a shared photo that only its pages show
    (hooks/photos.py), which one process building every language would have written too. The outputs are moved
    into place, not copied (1,500 photos make about 1 GB); `work`, on the site's file system, takes the old site."""
    sitemaps = [(out / "sitemap.xml").read_text(encoding="utf-8") for out in outputs.values()]
    if site.exists():
        site.rename(work / "previous-site")  # deleted with the build's other temporary files
    move_tree(outputs[languages.default], site, replace=False)
    for language in languages.others:
        out, root = outputs[language], languages.root(language)
        move_tree(out / root, site / root, replace=True)
        move_tree(out, site, replace=False)
    write_sitemap(site, join_sitemaps(sitemaps))


def build_site(project: Path, site: Path) -> list[subprocess.CompletedProcess[str]]:
    languages = SiteLanguages.of_project(project)
    site.parent.mkdir(parents=True, exist_ok=True)
    # Beside the site, on its file system: the outputs are renamed into place.
    with tempfile.TemporaryDirectory(prefix=".site-build-", dir=site.parent) as tmp:
        outputs = {lang: Path(tmp) / lang for lang in languages.codes}
        with ThreadPoolExecutor(max_workers=len(languages.codes)) as pool:
            results = list(pool.map(lambda lang: build_language(project, lang, outputs[lang]), languages.codes))
        if all(result.returncode == 0 for result in results):
            assemble(site, languages, outputs, Path(tmp))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project folder (holding mkdocs.yml)")
    args = parser.parse_args()
    project: Path = args.project.resolve()
    problems = check_project(project)
    if problems:
        print(report(problems), file=sys.stderr)
        publish_problems(problems, os.environ)
        sys.exit(1)
    results = build_site(project, args.site_dir.resolve())
    for result in results:
        sys.stderr.write(result.stdout + result.stderr)
    if any(result.returncode != 0 for result in results):
        sys.exit("The build failed: see the messages above.")
    print(f"Built {len(results)} languages into {args.site_dir}")
    if in_github_actions(os.environ):
        with (project / "mkdocs.yml").open(encoding="utf-8") as file:
            site_url = str(yaml_load(file)["site_url"])  # as MkDocs reads it: SITE_URL when set
        pages = pull_request_pages(project, os.environ.get("GITHUB_BASE_REF"), site_url)
        append_summary(os.environ, pages_summary(pages))


if __name__ == "__main__":
    main()
