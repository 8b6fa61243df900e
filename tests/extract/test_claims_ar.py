"""Arabic statements found on copy no gold file holds (issue 16, round 6): written sentences, not the copy."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.extract import extract_claims

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def quotes(text: str) -> list:
    return [c for c in extract_claims(text, published=WHEN, lang="ar") if c.kind == "quote"]


def test_what_came_before_as_announced_by_x_is_x_s_statement_not_what_follows_the_verb():
    (q,) = quotes("قررت حكومة البيرو فتح قنصلية جديدة في مدينة طنجة، بحسب ما أعلن بيان رسمي صدر الأحد عن وزارة الخارجية.")
    assert q.text == "قررت حكومة البيرو فتح قنصلية جديدة في مدينة طنجة"
    assert q.speaker.startswith("بيان رسمي")


def test_a_quoted_outlet_after_as_reported_is_the_source_not_a_quote():
    (q,) = quotes('أوقفت الشركة طرح أسهمها في السوق المالية، حسبما أفادت "رويترز" في وقت سابق من هذا الأسبوع.')
    assert q.text == "أوقفت الشركة طرح أسهمها في السوق المالية"
    assert q.speaker == "رويترز"


def test_a_quoted_name_in_the_subject_slot_is_no_quote():
    # (the copy glued إنّ to the next word: no clause is read, and the quoted names are not words said)
    assert quotes('وفي 3 أيار الجاري، قالت "رويترز"، إنّالشركة تقترب من طرح آخر لأسهم "سابك".') == []
    assert all(q.text != "إيه بي سي" for q in quotes(
        'وأعلنت نقابة "إيه بي سي" لعمال الموانئ في هولندا، مشاركة أكثر من عشرة آلاف عامل في الإضراب.'))


def test_the_participle_after_a_tail_attribution_goes_on_with_its_source():
    a, b = quotes('الشحنة وصلت "عبر ميناء جدة الإسلامي"، حسبما قالت وزارة التجارة في بيان، مؤكدةً حرصها على '
                  '"توفير السلع للمواطنين".')
    assert a.text.startswith("الشحنة وصلت") and a.speaker == "وزارة التجارة"
    assert "توفير السلع" in b.text and b.speaker == "وزارة التجارة"
    # "in their words" names no new source: the verb's subject said it
    (c, d) = quotes("وكشف عدد من السكان أن العمل في المشروع بطيء جدا، بحسب وصفهم، مؤكدين أن العمال قليلون.")
    assert c.speaker == d.speaker == "عدد من السكان"


def test_an_attribution_opening_a_clause_inside_the_sentence():
    (q,) = quotes("وبعد أن صادق البرلمان على الاتفاق، بدأت المحادثات أمس، ووفقًا لمسؤول حكومي، فإن الحكومة تريد "
                  "إنهاءها قبل نهاية الشهر.")
    assert q.text == "الحكومة تريد إنهاءها قبل نهاية الشهر"
    assert q.speaker == "مسؤول حكومي"


def test_according_to_with_faqad_tibqan_li_and_but():
    (a,) = quotes("ووفقا للبيانات المنشورة على موقع الهيئة فقد ارتفع عدد الزوار إلى مليوني زائر في يونيو.")
    assert a.text.startswith("ارتفع عدد الزوار") and a.speaker == "البيانات المنشورة على موقع الهيئة"
    (b,) = quotes("وطبقا لتقرير مركز الأبحاث الجوية، فإن درجات الحرارة ستبقى مرتفعة طوال الأسبوع المقبل.")
    assert b.text.startswith("درجات الحرارة") and b.speaker == "تقرير مركز الأبحاث الجوية"
    (c,) = quotes("لكن وفق التقرير، على عكس الشركات الأخرى، تعتمد قيمة الشركة على توقعات المستثمرين فقط.")
    assert "تعتمد قيمة الشركة" in c.text and c.speaker == "التقرير"


def test_the_source_of_according_to_what_x_said_is_x_without_its_relative_clause_or_time():
    (a,) = quotes("وبحسب ما ذكرته صحيفة الغد الأردنية فقد اتجه المستثمرون إلى شراء الذهب خلال الشهر الماضي.")
    assert a.speaker == "صحيفة الغد الأردنية"
    (b,) = quotes("وطبقا للمصدر، الذي رفض الإفصاح عن اسمه، فإن اللجنة ستركز على عقود الرعاية الرياضية.")
    assert b.text.startswith("اللجنة ستركز") and b.speaker == "المصدر"
    (c,) = quotes('وبحسب وكالة "الأناضول" فجر اليوم، فقد أبلغ المواطنون الشرطة عن صندوق مريب قرب المبنى.')
    assert c.speaker == 'وكالة "الأناضول"'


def test_a_second_clause_with_its_own_named_subject_and_speech_verb_is_a_second_statement():
    a, b = quotes('الجيش الليبي يعلن أنه غير معني بأي بيانات تصدر عن السجناء الفارين، وحزب "العدالة والبناء" '
                  'يقول إن خروج السجناء يعني تصعيد القتال.\n\nنص الخبر.')
    assert a.text == "غير معني بأي بيانات تصدر عن السجناء الفارين" and a.speaker == "الجيش الليبي"
    assert b.text == "خروج السجناء يعني تصعيد القتال" and b.speaker == 'حزب "العدالة والبناء"'


def test_present_tenses_that_report_speech():
    (a,) = quotes('نقابة "المعلمين" الأردنية تصرّح بأنّ الإضراب كان الأكبر منذ عشرين عاما.\n\nنص الخبر.')
    assert a.text.startswith("الإضراب كان الأكبر") and a.speaker == 'نقابة "المعلمين" الأردنية'
    (b,) = quotes("وتضيف دراسة جديدة الآن أن الأمطار ستقل في معظم بقاع العالم بحلول عام 2040.")
    assert b.text.startswith("الأمطار ستقل") and b.speaker == "دراسة جديدة"
    (c,) = quotes("متظاهرون في النيجر يرفضون الوجود الأجنبي ويقولون إنهم لا يريدون أي قواعد عسكرية.\n\nنص.")
    assert c.text == "لا يريدون أي قواعد عسكرية"
    (d,) = quotes("وجادل الكاتب بأن القمة تمثل تحولا حاسما في النظام الدولي القديم.")
    assert d.text.startswith("القمة تمثل") and d.speaker == "الكاتب"
    # "what they say" is no speech act, nor "adds" a thing
    assert quotes("على الباحث أن يناقش ما يقولون وما يكتبون، ولو فعل فسيجد أن كثيرا منه مجاملة.") == []
    assert quotes("وهذا التحول يضيف بعدا جديدا لأسواق النفط العالمية.") == []


def test_the_clause_before_and_then_adds_ends_before_its_wa():
    a, b = quotes("وأشار العم سالم إلى أن الناس كانوا يعرفون العيد من الراديو ويضيف: كنا ننتظر الخبر بفارغ الصبر.")
    assert a.text == "الناس كانوا يعرفون العيد من الراديو"
    assert b.text.startswith("كنا ننتظر") and b.speaker == a.speaker == "العم سالم"


def test_what_was_stressed_after_akkada_ala_is_the_statement():
    (q,) = quotes("وأكدت الكاتبة العامة للنقابة، الدكتورة لبنى الرفاس، على أهمية هذه الفحوصات للكشف المبكر عن أمراض العيون.")
    assert q.text.startswith("أهمية هذه الفحوصات")
    assert "الكاتبة العامة للنقابة" in q.speaker
    # a على of a title or of an object is none: the statement is the noun object after the subject
    (r,) = quotes("وأكدت وزارة الصحة اهتمامها بتطوير الخدمات ودورها في الإشراف على أداء المستشفيات الخاصة.")
    assert r.text.startswith("اهتمامها بتطوير") and r.speaker == "وزارة الصحة"


def test_what_came_in_a_document_is_its_statement():
    (q,) = quotes("وجاء في البيان أن الوزارة ستبدأ صرف التعويضات للمتضررين مطلع الأسبوع المقبل.")
    assert q.text == "الوزارة ستبدأ صرف التعويضات للمتضررين مطلع الأسبوع المقبل"
    assert q.speaker == "البيان"
    (r,) = quotes('وورد في التقرير أنّ المتهم "كان يملك وصولا إلى معلومات سرية قد تفيد دولا معادية".')
    assert r.text.startswith("كان يملك وصولا") and r.direct and r.speaker == "التقرير"
    # a rank, or the frame of a statement made elsewhere, is none
    assert quotes("وجاء في المرتبة الثانية أن يكون الفريق جاهزا للموسم المقبل بحسب الخطة.") == []


def test_a_quote_then_says_x_is_x_s():
    (q,) = quotes("«أخذني وقت طويل لأحدد ملامح الشخصية الرئيسية في الفيلم»، يقول المخرج إيلي داغر.")
    assert q.text == "أخذني وقت طويل لأحدد ملامح الشخصية الرئيسية في الفيلم"
    assert q.speaker == "المخرج إيلي داغر" and q.direct
    (r,) = quotes("«الوضع الأمني في المدينة تحسن كثيرا خلال الأشهر الماضية»، قال العميد سالم الصبيحي للصحفيين.")
    assert r.speaker == "العميد سالم الصبيحي"


def test_a_speaker_set_between_commas_inside_what_it_said():
    (q,) = quotes("الأب تغير سلوكه تماما مع الجيران، يقول المشرف على الحلقات، بعد عدة أشهر من التحاق ابنه بالحلقة.")
    assert q.text == "الأب تغير سلوكه تماما مع الجيران"
    assert q.speaker == "المشرف على الحلقات"
