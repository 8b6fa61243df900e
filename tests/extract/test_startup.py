"""Start-up stays lean (issue 16): `factcheck dates` loads only the date tagger, and importing the
claim splitter builds none of its large patterns until a text needs them. Wall-clock figures are in
bench/extract.py --startup; these tests hold the mechanism, which a timing test on a shared machine
could not."""
import subprocess
import sys

_DATES_ONLY = """
import sys
from click.testing import CliRunner
from factcheck.cli import main
res = CliRunner().invoke(main, ["dates", "--reference", "2025-11-07T12:00:00+00:00"], input="في 20 آب 2025\\n")
assert res.exit_code == 0, res.output
assert '"2025-08-20"' in res.output, res.output
print(sorted(m for m in sys.modules if m.startswith("factcheck.extract")))
"""

_LAZY = """
import re
import factcheck.extract.claims as claims, factcheck.extract.figures as figures
import factcheck.extract.quotes as quotes, factcheck.extract.speakers as speakers
from factcheck.text.lazy_pattern import LazyPattern
modules = (claims, figures, quotes, speakers)
values = [x for m in modules for v in vars(m).values() for x in (v.values() if isinstance(v, dict) else [v])]
compiled = [x.pattern[:60] for x in values if isinstance(x, re.Pattern)]
assert not compiled, f"compiled at import (use lazy_regex): {compiled}"
lazy = [p for p in values if isinstance(p, LazyPattern)]
assert lazy and not any("pattern" in vars(p) for p in lazy), "built at import"
from factcheck.extract import extract_claims
claims_ = extract_claims("Three people were killed on Monday, the ministry said.", lang="en")
assert any(c.kind == "figure" for c in claims_), claims_
print(sum("pattern" in vars(p) for p in lazy), len(lazy))
"""


def _run(code: str) -> str:
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_dates_command_does_not_load_the_claim_splitter():
    loaded = _run(_DATES_ONLY)
    assert "factcheck.extract.dates" in loaded
    for stage in ("claims", "figures", "quotes", "speakers"):
        assert f"factcheck.extract.{stage}'" not in loaded, loaded


def test_patterns_are_built_on_first_use_and_then_match():
    built, total = map(int, _run(_LAZY).split())
    # an English sentence builds the English patterns it reaches, not the Arabic ones
    assert 0 < built < total
