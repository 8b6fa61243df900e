"""Straight quote marks that lost their partner (issue 16): which way a mark faces decides what it pairs with."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.extract import extract_claims

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def quotes(text: str, lang: str = "en") -> list:
    return [c for c in extract_claims(text, published=WHEN, lang=lang) if c.kind == "quote"]


def test_a_lost_closing_mark_does_not_turn_the_rest_of_the_paragraph_inside_out():
    # the first quote lost its closing mark; pairing marks in turn made '" Neighbours said ... a "' a quote
    text = ('"I heard the engine stop and then a loud bang. "The roof came down on the kitchen." '
            'Neighbours said the fire started in a shop next door, and the mayor told reporters that '
            'the street would be closed for "several days" at least.')
    got = {q.text: q for q in quotes(text)}
    assert any(t.startswith("the fire started in a shop") and got[t].speaker == "Neighbours" for t in got)
    assert any(t.startswith("the street would be closed") for t in got)
    assert "The roof came down on the kitchen." in got


def test_a_mark_spaced_on_both_sides_still_opens_an_arabic_quote():
    (q,) = quotes('وقالت المنظمة إن " الأمطار الغزيرة قد تتسبب في فيضانات واسعة في المنطقة الجنوبية".', "ar")
    assert q.text.startswith("الأمطار الغزيرة")
    assert q.speaker == "المنظمة"


def test_a_quoted_name_that_opens_a_reported_clause_is_its_subject_not_the_statement():
    # the quoted word right after أنّ is a name; what the official said is the whole clause, not the name alone
    (q,) = quotes('وأكد مسؤول في الوزارة، الأحد، أنّ "الشركة" لم تدفع رواتب العمال منذ أربعة أشهر.', "ar")
    assert q.text.startswith('"الشركة" لم تدفع رواتب العمال')
    assert q.speaker == "مسؤول في الوزارة"
    # a quote after إن that is the speaker's words stays his direct quote
    (q,) = quotes('وقال الوزير إن "الحرب مستمرة".', "ar")
    assert q.text == "الحرب مستمرة" and q.direct


def test_a_quoted_term_inside_a_quote_leaves_the_quote_whole():
    # «...» holding a «term»: the statement is the whole outer quote, not the term alone
    (q,) = quotes("وأضاف البيان «تمت صيانة الوحدات وتشغيل كافة «المضخات» بالكامل ومازال المقاول يعمل في الموقع».", "ar")
    assert q.text.startswith("تمت صيانة الوحدات") and q.text.endswith("يعمل في الموقع")
    assert q.speaker == "البيان" and q.direct


def test_words_in_parentheses_closing_the_sentence_after_a_speech_verb_are_the_speakers():
    (q,) = quotes("وقال أحد السكان (الماء مقطوع منذ أسبوع ولم يزرنا أي مسؤول حتى الآن).", "ar")
    assert q.text.startswith("الماء مقطوع") and q.speaker == "أحد السكان" and q.direct
    # an aside in parentheses is no quote: the reported clause after it is the statement
    (q,) = quotes("وقال المتحدث (الثلاثاء) إن الوضع هادئ في المدينة.", "ar")
    assert q.text.startswith("الوضع هادئ")


def test_a_relative_clause_that_reports_its_source_gives_the_source_as_speaker():
    # "X، التي نقلت عن Y أنّ ...": what Y said, though the verb is in a relative clause about X
    (q,) = quotes('وهذا ما ذكرته صحيفة "الأيام" المحلية، التي نقلت عن مصادر حكومية تأكيدها أنّ '
                  '"الميزانية لن تكفي لتغطية رواتب الموظفين حتى نهاية العام".', "ar")
    assert q.text.startswith("الميزانية لن تكفي") and "مصادر حكومية" in q.speaker
    # a relative clause closed by its comma before the main clause's إن is not the speech act
    (q,) = quotes("وقال المدير، الذي نقل عن الموظفين شكاواهم، إن الشركة ستواصل العمل.", "ar")
    assert q.text.startswith("الشركة ستواصل") and q.speaker == "المدير"


def test_a_programme_title_set_off_by_commas_is_a_name_not_the_quote():
    # '... the TV program, "Face the Facts," the mayor said ...': the title was the mayor's statement
    (q,) = quotes('Speaking on the CBS television program, "Facing the City," the mayor said the tunnel '
                  'would open next spring.')
    assert q.text == "the tunnel would open next spring" and q.speaker == "mayor"
    # after a report's comma the quote is what is said
    (q,) = quotes('The ministry said in its report, "Prices will keep rising through the summer."')
    assert q.text.startswith("Prices will keep rising") and q.direct
