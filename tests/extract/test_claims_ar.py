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
    (q,) = quotes('أجّلت الهيئة إطلاق القمر الصناعي إلى الخريف، حسبما أفادت "رويترز" في وقت سابق من هذا الأسبوع.')
    assert q.text == "أجّلت الهيئة إطلاق القمر الصناعي إلى الخريف"
    assert q.speaker == "رويترز"


def test_a_quoted_name_in_the_subject_slot_is_no_quote():
    # (the copy glued إنّ to the next word: no clause is read, and the quoted names are not words said)
    assert quotes('وفي 3 أيار الجاري، قالت "رويترز"، إنّالشركة تدرس بيع حصة في مصنع "سابك".') == []
    assert all(q.text != "إيه بي سي" for q in quotes(
        'وأعلنت نقابة "إيه بي سي" لعمال الموانئ في هولندا، مشاركة أكثر من عشرة آلاف عامل في الإضراب.'))


def test_the_participle_after_a_tail_attribution_goes_on_with_its_source():
    a, b = quotes('الشحنة وصلت "عبر ميناء جدة الإسلامي"، حسبما قالت وزارة التجارة في بيان، مؤكدةً حرصها على '
                  '"توفير السلع للمواطنين".')
    assert a.text.startswith("الشحنة وصلت") and a.speaker == "وزارة التجارة"
    assert "توفير السلع" in b.text and b.speaker == "وزارة التجارة"
    # "in their words" names no new source: the verb's subject said it
    (c, d) = quotes("وكشف عدد من التجار أن الأسعار تضاعفت خلال أسبوع، بحسب وصفهم، مؤكدين أن الزبائن قلّوا.")
    assert c.speaker == d.speaker == "عدد من التجار"


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
    (c,) = quotes("لكن وفق التقرير، خلافا للعام الماضي، تراجعت مبيعات السيارات الكهربائية في أوروبا.")
    assert "تراجعت مبيعات السيارات" in c.text and c.speaker == "التقرير"


def test_the_source_of_according_to_what_x_said_is_x_without_its_relative_clause_or_time():
    (a,) = quotes("وبحسب ما ذكرته صحيفة الغد الأردنية فقد اتجه المستثمرون إلى شراء الذهب خلال الشهر الماضي.")
    assert a.speaker == "صحيفة الغد الأردنية"
    (b,) = quotes("وطبقا للمصدر، الذي طلب عدم نشر اسمه، فإن الوزارة ستعلن الأسماء الأسبوع المقبل.")
    assert b.text.startswith("الوزارة ستعلن") and b.speaker == "المصدر"
    (c,) = quotes('وبحسب وكالة "الأناضول" صباح اليوم، فقد أغلقت السلطات المعبر الحدودي أمام الشاحنات.')
    assert c.speaker == 'وكالة "الأناضول"'


def test_a_second_clause_with_its_own_named_subject_and_speech_verb_is_a_second_statement():
    a, b = quotes('وزارة الصحة تعلن أنها أغلقت ثلاثة مستشفيات خاصة في العاصمة، ونقابة "الأطباء" '
                  'تقول إن القرار جاء متأخرا عامين.\n\nنص الخبر.')
    assert a.text == "أغلقت ثلاثة مستشفيات خاصة في العاصمة" and a.speaker == "وزارة الصحة"
    assert b.text == "القرار جاء متأخرا عامين" and b.speaker == 'نقابة "الأطباء"'


