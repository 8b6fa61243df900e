"""Words that only look like numbers once their article or clitic is taken off, or out of context.

Matching tokens lose their article (الاثنين → اثنين) and what looks like one
(ألفي → في). Read as numbers, "في" (in) was 2000, Monday was 2 and "أحد
المسؤولين" (one of the officials) was 1, so a paraphrase that kept the figure
but dropped "on Monday" or "in" read as a misquote: "numbers differ: 2000 vs 3".
In English "one of the officials" and "no one" are no count either. And the
tokens lose the decimal point: numbers are read from the text itself, with
their scale ("2.5 مليون" = "2,500,000").
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
    ("آلاف النازحين وملايين السوريين", set()),  # "thousands of", not a count
])
def test_only_numbers_are_numbers(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("خصصت الحكومة 2.5 مليون دولار", 2_500_000),
    ("خصصت الحكومة 2,500,000 دولار", 2_500_000),
    ("خصصت الحكومة ٢٫٥ مليون دولار", 2_500_000),
    ("The government set aside $2.5 million", 2_500_000),
    ("نزح ثلاثة آلاف شخص", 3000),
    ("spent 3,000 million dollars", 3_000_000_000),
    ("أنفقت 3 مليارات دولار", 3_000_000_000),
    ("أنفقت ألف مليون دولار", 1_000_000_000),
    ("spent 1000 million dollars", 1_000_000_000),
])
def test_one_number_written_many_ways_is_one_number(text, expected):
    # Matching tokens lose the decimal point (2.5 is 2 and 5) and keep the scale apart.
    assert numbers(text) == {expected}


@pytest.mark.parametrize("mine, theirs", [
    ("قتل 3 أشخاص في حمص", "قتل 3 أشخاص بحمص"),
    ("قتل 3 أشخاص يوم الإثنين في حمص", "قتل 3 أشخاص في حمص"),
    ("أكد أحد المسؤولين مقتل 3 أشخاص", "أكد مسؤول مقتل 3 أشخاص"),
    ("خصصنا 2.5 مليون دولار لإعادة الإعمار", "خصصنا 2,500,000 دولار لإعادة الإعمار"),
    ("We will spend 3 billion dollars on schools", "We will spend 3,000 million dollars on schools"),
])
def test_a_paraphrase_that_keeps_the_figure_is_not_a_misquote(mine, theirs):
    assert material_change(stems(mine), stems(theirs), mine, theirs) is None
    r = compare(quote(1, "enab", mine), quote(2, "halab", theirs))
    assert r is not None and r.relation == "supports", r.reason


def test_a_changed_figure_is_still_a_misquote():
    r = compare(quote(1, "enab", "قتل ثلاثة أشخاص في حمص"), quote(2, "halab", "قتل أربعة أشخاص في حمص"))
    assert r.relation == "conflicts" and "numbers differ: 3 vs 4" in r.reason
    r = compare(quote(1, "enab", "خصصنا 2.5 مليون دولار للمدارس"), quote(2, "halab", "خصصنا 2.6 مليون دولار للمدارس"))
    assert r.relation == "conflicts" and "numbers differ: 2500000 vs 2600000" in r.reason
