"""Benchmark the site build at scale with synthetic content (`make bench`).

Generates N posts per language and M members into a throwaway copy of the project (never into docs/), builds it
with the project's real configuration, hooks and plugins, and prints one Markdown table row per scale.
Optionally builds the same posts as a plain site with Zensical (in its own virtual environment) for comparison,
measures how long `make serve`'s preview takes to rebuild after a post is saved, and (`--photos N`) builds N posts
per language with three phone photos each: the first build (empty photo cache), a rebuild with the cache, the same
posts without photos, the site's size, and the preview of a post with ten photos.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
sys.path.insert(0, str(ROOT / "hooks"))

from local_site import copy_project, serve_command  # noqa: E402
from sample_images import phone_exif, phone_photo, with_comment  # noqa: E402
from website.build.languages import SiteLanguages  # noqa: E402

LANGUAGE_ROOTS = SiteLanguages.of_project(ROOT).roots

# The newest release whose dependencies all install from the package index this machine reaches.
ZENSICAL_VERSION = "0.0.73"
ZENSICAL_VENV = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cqid-bench" / "zensical-venv"

ZH_SENTENCES = [
    "集团坚持以专业建设为基础、人才培养为核心，深化产教融合与校企合作。",
    "现代学徒制试点项目在课程实施、考核评价和教研教改等方面协同推进。",
    "学院在优质企业建设精密模具实训中心和工业设计融合实训基地。",
    "服务重庆建设“设计之都”，推动工业设计与乡村振兴、文化艺术相融合。",
    "模具制造技术专业开展中高职贯通培养，实现产教资源整合与共享。",
]
EN_SENTENCES = [
    "The group builds programmes as its foundation and talent cultivation as its core.",
    "The modern apprenticeship pilot works on curriculum delivery, assessment and teaching research.",
    "Training centres for precision molds and industrial design integration stand in partner enterprises.",
    "Industrial design serves rural revitalisation, cultural arts and the use of industrial heritage.",
    "The mold manufacturing class integrates and shares industrial and educational resources.",
]


@dataclass
class Row:
    posts: int
    members: int
    pages: int
    wall_s: float
    peak_mb: float
    site_mb: float
    index_kb: dict[str, float]
    data_hooks_share: float
    hooks_share: float
    zensical_s: float | None

    def cells(self) -> list[str]:
        ratio = f"{self.wall_s / self.zensical_s:.2f}" if self.zensical_s else "-"
        return [
            f"{self.posts:,}",
            f"{self.members:,}",
            f"{self.pages:,}",
            f"{self.wall_s:.1f}",
            f"{self.peak_mb:.0f}",
            f"{self.site_mb:.1f}",
            " / ".join(f"{lang} {kb:,.0f}" for lang, kb in self.index_kb.items()),
            f"{self.data_hooks_share:.1%}",
            f"{self.hooks_share:.1%}",
            "-" if self.zensical_s is None else f"{self.zensical_s:.1f}",
            ratio,
        ]


HEADER = [
    "posts/lang",
    "members",
    "pages",
    "wall s (median)",
    "peak MB",
    "site MB",
    "search index KB",
    "data hooks",
    "all own hooks",
    "Zensical s",
    "project/Zensical",
]


def post_markdown(lang: str, number: int, day: date, rng: random.Random, vocabulary: dict[str, Any]) -> str:
    category = list(vocabulary["categories"].values())[number % len(vocabulary["categories"])][lang]
    author = next(iter(vocabulary["authors"]))
    sentences = ZH_SENTENCES if lang == "zh" else EN_SENTENCES
    title = f"基准测试文章 {number}" if lang == "zh" else f"Benchmark post {number}"
    joiner = "" if lang == "zh" else " "

    def paragraph() -> str:
        return joiner.join(rng.sample(sentences, 3))

    note = "说明" if lang == "zh" else "Note"
    return f"""---
title: {title}
description: {title}
date: {day.isoformat()}
categories:
  - {category}
authors:
  - {author}
---

# {title}

{paragraph()}

<!-- more -->

## {"背景" if lang == "zh" else "Background"}

{paragraph()}

| {"项目" if lang == "zh" else "Item"} | {"数量" if lang == "zh" else "Count"} |
| --- | --- |
| A | {rng.randint(1, 500)} |
| B | {rng.randint(1, 500)} |