def test_present_tenses_that_report_speech():
    (a,) = quotes('نقابة "المعلمين" الأردنية تصرّح بأنّ المفاوضات مع الوزارة وصلت إلى طريق مسدود.\n\nنص الخبر.')
    assert a.text.startswith("المفاوضات مع الوزارة") and a.speaker == 'نقابة "المعلمين" الأردنية'
    (b,) = quotes("وتضيف دراسة جديدة الآن أن محاصيل القمح ستتراجع في آسيا بحلول عام 2050.")
    assert b.text.startswith("محاصيل القمح ستتراجع") and b.speaker == "دراسة جديدة"
    (c,) = quotes("طلاب في الجامعة يحتجون على الرسوم الجديدة ويقولون إنهم لن يدفعوها هذا الفصل.\n\nنص.")
    assert c.text == "لن يدفعوها هذا الفصل"
    (d,) = quotes("وجادل الباحث بأن الاتفاق يمثل بداية مرحلة جديدة في العلاقات بين البلدين.")
    assert d.text.startswith("الاتفاق يمثل") and d.speaker == "الباحث"
    # "what they say" is no speech act, nor "adds" a thing
    assert quotes("ينبغي للمعلم أن يسمع ما يقولون في الصف، وحين يفعل سيعرف أن أكثرهم متعب.") == []
    assert quotes("وهذا المطعم يضيف نكهة جديدة إلى شارع الكورنيش.") == []


def test_the_clause_before_and_then_adds_ends_before_its_wa():
    a, b = quotes("وأشار الحاج سالم إلى أن السوق كان يفتح مع الفجر ويضيف: كنا نبيع التمر قبل شروق الشمس.")
    assert a.text == "السوق كان يفتح مع الفجر"
    assert b.text.startswith("كنا نبيع") and b.speaker == a.speaker == "الحاج سالم"


def test_what_was_stressed_after_akkada_ala_is_the_statement():
    (q,) = quotes("وأكدت رئيسة الجمعية، الدكتورة سلمى الحداد، على أهمية التطعيم المبكر للأطفال في المدارس.")
    assert q.text.startswith("أهمية التطعيم المبكر")
    assert "رئيسة الجمعية" in q.speaker
    # a على of a title or of an object is none: the statement is the noun object after the subject
    (r,) = quotes("وأكدت وزارة النقل عزمها توسيع الطرق وتشديد الرقابة على أداء المقاولين في المناطق.")
    assert r.text.startswith("عزمها توسيع") and r.speaker == "وزارة النقل"


def test_what_came_in_a_document_is_its_statement():
    (q,) = quotes("وجاء في البيان أن الوزارة ستبدأ صرف التعويضات للمتضررين مطلع الأسبوع المقبل.")
    assert q.text == "الوزارة ستبدأ صرف التعويضات للمتضررين مطلع الأسبوع المقبل"
    assert q.speaker == "البيان"
    (r,) = quotes('وورد في التقرير أنّ المصنع "لم يلتزم بمعايير السلامة منذ افتتاحه قبل خمس سنوات".')
    assert r.text.startswith("لم يلتزم بمعايير") and r.direct and r.speaker == "التقرير"
    # a rank, or the frame of a statement made elsewhere, is none
    assert quotes("وجاء في المرتبة الثانية أن يكون الفريق جاهزا للموسم المقبل بحسب الخطة.") == []


def test_a_quote_then_says_x_is_x_s():
    (q,) = quotes("«احتجت عامين كاملين لإنهاء كتابة هذه الرواية الطويلة»، يقول الكاتب سامر الحلبي.")
    assert q.text == "احتجت عامين كاملين لإنهاء كتابة هذه الرواية الطويلة"
    assert q.speaker == "الكاتب سامر الحلبي" and q.direct
    (r,) = quotes("«الوضع الأمني في المدينة تحسن كثيرا خلال الأشهر الماضية»، قال العميد سالم الكعبي للصحفيين.")
    assert r.speaker == "العميد سالم الكعبي"


def test_a_speaker_set_between_commas_inside_what_it_said():
    (q,) = quotes("المدرسة تغيرت كثيرا في السنوات الأخيرة، يقول مدير التعليم في المحافظة، منذ افتتح الوزير مبناها الجديد.")
    assert q.text == "المدرسة تغيرت كثيرا في السنوات الأخيرة"
    assert q.speaker == "مدير التعليم في المحافظة"


def test_a_place_in_a_speaker_s_title_is_no_headline_speaker():
    text = ("تونس: الآلاف يتظاهرون في العاصمة دعما للحكومة\n\n"
            "وقال رئيس جمعية الصداقة بين تونس والجزائر سامي العياري إن المظاهرة كانت سلمية تماما.")
    assert [q.text for q in quotes(text)] == ["المظاهرة كانت سلمية تماما"]
