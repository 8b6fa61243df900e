"""Acceptance 3: Duckling's Arabic and English time corpora through the date tagger.

Phrases of grain day, week, month or year; a value counts when it equals
Duckling's at Duckling's grain. Bare weekdays: factcheck reads them by the tense
of their sentence (news convention: past tense → back); an isolated phrase has
no tense and resolves forward like Duckling. Either direction counts, as the
issue allows. Intervals count by their start.
"""
from __future__ import annotations

import pytest

from duckling import score
from tests.support.evaldata import require


@pytest.mark.parametrize("name,lang", [("duckling_ar_time.jsonl", "ar"), ("duckling_en_time.jsonl", "en")])
def test_floor(name, lang):
    path = require(f"eval/{name}")
    results = score(path, lang)
    ok = sum(1 for _, _, good in results if good)
    assert len(results) > 100
    rate = ok / len(results)
    print(f"\n{name}: {ok}/{len(results)} = {rate:.3f}")
    assert rate >= 0.9, [(r["text"], got) for r, got, good in results if not good]


def test_a_wrong_answer_is_counted_wrong():
    """The scorer itself: a value one day off is not right."""
    from duckling import at_grain, expected_value
    row = {"expected": "2013-02-18T00:00:00.000-02:00", "grain": "day", "reference": "2013-02-12T04:30:00.000-02:00"}
    assert expected_value(row) == "2013-02-18"
    assert at_grain("2013-02-19", "day") != expected_value(row)
    assert at_grain("2013-02-18", "week") == "2013-W08"


def test_dateparser_arabic_cases():
    """dateparser's own Arabic cases, where they apply to a date tagger (see dateparser_cases.py)."""
    require("eval/dateparser_ar_cases.jsonl")
    from dateparser_cases import score as dp_score
    results = dp_score()
    ok = sum(1 for *_, good in results if good)
    print(f"\ndateparser_ar_cases (applicable): {ok}/{len(results)}")
    assert len(results) >= 15
    assert ok / len(results) >= 0.9, [(r["text"], got) for r, got, good in results if not good]
