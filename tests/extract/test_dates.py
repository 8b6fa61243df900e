"""The date tagger on the forms the issue lists, one behaviour per test."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from factcheck.extract import extract_claims, find_dates

FRI = datetime(2025, 11, 7, 22, 13, tzinfo=timezone.utc)  # the seed's publication time


def one(text, ref=FRI, lang=None):
    ms = find_dates(text, ref, lang)
    assert len(ms) == 1, ms
    m = ms[0]
    assert text[m.start:m.end] == m.text
    return m.value, m.grain


@pytest.mark.parametrize("text,value", [
    ("في 19 من تشرين الأول الماضي", "2025-10-19"),           # Levantine, من between day and month
    ("في 3 يناير المقبل", "2026-01-03"),                     # Egyptian / Gulf
    ("يوم 17 فيفري 2025", "2025-02-17"),                      # Maghrebi
    ("في 5 شتنبر 2024", "2024-09-05"),                        # Moroccan
    ("في ١١ تشرين الثاني/نوفمبر ٢٠٢٥", "2025-11-11"),          # double form, Arabic-Indic digits
    ("في 1 شوال 1446 هـ", "2025-03-30"),                       # Hijri (Umm al-Qura via hijridate)
    ("الاثنين المقبل", "2025-11-10"),
    ("الاثنين الماضي", "2025-11-03"),
    ("أمس", "2025-11-06"), ("غدًا", "2025-11-08"), ("اليوم", "2025-11-07"),
    ("on Nov. 10", "2025-11-10"), ("10 November 2025", "2025-11-10"), ("last Tuesday", "2025-11-04"),
])
def test_day_values(text, value):
    assert one(text) == (value, "day")


@pytest.mark.parametrize("text,value,grain", [
    ("كانون الأول 2024", "2024-12", "month"),
    ("عام 2015", "2015", "year"),
    ("الأسبوع المقبل", "2025-W46", "week"),
    ("next week", "2025-W46", "week"),
    ("الشهر الماضي", "2025-10", "month"),
])
def test_coarser_grains_keep_their_grain(text, value, grain):
    assert one(text) == (value, grain)


def test_past_tense_without_year_goes_back_and_future_goes_forward():
    ref = datetime(2025, 2, 10, tzinfo=timezone.utc)
    assert find_dates("وقال إن الاجتماع عقد في 25 كانون الأول", ref, "ar")[0].value == "2024-12-25"
    assert find_dates("وقال إن الاجتماع سيعقد في 25 كانون الأول", ref, "ar")[0].value == "2025-12-25"


def test_bare_weekday_follows_tense():
    # Friday 7 Nov: "said on Monday" is the Monday before, "will meet on Monday" the one after
    assert find_dates("Macron said on Monday that talks went well.", FRI, "en")[0].value == "2025-11-03"
    assert find_dates("The two leaders will meet on Monday.", FRI, "en")[0].value == "2025-11-10"


def test_relative_date_resolves_against_the_statement_date():
    text = "وقالت المتحدثة في 4 من تشرين الثاني إن ترامب سيلتقي الشرع الاثنين المقبل."
    # published a week later: from the publication date "next Monday" would be the 17th
    cs = extract_claims(text, datetime(2025, 11, 14, tzinfo=timezone.utc), "ar")
    monday = [c for c in cs if c.kind == "date" and c.date_text == "الاثنين المقبل"]
    assert monday and monday[0].date == "2025-11-10"


def test_numbers_that_are_not_dates():
    assert find_dates("قتل 2000 شخص", FRI, "ar") == [] or all(m.grain != "day" for m in find_dates("قتل 2000 شخص", FRI, "ar"))
    cs = extract_claims("وقالت الوزارة إن 2000 شخص نزحوا.", FRI, "ar")
    assert [c.value for c in cs if c.kind == "figure"] == [2000]
    assert not [c for c in cs if c.kind == "date"]


def test_empty_and_dateless_text():
    assert find_dates("", FRI) == []
    assert find_dates("لا تاريخ هنا على الإطلاق", FRI) == []


def test_a_month_written_in_two_casings_is_found_in_both():
    # Only one casing of each English word used to be located in the text, so a date
    # spelled "MARCH 5" went unseen when the article also had "March".
    text = "In March the talks stalled. Officials said on MARCH 5, 2024 that they resumed."
    found = {(m.text, m.value) for m in find_dates(text, FRI, "en")}
    assert ("MARCH 5, 2024", "2024-03-05") in found
    assert ("March", "2025-03") in found


@pytest.mark.parametrize("text,value", [
    ("بتاريخ 19/6/1436 واستشهاد قائدها", "2015-04-08"),     # a year of 1300-1499 in digits is Hijri, هـ or not
    ("بتاريخ 10/1/1436. ثم", "2014-11-03"),                  # a sentence's full stop after the year
    ("في 26/9/1436هـ", "2015-07-13"),                        # هـ without a space
])
def test_numeric_hijri_dates(text, value):
    assert one(text, lang="ar") == (value, "day")


def test_hijri_years_before_the_table_keep_their_gregorian_year():
    """Outside hijridate's Umm al-Qura table the tabular calendar converts: within two days of Umm
    al-Qura where both exist, and "5/7/1312 هـ" falls at the turn of 1894-95, as it did."""
    from datetime import timedelta

    from factcheck.extract.calendar import hijri_to_date, tabular_hijri_to_date
    for y in range(1356, 1500, 7):
        for m in (1, 6, 12):
            uq = hijri_to_date(y, m, 1)
            assert abs(tabular_hijri_to_date(y, m, 1) - uq) <= timedelta(days=2), (y, m)
    value, grain = one("في 5/7/1312 هـ", lang="ar")
    assert grain == "day" and "1894-12-30" <= value <= "1895-01-04"


def test_first_of_a_hijri_month_and_its_relative_word():
    ref = datetime(2015, 8, 10, 20, 52, tzinfo=timezone.utc)  # 25 Shawwal 1436
    assert one("انطلاق الحملة غرة شهر ذي القعدة القادم", ref, "ar") == ("2015-08-16", "day")
    assert one("في أول رمضان الماضي", ref, "ar") == ("2015-06-18", "day")


def test_an_agency_dateline_dates_no_event():
    """SPA's "<place> 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس" paragraph is a stamp."""
    text = ("اجتماعي / انطلاق الحملة الأسبوع القادم\n\nوادي الدواسر 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n\n"
            "استقبل المحافظ يوم أمس مدير المركز.")
    ref = datetime(2015, 8, 10, 20, 52, tzinfo=timezone.utc)
    dates = [c.date_text for c in extract_claims(text, ref, "ar") if c.kind == "date"]
    assert dates == ["الأسبوع القادم", "يوم أمس"], dates


