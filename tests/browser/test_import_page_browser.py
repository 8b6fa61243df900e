"""An editor imports a page through the form in real headless Chromium: header link, paste, Import,
the claims found (issue 19, item 5). Pages from a real server on 127.0.0.1."""
from __future__ import annotations

from factcheck.ingest.pages import FullTextConfig

from ..ingest.test_fulltext_extraction import ARABIC_PAGE
from ..support.feedserver import FeedServer, Reply
from .conftest import keyboard_login


def test_an_editor_imports_a_page_from_the_header(browser, live, settings, editor):
    settings.fulltext = FullTextConfig(min_delay=0.0, robots=False)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = ctx.new_page()
    try:
        with FeedServer() as server:
            server.route("/news/bridge.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"),
                                                    headers={"Content-Type": "text/html; charset=utf-8"}))
            server.route("/news/gone.html", Reply(404, body=b"not here"))
            keyboard_login(page, live, "rana", "correct horse battery")
            page.click("header nav >> text=Import a page")
            assert page.url.endswith("/import")
            # A page that is gone: the reason, and the address still in the field.
            gone = server.url("/news/gone.html")
            page.fill("input[name=url]", gone)
            with page.expect_navigation():
                page.click("form.import button[type=submit]")
            assert "HTTP 404" in page.locator("#import-error").inner_text()
            assert page.input_value("input[name=url]") == gone
            page.fill("input[name=url]", server.url("/news/bridge.html"))
            page.fill("input[name=source]", "Mashreq")
            with page.expect_navigation():
                page.click("form.import button[type=submit]")
            claims = page.locator("#import-result ul.claims a")
            assert any("الجسر الجديد سيفتح أمام السيارات" in t for t in claims.all_inner_texts())
            with page.expect_navigation():
                claims.first.click()
            assert "/claims/" in page.url
    finally:
        ctx.close()
