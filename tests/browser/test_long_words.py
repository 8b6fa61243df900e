"""A 5,000-character "word" from a feed wraps inside the page instead of widening it (real headless Chromium)."""
from __future__ import annotations

import pytest

from factcheck.store.db import transaction

from ..web import data
from .conftest import keyboard_login

WORD = "Aleppo" * 833 + "xx"  # 5,000 characters and not one break opportunity
TOLERANCE = 2  # px: rounding of fractional layout widths


def _long_claims(factory) -> tuple[int, int]:
    with transaction(factory) as s:
        mine = data.claim(s, "Outlet A", f"The {WORD} bridge will reopen", title=f"Bridge {WORD}",
                          speaker=f"The mayor of {WORD[:480]}", url=f"https://a.example/{WORD[:1900]}")  # a URL column holds 2,000
        theirs = data.claim(s, "Outlet B", f"The {WORD} bridge will reopen soon", title="Bridge",
                            speaker="The mayor", url="https://b.example/bridge")
        data.link(s, mine, theirs, "supports", 90, "same quote 90%",
                  diff=[["equal", f"The {WORD} bridge will reopen"], ["insert", "soon"]])
        return mine.id, theirs.id


# The queue's seven columns do not fit a phone even with short words (416px at 390): it is measured on a desk's
# screen only, the claim page on both.
@pytest.mark.parametrize("width, pages", [(1280, ("claim", "queue")), (390, ("claim",))])
def test_a_5000_character_word_does_not_widen_the_claim_page_or_the_queue(browser, live, factory, editor, width,
                                                                          pages):
    mine, _ = _long_claims(factory)
    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="en-US")
    page = ctx.new_page()
    try:
        keyboard_login(page, live, "rana", "correct horse battery")
        widths = {}
        for path in [{"claim": f"/claims/{mine}", "queue": "/queue"}[p] for p in pages]:
            page.goto(live + path)
            widths[path] = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if path.startswith("/claims/"):
                # Wrapped, not cut or hidden: the whole word is still there to read.
                assert WORD in page.locator("h1").inner_text()
                assert WORD in page.locator("blockquote.sentence mark").inner_text()
    finally:
        ctx.close()
    too_wide = {path: scroll for path, (scroll, inner) in widths.items() if scroll > inner + TOLERANCE}
    assert not too_wide, f"pages wider than the {width}px viewport: {too_wide}"


def test_a_5000_character_word_does_not_widen_the_downloaded_report(browser, client, factory, tmp_path):
    _long_claims(factory)
    out = tmp_path / "report.html"
    out.write_bytes(client.get("/exports/download?format=html").get_data())
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    try:
        page.goto(out.as_uri())
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        text = page.locator("article.claim").first.inner_text()
    finally:
        page.close()
    assert WORD in text, "the word is all there, wrapped"
    assert scroll <= inner + TOLERANCE, f"the report is {scroll}px wide at {inner}px"
