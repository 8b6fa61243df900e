"""Real headless Chromium (Debian's, at /usr/bin/chromium) against the app on a real server."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from factcheck.config import ROOT

from ..support.browser import CHROMIUM

SHOTS = ROOT / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent.name == "browser":
            item.add_marker(pytest.mark.browser)
            if not os.path.exists(CHROMIUM):
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is not installed (CI installs Debian's chromium)"))


@pytest.fixture
def live(app):
    """The app on 127.0.0.1:<free port>, served by werkzeug's threaded server."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


def keyboard_login(page, base: str, name: str, password: str) -> None:
    """Log in with the keyboard alone: the user-name field has autofocus."""
    page.goto(base + "/login")
    # Chromium applies autofocus in a rendering step that can come after the load
    # event: wait for the focus (it must arrive, or the page lost its autofocus)
    # instead of typing into nothing.
    page.wait_for_function("document.activeElement && document.activeElement.name === 'username'",
                           timeout=5000)
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/login" not in page.url, "login failed"
