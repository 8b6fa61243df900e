"""The downloaded HTML report opened from disk in real headless Chromium: clicking every link runs nothing
and goes nowhere but http(s), and the file's own Content-Security-Policy blocks any script that got in."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .hostile import HOSTILE, SAFE, hostile_claims

CHROMIUM = "/usr/bin/chromium"

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which("fc-list") is None,
                                 reason="needs /usr/bin/chromium and fonts (apt-get install chromium fonts-noto-core)")]

IMPORTED = "javascript:alert('imported')"


def test_clicking_every_link_of_the_report_from_disk_runs_no_script(cli, factory, editor, tmp_path, browser):
    hostile_claims(factory)  # stored before the check, or behind its back: the template must hold
    art = tmp_path / "a.txt"
    art.write_text("The minister said the port reopens on Monday.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["import", str(art), "--source", "Desk import", "--url", IMPORTED,
                                  "--published", "2025-11-07T10:00:00Z", "--lang", "en"])
    assert r.exit_code == 0, r.output
    out = tmp_path / "report.html"
    assert cli("--format", "html", "--out", str(out)).exit_code == 0

    page = browser.new_page()
    dialogs, navigations, fetched, errors = [], [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("framenavigated", lambda f: navigations.append(f.url))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def offline(route):
        # No internet: an http(s) link is recorded, answered 204 (the page stays where it is), never fetched.
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            fetched.append(route.request.url)
            route.fulfill(status=204, body="")

    page.route("**/*", offline)
    try:
        page.goto(out.as_uri())
        hrefs = page.eval_on_selector_all("a", "as => as.map(a => a.getAttribute('href'))")
        left = []
        for n in range(len(hrefs)):
            page.locator("a").nth(n).click()
            page.wait_for_timeout(200)
            if page.url != out.as_uri():
                left.append((hrefs[n], page.url))
                page.goto(out.as_uri())
        # The file's own policy, the second line of defence: a script or a javascript: link that somehow got
        # into the page still does not run.
        injected = page.evaluate("""() => {
            const s = document.createElement('script');
            s.textContent = 'document.body.dataset.ran = "inline"';
            document.head.appendChild(s);
            return document.body.dataset.ran || null;
        }""")
        page.evaluate("""() => {
            const a = document.createElement('a');
            a.id = 'smuggled'; a.href = "javascript:alert('smuggled')"; a.textContent = 'smuggled';
            document.body.appendChild(a);
        }""")
        page.locator("#smuggled").click()
        page.wait_for_timeout(200)
        policy = page.evaluate("""() => {
            const first = document.head.firstElementChild;
            return [first.httpEquiv, first.content];
        }""")
    finally:
        page.close()
    assert dialogs == [], f"a link ran script: {dialogs}"
    assert left == [], f"links that left the report: {left}"
    assert hrefs == [SAFE], f"the http(s) article is the one link, not the {len(HOSTILE)} hostile ones nor the import"
    assert fetched == [SAFE], "the link was followed (and answered offline)"
    assert [u for u in navigations if not u.startswith(("file://", "http://", "https://"))] == [], navigations
    assert injected is None, "an injected inline script ran"
    assert policy[0] == "Content-Security-Policy" and "default-src 'none'" in policy[1] \
        and "script-src" not in policy[1], policy