```python
print("{number}")
```

!!! note "{note}"

    {paragraph()}

## {"进展" if lang == "zh" else "Progress"}

{paragraph()}
"""


def write_posts(project: Path, count: int) -> None:
    rng = random.Random(count)
    vocabulary = yaml.safe_load((project / "data" / "news.yml").read_text(encoding="utf-8"))
    start = date(2016, 1, 1)
    for lang in LANGUAGE_ROOTS:
        posts_dir = project / "docs" / lang / "news" / "posts"
        posts_dir.mkdir(parents=True, exist_ok=True)
        for number in range(count):
            day = start + timedelta(days=number * 3650 // max(count, 1))
            text = post_markdown(lang, number, day, rng, vocabulary)
            (posts_dir / f"bench-{number:05d}.md").write_text(text, encoding="utf-8")


def write_members(project: Path, count: int) -> None:
    """Pads data/members.yml with synthetic member units up to `count` entries, keeping the real ones."""
    path = project / "data" / "members.yml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    entries = data["members"]
    template = next(e for e in entries if e["role"] == "member")
    types = sorted({e["type"] for e in entries if e["role"] != "guiding-body"})
    for number in range(len(entries), count):
        entries.append(
            {
                **template,
                "id": f"bench-unit-{number:05d}",
                "name": {"zh": f"基准测试单位{number}", "en": f"Benchmark unit {number}"},
                "type": types[number % len(types)],
            }
        )
    data["stated_total"] = max(data["stated_total"], len(entries))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make_project(dest: Path, posts: int, members: int) -> Path:
    copy_project(dest)
    write_posts(dest, posts)
    write_members(dest, members)
    return dest


def run_measured(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one command, its own children included."""
    wall, peak_mb, _ = run_timed(cmd, cwd, env)
    return wall, peak_mb


def run_timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident memory (MB) and CPU seconds (user and system) of one command, its children
    included: the CPU time holds when other work shares the machine, the wall time does not."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"build failed in {cwd}:\n{output.decode(errors='replace')[-4000:]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


# The temporary folder of this run of the bench (main() sets it).
BENCH_TEMP: Path | None = None


def build_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FILING_ICP", "FILING_POLICE")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    # The builds' temporary folders (Material's blog keeps its generated pages in one) in the bench's own folder:
    # a long build must not lose them to another program's clean-up of the system's temporary folder.
    if BENCH_TEMP is not None:
        env["TMPDIR"] = str(BENCH_TEMP)
    return env


def build_command(project: Path, site: Path) -> list[str]:
    """The project's production build, as `make build` runs it."""
    return [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--project", str(project), "--site-dir", str(site)]


def hooks_shares(project: Path, site: Path) -> tuple[float, float]:
    """Shares of one in-process build (cProfile) spent in the data hook and in all of the project's own hooks."""
    profile = project / "build.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mkdocs", "build", "-q", "-d", str(site)]
    subprocess.run(cmd, cwd=project, env=build_env(), check=True, capture_output=True)
    stats = pstats.Stats(str(profile))
    hooks_dir = str(project / "hooks")
    data_hook, data_check = str(project / "hooks" / "data_pages.py"), f"{hooks_dir}/website/data_pages/validate.py"
    listed = re.findall(r"^\s+- (hooks/\S+\.py)\s*$", MKDOCS_YML.read_text(encoding="utf-8"), re.MULTILINE)
    hook_files = {str(project / path) for path in listed}
    total: float = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]

    def entry(filename: str, function: str, caller: str) -> bool:
        """A call from MkDocs or a plugin into hooks/. Not one from Jinja's runtime back into a hook that is rendering,
        nor the import of a helper module, which runs inside its hook's import: counting those would count twice."""
        if not filename.startswith(hooks_dir) or caller.startswith(hooks_dir) or f"{os.sep}jinja2{os.sep}" in caller:
            return False
        return function != "<module>" or filename in hook_files

    # The data hook's part also holds the data check when another hook asks for the data first (the search words read
    # the data files in on_config, before data_pages.py's on_pre_build): counted once, at whichever call reads them.
    everything = data = 0.0
    for (filename, _, function), (*_, callers) in stats.stats.items():  # type: ignore[attr-defined]
        for (caller, _, _), (*_, cumulative) in callers.items():
            if entry(filename, function, caller):
                everything += cumulative
                data += cumulative if filename == data_hook else 0.0
            elif filename == data_check and function != "<module>" and caller in hook_files - {data_hook}:
                data += cumulative
    return data / total, everything / total


