"""Dates as outlets write them (issue 16): the article's own day against the stamp, and the forms
real copy uses. One behaviour per test; the sentences are written for these tests."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from factcheck.extract import find_dates

KSA = timezone(timedelta(hours=3))
TUE_NIGHT = datetime(2015, 7, 21, 2, 51, tzinfo=KSA)  # a Tuesday, in the small hours
WED = datetime(2019, 7, 24, tzinfo=timezone.utc)  # an archive's stamp: the writing is on or before it


def values(text, ref):
    return [(m.text, m.value) for m in find_dates(text, ref)]


def test_weekday_in_parentheses_after_today_is_that_day():
    # "اليوم (الاثنين)": the writer's Monday, not next week's
    assert values("أعلن الوزير، اليوم (الاثنين)، خطة جديدة للنقل.", TUE_NIGHT) == [
        ("اليوم (الاثنين)", "2015-07-20")]
    assert values("وقال أمس ( الأحد ) إن الخطة جاهزة.", TUE_NIGHT) == [("أمس ( الأحد )", "2015-07-19")]


def test_named_today_is_not_after_the_stamp():
    # a Wednesday stamp: "اليوم السبت" is the Saturday before it, not the one three days later
    assert values("افتتح الوزير اليوم السبت معرض الكتاب.", WED) == [("اليوم السبت", "2019-07-20")]
    # a day of slack for time zones and dated issues: a Thursday written the night before the stamp
    assert values("افتتح الوزير اليوم الخميس معرض الكتاب.", WED) == [("اليوم الخميس", "2019-07-25")]


def test_the_articles_own_today_anchors_its_relative_dates():
    text = ("افتتح الوزير اليوم السبت معرض الكتاب. وكان قد وصل أمس إلى المدينة، "
            "والتقى الأربعاء الماضي وفد الناشرين، وقال إنه سيعود بعد غد.")
    assert values(text, WED) == [("اليوم السبت", "2019-07-20"), ("أمس", "2019-07-19"),
                                 ("الأربعاء الماضي", "2019-07-17"), ("بعد غد", "2019-07-22")]


def test_an_article_that_agrees_with_its_stamp_is_read_from_the_stamp():
    text = "افتتح الوزير اليوم الأربعاء معرض الكتاب. وكان قد وصل أمس إلى المدينة."
    assert values(text, WED) == [("اليوم الأربعاء", "2019-07-24"), ("أمس", "2019-07-23")]
