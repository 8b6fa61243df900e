"""The rules: one regular expression per kind of date expression, with its resolver.

Patterns are written in ordinary spelling and folded like the text (see ../fold.py),
and stay linear in the length of the text (see __init__.py). The order of RULES is
the order scanner.py runs them in, and it breaks ties between equal candidates: keep it.

After the table, what scanner.py needs to know of each rule: the anchor classes its
matches contain, the words it cannot match without, how far before its anchor a
match can start.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck.text.numbers import alternation

from ..fold import fold_str
from . import resolve as res
from .lexicon import (_AR_AGO_UNITS, _AR_CARD12, _AR_CARD_SMALL, _AR_HOLIDAYS, _AR_ORD12, _AR_ORD_WORDS, _AR_PART,
                      _AR_REL_DAYS, _EN_HOLIDAYS, _EN_ORD_N, _EN_REL_DAYS, _ORD_ANY, AR_HIJRI_MONTHS, AR_MONTHS,
                      AR_ORDINALS, AR_REL, AR_WEEKDAYS, EN_CARDINALS, EN_ORDINALS)
from .resolve import Resolver

@dataclass(slots=True)
class Rule:
    """One rule. Its pattern is kept as text: compiling all of them took a quarter of a second
    at import, and the scanner compiles only the prefixed form it runs, on first use (scanner.py)."""

    name: str
    pattern: str  # folded
    flags: int
    resolver: Resolver
    relative: bool
    lang: str  # "ar" | "en" | "num" (always) | "num_ar" / "num_en" (digit order of that language)
    priority: int = 0  # breaks ties between equally long matches

    @property
    def regex(self) -> re.Pattern:
        return re.compile(self.pattern, self.flags)


def rule(name: str, pattern: str, lang: str, resolver: Resolver, relative: bool = True, flags: int = 0,
         priority: int = 0) -> Rule:
    # patterns are written in ordinary spelling; fold them like the text
    return Rule(name, fold_str(pattern), flags, resolver, relative, lang, priority)



# The pieces and the rules are built on first use, not at import: their alternations
# (numbers.alternation, a trie each) and the folding of every pattern took ~40 ms of
# start-up (issue 16), which `factcheck dates` on an empty input never needs.
@functools.cache
def rule_table() -> list[Rule]:
    """Every rule, in scan order (built once)."""
    # --------------------------------------------------------------------------
    # Arabic pieces
    # --------------------------------------------------------------------------

    MON = alternation(AR_MONTHS)
    HMON = alternation(AR_HIJRI_MONTHS)
    # a month: a name, "شهر 3", "شهر ثلاثة", "الشهر التاسع"
    # ("في شهر 10.294 ملايين برميل": a month's number is no decimal's whole part)
    # ("بعد شهر واحد" is a month's length: one is no month's name)
    MONX = (rf"(?:شهر\s+)?(?:{MON})|شهر\s+(?:\d{{1,2}}(?!\d|[.,]\d)|{alternation(k for k, v in _AR_CARD12.items() if v > 1)})"
            rf"|الشهر\s+(?:{alternation(_AR_ORD12)})")
    # a double form: تشرين الثاني/نوفمبر, نوفمبر (تشرين الثاني)
    MON2 = rf"(?:\s*[/(-]\s*(?:{MON})\)?)?"
    DAYW = alternation(AR_ORDINALS)
    DAY = rf"(?:اليوم\s+)?(?P<d>\d{{1,2}}(?![\d/.:])|{DAYW})(?:\s+يوم)?"
    REL = alternation(AR_REL)
    WD = alternation(AR_WEEKDAYS)
    YEAR_KW = r"(?:من\s+|في\s+)?(?:[لب]?(?:عام|سنه|العام)\s*)?"
    YEAR = rf"(?:[\s،,]+{YEAR_KW}(?P<y>\d{{4}})(?!\d)(?P<hs>\s*(?:ه|هجري|هجريه|للهجره)(?!\w))?(?:\s*م(?!\w))?)"
    # "ديسمبر من العام المقبل", "في 5 مارس من العام الماضي": the year said relative to the stamp's
    YREL = rf"(?:\s+(?:من\s+)?(?:السنه|العام)\s+(?P<yrel>{REL}))"
    B = r"(?<!\w)"
    E = r"(?!\w)"

    # the month of a full date or a range of days
    _AR_MONTH_REF = (
        rf"(?:(?P<thism>هذا\s+الشهر)|الشهر\s+(?P<mrel>{REL})|[بل]?(?P<m>{MONX}){MON2})"
    )
    # the month of an nth weekday or week, or of its last day (a year, or السنه المقبله, may follow)
    _MONTH_TAIL = (rf"(?:(?P<thism>هذا\s+الشهر)|الشهر\s+(?P<mrel>{REL})|(?:[بل]?شهر\s+)?[بل]?(?P<m>{MONX}))"
                   rf"(?:{YEAR}|\s+(?:السنه|العام)\s+(?P<yrel>{REL}))?")


    _NUM_DATE = (r"(?<![0-9A-Za-z_/.\-–])(?P<a>\d{1,2})\s*(?P<s>[/.\-–])\s*(?P<b>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4}|\d{2})"
                 # "14-09-1432 هـ", "14 – 10 – 1436 هـ", "26/9/1436هـ" (no space): a Hijri date, day first
                 # (an Arabic word may be glued before it: "الخميس17/4/1383", "بتاريخ16/10/1436هـ")
                 r"(?:(?P<hs>\s*(?:ه|هجري|هجريه)(?!\w))|\s*م(?!\w)|(?![\w/\-–]|\.[\w/\-]))")  # "30/7/2015م": Gregorian


    # --------------------------------------------------------------------------
    # English
    # --------------------------------------------------------------------------

    EMON = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
    EMON_SAFE = r"(?:january|february|march|april|june|july|august|september|october|november|december|jan\.|feb\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\.)"
    EWD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\b\.?|tues?\b\.?|wed\b\.?|thu(?:rs?)?\b\.?|fri\b\.?|sat\b\.?|sun\b\.?)"
    EORD = alternation(EN_ORDINALS)
    EDAY = rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)|(?P<dw>{EORD})"
    EYEAR = r"(?:,?\s*(?P<y>\d{4}|'?\d{2})(?!\d))"
    EREL = r"(?:the\s+)?(?P<rel>last|past|previous|this|current|next|coming|upcoming|following)"
    ECARD = alternation(list(EN_CARDINALS) + ["a", "an"])
    _I = re.I
    _EN_MONTH_TAIL = (rf"(?:(?P<cur>(?:this|the|the\s+current|current)\s+month)|(?:the\s+)?(?P<mrel>last|next|previous|following)\s+month|(?P<m>{EMON}))(?:{EYEAR})?")


    # --------------------------------------------------------------------------
    # The rules, in scan order
    # --------------------------------------------------------------------------

    return [
        # ---- Arabic: full dates
        # ("صباح اليوم الاثنين 27 ماي", "أمس الجمعة 24 يوليو": one day, the date's; "اليوم" alone
        # would be the stamp's)
        rule("ar_full", rf"{B}(?:(?:[وف]?(?:اليوم|امس|غدا)\s+)?(?:يوم\s+)?(?:ال)?(?P<wd>{WD})(?:\s+(?P<wrel>{REL}))?[\s،,]+(?:الموافق\s+)?)?"
             rf"(?:(?:في|يوم)\s+)?ل?{DAY}\s+(?:من\s+)?{_AR_MONTH_REF}(?:{YEAR}|{YREL})?(?:\s+(?P<rel>{REL}))?{E}", "ar", res._ar_full),
        rule("ar_range", rf"{B}(?:من\s+)?{DAY}\s*(?:-|الى|حتى|وحتى|و)\s*(?:\d{{1,2}}|{DAYW})\s+(?:من\s+)?"
             rf"{_AR_MONTH_REF}{YEAR}?{E}", "ar", res._ar_range),
        rule("ar_month_day", rf"{B}[بل]?(?P<m>{MON}){MON2}\s+(?P<d>\d{{1,2}})(?![\d/.:])(?:\s*(?:-|الى)\s*\d{{1,2}})?{YEAR}?{E}", "ar", res._ar_month_day),
        rule("ar_month_year", rf"{B}(?:شهر\s+)?[بل]?(?P<m>{MONX}){MON2}{YEAR}{E}", "ar", res._ar_month_year, relative=False),
        rule("ar_month", rf"{B}(?:في\s+)?(?:(?P<part>{alternation(_AR_PART)})\s+(?:[بل]?شهر\s+)?)?(?:في\s+)?"
             rf"(?:[بل]?(?P<shahr>شهر)\s+)?[بل]?(?P<m>{MON}|\d{{1,2}}(?!\d|[.,]\d)|{alternation(k for k, v in _AR_CARD12.items() if v > 1)}){MON2}"
             rf"(?:\s+(?P<rel>{REL})|{YREL})?{E}", "ar", res._ar_month),
        # ("في 2009 و2011", "بين عامي 2001 و2007": the second year of a pair is glued to its و)
        rule("ar_year", rf"(?:{B}|(?<=(?<!\w)و))(?:(?P<kw>(?:في\s+|من\s+)?[لب]?(?:عام|سنه|العام))\s*)?(?<![\d/.\-])(?P<y>\d{{4}})(?![\d/]|\.\d|\s*[-/]\s*\d)"
             rf"(?P<hs>\s*(?:ه|هجري|هجريه|للهجره)(?!\w))?(?P<gs>\s*م(?!\w))?(?!\s*%)", "ar", res._ar_year, relative=False),
        # "غرة شهر ذي القعدة القادم", "أول رمضان": the month's first day
        rule("ar_hijri", rf"{B}(?:{DAY}\s+(?:من\s+)?|(?P<first>غره|اول)\s+)?(?:شهر\s+)?[بل]?(?P<hm>{HMON}){YEAR}?"
                         rf"(?:\s+(?P<hrel>{REL}))?{E}", "ar", res._ar_hijri),
        # "ثالث أيام عيد الفطر": the feast's third day, not its first
        rule("ar_holiday", rf"{B}(?:(?P<nth>اول|ثاني|ثالث|رابع)\s+ايام\s+)?(?P<h>{alternation(_AR_HOLIDAYS)})(?:\s+(?:[لب]?(?:عام|سنه)\s*)?(?P<y>\d{{4}}))?{E}", "ar", res._ar_holiday),
        # ---- Arabic: relative
        # (not "بكرة القدم", "بكرة أبيهم", "بكرة رأسية": a ball, "all of them", a ball's adjective)
        rule("ar_rel_day", rf"{B}(?:[وف]?ب|[وف])?(?!بكر[اه]\s+(?:ال)?(?:قدم|سله|طايره|يد|ابي|[\u0621-\u064a]+ه(?!\w)))"
                           rf"(?P<w>{alternation(_AR_REL_DAYS)}){E}", "ar", res._ar_rel_day),
        rule("ar_relday_weekday", rf"{B}[وف]?(?P<w>يوم\s+غد|غدا|غد|امس|اليوم|البارحه)(?:\s+|[\s،,]*\(\s*)(?:ال)(?P<wd>{WD})(?:\s*\))?{E}", "ar", res._ar_relday_weekday),
        rule("ar_part_of_year", rf"{B}(?:منذ\s+)?(?P<part>بدايه|مطلع|نهايه|منتصف|اواخر|اوائل|اواسط)\s+(?P<u>العام|السنه)(?:\s+(?P<rel>{REL}))?{E}", "ar", res._ar_part_of_year),
        # "للعام الحالي": the preposition ل takes the article's alif (ل + العام is written للعام)
        rule("ar_rel_unit", rf"{B}(?:(?P<this>هذا|هذه)\s+)?(?:[وف]?[بل]?ال|[وف]?لل)(?P<u>اسبوع|شهر|عام|سنه)(?:\s+(?P<rel>{REL}))?{E}", "ar", res._ar_rel_unit),
        rule("ar_next_weeks", rf"{B}(?:ال)?(?:اسابيع|ايام|اشهر|شهور|سنوات)\s+(?:ال)?\S+\s+(?P<rel>القادمه|المقبله){E}", "ar", res._ar_next_weeks),
        rule("ar_ago", rf"{B}(?P<dir>قبل|منذ|بعد)\s+(?:(?P<n>\d{{1,3}}|{alternation(_AR_CARD_SMALL)})\s+)?"
             rf"(?P<u>{alternation(_AR_AGO_UNITS)}){E}(?!\s*\d)"
             # "بعد عامين من توقيع الاتفاق": counted from another event, a duration (a figure), no date
             # ("بعد شهر واحد من طرح ...": the unit's "one" before من)
             rf"(?!(?:\s+(?:واحد|واحده))?\s+من\s+(?!(?:الان|اليوم){E}))", "ar", res._ar_ago),
        # ---- Arabic: weekdays
        rule("ar_weekday", rf"{B}(?:يوم\s+)?(?:(?P<this>هذا)\s+)?[وفبل]?(?:ال)(?P<wd>{WD})(?:\s+(?P<rel>{REL}))?{E}", "ar", res._ar_weekday),
        rule("ar_weekday_week", rf"{B}(?:يوم\s+)?(?:ال)?(?P<wd>{WD})\s+(?:من\s+)?(?:(?P<this>هذا)\s+)?الاسبوع(?:\s+(?P<rel>{REL}))?{E}", "ar", res._ar_weekday_week),
        rule("ar_weekday_ordday", rf"{B}(?:يوم\s+)?(?:ال)(?P<wd>{WD})\s+(?P<d>{DAYW}){E}", "ar", res._ar_weekday_ordday),
        rule("ar_nth_weekday", rf"{B}(?:(?P<o1>{alternation(_ORD_ANY)})\s+(?:يوم\s+)?(?:ال)?(?P<wd1>{WD})|(?:ال)(?P<wd2>{WD})\s+(?P<o2>{alternation(_ORD_ANY)}))"
             rf"\s+(?:من|في|ب)?\s*{_MONTH_TAIL}{E}", "ar", res._ar_nth_weekday),
        rule("ar_nth_week", rf"{B}(?:(?P<o1>{alternation(_ORD_ANY)})\s+اسبوع|الاسبوع\s+(?P<o2>{alternation(_ORD_ANY)}))"
             rf"\s+(?:من|في|ب)?\s*{_MONTH_TAIL}{E}", "ar", res._ar_nth_week),
        rule("ar_last_day", rf"{B}(?:اخر\s+يوم|اليوم\s+الاخير)\s+(?:من|في|ب)?\s*{_MONTH_TAIL}{E}", "ar", res._ar_last_day),
        # ---- numeric dates (both languages): Arabic writes day/month/year; US English month/day/year
        rule("num_dmy", _NUM_DATE, "num_ar", res._num_dmy, relative=False),
        rule("num_mdy", _NUM_DATE, "num_en", res._num_mdy, relative=False),
        # ("1436/10/12هـ": a Hijri date written year first, as Saudi copy sometimes does)
        rule("num_iso", r"(?<![\w/.\-])(?P<y>\d{4})\s*(?P<s>[/\-.])\s*(?P<mo>\d{1,2})(?:\s*(?P=s)\s*(?P<d>\d{1,2}))?"
                        r"(?:(?P<hs>\s*(?:ه|هجري|هجريه)(?!\w))|\s*م(?!\w)|(?![\w/\-]|\.\d))", "num", res._num_iso, relative=False),
        rule("num_my", r"(?<![\w/.\-])(?P<mo>\d{1,2})\s*/\s*(?P<y>\d{4})(?![\w/\-]|\.\d)", "num", res._num_my, relative=False),
        # ---- English
        rule("en_day_month", rf"\b(?:(?P<wd>{EWD}),?\s+)?(?:the\s+)?(?:{EDAY})\s*(?:of\s+|[-/]\s*)?(?P<m>{EMON})(?:{EYEAR}|[-/](?P<y2>\d{{2,4}}))?\b\.?", "en", res._en_day_month, flags=_I),
        rule("en_month_day", rf"\b(?:(?P<wd>{EWD}),?\s+)?(?P<m>{EMON})\s*(?:the\s+)?(?:{EDAY})(?:{EYEAR})?(?:,\s*(?P<wd2>{EWD}))?\b\.?", "en", res._en_dm, flags=_I),
        rule("en_month_year", rf"\b(?P<m>{EMON}),?\s+(?:of\s+)?(?P<y>\d{{4}})\b", "en", res._en_month_year, relative=False, flags=_I),
        rule("en_month", rf"\b(?:(?P<rel>next|last|this|the\s+coming|coming|previous)\s+)?(?P<m>{EMON_SAFE}|may\b(?=\s+(?:after|in)\b))(?P<after>\s+after\s+next)?(?:\s+in\s+(?:1|a|one)\s+year)?\b", "en", res._en_month_alone, flags=_I),
        rule("en_year", r"\b(?:(?:in|during|since|of|by)\s+)?(?<![\d/.\-$])(?P<y>\d{4})(?:\s*(?P<era>a\.?d\.?|b\.?c\.?)(?![a-z]))?(?![\d/]|\.\d|\s*[-/]\s*\d|\s*%|,\d|s\b)", "en", res._en_year_rule, relative=False, flags=_I),
        rule("en_year_ad", r"\bin\s+(?P<y>\d{1,4})\s*(?P<era>a\.?d\.?|b\.?c\.?)(?![a-z])", "en", res._en_year_ad, relative=False, flags=_I),
        rule("en_rel_day", rf"\b(?P<w>{alternation(_EN_REL_DAYS)})\b", "en", res._en_rel_day, flags=_I),
        rule("en_rel_unit", rf"\b(?:around\s+)?{EREL}\s+(?P<u>week|month|year|yr)\b(?!'s)", "en", res._en_rel_unit, flags=_I),
        # "at the beginning of the week", "by the end of the year": a part of the current unit, read at
        # the unit's grain (as ar_part_of_year reads "بداية العام")
        rule("en_part_of_unit", r"\b(?:(?:at|by|in|until|till|from|since)\s+)?the\s+(?:very\s+)?(?P<part>beginning|start|end|middle)"
             r"\s+of\s+the\s+(?P<u>week|month|year)\b(?!'s)", "en", res._en_part_of_unit, flags=_I),
        rule("en_ago", rf"\b(?:(?P<in>in|within)\s+)?(?P<n>\d{{1,3}}|{ECARD})\s+(?P<u>days?|weeks?|months?|years?)(?:\s+(?P<dir>ago|hence|from\s+now|from\s+today|later|earlier|back))?\b", "en", res._en_ago, flags=_I),
        rule("en_upcoming_n", rf"\b(?:(?:upcoming|next|coming)\s+(?P<n1>\d{{1,3}}|{ECARD})|(?P<n2>\d{{1,3}}|{ECARD})\s+(?:upcoming|next|coming))\s+(?P<u>days?|weeks?|months?|years?)\b", "en", res._en_upcoming_n, flags=_I),
        rule("en_weekday", rf"\b(?:(?:on|around)\s+)?(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<wd>{EWD})(?P<poss>['’]s\b|s(?=[ \t]+(?!(?:and|or|through|to|are|were|have|had)\b)[a-z]))?"
             # "Tuesday's attack", and "Tuesdays attack" in copy that lost its apostrophes
             rf"(?P<after>\s+after\s+next)?(?:\s+(?P<tail>(?:of\s+|from\s+)?(?:this|next|last|the\s+coming)\s+week))?\b", "en", res._en_weekday, flags=_I),
        rule("en_lastweeks_wd", rf"\b(?P<rel>last|next|this)\s+week's\s+(?P<wd>{EWD})", "en", res._en_lastweeks_wd, flags=_I),
        rule("en_n_weekdays", rf"\b(?P<n>\d{{1,2}}|{ECARD})\s+(?P<wd>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\s+(?P<dir>from\s+now|ago|back|hence)\b", "en", res._en_n_weekdays, flags=_I),
        rule("en_nth_weekday", rf"\b(?:the\s+)?(?P<o>{alternation(_EN_ORD_N)})\s+(?P<wd>{EWD})\s+(?:of|in)\s+{_EN_MONTH_TAIL}\b", "en", res._en_nth_weekday, flags=_I),
        rule("en_nth_week", rf"\b(?:the\s+)?(?P<o>{alternation(_EN_ORD_N)})(?P<last>\s+last)?\s+week\s+(?:of|in)\s+{_EN_MONTH_TAIL}\b", "en", res._en_nth_week, flags=_I),
        rule("en_nth_last_week_year", rf"\b(?:the\s+)?(?P<o>{alternation(_EN_ORD_N)})\s+last\s+week\s+of\s+(?P<y>\d{{4}})\b", "en", res._en_nth_last_week_year, relative=False, flags=_I),
        rule("en_nth_day", rf"\b(?:the\s+)?(?P<o>{EORD}|\d{{1,2}}(?:st|nd|rd|th)?|last)(?P<last>\s+last)?\s+day\s+(?:of|in)\s+{_EN_MONTH_TAIL}\b", "en", res._en_nth_day, flags=_I),
        rule("en_day_of_rel_month", r"\b(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+(?:(?P<cur>(?:this|the\s+current|current)\s+month)|(?:the\s+)?(?P<mrel>next|previous|last|following)\s+month)\b", "en", res._en_day_of_rel_month, flags=_I),
        # (a bare "the 11th" before a noun is an ordinal of that noun: "from the 11th grade")
        rule("en_the_nth", rf"\b(?:on\s+the\s+(?P<d1>\d{{1,2}}(?:st|nd|rd|th)|{EORD})|the\s+(?P<d2>\d{{1,2}}(?:st|nd|rd|th))"
             rf"(?!\s+(?!(?:and|or|but|when|as|at|in|to|until|till|with|for|from|after|before|is|was|will|would|of)\b)(?-i:[a-z])))\b(?!\s+(?:of|day|week|time|floor|century|anniversary|round|place|ever|such|two|three|few|\w+est))", "en", res._en_the_nth, flags=_I),
        rule("en_week_of", rf"\bthe\s+week\s+of\s+(?P<m>{EMON})\s+(?:{EDAY})\b", "en", res._en_week_of, flags=_I),
        rule("en_holiday", rf"\b(?:(?P<n>\d{{1,2}}|{ECARD})\s+(?P<u>days?|weeks?|months?|years?)\s+(?:after|from)\s+|(?P<o>{alternation(_EN_ORD_N)})\s+(?P<wd>{EWD})\s+after\s+)?"
             rf"(?P<h>{alternation(_EN_HOLIDAYS)})(?:\s+(?P<y>\d{{4}}))?\b", "en", res._en_holiday, flags=_I),
        rule("en_md_num", r"(?<![\w/.\-])(?P<mo>\d{1,2})\s*(?P<s>/|-)\s*(?P<d>\d{1,2})(?![\w/.\-]|\s*[/-]\s*\d)"
             # "10-20 million", "5-8 pct": a range of a quantity, no month and day
             r"(?!\s*(?:%|(?:thousand|million|billion|trillion|mln|bln|pct|per\s*cent|percent)\b))", "num_en", res._en_md_num, flags=_I),
    ]


def __getattr__(name: str):
    # `rules.RULES` still reads the table; importing the module does not build it
    if name == "RULES":
        return rule_table()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------
# What the scanner knows of each rule
# --------------------------------------------------------------------------

# A rule also needs a word of each of these classes nearby (a day number for a
# day-month rule, a four-digit year for a month-year rule): windows are intersected.
_RULE_ALSO: dict[str, tuple[str, ...]] = {
    "en_nth_weekday": ("en_ord", "en_last"), "en_nth_week": ("en_ord", "en_last"), "en_nth_day": ("en_ord", "en_last", "digit"),
    "en_nth_last_week_year": ("en_ord",), "ar_nth_week": ("ar_ord",), "en_upcoming_n": ("digit", "en_num"),
    "en_ago": ("digit", "en_num"), "en_day_of_rel_month": ("digit",), "en_week_of": ("en_month",),
    "ar_full": ("digit", "ar_ord"), "ar_range": ("digit", "ar_ord"), "ar_month_day": ("digit",),
    "ar_month_year": ("year4",), "en_day_month": ("digit", "en_ord"), "en_month_day": ("digit", "en_ord"),
    "en_month_year": ("year4",), "ar_weekday_ordday": ("ar_ord",),
    "ar_weekday_week": ("unit",),  # الاسبوع is a unit word
    "ar_nth_weekday": ("ar_ord",),  # every ordinal it accepts is an ar_ord word
}
_RULE_CLASSES: dict[str, tuple[str, ...]] = {
    "ar_full": ("month",), "ar_range": ("month",), "ar_month_day": ("month",), "ar_month_year": ("month",),
    "ar_month": ("month",), "ar_year": ("year4",), "ar_hijri": ("hijri",), "ar_holiday": ("holiday",),
    "ar_rel_day": ("relday",), "ar_relday_weekday": ("weekday",), "ar_part_of_year": ("unit",), "ar_rel_unit": ("unit", "month"), "ar_next_weeks": ("unit",), "ar_ago": ("ar_dir",),
    "ar_weekday": ("weekday",), "ar_weekday_week": ("weekday",), "ar_weekday_ordday": ("weekday",),
    "ar_nth_weekday": ("weekday",), "ar_nth_week": ("unit",), "ar_last_day": ("relday",),
    "num_dmy": ("numdate",), "num_mdy": ("numdate",), "num_iso": ("numdate",), "num_my": ("numdate",),
    "en_md_num": ("numdate",), "en_year": ("year4",), "en_year_ad": ("digit",), "en_rel_day": ("en_rel",),
    "en_holiday": ("en_hol",), "en_the_nth": ("en_ord",),
    "en_day_month": ("en_month",), "en_month_day": ("en_month",), "en_month_year": ("en_month",),
    "en_month": ("en_month",), "en_rel_unit": ("en_unit",), "en_part_of_unit": ("en_unit",), "en_ago": ("en_unit",), "en_upcoming_n": ("en_unit",),
    "en_weekday": ("en_wd", "en_wdpl"),  # "Tuesdays attack": a possessive that lost its apostrophe
    "en_lastweeks_wd": ("en_weeks",), "en_n_weekdays": ("en_wdpl",),
    "en_nth_weekday": ("en_wd",), "en_nth_week": ("en_unit",), "en_nth_last_week_year": ("en_unit",),
    "en_nth_day": ("en_unit",), "en_day_of_rel_month": ("en_unit",), "en_week_of": ("en_unit",),
}


def rule_classes(name: str) -> tuple[str, ...]:
    """The anchor classes of a rule; a rule not listed above takes its language's broad ones."""
    got = _RULE_CLASSES.get(name)
    if got is not None:
        return got
    return ("en_month", "en_wd", "en_unit") if name.startswith("en_") else ("month", "weekday", "unit")


