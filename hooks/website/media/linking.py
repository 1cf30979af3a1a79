"""How a processed photo's version gets from the cache into the site: a hard link, else a copy.

A rebuild publishes every version again (1,500 phone photos: about 1 GB of files in each language's output); a hard
link costs no copying and no disk space. The site's file and the cache's entry are then one file, so nothing may ever
write into a published version: MkDocs and the hooks write every page, feed, sitemap and index as a file of its own,
never at a photo's address (build.py refuses a file of docs/ there), `scripts/build_site.py` assembles the site by
moving files, and here an existing file at the address is removed before the version is linked, never written into.
When the site is on another file system than the cache (or the file system has no hard links) the version is copied.
"""

from __future__ import annotations

import os
import shutil


def link_into_site(version: str, address: str) -> None:
    """Put the cache's file `version` at `address` in the site, unless that is already the very file (a preview's
    rebuild; the other language's build in `make serve`) or a copy of it (the same size and time: an entry of the
    cache never changes)."""
    try:
        present = os.stat(address)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(address), exist_ok=True)
    else:
        cached = os.stat(version)
        if os.path.samestat(present, cached) or (present.st_size, present.st_mtime_ns) == (
            cached.st_size,
            cached.st_mtime_ns,
        ):
            return
        # Another version of the photo, from an earlier preview: it may be a link to another entry of the cache, so
        # it is removed, never written into.
        os.unlink(address)
    try:
        os.link(version, address)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(version, address)  # with the entry's time, which the test above compares
