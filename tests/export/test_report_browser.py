"""The printable report in real headless Chromium: Arabic right-to-left, English left-to-right."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.config import ROOT

from .conftest import AR_QUOTE

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which("fc-list") is None,
                                 reason="needs /usr/bin/chromium and fonts (apt-get install chromium fonts-noto-core)")]

# For each paragraph: the direction Chromium resolved from dir="auto", and where
# the text's own line box sits in its block (RTL text hugs the right edge).
_PROBE = """(sel) => {
  const el = document.querySelector(sel);
  const range = document.createRange();
  range.selectNodeContents(el);
  const t = range.getBoundingClientRect(), b = el.getBoundingClientRect();
  return {rtl: el.matches(':dir(rtl)'), gapLeft: t.left - b.left, gapRight: b.right - t.right};
}"""


def test_report_renders_both_directions(cli, newsroom, tmp_path, browser):
    out = tmp_path / "report.html"
    assert cli("--format", "html", "--out", str(out)).exit_code == 0
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "export-report.png"
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    try:
        page.goto(out.as_uri())
        ar = page.evaluate(_PROBE, f"#claim-{newsroom['ar_quote']} .claim-text")
        en = page.evaluate(_PROBE, f"#claim-{newsroom['en_quote']} .claim-text")
        ar_note = page.evaluate(_PROBE, f"#claim-{newsroom['ar_quote']} .note")
        assert page.inner_text(f"#claim-{newsroom['ar_quote']} .claim-text") == AR_QUOTE
        page.locator(f"#claim-{newsroom['ar_quote']}").scroll_into_view_if_needed()
        page.screenshot(path=str(shot), full_page=True)
        # A PDF of the same page shows it prints (Chromium's own print engine).
        pdf = page.pdf(format="A4")
    finally:
        page.close()
    assert ar["rtl"] and ar["gapRight"] < 2 < ar["gapLeft"], ar
    assert not en["rtl"] and en["gapLeft"] < 2, en
    assert ar_note["rtl"], "the desk's Arabic note reads right-to-left"
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pdf[:5] == b"%PDF-"
