"""Figures in forms real copy writes (issue 16): one behaviour per case."""
from __future__ import annotations

import pytest

from factcheck.extract import extract_claims


def figures(text, lang=None):
    return [(c.value, c.unit) for c in extract_claims(text, None, lang) if c.kind == "figure"]


@pytest.mark.parametrize("text,want", [
    ("At one point about 1700 lawsuits had been filed.", [(1700.0, "lawsuits")]),  # a hedge: a count, no year
    ("verdicts were obtained in eight of the trials.", [(8.0, "trials")]),
    ("based on estimates of 160 yen to the dollar", [(160.0, "yen")]),
    ("This was one of the largest engagements to date.", []),                     # "one of" counts nothing
    ("profits in the 1986/87 year", []),                                          # a fiscal year
    ("in 1987 models", []),
    ("The blast hit the bus station killing at least 40 and wounding dozens.", [(40.0, "killed")]),  # a hedge
    ("a war that has killed more than 310,000 and displaced millions", [(310000.0, "killed")]),
    ("The fighting killed 1,200 people in the north.", [(1200.0, "person")]),        # not "killed 1"
    ("Posted at 0915 Aleppo residents said the road was open.", []),               # a time of day
    ("Monday 9 May 2016 19:05 Rebels Advance on the Town", []),                    # a time of day
    ("04-08-2016 Seven Soldiers Killed Near the Border", [(7.0, "soldier")]),      # not "08-2016 Seven"
])
def test_english_forms(text, want):
    assert figures(text, "en") == want


@pytest.mark.parametrize("text,want", [
    ("تظاهروا في بغداد وست محافظات", [(6.0, "state")]),                             # a number word with و
    ("تتراوح بين 160 ألف صاروخ و200 ألف صاروخ", [(160000.0, "rocket"), (200000.0, "rocket")]),
    ("قتل جندياً واحداً على الأقل", [(1.0, "soldier")]),                             # واحدًا after its noun
    ("مباراة فريق وست بروميتش", []),                                               # a name, not six of anything
])
def test_arabic_forms(text, want):
    assert figures(text, "ar") == want


def test_the_tens_of_an_arabic_compound_ordinal_counts_nothing():
    # (only "40 نسخة", forty editions, is a count: the guidelines' counted noun, found since nouns
    # of ن and ة are no longer read as verbs)
    assert figures("وستتوج إسبانيا باللقب للمرة الثانية عشرة من أصل 40 نسخة", "ar") == [(40.0, "نسخه")]
    assert figures("وفاز الفريق باللقب للمرة الحادية عشرة في تاريخه", "ar") == []
    assert figures("وسجل الفريق عشرة أهداف في المباراة", "ar") == [(10.0, "اهداف")]


def test_a_sum_for_each_share_is_its_own_quantity():
    got = figures("سجلت الشركة خسائر قدرها 945.4 مليون ريال (1.23 ريال / للسهم) بنهاية النصف الأول", "ar")
    assert got == [(945400000.0, "riyal"), (1.23, "riyal per share")]


@pytest.mark.parametrize("text,want", [
    # compound units are one unit
    ("ويمتد الطريق مسافة 53 كيلو متر بين المدينتين", [(53.0, "km")]),
    ("وتبلغ سعة الخزان 80.000 متر مكعب من الماء", [(80000.0, "cubic metre")]),
    ("أقيم على مساحة 300 متر مربع وسط الحي", [(300.0, "square metre")]),
    ("The reservoir holds 40 cubic metres of water.", [(40.0, "cubic metre")]),
    # the number in parentheses, then its multiplier
    ("وبلغت الميزانية (167) مليون ريال هذا العام", [(167e6, "riyal")]),
    # a thousands dot never follows a lone 0
    ("بعائدات بنسبة 0.272 في المائة فقط", [(0.272, "percent")]),
    # times of day, "مليونا واحدا" and an addressee after the number count nothing
    ("وتقام الورش من 5 إلى 9 مساء كل يوم", []),
    ("بعدما كان الرقم مليونا واحدا قبل ذلك", []),
    ("وخصصت 46 للكونكاكاف من المقاعد", []),
])
def test_arabic_units_and_digits_of_real_copy(text, want):
    assert figures(text) == want


