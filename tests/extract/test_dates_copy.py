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


def test_a_hijri_year_alone_is_the_gregorian_year_holding_most_of_it():
    # 1436 هـ runs from late October 2014 to mid-October 2015: the pilgrimage of 1436 is in 2015
    assert values("وسينتهي المشروع قبل موسم حج 1436هـ .", TUE_NIGHT) == [("1436ه", "2015")]
    assert values("وأقيم المهرجان في عام 1437 هـ في جدة.", TUE_NIGHT) == [("في عام 1437 ه", "2016")]


def test_a_month_of_next_or_last_year():
    assert values("وقال إن المصنع سيفتتح في ديسمبر من العام المقبل.", TUE_NIGHT) == [
        ("في ديسمبر من العام المقبل", "2016-12")]
    assert values("وكان المصنع قد افتتح في 5 مارس من العام الماضي.", TUE_NIGHT) == [
        ("في 5 مارس من العام الماضي", "2014-03-05")]


def test_a_span_counted_from_another_event_is_no_date():
    assert values("وقال إن المصنع سيفتتح بعد عامين من بدء العمل.", TUE_NIGHT) == []
    assert values("ووصل الوفد قبل ثلاثة أيام من الانتخابات.", TUE_NIGHT) == []
    # counted from now, it is a date
    assert values("وقال إن المصنع سيفتتح بعد عامين من الآن.", TUE_NIGHT) == [("بعد عامين", "2017-07-21")]


def test_a_numeric_hijri_date_with_en_dashes():
    assert values("سقط المقذوف ظهيرة الخميس 14 – 10 – 1436 هـ قرب الحدود.", TUE_NIGHT)[-1][1] == "2015-07-30"


MARCH = datetime(1987, 3, 3, 10, tzinfo=timezone.utc)


def test_a_range_of_a_quantity_is_no_month_and_day():
    assert values("The company expects 10-20 million dlrs in sales this year.", MARCH) == [("this year", "1987")]
    assert values("Rates rose 2-3 pct, and 4-5% in the regions.", MARCH) == []
    assert values("The board meets on 3/10 at noon.", MARCH) == [("3/10", "1987-03-10")]


def test_a_decade_is_not_its_first_year():
    assert values("Prices rose sharply in the 1980s.", MARCH) == []
    assert values("Prices rose sharply in 1980.", MARCH) == [("in 1980", "1980")]


OCT30 = datetime(2016, 10, 30, 12, tzinfo=timezone.utc)  # a Sunday


def test_a_day_after_since_has_been_whatever_the_tense():
    assert values("Moscow says it will keep the halt in place since October 18.", OCT30) == [
        ("October 18", "2016-10-18")]
    assert values("Moscow says it will keep the halt in place until October 18.", OCT30) == [
        ("October 18", "2017-10-18")]
    assert values("وقال إن الهدنة ستستمر، وهي قائمة منذ الخميس.", OCT30) == [("الخميس", "2016-10-27")]


def test_next_of_a_thing_is_no_future_cue():
    friday = datetime(2016, 8, 19, tzinfo=timezone.utc)
    assert values("On Sunday the alliance said it had formed a council to take the town, its next target.",
                  friday) == [("On Sunday", "2016-08-14")]
    assert values("On Sunday the alliance said it would attack next week.", friday)[0] == ("On Sunday", "2016-08-21")


def test_the_pages_own_date_line_anchors_its_weekdays():
    crawl = datetime(2016, 7, 4, tzinfo=timezone.utc)  # the feed's stamp, weeks after the writing
    text = "Shelling kills 11 in the old city\n\n23-07-2016 Shelling on Friday killed 11 civilians."
    assert values(text, crawl) == [("23-07-2016", "2016-07-23"), ("on Friday", "2016-07-22")]
    text = "Shelling kills 11 in the old city\nPublished July 23 2016 Shelling on Friday killed 11 civilians."
    assert values(text, crawl)[-1] == ("on Friday", "2016-07-22")
    # a date inside the body is no stamp of the page
    text = "Shelling kills 11 in the old city\n\nShelling on Friday killed 11, as on 23-07-2016 before."
    assert values(text, crawl)[0] == ("on Friday", "2016-07-01")
    # nor one far from the feed's stamp: another story's day
    text = "The war in the old city\n\n23-07-2014 was the first shelling. On Friday 11 more were killed."
    assert values(text, crawl)[-1] == ("On Friday", "2016-07-01")


def test_a_weekdays_possessive_with_or_without_its_apostrophe():
    wed = datetime(2017, 4, 5, tzinfo=timezone.utc)
    assert values("The UN condemned Tuesday's attack on the town.", wed) == [("Tuesday's", "2017-04-04")]
    assert values("The UN condemned Tuesdays attack on the town.", wed) == [("Tuesdays", "2017-04-04")]
    # every such day is no date
    assert values("The market is closed on Fridays in the town.", wed) == []
    assert values("Mondays are hard in the town.", wed) == []


