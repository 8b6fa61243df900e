"""Words that only look like numbers once their article or clitic is taken off, or out of context.

Matching tokens lose their article (الاثنين → اثنين) and what looks like one
(ألفي → في). Read as numbers, "في" (in) was 2000, Monday was 2 and "أحد
المسؤولين" (one of the officials) was 1, so a paraphrase that kept the figure
but dropped "on Monday" or "in" read as a misquote: "numbers differ: 2000 vs 3".
In English "one of the officials" and "no one" are no count either.
"""
from __future__ import annotations

from datetime import datetime

import pytest

from factcheck.match import ClaimView, compare
from factcheck.match.similarity import material_change, numbers, stems

T0 = datetime(2025, 11, 7, 9, 0)


def quote(id_: int, source: str, text: str) -> ClaimView:
    return ClaimView(id_, source, "quote", text, f'وقال المحافظ إن "{text}"', speaker="المحافظ", published=T0,
                     lang="ar")


@pytest.mark.parametrize("text, expected", [
    ("قتل 3 أشخاص في حمص", {3}),
    ("قتل 3 أشخاص يوم الإثنين", {3}),
    ("قال أحد المسؤولين إن 3 أشخاص قتلوا يوم الأحد", {3}),
    ("قتل ثلاثة أشخاص", {3}),
    ("نزح ألف شخص", {1000}),
    ("One of the officials said no one was hurt and 3 were missing", {3}),
    ("one person was killed", {1}),
])
def test_only_numbers_are_numbers(text, expected):
    assert numbers(stems(text)) == expected


@pytest.mark.parametrize("mine, theirs", [
    ("قتل 3 أشخاص في حمص", "قتل 3 أشخاص بحمص"),
    ("قتل 3 أشخاص يوم الإثنين في حمص", "قتل 3 أشخاص في حمص"),
    ("أكد أحد المسؤولين مقتل 3 أشخاص", "أكد مسؤول مقتل 3 أشخاص"),
])
def test_a_paraphrase_that_keeps_the_figure_is_not_a_misquote(mine, theirs):
    assert material_change(stems(mine), stems(theirs)) is None
    r = compare(quote(1, "enab", mine), quote(2, "halab", theirs))
    assert r is not None and r.relation == "supports", r.reason


def test_a_changed_figure_is_still_a_misquote():
    r = compare(quote(1, "enab", "قتل ثلاثة أشخاص في حمص"), quote(2, "halab", "قتل أربعة أشخاص في حمص"))
    assert r.relation == "conflicts" and "numbers differ: 3 vs 4" in r.reason
