"""Word lists the matcher needs, written naturally and folded like the text.

Every list goes through ``match_tokens`` at import time, so an entry written
"وقال" or "الإثنين" is stored in the same form the matcher compares.
"""
from __future__ import annotations

from factcheck.text.normalize import match_tokens, normalize


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
    200: "مئتين مئتي مائتين مائتي مئتان",
    1000: "ألف آلاف thousand",
    2000: "ألفين ألفي ألفان",
    1_000_000: "مليون ملايين million",
    2_000_000: "مليونين مليوني مليونان",
    1_000_000_000: "مليار مليارات billion",
    2_000_000_000: "ملياري مليارين",
}
NUMBER_WORDS: dict[str, int] = {}
for _value, _words in _NUMBER_WORDS_RAW.items():
    for _w in _words.split():
        for _t in match_tokens(_w):
            # The أل of ألف's family is the word's own, not the article: match_tokens strips it as
            # one, which leaves "في" (in) of ألفي, "فان" of ألفان, "فين" of ألفين, "اف" of آلاف. As
            # numbers those would make every "في" in a quote a 2000; a text's ألفين is lost instead.
            _full = normalize(_w)
            if _full.startswith("ال") and _t != _full:
                continue
            NUMBER_WORDS.setdefault(_t, _value)
# Without its article a weekday is a number: الأحد (Sunday) folds to أحد (one, also "one of": أحد
# المسؤولين), الاثنين (Monday) to اثنين (two). Dates are everywhere in news; as numbers they would
# make "3 killed on Monday" and "3 killed" two different figures.
for _t in [t for t in NUMBER_WORDS if t in DATE_WORDS]:
    del NUMBER_WORDS[_t]

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

# Institutions: like titles they say who acted, not what happened, and one
# institution does many things on one day ("the Interior Ministry announced ...").
INSTITUTIONS = _fold(
    """
    مجلس الأمن الدولي الأمم المتحدة الجامعة العربية الاتحاد الأوروبي البرلمان مجلس الشعب الكرملين
    قصر الإليزيه الرئاسة رئاسة الجمهورية الجيش القوات المسلحة الشرطة الأمن العام المديرية المحافظة محافظة
    security council united nations un eu european union nato kremlin elysee parliament army police
    pentagon department office agency authority authorities spokesperson announced announces
    """
)

# Pairs of words of opposite meaning that a misquote swaps ("confirmed" /
# "denied", "will postpone" / "will cancel"). A paraphrase swaps words too
# (نريد / نسعى, "very" / "extremely"), so only a swap listed here counts as a
# material change. English entries get their regular inflections; Arabic ones
# list the common forms (past, present, future, verbal noun) explicitly.
_OPPOSITES_EN = [
    ("confirm", "deny"), ("accept", "reject"), ("support", "oppose"), ("increase", "decrease"),
    ("increase", "reduce"), ("raise", "cut"), ("raise", "lower"), ("rise", "fall"), ("allow", "ban"),
    ("allow", "prevent"), ("open", "close"), ("win", "lose"), ("agree", "refuse"), ("postpone", "cancel"),
    ("withdraw", "expand"), ("withdraw", "deploy"), ("withdraw", "advance"), ("leave", "keep"),
    ("leave", "stay"), ("lift", "impose"), ("lift", "extend"), ("release", "arrest"), ("start", "stop"),
    ("begin", "end"), ("continue", "stop"), ("guilty", "innocent"), ("before", "after"),
    ("success", "failure"), ("victory", "defeat"), ("legal", "illegal"), ("true", "false"),
    ("more", "less"), ("more", "fewer"), ("up", "down"), ("north", "south"), ("east", "west"),
]
_OPPOSITES_AR = [
    ("أكد يؤكد تؤكد أكدت تأكيد", "نفى ينفي تنفي نفت نفي"),
    ("قبل يقبل تقبل قبلت سيقبل ستقبل قبول", "رفض يرفض ترفض رفضت سيرفض سترفض"),
    ("أيد يؤيد تؤيد أيدت تأييد", "عارض يعارض تعارض عارضت معارضة"),
    ("رفع يرفع ترفع رفعت سيرفع سترفع", "خفض يخفض تخفض خفضت سيخفض ستخفض تخفيض"),
    ("ارتفع يرتفع ترتفع ارتفعت ارتفاع", "انخفض ينخفض تنخفض انخفضت انخفاض تراجع"),
    ("سمح يسمح تسمح سمحت سيسمح ستسمح", "منع يمنع تمنع منعت سيمنع ستمنع"),
    ("فتح يفتح تفتح فتحت سيفتح ستفتح افتتاح", "أغلق يغلق تغلق أغلقت سيغلق ستغلق إغلاق"),
    ("فاز يفوز تفوز فازت ربح", "خسر يخسر تخسر خسرت خسارة"),
    ("وافق يوافق توافق وافقت موافقة", "رفض يرفض ترفض رفضت"),
    ("أجل يؤجل تؤجل أجلت سيؤجل ستؤجل تأجيل", "ألغى يلغي تلغي ألغت سيلغي ستلغي إلغاء"),
    ("انسحب ينسحب تنسحب انسحبت سينسحب ستنسحب انسحاب", "وسع يوسع توسع وسعت سيوسع ستوسع توسيع تقدم"),
    ("فرض يفرض تفرض فرضت سيفرض ستفرض", "رفع يرفع ترفع رفعت سيرفع سترفع"),
    ("أفرج يفرج تفرج أفرجت الإفراج", "اعتقل يعتقل تعتقل اعتقلت اعتقال"),
    ("نجح ينجح تنجح نجحت نجاح", "فشل يفشل تفشل فشلت"),
    ("قبل", "بعد"), ("أكثر", "أقل"), ("شمال", "جنوب"), ("شرق", "غرب"),
]


def _inflect(word: str) -> set[str]:
    forms = {word, word + "s", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ied", word[:-1] + "ies"}
    if word[-1] not in "aeiouwy" and len(word) <= 4:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # stop -> stopped
    return forms


def _opposites() -> dict[str, set[tuple[int, int]]]:
    """folded word -> {(pair number, side)}"""
    table: dict[str, set[tuple[int, int]]] = {}
    pairs = [(" ".join(_inflect(a)), " ".join(_inflect(b))) for a, b in _OPPOSITES_EN] + _OPPOSITES_AR
    for n, pair in enumerate(pairs):
        for side, words in enumerate(pair):
            for w in words.split():
                for t in match_tokens(w):
                    table.setdefault(t, set()).add((n, side))
    return table


OPPOSITES = _opposites()


def opposed(a: str, b: str) -> bool:
    """Whether two folded words are listed as opposites of one another."""
    sa, sb = OPPOSITES.get(a), OPPOSITES.get(b)
    if not sa or not sb:
        return False
    return any((n, 1 - side) in sb for n, side in sa)
