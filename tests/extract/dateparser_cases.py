"""dateparser's Arabic test cases, where they apply to a date tagger (shared by test and benchmark).

Applicable kinds: relative_past, hijri_calendar, translation, search_date_string (the date a
phrase denotes, compared by day), search_dates (every date found in a sentence) and
language_detection. Not applicable: relative_translation, split_tokens and
language_applicability test dateparser's internal translation step, not dates.
"""
from __future__ import annotations

import json
import re
from datetime import datetime

from factcheck.extract import detect_lang, find_dates
from factcheck.extract.fold import fold_str
from factcheck.extract.lexicon import AR_MONTHS

from duckling import EVAL

APPLICABLE = {"relative_past", "hijri_calendar", "translation", "search_date_string", "search_dates",
              "language_detection"}
_DAY = re.compile(r"(\d{1,2}) (\w+) (\d{4})")
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}


def _best(ms):
    return max(ms, key=lambda m: (m.end - m.start, -m.start)) if ms else None


def score():
    rows = [json.loads(l) for l in (EVAL / "dateparser_ar_cases.jsonl").open(encoding="utf-8")]
    results = []
    for r in rows:
        kind = r["kind"]
        if kind not in APPLICABLE:
            continue
        ref = datetime.fromisoformat((r.get("reference") or (r.get("settings") or {}).get("RELATIVE_BASE")
                                      or "2015-01-01T00:00:00"))
        if kind == "language_detection":
            results.append((r, detect_lang(r["text"]), detect_lang(r["text"]) == r["expected"]))
            continue
        if kind == "search_dates":
            ms = find_dates(r["text"], ref, "ar")
            got = [m.value for m in ms]
            want = [e["date"][:10] for e in r["expected"]]
            results.append((r, got, all(w in got for w in want)))
            continue
        if kind in ("translation", "search_date_string"):
            m = _DAY.search(r["expected"]) if kind == "translation" else None
            want = (f"{int(m.group(3)):04d}-{_MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}" if m
                    else None)
            if kind == "search_date_string":  # the expected string is the phrase itself: read it by hand
                t = re.search(r"(\d{1,2})\s+(\S+?)،?\s+(\d{4})", r["expected"])
                want = f"{int(t.group(3)):04d}-{AR_MONTHS[fold_str(t.group(2))]:02d}-{int(t.group(1)):02d}"
        else:
            want = r["expected"][:10]
        best = _best(find_dates(r["text"], ref, "ar"))
        got = best.value if best else ""
        results.append((r, got, got == want))
    return results


if __name__ == "__main__":
    res = score()
    print(sum(ok for *_, ok in res), "/", len(res))
    for r, got, ok in res:
        if not ok:
            print("FAIL", r["kind"], r["text"], "| got", got, "| expected", r["expected"])