# Word gates: a rule whose every match holds one of these whole words (as the
# word set of _anchor_windows spells them: stripped of punctuation, Latin ones
# lower-cased) is skipped when the article has none of them. Most articles skip
# these rules outright. (A pattern searched over the whole article as a gate costs
# more than the rule it would skip: an article is 5,000 characters, a rule runs
# in a few windows.)
_RULE_GATES: dict[str, frozenset[str]] = {
    "ar_nth_weekday": _AR_ORD_WORDS,  # an ordinal right before or after the weekday, no clitic
    "ar_nth_week": _AR_ORD_WORDS,
    "ar_next_weeks": frozenset(("القادمه", "المقبله")),
    "ar_weekday_week": frozenset(("الاسبوع",)),
    "ar_last_day": frozenset(("اخر", "الاخير")),
    "en_upcoming_n": frozenset(("upcoming", "next", "coming")),
    "en_nth_day": frozenset(("day",)),
    "en_day_of_rel_month": frozenset(("month", "month's", "month’s")),  # "of this month's ..."
    "en_nth_week": frozenset(("week",)),  # "\s+week\s+": a whole word
    "en_nth_last_week_year": frozenset(("week",)),
    "en_week_of": frozenset(("week",)),
}


# How far before its anchor word a rule's match can start, where that is less than the
# class margin: the words its pattern allows before the anchor, plus room for spacing.
# (0: the match starts with the anchor word itself, clitic included.)
_RULE_BEFORE: dict[str, int] = {
    "ar_month_day": 0,  # [بل]?MONTH ...
    "ar_month_year": 0,  # (شهر )?[بل]?MONTH ... YEAR: شهر is an anchor too
    "en_month_year": 0,  # MONTH ,? (of)? YEAR
    "ar_month": 30,  # في منتصف (شهر) MONTH
    "ar_rel_unit": 20,  # هذا/هذه العام
    "en_month_day": 25,  # Wednesday, MONTH ...
    "en_month": 25,  # the coming MONTH
}


# rules whose value does not depend on the tense of the sentence: no need to read it
_NO_DIRECTION = {"ar_month_year", "ar_year", "num_dmy", "num_mdy", "num_iso", "num_my", "en_month_year", "en_year",
                 "en_year_ad", "ar_rel_day", "ar_rel_unit", "ar_relday_weekday", "ar_part_of_year", "ar_ago",
                 "en_rel_day", "en_rel_unit", "en_part_of_unit", "en_ago", "en_upcoming_n", "ar_next_weeks", "en_lastweeks_wd",
                 "en_n_weekdays", "en_day_of_rel_month", "en_nth_last_week_year", "ar_weekday_week"}

_WEEKDAY_RULES = {"ar_weekday", "en_weekday"}
