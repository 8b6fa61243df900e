"""Word lists the matcher needs, written naturally and folded like the text.

Every list goes through ``match_tokens`` at import time, so an entry written
"وقال" or "الإثنين" is stored in the same form the matcher compares.
"""
from __future__ import annotations

from functools import lru_cache

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

# Weekday names (a weekday without its date names a day of some week: compare._counted_from_stamps).
WEEKDAYS = _fold("الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت monday tuesday wednesday thursday "
                 "friday saturday sunday")
# ... and the day of the week each names (Monday 0, as date.weekday()).
WEEKDAY_NUMBER = {w: n for names, n in (("الاثنين الإثنين monday", 0), ("الثلاثاء tuesday", 1),
                                        ("الأربعاء الاربعاء wednesday", 2), ("الخميس thursday", 3),
                                        ("الجمعة friday", 4), ("السبت saturday", 5), ("الأحد sunday", 6))
                  for w in _fold(names)}
# Words that stand beside a weekday without dating it ("مساء الخميس", "اليوم الأربعاء", "on Wednesday"):
# a date read from a weekday and these names a day of some week, counted from the report's time stamp.
WEEKDAY_ONLY_WORDS = _fold("يوم اليوم أمس امس مساء صباح فجر ظهر ظهيرة ليلة في on morning evening night")

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

# Honorifics before a name or a title ("معالي وزير الخارجية", "صاحب السمو الملكي الأمير"): they say
# nothing about who spoke.
HONORIFICS = _fold("معالي سمو صاحب السمو الملكي فخامة سعادة الأستاذ الاستاذ المهندس الشيخ العلامة سماحة "
                   "دولة excellency highness his her honourable honorable")

