"""Scoring of the date tagger on Duckling's time corpora (shared by the test and the benchmark)."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from factcheck.extract import find_dates
from tests.support import evaldata

EVAL = evaldata.path("eval")
GRAINS = ("day", "week", "month", "year")


def expected_value(row: dict) -> str:
    """Duckling's expected value at its grain, in factcheck's ISO format."""
    start = row["expected"].split("/")[0]
    neg = start.startswith("-")
    d = date.fromisoformat(start.lstrip("-")[:10]) if not neg else None
    g = row["grain"]
    if neg:
        return "-" + start[1:5]
    if g == "day":
        return d.isoformat()
    if g == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if g == "month":
        return d.isoformat()[:7]
    return d.isoformat()[:4]


def at_grain(value: str, grain: str) -> str:
    """Our value truncated to the expected grain (a day value answers a month question)."""
    if grain == "week" and len(value) == 10:
        y, w, _ = date.fromisoformat(value).isocalendar()
        return f"{y}-W{w:02d}"
    if grain == "month":
        return value[:7] if len(value) >= 7 and "W" not in value else value
    if grain == "year":
        return value[:4] if not value.startswith("-") else value[:5]
    return value


def bare_weekday_back(row: dict, value: str, lang: str) -> bool:
    """A bare weekday resolved back (news convention) instead of forward counts as right."""
    exp = date.fromisoformat(row["expected"][:10])
    ref = date.fromisoformat(row["reference"][:10])
    if row["grain"] != "day" or not value or len(value) != 10 or (exp - ref).days not in range(1, 8):
        return False
    got = date.fromisoformat(value)
    return got.weekday() == exp.weekday() and 0 <= (ref - got).days < 7


def score(path: Path, lang: str):
    rows = [json.loads(l) for l in path.open(encoding="utf-8")]
    rows = [r for r in rows if r.get("grain") in GRAINS and not r.get("negative") and r.get("expected")]
    results = []
    for r in rows:
        ref = datetime.fromisoformat(r["reference"].replace(".000", ""))
        ms = find_dates(r["text"], ref, lang)
        best = max(ms, key=lambda m: (m.end - m.start, -m.start)) if ms else None
        got = best.value if best else ""
        ok = bool(got) and (at_grain(got, r["grain"]) == expected_value(r) or bare_weekday_back(r, got, lang))
        results.append((r, got, ok))
    return results