def search_index_sizes(site: Path) -> dict[str, float]:
    sizes = {}
    for lang in LANGUAGE_ROOTS:
        index = site / LANGUAGE_ROOTS[lang] / "search" / "search_index.json"
        if index.exists():
            sizes[lang] = index.stat().st_size / 1024
    return sizes


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def zensical_python() -> Path:
    python = ZENSICAL_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(ZENSICAL_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", f"zensical=={ZENSICAL_VERSION}"], check=True)
    return python


def zensical_time(project: Path, runs: int) -> float:
    """The same posts, both languages, as one plain site (no i18n, no blog, no hooks) built by Zensical."""
    plain = project.parent / f"{project.name}-zensical"
    docs = plain / "docs"
    for lang in LANGUAGE_ROOTS:
        shutil.copytree(project / "docs" / lang / "news" / "posts", docs / lang / "posts")
    (docs / "index.md").write_text("# Benchmark\n", encoding="utf-8")
    (plain / "mkdocs.yml").write_text(
        "site_name: Benchmark\ntheme:\n  name: material\nmarkdown_extensions:\n  - admonition\n  - tables\n",
        encoding="utf-8",
    )
    binary = zensical_python().parent / "zensical"
    times = [run_measured([str(binary), "build", "--clean"], plain, build_env())[0] for _ in range(runs)]
    return statistics.median(times)


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, limit_s: float) -> float:
    """Seconds until the page at `url` holds `text`."""
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > limit_s:
            sys.exit(f"{url} did not show {text!r} within {limit_s:.0f} s")
        time.sleep(0.1)
    return time.perf_counter() - start


def preview_rebuild_seconds(project: Path, language: str | None, saves: int) -> tuple[float, list[float]]:
    """Seconds until the preview first serves a post, and for each of `saves` saves of that post, from the save until
    the changed page is served.

    `language` None is `make serve` (both languages), "zh" is `make preview` (one language)."""
    env = build_env() | ({"SITE_LANGUAGE": language} if language else {})
    port = 8765
    server = subprocess.Popen(
        serve_command(f"127.0.0.1:{port}"), cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/news/2016/bench-00000/"
    post = project / "docs" / "zh" / "news" / "posts" / "bench-00000.md"
    original = post.read_text(encoding="utf-8")
    try:
        started = wait_for(url, "基准测试文章 0", 600)
        rebuilt = []
        for _ in range(saves):
            time.sleep(2)
            # A text no earlier save or run can have left in the post.
            edit = f"修改后的段落（{language or 'all'} {time.time_ns()}）"
            post.write_text(original + f"\n{edit}。\n", encoding="utf-8")
            rebuilt.append(wait_for(url, edit, 600))
        return started, rebuilt
    finally:
        post.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)


def measure(posts: int, members: int, runs: int, with_zensical: bool, workdir: Path) -> Row:
    project = make_project(workdir / f"p{posts}-m{members}", posts, members)
    site = project / "site"
    results = [run_measured(build_command(project, site), project, build_env()) for _ in range(runs)]
    pages = sum(1 for _ in site.rglob("*.html"))
    shares = hooks_shares(project, project / "site-profiled")
    return Row(
        posts=posts,
        members=members,
        pages=pages,
        wall_s=statistics.median(r[0] for r in results),
        peak_mb=max(r[1] for r in results),
        site_mb=dir_size_mb(site),
        index_kb=search_index_sizes(site),
        data_hooks_share=shares[0],
        hooks_share=shares[1],
        zensical_s=zensical_time(project, runs) if with_zensical else None,
    )


PHOTOS_PER_POST = 3
PREVIEW_PHOTOS = 10
PHOTO_FOLDER = "assets/images/news"
# Distinct pictures generated for the bench; every photo file is one of them with its own JPEG comment: another
# file with other bytes (another cache entry), decoded, resized and encoded like any photo, without generating
# thousands of pictures. A third of them are portraits stored on their side (EXIF orientation 6), as phones do.
BASE_PICTURES = 12


