"""The local server that the browser tests and `make lighthouse` use serves the site as GitHub Pages does in what a
reader's browser feels: text compressed with gzip when the browser accepts it, connections kept alive."""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from local_site import serving

# Each test builds the site (or a copy of the project) and reads what it produced.
pytestmark = pytest.mark.build

FILES = {
    "index.html": "<!doctype html><title>首页</title>" + "<p>重庆工业设计职业教育集团</p>" * 50,
    "news/index.html": "<!doctype html><title>新闻</title>",
    "assets/site.css": "body { color: #000; }\n" * 50,
    "assets/bundle.js": "console.log('x');\n" * 50,
    "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    "search/search_index.json": '{"docs": []}',
    "sitemap.xml": '<?xml version="1.0"?><urlset/>',
    "404.html": "<!doctype html><title>页面未找到</title>",
}
PNG = bytes.fromhex("89504e470d0a1a0a") + bytes(200)


@pytest.fixture(scope="module")
def connection(tmp_path_factory: pytest.TempPathFactory) -> Iterator[http.client.HTTPConnection]:
    site = tmp_path_factory.mktemp("site")
    for name, text in FILES.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "assets" / "photo.png").write_bytes(PNG)
    with serving(site) as origin:
        conn = http.client.HTTPConnection(urlsplit(origin).netloc, timeout=10)
        yield conn
        conn.close()


def get(conn: http.client.HTTPConnection, path: str, gzip_ok: bool) -> http.client.HTTPResponse:
    conn.request("GET", path, headers={"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {})
    return conn.getresponse()


@pytest.mark.parametrize("name", list(FILES))
def test_text_is_gzipped_for_a_browser_that_accepts_it(connection: http.client.HTTPConnection, name: str) -> None:
    path = "/" + name.removesuffix("index.html")
    response = get(connection, path, gzip_ok=True)
    body = response.read()
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert int(response.getheader("Content-Length", "-1")) == len(body)
    assert gzip.decompress(body).decode("utf-8") == FILES[name]


def test_plain_bytes_without_accept_encoding_and_for_images(connection: http.client.HTTPConnection) -> None:
    response = get(connection, "/assets/site.css", gzip_ok=False)
    assert response.getheader("Content-Encoding") is None
    assert response.read().decode("utf-8") == FILES["assets/site.css"]
    response = get(connection, "/assets/photo.png", gzip_ok=True)
    assert response.getheader("Content-Encoding") is None
    assert response.read() == PNG


def test_one_connection_serves_many_requests_and_redirects_folders(connection: http.client.HTTPConnection) -> None:
    # The fixture's single connection has served every request above: HTTP/1.1 keep-alive, not one per request.
    for path in ("/", "/assets/bundle.js", "/news/"):
        response = get(connection, path, gzip_ok=True)
        response.read()
        assert response.status == 200
        assert not response.will_close
    response = get(connection, "/news", gzip_ok=True)
    response.read()
    assert response.status == 301
    assert response.getheader("Location") == "/news/"
    # As GitHub Pages: a missing address gets the site's 404.html, with status 404.
    for path in ("/missing/", "/en/missing.html"):
        response = get(connection, path, gzip_ok=False)
        assert response.status == 404
        assert response.read().decode("utf-8") == FILES["404.html"]