def test_a_numeric_hijri_date_glued_to_the_word_before_it():
    assert values("وعقد المجلس جلسته بتاريخ16/10/1436هـ في الرياض.", TUE_NIGHT) == [("16/10/1436ه", "2015-08-01")]
    assert values("The code AB12/10/2015 is no date.", TUE_NIGHT) == []


def test_weekdays_counted_back_are_still_read():
    wed = datetime(2017, 4, 5, tzinfo=timezone.utc)
    assert values("It happened 3 Mondays ago in the town.", wed) == [("3 Mondays ago", "2017-03-20")]


def test_a_line_that_opens_with_a_word_then_a_date_is_body_not_a_stamp():
    crawl = datetime(2016, 7, 4, tzinfo=timezone.utc)
    text = "Shelling kills 11 in the old city\n\nOn 23-07-2016 shelling killed 11. On Friday more were killed."
    assert values(text, crawl)[-1] == ("On Friday", "2016-07-01")


def test_the_current_year_after_the_preposition_that_takes_its_alif():
    # ل + العام is written للعام: the relative unit is read through the preposition
    assert values("وخصصت الوزارة للعام الحالي ميزانية أكبر، وستعلن للشهر المقبل خطة جديدة.", WED) == [
        ("للعام الحالي", "2019"), ("للشهر المقبل", "2019-08")]


def test_a_part_of_the_current_week_month_or_year_is_that_unit():
    assert values("The talks stalled at the beginning of the week, and the plant will open by the end of "
                  "the year; the end of the week's session was calm.", WED) == [
        ("at the beginning of the week", "2019-W30"), ("by the end of the year", "2019")]


def test_a_month_without_year_or_tense_cue_is_the_publication_year():
    # the real copy's guideline: the year of the publication, not the next occurrence of that month
    assert values("تسلم الوزير مهامه في فبراير.", TUE_NIGHT) == [("في فبراير", "2015-02")]
    assert values("تسلم المصنع الشحنة الأولى في 28 يونيو.", TUE_NIGHT) == [("في 28 يونيو", "2015-06-28")]
    assert values("تنتهي الأعمال في نهاية مارس.", TUE_NIGHT) == [("في نهاية مارس", "2015-03-31")]
    # a cue still decides: المقبل is the next one
    assert values("تنتهي الأعمال في مارس المقبل.", TUE_NIGHT) == [("في مارس المقبل", "2016-03")]


def test_a_feast_of_the_month_before_without_tense_cue_is_that_feast():
    # Eid al-Fitr 1436 fell on 17 July 2015: four days before the stamp
    assert values("عمت احتفالات عيد الفطر المدن.", TUE_NIGHT) == [("عيد الفطر", "2015-07-17")]
    # months after it, the next one (Duckling's reading of the bare name)
    assert values("عمت احتفالات عيد الفطر المدن.", datetime(2015, 11, 2, tzinfo=KSA)) == [("عيد الفطر", "2016-07-06")]


def test_a_weekday_without_cue_is_the_nearest_unless_the_clause_is_told_in_the_present():
    sun = datetime(2015, 7, 26, 18, tzinfo=KSA)
    # a past verb no cue list holds: the Friday two days before, not the one five days ahead
    assert values("وأبلغ المدير الموظفين يوم الجمعة بالقرار.", sun) == [("يوم الجمعة", "2015-07-24")]
    # a verb of the present announces: the next Friday
    assert values("يفتتح الوزير المعرض يوم الجمعة.", sun) == [("يوم الجمعة", "2015-07-31")]


def test_a_decimal_number_is_not_a_year_and_month():
    assert values("وأغلق المؤشر عند 2317.6 نقطة.", TUE_NIGHT) == []
    assert values("صدر القرار في 2015/6 بعد نقاش.", TUE_NIGHT) == [("2015/6", "2015-06")]


def test_today_is_not_another_day_called_the_day():
    assert values("وفي اليوم التالي غادر الوفد المدينة.", TUE_NIGHT) == []
    assert values("واختتمت فعاليات اليوم الثالث للمهرجان.", TUE_NIGHT) == []
    assert values("يستمر العرض حتى اليوم الـ 20 من الشهر.", TUE_NIGHT) == []
    assert values("ومنذ ذلك اليوم تغيرت حياته.", TUE_NIGHT) == []
    assert values("احتفلت المدارس باليوم العالمي للبيئة.", TUE_NIGHT) == []
    assert values("محمد سالم - عين اليوم - الرياض", TUE_NIGHT) == []
    # today is still today
    assert values("افتتح الوزير اليوم المعرض الثالث للكتاب.", TUE_NIGHT) == [("اليوم", "2015-07-21")]


def test_a_number_after_a_month_that_counts_a_noun_is_no_day():
    assert values("وارتفع خام برنت تسليم سبتمبر 15 سنتا إلى 60 دولارا.", TUE_NIGHT) == [("سبتمبر", "2015-09")]
    assert values("وصل الوفد يوم أغسطس 12 وغادر.", TUE_NIGHT) == [("أغسطس 12", "2015-08-12")]


