"""Arabic speakers read from the sentence's grammar (issue 16): written sentences, not the real copy."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.extract import extract_claims

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def quotes(text: str) -> list:
    return [c for c in extract_claims(text, published=WHEN, lang="ar") if c.kind == "quote"]


def test_an_honorific_pronoun_is_the_person_named_with_its_title():
    # "سموه" (his Highness) after a paragraph that named the prince without a comma or speech verb
    text = ("استقبل الأمير سلطان بن ناصر بن عبدالله أمير منطقة الشمال في مكتبه اليوم وفد الغرفة التجارية.\n\n"
            "وأكد سموه خلال اللقاء أن المنطقة تشهد نموا كبيرا في الاستثمار.\n\n"
            "التقى وزير الزراعة خالد المهنا رئيس الغرفة. وقال معاليه إن الموسم كان جيدا هذا العام.")
    a, b = quotes(text)
    assert a.speaker == "سلطان بن ناصر بن عبدالله"
    assert b.speaker == "خالد المهنا"


def test_an_honorific_pronoun_after_its_person_spoke_keeps_the_fuller_name():
    text = ("قال الأمير سلطان بن ناصر إن المشروع سيكتمل قريبا.\n\n"
            "وبين سموه أن التكلفة تتجاوز ما قُدّر لها سابقا.")
    a, b = quotes(text)
    assert a.speaker == b.speaker == "الأمير سلطان بن ناصر"


def test_a_speech_verb_with_a_noun_object_is_a_statement_of_its_subject():
    (q,) = quotes("أكدت الشرطة المحلية وفاة ثلاثة من العمال في انهيار المبنى القديم.")
    assert q.text.startswith("وفاة ثلاثة من العمال")
    assert q.speaker == "الشرطة المحلية"


def test_what_is_announced_after_an_is_the_statement():
    (q,) = quotes("أعلن نادي الوحدة أمس الخميس عن تعاقده مع المدافع البرازيلي لثلاثة مواسم.")
    assert q.text.startswith("تعاقده مع المدافع")
    assert "نادي الوحدة" in q.speaker


def test_a_claim_of_responsibility_is_the_statement_and_its_subject_the_speaker():
    (q,) = quotes("أعلنت جماعة مسلحة صغيرة مسؤوليتها عن الهجوم على نقطة التفتيش.")
    assert q.text.startswith("مسؤوليتها عن الهجوم")
    assert q.speaker == "جماعة مسلحة صغيرة"


def test_a_headline_subject_before_its_present_tense_verb_is_the_speaker():
    (q,) = quotes("وزارة الصحة تعلن ارتفاع عدد الإصابات في المنطقة الشرقية\n\nنص الخبر هنا.")
    assert q.text.startswith("ارتفاع عدد الإصابات")
    assert q.speaker == "وزارة الصحة"


def test_what_only_looks_like_a_speaker_does_not_speak():
    # a thing that "reveals" (a smell, a report's details), an object before عن, and "كشف النقاب" (unveiled)
    assert quotes("روائح كريهة تكشف جثة متحللة في مستودع مهجور") == []
    assert all(q.speaker != "تفاصيل مثيرة" for q in quotes("والد اللاعب يكشف تفاصيل مثيرة عن حياة ابنه الصغير"))
    assert all(q.speaker != "النقاب" for q in quotes("وكشف النقاب أمس عن مساع يقوم بها سكرتير الحكومة السابق."))
    # a sentence that opens with و opens with its verb: what comes before "يوضح" is no subject
    assert quotes("واستمع المحافظ إلى تقرير يوضح الأعمال التي يبذلها المركز هذا العام.") == []


def test_a_headline_title_before_a_colon_is_the_speaker_when_the_body_names_the_person_otherwise():
    text = ("وزير النقل: افتتاح الطريق الدائري الجديد قبل نهاية العام\n\n"
            "قال المهندس سالم العتيبي إن الأعمال في الطريق الدائري بلغت مراحلها الأخيرة.")
    head = quotes(text)[0]
    assert head.text.startswith("افتتاح الطريق الدائري")
    assert head.speaker == "وزير النقل"
    # a place label is no speaker: it never speaks in the body
    assert all(not q.text.startswith("المقاومة") for q in quotes(
        "لبنان: المقاومة تستهدف موقعا عسكريا قرب الحدود\n\nقال مراسلنا إن القصف استمر ساعتين."))


def test_what_a_speaker_stressed_after_ala_is_the_statement():
    (q,) = quotes("وشددت المديرة هند السالم على ضرورة تدريب المعلمين قبل بداية العام الدراسي.")
    assert q.text.startswith("ضرورة تدريب المعلمين")
    assert q.speaker == "المديرة هند السالم"


def test_who_issued_a_statement_is_part_of_its_speaker():
    (q,) = quotes('وقال بيان صادر عن مكتب رئيس الوزراء سالم الأحمد: "لقد تجاوزنا الأزمة الأخيرة بنجاح كبير".')
    assert q.speaker == "بيان صادر عن مكتب رئيس الوزراء سالم الأحمد"


def test_with_the_saying_is_how_it_was_said_not_who_said_it():
    a, b = quotes('قال وزير المالية سامر الخطيب إن العجز تراجع هذا العام. وتابع بالقول: "لن نرفع الضرائب على الأسر".')
    assert a.speaker == b.speaker and "سامر الخطيب" in a.speaker


def test_a_number_inside_a_quoted_name_does_not_end_the_speaker():
    (q,) = quotes('وذكرت "القناة 7" المحلية، أن الحكومة ستعلن موازنتها الأسبوع المقبل.')
    assert q.text.startswith("الحكومة ستعلن") and "القناة 7" in q.speaker


def test_the_participles_after_came_in_a_statement_by_x_are_x_s():
    text = ("أكدت وزارة الصحة ارتفاع عدد الإصابات في المدينة.\n\n"
            "جاء ذلك في تصريح للمتحدث باسم وزارة الصحة، سامي حداد، مؤكداً أن المستشفيات تعمل بكامل طاقتها، "
            "مضيفاً أن الوضع تحت السيطرة.")
    qs = quotes(text)
    assert [q.speaker for q in qs if q.text.startswith(("المستشفيات", "الوضع"))] == ["سامي حداد", "سامي حداد"]


def test_a_subject_its_appositions_and_a_day_then_the_noun_object():
    (q,) = quotes("أعلنت كتائب الأنصار، الجناح العسكري للحركة، اليوم الأربعاء، تدمير خمس آليات في محيط المدينة.")
    assert q.text.startswith("تدمير خمس آليات") and q.speaker == "كتائب الأنصار"
    (q,) = quotes("وأكد الوزير سامر الخطيب لنظيره الأردني، خلال اتصال هاتفي، دعم بلاده لخطة السلام.")
    assert q.text.startswith("دعم بلاده") and q.speaker == "الوزير سامر الخطيب"


def test_an_expression_of_confidence_is_no_statement():
    (q,) = quotes("قال المدرب إن الفريق قدم مباراة جيدة، معرباً عن ثقته بقدرة اللاعبين على تجاوز المرحلة الصعبة.")
    assert q.text.startswith("الفريق قدم")


def test_described_as_is_a_statement_about_its_object():
    a, b = quotes("ووصف وزير الخارجية، خالد العمر، الاتفاق الجديد بأنه خطوة تاريخية نحو السلام. "
                  "كما وصف المحادثات بأنها كانت صريحة وبناءة.")
    assert a.text.startswith("الاتفاق الجديد بأنه خطوة تاريخية") and a.speaker == "خالد العمر"
    assert b.text.startswith("المحادثات بأنها كانت صريحة") and b.speaker == "خالد العمر"
    # the noun: a description is no speech act
    assert quotes("وجاء في وصف الحادث بأنه وقع ليلا في الشارع الرئيسي.") == []


def test_who_expressed_a_feeling_speaks_on_and_an_auxiliary_is_no_part_of_the_subject():
    (q,) = quotes("أعرب اللاعب سامي العلي عن سعادته بالانضمام إلى النادي، واصفاً الأجواء في الفريق بأنها مميزة.")
    assert q.text.startswith("الأجواء في الفريق بأنها") and "سامي العلي" in q.speaker
    (q,) = quotes("وكانت حركة الشباب قد أعلنت مسؤوليتها عن الهجوم على المركز التجاري.")
    assert q.speaker == "حركة الشباب"
    assert quotes("يتعرف البطل، حسب وصف المخرج، على الناس ويدرك بأنه لن يستطيع المضي في خطته.") == []


def test_whom_it_told_is_not_who_told_it():
    (q,) = quotes("مصادر ميدانية في المنطقة أبلغت «الوطن» أن الطريق أغلق منذ الصباح.")
    assert q.text.startswith("الطريق أغلق") and q.speaker == "مصادر ميدانية في المنطقة"
    (q,) = quotes("كشفت شركة «ألفا» النقاب عن أن نسختها الجديدة ستطرح في الأسواق الشهر المقبل.")
    assert q.speaker == "شركة «ألفا»"


def test_with_a_subject_before_it_the_words_after_warned_are_whom_it_warned():
    text = ('ويُذكر أنّ رئيس الحكومة، سامر الخطيب، حذّر النقابات من "الإضراب المفتوح". '
            'وأكّد أنّ "الحكومة لن تتراجع عن خطتها".')
    qs = quotes(text)
    assert qs and all(q.speaker == "سامر الخطيب" for q in qs)
    (q,) = quotes("قال الوزير إن الأسعار سترتفع. وحذر رئيس النقابة من أن الأجور لن تكفي الأسر.")[1:]
    assert q.speaker == "رئيس النقابة"
    (q,) = quotes("حذر مصدر مقرب من رئيس الحكومة من أن الأزمة ستطول.")
    assert q.speaker == "مصدر مقرب من رئيس الحكومة"


def test_the_verbs_of_a_standfirst_share_the_subject_that_opens_it():
    text = ("وزير الاقتصاد سامر الخطيب يتحدث عن نتائج جولته الأوروبية، ويقول إنها أسفرت عن اتفاقيات جديدة.\n\n"
            "وقال الخطيب إن الاتفاقيات ستوقع الشهر المقبل.")
    a, b = quotes(text)
    assert a.text.startswith("أسفرت عن اتفاقيات") and "سامر الخطيب" in (a.speaker or "")
    assert "سامر الخطيب" in b.speaker


def test_a_coordinated_clause_with_its_own_subject_before_a_present_tense():
    (q,) = quotes('مسلحون يهاجمون مركزا للشرطة شمالي البلاد، وجماعة "الفجر الأحمر" تعلن مسؤوليتها عن الهجوم.')
    assert q.speaker == 'جماعة "الفجر الأحمر"'


def test_a_title_what_it_is_the_title_of_then_the_name_then_the_noun_object():
    (q,) = quotes("أعلن المتحدث باسم كتائب الأنصار، الجناح العسكري للحركة، أبو سالم، إسقاط طائرة مسيرة فوق المدينة.")
    assert q.text.startswith("إسقاط طائرة") and q.speaker == "أبو سالم"


def test_the_statement_of_a_named_person_or_of_an_institution():
    text = ("ارتفعت الأسعار.\n\nجاء ذلك في تصريح لليلى حداد، مؤكدة أن الأسواق مستقرة.\n\n"
            "وجاء ذلك في بيان للجيش، مؤكدا أن الوضع هادئ.")
    assert [q.speaker for q in quotes(text)] == ["ليلى حداد", "الجيش"]


def test_the_speaker_of_an_attribution_tail_follows_its_verb():
    # "وفقاً لما أعلنه X", "وفق ما روى X لوكالة ...", "حسبما قالت X في بيان", "حسبما أفادت به X": X speaks,
    # not the speaker of the sentence before, and not whom X told
    text = ("قال الوزير إن الوضع صعب. وتواصل القصف على المدينة لليوم العاشر، وفقاً لما أعلنه مكتب الإعلام في المدينة. "
            "واستهدفت الطائرات مواقع في الضواحي، وفق ما روى شهود لوكالة الأنباء الفرنسية. "
            "ونقل المصابون بالسفن إلى الميناء، حسبما قالت وزارة الخارجية في بيان. "
            "وضبطت الشرطة شحنة من الأغنام المهربة، حسبما أفادت به وسائل إعلام محلية.")
    speakers = [q.speaker for q in quotes(text)]
    assert speakers == ["الوزير", "مكتب الإعلام في المدينة", "شهود", "وزارة الخارجية", "وسائل إعلام محلية"]


def test_a_verb_after_wa_shares_the_subject_of_the_verb_before():
    # the words after "أن" in the clause before are no subject of "وقال"
    a, b = quotes("ونفى اللاعب أن يكون من مشجعي النادي المنافس، وقال: أنا أتابع الدوري فقط.")
    assert a.speaker == b.speaker == "اللاعب"


def test_the_second_bayn_of_between_is_no_speech_verb():
    (q,) = quotes("وذكر اللاعب أن المفاوضات بينه وبين إدارة النادي بدأت قبل شهر.")
    assert q.text.endswith("بدأت قبل شهر")


def test_drawing_attention_is_no_part_of_the_speaker():
    (q,) = quotes("وقال الرئيس إن المشروع تأخر. ولفت المتحدث الانتباه إلى أن الرئيس تابع الموقف بنفسه.")[1:]
    assert q.speaker == "المتحدث"


def test_when_and_to_which_programme_are_no_part_of_the_speaker():
    a, b = quotes("وقال المدرب في نهاية اللقاء: سعيد جدا بهذه النتيجة. وقال اللاعب لبرنامج رياضي: سأغادر فور انتهاء المباراة.")
    assert (a.speaker, b.speaker) == ("المدرب", "اللاعب")


def test_an_admission_is_a_statement():
    (q,) = quotes("واعترف المدرب بأنه أخطأ في اختيار التشكيلة.")
    assert q.text.startswith("أخطأ في اختيار") and q.speaker == "المدرب"


def test_a_description_is_the_fuller_phrase_it_stood_for_earlier():
    # the article named them without a speech verb; later only the noun with ال, or the description
    text = ("حذر برنامج الإغاثة الدولي من تفاقم الأوضاع في المدينة. وقال البرنامج في بيان إن المخابز ستتوقف.\n\n"
            "وأطل المطرب الكويتي سالم حمدان وسط الهتاف. وقال المطرب الكويتي في نهاية الحفل: سعيد جدا بهذه الليلة.\n\n"
            "وكتبت صحيفة «الأخبار» المحلية عن الأزمة. وقالت الصحيفة إن الحكومة لم ترد على الأسئلة.\n\n"
            # what a group did, or a surname after a rank, is no name of the description
            "وحمل المتظاهرون نعشا مغطى بالعلم. وقال المتظاهرون إن الفساد مستمر.\n\n"
            "وتسلم العقيد الحربي رتبته الجديدة. وقال العقيد الحربي إن الثقة كبيرة.")
    assert [q.speaker for q in quotes(text)] == ["برنامج الإغاثة الدولي", "سالم حمدان", "صحيفة «الأخبار» المحلية",
                                                 "المتظاهرون", "العقيد الحربي"]


def test_a_courtesy_title_and_a_bare_title_are_the_person_named_with_them():
    text = ("وذكرت رئيسة اللجنة، سلمى الزهراني، أن الجمعية تسعى إلى دعم المرأة. وقالت السيدة الزهراني إن المعرض سيفتتح غدا.\n\n"
            "وقال المفوض العام لوكالة الإغاثة يوهان كارلسون، إن المدينة تحتاج إلى مساعدات. "
            "وأكد المفوض مقتل عشرة من موظفي الوكالة. وقال المتحدث لوكالة الأنباء الرسمية إن الوضع هادئ.\n\n"
            "قالت وزارة الخارجية الأميركية إن الاشتباكات مقلقة. "
            "ونفت وزيرة الخارجية الرواندية سارة موغابي أي علاقة لبلدها بالاشتباكات.")
    a, b, c, d, e, *rest = quotes(text)
    assert a.speaker == b.speaker == "سلمى الزهراني"
    assert "يوهان كارلسون" in c.speaker and d.speaker == c.speaker
    assert d.text.startswith("مقتل عشرة")
    assert e.speaker == "المتحدث"  # whom he spoke to is no part of his title
    # a minister named after a ministry is not that ministry
    assert all(q.speaker == "وزارة الخارجية الأميركية" or "موغابي" in (q.speaker or "") for q in rest)


def test_a_plural_subject_before_a_present_tense_after_a_fronted_time_phrase_is_the_speaker():
    # the standfirst's order: a time phrase, a comma, the subject, then يؤكدون أنّ
    (q,) = quotes("بعد ثلاثة أشهر من الإضراب، عمال المصنع يؤكدون أنّ الإدارة لم تدفع أجورهم حتى الآن.")
    assert q.text.startswith("الإدارة لم تدفع أجورهم") and q.speaker == "عمال المصنع"
    # a subject whose first letter is و is not cut to "زارة الصحة"
    (q,) = quotes("في خطوة مفاجئة، وزارة الصحة تعلن إغلاق المستشفى الرئيسي في المدينة.")
    assert q.speaker == "وزارة الصحة"


def test_an_official_is_not_the_officials_named_before():
    # "مسؤول أوروبي" is an edit or two from "مسؤولون أوروبيون", but one official is not the group
    text = ("مسؤولون أوروبيون يؤكدون أنّ المفاوضات لم تصل إلى اتفاق بعد.\n\n"
            "وقال مسؤول أوروبي اليوم إنّ الجولة المقبلة ستعقد في جنيف.")
    a, b = quotes(text)
    assert a.speaker == "مسؤولون أوروبيون"
    assert b.speaker == "مسؤول أوروبي"


def test_a_counterpart_named_in_apposition_speaks_with_a_noun_object():
    # "نظيره" introduces a name as any title does; the name, named before, is the subject of "أكد ..."
    text = ("بحث وزير الخارجية المصري، كريم عادل، مع نظيره الفرنسي، جان بيرو، آخر التطورات. "
            "من جانبه، أكد جان بيرو الدعم الكامل لجهود الوساطة، لافتاً إلى أن الحل قريب.")
    a, b = quotes(text)
    assert a.text.startswith("الدعم الكامل") and a.speaker == b.speaker == "جان بيرو"


def test_a_title_and_a_name_before_the_verb_after_an_run_to_eight_words():
    text = ("قال الوزير إن الوضع صعب. يذكر أن الأمين العام لحلف الناتو ينس يانسن أفاد في وقت سابق بأن الدعم "
            "تجاوز مليار يورو.")
    assert "ينس يانسن" in quotes(text)[1].speaker


def test_a_headline_speaker_before_whom_it_spoke_to():
    # 'X لـ "outlet": ...': the outlet after لـ is whom it was said to, X is the speaker
    text = ('وزير المالية لـ "الصباح": العجز سينخفض إلى النصف العام المقبل\n\n'
            'قال وزير المالية إن الحكومة ستخفض الإنفاق على المشاريع الجديدة.')
    a, b = quotes(text)
    assert a.text.startswith("العجز سينخفض") and a.speaker == "وزير المالية"


def test_a_subject_before_the_verb_speaks_when_a_preposition_follows_the_verb():
    (q,) = quotes("الأردن يؤكد من منبر الجامعة العربية أن الحل يبدأ بوقف فوري لإطلاق النار.")
    assert q.speaker == "الأردن"
    # "قال فيها": in it, said the one just named (not the sentence before the verb)
    a, b = quotes("قال المدرب سالم العلي إن الفريق جاهز. وتوجه سالم برسالة للاعبين؛ قال فيها إن الطريق صعب.")
    assert b.speaker == a.speaker == "المدرب سالم العلي"


def test_the_topic_of_amma_fa_is_the_speaker():
    text = ("قال أحد الخبراء إن السوق راكد. أما صحيفة الوطن فقد قالت في افتتاحيتها إن الأزمة عابرة. "
            "أما سامي 30 عاما فقال: الزواج صعب في هذه الأيام.")
    assert [q.speaker for q in quotes(text)][1:] == ["صحيفة الوطن", "سامي 30 عاما"]
    # (nor does "كان" in a relative clause open a subject)
    text = ("قال الوزير إن الوضع صعب. لكن الحكومة السابقة برئاسة سامي، التي كان يهيمن عليها الحزب، "
            "قالت قبل استقالتها إنها دمرت الأسلحة.")
    assert "يهيمن" not in (quotes(text)[1].speaker or "")


def test_a_quoted_name_or_a_two_word_saying_in_a_headline_is_the_speakers():
    a, b = quotes('"صوت المدينة": الحملة على الفساد فشلت\n\nوقالت صحيفة "صوت المدينة" المحلية إن الحملة فشلت.')
    assert a.text.startswith("الحملة على الفساد") and a.speaker == b.speaker == 'صحيفة "صوت المدينة" المحلية'
    a, b = quotes("الحربي: لست هلاليا\n\nوقال اللاعب خالد الحربي إنه لا يشجع الهلال.")
    assert a.text == "لست هلاليا" and a.speaker == b.speaker


def test_a_standfirsts_second_present_tense_after_wa_is_its_subjects_statement():
    a, = quotes("وزير الخارجية المصري، كريم عادل، يبحث مع نظيره الفرنسي آخر التطورات، ويؤكد دعم القاهرة لسيادة القانون.")
    assert a.text.startswith("دعم القاهرة") and a.speaker == "كريم عادل"
    a, b = quotes('نائب رئيس المجلس سامي الحداد يعلن أن الغرب يشارك في الحرب، ويؤكد أن "النهاية أصبحت أقرب".')
    assert b.text == "النهاية أصبحت أقرب" and b.speaker == a.speaker


def test_a_quoted_word_deep_in_a_noun_object_is_a_name_and_lakin_opens_the_subject():
    text = ("لكن المتحدث باسم وزارة الداخلية نفى تسلم وزارته أي طلب رسمي من الجيران بذريعة الخوف من تمدد «داعش» "
            "في البلاد.")
    (q,) = quotes(text)
    assert q.text.startswith("تسلم وزارته أي طلب") and q.speaker == "المتحدث باسم وزارة الداخلية"
    (q,) = quotes("وأكد مصدر أمني لـ«الوطن» سيطرة القوات على المدينة بعد معارك عنيفة.")
    assert q.text.startswith("سيطرة القوات") and q.speaker == "مصدر أمني"


def test_a_demonstrative_and_its_noun_speak_and_a_lead_source_may_end_at_its_fa_inna():
    text = ("قال السفير إن العلاقات متميزة. وذكرت هذه التقارير أن إجراءات الرقابة تشمل وجهة المسافر. "
            "وحسب تلك المصادر فإن السلطات فرضت إجراءات خاصة على السفر.")
    assert [q.speaker for q in quotes(text)] == ["السفير", "هذه التقارير", "تلك المصادر"]
    (q,) = quotes("ووفقا لبيان الجيش فإن عشر غارات نفذت قرب المدينة.")
    assert q.text.startswith("عشر غارات") and q.speaker == "بيان الجيش"


def test_a_speech_verb_after_an_institutions_first_verb_is_the_institutions():
    # the sentence's own subject, not the speaker of the sentence before
    text = ("قالت الوكالة إن الإعصار قوي. وأصدرت هيئة الأرصاد الجوية الوطنية تحذيرا في ساعة متأخرة وقالت إن "
            "الإعصار يقترب من الساحل. واستقبلت وزارة الصحة الوفد، مؤكدة أن التعاون مستمر.")
    assert [q.speaker for q in quotes(text)] == ["الوكالة", "هيئة الأرصاد الجوية الوطنية", "وزارة الصحة"]


def test_the_person_an_opening_verb_names_speaks_in_the_participle_after_it():
    # the subject of a verb that is no speech verb ("شرح", "فضل", "كتب", "حذر ... من") is who speaks in the
    # participle or the bare "وقال:" after it, not the speaker of the sentence before
    before = "قال المحافظ إن الموسم جيد. "
    (_, q) = quotes(before + "وشرح مدير فرع الزراعة في المحافظة محمد بن منصور القرني جهود الوزارة، "
                             "مشيراً إلى أن أكثر من 4000 مزرعة تنتج العنب.")
    assert q.speaker == "محمد بن منصور القرني"
    (_, q) = quotes(before + "وفضل المدرب محسن أبو الخير أن يسافر إلى القاهرة، وقال: الوعكة جعلتني أعرف "
                             "محبة الجماهير.")
    assert q.speaker == "محسن أبو الخير"
    (_, q) = quotes(before + "حذر استشاري الأمراض المعدية الدكتور عبدالله المهيزعي من صرف المضادات الحيوية، "
                             "مؤكداً أن هناك أطباء يجهلون خطورتها.")
    assert q.speaker == "عبدالله المهيزعي"
    (_, q) = quotes(before + "وقد كتب الممثل فايز المالكي في حسابه على تويتر قائلاً: وجهت لي دعوة ثم ألغيت.")
    assert q.speaker == "فايز المالكي"
    # a title and what it is the title of are no name: "الناطق باسم الخارجية" is the spokesman named before
    a, b = quotes("قال المتحدث باسم وزارة الخارجية السفير أحمد حافظ إن العلاقات قوية. وجدد الناطق باسم "
                  "الخارجية رفض التدخل في الشؤون الداخلية، مشدداً على أن التضامن العربي ضروري.")
    assert b.speaker == a.speaker


def test_a_courtesy_title_before_a_surname_is_the_full_name_given_before():
    text = ("أوضح ذلك مدير الأكاديمية الدكتور وليد باصمد. وبين باصمد أن البرنامج ناجح. وأشار الدكتور باصمد "
            "إلى أن تسعة موظفين استفادوا من الدورة.")
    a, b = quotes(text)
    assert a.speaker == b.speaker == "وليد باصمد"


def test_a_speech_verb_that_said_nothing_read_names_who_speaks_next():
    # "نفت X أي علاقة ..." has no clause the reader takes; the "وقالت:" after it is still X's
    text = ("قال الوزير إن الوضع مستقر. ونفت وزيرة الخارجية الرواندية لويز موشيكيوابو أي علاقة لبلدها "
            "بالاشتباكات، وقالت: أعتقد أن من الأفضل التركيز على القضايا الداخلية.")
    assert quotes(text)[-1].speaker == "لويز موشيكيوابو"


def test_an_adjunct_between_a_subject_and_its_verb_is_no_name():
    text = ("قال المدهون إن الرسالة واضحة. الكاتب والمحلل السياسي حسام طالب، وفي حديثه إلى الميادين، قال إن "
            "مسيرة الشهداء يجب أن تستمر. الكاتب والمحلل السياسي الفلسطيني، إبراهيم المدهون، قال في حديث "
            "للميادين، إن الحركة بعثت برسالة واضحة.")
    _, b, c = quotes(text)
    assert b.speaker == "الكاتب والمحلل السياسي حسام طالب"
    assert c.speaker == "إبراهيم المدهون"


def test_manner_and_honorifics_in_the_subjects_slot_and_a_semicolon_ending_it():
    # "قال ببرود": how, not who; "سعادته": the director named with that title; a semicolon ends the subject
    text = ("أوضح ذلك مدير الأكاديمية الدكتور وليد باصمد. وبين باصمد أن البرنامج ناجح. وأضاف سعادته أن "
            "فكرة البرنامج انطلقت من الحاجة. وعندما أخبرناه بالوضع قال ببرود مهني: سوف أتصل بالطبيب حالا.")
    assert [q.speaker for q in quotes(text)] == ["وليد باصمد"] * 3
    text = ("قالت مصادر مطلعة إن المحادثات مستمرة. وفي وقت لاحق قالت \"اكسور\" الايطالية القابضة؛ وهي شركة "
            "الاستثمار لعائلة أنييلي ومساهم رئيس في فيات كرايسلر، انها تجري محادثات لزيادة حصتها.")
    assert quotes(text)[-1].speaker == '"اكسور" الايطالية القابضة'


def test_how_and_by_whose_account_after_the_subject_are_no_part_of_it():
    text = ("أعلنت إسبانيا بشكلٍ رسمي، أنّها ستعترف بالدولة الفلسطينية. وقالت اللجنة في دراستها إن الحوادث تراجعت "
            "هذا العام. وكشف التقرير الـ 51 الصادر حديثًا أن عدد البطاقات ارتفع.")
    assert [q.speaker for q in quotes(text)] == ["إسبانيا", "اللجنة", "التقرير"]
    text = "أفادت مصادر إعلامية بأن المواجهات استمرت. وأفاد المصادر بحسب سكاي نيوز كذلك بأن التحالف شن غارات."
    assert [q.speaker for q in quotes(text)] == ["مصادر إعلامية", "مصادر إعلامية"]


def test_a_name_in_apposition_may_start_as_a_preposition_does():
    # "فيصل" opens as في, "منصور" as من, "بول" as ب: names, not the particles ("بدوره"، "لذلك" are)
    text = ("وقال أمير المنطقة، فيصل بن خالد، إن المشروع سيكتمل. وقال المتحدث باسم الوزارة، منصور التركي، إن "
            "التحقيق مستمر. وقال رئيس المحكمة، بول بافو بوني، إن أسباب القرار ستعلن لاحقا. وقال المتحدث، "
            "بدوره، إن الجلسة انتهت.")
    assert [q.speaker for q in quotes(text)] == ["فيصل بن خالد", "منصور التركي", "بول بافو بوني", "المتحدث"]
    # a quote that opens with a negation is no name after the title and its name ("لا تخطئوا")
    (a, b) = quotes('ففي نيسان قال وزير الخزانة جاك ليو، "لا تخطئوا. سنستمر في استخدام وسائلنا". وأضاف، "إن الدولة تعلم".')
    assert a.speaker == b.speaker == "وزير الخزانة جاك ليو"


def test_who_declines_to_comment_speaks_in_the_participle_after():
    text = ("وقالت شرطة المدينة إن التحقيق جاء بعد بلاغ. ورفض ممثلو الأمن العام التعليق اليوم قائلين إنه ليس "
            "لديهم المزيد من المعلومات. كما رفضت شركة الهواتف التعليق قائلة إن التحقيق لا يزال مستمرا.")
    assert [q.speaker for q in quotes(text)] == ["شرطة المدينة", "ممثلو الأمن العام", "شركة الهواتف"]


def test_a_relatives_verb_and_a_title_of_a_ministry_take_no_subject_of_their_own():
    # "X استند إلى إحصاءات، وإلى ما قال إنها": the ما قال is X's, named before; "السفير Y، وكيل وزارة
    # الخارجية" is no rank before the name "وزارة الخارجية"
    a, b = quotes("قال الخبير شاهين قبادي إن الخسائر ضخمة. السيد قبادي استند إلى إحصاءات رسمية، وإلى ما قال "
                  "إنها تصريحات لمسؤولين.")
    assert a.speaker == b.speaker == "الخبير شاهين قبادي"
    (q,) = quotes("وأكد السفير عبد الله عبد اللطيف عبد الله، وكيل وزارة الخارجية أن هذه التصريحات مرفوضة.")
    assert q.speaker != "وزارة الخارجية"


def test_the_outlet_told_where_and_a_long_title_chain_leave_the_speaker_whole():
    # "أوضح لـ«X» مدير ...": to whom, then who; a title chain over twelve words that ends in a courtesy
    # title and a name; where it was said ("أمام ..."), "في معرض ...", "من جهته", "بقوله", "رحمه الله"
    text = ("وأوضح لـ«الصحيفة» مدير إدارة المشاريع في الهيئة المهندس سامي الخالدي أن الأعمال تقدمت. "
            "وأوضح مدير عام الإدارة العامة للتدريب والابتعاث رئيس لجنة التدريب في الموسم الدكتور نبيل العتيبي "
            "أن البرامج بدأت. وقال رئيس البلدية أمام أعضاء المجلس البلدي: \"سنفتح الطريق قريبا\". "
            "وأكد الوزير في معرض رده على الأسئلة أن الميزانية كافية. وأكد المدير التنفيذي للفرع ماجد "
            "بن سالم آل حمد من جهته أن العمل مستمر. وأوضح المشرف عادل الزهراني بقوله: الصيانة مستمرة. "
            "ويقول الشاعر خالد الفيصل رحمه الله: سلام على الديار.")
    assert [q.speaker for q in quotes(text)] == [
        "مدير إدارة المشاريع في الهيئة المهندس سامي الخالدي",
        "مدير عام الإدارة العامة للتدريب والابتعاث رئيس لجنة التدريب في الموسم الدكتور نبيل العتيبي",
        "رئيس البلدية", "الوزير", "المدير التنفيذي للفرع ماجد بن سالم آل حمد", "المشرف عادل الزهراني",
        "الشاعر خالد الفيصل"]
    # إمام (a title) folds as أمام (before) does
    (q,) = quotes("أكد إمام وخطيب المسجد الكبير الشيخ فهد السالم أن الأمن راسخ.")
    assert q.speaker == "إمام وخطيب المسجد الكبير الشيخ فهد السالم"


def test_a_name_or_abbreviation_in_brackets_closes_and_a_long_gloss_is_dropped():
    text = ("قالت المنظمة العربية للتنمية الزراعية (أوداد) اليوم إن الإنتاج ارتفع. وقال الدكتور سعيد الحربي "
            "(شقيق الفقيد الراحل محمد رحمه الله) عبر حسابه: \"كان طيب القلب\".")
    assert [q.speaker for q in quotes(text)] == ["المنظمة العربية للتنمية الزراعية (أوداد)", "الدكتور سعيد الحربي"]


def test_a_surname_is_the_name_written_before_it_most_often_and_a_title_takes_a_name_to_its_comma():
    # the headline's "X يهاجم Y" is no given name "يهاجم"; "الرئيس الكيني" is the three-word name written
    # after it before a comma, not its first two words
    text = ("روتو يهاجم موسيفيني بسبب الحدود\n\n"
            "رد الرئيس الأوغندي يوري موسيفيني على انتقادات الرئيس الكيني جوزيف ساموي روتو بشأن الحدود.\n\n"
            "انتقد الرئيس الكيني جوزيف ساموي روتو، اليوم الأربعاء، سياسة جاره.\n\n"
            "ونقلت وسائل إعلام محلية عن موسيفيني قوله إن \"روتو لا يعرف تاريخ المنطقة\".\n\n"
            "وأشار الرئيس الكيني إلى أن \"الحدود مرسومة منذ عقود\".")
    assert [q.speaker for q in quotes(text)] == ["يوري موسيفيني", "جوزيف ساموي روتو"]


def test_the_participle_after_an_opening_verb_of_any_form_is_its_subjects():
    # "انتقد الرئيس X، ...، متسائلاً": an opening افتعل past whose subject is a rank, an adjective and a name;
    # "دعت وزارة ... السلطات ...، مؤكدة": an institution after an opening form-I past
    text = ("قال المتحدث باسم الشرطة إن التحقيق مستمر.\n\n"
            "انتقد الرئيس البرازيلي لويس كارلوس سيلفا، اليوم الأربعاء، سياسة جاره، متسائلاً: \"لماذا الصمت\".\n\n"
            "دعت وزارة الخارجية المصرية السلطات الليبية أمس إلى الحوار، مؤكدة أن أمن المنطقة واحد.")
    assert [q.speaker for q in quotes(text)] == ["المتحدث باسم الشرطة", "لويس كارلوس سيلفا", "وزارة الخارجية المصرية"]


def test_a_name_that_opens_with_a_hamza_and_al_is_no_article_in_apposition():
    # "ألون"/"إليزابيث" fold to an ال word; the original spells the article without a hamza. And a number in
    # quote marks inside the title ('القناة "13"') is the channel's name, not where the subject ends
    text = ('وقال محلل الشؤون العسكرية في القناة "13"، ألون بن دافيد، إن الوضع خطير. وقالت مراسلة الشؤون '
            "السياسية، إليزابيث هوفمان، إن الوضع صعب.")
    assert [q.speaker for q in quotes(text)] == ["ألون بن دافيد", "إليزابيث هوفمان"]


def test_an_opening_faa3al_past_after_wa_and_a_given_name_that_opens_as_bi_does_name_the_speaker():
    # "وطالب رئيس البعثة بتال العتيبي من اللاعبين ... وقال": the و+فاعل past's subject speaks in the قال after
    # it; "بتال" opens as ب does, a family name of origin after it; "مدرب" is a title as "مدير" is; a title
    # chain over twelve words that ends in a two-word name
    text = ("قال رئيس الاتحاد إن البطولة ناجحة.\n\n"
            "وطالب رئيس البعثة بتال العتيبي من جميع اللاعبين بمضاعفة الجهد وقال خلال اجتماعه إن المباراة صعبة.\n\n"
            "ويقول القيادي في الحزب الديمقراطي وعضو لجنة الشؤون الخارجية في البرلمان الكيني السابق جون موانغي "
            "لـ«الصحيفة» إن «التقدم كبير».")
    assert [q.speaker for q in quotes(text)] == [
        "رئيس الاتحاد", "بتال العتيبي",
        "القيادي في الحزب الديمقراطي وعضو لجنة الشؤون الخارجية في البرلمان الكيني السابق جون موانغي"]


def test_a_demonstrative_object_before_the_subject_and_a_name_spelt_with_ha_are_no_speaker_or_participle():
    # "ويؤكد هذا الرأي، X، Y، الذي اعتبر أن": the demonstrative is what is confirmed, the name after the title
    # speaks; "نافيه" with ه is a surname, not the participle نافية
    text = ("ويؤكد هذا الرأي، أستاذ العلوم السياسية في جامعة الرباط، سعيد الناصري، الذي اعتبر أن الحملة هادئة. "
            "وأكد في هذا الصدد أن القانون يراقب التصريحات.\n\n"
            "وأكد الخبير الاقتصادي، داني نافيه، أن الخطة ستضر بالاقتصاد. وقال نافيه إن الضرر سيطول.")
    assert [q.speaker for q in quotes(text)] == ["سعيد الناصري"] * 2 + ["داني نافيه"] * 2
    assert [q.verb for q in quotes(text)][2:] == ["أكد", "قال"]


def test_a_family_name_named_before_opens_the_subject_whatever_follows_it():
    # "ويتابع الحقباني حديثه قائلا": the surname the article gave with a given name, then its verb's object
    text = ('قال الدكتور سامي الحربي إن الفقيد كان هادئا. وقالت وزارة الإعلام إن الجنازة غدا. ويتابع الحربي '
            'حديثه قائلا: "نحن جميعا نفخر به".')
    assert [q.speaker for q in quotes(text)] == ["الدكتور سامي الحربي", "وزارة الإعلام", "الدكتور سامي الحربي"]


def test_a_name_after_the_outlet_told_runs_to_its_bracket_and_abd_al_is_one_given_name():
    # "يصف لـ«X» عبد الرحمن الحربي (...)، الفقيد بأنه ...، مضيفا:": who describes, to whom, then the object;
    # "عبد الرحمن" is one given name, the family name after it
    text = ('وقالت الوزارة إن الجنازة غدا. يصف لـ"الصحيفة" عبد الرحمن الحربي (ابن أخت الفقيد)، الفقيد بأنه كان '
            'هادئا، مضيفا: "كان يزورنا كل أسبوع".')
    assert [q.speaker for q in quotes(text)] == ["الوزارة", "عبد الرحمن الحربي"]


def test_a_courtesy_title_and_its_adjective_of_origin_before_the_name():
    # "أوضحت الفنانة الشعبية X جوابا على سؤال ...، قالت": the name after the title and its adjective, not the
    # noun after the name; "وقال X مغرداً ... وقال:" after "انتقد المخرج السعودي X"
    text = ("وقالت الوزارة إن الحفل ناجح. انتقد المخرج السعودي سامي الفهد تصرفات الممثل خالد العلي، وقال الفهد "
            "مغرداً عبر حسابه الشخصي وقال: التلفزيون له فضل على كل النجوم.")
    assert [q.speaker for q in quotes(text)] == ["الوزارة", "سامي الفهد"]
    text = ("وقالت الوزارة إن الحفل ناجح. أوضحت المطربة الشعبية سعاد الحمري جوابا على سؤال بخصوص جمهورها، "
            "وقالت إن \"جمهوري يحبني ويتبعني\".")
    assert [q.speaker for q in quotes(text)] == ["الوزارة", "سعاد الحمري"]


def test_a_title_and_a_named_person_outside_any_statement_stand_for_the_later_title():
    # "وطالب المتحدث ... السفير X ...، وأكد المتحدث «...»": the title named with the person in a sentence that
    # states nothing; "ومدير الجامعتين المكلف الدكتور X بن Y Z" in a list; not "جامعة الأمير X" (a genitive)
    text = ("دعت وزارة الخارجية السلطات أمس إلى الحوار. وطالب المتحدث الرسمي باسم الوزارة السفير بدر الشمري "
            "بالالتزام بالميثاق، وذلك تعقيبا على التصريحات، وأكد المتحدث «أهمية حسن الجوار».\n\n"
            "ووقع المذكرتين نائب الوزير الدكتور حمد السالم، ومدير الجامعتين المكلف الدكتور عبد الرحمن بن عبيد "
            "الحربي. وأوضح مدير الجامعتين المكلف أن المذكرتين تأتيان بتوجيهات الوزير.")
    assert [q.speaker for q in quotes(text)][-2:] == ["بدر الشمري", "عبد الرحمن بن عبيد الحربي"]
    (q,) = quotes("حضر الحفل مدير جامعة الأمير سطام بن عبدالعزيز. وقال مدير الجامعة إن الحفل ناجح.")
    assert q.speaker == "مدير الجامعة"



def test_a_clause_after_a_comma_is_no_name_in_apposition_to_a_title():
    # "... السفير X بالالتزام بالميثاق، وذلك تعقيبا على البيانات،": the clause is no one, so a later "البيانات"
    # is the data that showed it, not that clause
    text = ("وطالب المتحدث باسم الوزارة السفير بدر الشمري بالالتزام بالميثاق، وذلك تعقيبا على البيانات، "
            "ثم غادر القاعة. وذكرت البيانات أن الموقف ثابت.")
    assert [q.speaker for q in quotes(text)] == ["البيانات"]


def test_a_preposition_and_its_noun_is_no_subject():
    # "وذكرت بمشاركة نساء ...، مسجلة أن": with the participation of, not who; "بمنطقة جازان" where
    text = ("وقالت رئيسة الجمعية إن السباق مهم. وذكرت بمشاركة نساء من عدد من المناطق التي زارتها القافلة، "
            "مسجلة أن الدورة سبقتها احتفالات.")
    assert [q.speaker for q in quotes(text)] == ["رئيسة الجمعية"] * 2


def test_a_long_subject_holding_a_courtesy_title_and_a_bin_name_is_that_person():
    # ranks, a courtesy title, a name with its بن/آل chain, then the office: more than twelve words
    text = ("أكد معالي الفريق الركن الشيخ حمد بن سالم آل ثاني وزير الداخلية بدولة قطر الشقيقة أن الأمن مستقر، "
            "مشيراً إلى أن التعاون مستمر.")
    assert [q.speaker for q in quotes(text)] == ["حمد بن سالم آل ثاني"] * 2