def base_photos(size: tuple[int, int] = (4000, 3000)) -> list[bytes]:
    """Phone-sized JPEGs (12 MP, about 2 MB each) with a phone's EXIF: GPS position, serial number, orientation."""
    pictures = []
    for number in range(BASE_PICTURES):
        out = io.BytesIO()
        exif = phone_exif(orientation=6 if number % 3 == 2 else 1)
        phone_photo(*size, seed=number).save(out, "JPEG", quality=88, exif=exif)
        pictures.append(out.getvalue())
    return pictures


def add_photos(project: Path, posts: int, per_post: int, pictures: list[bytes], first: int = 0) -> int:
    """Give each bench post `per_post` photos, shared by its two languages (docs/assets/images/news/<slug>/), after
    its excerpt; returns the bytes written."""
    written = 0
    for number in range(posts):
        slug = f"bench-{number:05d}"
        folder = project / "docs" / PHOTO_FOLDER / slug
        folder.mkdir(parents=True, exist_ok=True)
        for index in range(first, first + per_post):
            data = with_comment(pictures[(number * per_post + index) % len(pictures)], f"{slug} photo {index}")
            (folder / f"photo-{index + 1}.jpg").write_bytes(data)
            written += len(data)
        for lang in LANGUAGE_ROOTS:
            post = project / "docs" / lang / "news" / "posts" / f"{slug}.md"
            alt = "现场照片" if lang == "zh" else "On the day"
            images = "\n\n".join(
                f"![{alt} {index + 1}](../../../{PHOTO_FOLDER}/{slug}/photo-{index + 1}.jpg)"
                for index in range(first, first + per_post)
            )
            text = post.read_text(encoding="utf-8")
            post.write_text(text.replace("<!-- more -->\n", f"<!-- more -->\n\n{images}\n", 1), encoding="utf-8")
    return written


@dataclass
class PhotoRow:
    posts: int
    photos: int
    source_mb: float
    first_s: float
    first_cpu_s: float
    text_only: list[tuple[float, float]]  # (wall s, CPU s) of each build of the posts without photos
    cached: list[tuple[float, float]]  # the same with photos, from the cache
    text_only_mb: float
    site_mb: float

    def cells(self) -> list[str]:
        def median(runs: list[tuple[float, float]], at: int) -> float:
            return statistics.median(run[at] for run in runs)

        return [
            f"{self.posts:,}",
            f"{self.photos:,}",
            f"{self.source_mb:,.0f}",
            f"{self.first_s:.1f} ({self.first_cpu_s / self.photos:.2f} CPU s a photo)",
            f"{median(self.text_only, 0):.1f} / {median(self.text_only, 1):.1f}",
            f"{median(self.cached, 0):.1f} / {median(self.cached, 1):.1f}",
            f"{median(self.cached, 0) / median(self.text_only, 0):.2f} / "
            f"{median(self.cached, 1) / median(self.text_only, 1):.2f}",
            f"{self.text_only_mb:.1f}",
            f"{self.site_mb:.1f}",
        ]


PHOTO_HEADER = [
    "posts/lang",
    "photos",
    "photos MB",
    "first build s (empty cache)",
    "text only: wall s / CPU s",
    "rebuild (cache): wall s / CPU s",
    "rebuild / text only: wall / CPU",
    "site MB text only",
    "site MB",
]


def measure_photos(posts: int, runs: int, workdir: Path, pictures: list[bytes]) -> tuple[PhotoRow, Path]:
    """The posts with photos built from an empty cache, then, in turns, again with the cache and without photos (the
    same posts in a copy of the project): turns, so that other work on the machine weighs on both alike; the CPU
    seconds hold even when it does not."""
    text_only = make_project(workdir / f"text-{posts}", posts, 80)
    project = make_project(workdir / f"photos-{posts}", posts, 80)
    written = add_photos(project, posts, PHOTOS_PER_POST, pictures)
    site = project / "site"
    first, _, first_cpu = run_timed(build_command(project, site), project, build_env())
    text_runs, cached_runs = [], []
    for _ in range(runs):
        wall, _, cpu = run_timed(build_command(text_only, text_only / "site"), text_only, build_env())
        text_runs.append((wall, cpu))
        wall, _, cpu = run_timed(build_command(project, site), project, build_env())
        cached_runs.append((wall, cpu))
    row = PhotoRow(
        posts=posts,
        photos=posts * PHOTOS_PER_POST,
        source_mb=written / 1e6,
        first_s=first,
        first_cpu_s=first_cpu,
        text_only=text_runs,
        cached=cached_runs,
        text_only_mb=dir_size_mb(text_only / "site"),
        site_mb=dir_size_mb(site),
    )
    return row, project


