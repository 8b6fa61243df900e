"""Word lists the matcher needs, written naturally and folded like the text.

Every list goes through ``match_tokens`` at import time, so an entry written
"وقال" or "الإثنين" is stored in the same form the matcher compares.
"""
from __future__ import annotations

from factcheck.text.normalize import match_tokens


def _fold(words: str) -> frozenset[str]:
    out: set[str] = set()
    for w in words.split():
        out.update(match_tokens(w))
    return frozenset(out)


# Function words that carry no topic. Speech verbs are here too: "said" and
# "stated" must not make two reports differ or look alike.
STOP_WORDS = _fold(
    """
    في من على إلى الى عن أن إن ان كان كانت يكون تكون هذا هذه ذلك تلك هؤلاء التي الذي الذين اللذين
    قد لقد ما ماذا مع بين حول بعد قبل عند كما أو او ثم حتى لدى عبر خلال ضمن منذ هو هي هم هن نحن أنا
    انه أنه أنها إنه إنها أنهم إنهم أيضا أيضًا ايضا كل بعض أي اي إذ إذا اذا لكن لكنه لأن بأن وأن وإن
    فيه فيها منه منها عليه عليها إليه إليها له لها لهم به بها بهم يا نحو وفق حيث عليهم منهم فإن
    قال قالت يقول تقول أكد أكدت يؤكد أضاف أضافت أشار أشارت أوضح أوضحت ذكر ذكرت أعلن أعلنت صرح صرحت
    اعتبر اعتبرت لفت لفتت تابع تابعت مضيفا مضيفًا مشيرا مشيرًا لافتا لافتًا معتبرا معتبرًا مؤكدا مؤكدًا
    موضحا موضحًا وفقا وفقًا بحسب حسب تصريحات تصريح تصريحه تصريحها
    the a an of to in on at for from by with about as into over after before under between
    and or but if then than that this these those there here it its it's he she they we you i
    his her their our your my me him them us is are was were be been being has have had do does did
    will would shall should can could may might must also just very so such not_a which who whom
    whose what when where why how said says say told tells stated added according
    """
)

# Words whose presence flips the meaning of a statement.
NEGATIONS = _fold(
    """
    لا لن لم ليس ليست لسنا لست ليسوا غير عدم بدون دون أبدا أبدًا إطلاقا إطلاقًا
    not no never none nor nobody nothing neither without cannot
    """
)

# Calendar words: removed before comparing the event two date claims describe,
# so that "on Monday 10 November" and "on Tuesday 11 November" leave the same event.
DATE_WORDS = _fold(
    """
    كانون الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول
    يناير فبراير مارس أبريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
    جانفي فيفري أفريل ماي جوان جويلية أوت
    محرم صفر ربيع الآخر جمادى الأولى الآخرة رجب شعبان رمضان شوال القعدة الحجة ذو
    الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم أيام
    الماضي الماضية المقبل المقبلة القادم القادمة الحالي الجاري أمس غدا غدًا اليوم الليلة صباح مساء
    شهر عام سنة هجري ميلادي
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    yesterday today tomorrow tonight last next this coming morning evening night day week month year
    """
)

# Number words and their values: a quote that says "three" where the other says
# "four" has changed materially, and event keys drop them like digits.
_NUMBER_WORDS_RAW = {
    1: "واحد واحدة one",
    2: "اثنان اثنين اثنتين اثنتان two",
    3: "ثلاث ثلاثة three",
    4: "أربع أربعة four",
    5: "خمس خمسة five",
    6: "ست ستة six",
    7: "سبع سبعة seven",
    8: "ثمان ثماني ثمانية eight",
    9: "تسع تسعة nine",
    10: "عشر عشرة ten",
    11: "eleven",
    12: "twelve dozen",
    20: "عشرون عشرين twenty",
    30: "ثلاثون ثلاثين thirty",
    40: "أربعون أربعين forty",
    50: "خمسون خمسين fifty",
    100: "مئة مائة hundred",
    1000: "ألف آلاف thousand",
    1_000_000: "مليون ملايين million",
    1_000_000_000: "مليار مليارات billion",
}
NUMBER_WORDS: dict[str, int] = {}
for _value, _words in _NUMBER_WORDS_RAW.items():
    for _w in _words.split():
        for _t in match_tokens(_w):
            NUMBER_WORDS.setdefault(_t, _value)

# Titles and roles: "President Trump" and "Donald Trump" are one speaker, and
# "the minister" says nothing about who spoke.
TITLES = _fold(
    """
    الرئيس رئيس الرئيسة رئيسة وزير وزيرة الوزير الوزيرة المتحدث المتحدثة متحدث متحدثة باسم الناطق
    ناطق الناطقة الأمين العام السفير سفير المبعوث مبعوث الخاص الملك الأمير الشيخ السيد السيدة الدكتور
    المدير مدير قائد القائد الجنرال اللواء العميد العقيد مستشار المستشار نائب النائب عضو زعيم الزعيم
    السوري السورية الأمريكي الأمريكية الفرنسي الفرنسية الروسي الروسية التركي التركية الإسرائيلي
    الإيراني البريطاني المصري السعودي الأردني اللبناني العراقي المرحلة الانتقالية الحكومة حكومة
    وزارة الوزارة الخارجية الداخلية الدفاع البيت الأبيض
    president prime minister secretary spokesman spokeswoman spokesperson foreign interior defense
    defence mr mrs ms dr general ambassador envoy special king prince sheikh chief head leader
    deputy senator minister's the of state white house syrian us french russian turkish israeli
    iranian british interim transitional government ministry official
    """
)