def test_an_arabic_week_runs_from_sunday_to_saturday():
    # A Saturday report's "this week" and the next day's "last week" are the same Saudi week
    saturday = datetime(2015, 8, 8, 9, tzinfo=timezone.utc)
    sunday = datetime(2015, 8, 9, 9, tzinfo=timezone.utc)
    assert one("في المؤتمر الذي عقد هذا الأسبوع", saturday, "ar") == one("في المؤتمر الذي عقد الأسبوع الماضي", sunday, "ar")
    # and on a Sunday "this week" is the week that starts that day, not the one it ends
    assert one("في المؤتمر الذي يعقد هذا الأسبوع", sunday, "ar") == one("في المؤتمر الذي يعقد الأسبوع المقبل",
                                                                     saturday, "ar")
    # an English report's weeks are ISO's, Monday to Sunday
    assert one("at the conference this week", sunday, "en") == ("2015-W32", "week")


@pytest.mark.parametrize("text,ref,value", [
    # a past "said" is the report's tense, not the day's: a payment date six weeks on is the coming one
    ("The company said the dividend is payable April 15.", datetime(1987, 3, 2, tzinfo=timezone.utc), "1987-04-15"),
    ("They said the law should be approved by parliament on March 3.", datetime(1987, 2, 27, tzinfo=timezone.utc),
     "1987-03-03"),
    # a weekday off by a day in the copy does not move the date a year ("الأربعاء 5 مارس" of 2015 is a Thursday)
    ("وقال إن الاجتماع عقد يوم الأربعاء 5 مارس.", datetime(2015, 3, 10, tzinfo=timezone.utc), "2015-03-05"),
])
def test_a_day_and_month_without_a_year_near_the_stamp_are_the_nearest(text, ref, value):
    assert one(text, ref)[0] == value
    # the words that name the side still do: next June, though this June is a month past
    assert one("ستقام المباراة في السادس من يونيو المقبل.", datetime(2015, 7, 10, tzinfo=timezone.utc))[0] == "2016-06-06"