@pytest.mark.parametrize("text,want", [
    # the dual of a noun whose plural is broken can only be two of it
    ("وسجل المهاجم هدفين في الشوط الأول", [(2.0, "هدف")]),
    ("ووقع انفجاران في وسط المدينة صباحا", [(2.0, "انفجار")]),
    # a masculine sound plural looks the same: no dual read into it
    ("واستقبل المركز زائرين من المدينة", []),
    # a definite dual after the same dual is the same two, said again
    ("وأنقذ الدفاع المدني طفلين من الغرق، ونقل الطفلين إلى المستشفى", [(2.0, "child")]),
    ("فاز الحزب بالمقعدين المخصصين، واحتفظ بالمقعدين البرلمانيين", [(2.0, "مقعد")]),
    # a definite dual after a noun is in apposition to it, no count of its own
    ("وقتل القيادي وابنيه العضوين في التنظيم", []),
])
def test_arabic_duals(text, want):
    assert figures(text) == want


def test_a_smaller_multiple_after_wa_is_added_to_the_larger_one():
    # the dual multiplier, digits with a multiplier, and a multiplier alone each take the part after و
    got = figures(
        "وقال الوزير إن الميزانية بلغت مليارين و378 مليون دولار، مقابل 3 ملايين و200 ألف ريال للبلدية "
        "ومليار و500 مليون دينار للمشاريع.", "ar")
    assert got == [(2378000000.0, "dollar"), (3200000.0, "riyal"), (1500000000.0, "dinar")]


@pytest.mark.parametrize("text,want", [
    # the open class of counted nouns: a noun may start with و or ف, or with ن/ت and end in ة
    ("وافتتحت البلدية 9 آلاف وحدة سكنية", [(9000.0, "وحده")]),
    ("وحضر الاجتماع 14 وزيرا من الدول الأعضاء", [(14.0, "وزير")]),
    ("وتأهل 16 فريقا إلى الدور الثاني", [(16.0, "فريق")]),
    ("وأغلق المؤشر عند 7412 نقطة", [(7412.0, "نقطه")]),
    ("وأجرى المختبر 35 تجربة جديدة", [(35.0, "تجربه")]),
    # ... but not the next clause's verb or verbal noun after a number
    ("قتل 4 وأصيب آخرون", []),
    ("أسفر القصف عن مقتل 6 وإصابة آخرين", []),
    ("وصوت 150 نائبا من أصل 210 حضروا الجلسة", [(150.0, "نايب")]),
    # a preposition's object is not what is counted ("ستاندرد آند بورز 500 بمقدار ...")
    ("وارتفع مؤشر السوق 500 بمقدار كبير", []),
    ("حضرت الفنانة الدورة 42 لمهرجان الأغنية", []),
])
def test_arabic_open_class_nouns(text, want):
    assert figures(text, "ar") == want


def test_a_time_of_day_counts_nothing():
    assert figures("وصل سعر الخام بحلول الساعة 0915 بتوقيت غرينتش", "ar") == []
    assert figures("تستمر الحملة حتى الساعة الواحدة ظهرا", "ar") == []
    assert figures("انتظر المراجعون ساعة واحدة", "ar") == [(1.0, "hour")]


def test_a_range_takes_the_multiplier_after_its_high_end():
    assert figures("وقدر المحلل الصفقة بين 200 و300 مليون استرليني", "ar") == [(200e6, "pound")]
    # a smaller multiple after و is added, not a range
    assert figures("بلغ الفائض خمسة مليارات و120 مليونا و300 ألف ريال", "ar") == [(5120300000.0, "riyal")]


def test_a_number_like_a_year_before_a_noun_is_a_count_unless_a_year_is_meant():
    assert figures("وضبطت الجمارك 1420 جهازا مهربا", "ar") == [(1420.0, "جهاز")]
    assert figures("وتمت زيارة الموقع في 2014 بعد الافتتاح", "ar") == []
    assert figures("سجلت الهيئة للعام 2013 بكامله أرقاما قياسية", "ar") == []
    assert figures("نظمت الجمعية نسخة 2016 من جائزة الإبداع", "ar") == []


def test_a_compound_number_read_from_its_second_word():
    assert figures("أسفر الحادث عن استشهاد (13) ثلاثة عشر مصليا", "ar") == [(13.0, "مصليا")]


