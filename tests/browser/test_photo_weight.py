"""What a phone downloads for a news post with five photos: the page and the photos it shows first, at most
300 KB at the first visit; the photos further down only as the reader scrolls to them."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from conftest import ServedSite, new_page
from local_site import copy_project
from photo_posts import add_five_photo_post
from playwright.sync_api import Browser
from sitebuild import LANGUAGE_ROOTS, served_build
from test_page_weight import first_visit

PHONE_390 = {"width": 390, "height": 844}  # an iPhone 12 to 15's screen in CSS pixels
LIMIT_KB = 300


@pytest.fixture(scope="module")
def photo_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServedSite, str]]:
    project = copy_project(tmp_path_factory.mktemp("photo-weight") / "project")
    post = add_five_photo_post(project)
    with served_build(project, project.parent / "site") as (result, origin):
        yield ServedSite(build=result, origin=origin), post


def photo_number(path: str) -> int | None:
    name = path.rsplit("/", 1)[-1]
    return int(name.split("-")[1].split(".")[0]) if name.startswith("photo-") else None


@pytest.mark.parametrize("scale", [2, 3])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_phone_gets_a_five_photo_post_in_300_kb(
    browser: Browser, photo_served: tuple[ServedSite, str], language: str, scale: int
) -> None:
    served, post = photo_served
    transferred = first_visit(browser, served, LANGUAGE_ROOTS[language] + post, PHONE_390, scale)
    photos = {path: size for path, size in transferred.items() if photo_number(path) is not None}
    shown = sorted(photo_number(path) or 0 for path in photos)
    total_kb = sum(transferred.values()) / 1024
    print(f"{language} at {scale}x: {total_kb:.1f} KB, photos {shown}: {sorted(photos)}")
    assert all(path.endswith(".webp") for path in photos)  # the WebP versions, never the fallback
    assert 1 in shown and 5 not in shown and 4 not in shown  # the first at once; the last two far below the fold
    assert total_kb <= LIMIT_KB


def test_the_photos_further_down_load_as_the_reader_scrolls(
    browser: Browser, photo_served: tuple[ServedSite, str]
) -> None:
    served, post = photo_served
    context, page = new_page(browser, PHONE_390, 2)
    requested: list[str] = []
    context.on("requestfinished", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(served.url(post), wait_until="networkidle")
    before = {photo_number(path) for path in requested} - {None}
    images = page.locator("figure.photo img")
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    after = {photo_number(path) for path in requested} - {None}
    # Every photo loaded, the 800 px version a 390 px screen at 2x needs, filling the column's width (358 px).
    shown = [
        images.nth(i).evaluate("i => [i.complete, i.currentSrc, i.getBoundingClientRect().width]") for i in range(5)
    ]
    context.close()
    assert all(complete and source.endswith("-800.webp") and width == 358 for complete, source, width in shown), shown
    assert 5 not in before and after == {1, 2, 3, 4, 5}