# Bodies that speak (a ministry, an office, a university, "sources", "analysts", "a study"): a speaker
# named by one of these is no person, and two such speakers never make "a different speaker" (structured.speakers_agree).
ORGANISATIONS = _fold(
    """
    مكتب هيئة وزارة وزراة جامعة مركز شركة مجلس جهاز مرصد منظمة لجنة مؤسسة صحيفة وكالة مصدر مصادر
    مسؤول مسؤولون مسؤولين إدارة ادارة دائرة بلدية أمانة امانة نيابة محكمة سفارة قنصلية بعثة فريق
    محللون المحللون محللين علماء العلماء خبراء الخبراء باحثون الباحثون باحثين مجموعة تقديرات تقارير تقرير
    دراسة استطلاع بيان اتحاد الاتحاد نادي النادي جمعية حكومة الحكومة
    office agency ministry university company council committee organisation organization
    source sources official officials department embassy court team bureau analysts scientists
    experts researchers estimates reports report study survey statement federation union club association government
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
    ("قبل قبيل", "بعد"), ("أكثر", "أقل"), ("شمال", "جنوب"), ("شرق", "غرب"),
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


# --- what a statement asserts (issue 17): polarity, hedges, opposites, entities ---------------------
# The one place to extend the lexicons the proposition comparison (match/propositions.py) reads.

# "بلا" (without) is a negation as "بدون" is: "طائرات بدون طيار" and "بلا طيار" are one thing, and
# neither side then reads as negated against the other.
NEGATIONS = NEGATIONS | _fold("بلا")

# Verbs and phrases that deny, refuse or fail what the rest of the statement says: "X denies
# resigning" contradicts "X resigns" as "X did not resign" does; "lacks" (يفتقر) is "has no". English gets
# its inflections.
# A warning is none ("Merkel warns Trump of a trade war" = "German warnings of Trump's trade war"),
# and bare عجز is mostly the noun "deficit" (عجز الموازنة); its verb forms (يعجز، تعجز) are kept.
_DENIALS_AR = """
نفى ينفي تنفي نفت نفوا ينفون نفي ونفى ونفت رفض يرفض ترفض رفضت رفضوا يرفضون
كذب يكذب تكذب كذبت تكذيب أنكر ينكر تنكر أنكرت إنكار امتنع يمتنع تمتنع امتنعت امتناع
فشل يفشل تفشل فشلت فشلوا تجاهل يتجاهل تتجاهل تجاهلت
يعجز تعجز عجزت تجنب يتجنب تتجنب تجنبت يفتقر تفتقر افتقر افتقرت افتقار
شائعة شائعات إشاعة إشاعات مضلل مضللة كاذب كاذبة كاذبة مفبرك مفبركة ملفق ملفقة صحة
"""
_DENIALS_EN = ["deny", "reject", "refuse", "decline", "fail", "dismiss", "ignore", "lack"]
DENIALS = _fold(_DENIALS_AR + " ".join(
    f for w in _DENIALS_EN for f in ({w, w + "s", w + "d", w + "ed", w + "ing"} | (
        {w[:-1] + "ies", w[:-1] + "ied"} if w.endswith("y") else set())))
    + " denial false untrue rumour rumor hoax misleading fake baseless")
# "لا صحة" (no truth) and "عار عن الصحة" deny; "صحة" alone (health) does not: only with a negation
# before it (the negation already counts) is it one; so it is dropped from DENIALS again here.
DENIALS = DENIALS - _fold("صحة")

# Hedges before a number, and the interval each makes of it (propositions.number_items).
HEDGE_ABOUT = _fold("نحو حوالي حوالى قرابة زهاء تقريبا تقريبًا يقارب يناهز about around approximately nearly "
                    "roughly almost some circa")
HEDGE_MORE = _fold("أكثر اكثر يزيد يربو فوق تجاوز يتجاوز تتجاوز أزيد more over above exceeding exceeds")
HEDGE_LESS = _fold("أقل اقل دون less fewer under below")
HEDGE_AT_LEAST = _fold("الأقل least")  # "على الأقل", "at least"
HEDGE_UP_TO = _fold("يصل تصل up")  # "ما يصل إلى", "up to"

# More opposites (compare.py's misquote check and propositions.py read the same table).
_OPPOSITES_EN.extend([
    ("rise", "drop"), ("rise", "decline"), ("rise", "slump"), ("rise", "plunge"), ("climb", "fall"),
    ("climb", "drop"), ("gain", "fall"), ("gain", "lose"), ("jump", "fall"), ("surge", "fall"),
    ("higher", "lower"), ("high", "low"), ("highest", "lowest"), ("gains", "losses"), ("profit", "loss"),
    ("first", "last"), ("best", "worst"), ("above", "below"), ("condemn", "praise"), ("condemn", "support"),
    ("dies", "survives"), ("launch", "halt"), ("launch", "stop"), ("free", "capture"), ("free", "abduct"),
    ("monthly", "yearly"), ("monthly", "annual"), ("gold", "silver"), ("gold", "bronze"),
    ("cheapest", "dearest"), ("tops", "trails"), ("rise", "slip"), ("climb", "slip"), ("gain", "slip"),
    ("rise", "slide"), ("climb", "slide"), ("gain", "slide"),
])
_OPPOSITES_AR.extend([
    ("ارتفع يرتفع ترتفع ارتفعت ارتفاع ارتفاعا مرتفع صعد يصعد تصعد صعدت صعود صعودا قفز يقفز تقفز قفزت قفزة "
     "زاد يزيد تزيد زادت زيادة ارتفاعات مكاسب ربح أرباح يربح تربح ربحت رفع يرفع ترفع رفعت يزداد تزداد ازداد "
     "ازدادت يتعافى تتعافى تعافى تعافت انتعش ينتعش تنتعش انتعاش",
     "انخفض ينخفض تنخفض انخفضت انخفاض انخفاضا هبط يهبط تهبط هبطت هبوط هبوطا تراجع يتراجع تتراجع تراجعت "
     "تراجعا هوى يهوي تهوي تهاوى يتهاوى قلل يقلل تقلل قللت نقص ينقص تنقص تقليل خسائر خسر يخسر تخسر خسرت "
     "خسارة يغوص تغوص خفض يخفض تخفض خفضت تخفيض قلص يقلص تقلص قلصت تقليص انحدر ينحدر تنحدر انحدار تضاءل "
     "يتضاءل تتضاءل تضاؤل"),
    ("رفع يرفع ترفع رفعت زيادة", "خفض يخفض تخفض خفضت تخفيض"),
    ("أعلى الأعلى أرفع أكبر الأكبر", "أدنى الأدنى أقل الأقل أصغر الأصغر"),
    ("اتهام يتهم تتهم اتهم اتهمت متهم متهمة إدانة", "براءة برأ يبرئ تبرئ برأت تبرئة"),
    ("وضع يضع تضع وضعت", "نزع ينزع تنزع نزعت إزالة أزال يزيل"),
    ("انتقد ينتقد تنتقد انتقدت انتقاد", "شجع يشجع تشجع شجعت تشجيع أشاد يشيد تشيد"),
    ("سمح يسمح تسمح سمحت أتاح يتيح تتيح أتاحت إتاحة", "حظر يحظر تحظر حظرت منع يمنع تمنع"),
    ("حرب الحرب تصعيد", "سلام السلام هدنة تهدئة هدوء"),
    ("غضب غاضب غاضبة", "هدوء ترحيب يرحب ترحب رحب"),
    ("الأغلى أغلى", "الأرخص أرخص الأقل أقل"),
    ("أول الأول الأولى أولى", "آخر الأخير الأخيرة أخير"),
    ("أفضل الأفضل", "أسوأ الأسوأ"),
    ("أدان يدين تدين أدانت إدانة يندد تندد ندد نددت", "أيد يؤيد تؤيد أيدت أشاد يشيد تشيد أشادت يدعم تدعم دعم"),
    ("وفاة توفي توفيت يتوفى مقتل قتل مصرع", "نجاة نجا ينجو تنجو نجت تعافى يتعافى تتعافى تعافت شفاء"),
    ("أطلق يطلق تطلق أطلقت إطلاق", "أوقف يوقف توقف أوقفت إيقاف وقف"),
    ("بدأ يبدأ تبدأ بدأت بدء", "انتهى ينتهي تنتهي انتهت انتهاء"),
    ("استمرار يستمر تستمر استمر استمرت", "توقف يتوقف تتوقف توقفت"),
    ("منح يمنح تمنح منحت", "منع يمنع تمنع منعت حرم يحرم تحرم حرمت"),
    ("سمح يسمح تسمح سمحت السماح", "حظر يحظر تحظر حظرت أغلق يغلق تغلق أغلقت"),
    ("فرض يفرض تفرض فرضت", "ألغى يلغي تلغي ألغت إلغاء"),
    ("انضم ينضم تنضم انضمت انضمام", "انسحب ينسحب تنسحب انسحبت انسحاب خروج يخرج تخرج خرجت"),
    ("فوز فاز يفوز تفوز فازت", "هزيمة هزم يهزم تهزم هزمت"),
    ("شهرية شهري", "سنوية سنوي"),
    ("الذهبية ذهبية", "الفضية فضية البرونزية برونزية"),
    ("الشمالية الشمالي شمالي", "الجنوبية الجنوبي جنوبي"),
    ("الشرقية الشرقي شرقي", "الغربية الغربي غربي"),
    ("العربي العربية", "الغربي الغربية"),
    ("الخاص", "العام"),
    ("يحذر تحذر حذر حذرت", "يدعو تدعو دعا دعت"),
    # Courts, prisons, offices: what happened to a person.
    ("إعدام بالإعدام إدانة أدان يدين تدين أدانت مدان", "براءة ببراءة برأ يبرئ تبرئ برأت تبرئة بريء"),
    ("سجن يسجن تسجن سجنت حبس يحبس تحبس حبست اعتقال احتجاز يحتجز تحتجز احتجزت",
     "إفراج الإفراج أفرج يفرج تفرج أفرجت إطلاق_سراح إخلاء_سبيل"),
    ("إقالة أقال يقيل تقيل أقالت عزل يعزل تعزل عزلت استبدال يستبدل تستبدل استبدلت",
     "بقاء يبقي تبقي أبقى أبقت إبقاء تثبيت يثبت تثبت ثبت"),
    ("استقالة استقال يستقيل تستقيل استقالت", "بقاء يبقى تبقى بقي بقيت"),
    ("تعيين عين يعين تعين عينت", "إقالة أقال يقيل تقيل أقالت"),
    # Going on or not.
    ("استمرار يستمر تستمر استمر استمرت تواصل يواصل تواصلت واصل واصلت مواصلة",
     "توقف يتوقف تتوقف توقفت وقف يوقف أوقف أوقفت إيقاف تعليق يعلق تعلق علقت إنهاء ينهي تنهي أنهى أنهت "
     "تأجيل أجل يؤجل تؤجل أجلت"),
    ("بدء بدأ يبدأ تبدأ بدأت انطلاق انطلق ينطلق تنطلق انطلقت", "إلغاء ألغى يلغي تلغي ألغت"),
    # Feelings and judgements of one thing.
    ("قلق قلقه القلق مخاوف خوف يخشى تخشى", "ارتياح ارتياحه اطمئنان يطمئن تطمئن ثقة واثق واثقون"),
    ("ينتقد تنتقد انتقد انتقدت انتقاد انتقادات يهاجم تهاجم هاجم هاجمت", "يدافع تدافع دافع دافعت دفاع يشيد تشيد أشاد أشادت إشادة"),
    ("يستنكر تستنكر استنكر استنكرت استنكار", "يدعم تدعم دعم دعمت يؤيد تؤيد أيد أيدت"),
    ("رفض يرفض ترفض رفضت", "ترحيب يرحب ترحب رحب رحبت"),
    # War and peace, crisis and settlement.
    ("قصف يقصف تقصف قصفت اشتباكات اشتباك معارك قتال هجوم", "هدوء تهدئة هدنة"),
    ("أزمة الأزمة أزمات صراع خلاف خلافات نزاع", "حل يحل تحل انفراج مصالحة اتفاق تسوية"),
    ("تصعيد يصعد تصعد صعد", "تهدئة يهدئ تهدئ"),
    # Economy.
    ("نمو ازدهار انتعاش", "انكماش ركود كساد"),
    ("فائض", "عجز"),
    ("قوة قوي قوية", "ضعف ضعيف ضعيفة"),
    ("بيع يبيع تبيع باع باعت", "شراء يشتري تشتري اشترى اشترت"),
    ("استيراد يستورد تستورد استوردت واردات", "تصدير يصدر تصدر صدرت صادرات"),
    ("مكسب", "خسارة"),
    # States and qualities.
    ("داخل", "خارج"),
    ("دخول يدخل تدخل دخلت", "خروج يخرج تخرج خرجت"),
    ("وصول يصل تصل وصل وصلت", "مغادرة يغادر تغادر غادر غادرت"),
    ("وجود يوجد توجد", "غياب يغيب تغيب غاب غابت"),
    ("حضور يحضر تحضر حضر حضرت يحضران", "غياب يغيب تغيب غاب غابت يغيبان تغيبان"),
    ("اختيار اختياري اختيارية طوعي طوعية", "إجبار إجباري إجبارية قسري قسرية"),
    ("مؤقت مؤقتة", "دائم دائمة نهائي نهائية"),
    ("سري سرية", "علني علنية"),
    ("آمن آمنة", "خطير خطيرة"),
    ("سلمي سلمية", "عنيف عنيفة"),
    ("سهل سهلة", "صعب صعبة"),
    ("غني غنية أغنى", "فقير فقيرة أفقر"),
    ("كثرة", "قلة"),
    ("كبير كبيرة", "صغير صغيرة"),
    ("طويل طويلة", "قصير قصيرة"),
    ("مبكر مبكرة", "متأخر متأخرة"),
    ("نجاح نجح ينجح تنجح نجحت ناجح", "فشل فاشل إخفاق"),
    ("مسموح", "ممنوع"),
    ("ممكن", "مستحيل"),
    ("صحيح صحيحة", "خاطئ خاطئة خطأ"),
    ("حقيقي حقيقية", "مزيف مزيفة وهمي وهمية"),
    ("ترخيص يرخص ترخص رخصت", "حظر يحظر تحظر حظرت منع يمنع تمنع منعت"),
    # How one party meets a thing: a warning or anger against a welcome; worry against confidence.
    ("تحذير يحذر تحذر حذر حذرت", "ترحيب يرحب ترحب رحب رحبت"),
    ("غضب غاضب غاضبة غاضبون استياء سخط", "تشجيع يشجع تشجع شجع شجعت ترحيب إشادة"),
    ("قلق قلقون قلقة قلقين يخشون", "واثق واثقون واثقة واثقين مطمئن مطمئنون"),
    # A thing's course: worsening against recovery, holding steady against a plunge.
    ("تفاقم يتفاقم تتفاقم تفاقمت تدهور يتدهور تتدهور تدهورت", "تعافى يتعافى تتعافى تعافت تحسن يتحسن تتحسن تحسنت"),
    ("استقر يستقر تستقر استقرت استقرار", "هوى يهوي تهوي تهاوى يتهاوى انهار ينهار تنهار انهيار"),
    ("تضاعف يتضاعف تتضاعف تضاعفت", "تراجع يتراجع تتراجع تراجعت انخفض ينخفض تنخفض انخفاض"),
    ("ارتفاع ارتفع يرتفع ترتفع صعود", "سقوط يسقط تسقط سقطت"),
    ("أكثر يزيد تزيد", "يقل تقل أقل"),
    ("وافق يوافق توافق وافقت موافقة", "اعترض يعترض تعترض اعترضت اعتراض"),
    # What people do about a thing or a place: protest against support, stay against flee; an arrest
    # (القبض على) against a release; running a thing against stopping it.
    ("احتجاج احتجاجات يحتج تحتج احتج احتجت يحتجون تظاهر يتظاهر تتظاهر يتظاهرون تظاهرات مظاهرات",
     "تأييد يؤيد تؤيد يؤيدون يدعم تدعم يدعمون دعم يشيد تشيد يشيدون"),
    ("بقاء يبقى تبقى يبقون بقي بقيت البقاء", "فرار يفر تفر يفرون فر فرت نزوح ينزح نزح تهجير هروب يهرب يهربون"),
    ("قبض القبض", "إفراج الإفراج أفرج يفرج تفرج أفرجت إطلاق_سراح إخلاء_سبيل"),
    ("تشغيل يشغل تشغل شغل", "إيقاف يوقف توقف أوقف تعطيل تعطل يتعطل"),
    ("ينتقد تنتقد انتقد انتقدت يهاجم تهاجم هاجم هاجمت", "يدعم تدعم دعم دعمت يؤيد تؤيد أيد أيدت"),
    # Leaving an office against staying in it; a prison sentence against an acquittal; the top of a
    # table against its bottom; a good reading against a bad one.
    ("استقالة استقال يستقيل تستقيل استقالت إقالة أقال يقيل تقيل أقالت", "استمرار يستمر تستمر استمر استمرت"),
    ("حبس بحبس الحبس يحبس تحبس سجن بسجن يسجن تسجن", "براءة ببراءة تبرئة برأ يبرئ تبرئ برأت"),
    ("صدارة الصدارة يتصدر تتصدر تصدر تصدرت", "مؤخرة ذيل يتذيل تتذيل تذيل تذيلت"),
    # Staying against leaving; holding on to a thing against giving it up.
    ("بقاء البقاء يبقى تبقى يبقون", "رحيل الرحيل يرحل ترحل مغادرة يغادر تغادر يغادرون"),
    ("تمسك يتمسك تتمسك تمسكت التمسك", "تخلى يتخلى تتخلى تخلت التخلي تخلي"),
    # A currency or a market sliding is its fall: "the lira's slide" against "the lira climbs".
    ("ارتفع يرتفع ترتفع ارتفعت ارتفاع ارتفاعا صعد يصعد تصعد صعود صعودا تعافى يتعافى تتعافى انتعش ينتعش "
     "تنتعش انتعاش انتعاشا",
     "تدهور يتدهور تتدهور تدهورت تدهورا انهيار انهيارا ينهار تنهار انهار انهارت انزلاق ينزلق تنزلق نزيف"),
    ("إيجابي إيجابية إيجابيا إيجابيات", "سلبي سلبية سلبيا سلبيات"),
    # Holding steady is neither rising nor falling: "oil steady" and "oil climbs" are two readings
    # of one session.
    ("استقر يستقر تستقر استقرت استقرار مستقر مستقرة",
     "ارتفع يرتفع ترتفع ارتفعت ارتفاع صعد يصعد تصعد صعود زاد يزيد تزيد زيادة يزداد تزداد قفز يقفز تقفز"),
    ("استقر يستقر تستقر استقرت استقرار مستقر مستقرة",
     "انخفض ينخفض تنخفض انخفضت انخفاض هبط يهبط تهبط هبوط تراجع يتراجع تتراجع تراجعت"),
])
# Fifth round, the general opposites of train's misses (each also a common pair in real copy):
# strengthening against cutting, injecting against withdrawing (money, troops), hope against
# gloom, resuming or starting against stopping, a death sentence or prison against a pardon, growth
# against collapse, unrest against calm, facing a trial against escaping it, including against
# leaving out, being lost against being found, tightening against easing, a punishment against a
# reward, drought against floods, demand against reluctance.
_OPPOSITES_AR.extend([
    ("تعزيز يعزز تعزز عزز عززت", "تقليص يقلص تقلص قلص قلصت إضعاف يضعف تضعف أضعف أضعفت"),
    ("ضخ يضخ تضخ ضخت", "سحب يسحب تسحب سحبت"),
    ("تفاؤل متفائل متفائلة متفائلون", "تشاؤم متشائم متشائمة متشائمون غضب غاضب غاضبة إحباط محبط محبطة"),
    ("استئناف يستأنف تستأنف استأنف استأنفت", "توقف يتوقف تتوقف توقفت وقف يوقف أوقف أوقفت إيقاف تعليق يعلق تعلق علقت"),
    ("بدء بدأ يبدأ تبدأ بدأت انطلاق انطلق ينطلق تنطلق انطلقت", "إيقاف يوقف أوقف أوقفت"),
    ("إعدام بالإعدام يعدم تعدم أعدم أعدمت سجن بسجن حبس بحبس", "عفو العفو يعفو عفا"),
    ("إبطال يبطل تبطل أبطل أبطلت بطلان", "صحة بصحة"),
    ("نمو النمو", "انهيار الانهيار تدهور التدهور"),
    ("احتجاجات الاحتجاجات مظاهرات المظاهرات تظاهرات التظاهرات اضطرابات الاضطرابات عنف العنف",
     "هدوء الهدوء"),
    ("يواجه تواجه يحاكم تحاكم محاكمة", "يفلت تفلت أفلت أفلتت يفلتون"),
    ("ضحية ضحايا غرق", "نجاة نجا ينجو تنجو نجت"),
    ("يشمل تشمل شمل شملت", "يستثني تستثني استثنى استثنت استثناء"),
    ("مستقبل المستقبل", "ماضي الماضي"),
    ("اختفاء يختفي تختفي اختفى اختفت", "عثور العثور يعثر عثر عثرت"),
    ("فائز فائزا فائزة فوز", "خاسر خاسرا خاسرة"),
    ("يهدد تهدد هدد هددت تهديد تهديدات يحذر تحذر حذر حذرت", "يدعم تدعم دعم دعمت يساند تساند ساند ساندت مساندة"),
    ("حرب الحرب", "حل يحل تحل"),
    ("تمسك يتمسك تتمسك تمسكت التمسك", "إقصاء يقصي تقصي أقصى استبعاد يستبعد تستبعد استبعدت"),
    ("تشديد يشدد تشدد شدد شددت", "تخفيف يخفف تخفف خفف خففت"),
    ("تزايد يتزايد تتزايد متزايد متزايدة", "تناقص يتناقص تتناقص متناقص تراجع يتراجع تتراجع"),
    ("إقبال الإقبال", "عزوف العزوف"),
    ("عقاب يعاقب تعاقب عاقب عاقبت معاقبة عقوبة", "مكافأة يكافئ تكافئ كافأ كافأت"),
    ("جفاف الجفاف", "فيضان فيضانات الفيضانات سيول السيول"),
    ("مرتفع مرتفعة مرتفعا", "متدني متدنية متدنيا منخفض منخفضة منخفضا"),
])
_OPPOSITES_AR.extend([
    ("حرية الحرية حريتهن حريته حريتها حريات", "كبت الكبت قمع القمع قيود القيود"),
    ("هجوم الهجوم", "تأييد التأييد"),
    ("طرد يطرد تطرد طردت", "بقاء البقاء"),
    ("حقيقة الحقيقة", "وهم الوهم"),
    ("يتخطى تتخطى تخطى تخطت يتجاوز تتجاوز تجاوز تجاوزت", "يقل تقل"),
    ("تحسن يتحسن تتحسن تحسنت تحسين", "تدهور يتدهور تتدهور تدهورت تراجع يتراجع تتراجع"),
    ("مكلف مكلفة باهظ باهظة", "رخيص رخيصة زهيد زهيدة"),
    ("يسهل تسهل سهل تسهيل", "يعيق تعيق أعاق عرقل يعرقل تعرقل عرقلة"),
    ("إنجاز الإنجاز", "إخفاق الإخفاق"),
])
# Verbs that call off what they govern: "يلغي زيارته" (cancels his visit) says the visit does not take
# place, "يؤجل التصويت" that the vote is not held, as a negation of the verb does ("لا يزور", "لا يصوت").
# Not the bare أجل (also "for the sake of", من أجل; "a term"), nor يرجئ and إرجاء (folded, they are يرجى,
# "is hoped", and أرجاء, "all over"), nor إنهاء: ending a war calls it off, but "تنهي ترسية الدفعة"
# (completes the awarding of the batch) says it is done.
UNDOING = _fold("ألغى يلغي تلغي ألغت ألغوا سيلغي ستلغي إلغاء يؤجل تؤجل أجلت أجلوا سيؤجل ستؤجل تأجيل أرجأ أرجأت "
                "جمد يجمد تجمد جمدت تجميد أوقف يوقف أوقفت أوقفوا سيوقف ستوقف إيقاف وقف توقف يتوقف تتوقف توقفت "
                "تعليق cancel cancels cancelled canceled cancelling postpone postpones postponed postponing "
                "suspend suspends suspended suspending scrap scraps scrapped halt halts halted")
# ... except where the verb and its object are one name: a ceasefire (وقف إطلاق النار) is no shooting
# called off; and تعليق على is a comment on a thing.
UNDOING_NOT_BEFORE = _fold("إطلاق اطلاق على")
# A wording with one of these says a thing is called off too (a ban, a withholding, a breakdown, a
# closure, a strike, a withdrawal), if not in so many words: no calling off is one report's alone then.
# They have other senses ("لا مانع", no objection; إنهاء, completing; يعلق and علق, hangs or is stuck),
# so they are not counted as calling off themselves.
CALLING_OFF_TOO = UNDOING | _fold(
    "أنهى ينهي تنهي أنهت إنهاء يعلق تعلق علق علقت تعطيل يعطل تعطل عطل عطلت يتعطل تعطلت سحب يسحب تسحب سحبت "
    "إبطال يبطل تبطل أبطل أبطلت فسخ يفسخ تفسخ إغلاق يغلق تغلق أغلق أغلقت شل يشل تشل شلل انقطاع ينقطع تنقطع "
    "انقطع قطع يقطع تقطع قطعت انسحاب ينسحب تنسحب انسحب انسحبت تخلى يتخلى تتخلى تخلت إضراب هدوء تهدئة هدنة "
    "منع يمنع تمنع منعت يمنعون حظر يحظر تحظر حظرت حجب يحجب تحجب حجبت إرجاء ارجاء يرجئ ترجئ "
    "ban bans banned block blocks blocked")
# Sixth round, general opposites of train's misses: gaining against losing, a heavy turnout against a
# weak one, evacuating against staying, leaving a union against staying in it, honouring against
# condemning, speaking out against keeping silent, referral to a court against escaping it, a deadlock
# against a breakthrough, a record against a meagre figure, going on against closing.
_OPPOSITES_AR.extend([
    ("كسب يكسب تكسب كسبت مكاسب", "خسر يخسر تخسر خسرت خسائر"),
    ("كثيف كثيفة كبير كبيرة واسع واسعة", "ضعيف ضعيفة ضئيل ضئيلة محدود محدودة"),
    ("إجلاء الإجلاء", "بقاء البقاء"),
    ("بقاء البقاء للبقاء يبقى تبقى", "خروج الخروج للخروج يخرج تخرج"),
    ("تكريم يكرم تكرم كرم كرمت", "إدانة أدان يدين تدين أدانت مدان مدانة"),
    ("يتكلم تتكلم تكلم تكلمت يتحدث", "يصمت تصمت صمت صمتت صامت صامتا صامتة"),
    ("إحالة يحيل تحيل أحال أحالت", "يفلت تفلت أفلت أفلتت يفلتون براءة تبرئة"),
    ("انفراج الانفراج", "انسداد الانسداد"),
    ("قياسي قياسية قياسيا", "ضئيل ضئيلة ضئيلا"),
    ("استمرار يستمر تستمر استمر استمرت", "إغلاق يغلق تغلق أغلق أغلقت"),
])
# A text that lacks a thing (خطة تخلو من المشاريع, the plan has none) says it has none, as يفتقر does.
DENIALS = DENIALS | _fold("يخلو تخلو خلت خلا خالية خاليا")
# Each side of an opposition also found by a word's stem (``stem_core``) when that keeps four
# letters or more: يتراجع / تراجعت / تراجع, ينتقد / انتقدت. Three-letter stems are left out: the
# stem of إقالة (dismissal) is قال (said).
_OPPOSITES_EN.extend([
    ("convict", "acquit"), ("jail", "release"), ("jail", "free"), ("praise", "criticize"),
    ("praise", "criticise"), ("sell", "buy"), ("import", "export"), ("resign", "stay"), ("strong", "weak"),
    ("strengthen", "weaken"), ("growth", "recession"), ("surplus", "deficit"), ("war", "peace"),
    ("escalate", "calm"), ("continue", "suspend"), ("continue", "halt"), ("enter", "leave"),
    ("arrive", "depart"), ("temporary", "permanent"), ("secret", "public"), ("safe", "dangerous"),
    ("peaceful", "violent"), ("rich", "poor"), ("early", "late"), ("success", "fail"),
])
OPPOSITES = _opposites()

_AR_PREFIXES = ("ي", "ت", "ن", "ا", "م")
_AR_SUFFIXES = ("ات", "ون", "ين", "ها", "هم", "ه", "ت", "ا", "ي")


@lru_cache(maxsize=100_000)
def stem_core(word: str) -> str:
    """An Arabic word without one inflection prefix and one suffix, when three letters remain:
    عوده and تعود, يدمن and مدمن share one."""
    if word.isascii() or len(word) < 4:
        return word
    w = word
    for s in _AR_SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[: -len(s)]
            break
    if len(w) >= 4 and w.startswith(_AR_PREFIXES):
        w = w[1:]
    return w


def _opposite_stems() -> dict[str, set[tuple[int, int]]]:
    table: dict[str, set[tuple[int, int]]] = {}
    for word, sides in OPPOSITES.items():
        core = stem_core(word)
        if not word.isascii() and len(core) >= 4:
            table.setdefault(core, set()).update(sides)
    return table


OPPOSITE_STEMS = _opposite_stems()


@lru_cache(maxsize=100_000)
def opposition(word: str) -> set[tuple[int, int]] | frozenset[tuple[int, int]]:
    """The (opposition, side) pairs of a folded word: listed, or found by its stem (four letters or
    more)."""
    hit = OPPOSITES.get(word)
    if hit is not None:
        return hit
    if word.isascii() or len(word) < 5:
        return frozenset()
    feminine = _unpronouned(word)
    if feminine is not None and feminine in OPPOSITES:
        return OPPOSITES[feminine]
    return OPPOSITE_STEMS.get(stem_core(word), frozenset())


# A pronoun after a noun ending in ة writes it ت: استقالته (his resignation) is استقالة, هزيمتها هزيمة.
_PRONOUNS_AFTER_TA = ("تهما", "تهم", "تهن", "تها", "ته", "تنا", "تكم")


def _unpronouned(word: str) -> str | None:
    """The folded noun (ة folded to ه) a word with a pronoun after its ت is, or None."""
    for suffix in _PRONOUNS_AFTER_TA:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + "ه"
    return None


# Named things of one kind: two statements alike but for one of these in the same place name another
# country, city, currency ... ("another entity"). Each line: a kind, then entries "key=form form ...";
# a country's entry also covers its adjective (هندي, هندية, هنود are read from "هندي").
_ENTITY_LINES = """
country usa=أمريكا أميركا الولايات_المتحدة واشنطن أمريكي أميركي america us usa american united_states
country saudi=السعودية سعودي saudi
country uae=الإمارات إماراتي emirates emirati uae
country egypt=مصر مصري egypt egyptian
country iran=إيران إيراني iran iranian
country iraq=العراق عراقي iraq iraqi
country syria=سوريا سورية سوري syria syrian
country turkey=تركيا تركي turkey turkish
country russia=روسيا روسي russia russian
country china=الصين صيني china chinese
country japan=اليابان ياباني japan japanese
country india=الهند هندي india indian
country france=فرنسا فرنسي france french
country germany=ألمانيا ألماني germany german
country britain=بريطانيا بريطاني britain british
country qatar=قطر قطري qatar qatari
country kuwait=الكويت كويتي kuwait kuwaiti
country bahrain=البحرين بحريني bahrain bahraini
country oman=عمان عماني oman omani
country jordan=الأردن أردني jordan jordanian
country lebanon=لبنان لبناني lebanon lebanese
country yemen=اليمن يمني yemen yemeni
country libya=ليبيا ليبي libya libyan
country tunisia=تونس تونسي tunisia tunisian
country algeria=الجزائر جزائري algeria algerian
country morocco=المغرب مغربي morocco moroccan
country sudan=السودان سوداني sudan sudanese
country israel=إسرائيل إسرائيلي israel israeli
country palestine=فلسطين فلسطيني palestine palestinian
country pakistan=باكستان باكستاني pakistan pakistani
country afghanistan=أفغانستان أفغاني afghanistan afghan
country korea_s=كوريا_الجنوبية korea_south south_korea
country korea_n=كوريا_الشمالية north_korea
country italy=إيطاليا إيطالي italy italian
country spain=إسبانيا إسباني spain spanish
country canada=كندا كندي canada canadian
country australia=أستراليا أسترالي australia australian
country nigeria=نيجيريا نيجيري nigeria nigerian
country ethiopia=إثيوبيا أثيوبيا إثيوبي ethiopia ethiopian
country albania=ألبانيا ألباني albania albanian
country serbia=صربيا صربي serbia serbian
country malaysia=ماليزيا ماليزي malaysia malaysian
country greece=اليونان يوناني greece greek
country venezuela=فنزويلا venezuela
country brazil=البرازيل برازيلي brazil brazilian
country mexico=المكسيك مكسيكي mexico mexican
country europe=أوروبا أوروبي europe european
country mauritania=موريتانيا موريتاني mauritania mauritanian
country cyprus=قبرص قبرصي cyprus cypriot
country somalia=الصومال صومالي somalia somali
country argentina=الأرجنتين أرجنتيني argentina argentinian
country poland=بولندا بولندي poland polish
country kenya=كينيا كيني kenya kenyan
country cuba=كوبا كوبي cuba cuban
country ukraine=أوكرانيا أوكراني ukraine ukrainian
country netherlands=هولندا هولندي netherlands dutch
country sweden=السويد سويدي sweden swedish
country belgium=بلجيكا بلجيكي belgium belgian
country austria=النمسا نمساوي austria austrian
country switzerland=سويسرا سويسري switzerland swiss
country indonesia=إندونيسيا إندونيسي indonesia indonesian
country bangladesh=بنغلاديش بنغلاديشي bangladesh
country philippines=الفلبين فلبيني philippines filipino
country asia=آسيا آسيوي asia asian
country africa=أفريقيا إفريقيا أفريقي africa african
city riyadh=الرياض riyadh
city jeddah=جدة jeddah
city mecca=مكة mecca makkah
city cairo=القاهرة cairo
city alexandria=الإسكندرية alexandria
city london=لندن london
city paris=باريس paris
city berlin=برلين berlin
city madrid=مدريد madrid
city moscow=موسكو moscow
city beirut=بيروت beirut
city baghdad=بغداد baghdad
city basra=البصرة basra
city tripoli=طرابلس tripoli
city tehran=طهران tehran
city ankara=أنقرة ankara
city istanbul=إسطنبول اسطنبول istanbul
city gaza=غزة gaza
city jerusalem=القدس jerusalem
city aden=عدن aden
city sanaa=صنعاء sanaa
city dubai=دبي dubai
city abudhabi=أبوظبي أبو_ظبي ظبي abu_dhabi
city damascus=دمشق damascus
city aswan=أسوان aswan
city luxor=الأقصر luxor
city amman=عمان_الأردنية amman
city hodeidah=الحديدة hodeidah
city mosul=الموصل mosul
city aleppo=حلب aleppo
city nablus=نابلس nablus
city hebron=الخليل hebron
city khartoum=الخرطوم khartoum
city rabat=الرباط rabat
city casablanca=الدار_البيضاء casablanca
city marrakech=مراكش marrakech
city tunis_city=تونس_العاصمة
city new_york=نيويورك new_york
city hollywood=هوليوود hollywood
city bollywood=بوليوود bollywood
city doha=الدوحة doha
city tabuk=تبوك tabuk
city ahsa=الأحساء ahsa
city qatif=القطيف qatif
city tbilisi=تبليسي tbilisi
city perth=بيرث perth
city taiz=تعز taiz
city ibb=إب ibb
city lahij=لحج lahij
city abyan=أبين abyan
city aflaj=الأفلاج aflaj
currency dollar=الدولار دولار dollar
currency euro=اليورو يورو euro
currency pound=الجنيه الإسترليني جنيه pound sterling
currency yuan=اليوان yuan
currency yen=الين yen
currency ruble=الروبل ruble rouble
currency lira=الليرة lira
currency riyal=الريال ريال riyal
commodity oil=النفط نفط الخام oil crude brent برنت
commodity gold=الذهب ذهب gold
commodity silver=الفضة silver
commodity gas=الغاز غاز gas
commodity electricity=الكهرباء electricity
commodity wheat=القمح wheat
person women=النساء نساء المرأة women woman
person men=الرجال رجال men man
person children=الأطفال أطفال children child
person students=الطلاب طلاب الطالبات students
person teachers=المعلمين معلمين المعلمون معلمون المدرسين teachers
person doctors=الأطباء أطباء doctors
person journalists=الصحفيين صحفيين الصحفيون journalists
person boy=صبي الصبي boy
person girl=فتاة الفتاة girl
crime murder=قتل القتل اغتيال murder killing assassination
crime kidnap=خطف الخطف اختطاف kidnapping abduction
crime rape=اغتصاب الاغتصاب rape
crime harassment=تحرش التحرش harassment
crime theft=سرقة السرقة theft robbery
crime embezzlement=اختلاس embezzlement
crime smuggling=تهريب smuggling
crime corruption=فساد الفساد رشوة corruption bribery
period day=يوم يوميا daily
period week=أسبوع أسبوعيا weekly
period year=عام سنة سنويا annually
group houthis=الحوثيون الحوثيين حوثي houthis houthi
group resistance=المقاومة resistance
group army=الجيش جيش army military
group settlers=مستوطنون مستوطنين settlers
group isis=داعش isis
commodity water=المياه مياه الماء water
commodity coal=الفحم فحم coal
commodity copper=النحاس نحاس copper
commodity iron=الحديد iron steel الصلب
commodity cotton=القطن قطن cotton
commodity coffee=القهوة قهوة coffee
commodity sugar=السكر سكر sugar
commodity rice=الأرز أرز rice
commodity meat=اللحوم لحوم meat
commodity minerals=المعادن معادن minerals
commodity uranium=اليورانيوم uranium
person women=سيدة السيدات نسائية
person actor=الممثل ممثل الممثلة ممثلة الممثلين actor actress
person singer=المغني مغني المغنية مغنية المطرب مطرب المطربة مطربة singer
person director=المخرج مخرج المخرجة مخرجة director
person writer=الكاتب كاتب الكاتبة كاتبة الروائي روائي الروائية روائية المؤلف مؤلف writer novelist author
person poet=الشاعر شاعر الشاعرة شاعرة poet
person painter=الرسام رسام الرسامة painter
person player=اللاعب لاعب اللاعبة لاعبة player
person coach=المدرب مدرب coach
person judge=القاضي قاض القاضية judge
person lawyer=المحامي محام المحامية lawyer
person nun=الراهبة راهبة الراهب راهب nun monk
person preacher=الداعية داعية preacher
person nurse=الممرضة ممرضة الممرض nurse
person engineer=المهندس مهندس المهندسة engineer
person farmer=المزارع مزارعين المزارعين farmer farmers
person workers=العمال عمال workers
person refugees=اللاجئين لاجئين اللاجئون لاجئون refugees
person migrants=المهاجرين مهاجرين المهاجرون مهاجرون migrants
person soldiers=الجنود جنود soldiers
person prisoners=الأسرى أسرى السجناء سجناء prisoners
person tourists=السياح سياح السائحين tourists
person pilgrims=الحجاج حجاج المعتمرين pilgrims
work film=الفيلم فيلم الأفلام أفلام film movie
work series=المسلسل مسلسل series
work song=الأغنية أغنية الأغاني أغاني song
work novel=الرواية رواية novel
work play=المسرحية مسرحية play
work book=الكتاب كتاب book
work album=الألبوم ألبوم album
work poem=القصيدة قصيدة poem
work painting=اللوحة لوحة painting
work programme=البرنامج برنامج programme program show
colour white=الأبيض أبيض البيضاء بيضاء white
colour black=الأسود أسود السوداء سوداء black
colour red=الأحمر أحمر الحمراء حمراء red
colour green=الأخضر أخضر الخضراء خضراء green
colour blue=الأزرق أزرق الزرقاء زرقاء blue
colour yellow=الأصفر أصفر الصفراء صفراء yellow
colour brown=السمراء سمراء البني بني brown
colour pink=الوردي وردي الوردية pink
animal cat=القطط قطط القطة قطة cat cats
animal dog=الكلب كلب الكلاب كلاب dog dogs
animal lion=الأسد أسد الأسود_الضارية lion lions
animal tiger=النمر نمر tiger
animal elephant=الفيل الفيلة فيلة أفيال elephant elephants
animal monkey=القرد قرد القرود قرود monkey monkeys
animal deer=الظبي ظبي الظباء ظباء الغزال غزال غزلان deer gazelle
animal horse=الحصان حصان الخيول خيول horse horses
animal camel=الجمل جمل الإبل إبل camel camels
animal bear=الدب دب bear
animal wolf=الذئب ذئب wolf
animal crocodile=التمساح تمساح crocodile
animal snake=الثعبان ثعبان الأفعى أفعى snake
animal shark=القرش قرش shark
animal bird=الطيور طيور bird birds
animal sheep=الأغنام أغنام الخراف sheep
ministry interior=الداخلية interior
ministry defence=الدفاع defence defense
ministry foreign=الخارجية foreign
ministry finance=المالية finance
ministry health=الصحة health
ministry education=التعليم التربية education
ministry justice=العدل justice
ministry economy=الاقتصاد economy
ministry energy=الطاقة energy
ministry culture=الثقافة culture
ministry tourism=السياحة tourism
ministry labour=العمل labour labor
ministry transport=النقل transport
ministry agriculture=الزراعة agriculture
rank 1=الأول أول الأولى first
rank 2=الثاني ثاني الثانية second
rank 3=الثالث ثالث الثالثة ثالثة third
rank 4=الرابع رابع الرابعة رابعة fourth
rank 5=الخامس خامس الخامسة خامسة fifth
rank 6=السادس سادس السادسة سادسة sixth
rank 7=السابع سابع السابعة سابعة seventh
rank 8=الثامن ثامن الثامنة ثامنة eighth
rank 9=التاسع تاسع التاسعة تاسعة ninth
rank 10=العاشر عاشر العاشرة عاشرة tenth
"""

# Every other country, by the names CLDR gives it in Arabic and English (through Babel, which
# factcheck has for its translations): "another country" for Mozambique as for Yemen. Names of
# more than three words are left out, and the few that are common words too (مالي "financial",
# بنين "sons", Chad, Jersey as names or places elsewhere).
_CLDR_AMBIGUOUS = {"مالي", "بنين", "chad", "jersey", "guernsey", "georgia", "jordan", "turkey", "niger"}


def _cldr_countries() -> str:
    from babel import Locale

    lines = []
    ar, en = Locale("ar").territories, Locale("en").territories
    for code, name in ar.items():
        if len(code) != 2 or not code.isalpha() or code.startswith("X") or code in ("EU", "EZ", "UN", "ZZ", "QO"):
            continue
        forms = []
        for n in (name, en.get(code, "")):
            if not n or any(c in n for c in "-&().,’'") or len(n.split()) > 3 or n.lower() in _CLDR_AMBIGUOUS:
                continue
            forms.append("_".join(n.lower().split()))
        if forms:
            lines.append(f"country {code.lower()}={' '.join(forms)}")
    return "\n".join(lines)


# Cities, by the exemplar city CLDR names each time zone after, in Arabic and in English (the zone's
# own name): "another city" for Rome against Paris as for Cairo against Alexandria. Left out: the
# polar stations, names of more than three words or with punctuation, and those that are common
# Arabic words or given names too (العيون "the eyes", ترك "left", نوم "sleep", ماهي "what is", صوفيا,
# سيدني, جوني ...), which would make a sentence name a city it does not.
_CLDR_CITY_AMBIGUOUS = frozenset(
    " ".join(match_tokens(w.replace("_", " "))) for w in (
        "العيون ترك بلم سنتر سول نوم واك كريسماس ماهي سيتا ديلي جوني دارون صوفيا سيدني أورال كناري ريجينا "
        "مارنجو بويس كونكس ثيل فارو كايمان ماديرا ميدواي نورفولك كوكوس واليس بالاو سمراء تاهيتي ليما كيروف "
        "كانتون كريستون جوجو باهيا سانتياغو سان_خوان سان_لويس فينكس مونتيري ميريدا مالطة").split())


# A word of a city's name that is a function word, a negation, a number or a calendar word (لا of
# لا باز, La Paz) makes no name of it here.
_NOT_A_NAME = STOP_WORDS | NEGATIONS | DATE_WORDS | frozenset(NUMBER_WORDS)


def _cldr_cities() -> str:
    from babel import Locale

    lines = []
    for zone, names in Locale("ar").time_zones.items():
        city = names.get("city")
        if not city or "/" not in zone or zone.startswith(("Antarctica/", "Etc/")):
            continue
        forms = []
        for n in (city, zone.rsplit("/", 1)[1].replace("_", " ")):
            if any(c in n for c in "-&().,،’'") or len(n.split()) > 3:
                continue
            toks = match_tokens(n)
            if not toks or " ".join(toks) in _CLDR_CITY_AMBIGUOUS or any(t in _NOT_A_NAME for t in toks):
                continue
            forms.append("_".join(n.lower().split()))
        if forms:
            lines.append(f"city {zone.lower()}={' '.join(forms)}")
    return "\n".join(lines)


def _entity_table() -> tuple[dict[tuple[str, ...], tuple[str, str]], int,
                             dict[tuple[str, ...], dict[str, tuple[str, str]]]]:
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    clipped: dict[tuple[str, ...], dict[str, tuple[str, str]]] = {}
    longest = 1
    manual = len(_ENTITY_LINES.strip().splitlines())
    for number, line in enumerate((_ENTITY_LINES.strip() + "\n" + _cldr_countries() + "\n" + _cldr_cities()).splitlines()):
        kind, entry = line.split(None, 1)
        key, forms = entry.split("=", 1)
        if number >= manual:
            # A country the lines above know under another name (المملكة العربية السعودية is
            # السعودية, جنوب أفريقيا is أفريقيا's as its adjective is) keeps their key.
            key = _known_key(table, forms) or key
        for form in forms.split():
            words = tuple(t for w in form.split("_") for t in match_tokens(w))
            if not words:
                continue
            spelled = normalize(form.replace("_", " "))
            spelled = spelled[2:] if spelled.startswith("ال") else spelled
            variants = {words: spelled}
            if kind == "country" and len(words) == 1 and not words[0].isascii() and spelled.endswith("ي"):
                for v in ("ه", "ون", "ين"):
                    variants[tuple(match_tokens(spelled + v))] = spelled + v
                variants[tuple(match_tokens(spelled[:-1] + "يون"))] = spelled[:-1] + "يون"
            if kind == "country" and len(words) == 1 and words[0].isascii():
                variants[(words[0] + "s",)] = spelled + "s"
            for v, full in variants.items():
                table.setdefault(v, (kind, key))
                longest = max(longest, len(v))
                # The clitic stripping took a letter of the name itself for و ف ب ل ك (الكويت -> ويت,
                # الفلبين -> بين, لبنان -> نان): the token alone is also a common word ("بين", between),
                # so it names the thing only where the text spells the name out, and the spelling
                # says which (ينيه is الكينية or الفلبينية).
                if len(v) == 1 and not full.isascii() and v[0] != full and len(v[0]) < len(full):
                    clipped.setdefault(v, {}).setdefault(full, (kind, key))
    return table, longest, clipped


def _known_key(table: dict[tuple[str, ...], tuple[str, str]], forms: str) -> str | None:
    for form in forms.split():
        words = tuple(t for w in form.split("_") for t in match_tokens(w))
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                hit = table.get(words[i:i + size])
                if hit is not None and hit[0] == "country":
                    return hit[1]
    return None


ENTITIES, ENTITY_LONGEST, ENTITY_CLIPPED = _entity_table()


def _city_countries() -> dict[str, str]:
    """City key -> the key of the country it lies in, by the territory CLDR gives each time zone
    (Africa/Cairo lies in EG): Cairo against Egypt names one place twice, not another place."""
    from babel import Locale
    from babel.core import get_global

    territory = get_global("zone_territories")
    ar, en = Locale("ar"), Locale("en")
    out: dict[str, str] = {}
    for zone, names in ar.time_zones.items():
        code = territory.get(zone)
        if not code or not names.get("city"):
            continue
        hits = [ENTITIES.get(tuple(match_tokens(n))) for n in (ar.territories.get(code), en.territories.get(code)) if n]
        country = next((h[1] for h in hits if h is not None and h[0] == "country"), None)
        if country is None:
            continue
        for n in (names["city"], zone.rsplit("/", 1)[1].replace("_", " ")):
            hit = ENTITIES.get(tuple(match_tokens(n)))
            if hit is not None and hit[0] == "city":
                out.setdefault(hit[1], country)
    return out


CITY_COUNTRY = _city_countries()
