"""Two localities, two events: "3 killed in Homs" and "4 killed in Aleppo" are no conflict.

Each pair is also compared with its places taken out, which must conflict: the
places alone decide, not some other difference in the wording.
"""
from __future__ import annotations

from datetime import datetime

from factcheck.match import ClaimView, compare
from factcheck.match.names import entities, places

DAY = datetime(2025, 11, 9, 12)


def fig(id_, source, text, value, unit, lang="ar"):
    return ClaimView(id_, source, "figure", text, text, value=value, unit=unit, published=DAY, lang=lang)


def dated(id_, source, text, iso, lang="ar"):
    return ClaimView(id_, source, "date", text, text, date=iso, grain="day", published=DAY, lang=lang)


def test_two_crossings_in_two_towns_are_not_a_conflict():
    q = "إحصاء {} عائلة إثر افتتاح معبر حدودي في {} وعودة الأهالي إلى منازلهم"
    a = fig(1, "enab", q.format(22, "جرابلس"), 22, "عائلة")
    b = fig(2, "sana", q.format(11, "حمص"), 11, "عائلة")
    r = compare(a, b)
    assert r is not None and r.relation == "related"
    assert "another place (Jarablus vs Homs)" in r.reason
    # without the towns the same two reports are one event with two figures
    control = compare(fig(1, "enab", q.format(22, ""), 22, "عائلة"), fig(2, "sana", q.format(11, ""), 11, "عائلة"))
    assert control.relation == "conflicts" and "figures differ" in control.reason


def test_two_dates_in_other_towns_are_not_a_conflict():
    a = dated(1, "enab", "تبدأ حملة توزيع ألواح الطاقة الشمسية يوم الأحد من القامشلي وفي إدلب", "2025-11-09")
    b = dated(2, "asharq", "تبدأ حملة توزيع ألواح الطاقة الشمسية يوم الاثنين في باريس", "2025-11-10")
    r = compare(a, b)
    assert r is not None and r.relation == "related"
    assert "another place (Idlib, Qamishli vs Paris)" in r.reason
    control = compare(dated(1, "enab", "تبدأ حملة توزيع ألواح الطاقة الشمسية يوم الأحد", "2025-11-09"),
                      dated(2, "asharq", "تبدأ حملة توزيع ألواح الطاقة الشمسية يوم الاثنين", "2025-11-10"))
    assert control.relation == "conflicts" and "dates differ" in control.reason


def test_same_town_with_other_figures_still_conflicts():
    a = fig(1, "jazeera", "مقتل ثلاثة مدنيين بانفجار لغم أرضي في حمص", 3, "مدنيين")
    b = fig(2, "enab", "مقتل أربعة مدنيين بانفجار لغم أرضي بحمص", 4, "مدنيين")
    r = compare(a, b)
    assert r.relation == "conflicts" and "figures differ: 3 مدنيين vs 4 مدنيين" in r.reason


def test_place_given_by_one_report_only_still_conflicts():
    a = fig(1, "reuters", "Three civilians were killed when a landmine exploded in Homs", 3, "civilians", "en")
    b = fig(2, "ap", "Four civilians were killed when a landmine exploded on Sunday", 4, "civilians", "en")
    assert compare(a, b).relation == "conflicts"


def test_a_town_and_its_governorate_are_one_place_two_towns_are_not():
    douma = fig(1, "enab", "مقتل سبعة أشخاص بغارة جوية على مدينة دوما", 7, "أشخاص")
    rif = fig(2, "bbc_ar", "مقتل ثمانية أشخاص بغارة جوية في ريف دمشق", 8, "أشخاص")
    darayya = fig(3, "sana", "مقتل ثمانية أشخاص بغارة جوية على داريا", 8, "أشخاص")
    assert compare(douma, rif).relation == "conflicts"
    r = compare(douma, darayya)
    assert r.relation == "related" and "another place (Douma vs Darayya)" in r.reason


def test_a_capital_standing_for_its_government_is_no_place():
    # "Damascus said": the government; the return happened in Idlib.
    a = fig(1, "reuters", "Damascus said 300 families returned to their homes on Sunday", 300, "families", "en")
    b = fig(2, "ap", "300 families returned to their homes in the Idlib countryside on Sunday", 300, "families", "en")
    assert compare(a, b).relation == "supports"
    c = fig(3, "ap", "Damascus and Ankara agreed that 40 aid trucks cross at Bab al-Hawa", 40, "trucks", "en")
    d = fig(4, "guardian", "Some 45 aid trucks crossed at Bab al-Hawa after Moscow agreed", 45, "trucks", "en")
    assert compare(c, d).relation == "conflicts"
    # written as a place, a capital is a locality
    assert places("انفجار في دمشق")[0] == {"damascus"} and places("وبدمشق انفجار")[0] == {"damascus"}
    assert places("قالت دمشق إن الوفد وصل") == (frozenset(), frozenset({"damascus"}))
    assert places("Washington said on Monday")[0] == frozenset()


def test_common_words_spelled_like_towns_are_no_place():
    assert entities("فتح الباب أمام عودة اللاجئين دوما في مختلف الميادين") == frozenset()
    assert entities("اشتباكات في مدينة الباب شرقي حلب") == {"bab", "aleppo"}
    assert entities("Trucks crossed at Bab al-Hawa") == {"bab-al-hawa"}


def test_cross_language_same_figure_in_other_towns_is_not_support():
    ar = ClaimView(1, "enab", "figure", "300 عائلة",
                   "قال الشيباني في مؤتمر صحفي مع ماكرون إن 300 عائلة عادت إلى إدلب",
                   value=300, unit="عائلة", published=DAY, lang="ar")
    same = ClaimView(2, "reuters", "figure", "300 families",
                     "Shaibani, speaking with Macron, said 300 families had returned to Idlib",
                     value=300, unit="families", published=DAY, lang="en")
    other = ClaimView(3, "reuters", "figure", "300 families",
                      "Shaibani, speaking with Macron, said 300 families had returned to Hama",
                      value=300, unit="families", published=DAY, lang="en")
    assert compare(ar, same).relation == "supports"
    r = compare(ar, other)
    assert r.relation == "related" and "another place (Idlib vs Hama)" in r.reason
