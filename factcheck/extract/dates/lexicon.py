"""The date tagger's words: month, weekday and relative-day names, units, holidays, anchor words.

Every table is in folded spelling (see ../fold.py), the spelling the rules match
and the resolvers look words up in. The month and weekday names and the relative
modifiers (المقبل، الماضي ...) live in factcheck/extract/lexicon.py, shared with the
figure reader; the number words in factcheck/text/numbers.py. This module adds the
tagger's own tables on top of them.
"""
from __future__ import annotations

from factcheck.text.numbers import AR_CARDINALS, AR_ORDINALS, EN_CARDINALS, EN_ORDINALS

from ..fold import fold_str
from ..lexicon import _f as _folded_keys
from ..lexicon import (AR_HIJRI_MONTHS, AR_MONTHS, AR_MONTHS_AMBIGUOUS, AR_REL, AR_WEEKDAYS, EN_MONTHS,
                       EN_WEEKDAYS)

# the shared word lists, re-exported: the tagger's modules read every word from here
__all__ = ["AR_CARDINALS", "AR_ORDINALS", "EN_CARDINALS", "EN_ORDINALS", "AR_HIJRI_MONTHS", "AR_MONTHS",
           "AR_MONTHS_AMBIGUOUS", "AR_REL", "AR_WEEKDAYS", "EN_MONTHS", "EN_WEEKDAYS"]

# ---- Arabic ----------------------------------------------------------------------

_AR_CARD12 = {k: v for k, v in AR_CARDINALS.items() if 1 <= v <= 12}
_AR_ORD12 = {k: v for k, v in AR_ORDINALS.items() if v <= 12 and k.startswith("ال")}
_AR_ORD_SHORT = {k: v for k, v in AR_ORDINALS.items() if v <= 5 and not k.startswith("ال")}
_AR_ORD_AL = {k: v for k, v in AR_ORDINALS.items() if v <= 5 and k.startswith("ال")}


_AR_PART = _folded_keys({"منتصف": 15, "نص": 15, "نصف": 15, "اواسط": 15, "بدايه": 1, "مطلع": 1, "اوائل": 1,
            "اول": 1, "اواخر": 21, "نهايه": -1, "اخر": -1})


_AR_HOLIDAYS = _folded_keys({"عيد الميلاد": "xmas", "الكريسماس": "xmas", "كريسماس": "xmas", "عيد الفطر": "fitr",
                "عيد الاضحي": "adha", "عيد الفصح": "easter", "راس السنه الهجريه": "hijri_new_year",
                "راس السنه الميلاديه": "new_year"})


# ---- Arabic: relative ----------------------------------------------------------

_AR_REL_DAYS = _folded_keys({
    "اليوم": 0, "هذا اليوم": 0, "في هذا اليوم": 0, "امس": -1, "البارحه": -1, "يوم امس": -1,
    "الامس": -1, "يوم الامس": -1,
    "امس الاول": -2, "اول امس": -2, "اول من امس": -2, "اليوم الماضي": -1, "اليوم السابق": -1,
    "اليوم المنصرم": -1, "غدا": 1, "غد": 1, "الغد": 1, "يوم غد": 1, "بكره": 1, "بكرا": 1,
    "بعد غد": 2, "يوم بعد غد": 2, "بعد الغد": 2, "اليوم الذي بعد الغد": 2, "اليوم الي بعد بكره": 2,
    "اليوم اللي بعد بكره": 2, "بعد بكره": 2, "قبل امس": -2, "يوم قبل امس": -2,
    "اليوم القبل البارحه": -2, "اليوم الي قبل امبارح": -2, "قبل البارحه": -2, "امبارح": -1,
    "البارحه الاولي": -2,  # "the first of last nights": the night before last (as "أمس الأول")
})


_AR_UNIT = _folded_keys({"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"})


_AR_AGO_UNITS = _folded_keys({"يوم": ("d", 1), "ايام": ("d", None), "يومين": ("d", 2), "اسبوع": ("w", 1),
                 "اسابيع": ("w", None), "اسبوعين": ("w", 2), "شهر": ("m", 1), "اشهر": ("m", None),
                 "شهور": ("m", None), "شهرين": ("m", 2), "سنه": ("y", 1), "عام": ("y", 1),
                 "سنوات": ("y", None), "اعوام": ("y", None), "سنتين": ("y", 2), "عامين": ("y", 2)})
_AR_CARD_SMALL = {k: v for k, v in AR_CARDINALS.items() if v <= 99}


# ordinals of a weekday or week in a month ("ثاني جمعة", "الاسبوع الاخير"); -1: the last
_ORD_ANY = {**_AR_ORD_SHORT, **_AR_ORD_AL, "اخر": -1, "الاخير": -1, "الاخيره": -1}


# ---- English ----------------------------------------------------------------------

_EN_REL_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "tomorrows": 1,
                "the day after tomorrow": 2, "the day before yesterday": -2, "day after tomorrow": 2,
                "day before yesterday": -2}


_EN_UNIT = {"week": "week", "month": "month", "year": "year", "yr": "year"}


_EN_AGO_UNITS = {"day": "d", "days": "d", "week": "w", "weeks": "w", "month": "m", "months": "m",
                 "year": "y", "years": "y"}