def test_a_percent_sign_typed_before_its_number():
    assert figures("تراجع العجز من %8.4 إلى %3.1 خلال العام", "ar") == [(8.4, "percent"), (3.1, "percent")]
    assert figures("وبلغت نسبة الزوار الأجانب 35%وكان معظمهم", "ar") == [(35.0, "percent")]
    assert figures("ارتفعت المبيعات 20% و15% على التوالي", "ar") == [(20.0, "percent"), (15.0, "percent")]


def test_a_trillion_is_a_multiplier():
    assert figures("تبلغ قيمة الأصول 2.6 تريليون دولار", "ar") == [(2.6e12, "dollar")]
    assert figures("تدير الصناديق (5.1) تريليونات تخص دولا عدة", "ar") == []


def test_a_part_of_a_definite_whole_is_counted():
    assert figures("شارك في الدورة 250 من المعلمين", "ar") == [(250.0, "معلمين")]
    assert figures("أصيب 12 من الأطفال في الحادث", "ar") == [(12.0, "child")]
    assert figures("يبدأ العام الدراسي في 20 من الشهر", "ar") == []


def test_a_number_glued_to_the_article_counts_only_a_listed_unit():
    assert figures("وصل سعر التذكرة إلى الـ350 ريال", "ar") == [(350.0, "riyal")]
    assert figures("نصت المادة الـ12 من النظام على ذلك", "ar") == []


def test_rates_pronouns_and_clock_minutes_count_nothing():
    assert figures("بلغت كلفة الإنتاج 40 دولارا للبرميل الواحد", "ar") == [(40.0, "dollar")]
    assert figures("صنفت المدينة بأنها واحدة من الأجمل", "ar") == []
    assert figures("وهو واحد الأعضاء المؤسسين", "ar") == []
    assert figures("تعد الجمعية واحدة من أقدم الجمعيات", "ar") == []
    assert figures("تحرك القطار عند الساعة 16:30 متأخرا", "ar") == []
    assert figures("بلغ عدد المسجلين 9 آلاف بنهاية العام", "ar") == []


def test_nouns_of_fa_a_count_after_min_and_digits_glued_to_a_word():
    assert figures("امتد الحريق من 300 فدان إلى 900 فدان", "ar") == [(300.0, "فدان"), (900.0, "فدان")]
    assert figures("يقبل المتقدمون من عمر 18 فأكثر", "ar") == []
    assert figures("قدمت العيادات خدماتها لأكثر من 1400 حالة", "ar") == [(1400.0, "حاله")]
    assert figures("وصلت قافلة تحمل12 طنا من الأدوية", "ar") == [(12.0, "ton")]
    assert figures("افتتح مركز صحي الروضة2، ومركز آخر", "ar") == []
    assert figures("كان من بين الـ 14 رجلا الذين سافروا", "ar") == [(14.0, "رجل")]


def test_a_number_in_guillemets_counts_like_one_in_parentheses():
    assert figures("وأعلنت الوزارة توظيف «2500» من الخريجين", "ar") == [(2500.0, "خريجين")]
    assert figures("وحصل اللاعب على القميص رقم «9» هذا الموسم", "ar") == []


def test_a_sum_with_thousands_dots_and_cents():
    assert figures("بتكلفة إجمالية بلغت 45.120.000.50 ريال", "ar") == [(45120000.5, "riyal")]
    assert figures("بتكلفة بلغت 45.120.000 ريال", "ar") == [(45120000.0, "riyal")]


@pytest.mark.parametrize("text,want", [
    # before a multiplier the dot is a decimal point, never a thousands dot ("80.000 متر مكعب" above is)
    ("وانخفضت الصادرات إلى 6.935 ملايين برميل يوميا", [(6935000.0, "barrel")]),
    ("وبلغت مبيعات الشركة 42.095 مليار ريال في الربع الثاني", [(42095000000.0, "riyal")]),
    # half a multiple
    ("وأعرب أكثر من نصف مليون شخص عن تأثرهم", [(500000.0, "person")]),
    ("يصل ثمنها إلى مليون ونصف مليون دولار تقريبا", [(1500000.0, "dollar")]),
    ("بلغت التكلفة ثلاثة ملايين ونصف ريال", [(3500000.0, "riyal")]),
])
def test_arabic_decimals_and_halves_before_a_multiplier(text, want):
    assert figures(text, "ar") == want


