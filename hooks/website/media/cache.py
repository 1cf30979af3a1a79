"""The processed photos, kept by content outside docs/ and site/, so that no build does the same photo twice.

Layout under the cache folder (the project's `.cache/images/`, not in git):
- `v-<recipe>/<k2>/<key>/`: one folder per photo content and fallback format (`key`: SHA-256 of the bytes and the
  format), holding the versions (images.py) and `manifest.json`. `<recipe>` is a digest of every setting that decides
  the bytes (images.RECIPE, Pillow's and pillow-heif's versions included): a change starts afresh beside the old one.
- `v-<recipe>/sources.json`: each source file's size, modification time and key, so that a rebuild does not read and
  hash every photo again (a bench of 1,500 phone photos is 4.5 GB: about 4 s of hashing per build).

Safe when several processes build at once (`make build` runs one per language, and a preview may run beside it):
an entry is written into a temporary folder and renamed into place whole, so a reader sees all of it or nothing; a
lock file per entry keeps two processes from making the same entry, and each process first makes what no one else is
making, then waits for the rest. A process uses one thread per core: Pillow decodes, resizes and encodes with the
interpreter lock released.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock, Timeout
from website.build.files import write_whole
from website.messages.problems import Problem

from .images import RECIPE, ImageProblem, Rendition, Renditions, damaged, read_upright, write_renditions

# Raise it when the processing changes in a way images.RECIPE does not show (the code rather than a setting).
CACHE_FORMAT = 1
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class ProcessedImage:
    key: str
    folder: Path
    renditions: Renditions

    def path(self, rendition: Rendition) -> Path:
        return self.folder / rendition.name


@dataclass(frozen=True)
class Source:
    """A photo to process: its file, how messages name it, and the fallback format of an opaque picture."""

    path: Path
    name: str
    opaque_format: str  # 'JPEG' or 'PNG'


class ImageStore:
    def __init__(self, root: Path) -> None:
        digest = hashlib.sha256(f"{CACHE_FORMAT} {RECIPE}".encode()).hexdigest()[:12]
        self.root = root / f"v-{digest}"
        self._known: dict[str, tuple[int, int, str]] = {}  # source path -> (size, mtime_ns, key)
        self._known_changed = False
        # Entries read in this process: they never change (an entry is its content), so a preview's rebuilds and the
        # other language's build need not read their manifests again.
        self._entries: dict[str, ProcessedImage] = {}

    def process(self, sources: list[Source]) -> tuple[dict[Path, ProcessedImage], list[Problem]]:
        """Every source processed (from the cache, or made now), and the writer's problem of each that cannot be."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._load_known()
        keys = {source.path: self._key(source) for source in sources}
        processed: dict[str, ProcessedImage] = {}
        to_make: dict[str, Source] = {}
        for source in sources:
            key = keys[source.path]
            entry = self._entry(key)
            if entry is not None:
                processed[key] = entry
            else:
                to_make.setdefault(key, source)
        problems: dict[str, Problem] = {}
        if to_make:
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
                # First what no other process is making, then wait for the entries that another one was making.
                for blocking in (False, True):
                    waiting = [key for key in to_make if key not in processed and key not in problems]
                    made_now = pool.map(self._make, waiting, [to_make[k] for k in waiting], [blocking] * len(waiting))
                    for key, made in zip(waiting, made_now, strict=True):
                        if isinstance(made, ProcessedImage):
                            processed[key] = made
                        elif isinstance(made, Problem):
                            problems[key] = made
        self._save_known()
        by_path = {path: processed[key] for path, key in keys.items() if key in processed}
        return by_path, [problems[key] for key in sorted(problems, key=lambda k: to_make[k].name)]

    def _key(self, source: Source) -> str:
        stat = source.path.stat()
        known = self._known.get(str(source.path))
        if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
            return known[2]
        digest = hashlib.sha256(source.path.read_bytes())
        digest.update(b"\0" + source.opaque_format.encode())
        key = digest.hexdigest()[:32]
        self._known[str(source.path)] = (stat.st_size, stat.st_mtime_ns, key)
        self._known_changed = True
        return key

    def _folder(self, key: str) -> Path:
        return self.root / key[:2] / key

    def _entry(self, key: str) -> ProcessedImage | None:
        known = self._entries.get(key)
        if known is not None and known.folder.is_dir():  # unless the cache folder was deleted meanwhile
            return known
        folder = self._folder(key)
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        renditions = Renditions(
            fallback=Rendition(**data["fallback"]),
            webp=tuple(Rendition(**r) for r in data["webp"]),
            thumbnails=tuple(Rendition(**r) for r in data["thumbnails"]),
            thumbnail_fallback=Rendition(**data["thumbnail_fallback"]),
            share=Rendition(**data["share"]),
        )
        entry = self._entries[key] = ProcessedImage(key, folder, renditions)
        return entry

    def _make(self, key: str, source: Source, blocking: bool) -> ProcessedImage | Problem | None:
        """The entry (made here or by another process), a writer's problem, or None: another process is on it."""
        folder = self._folder(key)
        folder.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(folder.parent / f"{key}.lock")
        try:
            lock.acquire(timeout=-1 if blocking else 0)
        except Timeout:
            return None
        try:
            made = self._entry(key)
            if made is not None:
                return made
            work = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
            try:
                renditions = write_renditions(read_upright(source.path, source.name), work, source.opaque_format)
                (work / MANIFEST).write_text(json.dumps(asdict(renditions)), encoding="utf-8")
                os.replace(work, folder)
            except ImageProblem as error:
                return error.problem
            except Exception as error:  # a writer's file must never end the build with a traceback
                return damaged(source.name, f"{type(error).__name__}: {error}")
            finally:
                shutil.rmtree(work, ignore_errors=True)
            return ProcessedImage(key, folder, renditions)
        finally:
            lock.release()

    def _load_known(self) -> None:
        try:
            data = json.loads((self.root / "sources.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, Mapping):
            for path, (size, mtime_ns, key) in data.items():
                self._known.setdefault(path, (size, mtime_ns, key))

    def _save_known(self) -> None:
        """Written whole, then renamed: another process's copy may win, which only costs it some hashing later."""
        if not self._known_changed:
            return
        self._known_changed = False
        write_whole(self.root / "sources.json", json.dumps(self._known))
