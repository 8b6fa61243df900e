"""The README's screenshots, taken from what a new desk sees: the bundled sample feeds, polled.

The same queue and claim page a first `factcheck run` shows offline, in a real browser: the queue in
English with its conflicts first, and a conflicting claim in Arabic with the matcher's reason. The
pictures go to test-artifacts/screenshots/readme/; with FACTCHECK_README_SCREENSHOTS=1 they also
replace docs/screenshots/, which the README shows.
"""
from __future__ import annotations

import os
import shutil

from sqlalchemy import select

from factcheck.config import ROOT
from factcheck.store.db import transaction
from factcheck.ingest.feeds_yaml import load_feeds_file
from factcheck.store.models import Claim
from factcheck.store.polling import sync_feeds
from factcheck.worker import poll_round

from .conftest import SHOTS, keyboard_login


def _poll_the_samples(factory, settings, tmp_path) -> None:
    """The sample entries of the shipped feeds.yaml (the real outlets need internet), polled once."""
    lines = [line for line in (ROOT / "feeds.yaml").read_text(encoding="utf-8").splitlines()
             if "file:samples/" in line]
    assert len(lines) >= 4, "feeds.yaml lost its bundled samples"
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("\n".join(line.replace("file:samples/", f"file:{ROOT / 'samples'}/") for line in lines) + "\n",
                     encoding="utf-8")
    settings.feeds_file = feeds
    with transaction(factory) as s:
        sync_feeds(s, load_feeds_file(feeds))
    outcomes = poll_round(factory, settings, force=True)
    assert outcomes and not [o.error for o in outcomes if o.error]


def test_readme_screenshots_show_the_sample_desk(browser, live, factory, settings, editor, tmp_path):
    _poll_the_samples(factory, settings, tmp_path)
    with factory() as s:
        conflicted = s.scalars(select(Claim).where(Claim.n_conflicts > 0, Claim.language == "ar")
                               .order_by(Claim.n_conflicts.desc(), Claim.id)).first()
    assert conflicted is not None, "the samples are meant to hold Arabic outlets that conflict"
    out = SHOTS / "readme"
    out.mkdir(parents=True, exist_ok=True)

    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = ctx.new_page()
    keyboard_login(page, live, "rana", "correct horse battery")
    assert page.locator("tr.row").count() > 10
    assert "has-conflict" in page.locator("tr.row").first.get_attribute("class"), "conflicts lead the queue"
    assert page.locator("header a", has_text="Dashboard").count() == 1
    page.screenshot(path=str(out / "queue-en.png"))

    with page.expect_navigation():
        page.locator("form.lang-switch button").click()
    page.goto(f"{live}/claims/{conflicted.id}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".match.rel-conflicts .reason").count() >= 1
    assert "same event (" not in page.content(), "the reason is shown in Arabic"
    page.screenshot(path=str(out / "claim-ar.png"), full_page=True)
    ctx.close()

    if os.environ.get("FACTCHECK_README_SCREENSHOTS") == "1":
        for name in ("queue-en.png", "claim-ar.png"):
            shutil.copy(out / name, ROOT / "docs" / "screenshots" / name)