def test_a_noun_of_nun_after_a_number_is_counted():
    # ن opens the verbs of "we", not of the clause after a number: "6 نقاط", "26 نجوم" are what it counts
    assert figures("وتمكن المنتخب من حصد 6 نقاط في المجموعة", "ar") == [(6.0, "نقاط")]
    assert figures("يتصدر الفريق الترتيب و4 مليارات تخص الدعم", "ar") == []  # ي and ت still open verbs


@pytest.mark.parametrize("text,want", [
    # "one of" a group says what something is, it counts nothing
    ("والإمارات واحدة من دول عديدة في الخليج تتهم إيران", []),
    ("وتبقى البطالة واحدة من التحديات أمام الحكومة", []),
    ("وتعد المدينة واحدة من أهم المدن السياحية", []),
    # ... but one of two is a dual's two
    ("وعثر على الطفل في واحد من قفصين خلف المنزل", [(2.0, "قفص")]),
    # a number word after the clause's own words after و: no noun before it
    ("وكل واحد منهم يعرف دوره", []),
    ("ولا واحدة من الشركات تقدمت", []),
    ("وتقاسم الفريقان النقاط ويعتبر واحدا من أفضل المدربين", []),
    # after a noun it counts, "من" or not
    ("قتل شخص واحد من سكان القرية", [(1.0, "person")]),
    ("سجلت حالة وفاة واحدة", [(1.0, "وفاه")]),
])
def test_one_of_a_group_is_no_count(text, want):
    assert figures(text, "ar") == want


@pytest.mark.parametrize("text,want", [
    # the nominative dual of a listed noun is two, whatever its plural
    ("وتقدم مواطنان بطلب لمنع التوقيع على القانون", [(2.0, "person")]),
    ("وقتل مدنيان في القصف على البلدة", [(2.0, "civilian")]),
    ("وهاجمت حركة طالبان مركزا للشرطة", []),                                   # the movement
    # a verbal noun of تفعيل after a number is what it counts, not a verb
    ("ويتضمن الميثاق 100 تدبير لتعزيز التمويل", [(100.0, "تدبير")]),
    # "إثر" after a number opens a clause
    ("تلقى تهديدا من فتاة من عرب 48 اثر حصوله على المقطع", []),
    # a no-break space between a number and its noun
    ("سقط أكثر من 300 \xa0قذيفة على البلدتين", [(300.0, "rocket")]),
    # a number word after its noun with its ten: fifteen
    ("وأغلقت قطاعات السوق الخمسة عشر على ارتفاع", [(15.0, "السوق")]),
    # a round's name, a rank's adverb, a future verb: no count
    ("وتأهل المنتخب إلى دور الستة عشر", []),
    ("وجاءت الجامعة في المرتبة 107 عالميا", []),
    ("وأكد أن الموسم رقم 7 سيتميز بالمفاجآت", []),
    ("ووقعت الحكومة 5 سياسات جديدة", [(5.0, "سياسات")]),
])
def test_arabic_duals_nouns_and_teens(text, want):
    assert figures(text, "ar") == want


@pytest.mark.parametrize("text,want", [
    ("وشهدت المباراة التي انتهت بالتعادل 1/1 ركلة جزاء مثيرة", []),            # a score
    ("وسجل بهدف في الدقيقة 36 من الشوط الأول", []),                            # a moment of the match
    ("وأحرز الهدف قبل ثماني دقائق من النهاية", [(8.0, "minute")]),               # minutes are counted
    ("أضف 1 / 4 كوب من الماء", []),                                              # a fraction's denominator
    ("هاجم القرش اللاعب /34 عاما/ عندما كان يسبح", [(34.0, "year")]),           # SPA's aside in slashes
])
def test_scores_and_moments_of_a_match_are_no_counts(text, want):
    assert figures(text, "ar") == want


