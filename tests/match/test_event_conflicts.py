"""Conflicts stored between reports of one event that an editor must never see (issue 17, acceptance 3),
on sentences written here after the classes the real cross-outlet coverage showed: a speaker carried
on from an earlier sentence, one term of a list counted against the list's total, and a figure the
claim's own article also gives."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.match import ClaimView, compare
from factcheck.match.structured import speakers_agree

AUG6 = datetime(2015, 8, 6, 9, tzinfo=timezone.utc)


def _quote(id_: int, source: str, text: str, sentence: str, speaker: str) -> ClaimView:
    return ClaimView(id=id_, source=source, kind="quote", text=text, sentence=sentence, speaker=speaker,
                     published=AUG6, lang="ar")


QUOTE = "سيتم توزيع معظم هذه المواد على الأسر التي تضررت من السيول الأخيرة في الإقليم"


def test_a_speaker_carried_from_an_earlier_sentence_makes_no_misattribution():
    # the second outlet's sentence names its speaker by title only; the name is the previous speaker's
    named = _quote(1, "A", QUOTE, f"وقال مدير الدفاع المدني كريم هالدي: {QUOTE}.", "كريم هالدي")
    carried = _quote(2, "B", QUOTE, f"وأوضح مدير الدفاع المدني في الإقليم طريقة التوزيع وقال: {QUOTE}.",
                     "الوزير سليم فارس")
    r = compare(named, carried)
    assert r.relation != "conflicts", r.reason
    assert compare(carried, named).relation != "conflicts"
    # both names in their own sentences: the same words under two names are a misattribution
    other = _quote(3, "B", QUOTE, f"وقال الوزير سليم فارس: {QUOTE}.", "الوزير سليم فارس")
    r = compare(named, other)
    assert r.relation == "conflicts" and "different speaker" in r.reason


def test_a_statement_given_with_its_speaker_still_names_him():
    # `factcheck compare --as statements`: the statement is its own sentence, the speaker given with it
    a = _quote(1, "A", QUOTE, QUOTE, "كريم هالدي")
    b = _quote(2, "B", QUOTE, QUOTE, "سليم فارس")
    r = compare(a, b)
    assert r.relation == "conflicts" and "different speaker" in r.reason


def _figure(id_: int, source: str, text: str, value: float, unit: str, sentence: str,
            article: str | None = None) -> ClaimView:
    return ClaimView(id=id_, source=source, kind="figure", text=text, value=value, unit=unit, sentence=sentence,
                     published=AUG6, lang="ar", article_hash=article)


def test_one_term_of_a_list_is_no_contradiction_of_its_total():
    # "a sergeant and two guards" are three guards
    three = _figure(1, "A", "3 حراس", 3.0, "حراس", "مقتل 3 حراس وإصابة خمسة آخرين في هجوم على مركز حدودي")
    two = _figure(2, "B", "حارسين", 2.0, "حراس", "مقتل رقيب وحارسين وإصابة خمسة آخرين في هجوم على مركز حدودي")
    for a, b in ((three, two), (two, three)):
        r = compare(a, b)
        assert r.relation == "related" and "one term of a list" in r.reason, r.reason
    # an earlier term with a number of its own is a count of its own: four guards are not two
    four = _figure(3, "A", "4 حراس", 4.0, "حراس", "مقتل 4 حراس وإصابة خمسة آخرين في هجوم على مركز حدودي")
    counted = _figure(4, "B", "2 حراس", 2.0, "حراس", "مقتل 3 مدنيين و2 حراس وإصابة خمسة آخرين في هجوم على مركز حدودي")
    assert compare(four, counted).relation == "conflicts"
    # a later term larger than the other's whole is still a conflict: a sergeant and two guards are more than one
    one = _figure(5, "A", "حارس واحد", 1.0, "حراس", "مقتل حارس واحد وإصابة خمسة آخرين في هجوم على مركز حدودي")
    assert compare(one, two).relation == "conflicts"


def test_a_figure_the_claims_own_article_gives_too_is_no_conflict():
    from factcheck.match.pairing import between_articles

    # one report gives the weekend's takings and Saturday's; the other only the weekend's
    weekend_a = _figure(1, "A", "42 مليون دولار", 42e6, "مليون دولار",
                        "وحقق الفيلم الجديد خلال عطلة نهاية الأسبوع إيرادات بلغت 42 مليون دولار", "A")
    saturday = _figure(2, "A", "15.2 مليون دولار", 15.2e6, "مليون دولار",
                       "وبلغت إيرادات الفيلم الجديد يوم السبت 15.2 مليون دولار", "A")
    weekend_b = _figure(3, "B", "42 مليون دولار", 42e6, "مليون دولار",
                        "وحقق الفيلم الجديد إيرادات بلغت 42 مليون دولار في دور العرض", "B")
    assert compare(saturday, weekend_b).relation == "conflicts"  # the pair alone cannot tell
    rows = between_articles([weekend_a, saturday], [weekend_b])
    assert "conflicts" not in [r.relation for _, _, r in rows], [(c.id, o.id, r.reason) for c, o, r in rows]
    said = {(c.id, o.id): r for c, o, r in rows}
    assert said[(2, 3)].relation == "related" and "gives the other's figure too" in said[(2, 3)].reason
    # without that figure in its article, the report's one figure does conflict with the other's
    rows = between_articles([saturday], [weekend_b])
    assert [r.relation for _, _, r in rows] == ["conflicts", "conflicts"]


def test_a_figure_the_other_article_gives_too_is_no_conflict():
    from factcheck.match.pairing import between_articles

    # the other report gives Saturday's takings and, worded too differently to be paired with this
    # report's sentence, the weekend's: the weekend's figure against Saturday's is two things counted
    saturday = _figure(2, "A", "15.2 مليون دولار", 15.2e6, "مليون دولار",
                       "وبلغت إيرادات الفيلم الجديد يوم السبت 15.2 مليون دولار", "A")
    estimate = _figure(1, "A", "42 مليون دولار", 42e6, "مليون دولار",
                       "وقدر موزعو الفيلم في بيان حصيلة أيامه الثلاثة الأولى في الصالات بنحو 42 مليون دولار", "A")
    weekend = _figure(3, "B", "42 مليون دولار", 42e6, "مليون دولار",
                      "وحقق الفيلم الجديد إيرادات بلغت 42 مليون دولار في دور العرض", "B")
    assert compare(weekend, saturday).relation == "conflicts"  # the pair alone cannot tell
    said = {(c.id, o.id): r for c, o, r in between_articles([weekend], [estimate, saturday])}
    assert "conflicts" not in [r.relation for r in said.values()], {k: r.reason for k, r in said.items()}
    assert said[(3, 2)].relation == "related" and "the other article gives this figure too" in said[(3, 2)].reason
    # a figure of another unit in the other article is no such figure: the conflict stands
    euros = _figure(1, "A", "42 مليون يورو", 42e6, "مليون يورو",
                    "وقدر موزعو الفيلم في بيان حصيلة أيامه الثلاثة الأولى في الصالات بنحو 42 مليون يورو", "A")
    said = {(c.id, o.id): r for c, o, r in between_articles([weekend], [euros, saturday])}
    assert said[(3, 2)].relation == "conflicts", said[(3, 2)].reason


def _statement(id_: int, source: str, text: str) -> ClaimView:
    return ClaimView(id=id_, source=source, kind="quote", text=text, sentence=text, published=AUG6, lang="ar")


def test_without_negates_something_of_the_thing_before_it_not_the_statement():
    # "مقاتلات بدون طيار" (drones) in one wording; the other names no aircraft at all
    a = _statement(1, "A", "إن التحالف سيبدأ قريبا من القواعد الجوية التركية معركة شاملة ضد التنظيم في شمال البلاد")
    b = _statement(2, "B", "إن مقاتلات أمريكية بدون طيار ستصل قريبا إلى القواعد الجوية التركية وإن معركة شاملة ضد "
                           "التنظيم في شمال البلاد ستبدأ قريبا")
    for x, y in ((a, b), (b, a)):
        r = compare(x, y)
        assert r is None or ("negation" not in r.reason and r.relation != "conflicts"), r.reason
    # the thing both name, with and without: an attack without casualties against one with them
    c = _statement(3, "A", "وقع هجوم مسلح على القاعدة الجوية في شمال البلاد دون وقوع ضحايا بين الجنود")
    d = _statement(4, "B", "وقع هجوم مسلح على القاعدة الجوية في شمال البلاد مع وقوع ضحايا بين الجنود")
    r = compare(c, d)
    assert r.relation == "conflicts" and "negation" in r.reason, r.reason


def test_a_negation_past_where_a_quote_cut_mid_word_ends_negates_nothing_it_quotes():
    shared = ("نسأل الله أن يتغمد الضحايا بواسع رحمته وأن يلهم ذويهم الصبر والسلوان وأن يمن على الجرحى بالشفاء "
              "العاجل إن شاء الله")
    cut = _statement(1, "A", shared + "، ق")  # stored cut at its length, inside the next word
    whole = _statement(2, "B", shared + "، قال الله تعالى إن الضحايا لا يموتون بل هم أحياء عند ربهم يرزقون")
    r = compare(cut, whole)
    assert "negation" not in r.reason and r.relation != "conflicts", r.reason


def test_a_day_read_as_the_speaker_is_no_name():
    # "قال رئيس الوزراء، أمس الأربعاء، إن ...": the day in apposition taken for the speaker
    assert speakers_agree("نجيب عبد الرزاق للصحافيين", "أمس الأربعاء") is None
    assert speakers_agree("نجيب عبد الرزاق", "اليوم") is None
    assert speakers_agree("نجيب عبد الرزاق", "سليم فارس") is False


def test_a_reading_with_the_part_of_the_day_before_its_zone_is_a_time_of_day():
    # two mornings' market reports: "5:15 صباحاً بتوقيت جرينتش" against "0632 بتوقيت جرينتش"
    def dated(id_, source, sentence):
        return ClaimView(id=id_, source=source, kind="date", text=sentence, sentence=sentence, date="2015-09",
                         grain="month", published=AUG6, lang="ar")
    a = dated(1, "A", "وارتفعت عقود الخام تسليم سبتمبر 20 سنتا إلى 48.10 دولار للبرميل بحلول الساعة 5:15 صباحاً "
                      "بتوقيت جرينتش مقارنة بآخر سعر إغلاق")
    b = dated(2, "B", "وارتفعت عقود الخام تسليم سبتمبر 20 سنتا إلى 48.30 دولار للبرميل بحلول الساعة 0632 "
                      "بتوقيت جرينتش مقارنة بآخر سعر إغلاق")
    r = compare(a, b)
    assert r is None or (r.relation == "related" and "another time of day" in r.reason), r.reason


def test_a_postponed_events_old_date_against_its_new_one_is_no_conflict():
    def dated(id_, source, sentence, value):
        return ClaimView(id=id_, source=source, kind="date", text=sentence, sentence=sentence, date=value,
                         grain="month", published=AUG6, lang="ar")
    new = dated(1, "A", "أعلن رئيس الاتحاد تأجيل البطولة المقرر إقامتها في المدينة لمدة عام إلى شهر ديسمبر من العام "
                        "المقبل", "2016-12")
    old = dated(2, "B", "أعلن رئيس الاتحاد تأجيل البطولة لمدة عام والتي كان من المقرر إقامتها في المدينة شهر ديسمبر "
                        "المقبل", "2015-12")
    r = compare(new, old)
    assert r.relation == "related" and "postponed" in r.reason, r.reason
    # without a postponement the two months do conflict
    a = dated(3, "A", "أعلن رئيس الاتحاد إقامة البطولة في المدينة شهر ديسمبر من العام المقبل", "2016-12")
    b = dated(4, "B", "أعلن رئيس الاتحاد إقامة البطولة في المدينة شهر ديسمبر المقبل", "2015-12")
    assert compare(a, b).relation == "conflicts"


def test_an_ordinal_after_the_hour_is_a_time_of_day_not_a_rank():
    a = _statement(1, "A", "عند الساعة العاشرة من صباح أمس تعرض المركز الحدودي لقذائف من خارج الحدود")
    b = _statement(2, "B", "عند الساعة التاسعة من صباح أمس تعرض المركز الحدودي لقذائف من خارج الحدود")
    assert "rank" not in compare(a, b).reason
    c = _statement(3, "A", "حل الفريق في المرتبة العاشرة في ترتيب الدوري هذا الموسم بعد الخسارة")
    d = _statement(4, "B", "حل الفريق في المرتبة التاسعة في ترتيب الدوري هذا الموسم بعد الخسارة")
    assert "rank" in compare(c, d).reason
