"""Figures: counted or measured quantities with their unit ("ثلاثة أشخاص", "47 عامًا", "two hours").

A figure is a number (digits, Arabic-Indic digits, Arabic or English number
words, optionally times a multiplier such as ألف/million/mln, "10 آلاف و 395",
a range's low end "17-18") and the noun it counts. The noun is read from the
number's grammar, not only from a fixed list: the word that follows the number
(Arabic, "120 يمنيًا", "2644 صوت") or a plural after up to three words (English,
"456,968 common shares"); the list gives listed nouns a normalised unit. Also an
Arabic dual alone (ساعتين = 2 hours; any feminine dual, "فترتين"), a number word
after its noun ("الضحايا الستة", "بلون واحد"), money by sign ("$180bn") and wire
copy's forms ("94ر75", "220,74", "80.000", "10-1/4 pct", "mln dlrs", "kills 30").
Bare numbers are not figures: without a noun an editor cannot check them.
Years, dates and ordinals never match; overlaps with dates are removed by the caller.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.lazy_pattern import LazyPattern, lazy_regex
from factcheck.text.numbers import (AR_CARDINALS, AR_MULTIPLIERS, EN_CARDINALS, EN_MULTIPLIERS, alternation,
                                   ar_cardinal_pattern, ar_cardinal_value)

from .fold import Folded, fold_str

# patterns used in hot loops, compiled once
_WHITESPACE = lazy_regex(r"\s+")
_LATIN_LETTER = lazy_regex(r"[A-Za-z]")

# folded surface form -> normalised unit
_AR_UNITS_RAW: dict[str, tuple[str, ...]] = {
    "person": ("شخص", "شخصا", "أشخاص", "اشخاص", "نفر", "فردا", "أفراد", "مواطن", "مواطنا", "مواطنين"),
    "year": ("عام", "عاما", "أعوام", "سنة", "سنوات", "سنين"),
    "hour": ("ساعة", "ساعات"),
    "day": ("يوم", "يوما", "أيام"),
    "week": ("أسبوع", "أسبوعا", "أسابيع"),
    "month": ("شهر", "شهرا", "أشهر", "شهور"),
    "minute": ("دقيقة", "دقائق"),
    "killed": ("قتيل", "قتيلا", "قتلى"),
    "injured": ("جريح", "جريحا", "جرحى", "مصاب", "مصابا", "مصابين"),
    "dead": ("ضحية", "ضحايا"),
    "child": ("طفل", "طفلا", "أطفال"),
    "woman": ("امرأة", "نساء", "سيدات"),
    "civilian": ("مدني", "مدنيا", "مدنيين"),
    "soldier": ("جندي", "جنديا", "جنود"),
    "fighter": ("مقاتل", "مقاتلا", "مقاتلين", "مسلح", "مسلحا", "مسلحين"),
    "member": ("عنصر", "عنصرا", "عناصر", "عضو", "عضوا", "أعضاء"),
    "refugee": ("لاجئ", "لاجئا", "لاجئين", "نازح", "نازحا", "نازحين"),
    "detainee": ("معتقل", "معتقلا", "معتقلين", "سجين", "سجينا", "سجناء", "أسير", "أسيرا", "أسرى"),
    "family": ("عائلة", "عائلات", "أسرة", "أسر"),
    "house": ("منزل", "منزلا", "منازل", "بيت", "بيوت"),
    "village": ("قرية", "قرى", "بلدة", "بلدات"),
    "strike": ("غارة", "غارات", "ضربة", "ضربات"),
    "rocket": ("صاروخ", "صاروخا", "صواريخ", "قذيفة", "قذائف"),
    "drone": ("مسيرة", "مسيرات"),
    "dollar": ("دولار", "دولارا", "دولارات"),
    "euro": ("يورو",),
    "lira": ("ليرة", "ليرات"),
    "pound": ("جنيه", "جنيها", "جنيهات", "استرليني", "جنيه استرليني", "جنيها استرلينيا"),
    "riyal": ("ريال", "ريالا", "ريالات"),
    "dinar": ("دينار", "دينارا", "دنانير"),
    # compound units are one unit: "كيلو متر" is no kilo of anything, "متر مكعب" no length
    "km": ("كيلومتر", "كيلومترا", "كيلومترات", "كم", "كيلو متر", "كيلو مترا", "كيلو مترات"),
    "square km": ("كيلومتر مربع", "كيلومترا مربعا", "كيلومترات مربعة", "كيلو متر مربع", "كيلو مترا مربعا", "كم مربع",
                  "كم2"),
    "metre": ("متر", "مترا", "أمتار"),
    "cubic metre": ("متر مكعب", "مترا مكعبا", "أمتار مكعبة", "م3", "م٣"),
    "square metre": ("متر مربع", "مترا مربعا", "أمتار مربعة", "م2", "م٢"),
    "kg": ("كيلوغرام", "كيلوغراما", "كغ", "كيلو", "كيلو غرام", "كيلو غراما", "كيلو جرام", "كيلوجرام"),
    "ton": ("طن", "طنا", "أطنان"),
    "percent": ("بالمئة", "بالمائة", "في المئة", "في المائة", "%", "٪"),
    "country": ("دولة", "دول", "بلدان", "بلدا"),
    "litre": ("لتر", "لترا", "لترات"),
    "pilgrim": ("معتمر", "معتمرا", "معتمرين", "حاج", "حاجا", "حجاج"),
    "visitor": ("زائر", "زائرا", "زوار"),
    "voter": ("ناخب", "ناخبا", "ناخبين"),
    "attack": ("هجوم", "هجوما", "هجمات"),
    "leader": ("قيادي", "قياديا", "قياديين", "قادة"),
    "barrel": ("برميل", "براميل"),
    "state": ("ولاية", "ولايات", "محافظة", "محافظات"),
    "dose": ("جرعة", "جرعات"),
    "dirham": ("درهم", "دراهم"),
    "hospital": ("مستشفى", "مستشفيات"),
    "patient": ("مريض", "مريضا", "مرضى"),
    "vehicle": ("سيارة", "سيارات", "آلية", "آليات"),
    "school": ("مدرسة", "مدارس"),
    "building": ("مبنى", "مباني", "مبان"),
    "student": ("طالب", "طالبا", "طلاب"),
    "job": ("وظيفة", "وظائف"),
    "truck": ("شاحنة", "شاحنات"),
    "tent": ("خيمة", "خيام"),
}
_AR_DUALS_RAW: dict[str, tuple[str, ...]] = {
    "person": ("شخصين", "شخصان"),
    "year": ("عامين", "عامان", "سنتين", "سنتان"),
    "hour": ("ساعتين", "ساعتان"),
    "day": ("يومين", "يومان"),
    "week": ("أسبوعين", "أسبوعان"),
    "month": ("شهرين", "شهران"),
    "minute": ("دقيقتين", "دقيقتان"),
    "child": ("طفلين", "طفلان"),
    "soldier": ("جنديين", "جنديان"),
    "strike": ("غارتين", "غارتان"),
    "rocket": ("صاروخين", "صاروخان"),
    "leader": ("قياديين", "قياديان"),
    "country": ("دولتين", "دولتان"),
    "hospital": ("مستشفيين",),
}
AR_UNITS = {fold_str(w): u for u, ws in _AR_UNITS_RAW.items() for w in ws}
# Nouns whose plural is broken or feminine (مقعد/مقاعد, هدف/أهداف, انفجار/انفجارات): their -ين/-ان form
# can only be a dual ("بالمقعدين", "هدفين", "انفجاران"). Nouns with a masculine sound plural are not here:
# "مواطنين", "زائرين", "منتخبين" are plurals as often as duals. Nor nouns whose dual means "both"
# (الفريقين، الطرفين، الجانبين).
_AR_DUAL_STEMS = ("منزل", "بيت", "دولار", "ريال", "دينار", "درهم", "جنيه", "هجوم", "عنصر", "عضو", "برميل",
                  "سجين", "أسير", "قتيل", "جريح", "مريض", "متر", "لتر", "مقعد", "موسم", "انفجار", "مكتب",
                  "هدف", "حزب", "جهاز", "قرار", "شهيد", "مشروع", "مركز", "كيلومتر")
AR_DUALS = {fold_str(w): u for u, ws in _AR_DUALS_RAW.items() for w in ws}
_AR_STEM_DUALS: set[str] = set()  # definite, they count only after ب/ل: "وابنيه العضوين" is apposition
for _stem in _AR_DUAL_STEMS:
    for _end in ("ين", "ان"):
        _d = fold_str(_stem + _end)
        if _d not in AR_DUALS:
            AR_DUALS[_d] = AR_UNITS.get(fold_str(_stem), fold_str(_stem))
            _AR_STEM_DUALS.add(_d)

# The nominative dual (-ان) of a listed noun is a dual whatever its plural: "مواطنان", "مدنيان",
# "مقاتلان" (their -ين form is also the plural's, so only -ان). Definite, like the stems' duals, they
# count only after ب/ل ("المواطنان" said again is no new figure).
for _w, _u in list(AR_UNITS.items()):
    if len(_w) >= 3 and not _w.endswith(("ا", "ه", "ات", "ين", "ون", "%", "٪")) and " " not in _w \
            and _w + "ان" not in AR_DUALS and _w + "ان" not in AR_UNITS and _w + "ان" != fold_str("طالبان"):
        # ("طالبان" is the movement, not two students)
        AR_DUALS[_w + "ان"] = _u
        _AR_STEM_DUALS.add(_w + "ان")

EN_UNITS: dict[str, str] = {}
for _u, _ws in {
    "person": ("people", "persons", "person"), "year": ("years", "year", "years old", "year old"),
    "hour": ("hours", "hour"), "day": ("days", "day"), "week": ("weeks", "week"), "month": ("months", "month"),
    "minute": ("minutes", "minute"), "killed": ("killed", "dead", "deaths"), "injured": ("injured", "wounded"),
    "child": ("children", "child"), "woman": ("women", "woman"), "man": ("men", "man"), "civilian": ("civilians", "civilian"),
    "soldier": ("soldiers", "soldier", "troops"), "fighter": ("fighters", "militants", "gunmen"),
    "member": ("members", "member"), "refugee": ("refugees", "refugee", "displaced people"),
    "detainee": ("detainees", "prisoners", "prisoner"), "family": ("families", "family"),
    "house": ("homes", "houses", "home", "house"), "village": ("villages", "village"),
    "strike": ("airstrikes", "strikes", "air strikes", "raids"), "rocket": ("rockets", "missiles", "rocket", "missile"),
    "drone": ("drones", "drone"), "dollar": ("dollars", "dollar"), "euro": ("euros", "euro"),
    "km": ("kilometres", "kilometers", "km"), "mile": ("miles", "mile"), "metre": ("metres", "meters", "m"),
    "cubic metre": ("cubic metres", "cubic meters", "cubic metre", "cubic meter"),
    "square metre": ("square metres", "square meters", "sq m"),
    "square km": ("square kilometres", "square kilometers", "sq km", "square km"),
    "kg": ("kilograms", "kg"), "ton": ("tons", "tonnes"), "percent": ("percent", "per cent", "%"),
    "percentage point": ("percentage points", "percentage point"), "round": ("rounds",),
    "state": ("states", "provinces"), "dose": ("doses", "vaccine doses"), "country": ("countries",),
    "litre": ("litres", "liters"), "barrel": ("barrels",), "pilgrim": ("pilgrims",), "visitor": ("visitors",),
    "voter": ("voters",), "attack": ("attacks",), "leader": ("leaders", "commanders"),
    "hospital": ("hospitals",), "patient": ("patients",), "vehicle": ("vehicles",), "school": ("schools",),
    "building": ("buildings",), "student": ("students",), "job": ("jobs",), "truck": ("trucks", "lorries"),
    # wire copy (Reuters: "mln dlrs", "pct", "stg", "cts")
    "percent_": ("pct",), "dollar_": ("dlrs", "dlr", "u.s. dlrs", "u.s. dlr", "u.s. dollars", "us dollars"),
    "pound": ("stg", "sterling", "pounds sterling"), "cent": ("cts", "cents", "cent"),
    "basis point": ("basis points", "basis point"), "share": ("shares",),
    "yen": ("yen",), "yuan": ("yuan",), "rupee": ("rupees",), "franc": ("francs",), "guilder": ("guilders",),
    "riyal": ("riyals",), "dirham": ("dirhams",), "dinar": ("dinars",), "lira": ("lira", "liras"),
}.items():
    for _w in _ws:
        EN_UNITS[_w] = _u.rstrip("_")
# "mln", "bln" of wire copy beside the number words' multipliers
EN_MULTS = {**EN_MULTIPLIERS, "mln": 10**6, "mn": 10**6, "bln": 10**9, "bn": 10**9, "trillion": 10**12,
            "trln": 10**12}

_DIGITS = r"\d{1,3}(?:[,\u066c]\d{3})+(?:[.\u066b]\d+)?|\d+(?:[.\u066b]\d+)?"
# Arabic copy also writes "94ر75" (MAP's decimal point), "220,74" (a decimal comma) and "80.000" (a
# thousands dot); English wire copy "10-1/4" (a fraction). Tried before the plain forms.
# (a thousands dot never follows a lone 0: "0.272 في المائة" is a fraction)
_AR_DIGITS = (r"\d+\u0631\d+(?!\d)|[1-9]\d{0,2}(?:\.\d{3})+(?:\.\d{2})?(?![\d.,])|\d+,\d{1,2}(?![\d,])|" + _DIGITS)
_EN_DIGITS = r"\d+-\d+/\d+|" + _DIGITS


# the shared multipliers and the trillion of economic copy ("1.45 تريليون دولار")
_AR_MULTS = {**AR_MULTIPLIERS, **{fold_str(w): 10**12 for w in ("تريليون", "تريليونات", "تريليونا")}}


# "ثلاثة ملايين ونصف", "مليون ونصف": half a multiple more (the group is read as half the multiplier)
def _ar_half(p: str) -> str:
    # ("مليون ونصف مليون دولار": the multiplier said again)
    return rf"\s+و\s*(?P<{p}half>نصف)(?:\s+{alternation(_AR_MULT_ALONE)})?(?!\w)"


def _ar_sub(p: str) -> str:
    # "مليارين و378 مليون", "2 مليار و500 مليون": a smaller multiple added after the larger one
    return (rf"(?:\s+و\s*(?P<{p}n>\d+(?:[.\u066b]\d+)?(?!\d)|{alternation(AR_CARDINALS)})"
            rf"\s*(?P<{p}mult>{alternation(_AR_MULTS)}))")


def _ar_num() -> str:
    return (rf"(?P<par>\(\s*(?=\d))?(?P<gq>[«“\"]\s*(?=\d))?(?P<n>{_AR_DIGITS}|{ar_cardinal_pattern()})"
            rf"(?(par)\s*\))(?(gq)\s*[»”\"])"  # "(167) مليون", "«17» من الحوثيين", '“676,962” سيارة'
            # "10 آلاف و 395", "8 آلاف و89": thousands and what is added to them
            rf"(?:\s*(?P<mult>{alternation(_AR_MULTS)})(?:{_ar_sub('s')}|\s+و\s*(?P<n2>\d+(?!\d))|{_ar_half('n')})?)?"
            # "بين 15 و25", "17-18": a range, its low end is the value
            # ("بين 300 و400 مليون": the multiplier after the high end is the low end's too)
            rf"(?:\s*(?:-|و|الي)\s*(?P<hi>\d+(?:[.]\d+)?)(?:\s*(?P<himult>{alternation(_AR_MULTS)}))?(?=\s))?")



# "مليوني معتمر" (two million), "ألفي شخص": a dual multiplier is a number by itself
_AR_MULT_DUALS = {fold_str(k): v for k, v in {"مليوني": 2 * 10**6, "مليونا": 2 * 10**6, "ألفي": 2000, "ألفا": 2000,
                                               "مليارين": 2 * 10**9, "مليارا": 2 * 10**9}.items()}
# "بألف طن", "ألف شخص": a multiplier word alone is the number
_AR_MULT_ALONE = {fold_str(k): v for k, v in {"ألف": 1000, "مليون": 10**6, "مليار": 10**9}.items()}
_AR_TWO = fold_str("اثنين|اثنان|اثنتين|اثنتان")
# an Arabic word: the counted noun when no listed unit follows (the class is open: "120 يمنيًا")
_AR_WORD = r"[\u0621-\u063a\u0641-\u064a]{2,}"
# the large patterns are built and compiled on first use (text/lazy_pattern.py: start-up)
_AR_FIG = LazyPattern(lambda: (
    # (a number may carry و/ب/ل: "وست محافظات", "و200 ألف صاروخ")
    # (not after a number's "/": "انتهت بالتعادل 1/1 ركلة جزاء" is a score, "1 / 4 كوب" a fraction;
    # SPA's "اللاعب /34 عاما/" is an aside)
    rf"(?:(?:(?<![\w.,:\u066b\u066c])(?<!\d/)(?<!\d /)(?<!\d / )(?<!\d/ )|(?<=(?<!\w)[وبل])|(?<=[\u0621-\u064a])(?=\d)|(?=[(«“\"]\s*\d))(?:{_ar_num()}|(?P<mdual>{alternation(_AR_MULT_DUALS)}){_ar_sub('d')}?)"
    rf"|(?<!\w)(?:[وبل]?(?P<half>نصف)[ \t]+)?[وبل]?(?P<malone>{alternation(_AR_MULT_ALONE)})(?:{_ar_sub('a')}|{_ar_half('a')})?(?=[ \t]))"
    # the noun on the same line: after digits a space may be missing ("15في المائة"), after a word not
    # (a no-break space is a space: "أكثر من 300 \xa0قذيفة")
    rf"(?:(?<=\d)[ \t\xa0]*|[ \t\xa0]+)(?P<of>من[ \t]+)?(?:(?P<u>{alternation(AR_UNITS)})(?:(?!\w)|(?<=[%٪]))"
    # (not a number word: "(25) خمسة وعشرون مترا" is read from its words)
    rf"|(?!ال)(?!(?:{alternation(AR_CARDINALS)})(?!\w))(?P<w>{_AR_WORD})(?!\w)|(?<=من[ \t])ال(?P<w2>{_AR_WORD})(?!\w))"
    rf"|(?<!\w)[وبل]?(?:ال)?(?P<dual>{alternation(AR_DUALS)})(?:\s+(?:{_AR_TWO}))?(?!\w)"
    rf"|(?<!\w)(?P<u2>{alternation(AR_UNITS)})\s+(?:{_AR_TWO})(?!\w)"
))
# a feminine dual of any noun: "فترتين", "جولتين" (a stem of three letters or more before تين/تان)
_FDUAL_WORD = lazy_regex(r"(?<!\S)\S{3,}ت[يا]ن(?!\S)")
_AR_FDUAL = lazy_regex(r"(?<!\w)[وبل]?(?P<fdual>[\u0621-\u063a\u0641-\u064a]{3,})(?:تين|تان)(?!\w)")
# a number word after its noun: "الضحايا الستة", "مبارياته الثلاث", "بلون واحد"
# (the number word is found first, then the noun before it: cheaper than trying every word)
_AR_AFTER = LazyPattern(lambda: (
    rf"(?<=[\u0621-\u064a][ \t])(?:(?P<def>ال(?:{alternation(k for k, v in AR_CARDINALS.items() if 3 <= v <= 10 and ' ' not in k)}))"
    rf"|(?P<one>{fold_str('واحد|واحدة|واحدا|الواحد|الواحدة')}))(?!\w)"
))
# the open class's closed neighbours: words after a number that are not what it counts
_AR_NOT_NOUN = {fold_str(w) for w in (
    "في من إلى الى على عن مع منذ حتى أو او ثم أن إن أنه انه بين مابين بعد قبل خلال عند لدى نحو حوالي أكثر أقل فقط أيضا "
    "كل هذا هذه ذلك تلك هنا هناك اثر إثر التي الذي الذين ما لا لم لن قد هو هي هم نحن كان كانت وفق ضمن دون غير سوى مقابل لكل "
    "آخرين آخرون أخرى أخرين آخر منهم منها منهن منهما نفس نصف فيها فيه له لها هـ ه م ق ب ت عاما عام يوم بنسبة نسبة مقارنة مرة "
    "الموافق وذلك كما حيث إذ اذ بل لكن ألف آلاف الف الاف مليون ملايين مليار مليارات تقريبا "
    # a time of day ("من 7 إلى 9 مساء") counts nothing
    "مساء مساءا صباحا صباح ظهرا عصرا فجرا ليلا "
    # conjunctions after a minute or an index's number: "في الدقيقة 86 عندما", "يوروفرست 300 بعدما"
    "عندما بعدما حينما بينما كلما بأن لأن حول توقيت وسط "
    # adverbs: "المرتبة 107 عالميا", "مليون برميل يوميا" say where or how often, not what
    "عالميا محليا دوليا عربيا سنويا يوميا شهريا أسبوعيا حاليا رسميا نهائيا فعليا تدريجيا كليا مجانا").split()}
_AR_NOUN_BEFORE = lazy_regex(_AR_WORD)
_AR_RANK_BEFORE = {fold_str(w) for w in "دور لدور بدور".split()}
_AR_TEEN = lazy_regex(r"[ \t]+عشر[ه]?(?!\w)")
_AR_AFTER_WORDS = {"ال" + k for k, v in AR_CARDINALS.items() if 3 <= v <= 10 and " " not in k} | {
    fold_str(w) for w in ("واحد", "واحدة", "واحدا", "الواحد", "الواحدة")}
_AR_MONTHWORDS = None  # filled on first use from the date lexicon (imported lazily: no cycle)


def _en_num() -> str:
    return (rf"(?P<n>{_EN_DIGITS}|{alternation(EN_CARDINALS)}|a\s+dozen|dozens\s+of)"
            rf"(?:-(?P<hi>\d+)(?=\s))?"
            rf"(?:(?:\s+|(?<=\d))(?P<mult>{alternation(EN_MULTS)})\b)?")


_EN_FIG = LazyPattern(lambda: (
    # (not "1986/87": a fiscal year; not "19:02": a time of day; not "07-2015" of "03-07-2015": a date)
    rf"(?<![\w.,$£€/:])(?<!\d-)(?P<cur>[$£€])?(?:{_en_num()})(?:-|\s+|(?=%))"
    rf"(?:(?P<u>{alternation(EN_UNITS)})(?:\b|(?<=%))"
    # else an open noun, a plural after up to three words: "six other civilians", "456,968 common shares",
    # "six long-range bombers", "145 new salespeople"; a plural noun after it is the head, the first its
    # modifier ("33 weapons emplacements", "six arms depots")
    r"|(?P<of>of\s+(?:the|these|those|its|their)\s+)?(?P<mods>(?:[a-z]+(?:-[a-z]+)?\s+){0,3}?)"
    r"(?P<w>[a-z]+s|[a-z]+people|[a-z]+men)\b(?:\s+(?P<w2>(?-i:[a-z]{3,}s))\b)?)"
    rf"|\baged\s+(?P<age>\d{{1,3}})\b"), re.I)
# Rarer forms, each run only when the text holds what it starts with (a pattern more in the one pass
# above costs every position of every article):
# "$180bn", "£4.6bn", "$5 million": the sign gives the currency
_EN_SIGN = LazyPattern(lambda: rf"(?<![\w.,])(?P<sign>[$£€])(?P<sn>{_DIGITS})(?:\s*(?P<smult>{alternation(EN_MULTS)})\b)?",
                       re.I)
# "kills 30", "injured 90": a number after the verb counts its victims
_EN_VERB = LazyPattern(lambda: (
    rf"\b(?P<verb>kill(?:s|ed|ing)?|injur(?:es|ed|ing|e)|wound(?:s|ed|ing)?)\s+"
    # ("killing at least 100 and wounding ...", "has killed more than 290000 and displaced millions")
    rf"(?:(?:at\s+least|more\s+than|nearly|almost|about|around|some|over|up\s+to)\s+)?"
    rf"(?P<vn>\d{{1,3}}(?:,\d{{3}})+|\d+|{alternation(EN_CARDINALS)})(?![.,]?\d)"  # (not "1" of "1,200 people")
    rf"(?=[ \t]*(?:[,.;:)\n]|$)|\s+(?:and|on|in|at|near|when|after|while|kill\w*|injur\w*|wound\w*)\b)"), re.I)
_EN_VERB_HINTS = ("kill", "injur", "wound")
# (not a verb with its own count after it: "killed 5 wounded 9 others" is five killed)
_EN_PARTICIPLE_AFTER = LazyPattern(
    lambda: r"\s+(?P<w>injured|wounded|killed|dead)\b(?!\s+(?:(?:at\s+least|more\s+than|about|nearly|some|over|"
            rf"around|up\s+to)\s+)?(?:\d|(?:{alternation(EN_CARDINALS)})\b))", re.I)
# "at 0914 Homs governor says": four digits opening with 0 are a time of day (wire copy's 24-hour clock)
_EN_CLOCK = lazy_regex(r"0\d{3}")
# "a mln bales", "a million people"
_EN_A_MULT = lazy_regex(r"\ban?\s+(?P<mult>mln|million|bln|billion)\s+(?P<w>[a-z]+)\b", re.I)
_EN_FRACTION_BEFORE = lazy_regex(r"\b(?:(?:a|one)\s+(?P<f>quarter|third)\s+of|(?P<f2>half)(?:\s+of)?)\s+$", re.I)
_EN_FRACTIONS = {"quarter": 0.25, "third": 1 / 3, "half": 0.5}
# plural words after a count's noun that are no head of it ("5 soldiers says"), and units no noun modifies
_EN_NOT_HEAD = {"says", "remains", "seems", "means", "needs", "makes", "takes", "gets", "puts", "comes", "gives"}
_EN_NO_MODIFIER_UNITS = {"person", "child", "woman", "man", "civilian", "soldier", "fighter", "member", "refugee",
                         "detainee", "family", "pilgrim", "visitor", "voter", "leader", "patient", "student",
                         "percent", "dollar", "cent", "share", "year", "month", "week", "day", "hour", "minute"}
# (people are no modifier of a noun after them: in copy stripped of its commas "50 rebels jihadists" is a list)
_EN_PEOPLE_PLURALS = {"rebels", "troops", "insurgents", "loyalists", "forces", "residents", "militiamen", "policemen"}
# a column gap (two spaces or more) on both sides of a number and its word: Reuters' price and quota tables
# ("... 2.39 Memphis     1.59 ...") set out cells, never a count and its noun
_TABLE_CELL_BEFORE = lazy_regex(r"  $")
_TABLE_CELL_AFTER = lazy_regex(r"  |[ \t]*(?:\n|$)")
_EN_PLURAL = lazy_regex(r"[a-z]+s|[a-z]*people|[a-z]+men")
_EN_A_HINT = lazy_regex(r"\ban?\s+(?:mln|million|bln|billion)\b", re.I)
_EN_NOT_NOUN = {"is", "was", "has", "this", "its", "us", "as", "yes", "his", "hers", "ours", "yours", "theirs",
                "always", "sometimes", "perhaps", "times", "does", "goes", "series", "news", "thus", "plus",
                "minus", "less", "unless", "across", "whereas", "besides", "towards", "afterwards", "pass",
                "class", "cross", "press", "gas", "bus", "status", "basis", "crisis", "analysis", "others"}
_EN_NOT_MOD = {"of", "to", "in", "on", "at", "by", "for", "from", "and", "or", "the", "a", "an", "than", "per",
               "with", "that", "which", "who", "were", "was", "is", "are", "be", "been", "had", "have", "has",
               "said", "says", "up", "down", "over", "under", "about", "after", "before", "since", "until",
               "into", "as", "it", "he", "she", "they", "we", "its", "their", "his", "her", "not", "no"}
# words before a number that make it a quantity ("about 1700 lawsuits"), never a year
_EN_HEDGES = {"about", "some", "around", "nearly", "almost", "over", "than", "least", "to", "roughly",
              "approximately", "estimated", "only", "just"}
_AR_THOUSANDS_DOT = lazy_regex(r"[1-9]\d{0,2}(?:\.\d{3})+(?:\.\d{2})?")
# a Hijri (1300-1449) or Gregorian (1800-2099) year: before an unlisted word, the date tagger's
_YEARLIKE = lazy_regex(r"13\d\d|14[0-4]\d|1[89]\d\d|20\d\d")
_EN_YEARLIKE = lazy_regex(r"1[7-9]\d\d|20\d\d")
# words before a year: an unlisted noun after the number is then the year's sentence ("عام 2016 بطولة")
_AR_YEAR_BEFORE = {fold_str(w) for w in (
    "عام العام لعام للعام بالعام والعام وعام سنة السنة لسنة منذ حتى خلال مطلع نهاية أواخر أوائل بداية منتصف موسم الموسم "
    "مونديال كأس يورو رؤية ميزانية موازنة دورة أولمبياد").split()}
# words before a number that make it an identifier, not a count ("القميص رقم 10", "المادة 5")
# ("في الدقيقة 36 من الشوط" is a moment of the match)
_AR_ID_BEFORE = {fold_str(w) for w in ("رقم الرقم المادة مادة الفصل البند بند القميص بالقميص كأس الطريق طريق "
                                        "الدقيقة بالدقيقة والدقيقة").split()}
# the elative (أفعل: أكبر، أهم، أفضل) after "one of"
_AR_ELATIVE = lazy_regex(r"ا[\u0621-\u064a]{3}")
_AR_PRONOUNS = {fold_str(w) for w in "هو هي وهو وهي فهو فهي أنه أنها بأنه بأنها لأنه لأنها إنه إنها هم وهم".split()}
# a partitive's definite noun that names a measure: "في الـ30 من العمر" is an age
_AR_OF_UNITS = {fold_str("عمر"): "year"}
# a percent sign before its number, as right-to-left typing leaves it ("%10.6"), not after another number
_AR_PCT_BEFORE = lazy_regex(r"(?<![\d%٪])(?<!\d )[%٪]\s?(?P<pn>\d+(?:[.,]\d+)?)(?![\d%٪.,])")
# the word before a time of day ("الساعة 0647", "الساعة الواحدة"): the hour is no count of hours
_AR_CLOCK = {fold_str(w) for w in ("الساعة", "والساعة", "بالساعة", "للساعة")}
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute"}
# "الثانية عشرة" (the twelfth), "الحادي عشر" (the eleventh): the tens word of a compound ordinal counts
# nothing ("للمرة الثانية عشرة من أصل 40" is no ten of anything).
_AR_ORDINAL_TENS = {fold_str(w) for w in ("عشر", "عشرة")}
_AR_ORDINAL_UNITS = {fold_str(w) for w in (
    "الحادي الحادية الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة السابع "
    "السابعة الثامن الثامنة التاسع التاسعة").split()}
# A sum for each share ("1.23 ريال / للسهم") is another quantity than the sum itself (a loss of 945
# million riyals): its unit says so. (English copy's "per share" is left to the unit the labelled
# real copy gives it, the currency.)
_PER_SHARE = lazy_regex(r"\s*[/(]?\s*(?:لل|ل|لكل |عن كل )سهم")


@dataclass(slots=True)
class Figure:
    start: int  # offsets in the folded text
    end: int
    value: float
    unit: str


def _number(n: str, mult: str | None, words: dict, mults: dict) -> float | None:
    n = n.lower()
    if n[0].isdigit():
        v = _digits(n, words is AR_CARDINALS)
        if v is None:
            return None
    elif n == "a dozen":
        v = 12.0
    elif n in ("a", "an"):
        v = 1.0
    elif n.startswith("dozens"):
        return None
    else:
        w = ar_cardinal_value(n) if words is AR_CARDINALS else words.get(_WHITESPACE.sub(" ", n))
        if w is None:
            return None
        v = float(w)
    if mult:
        if words is AR_CARDINALS and n.count(".") == 1 and _AR_THOUSANDS_DOT.fullmatch(n):
            v = float(n)  # "6.935 ملايين برميل", "42.095 مليار ريال": before a multiplier the dot is a decimal point
        v *= mults.get(mult.lower(), 1)
    return v


def _digits(n: str, arabic: bool = False) -> float | None:
    """Digits as written in news copy, to a number (see _AR_DIGITS / _EN_DIGITS for the forms)."""
    if "\u0631" in n:  # MAP's "94ر75" is 75.94: the fraction is written first
        frac, whole = n.split("\u0631", 1)
        n = f"{whole}.{frac}"
    elif "/" in n:  # 10-1/4
        whole, frac = n.split("-", 1)
        num, den = frac.split("/", 1)
        try:
            return float(whole) + (float(num) / float(den) if float(den) else 0.0)
        except ValueError:
            return None
    elif arabic and _AR_THOUSANDS_DOT.fullmatch(n):
        whole, _, cents = n.rpartition(".") if len(n.rpartition(".")[2]) == 2 else (n, "", "")
        n = whole.replace(".", "") + ("." + cents if cents else "")  # 80.000; "362.796.000.00 ريال": cents
    elif arabic and re.fullmatch(r"\d+,\d{1,2}", n):
        n = n.replace(",", ".")  # 220,74
    try:
        return float(n.replace(",", "").replace("\u066c", "").replace("\u066b", "."))
    except ValueError:
        return None


# words that can start or make a figure; the patterns run only in windows around them
_AR_TRIGGERS = {p + w for w in list(AR_CARDINALS) + list(AR_DUALS) + list(_AR_MULT_DUALS) + list(AR_UNITS)
                + list(_AR_MULT_ALONE) for p in ("", "و", "ب", "ل", "ال", "وال", "بال")}
_EN_TRIGGERS = {w for w in list(EN_CARDINALS) + ["aged", "dozen", "dozens"] if " " not in w}
_PUNCT = "\"'«»“”„()[]{}،,؛;:.!?؟%٪"
_DIGIT = lazy_regex(r"\d")
_AR_LETTER = lazy_regex(r"[\u0600-\u06ff]")


def _windows(text: str, triggers: set[str], lower: bool, words: set[str] | None = None) -> list[tuple[int, int]]:
    hay = text.lower() if lower else text
    if len(hay) != len(text):  # a rare character that lowercases to two: offsets would drift
        hay = text
    if words is None:
        words = _words(hay)
    points = []
    for w in words & triggers:
        k = hay.find(w)
        while k >= 0:
            points.append(k)
            k = hay.find(w, k + len(w))
    points += [m.start() for m in _DIGIT.finditer(text)]
    points.sort()
    spans: list[list[int]] = []
    n = len(text)
    for p in points:
        s, e = max(0, p - 30), min(n, p + 60)  # a number word or digits, then its noun
        if spans and s <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    return [(s, e) for s, e in spans]


def _words(text: str) -> set[str]:
    return {w.strip(_PUNCT) for w in set(text.split())}  # dedupe first: fewer strips


def _iter(rx: re.Pattern, text: str, windows: list[tuple[int, int]]):
    last_end = -1
    for ws, we in windows:
        for m in rx.finditer(text, ws, we):
            if m.start() >= last_end:
                last_end = m.end()
                yield m


def _not_noun_ar() -> set[str]:
    global _AR_MONTHWORDS
    if _AR_MONTHWORDS is None:
        from .lexicon import AR_HIJRI_MONTHS, AR_MONTHS, AR_REL, AR_WEEKDAYS
        words = set(_AR_NOT_NOUN)
        for d in (AR_MONTHS, AR_HIJRI_MONTHS, AR_WEEKDAYS, AR_REL):
            for k in d:
                words.update(k.split())
        words.update("ال" + k for k in AR_WEEKDAYS)
        _AR_MONTHWORDS = words
    return _AR_MONTHWORDS


_AR_DEFINITE = tuple(fold_str(p) for p in ("ال", "لل", "بال", "وال", "فال", "كال"))
# how a counted noun ends and a verb of a new clause does not (ة folded to ه: "وحدة", a plural's ات,
# the accusative's tanween: "وزيرا"; "وقال", "وأصيبت" end otherwise)
_AR_NOUN_ENDS = ("ه", "ات", "ا")
_MIN = fold_str("من")  # "أكثر من 1300 حالة": a count after من when its noun ends as one


def _ar_noun(w: str, after_mult: bool, n: str | None, before: str = "", counted: bool = False,
             of: bool = False) -> str | None:
    """The counted noun of an open-class Arabic figure, or None when the word is not one.

    ``before`` is the word before the number; ``counted`` says the number is in parentheses,
    as only counts are in news copy ("(1305) مشروعات"), or follows a word that is no year's;
    ``of`` that من stands between the number and the word ("نسخة 2018 من جائزة")."""
    if w in _not_noun_ar() or w.startswith(_AR_DEFINITE) or w in AR_CARDINALS:
        return None  # a counted noun is indefinite: "46 لآسيا", "35 للكونكاكاف" give to whom, not what
    if w[0] in "وف" and len(w) > 3 and (w[0] == "و" and (not w.endswith(_AR_NOUN_ENDS) or w[1] in "ات")
                                         or w.endswith(("وا", "ها")) or w[1] == "ا"
                                         or w[1:] in _not_noun_ar() or w[1:] in AR_CARDINALS
                                         or w[1:].startswith("ال")):
        # "وأصيب", "فإن", "5 فأكثر": a new clause or "or more"; "مقتل 3 وإصابة 7", "واعتقال", "وتدمير":
        # the next event's verbal noun ("7 آلاف وحدة", "12 وزيرا", "13 فريقا", "500 فدان" are counted;
        # ف opens few clauses after a number, و many)
        return None
    if w[0] in "بل" and w not in AR_UNITS and (
            w[1] == "م" and not after_mult or w[1:] in _not_noun_ar() or w[1:] in AR_CARDINALS
            or w[1:] in _AR_YEAR_BEFORE):
        return None  # "بمقدار", "لمهرجان", "بنهاية", "لعشرة": a preposition's object, not what is counted
    if len(w) >= 4 and w.endswith("وا") and w not in AR_UNITS:
        return None  # "298 حضروا": a past verb of a plural subject
    if len(w) >= 5 and w[0] == "س" and w[1] in "يت" and w[2] not in "او" \
            and not w.endswith(_AR_NOUN_ENDS + ("ين", "ون")):
        return None  # "7 سيتميز": a verb of the future ("سياسة", "سيارات" end as nouns)
    verbs = "يتن" if n and _YEARLIKE.fullmatch(n) else "يت"  # ("2006 ـ 2007 نادي": a year's sentence)
    if (not after_mult or len(w) <= 3) and w[0] in verbs and not w.endswith(("ا", "ات", "ين", "ون", "ه")) \
            and not (w[0] == "ت" and len(w) == 5 and w[3] == "ي" and not of):  # "100 تدبير": تفعيل, a noun
        # ("3042 من تنظيم داعش": members of it, unsaid)
        return None  # "يتصدر", "4 مليارات تخص": an imperfect verb, not a noun ("نقطة", "تجربة" end as nouns;
        # ن opens the verbs of "we", which news copy hardly puts after a number: "6 نقاط", "26 نجوم" are nouns)
    if n and not after_mult and _YEARLIKE.fullmatch(n) and (
            not counted or before in _not_noun_ar() and not (before == _MIN and w.endswith(_AR_NOUN_ENDS))
            or before in _AR_YEAR_BEFORE or w.endswith("ت")
            or before[:1] == "و" and (before[1:] in _not_noun_ar() or before[1:] in _AR_YEAR_BEFORE)
            or w[0] in "وفبل" or of):
        return None  # "2015 شهدت", "عام 2016 بطولة": a year is the date tagger's ("الشرطة 1400 جهاز" is not)
    return w[:-1] if len(w) >= 4 and w.endswith("ا") and not w.endswith("يا") else w


def _other_quantity(text: str, start: int, end: int) -> bool:
    """Digits or a number word in the sentence around [start, end) outside it."""
    a = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind("؟", 0, start)) + 1
    ends = [k for k in (text.find(".", end), text.find("\n", end), text.find("؟", end)) if k >= 0]
    b = min(ends) if ends else len(text)
    around = text[a:start] + " " + text[end:b]
    return _DIGIT.search(around) is not None or not _AR_AFTER_WORDS.isdisjoint(around.split()) \
        or any(w in AR_CARDINALS or w in _AR_MULT_ALONE for w in around.split())


def find_figures(folded: Folded, lang: str) -> list[Figure]:
    text = folded.text
    out: list[Figure] = []
    # Without Arabic letters the Arabic patterns can only read a number before % or ٪ (every other
    # unit, dual and connective is an Arabic word), and the English ones read "12%": skip them unless ٪.
    words = _words(text) if _AR_LETTER.search(text) else None
    ar_win = _windows(text, _AR_TRIGGERS, False, words) if (words is not None or "٪" in text) else []
    for m in _iter(_AR_FIG, text, ar_win):
        if m.group("dual"):
            d = m.group("dual")
            if text.endswith("ال", 0, m.start("dual")):
                if d in AR_UNITS:
                    continue  # "عدد من القياديين": a definite plural, the dual's spelling
                if -1 < text.find(d) < m.start():
                    continue  # "بالمقعدين البرلمانيين" after "بالمقعدين المخصصين": the same two, said again
                if d in _AR_STEM_DUALS and not text.endswith(("بال", "لل"), 0, m.start("dual")):
                    continue  # "وابنيه العضوين": an apposition to what was counted
            out.append(Figure(m.start("dual"), m.end(), 2.0, AR_DUALS[d]))
            continue
        if m.group("u2"):
            out.append(Figure(m.start(), m.end(), 2.0, AR_UNITS[m.group("u2")]))
            continue
        unit = AR_UNITS[m.group("u")] if m.group("u") else None
        start = m.start()
        if m.group("mdual"):
            v = float(_AR_MULT_DUALS[m.group("mdual")])
        elif m.group("malone"):
            v = float(_AR_MULT_ALONE[m.group("malone")])
            start = m.start("malone")
            if m.group("half"):
                v, start = v / 2, m.start("half")  # "نصف مليون صيني": half a million
        else:
            n = m.group("n")
            if _phone_like(n):
                continue
            if (not n[0].isdigit() and not m.group("u") and m.start() > 0 and text[m.start() - 1] in "وبل"
                    and not m.group("mult") and (text[m.start() - 1] == "و" or n == "ست")):
                continue  # "وست بروميتش", "لست أدري": a number word glued to و (or ست to ب/ل) counts only a
                # listed noun ("وست محافظات"); after ب/ل it is the number ("بثلاثة مواقع", "بخمسة أهداف")
            if n in _AR_ORDINAL_TENS and _word_before(text, m.start()) in _AR_ORDINAL_UNITS:
                continue
            units = None
            wb = _word_before(text, m.start())
            if n in _AR_ORDINAL_TENS and AR_CARDINALS.get(wb[2:] if wb in _AR_AFTER_WORDS else wb, 10) < 10:
                # "(15) خمسة عشر مصليا": read from its second word; "الأربعة عشر قرنا" is fourteen too
                # ("دور الستة عشر من المسابقة" is a round's name)
                if wb in _AR_AFTER_WORDS and _word_before(text, m.start() - len(wb) - 1) in _AR_RANK_BEFORE:
                    continue
                units = AR_CARDINALS[wb[2:] if wb in _AR_AFTER_WORDS else wb]
            added = bool(m.group("mult") or m.group("sn"))
            # "300 و400 مليون": a range of millions; "تسعة مليارات و195 مليونا و700 ألف": one sum
            v = _number(n, m.group("mult") or (m.group("himult") if not added else None), AR_CARDINALS,
                        _AR_MULTS)
            if v is not None and m.group("n2"):
                v += float(m.group("n2"))
            if v is not None and units is not None:
                v += units
            if v is not None and added and m.group("himult"):
                high = _number(m.group("hi"), m.group("himult"), AR_CARDINALS, _AR_MULTS)
                v = v + high if high is not None and high < v else None
        for p in "sda":
            if v is not None and m.group(p + "n"):
                sub = _number(m.group(p + "n"), m.group(p + "mult"), AR_CARDINALS, _AR_MULTS)
                if sub is None or sub >= v:
                    v = None  # "مليون و3 مليارات" adds no smaller part: not one number
                else:
                    v += sub
        if v is not None and (m.group("nhalf") or m.group("ahalf")):
            mult = m.group("mult") or m.group("malone")
            v += _AR_MULTS.get(mult, _AR_MULT_ALONE.get(mult, 0)) / 2
        if v is None:
            continue
        before = _word_before(text, start)
        if before in _AR_CLOCK:
            continue  # "الساعة 0647 بتوقيت غرينتش", "الساعة 12 تماما": a time of day counts nothing
        if unit is None and start > 0 and "\u0621" <= text[start - 1] <= "\u064a" and not text.endswith("ال", 0, start) \
                and not (start >= 2 and text[start - 1] in "وبل" and not text[start - 2].isalnum()):
            continue  # "تحمل11 طنا": digits glued to the word before count a listed unit only
        if unit is None and (start >= 2 and text.endswith("ال", 0, start) and (start == 2 or not text[start - 3].isalnum())
                             or before == "ال" and (m.group("w") or "x")[0] in "بل"):
            continue  # "الـ400 ريال" is a sum; "المادة الـ66 من", "القرن الـ20", "الدقيقة الـ 27 لبوكا" a rank
            # (glued: a listed unit only; "من بين الـ 11 رجلا" is a count)
        if m.group("of") and AR_CARDINALS.get(m.group("n") or "") == 1:
            # "واحدة من أكبر", "واحد من الأفضل": one of the most ..., a rank; "والإمارات واحدة من دول",
            # "واحدة من التحديات": one member of a group, what it is, no count. A dual after من still
            # counts its two ("واحد من قفصين").
            # "one of" an indefinite -ين/-ان word is one of two: a dual ("واحد من رجلين"; a plural after
            # "one of" is definite: "واحد من المسلحين"), unless the word is a listed plural ("قياديين")
            w = m.group("w") or ""
            if w in AR_DUALS:
                out.append(Figure(m.start("w"), m.end("w"), 2.0, AR_DUALS[w]))
            # (after من a dual is genitive, -ين; "تعيين", "تأمين" are verbal nouns of one)
            elif len(w) >= 5 and w.endswith("ين") and w not in AR_UNITS and w not in _not_noun_ar() \
                    and w not in AR_CARDINALS and not (w[0] == "ت" and len(w) == 5):
                stem = w[:-3] + "ه" if w.endswith("تين") else w[:-2]
                out.append(Figure(m.start("w"), m.end("w"), 2.0, AR_UNITS.get(stem, stem)))
            continue
        if unit is None and before in _AR_ID_BEFORE:
            continue  # "القميص رقم 10", "في الدقيقة 36 من الشوط": an identifier or a moment, no count
        if unit is None and m.group("w2"):
            # "3500 من الكتاكيت", "40 من النساء": a part of a definite whole, counted all the same
            w2 = m.group("w2")
            if (w2 in _not_noun_ar() or "ال" + w2 in _not_noun_ar() or AR_UNITS.get(w2) in _TIME_UNITS
                    or _YEARLIKE.fullmatch(m.group("n") or "")):
                continue  # ("15 من الشهر" is a day of it)
            unit = AR_UNITS.get(w2) or _AR_OF_UNITS.get(w2) or w2
        if unit is None:
            unit = _ar_noun(m.group("w"), bool(m.group("mult") or m.group("mdual") or m.group("malone")),
                            m.group("n"), before, bool(m.group("par") or m.group("gq")) or bool(before) and before[-1] not in _PUNCT + "/",
                            m.group("of") is not None)
            if unit is None:
                continue
        out.append(Figure(start, m.end(), v, unit))
    if "%" in text or "٪" in text:  # "من %10.6 إلى %7.9": the sign typed before the number
        for m in _AR_PCT_BEFORE.finditer(text):
            v = _digits(m.group("pn"), True)
            if v is not None:
                out.append(Figure(m.start(), m.end(), v, "percent"))
    # the two patterns below, only where the article holds one of their words (found in its word set)
    for w in _FDUAL_WORD.findall(" ".join(words)) if words else ():  # one scan over the distinct words
        m = _AR_FDUAL.fullmatch(w)
        stem = m.group("fdual") if m else ""
        if not stem or stem in _not_noun_ar() or stem.startswith("ال") or stem + "ين" in AR_CARDINALS:
            continue
        if stem.endswith("س") and stem + "ه" not in AR_UNITS:
            continue  # "باكستان", "أفغانستان", "كردستان": a place, not two of something (مدرستان is listed)
        k = text.find(w)
        while k >= 0:
            e = k + len(w)
            if ((k == 0 or not text[k - 1].isalnum()) and (e == len(text) or not text[e].isalnum())
                    and not _word_before(text, k).endswith(("تان", "تين"))):  # "مدرستان جديدتان": agreement
                out.append(Figure(k + m.start("fdual"), e, 2.0, AR_UNITS.get(stem + "ه", stem + "ه")))
            k = text.find(w, e)
    if words and not words.isdisjoint(_AR_AFTER_WORDS):
        for m in _AR_AFTER.finditer(text):
            w = _word_before(text, m.start())
            if not _AR_NOUN_BEFORE.fullmatch(w) or w in _not_noun_ar() or w in AR_CARDINALS or w == "كل" \
                    or w in _AR_MULT_ALONE or w in _AR_MULT_DUALS or w in _AR_MULTS or w in _AR_CLOCK \
                    or w[0] in "يتن" and not w.endswith(("ا", "ات", "ين", "ون", "ه")) \
                    or w in _AR_PRONOUNS or m.group("one") and w.startswith(("لل", "لكل")) \
                    or m.group("one") and not m.group("one").startswith("ال") and w.startswith(_AR_DEFINITE):
                continue  # "مليونا واحدا" is one million of something unsaid, not one of "مليونا"; "تتجاوز
                # الأربعة" is a verb's object; "الساعة الواحدة" a time of day; "وهو واحد" a pronoun's
                # predicate; "للشخص الواحد" a rate for each; "الجمعية واحدة من" a predicate (an
                # adjective agrees in definiteness: "بلون واحد", "المجتمع الواحد")
            bare = w[1:] if w[0] in "وف" and len(w) >= 3 and w not in AR_UNITS else w
            if bare != w and (bare in _not_noun_ar() or bare in _AR_PRONOUNS or bare == "كل"
                              or bare[0] in "يت" and not bare.endswith(("ا", "ات", "ين", "ون", "ه"))):
                continue  # "وكل واحد", "ولا واحدة", "وهذه واحدة", "ويعتبر واحدا": a word of the clause after و
            if bare in _AR_RANK_BEFORE and m.group("def"):
                continue  # "دور الثمانية", "لدور الستة عشر": a round's name, no count of rounds
            if m.group("one") and w[0] in "يت" and w.endswith("ون"):
                continue  # "يدخلون واحدة": a verb of a plural (no plural noun takes واحد)
            v = 1.0 if m.group("one") else float(AR_CARDINALS.get(m.group("def")[2:], 0) or 0)
            end = m.end()
            teen = _AR_TEEN.match(text, end) if m.group("def") else None
            if teen:
                v, end = v + 10, teen.end()  # "قطاعات السوق الخمسة عشر": fifteen, not five
            if v == 1 and m.group("one").startswith("ال") and not _other_quantity(text, m.start() - 1 - len(w), end):
                continue  # "الوطن الواحد", "أصابع اليد الواحدة": the one X, no count; a rate's unit counts
                # ("عشرة ريالات مقابل الصورة الواحدة", "سعر الكيلو الواحد 4 ريالات": its sentence tells the other side)
            if v:
                out.append(Figure(m.start() - 1 - len(w), end, v, AR_UNITS.get(w, w)))
    if lang == "en" or _LATIN_LETTER.search(text):
        for m in _EN_FIG.finditer(text):
            if m.group("age"):
                out.append(Figure(m.start(), m.end(), float(m.group("age")), "year"))
                continue
            n = m.group("n")
            if m.group("w"):  # an open noun
                w = m.group("w")
                lw = w.lower()
                if _TABLE_CELL_BEFORE.search(text, max(0, m.start() - 2), m.start()) \
                        and _TABLE_CELL_AFTER.match(text, m.end("w")):
                    continue  # "nil          75,530 BARBADOS        nil": a number and a label, cells of a table
                if (lw in _EN_NOT_NOUN or lw in EN_MULTS or m.group("cur")
                        or any(x.lower() in _EN_NOT_MOD for x in m.group("mods").split())
                        or m.group("of") and n.lower() in ("one", "1", "a", "an")):
                    continue  # ("one of the largest engagements" counts nothing)
                if (not m.group("mult") and _EN_YEARLIKE.fullmatch(n) and lw not in EN_UNITS
                        and _word_before(text, m.start()).lower() not in _EN_HEDGES):
                    continue  # "1987 models": a year, the date tagger's ("about 1700 lawsuits": a count)
                unit = EN_UNITS.get(lw) or EN_UNITS.get(lw[:-1]) or lw
                end = m.end("w")
                w2 = m.group("w2")
                if w2 and w2 not in _EN_NOT_NOUN and w2 not in _EN_NOT_HEAD and unit not in _EN_NO_MODIFIER_UNITS \
                        and not lw.endswith(("ists", "ians")) and lw not in _EN_PEOPLE_PLURALS \
                        and (EN_UNITS.get(w2) or EN_UNITS.get(w2[:-1])) not in _TIME_UNITS:
                    unit, end = EN_UNITS.get(w2) or EN_UNITS.get(w2[:-1]) or w2, m.end("w2")
            else:
                unit = _SIGNS[m.group("cur")] if m.group("cur") else EN_UNITS[_WHITESPACE.sub(" ", m.group("u").lower())]
                end = m.end()
            v = _number(n, m.group("mult"), EN_CARDINALS, EN_MULTS)
            if v is None or _phone_like(n) or _EN_CLOCK.fullmatch(n):
                continue
            out.append(Figure(m.start(), end, v, unit))
        if "$" in text or "£" in text or "€" in text:
            for m in _EN_SIGN.finditer(text):
                v = _number(m.group("sn"), m.group("smult"), EN_CARDINALS, EN_MULTS)
                if v is not None:
                    out.append(Figure(m.start(), m.end(), v, _SIGNS[m.group("sign")]))
        low = text.lower() if len(text.lower()) == len(text) else text
        if any(h in low for h in _EN_VERB_HINTS):
            for m in _EN_VERB.finditer(text):
                v = _number(m.group("vn"), None, EN_CARDINALS, EN_MULTS)
                if v is None:
                    continue
                after = _EN_PARTICIPLE_AFTER.match(text, m.end())
                if after and m.group("verb").lower().endswith("ed"):
                    # "100 civilians killed 700 injured": a list of counts, each before its participle; the
                    # number is the injured, not more killed ("kills 30 injures 40" keeps the verb's reading)
                    w = after.group("w").lower()
                    out.append(Figure(m.start("vn"), after.end(), v, "killed" if w.startswith("kill") else "injured"))
                    continue
                out.append(Figure(m.start(), m.end(), v,
                                  "killed" if m.group("verb").lower().startswith("kill") else "injured"))
        if _EN_A_HINT.search(text) if (" a " in low or " an " in low) and ("mln" in low or "illion" in low) else False:
            for m in _EN_A_MULT.finditer(text):
                lw = m.group("w").lower()
                # the word after it is the unit when it is one ("a million people", "a mln dlrs", "half a million
                # killed") or a plural noun as _EN_FIG reads them; "half a million fled" counts what is elided
                # (the unit was the verb 'fled'), as "500,000 fled" is no figure
                if lw not in _EN_NOT_MOD and lw not in _EN_NOT_NOUN and (
                        lw in EN_UNITS or lw[:-1] in EN_UNITS or _EN_PLURAL.fullmatch(lw)):
                    # "a quarter of a million people", "half a million": the fraction before it
                    frac = _EN_FRACTION_BEFORE.search(text, max(0, m.start() - 20), m.start())
                    k = _EN_FRACTIONS[(frac.group("f") or frac.group("f2")).lower()] if frac else 1
                    out.append(Figure(frac.start() if frac else m.start(), m.end(),
                                      k * float(EN_MULTS[m.group("mult").lower()]),
                                      EN_UNITS.get(lw) or EN_UNITS.get(lw[:-1]) or lw))
    out = [Figure(f.start, f.end, f.value, f"{f.unit} per share") if _PER_SHARE.match(text, f.end) else f
           for f in out]
    # Arabic and English patterns can both read "12%": keep one figure per span
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Figure] = []
    for f in out:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


_SIGNS = {"$": "dollar", "£": "pound", "€": "euro"}


def is_time_unit(unit: str) -> bool:
    """A duration's unit ("منذ عامين", "for 12 months"): a figure even where a date overlaps it."""
    return unit in _TIME_UNITS


def _phone_like(n: str) -> bool:
    return sum(c.isdigit() for c in n) >= 8 and "," not in n and "." not in n


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:j]