@pytest.mark.parametrize("text,want", [
    # a plural noun after the counted noun is the head, the first its modifier
    ("The allies reported 13 alleged chemical weapons attacks during the war.", [(13.0, "attack")]),
    ("The jets hit 33 weapons emplacements near the border.", [(33.0, "emplacements")]),
    ("The raid killed 20 civilians days after the truce.", [(20.0, "civilian")]),  # no head: a time after
    ("More than 50 rebels jihadists were killed.", [(50.0, "rebels")]),            # a list without its comma
    # a hyphenated adjective, a plural in -people / -men
    ("Six long-range bombers struck the city.", [(6.0, "bombers")]),
    ("The company will hire 145 new salespeople by October.", [(145.0, "salespeople")]),
    ("The toll was 969 women and 3110 men.", [(969.0, "woman"), (3110.0, "man")]),
    # a fraction of a multiplier
    ("A quarter of a million people have been killed.", [(250000.0, "person")]),
    # a verb after a multiplier is no unit: what it counts is elided, as in "500,000 fled"
    ("By May half a million fled the valley.", []),
    ("By May half a million residents fled the valley.", [(500000.0, "residents")]),
])
def test_english_nouns_of_a_count(text, want):
    assert figures(text, "en") == want


@pytest.mark.parametrize("text,want", [
    # a number in quote marks counts its noun, as one in guillemets does
    ("بلغ عدد السيارات “676,962” سيارة وشاحنة", [(676962.0, "vehicle")]),
    ('وصل "50" شخصا إلى المخيم', [(50.0, "person")]),
    # digits then the same number in words: read from the words
    ("بارتفاع مسموح قدره (25) خمسة وعشرون مترا", [(25.0, "metre")]),
    # a dual's spelling with the article after من is the plural
    ("بحضور عدد من القياديين والمسؤولين", []),
])
def test_quoted_numbers_restated_numbers_and_definite_plurals(text, want):
    assert figures(text, "ar") == want


@pytest.mark.parametrize("text,want", [
    # a hundred and what is added to it, in words: the whole number, not its last word or none
    ("بني المسجد قبل مائة وخمسين عاما في المدينة.", [(150.0, "year")]),
    ("بلغ عدد الحضور مائتين وعشرة أشخاص.", [(210.0, "person")]),
    ("وبلغ عدد المصابين مائتان وثمانية وتسعون شخصا.", [(298.0, "person")]),
    ("وتبرع المحسن بمبلغ مائة وخمسين ألف ريال.", [(150000.0, "riyal")]),
])
def test_arabic_hundreds_and_what_follows_them_in_words(text, want):
    assert figures(text, "ar") == want


def test_cells_of_a_wire_table_are_no_counts():
    # a quota table: a number and a country's name between column gaps are two cells, not "7,500 belgiums"
    table = "QUOTA 1987\n\nIMPORTS     ALLOCATIONS BELGIUM      nil          12,400 NETHERLANDS      nil          7,500\n"
    assert figures(table, "en") == []
    # prose keeps its count, a double space in it or not
    assert figures("The  survey covered 250 companies  in all.", "en") == [(250.0, "companies")]


@pytest.mark.parametrize("text,want", [
    # a number word after the preposition ب or ل counts its noun, listed or not
    ("أقامت الشركة حفلا بثلاثة مواقع رئيسية.", [(3.0, "مواقع")]),
    ("فاز الفريق بخمسة أهداف دون مقابل.", [(5.0, "اهداف")]),
    ("واستمر المدرب مع النادي لثلاثة مواسم.", [(3.0, "مواسم")]),
])
def test_a_number_word_after_bi_or_li_counts_its_noun(text, want):
    assert figures(text, "ar") == want
    # ("لست أدري" is "I do not know", and "وست بروميتش" a club: no six of anything)
    assert figures("وقال لست أدري ما حدث.", "ar") == []


def test_the_one_x_counts_only_beside_a_rate():
    # "the one homeland", "the fingers of one hand": no count of one
    assert figures("ودعا إلى نبذ الفوضى بين أبناء الوطن الواحد.", "ar") == []
    assert figures("وعدد المطورين قليل لا يتعدى أصابع اليد الواحدة.", "ar") == []
    # a price for each: the one is the rate's unit
    assert figures("ويدفع الزائر عشرة ريالات مقابل الصورة الواحدة.", "ar") == [(10.0, "riyal"), (1.0, "الصوره")]


def test_a_count_before_its_participle_in_a_list_of_tolls_is_that_participles():
    # "100 civilians killed 700 injured": 700 injured, not 700 more killed
    assert figures("Over 60 villagers killed 300 injured in the quake", "en") == [
        (60.0, "villagers"), (300.0, "injured")]
    # a verb with its own count after it keeps the first count: five killed, nine wounded others (no noun)
    assert figures("Two bombs killed 5 wounded 9 others in the market.", "en") == [(2.0, "bombs"), (5.0, "killed")]
