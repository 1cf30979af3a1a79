"""The group's contact details in one place (data/contact.yml): the footer of every page and the Contact page show
each detail that is set and one mark, the same everywhere on the site, for each that is not; `make to-be-completed`
lists everything still to be completed, with a total."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from local_site import copy_project
from sitebuild import LANGUAGE_ROOTS, ROOT, BuildResult, build, language_of, resolve

MARK = {"zh": "待补充", "en": "To be completed"}
# The footer's details, in order, and what each is called.
FOOTER = {"zh": ["地址", "电话", "电子邮箱"], "en": ["Address", "Telephone", "E-mail"]}
CONTACT_PAGE = {
    "zh": ["地址", "邮政编码", "电话", "电子邮箱", "办公时间", "微信公众号", "公众号二维码"],
    "en": ["Address", "Postcode", "Telephone", "E-mail", "Office hours", "WeChat official account", "WeChat QR code"],
}
# Test values, in a copy of the project only: the group has published no contact details.
SUPPLIED = """contact:
  address:
    zh: 测试地址
    en: Test address
  postcode: "000000"
  phone: "000 0000 0000"
  email: test@example.org
  office_hours:
    zh: 测试办公时间
    en: Test office hours
  wechat:
    name: 测试公众号
    qr_code: assets/images/test-qr.png
"""
STILL_TO_BE_COMPLETED = re.compile(r"待补充|to be completed", re.IGNORECASE)


def footer_details(soup: BeautifulSoup) -> list[tuple[str, str, bool]]:
    """(label, value, marked to be completed) of each detail in a page's footer."""
    found = []
    for item in soup.select("footer .footer-contact__item"):
        label, _, value = item.get_text(strip=True).partition("：" if "：" in item.get_text() else ":")
        found.append((label, value.strip(), item.select_one(".to-be-completed") is not None))
    return found


@pytest.mark.build
def test_every_page_shows_the_contact_details_or_the_mark(site: BuildResult) -> None:
    for path in site.content_pages():
        lang = language_of(path)
        soup = site.page(path)
        assert footer_details(soup) == [(label, MARK[lang], True) for label in FOOTER[lang]], path
        link = soup.select_one("footer a.footer-contact__page")
        assert resolve(path, link["href"]) == f"{LANGUAGE_ROOTS[lang]}contact/"


@pytest.mark.build
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_contact_page_lists_each_detail_or_the_mark(site: BuildResult, lang: str) -> None:
    details = site.page(f"{LANGUAGE_ROOTS[lang]}contact/").select_one("dl.contact-details")
    assert [dt.get_text(strip=True) for dt in details.select("dt")] == CONTACT_PAGE[lang]
    assert [dd.select_one(".to-be-completed").get_text() for dd in details.select("dd")] == [MARK[lang]] * 7


@pytest.mark.build
def test_everything_still_to_be_completed_carries_the_one_mark(site: BuildResult) -> None:
    """Charter, contact details, member units and college profiles: wherever the site says something is still to be
    completed, it is the one mark, never a word of its own in another style."""
    marked = set()
    for path in site.content_pages():
        soup = site.page(path)
        for text in soup.find_all(string=STILL_TO_BE_COMPLETED):
            assert text.parent.name == "span" and "to-be-completed" in text.parent["class"], (path, text)
        if soup.select("article .to-be-completed"):
            marked.add(path.removeprefix("en/"))
    assert {"charter/", "contact/", "members/", "about/", "colleges/die-casting-mold-college/"} <= marked


@pytest.mark.build
def test_supplied_details_are_shown_without_the_mark(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "data" / "contact.yml").write_text(SUPPLIED, encoding="utf-8")
    shutil.copy(
        project / "docs" / "assets" / "images" / "favicon.png", project / "docs" / "assets" / "images" / "test-qr.png"
    )
    result = build(project, tmp_path / "site")
    for lang, root in LANGUAGE_ROOTS.items():
        address = {"zh": "测试地址", "en": "Test address"}[lang]
        assert footer_details(result.page(f"{root}about/")) == [
            (FOOTER[lang][0], address, False),
            (FOOTER[lang][1], "000 0000 0000", False),
            (FOOTER[lang][2], "test@example.org", False),
        ]
        page = result.page(f"{root}contact/")
        details = page.select_one("dl.contact-details")
        hours = {"zh": "测试办公时间", "en": "Test office hours"}[lang]
        assert [dd.get_text(strip=True) for dd in details.select("dd")][:6] == [
            address, "000000", "000 0000 0000", "test@example.org", hours, "测试公众号",
        ]  # fmt: skip
        assert details.select_one("a[href='tel:00000000000']") and details.select_one(
            "a[href='mailto:test@example.org']"
        )
        image = details.select_one("img.contact-details__qr")
        assert resolve(f"{root}contact/", image["src"]) == "assets/images/test-qr.png" and image["alt"]
        assert page.select(".to-be-completed") == []


@pytest.mark.build
def test_a_qr_code_image_that_is_not_there_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    contact = project / "data" / "contact.yml"
    contact.write_text(
        contact.read_text(encoding="utf-8").replace("    qr_code: ~", "    qr_code: assets/images/wechat.png"), "utf-8"
    )
    result = build(project, tmp_path / "site", fails=True)
    assert "data/contact.yml: wechat.qr_code: 没有 docs/assets/images/wechat.png 这个文件" in result.log
    assert "there is no file docs/assets/images/wechat.png" in result.log


def to_be_completed(root: Path) -> list[str]:
    command = [sys.executable, str(ROOT / "scripts" / "writer_tools.py"), "--root", str(root), "to-be-completed"]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=True)
    return done.stdout.splitlines()


@pytest.mark.build
def test_make_to_be_completed_lists_each_gap_with_a_total(tmp_path: Path) -> None:
    lines = to_be_completed(ROOT)
    gaps = lines[1:-1]
    markers = sum(
        path.read_text(encoding="utf-8").count("<!-- data:to-be-completed -->") for path in ROOT.glob("docs/**/*.md")
    )
    assert len(gaps) == markers + 7 + 1
    assert lines[0] == f"待补充的内容 / Still to be completed ({len(gaps)}):"
    assert lines[-1] == f"共 {len(gaps)} 项 / Total: {len(gaps)}"
    assert "  docs/zh/charter/index.md:16: 第一条　名称" in gaps
    assert "  docs/en/charter/index.md:18: Article 1 Name" in gaps
    assert "  data/contact.yml: contact.phone（电话 / Telephone）" in gaps
    assert (
        "  data/members.yml: 尚未列入名录的成员单位 77 家（共 80 家）/ 77 of the 80 member units not listed yet" in gaps
    )
    # A detail filled in leaves the list.
    project = copy_project(tmp_path / "project")
    contact = project / "data" / "contact.yml"
    contact.write_text(contact.read_text(encoding="utf-8").replace("  phone: ~", '  phone: "000 0000 0000"'), "utf-8")
    after = to_be_completed(project)[1:-1]
    assert [gap for gap in gaps if gap not in after] == ["  data/contact.yml: contact.phone（电话 / Telephone）"]