def int_list(text: str) -> list[int]:
    return [int(x.replace("_", "")) for x in re.split(r"[,\s]+", text.strip()) if x]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--posts", type=int_list, help="posts per language, e.g. 50,500 (default 50,500,2000; none with --photos)"
    )
    parser.add_argument(
        "--members", type=int_list, default=[80, 1000, 10000], help="member entries, paired with --posts"
    )
    parser.add_argument("--runs", type=int, default=3, help="builds per scale; the median is reported")
    parser.add_argument("--zensical", action="store_true", help="also build the same posts with Zensical")
    parser.add_argument("--preview", type=int, metavar="N", help="measure the preview rebuild at N posts per language")
    parser.add_argument(
        "--photos",
        type=int,
        metavar="N",
        help=f"the photo scenario: N posts per language, {PHOTOS_PER_POST} photos each",
    )
    args = parser.parse_args()
    if args.posts is None:
        args.posts = [] if args.photos else [50, 500, 2000]
    if len(args.members) not in (1, len(args.posts)) and args.posts:
        parser.error("--members takes one value or one per --posts value")
    members = args.members * len(args.posts) if len(args.members) == 1 or not args.posts else args.members

    command = f"make bench BENCH_ARGS='{' '.join(sys.argv[1:])}'"
    print(f"# {os.cpu_count()} cores, Python {sys.version.split()[0]}, command: {command}")
    if args.posts:
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "---|" * len(HEADER))
    global BENCH_TEMP
    with tempfile.TemporaryDirectory(prefix="cqid-bench-") as tmp:
        BENCH_TEMP = Path(tmp) / "tmp"
        BENCH_TEMP.mkdir()
        for posts, member_count in zip(args.posts, members, strict=True):
            row = measure(posts, member_count, args.runs, args.zensical, Path(tmp))
            print("| " + " | ".join(row.cells()) + " |", flush=True)
        if args.preview:
            project = make_project(Path(tmp) / "preview", args.preview, 80)
            print(
                f"\nPreview at {args.preview} posts per language, {args.runs} saves of one post: seconds until the "
                "first page is served / from a save until the changed post is served (median, slowest)"
            )
            for name, language in (("make serve (both languages)", None), ("make preview (one language)", "zh")):
                started, rebuilt = preview_rebuild_seconds(project, language, args.runs)
                print(f"- {name}: {started:.1f} / {statistics.median(rebuilt):.1f}, {max(rebuilt):.1f}")
        if args.photos:
            pictures = base_photos()
            photo_row, project = measure_photos(args.photos, args.runs, Path(tmp), pictures)
            print(f"\nPhotos: {args.photos} posts per language, {PHOTOS_PER_POST} phone photos each (4000 x 3000 JPEG)")
            print("| " + " | ".join(PHOTO_HEADER) + " |")
            print("|" + "---|" * len(PHOTO_HEADER))
            print("| " + " | ".join(photo_row.cells()) + " |", flush=True)
            # The previewed post gets seven more photos, ten in all, processed once before the measure.
            add_photos(project, 1, PREVIEW_PHOTOS - PHOTOS_PER_POST, pictures, first=PHOTOS_PER_POST)
            run_measured(build_command(project, project / "site"), project, build_env())
            print(
                f"\nPreview of a post with {PREVIEW_PHOTOS} photos at {args.photos} posts per language, "
                f"{args.runs} saves: seconds until the first page is served / from a save until the changed post is "
                "served (median, slowest)"
            )
            for name, language in (("make serve (both languages)", None), ("make preview (one language)", "zh")):
                started, rebuilt = preview_rebuild_seconds(project, language, args.runs)
                print(f"- {name}: {started:.1f} / {statistics.median(rebuilt):.1f}, {max(rebuilt):.1f}")


if __name__ == "__main__":
    main()
