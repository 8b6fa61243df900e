"""Dates, figures and speakers compared like with like (issue 17, items 3 and 4), on sentences written
here after what the real cross-outlet coverage showed: the other report's date that the claim's own
sentence gives too, "today" counted from two time stamps, a weekday read in two weeks, a time of
day taken for a figure, and speakers named with their roles in another order or by their body."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.match import ClaimView, compare
from factcheck.match.structured import speakers_agree

AUG6 = datetime(2015, 8, 6, 9, tzinfo=timezone.utc)
AUG7 = datetime(2015, 8, 7, 9, tzinfo=timezone.utc)


def _date(id_: int, source: str, text: str, value: str, published: datetime, sentence: str | None = None) -> ClaimView:
    return ClaimView(id=id_, source=source, kind="date", text=text, sentence=sentence or text, date=value,
                     grain="day" if len(value) == 10 else "month", published=published, lang="ar")


def test_a_date_the_claims_own_sentence_gives_is_no_conflict():
    sentence = "وأعلن الوزير أنه سيزور المملكة خلال شهر سبتمبر أو أكتوبر المقبلين ضمن التعاون بين البلدين"
    september = _date(1, "A", sentence, "2015-09", AUG6)
    october = _date(2, "B", sentence, "2015-10", AUG6)
    r = compare(september, october)
    assert r.relation == "related" and "another date of the same report" in r.reason
    # the same two wordings with one month each do conflict
    a = _date(3, "A", "وأعلن الوزير أنه سيزور المملكة خلال شهر سبتمبر المقبل ضمن التعاون بين البلدين", "2015-09", AUG6)
    b = _date(4, "B", "وأعلن الوزير أنه سيزور المملكة خلال شهر أكتوبر المقبل ضمن التعاون بين البلدين", "2015-10", AUG6)
    assert compare(a, b).relation == "conflicts"


def test_today_counted_from_two_time_stamps_is_no_conflict():
    a = _date(1, "A", "وصلت الطائرة الأولى إلى مطار تيرانا الدولي اليوم وهي تحمل المواد الإغاثية", "2015-08-06", AUG6)
    b = _date(2, "B", "وصلت الطائرة الأولى إلى مطار تيرانا الدولي اليوم وهي تحمل المواد الإغاثية", "2015-08-07", AUG7)
    r = compare(a, b)
    assert r.relation == "related" and "counted from each report's own day" in r.reason
    # published the same day, "today" against "yesterday" is a difference the reports make
    b_same_day = _date(2, "B", "وصلت الطائرة الأولى إلى مطار تيرانا الدولي أمس وهي تحمل المواد الإغاثية", "2015-08-05", AUG6)
    assert compare(a, b_same_day).relation == "conflicts"


def test_a_weekday_read_in_two_weeks_is_no_conflict():
    a = _date(1, "A", "أطلقت الشركة يوم الأربعاء نظام التشغيل الجديد الذي طال انتظاره", "2015-07-29", AUG6)
    b = _date(2, "B", "أطلقت الشركة يوم الأربعاء نظام التشغيل الجديد الذي طال انتظاره", "2015-08-05", AUG6)
    r = compare(a, b)
    assert r.relation == "related" and "weekday" in r.reason


def test_a_time_of_day_is_no_figure():
    def fig(id_, source, value):
        return ClaimView(id=id_, source=source, kind="figure", text=f"{value} بتوقيت", value=value, unit="بتوقيت",
                         sentence=f"وصعدت عقود برنت إلى 50 دولارا للبرميل بحلول الساعة {value} بتوقيت جرينتش",
                         published=AUG6, lang="ar")
    r = compare(fig(1, "A", 515.0), fig(2, "B", 5.15))
    assert r.relation == "related" and "time of day" in r.reason


def test_speakers_with_their_roles_in_another_order_or_a_trailing_clause_are_one_person():
    assert speakers_agree("ايمي هوود رئيسة القطاع المالي", "رئيسة القطاع المالي ايمي هوود") is True
    assert speakers_agree("مدير المرصد رامي عبد الرحمن", "مدير المرصد رامي عبد الرحمن ومقره لندن") is True
    assert speakers_agree("Matthew Daus, chairman", "Matthew W. Daus, the commission's chairman") is True
    assert speakers_agree("محمد البشير", "محمد برنية") is False


def test_a_speaker_that_is_a_body_or_no_name_never_makes_a_different_speaker():
    assert speakers_agree("وزارة الداخلية الكويتية", "وزراة الداخلية") is None
    assert speakers_agree("مكتب", "هيئة الطيران المدني") is None
    assert speakers_agree("المتحدث الرسمي لوزارة التعليم مبارك العصيمي", "الجامعة") is None


def test_today_against_a_named_day_close_by_is_no_conflict():
    a = _date(1, "A", "أطلقت الشركة اليوم نظام التشغيل الجديد الذي طال انتظاره", "2015-07-31", AUG6)
    b = _date(2, "B", "أطلقت الشركة في التاسع والعشرين من يوليو نظام التشغيل الجديد الذي طال انتظاره", "2015-07-29", AUG6)
    r = compare(a, b)
    assert r.relation == "related" and "time stamp" in r.reason


def test_a_negation_in_a_clause_the_other_wording_lacks_negates_nothing_they_share():
    def quote(id_, source, text):
        return ClaimView(id=id_, source=source, kind="quote", text=text, sentence=text, published=AUG6, lang="ar")
    short = quote(1, "A", "في كل منافسة يكون هناك على الأقل 30 منافسا من جميع أنحاء العالم بعضهم يمتلك خبرة التعامل مع المنافسات")
    longer = quote(2, "B", "في كل منافسة على الأقل 30 منافسا من جميع أنحاء العالم بعضهم يمتلك خبرة التعامل مع المنافسات "
                           "ولاعبونا يؤثر عليهم الضغط الجماهيري كثيرا كونهم غير معتادين على هذه الظروف")
    assert "negation" not in compare(short, longer).reason


def test_a_figure_the_other_article_gives_too_is_not_contradicted_by_its_other_figures():
    from factcheck.match.pairing import article_rows, between_articles

    def fig(id_, source, value, sentence):
        return ClaimView(id=id_, source=source, kind="figure", text=f"{value} سنوات", value=value, unit="سنة",
                         sentence=sentence, published=AUG6, lang="ar", article_hash=source)
    # each value in a sentence of its own, as in a list: no sentence gives the other's value
    a = [fig(1, "A", 7.0, "- سبع سنوات آجال السندات الحكومية الجديدة بمعدل عائد مختلف")]
    b = [fig(2, "B", 7.0, "- 7 سنوات آجال السندات الحكومية الجديدة بمعدل عائد مختلف"),
         fig(3, "B", 10.0, "- 10 سنوات آجال السندات الحكومية الجديدة بمعدل عائد مختلف")]
    assert "conflicts" in [r.relation for _, _, r in article_rows(b, a)]  # compared pair by pair
    rows = between_articles(a, b)
    mine = [r.relation for claim, _, r in rows if claim.id == 1]
    assert mine == ["supports"]
    assert "conflicts" not in [r.relation for _, _, r in rows]


def _said(id_: int, source: str, sentence: str, value: str, words: str, published: datetime) -> ClaimView:
    return ClaimView(id=id_, source=source, kind="date", text=words, sentence=sentence, date=value, grain="day",
                     date_text=words, published=published, lang="ar")


def test_the_other_reports_date_words_in_the_claims_own_sentence_are_no_conflict():
    # "اليوم" read from two stamps a day apart: the claim's sentence says it too, whatever day each
    # resolver made of it, so the claim's other date ("الخميس") is no contradiction of it
    a = _said(1, "A", "يفتتح المعرض أبوابه اليوم ويستمر حتى الخميس المقبل بمشاركة 40 دارا", "2015-08-13", "الخميس",
              AUG6)
    b = _said(2, "B", "يفتتح المعرض أبوابه اليوم بمشاركة 40 دارا للنشر", "2015-08-07", "اليوم", AUG7)
    r = compare(a, b)
    assert r.relation == "related" and "another date of the same report" in r.reason, r


def test_a_bare_weekday_is_the_one_nearest_the_other_reports_day():
    # a Friday report's "الأربعاء" resolved to the Wednesday after; a Thursday report's "أمس" is the
    # Wednesday before: one day, read in two weeks
    friday = datetime(2015, 8, 7, 9, tzinfo=timezone.utc)
    a = _said(1, "A", "وصل الوفد إلى الرياض الأربعاء في زيارة رسمية", "2015-08-12", "الأربعاء", friday)
    b = _said(2, "B", "وصل الوفد إلى الرياض أمس في زيارة رسمية", "2015-08-05", "أمس", AUG6)
    r = compare(a, b)
    assert r.relation == "related" and "weekday" in r.reason, r


def test_today_stamped_before_dawn_was_written_the_day_before():
    early = _said(1, "A", "وصل الوفد إلى الرياض اليوم في زيارة رسمية", "2015-08-07", "اليوم",
                  datetime(2015, 8, 7, 3, tzinfo=timezone.utc))
    later = _said(2, "B", "وصل الوفد إلى الرياض أمس في زيارة رسمية", "2015-08-06", "أمس",
                  datetime(2015, 8, 7, 15, tzinfo=timezone.utc))
    r = compare(early, later)
    assert r.relation == "related" and "time stamp" in r.reason, r
    # stamped in the day's working hours, the two reports disagree on the day
    noon = _said(1, "A", "وصل الوفد إلى الرياض اليوم في زيارة رسمية", "2015-08-07", "اليوم",
                 datetime(2015, 8, 7, 12, tzinfo=timezone.utc))
    assert compare(noon, later).relation == "conflicts"


def test_a_reading_at_another_time_of_day_is_no_conflict():
    # two mornings' market reports: the price at 05:15 GMT one day, at 06:32 GMT five days later
    def fig(id_, source, value, sentence, published):
        return ClaimView(id=id_, source=source, kind="figure", text=f"{value:g} دولار", value=value, unit="dollar",
                         sentence=sentence, published=published, lang="ar")
    a = fig(1, "A", 48.2, "وصعد خام القياس إلى 48.2 دولار للبرميل بحلول الساعة 0515 بتوقيت جرينتش في تعاملات آسيا",
            AUG6)
    b = fig(2, "B", 47.6, "وتراجع خام القياس إلى 47.6 دولار للبرميل بحلول الساعة 32ر06 بتوقيت جرينتش في تعاملات آسيا",
            datetime(2015, 8, 11, 9, tzinfo=timezone.utc))
    r = compare(a, b)
    assert r is None or (r.relation == "related" and "another time of day" in r.reason), r
    # the same reading reported twice is one figure
    b_same = fig(2, "B", 47.6, "وتراجع خام القياس إلى 47.6 دولار للبرميل بحلول الساعة 0515 بتوقيت جرينتش في تعاملات آسيا",
                 AUG6)
    assert compare(a, b_same).relation == "conflicts"


def test_a_federation_or_a_club_is_a_body_never_a_different_speaker():
    # the federation's words reported by one outlet, its president's by another
    assert speakers_agree("الاتحاد الكويتي لكرة القدم", "الشيخ طلال الفهد") is None
    assert speakers_agree("the football federation", "Sheikh Talal al-Fahad") is None
    assert speakers_agree("طلال الفهد", "الشيخ طلال الفهد") is True