def test_arriving_is_no_future():
    # Wednesday 5 August 2015: cars "coming from" the port arrived on the Sunday before; "next" Sunday is next
    wed = datetime(2015, 8, 5, 10, tzinfo=timezone.utc)
    assert one("ووصلت السيارات القادمة من الميناء يوم الأحد.", wed)[0] == "2015-08-02"
    assert one("ستصل السيارات يوم الأحد القادم.", wed)[0] == "2015-08-09"


def test_a_reported_future_looks_forward_unless_the_date_is_the_reports():
    fri = datetime(2015, 7, 24, 10, tzinfo=timezone.utc)
    # the minister's "said" is the report's past: the port reopens on the coming Monday
    assert one("The minister said the port reopens on Monday.", fri, "en")[0] == "2015-07-27"
    assert one("The port reopens on Monday, the minister said.", fri, "en")[0] == "2015-07-27"
    assert one("The minister said the port will reopen on Monday.", fri, "en")[0] == "2015-07-27"
    # "said on Monday": the report's own day, the Monday before
    assert one("The minister said on Monday the port will reopen.", fri, "en")[0] == "2015-07-20"
    assert one("The minister said the port reopened on Monday.", fri, "en")[0] == "2015-07-20"


def test_the_nth_day_of_a_feast_is_that_day():
    # Eid al-Fitr 1436 fell on Friday 17 July 2015: its third day is the Sunday after
    ref = datetime(2015, 8, 11, 10, tzinfo=timezone.utc)
    assert one("وبدأ الفريق ثالث أيام عيد الفطر معسكره الخارجي.", ref)[0] == "2015-07-19"
    assert one("وتوفي ثاني أيام عيد الفطر متأثرا بإصابته.", ref)[0] == "2015-07-18"


def test_the_previous_month_counts_from_the_month_its_sentence_told():
    ref = datetime(1987, 3, 3, tzinfo=timezone.utc)
    ms = find_dates("Money supply rose 12 pct in January after a 5.0 pct rise the previous month.", ref, "en")
    assert [(m.text, m.value) for m in ms] == [("January", "1987-01"), ("the previous month", "1986-12")]
    # without a month before it, the stamp's previous month
    assert one("Inflation rose the previous month.", ref, "en")[0] == "1987-02"


def test_one_month_named_in_two_calendars_is_one_date_with_its_year():
    ref = datetime(2015, 8, 4, tzinfo=timezone.utc)
    ms = find_dates("وأطلق الصاروخ في تجربة في ديسمبر كانون الأول 2012 قرب الساحل.", ref, "ar")
    assert [(m.text, m.value) for m in ms] == [("في ديسمبر كانون الأول 2012", "2012-12")]
    ms = find_dates("ستبدأ الرحلات اعتبارا من 25 أكتوبر تشرين الأول.", ref, "ar")
    assert [(m.text, m.value) for m in ms] == [("25 أكتوبر تشرين الأول", "2015-10-25")]


def test_the_nth_before_a_noun_is_an_ordinal_of_it():
    ref = datetime(2016, 8, 10, tzinfo=timezone.utc)
    assert find_dates("I am 17 and I have graduated from the 11th grade.", ref, "en") == []
    assert one("The payment is due by the 15th when the books close.", ref, "en")[0] == "2016-08-15"


def test_a_verb_of_the_present_after_the_weekday_does_not_make_it_the_next():
    wed = datetime(2015, 7, 22, 10, tzinfo=timezone.utc)
    # the present verb is of the clause that follows: the Monday before
    assert one("ودفعت اليونان الاثنين دفعتين، ويبلغ مجموعهما ملياري يورو.", wed)[0] == "2015-07-20"
    # one before the weekday announces it: the Monday after
    assert one("ويلتقي الفريق ضيفه الاثنين في الرياض.", wed)[0] == "2015-07-27"


def test_a_weekday_that_names_something_or_meets_a_relative_day():
    sat = datetime(2015, 7, 25, 6, tzinfo=timezone.utc)
    # "Friday sermons", a collection of them: no Friday
    assert find_dates("ووجه الوزير بتوزيع موسوعة خطب الجمعة على فروع الوزارة.", sat, "ar") == []
    # "the Friday sermon today" filed on Saturday: the Friday, not the stamp's day
    ms = find_dates("وقال في خطبة الجمعة اليوم إن العاقل من يعمل.", sat, "ar")
    assert (ms[0].text, ms[0].value) == ("الجمعة", "2015-07-24")
