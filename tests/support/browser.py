"""One headless Chromium for the whole test run (Debian's, at /usr/bin/chromium).

Playwright's sync API runs an event loop for as long as it is open, so a
second sync_playwright() in the same process fails: every browser test
shares this session fixture instead of starting its own.
"""
from __future__ import annotations

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
HAVE_CHROMIUM = os.path.exists(CHROMIUM)


@pytest.fixture(scope="session")
def browser():
    if not HAVE_CHROMIUM:
        pytest.skip(f"{CHROMIUM} is not installed (CI installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
