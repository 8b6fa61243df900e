"""Word lists for the date tagger, in folded spelling (see fold.py).

Folded spelling: أ/إ/آ → ا, ى → ي, ة → ه, no diacritics, ASCII digits.
"""
from __future__ import annotations

from .fold import fold_str


def _f(d: dict) -> dict:
    """Keys in folded spelling, whatever spelling they were typed in."""
    return {fold_str(k): v for k, v in d.items()}

# Gregorian months: Levantine/Iraqi, Egyptian/Gulf, Maghrebi (Algeria/Tunisia), Moroccan.
AR_MONTHS: dict[str, int] = _f({
    "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين اول": 10, "تشرين الثاني": 11,
    "تشرين ثاني": 11, "كانون الاول": 12, "كانون اول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
})
# Month names that are also ordinary words (اب = father, مارس = he practised,
# ماي, اوت): accepted only next to a day, a year, or the word شهر.
AR_MONTHS_AMBIGUOUS = {fold_str(w) for w in ("اب", "مارس", "ماي", "اوت")}

AR_HIJRI_MONTHS: dict[str, int] = _f({
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4, "ربيع الاخره": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الاخره": 6, "جمادي الثانيه": 6, "جمادي الثاني": 6,
    "جمادي الاخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعده": 11,
    "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
})

AR_WEEKDAYS: dict[str, int] = _f({
    "اثنين": 0, "ثلاثاء": 1, "ثلاثا": 1, "اربعاء": 2, "اربعا": 2, "خميس": 3, "جمعه": 4,
    "سبت": 5, "احد": 6,
})

# relative modifiers after a noun: -1 past, 0 current, +1 next
AR_REL: dict[str, int] = _f({
    "الماضي": -1, "الماضيه": -1, "الماض": -1, "المنصرم": -1, "المنصرمه": -1, "الفائت": -1,
    "الفائته": -1, "السابق": -1, "السابقه": -1,
    "المقبل": 1, "المقبله": 1, "القادم": 1, "القادمه": 1, "التالي": 1, "التاليه": 1, "الجاي": 1,
    "الجايه": 1,
    "الحالي": 0, "الحاليه": 0, "الجاري": 0, "الجاريه": 0,
})

EN_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
EN_WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
EN_REL: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
    "upcoming": 1, "the following": 1, "following": 1, "the coming": 1, "the upcoming": 1,
    "the next": 1, "the last": -1, "the past": -1, "the previous": -1, "the current": 0,
}
