"""Files the build keeps between builds (its caches), written so that another process never reads half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(path: Path, text: str) -> None:
    """Write `text` to `path` under another name in the same folder, then rename it into place: the other language's
    process, reading the file at any moment, finds the old text or the new, never part of it."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, path)
