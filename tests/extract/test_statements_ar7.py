"""Arabic statements found on copy no gold file holds (issue 16, round 7): written sentences, not the copy."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.extract import extract_claims

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def quotes(text: str) -> list:
    return [c for c in extract_claims(text, published=WHEN, lang="ar") if c.kind == "quote"]


def test_an_announced_masdar_after_the_subject_s_apposition_is_the_statement():
    (q,) = quotes("وأعلنت ألوية الفجر، الذراع المسلحة لحزب الشعب، إسقاط طائرة استطلاع فوق الوادي الشرقي.")
    assert q.text == "إسقاط طائرة استطلاع فوق الوادي الشرقي"
    assert q.speaker == "ألوية الفجر"


def test_a_participle_that_is_an_indefinite_noun_s_adjective_is_no_speech_verb():
    assert quotes("قدم المهاجم أداءً لافتاً في المباراة الأولى، رغم أن الفريق خسر بهدفين.") == []
    assert quotes("وفرضت البلدية قيوداً مشددة على البناء في الحي القديم منذ عامين.") == []
    assert quotes("وبدا لافتاً أن الجمهور غادر الملعب قبل نهاية الشوط الثاني.") == []
    # after a comma it is the speaker's participle still
    (q,) = quotes("وقال المدرب إن الفريق لعب جيدا، لافتاً إلى أن الإصابات أثرت على الأداء.")[1:]
    assert q.text.startswith("الإصابات أثرت") and q.speaker == "المدرب"


def test_what_someone_had_announced_before_after_sabaq_an_is_said():
    # "سبق أن أعلن" is a past act, not the "أن يعلن" of what is yet to be said
    (q,) = quotes("وسبق أن أعلن رئيس الشركة سامي الحربي، في مارس الماضي، أن الشركة ستفتتح فرعا في دبي.")
    assert q.text == "الشركة ستفتتح فرعا في دبي" and q.speaker == "رئيس الشركة سامي الحربي"
    (r,) = quotes("وكان اللاعب سالم العتيبي قد سبق وأن أعلن اعتزاله اللعب الدولي في عام 2012.")
    assert r.text.startswith("اعتزاله اللعب الدولي") and r.speaker == "اللاعب سالم العتيبي"
    # what is yet to be said is still nothing
    assert quotes("ومن المنتظر أن يعلن الاتحاد أن البطولة ستقام في الرياض.") == []


def test_a_participle_s_masdar_object_is_the_statement_but_not_the_speaker_s_own_attitude():
    _, q = quotes("وأعلنت وزارة الصحة تسجيل ثلاث إصابات جديدة بالمرض، مؤكدةً عدم وقوع أي وفيات خلال الأسبوع.")
    assert q.text == "عدم وقوع أي وفيات خلال الأسبوع" and q.speaker == "وزارة الصحة" and q.verb.startswith("مؤكدة")
    (r,) = quotes("وقال المحافظ إن الطريق سيفتح الشهر المقبل، نافياً وجود أي تأخير في أعمال الصيانة.")[1:]
    assert r.text.startswith("وجود أي تأخير") and r.speaker == "المحافظ"
    # the speaker's own resolve or support, with its pronoun, is no proposition
    assert len(quotes("وقال المحافظ إن الطريق سيفتح الشهر المقبل، مؤكداً دعمه الكامل لخطة البلدية.")) == 1


def test_a_tail_source_without_its_comma_and_a_lead_after_fa():
    (q,) = quotes("ونقل المصاب إلى المستشفى التخصصي مساء اليوم حسب مصادر مطلعة.")
    assert q.text == "ونقل المصاب إلى المستشفى التخصصي مساء اليوم" and q.speaker == "مصادر مطلعة"
    # without its comma, only a source noun makes a tail: "depending on the region" is none, nor is a
    # source with the clause going on after it
    assert quotes("وتختلف أسعار الخضار في الأسواق بحسب المنطقة.") == []
    assert quotes("وسيؤدي القرار بحسب الهيئة إلى خفض أسعار الخدمات.") == []
    (r,) = quotes("أما على صعيد الأطفال، فوفقاً لدراسة أجراها باحثون في جامعة القاهرة، فإنه كلما زاد النوم تحسن التحصيل.")
    assert r.text == "كلما زاد النوم تحسن التحصيل" and r.speaker.startswith("دراسة أجراها باحثون")
    (s,) = quotes("وارتفعت المبيعات إلى 900 مليون دولار، حسبما جاء في تقرير الشركة السنوي.")
    assert s.speaker == "تقرير الشركة السنوي"


def test_what_data_or_a_survey_showed_is_its_statement_not_what_was_seen():
    (q,) = quotes("وأظهرت بيانات الهيئة العامة للإحصاء أن البطالة تراجعت إلى 9 في المائة خلال الربع الثاني.")
    assert q.text.startswith("البطالة تراجعت") and q.speaker == "بيانات الهيئة العامة للإحصاء"
    assert quotes("وأظهرت مشاهد الفيديو أن المبنى لم يتعرض إلا لأضرار طفيفة في السقف.") == []
    assert quotes("وكما أظهرت التجارب السابقة فإن الحلول المؤقتة لا تدوم طويلا.") == []
    # a thing shown ends no reported clause before it
    (r,) = quotes("وقالت الوزارة إن التجارب بدأت على اللقاح في مارس الماضي، وأظهرت نتائج واعدة هذا الأسبوع.")
    assert r.text.endswith("وأظهرت نتائج واعدة هذا الأسبوع")


def test_a_turn_phrase_before_a_verb_that_needs_wa_opens_the_speaker_s_turn():
    (q,) = quotes("من جهته، بيّن المحلل المالي سامر حداد أنّ الأرباح تراجعت بسبب انخفاض الأسعار.")
    assert q.text == "الأرباح تراجعت بسبب انخفاض الأسعار" and q.speaker == "المحلل المالي سامر حداد"
    (r,) = quotes("كذلك، رأى الوزير أنّ الاتفاق سيصمد طويلا.")
    assert r.text == "الاتفاق سيصمد طويلا" and r.speaker == "الوزير"
    # بين with no such phrase before it is still "between"
    assert quotes("وتراوحت الأسعار بين أن تكون مرتفعة أو منخفضة حسب الموسم.") == []


def test_an_announced_masdar_with_no_subject_goes_on_with_the_speaker_before_it():
    a, b = quotes("وأعلنت ألوية الفجر أنها أسقطت طائرة استطلاع. وأعلنت تدمير آليتين عسكريتين قرب الوادي.")
    assert b.text == "تدمير آليتين عسكريتين قرب الوادي" and b.speaker == "ألوية الفجر"
    _, c = quotes("وقال الوزير إن المشروع سيكتمل. أما ألوية الفجر، فأعلنت قصف تجمع للجنود قرب الحدود.")
    assert c.text == "قصف تجمع للجنود قرب الحدود" and c.speaker == "ألوية الفجر"
    # a body that may be the subject is not a masdar
    assert len(quotes("وقال الوزير إن المشروع سيكتمل. وأعلن اتحاد الكرة تأجيل المباراة.")) == 1


def test_what_was_reported_or_admitted_after_an_attached_bi_keeps_its_first_letter():
    (q,) = quotes("وأفاد مراسل القناة باستهداف موقع عسكري قرب المدينة.")
    assert q.text == "استهداف موقع عسكري قرب المدينة"  # was "ستهداف …"
    (r,) = quotes("واعترفت وسائل إعلام محلية بمقتل ثلاثة جنود في الهجوم.")
    assert r.text == "مقتل ثلاثة جنود في الهجوم" and r.speaker == "وسائل إعلام محلية"
    # recognising a state is no admission of an event
    assert quotes("واعترفت الحكومة بدولة فلسطين رسميا هذا الأسبوع.") == []
