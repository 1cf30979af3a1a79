"""Build the site with one MkDocs process per language, side by side, and assemble them into one site folder.

mkdocs-static-i18n builds the languages one after the other in one process; they are independent, so on a machine
with two cores building them at the same time takes about half as long. Each process builds one language
(hooks/one_language.py, SITE_LANGUAGE) into its own folder; the default language's folder becomes the site and each
other language contributes its own folder (`en/`). The sitemaps of the languages are joined into one.

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
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.utils import get_build_date
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
URLSET_END = "</urlset>"


@dataclass(frozen=True)
class Language:
    locale: str
    # Its folder below the site root: '' for the default language.
    root: str


def site_languages(config_file: Path) -> list[Language]:
    """The languages static-i18n builds, the default first, as mkdocs.yml declares them."""
    with config_file.open(encoding="utf-8") as f:
        config = yaml_load(f)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    languages = [
        Language(lang["locale"], "" if lang.get("default") else (lang.get("link") or f"/{lang['locale']}/").strip("/"))
        for lang in i18n["languages"]
        if lang.get("build", True)
    ]
    return sorted(languages, key=lambda lang: lang.root != "")


def build_language(project: Path, language: Language, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_LANGUAGE": language.locale}
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


def assemble(site: Path, outputs: dict[Language, Path]) -> None:
    """The default language's output is the site; every other language adds its own folder, and the files it wrote
    outside it that the default language did not: the versions of a shared photo that only its pages show
    (hooks/photos.py), which one process building every language would have written too."""
    default = next(lang for lang in outputs if lang.root == "")
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(outputs[default], site)
    for language, out in outputs.items():
        if language.root:
            shutil.copytree(out / language.root, site / language.root, dirs_exist_ok=True)
            for path in out.rglob("*"):
                target = site / path.relative_to(out)
                if path.is_file() and not path.is_relative_to(out / language.root) and not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, target)
    write_sitemap(site, join_sitemaps([(out / "sitemap.xml").read_text(encoding="utf-8") for out in outputs.values()]))


def build_site(project: Path, site: Path) -> list[subprocess.CompletedProcess[str]]:
    languages = site_languages(project / "mkdocs.yml")
    with tempfile.TemporaryDirectory(prefix="site-build-") as tmp:
        outputs = {lang: Path(tmp) / (lang.root or lang.locale) for lang in languages}
        with ThreadPoolExecutor(max_workers=len(languages)) as pool:
            results = list(pool.map(lambda lang: build_language(project, lang, outputs[lang]), languages))
        if all(result.returncode == 0 for result in results):
            assemble(site, outputs)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project folder (holding mkdocs.yml)")
    args = parser.parse_args()
    results = build_site(args.project.resolve(), args.site_dir.resolve())
    for result in results:
        sys.stderr.write(result.stdout + result.stderr)
    if any(result.returncode != 0 for result in results):
        sys.exit("The build failed: see the messages above.")
    print(f"Built {len(results)} languages into {args.site_dir}")


if __name__ == "__main__":
    main()