_EN_ORD_N = {**{k: v for k, v in EN_ORDINALS.items() if v <= 5}, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
             "5th": 5, "last": -1}


_EN_HOLIDAYS = {"christmas": "xmas", "christmas day": "xmas", "xmas": "xmas", "easter": "easter",
                "easter sunday": "easter", "new year's day": "new_year", "eid al-fitr": "fitr",
                "eid al-adha": "adha", "the ides of march": "ides"}


# ---- Anchor words (scanner.py) -----------------------------------------------------

# Every rule's match contains a word of one of these classes. One pass over the
# words of the text finds them; each rule then runs only in small windows around
# the words of its classes, so a 4,000-character article costs a fraction of a
# millisecond per rule instead of a full pass each.
def _cls(words, name):
    return {fold_str(w): name for w in words}


_AR_CLASS: dict[str, str] = {
    **_cls([k.split()[0] for k in AR_MONTHS] + ["شهر", "الشهر"], "month"),
    **_cls([k.split()[0] for k in AR_HIJRI_MONTHS], "hijri"),
    **_cls(list(AR_WEEKDAYS), "weekday"),
    **_cls(["امس", "البارحه", "امبارح", "غدا", "غد", "الغد", "بكره", "بكرا", "اليوم", "يوم", "الامس", "بالامس",
            "وبالامس"], "relday"),
    **_cls(["الاسبوع", "اسبوع", "اسابيع", "اسبوعين", "العام", "عام", "السنه", "سنه", "سنتين", "سنوات", "اعوام",
            "عامين", "ايام", "يومين", "شهرين", "اشهر", "شهور"], "unit"),
    **_cls(["عيد", "كريسماس", "الكريسماس", "راس"], "holiday"),
    **_cls(["قبل", "منذ", "بعد"], "ar_dir"),  # "منذ ثلاثة أيام": the match starts with one
}
_AR_CLASS[fold_str("الشهر")] = "month"
for _w in list(AR_ORDINALS) + [fold_str(w) for w in ("آخر", "الأخير", "الأخيرة")]:
    if " " not in _w and _w not in _AR_CLASS:
        _AR_CLASS[_w] = "ar_ord"
_EN_CLASS: dict[str, str] = {
    **{k: "en_month" for k in EN_MONTHS},
    **{k: "en_wd" for k in EN_WEEKDAYS},
    **{k + "s": "en_wd" for k in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")},
    **{k: "en_rel" for k in ("today", "tonight", "tomorrow", "tomorrows", "yesterday")},
    **{k: "en_unit" for k in ("week", "weeks", "month", "months", "year", "years", "yr", "yrs", "day", "days")},
    **{k: "en_hol" for k in ("christmas", "xmas", "easter", "ides", "eid")},
    **{k: "en_ord" for k in EN_ORDINALS if " " not in k},
    **{k: "en_num" for k in EN_CARDINALS if " " not in k and "-" not in k},
    **{k: "en_num" for k in ("a", "an")},
}
_EN_CLASS.update({k + "s": "en_wdpl" for k in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")})
_EN_CLASS["last"] = "en_last"
_EN_CLASS.update({k + p: "en_wd" for k in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
                  for p in ("'s", "’s")})  # "Tuesday's attack"


# every clitic-prefixed form of every anchor word, so one dict lookup classifies a word
_PREFIXES = ("", "و", "ف", "ب", "ل", "ال", "وال", "فال", "بال", "لل")
_AR_LOOKUP = {p + w: c for w, c in _AR_CLASS.items() for p in _PREFIXES}


_EN_LOOKUP = {**_EN_CLASS, **{k + ".": v for k, v in _EN_CLASS.items()}, "week's": "en_weeks"}
# "a" and "an" count as the number one ("a week ago") but occur a hundred times in an
# English article: they are not located; a rule that needs a number nearby runs
# without that narrowing when the article has them.
_EN_ARTICLES = frozenset(("a", "an"))

# the ordinals of the nth-weekday rules, as whole words (their word gate: rules.py)
_AR_ORD_WORDS = frozenset(_ORD_ANY)


# Words that open as a verb of the present (ي…, or و/ف before ي…) and are none (tense.py reads a clause
# with such a verb as announcing, not narrating): the calendar's words, the names of people, clubs, places
# and brands copy writes so, and foreign words whose ف/و is their own letter. A word is one when it begins
# with one of these (its endings vary: "يونايتد", "يوفنتوس"; "ويوسف" is و + "يوسف"). Extend here.
AR_NOT_PRESENT_VERBS = tuple(fold_str(w) for w in (
    # the calendar and common nouns
    "يوم", "يونيو", "يونيه", "يوليو", "يوليه", "يوليوز", "يناير", "يورو", "يمني", "يابان",
    # people's names
    "يوسف", "ياسر", "ياسين", "يونس", "يعقوب", "يانوزاي",
    # clubs, places, brands
    "يونايتد", "يوفنتوس", "يوتيوب", "يوكوهاما", "ينبع",
))
AR_OWN_FA_WAW = tuple(fold_str(w) for w in ("فيديو", "فيسبوك", "فيينا", "فيدال", "فيورنتينا", "فيرساتشي", "ويندوز",
                                            "فيروس"))
