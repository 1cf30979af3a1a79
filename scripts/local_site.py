"""The project as the tests, the benchmark and `make lighthouse` use it: a throwaway copy of it, the command
`make serve` runs, and a built site served on 127.0.0.1 as GitHub Pages serves it."""

from __future__ import annotations

import functools
import gzip
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# What a build needs from the project; a copy of these is a complete, independent project.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does in what a reader's browser feels: text files gzip-compressed when the
    browser accepts it, over kept-alive connections, so that `make lighthouse` measures what a reader downloads."""

    protocol_version = "HTTP/1.1"  # keep-alive; HTTP/1.0 would open a connection per request, as no real host does
    COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        status = HTTPStatus.OK
        if not path.exists():
            # GitHub Pages answers a missing address with the site's 404.html.
            path, status = Path(self.directory) / "404.html", HTTPStatus.NOT_FOUND
        if not path.is_file():
            super().do_GET()  # a folder's address without its slash: redirected
            return
        body = path.read_bytes()
        content_type = self.guess_type(str(path))
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and content_type.startswith(self.COMPRESSED_TYPES)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if compress:
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serving(site_dir: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) as GitHub Pages would; yields the origin, 'http://127.0.0.1:PORT'."""
    handler = functools.partial(SiteRequestHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def serve_command(address: str) -> list[str]:
    """The command `make serve` runs (read from the Makefile, so tests and the bench preview exactly that), serving
    at `address` ('127.0.0.1:PORT')."""
    recipe = re.search(r"^serve:.*\n\t\$\(BIN\)/mkdocs (serve .*)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    if recipe is None:
        raise AssertionError("the Makefile has no 'serve:' target running $(BIN)/mkdocs serve")
    args = recipe.group(1).split()
    at = args.index("-a")
    args[at + 1] = address
    return [sys.executable, "-m", "mkdocs", *args]


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project that a test may change without touching the real one."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest
