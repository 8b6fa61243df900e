"""Figures in forms real copy writes (issue 16): one behaviour per case."""
from __future__ import annotations

import pytest

from factcheck.extract import extract_claims


def figures(text, lang=None):
    return [(c.value, c.unit) for c in extract_claims(text, None, lang) if c.kind == "figure"]


@pytest.mark.parametrize("text,want", [
    ("At one point about 1700 lawsuits had been filed.", [(1700.0, "lawsuits")]),  # a hedge: a count, no year
    ("verdicts were obtained in eight of the trials.", [(8.0, "trials")]),
    ("based on estimates of 160 yen to the dollar", [(160.0, "yen")]),
    ("This was one of the largest engagements to date.", []),                     # "one of" counts nothing
    ("profits in the 1986/87 year", []),                                          # a fiscal year
    ("in 1987 models", []),
])
def test_english_forms(text, want):
    assert figures(text, "en") == want


@pytest.mark.parametrize("text,want", [
    ("تظاهروا في بغداد وست محافظات", [(6.0, "state")]),                             # a number word with و
    ("تتراوح بين 160 ألف صاروخ و200 ألف صاروخ", [(160000.0, "rocket"), (200000.0, "rocket")]),
    ("قتل جندياً واحداً على الأقل", [(1.0, "soldier")]),                             # واحدًا after its noun
    ("مباراة فريق وست بروميتش", []),                                               # a name, not six of anything
])
def test_arabic_forms(text, want):
    assert figures(text, "ar") == want


def test_the_tens_of_an_arabic_compound_ordinal_counts_nothing():
    assert figures("وستتوج إسبانيا باللقب للمرة الثانية عشرة من أصل 40 نسخة", "ar") == []
    assert figures("وفاز الفريق باللقب للمرة الحادية عشرة في تاريخه", "ar") == []
    assert figures("وسجل الفريق عشرة أهداف في المباراة", "ar") == [(10.0, "اهداف")]


def test_a_sum_for_each_share_is_its_own_quantity():
    got = figures("سجلت الشركة خسائر قدرها 945.4 مليون ريال (1.23 ريال / للسهم) بنهاية النصف الأول", "ar")
    assert got == [(945400000.0, "riyal"), (1.23, "riyal per share")]


@pytest.mark.parametrize("text,want", [
    # compound units are one unit
    ("ويمتد الطريق مسافة 53 كيلو متر بين المدينتين", [(53.0, "km")]),
    ("وتبلغ سعة الخزان 80.000 متر مكعب من الماء", [(80000.0, "cubic metre")]),
    ("أقيم على مساحة 300 متر مربع وسط الحي", [(300.0, "square metre")]),
    ("The reservoir holds 40 cubic metres of water.", [(40.0, "cubic metre")]),
    # the number in parentheses, then its multiplier
    ("وبلغت الميزانية (167) مليون ريال هذا العام", [(167e6, "riyal")]),
    # a thousands dot never follows a lone 0
    ("بعائدات بنسبة 0.272 في المائة فقط", [(0.272, "percent")]),
    # times of day, "مليونا واحدا" and an addressee after the number count nothing
    ("وتقام الورش من 5 إلى 9 مساء كل يوم", []),
    ("بعدما كان الرقم مليونا واحدا قبل ذلك", []),
    ("وخصصت 46 للكونكاكاف من المقاعد", []),
])
def test_arabic_units_and_digits_of_real_copy(text, want):
    assert figures(text) == want


@pytest.mark.parametrize("text,want", [
    # the dual of a noun whose plural is broken can only be two of it
    ("وسجل المهاجم هدفين في الشوط الأول", [(2.0, "هدف")]),
    ("ووقع انفجاران في وسط المدينة صباحا", [(2.0, "انفجار")]),
    # a masculine sound plural looks the same: no dual read into it
    ("واستقبل المركز زائرين من المدينة", []),
    # a definite dual after the same dual is the same two, said again
    ("وأنقذ الدفاع المدني طفلين من الغرق، ونقل الطفلين إلى المستشفى", [(2.0, "child")]),
    ("فاز الحزب بالمقعدين المخصصين، واحتفظ بالمقعدين البرلمانيين", [(2.0, "مقعد")]),
    # a definite dual after a noun is in apposition to it, no count of its own
    ("وقتل القيادي وابنيه العضوين في التنظيم", []),
])
def test_arabic_duals(text, want):
    assert figures(text) == want


def test_a_smaller_multiple_after_wa_is_added_to_the_larger_one():
    # the dual multiplier, digits with a multiplier, and a multiplier alone each take the part after و
    got = figures(
        "وقال الوزير إن الميزانية بلغت مليارين و378 مليون دولار، مقابل 3 ملايين و200 ألف ريال للبلدية "
        "ومليار و500 مليون دينار للمشاريع.", "ar")
    assert got == [(2378000000.0, "dollar"), (3200000.0, "riyal"), (1500000000.0, "dinar")]
