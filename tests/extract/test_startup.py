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


# Every re.compile a factcheck module makes while the extractor and the CLI are imported,
# and every trie alternation built then. The few small patterns the date tagger compiles at
# import are listed: a new module-level pattern anywhere (claims, figures, the date rules...)
# makes this fail; write it with lazy_regex, or build it in a function called on first use.
_IMPORT_SPY = """
import re, sys
compiled = {}
_compile = re.compile
def spy(p, flags=0):
    mod = sys._getframe(1).f_globals.get("__name__", "")
    if mod.startswith("factcheck"):
        compiled[mod] = compiled.get(mod, 0) + 1
    return _compile(p, flags)
re.compile = spy
import factcheck.text.numbers as numbers
alternations = []
_alternation = numbers.alternation
def alternation(*a, **k):
    alternations.append(sys._getframe(1).f_globals.get("__name__", ""))
    return _alternation(*a, **k)
numbers.alternation = alternation
import factcheck.cli, factcheck.extract, factcheck.extract.dates.rules as rules
assert not alternations, f"alternations built at import: {alternations}"
assert rules.rule_table.cache_info().currsize == 0, "the date rules were built at import"
allowed = {"factcheck.text.numbers": 1, "factcheck.extract.fold": 1, "factcheck.extract.dates.resolve": 2,
           "factcheck.extract.dates.scanner": 3, "factcheck.extract.dates.tagger": 3}
over = {m: n for m, n in compiled.items() if n > allowed.get(m, 0)}
assert not over, f"compiled at import (use lazy_regex): {over}"
from factcheck.extract.dates import find_dates
from datetime import date
assert find_dates("On 20 August 2025 the talks began.", date(2025, 11, 7), lang="en")
print(len(alternations), rules.rule_table.cache_info().currsize)
"""


def test_importing_the_extractor_compiles_no_large_pattern_and_builds_no_date_rule():
    alternations, built = map(int, _run(_IMPORT_SPY).split())
    # the first text tagged builds the rules, alternations and all, once
    assert alternations > 0 and built == 1
