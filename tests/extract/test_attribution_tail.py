"""'"..."، بحسب ما قاله X': a quote attributed after it is one claim, said by X."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.extract import extract_claims

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def quotes(text: str) -> list:
    return [c for c in extract_claims(text, published=WHEN, lang="ar") if c.kind == "quote"]


def test_a_quote_then_according_to_its_speaker_is_one_claim():
    text = '"سوريا ستعيد بناء المدارس المدمّرة في مدينة حلب"، بحسب ما قاله وزير الخارجية أسعد الشيباني.'
    (q,) = quotes(text)  # it was two: the quote with its marks and a speaker, and the quote alone
    assert q.text == "سوريا ستعيد بناء المدارس المدمّرة في مدينة حلب"
    assert q.speaker == "وزير الخارجية أسعد الشيباني"
    assert q.direct


def test_reported_speech_then_according_to_is_still_a_statement_of_its_speaker():
    (q,) = quotes("الوضع في حلب تحت السيطرة تماما، بحسب ما قاله وزير الداخلية أنس خطاب.")
    assert q.text == "الوضع في حلب تحت السيطرة تماما"
    assert q.speaker == "وزير الداخلية أنس خطاب"
    assert not q.direct


def test_a_manner_word_after_the_verb_is_no_speaker():
    # a quote whose closing mark is lost: its inner "أعلن لكم بحزن أن ..." ("I announce to you, sadly,
    # that ...") reads as reported speech; "لكم" and "بحزن" name nobody: it is the words of the minister
    # whose verb opened the quote (the "وقال" with nothing read after it still names who speaks next)
    text = ('وقال الوزير سالم الحربي للصحافيين “بعد عامين من البحث، أعلن لكم بحزن أن فريق الخبراء الدوليين '
            'أكد بشكل نهائي أن الحطام يعود إلى الطائرة المفقودة″، وأضاف أن البحث سيتوقف.')
    assert all(q.speaker != "بحزن" for q in quotes(text))
    assert any(q.text.startswith("فريق الخبراء") and q.speaker == "سالم الحربي" for q in quotes(text))


def test_according_to_before_a_clause_of_reason_still_attributes_what_came_before():
    # "...، بحسب X، حيث ...": the attribution closes the statement; the clause after it is the writer's
    (q,) = quotes("ارتفعت الأسعار بنسبة كبيرة هذا الشهر، بحسب وزارة الاقتصاد، حيث تجاوز التضخم عشرة في المئة.")
    assert q.text.startswith("ارتفعت الأسعار") and q.speaker == "وزارة الاقتصاد"
    assert "التضخم" not in q.text


def test_according_to_before_a_definite_noun_keeps_its_article():
    # ل + ال is written لل: the source is "المرصد السوري ...", not "لمرصد السوري ..."
    (q,) = quotes("قتل خمسة أشخاص في القصف، وفقاً للمرصد السوري لحقوق الإنسان.")
    assert q.speaker == "المرصد السوري لحقوق الإنسان"
    (q,) = quotes("ووفقاً للمرصد السوري لحقوق الإنسان، فإن خمسة أشخاص قتلوا في القصف.")
    assert q.speaker == "المرصد السوري لحقوق الإنسان"
    (q,) = quotes("وصلت المساعدات إلى المدينة، وفقاً للبنان الرسمي.")  # a name that begins with ل
    assert q.speaker == "لبنان الرسمي"


def test_the_outlet_told_and_its_day_are_no_part_of_the_clause_told():
    got = [(c.speaker, c.text) for c in extract_claims(
        "Jan Kowal, head of the central bank, told the state news agency PAP yesterday the talks had gone well.",
        published=None, lang="en") if c.kind == "quote"]
    assert got == [("Jan Kowal", "the talks had gone well")]


def test_a_participle_without_that_after_a_tail_speaker_goes_on_with_its_clause():
    # the clause before the speaker was lost: only "on Saturday stressing ..." was read
    text = ("More than 40 homes were destroyed in the floods in the valley of Nova Aldeia local officials told "
            "reporters on Saturday stressing most of the families are still in shelters.")
    got = [(c.speaker, c.text) for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert got == [("local officials", "More than 40 homes were destroyed in the floods in the valley of Nova Aldeia"),
                   ("local officials", "most of the families are still in shelters")]


def test_was_quoted_as_saying_at_the_end_gives_the_clause_before_it():
    text = "The harvest talks in Brussels were long but useful, a senior Irish official was quoted as saying."
    got = [(c.speaker, c.text) for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert got == [("Irish official", "The harvest talks in Brussels were long but useful")]


def test_a_verb_whose_subject_is_no_speaker_stays_inside_the_clause():
    # "the accord also" was a statement, and what the accord said another one
    text = ("A Trade Ministry official said the talks had ended. He added that the accord also said Ruritania "
            "agreed to buy more of the region's grain.")
    got = [c.text for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert got == ["the talks had ended",
                   "the accord also said Ruritania agreed to buy more of the region's grain"]
    # the subject of a relative clause: "the convoy which it said carried ..."
    text = "The monitor also reported the convoy which it said carried 300 fighters from both sides."
    got = [c.text for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert got == ["the convoy which it said carried 300 fighters from both sides"]


def test_the_next_verbs_own_subject_ends_the_clause_before_it():
    text = ("The minister told the BBC that the army was not behind the shelling of the market on Monday "
            "which UN monitors have said they blame on the rebels.")
    got = [(c.speaker, c.text) for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert got[0] == ("minister", "the army was not behind the shelling of the market on Monday")
    # a tail attribution after the clause: ", the official X agency said" is no part of what was reiterated
    text = ("The Ruritanian Energy Minister Jan Kowal reiterated the country's support for the gas accord, the "
            "official Ruritanian News Agency said.")
    got = [c.text for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert got[0] == "the country's support for the gas accord"
    text = "Witnesses said the mayor was among the wounded but one of his aides said he had left the town."
    got = [c.text for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert got[0] == "the mayor was among the wounded"


def test_a_wire_dateline_or_a_date_stamp_opening_a_statement_is_no_part_of_it():
    text = "OSLO, March 4 - Nordic grain exports fell 3 pct in February, the Nordic Grain Board said."
    (q,) = [c for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert q.text == "Nordic grain exports fell 3 pct in February" and q.speaker == "Nordic Grain Board"
    assert text[q.start:q.end] == q.text
    text = "Published May 3 2016 At least 12 fishermen were rescued on Monday the army said."
    (q,) = [c for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert q.text == "At least 12 fishermen were rescued on Monday" and q.speaker == "army"


def test_the_headline_repeated_before_the_first_sentence_is_no_part_of_its_statement():
    text = ("Flood kills 12 in the northern valley - Region - World\n\n"
            "Flood kills 12 in the northern valley AFP Monday 4 May 2015 Twelve people drowned when the river "
            "burst its banks on Sunday a rescue official said.")
    (q,) = [c for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert q.text == "Twelve people drowned when the river burst its banks on Sunday"
    assert text[q.start:q.end] == q.text
    text = ("Dozens hurt as storm hits the coast\n\nPosted on May 4 2015 by Harbour News Dozens hurt as storm hits "
            "the coast Forty people were hurt when the roof of the market fell the police said.")
    (q,) = [c for c in extract_claims(text, published=None, lang="en") if c.kind == "quote"]
    assert q.text == "Forty people were hurt when the roof of the market fell"
