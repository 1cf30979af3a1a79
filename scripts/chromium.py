"""The browser the tests and scripts/pr_preview.py use: Debian's /usr/bin/chromium when it is there (`make
test` installs it where it can), otherwise the one Playwright installs for itself (`playwright install chromium`)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Playwright

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}


def launch(playwright: Playwright) -> Browser:
    executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