def test_a_hijri_date_written_year_first():
    assert values("صدر القرار بتاريخ 1436/10/5هـ بعد الدراسة.", TUE_NIGHT) == [("1436/10/5ه", "2015-07-21")]
    assert values("صدر القرار بتاريخ 1436/10/5 بعد الدراسة.", TUE_NIGHT) == [("1436/10/5", "2015-07-21")]
    assert values("بدأ العمل في 2015/07/05 م رسميا.", TUE_NIGHT) == [("2015/07/05 م", "2015-07-05")]


SUN = datetime(2015, 7, 26, 17, 14, tzinfo=KSA)


def test_a_name_that_opens_with_ya_is_no_verb_of_the_present():
    # "مانشستر يونايتد ... وفاز ... السبت": narrated, the Saturday before the Sunday stamp
    assert values("حافظ مانشستر يونايتد على تألقه وفاز 3-1 على برشلونة في كاليفورنيا السبت.", SUN) == [
        ("السبت", "2015-07-25")]
    # (nor a foreign word whose ف is its own: "فيديو")
    assert values("ونشر ناشطون مقطع فيديو للحادث الجمعة.", SUN) == [("الجمعة", "2015-07-24")]
    # a verb of the present still announces: the next Friday
    assert values("ويتحدث الوزير في المؤتمر يوم الجمعة.", SUN) == [("يوم الجمعة", "2015-07-31")]


def test_a_month_number_is_no_decimal():
    # "في شهر 10.294 ملايين برميل" is a quantity, not October
    assert values("ووصل إنتاج المملكة في شهر 10.294 ملايين برميل يوميا.", SUN) == []
    assert values("وارتفع الإنتاج في شهر 10 الماضي.", SUN) == [("في شهر 10 الماضي", "2014-10")]


def test_bakra_of_a_ball_is_not_tomorrow():
    assert values("وهي في طريقها للحاق بكرة القدم.", SUN) == []
    assert values("وسجل الهدف بكرة رأسية في الدقيقة العاشرة.", SUN) == []
    assert values("قال: بكرة نخرج إلى البحر.", SUN) == [("بكرة", "2015-07-27")]


def test_the_second_year_of_a_pair_glued_to_its_waw():
    assert values("وفاز على برشلونة في النهائي في 2009 و2011.", SUN) == [("2009", "2009"), ("2011", "2011")]
    assert values("في دراسة أجريت بين عامي 2001 و2007.", SUN) == [("2001", "2001"), ("2007", "2007")]


def test_today_before_a_full_date_is_that_date():
    # "صباح اليوم الاثنين 27 ماي": one day, the date's, not the stamp's today beside it
    assert values("خلال الجلسة المخصصة للأسئلة صباح اليوم الاثنين 27 ماي.", WED) == [
        ("اليوم الاثنين 27 ماي", "2019-05-27")]
    assert values("وقال مصدر أمس الجمعة 24 يوليو إن قوات الأمن احتجزت شخصين.", SUN) == [
        ("أمس الجمعة 24 يوليو", "2015-07-24")]


def test_the_first_of_last_nights_is_the_night_before_last():
    # "البارحة الأولى" as "أمس الأول": two days before a Wednesday stamp
    wed = datetime(2015, 7, 22, 10, tzinfo=KSA)
    assert values("افتتح المحافظ البارحة الأولى مهرجان الصيف.", wed) == [("البارحة الأولى", "2015-07-20")]


def test_one_month_and_the_following_year_are_no_dates():
    mon = datetime(2015, 7, 27, 17, tzinfo=KSA)
    assert values("تأتي الخطوة بعد شهر واحد من طرح إصدارات محدثة.", mon) == []   # not January
    assert values("أطلق الموقع الخدمة عام 2012، وفي العام التالي أضاف البحث.", mon) == [("عام 2012", "2012")]
    assert values("وارتفع الإنتاج في شهر ثلاثة الماضي.", mon) == [("في شهر ثلاثة الماضي", "2015-03")]


def test_the_following_unit_without_a_year_told_is_the_next():
    mon = datetime(2015, 7, 27, 17, tzinfo=KSA)
    assert values("وستبدأ المرحلة الثانية في الأسبوع التالي.", mon) == [("الأسبوع التالي", "2015-W32")]


def test_a_hijri_year_after_am_without_its_h():
    fri = datetime(2015, 7, 24, 10, tzinfo=KSA)
    # "لعام 1436": the Hijri year (most of it in 2015), not the Gregorian 1436; with م it is Gregorian
    assert values("وأقيم مهرجان الصيف لعام 1436 في الباحة.", fri) == [("لعام 1436", "2015")]
    assert values("انتشر الطاعون في أوروبا عام 1348م.", fri) == [("عام 1348م", "1348")]
    # a feast of a Hijri year is that year's
    assert values("حفل معايدة بمناسبة عيد الفطر لعام 1436 في الرياض.", fri) == [("عيد الفطر لعام 1436", "2015-07-17")]
