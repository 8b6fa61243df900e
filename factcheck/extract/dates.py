"""The date tagger: finds date expressions in Arabic and English and resolves them.

How it works
------------
The text is folded (one spelling per Arabic word, ASCII digits, offsets kept).
A fixed list of rules, each one regular expression compiled at import, is run
over it; every match becomes a candidate with a resolver. Overlapping
candidates are settled longest-first. Every pattern is a sequence of literal
alternations, bounded repetitions and fixed separators, so matching is linear
in the length of the text (no nested quantifiers over the same characters).

Resolution is separate from scanning (``Candidate.resolve(ref, direction)``) so
the extractor can re-resolve a relative date against the date of the statement
that contains it ("قالت في 4 من تشرين الثاني إن ... الاثنين المقبل").

Conventions (documented in BENCHMARKS.md):
  * A bare weekday or a day and month without a year follow the tense of their
    sentence: future cues (سـ + verb, سوف, المقبل, will, next ...) → the next
    occurrence; past cues (قال، أعلن، نفذ ... said, was, -ed) → the most recent
    occurrence on or before the reference; no cue → the next one (Duckling's
    convention, used for isolated phrases).
  * المقبل/القادم after a weekday: the first such day strictly after the
    reference. English "next Monday": Monday of next week (Duckling).
  * A Hijri month with a day resolves to that Gregorian day (hijridate, Umm
    al-Qura); a Hijri year alone to the Gregorian year in which it begins.
  * Weeks are ISO weeks: value ``YYYY-Www``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Callable

from factcheck.text.numbers import AR_CARDINALS, AR_ORDINALS, EN_CARDINALS, EN_ORDINALS, alternation

from . import calendar as cal
from .fold import Folded, fold, fold_str
from .lexicon import _f as _folded_keys
from .lexicon import (AR_HIJRI_MONTHS, AR_MONTHS, AR_MONTHS_AMBIGUOUS, AR_REL, AR_WEEKDAYS, EN_MONTHS,
                      EN_WEEKDAYS)
from .types import DateMention

Value = tuple[str, str]  # (iso value, grain)


def _day(d: date | None) -> Value | None:
    return (d.isoformat(), "day") if d else None


def _month(y: int, m: int) -> Value:
    return (f"{y:04d}-{m:02d}", "month")


def _year(y: int) -> Value:
    return (f"{y:04d}" if y >= 0 else f"-{-y:04d}", "year")


def _week(d: date) -> Value:
    return (cal.iso_week(d), "week")


# --------------------------------------------------------------------------
# Arabic pieces
# --------------------------------------------------------------------------

_AR_CARD12 = {k: v for k, v in AR_CARDINALS.items() if 1 <= v <= 12}
_AR_ORD12 = {k: v for k, v in AR_ORDINALS.items() if v <= 12 and k.startswith("ال")}
_AR_ORD_SHORT = {k: v for k, v in AR_ORDINALS.items() if v <= 5 and not k.startswith("ال")}
_AR_ORD_AL = {k: v for k, v in AR_ORDINALS.items() if v <= 5 and k.startswith("ال")}

MON = alternation(AR_MONTHS)
MON_SAFE = alternation(k for k in AR_MONTHS if k not in AR_MONTHS_AMBIGUOUS)
HMON = alternation(AR_HIJRI_MONTHS)
# a month: a name, "شهر 3", "شهر ثلاثة", "الشهر التاسع"
MONX = rf"(?:شهر\s+)?(?:{MON})|شهر\s+(?:\d{{1,2}}(?!\d)|{alternation(_AR_CARD12)})|الشهر\s+(?:{alternation(_AR_ORD12)})"
# a double form: تشرين الثاني/نوفمبر, نوفمبر (تشرين الثاني)
MON2 = rf"(?:\s*[/(-]\s*(?:{MON})\)?)?"
DAYW = alternation(AR_ORDINALS)
DAY = rf"(?:اليوم\s+)?(?P<d>\d{{1,2}}(?![\d/.:])|{DAYW})(?:\s+يوم)?"
REL = alternation(AR_REL)
WD = alternation(AR_WEEKDAYS)
YEAR_KW = r"(?:من\s+|في\s+)?(?:[لب]?(?:عام|سنه|العام)\s*)?"
YEAR = rf"(?:[\s،,]+{YEAR_KW}(?P<y>\d{{4}})(?!\d)(?P<hs>\s*(?:ه|هجري|هجريه|للهجره)(?!\w))?(?:\s*م(?!\w))?)"
B = r"(?<!\w)"
E = r"(?!\w)"


_SHAHR = re.compile(r"^(?:ال)?شهر\s+")


def _month_value(s: str) -> int | None:
    s = _SHAHR.sub("", s.strip())
    s = s[1:] if s[:1] in "بل" and s[1:] in AR_MONTHS else s  # لشباط, بآذار
    if s in AR_MONTHS:
        return AR_MONTHS[s]
    if s.isdigit():
        v = int(s)
        return v if 1 <= v <= 12 else None
    if s in AR_CARDINALS:
        return AR_CARDINALS[s] if AR_CARDINALS[s] <= 12 else None
    if s in AR_ORDINALS:
        return AR_ORDINALS[s] if AR_ORDINALS[s] <= 12 else None
    return None


def _day_value(s: str) -> int | None:
    if s.isdigit():
        v = int(s)
    else:
        v = AR_ORDINALS.get(s) or EN_ORDINALS.get(s.lower())
        if v is None:
            return None
    return v if 1 <= v <= 31 else None


def _year_value(m: re.Match, ref: date) -> int | None:
    y = m.group("y")
    if not y:
        return None
    v = int(y)
    if len(y) == 2:
        v += 1900 if v > (ref.year % 100) + 10 else 2000
    return v


# --------------------------------------------------------------------------
# Candidates and rules
# --------------------------------------------------------------------------

Resolver = Callable[[re.Match, date, str], "Value | None"]


@dataclass(slots=True)
class Candidate:
    start: int  # offsets in the folded text
    end: int
    match: re.Match  # of the rule's prefixed pattern (see _prefixed): the match itself is group "_m"
    resolver: Resolver
    relative: bool  # depends on the reference (re-resolve against a statement's date)
    priority: int = 0
    rule: str = ""

    def resolve(self, ref: date, direction: str) -> Value | None:
        try:
            return self.resolver(self.match, ref, direction)
        except (ValueError, OverflowError, KeyError, TypeError):
            return None


@dataclass(slots=True)
class Rule:
    name: str
    regex: re.Pattern
    resolver: Resolver
    relative: bool
    lang: str  # "ar" | "en" | "num" (always) | "num_ar" / "num_en" (digit order of that language)
    priority: int = 0  # breaks ties between equally long matches


RULES: list[Rule] = []


def rule(name: str, pattern: str, lang: str, relative: bool = True, flags: int = 0, priority: int = 0):
    def deco(fn: Resolver) -> Resolver:
        # patterns are written in ordinary spelling; fold them like the text
        RULES.append(Rule(name, re.compile(fold_str(pattern), flags), fn, relative, lang, priority))
        return fn
    return deco


def _rel(m: re.Match, g: str = "rel") -> int | None:
    try:
        r = m.group(g)
    except IndexError:  # the rule has no such group
        return None
    return AR_REL.get(r) if r else None


# ---- Arabic: full dates -------------------------------------------------------

_AR_MONTH_REF = (
    rf"(?:(?P<thism>هذا\s+الشهر)|الشهر\s+(?P<mrel>{REL})|[بل]?(?P<m>{MONX}){MON2})"
)


@rule("ar_full", rf"{B}(?:(?:يوم\s+)?(?:ال)?(?P<wd>{WD})(?:\s+(?P<wrel>{REL}))?[\s،,]+(?:الموافق\s+)?)?"
      rf"(?:(?:في|يوم)\s+)?ل?{DAY}\s+(?:من\s+)?{_AR_MONTH_REF}{YEAR}?(?:\s+(?P<rel>{REL}))?{E}", "ar")
def _ar_full(m, ref, direction):
    d = _day_value(m.group("d"))
    if d is None:
        return None
    wd = AR_WEEKDAYS.get(m.group("wd")) if m.group("wd") else None
    if m.group("thism") or m.group("mrel"):
        y, mo = cal.add_months(ref.year, ref.month, _rel(m, "mrel") or 0)
        return _day(cal.safe_date(y, mo, d))
    mo = _month_value(m.group("m"))
    if mo is None:
        return None
    y = _year_value(m, ref)
    if y is not None:
        got = cal.safe_date(y, mo, d)
        if got and wd is not None and got.weekday() != wd and not m.group("d").isdigit():
            return None  # "الثلاثاء الثالث من أيلول 2014": the third Tuesday, not the 3rd
        return _day(got)
    rel = _rel(m)
    if rel == 0:
        return _day(cal.safe_date(ref.year, mo, d))
    if rel is not None:
        direction = "past" if rel < 0 else "future"
    return _day(cal.day_month(ref, d, mo, direction, wd))


@rule("ar_range", rf"{B}(?:من\s+)?{DAY}\s*(?:-|الى|حتى|وحتى|و)\s*(?:\d{{1,2}}|{DAYW})\s+(?:من\s+)?"
      rf"{_AR_MONTH_REF}{YEAR}?{E}", "ar")
def _ar_range(m, ref, direction):
    return _ar_full(_Proxy(m, {"wd": None, "rel": None}), ref, direction)


class _Proxy:
    """A match with some groups overridden (lets one resolver serve two rules)."""

    def __init__(self, m: re.Match, extra: dict):
        self._m, self._extra = m, extra

    def group(self, name):
        if name in self._extra:
            return self._extra[name]
        try:
            return self._m.group(name)
        except IndexError:
            return None

    def groupdict(self):
        d = dict(self._m.groupdict())
        d.update(self._extra)
        return d


@rule("ar_month_day", rf"{B}[بل]?(?P<m>{MON}){MON2}\s+(?P<d>\d{{1,2}})(?![\d/.:])(?:\s*(?:-|الى)\s*\d{{1,2}})?{YEAR}?{E}", "ar")
def _ar_month_day(m, ref, direction):
    return _ar_full(_Proxy(m, {"wd": None, "rel": None, "thism": None, "mrel": None}), ref, direction)


@rule("ar_month_year", rf"{B}(?:شهر\s+)?[بل]?(?P<m>{MONX}){MON2}{YEAR}{E}", "ar", relative=False)
def _ar_month_year(m, ref, direction):
    mo = _month_value(m.group("m"))
    y = _year_value(m, ref)
    if mo is None or y is None:
        return None
    if m.group("hs"):
        return None
    return _month(y, mo)


_AR_PART = _folded_keys({"منتصف": 15, "نص": 15, "نصف": 15, "اواسط": 15, "بدايه": 1, "مطلع": 1, "اوائل": 1,
            "اول": 1, "اواخر": 21, "نهايه": -1, "اخر": -1})


@rule("ar_month", rf"{B}(?:في\s+)?(?:(?P<part>{alternation(_AR_PART)})\s+(?:[بل]?شهر\s+)?)?(?:في\s+)?"
      rf"(?:[بل]?(?P<shahr>شهر)\s+)?[بل]?(?P<m>{MON}|\d{{1,2}}(?!\d)|{alternation(_AR_CARD12)}){MON2}"
      rf"(?:\s+(?P<rel>{REL}))?{E}", "ar")
def _ar_month(m, ref, direction):
    ms = m.group("m")
    mo = _month_value(ms)
    if mo is None:
        return None
    named = ms in AR_MONTHS
    if not named and "شهر" not in m.group("_m"):
        return None  # a bare number or number word is not a month
    if named and ms in AR_MONTHS_AMBIGUOUS and not (m.group("part") or "شهر" in m.group("_m") or m.group("rel")):
        return None
    rel = _rel(m)
    if rel == 0:
        y = ref.year
    else:
        if rel is not None:
            direction = "past" if rel < 0 else "future"
        y, mo = cal.month_only(ref, mo, direction)
        if rel == -1 and (y, mo) == (ref.year, ref.month):
            y -= 1
        if rel == 1 and (y, mo) == (ref.year, ref.month):
            y += 1
    part = m.group("part")
    if part:
        d = _AR_PART[part]
        return _day(cal.safe_date(y, mo, cal.last_day(y, mo) if d == -1 else d))
    return _month(y, mo)


@rule("ar_year", rf"{B}(?:(?P<kw>(?:في\s+|من\s+)?[لب]?(?:عام|سنه|العام))\s*)?(?<![\d/.\-])(?P<y>\d{{4}})(?![\d/]|\.\d|\s*[-/]\s*\d)"
      rf"(?P<hs>\s*(?:ه|هجري|هجريه|للهجره)(?!\w))?(?:\s*م(?!\w))?(?!\s*%)", "ar", relative=False)
def _ar_year(m, ref, direction):
    y = int(m.group("y"))
    if m.group("hs"):
        g = cal.hijri_to_date(y, 1, 1)
        return _year(g.year) if g else None
    if not m.group("kw") and not (1900 <= y <= 2100):
        return None
    return _year(y)


@rule("ar_hijri", rf"{B}(?:{DAY}\s+(?:من\s+)?)?(?:شهر\s+)?[بل]?(?P<hm>{HMON}){YEAR}?{E}", "ar")
def _ar_hijri(m, ref, direction):
    hm = AR_HIJRI_MONTHS[m.group("hm")]
    d = _day_value(m.group("d")) if m.group("d") else None
    y = _year_value(m, ref)
    if d is None and y is None:
        return None  # رجب، رمضان، صفر alone are names or words
    if y is not None and (m.group("hs") or y < 1700):
        return _day(cal.hijri_to_date(y, hm, d or 1))
    if y is not None:  # "رمضان 2019": the Hijri month that falls in that Gregorian year
        return _day(cal.hijri_in_gregorian_year(y, hm, d or 1))
    hy = cal.hijri_year_of(ref)
    cands = [g for g in (cal.hijri_to_date(hy + k, hm, d) for k in (-1, 0, 1)) if g]
    if not cands:
        return None
    if direction == "past":
        past = [g for g in cands if g <= ref]
        return _day(max(past) if past else min(cands))
    fut = [g for g in cands if g >= ref]
    return _day(min(fut) if fut else max(cands))


_AR_HOLIDAYS = _folded_keys({"عيد الميلاد": "xmas", "الكريسماس": "xmas", "كريسماس": "xmas", "عيد الفطر": "fitr",
                "عيد الاضحي": "adha", "عيد الفصح": "easter", "راس السنه الهجريه": "hijri_new_year",
                "راس السنه الميلاديه": "new_year"})


def _holiday(kind: str, y: int) -> date | None:
    if kind == "xmas":
        return date(y, 12, 25)
    if kind == "new_year":
        return date(y, 1, 1)
    if kind == "easter":
        return cal.easter(y)
    hm, hd = {"fitr": (10, 1), "adha": (12, 10), "hijri_new_year": (1, 1)}[kind]
    return cal.hijri_in_gregorian_year(y, hm, hd)


@rule("ar_holiday", rf"{B}(?P<h>{alternation(_AR_HOLIDAYS)})(?:\s+(?:[لب]?(?:عام|سنه)\s*)?(?P<y>\d{{4}}))?{E}", "ar")
def _ar_holiday(m, ref, direction):
    kind = _AR_HOLIDAYS[m.group("h")]
    if m.group("y"):
        return _day(_holiday(kind, int(m.group("y"))))
    this = _holiday(kind, ref.year)
    if direction == "past":
        return _day(this if this and this <= ref else _holiday(kind, ref.year - 1))
    return _day(this if this and this >= ref else _holiday(kind, ref.year + 1))


# ---- Arabic: relative ----------------------------------------------------------

_AR_REL_DAYS = _folded_keys({
    "اليوم": 0, "هذا اليوم": 0, "في هذا اليوم": 0, "امس": -1, "البارحه": -1, "يوم امس": -1,
    "الامس": -1, "يوم الامس": -1,
    "امس الاول": -2, "اول امس": -2, "اول من امس": -2, "اليوم الماضي": -1, "اليوم السابق": -1,
    "اليوم المنصرم": -1, "غدا": 1, "غد": 1, "الغد": 1, "يوم غد": 1, "بكره": 1, "بكرا": 1,
    "بعد غد": 2, "يوم بعد غد": 2, "بعد الغد": 2, "اليوم الذي بعد الغد": 2, "اليوم الي بعد بكره": 2,
    "اليوم اللي بعد بكره": 2, "بعد بكره": 2, "قبل امس": -2, "يوم قبل امس": -2,
    "اليوم القبل البارحه": -2, "اليوم الي قبل امبارح": -2, "قبل البارحه": -2, "امبارح": -1,
})


@rule("ar_rel_day", rf"{B}(?:[وف]?ب|[وف])?(?P<w>{alternation(_AR_REL_DAYS)}){E}", "ar")
def _ar_rel_day(m, ref, direction):
    return _day(ref + timedelta(days=_AR_REL_DAYS[m.group("w")]))


@rule("ar_relday_weekday", rf"{B}[وف]?(?P<w>يوم\s+غد|غدا|غد|امس|اليوم|البارحه)\s+(?:ال)(?P<wd>{WD}){E}", "ar")
def _ar_relday_weekday(m, ref, direction):
    """"يوم غد السبت", "أمس الاثنين", "اليوم الجمعة": the relative word fixes the day."""
    w = m.group("w")
    off = 1 if "غد" in w else (-1 if w in ("امس", "البارحه") else 0)
    day = ref + timedelta(days=off)
    wd = AR_WEEKDAYS.get(m.group("wd"))
    if wd is not None and day.weekday() != wd:
        # the weekday is the writer's, the stamp the feed's (often the crawl): the named day nearest it
        day = cal.weekday_near(day, wd, "nearest")
    return _day(day)


@rule("ar_part_of_year", rf"{B}(?:منذ\s+)?(?P<part>بدايه|مطلع|نهايه|منتصف|اواخر|اوائل|اواسط)\s+(?P<u>العام|السنه)(?:\s+(?P<rel>{REL}))?{E}", "ar")
def _ar_part_of_year(m, ref, direction):
    return _year(ref.year + (_rel(m) or 0))


_AR_UNIT = _folded_keys({"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"})


@rule("ar_rel_unit", rf"{B}(?:(?P<this>هذا|هذه)\s+)?[وفبل]?(?P<u>الاسبوع|الشهر|العام|السنه)(?:\s+(?P<rel>{REL}))?{E}", "ar")
def _ar_rel_unit(m, ref, direction):
    n = _rel(m)
    if n is None:
        if not m.group("this"):
            return None
        n = 0
    u = _AR_UNIT[m.group("u")]
    if u == "week":
        return _week(ref + timedelta(weeks=n))
    if u == "month":
        return _month(*cal.add_months(ref.year, ref.month, n))
    return _year(ref.year + n)


@rule("ar_next_weeks", rf"{B}(?:ال)?(?:اسابيع|ايام|اشهر|شهور|سنوات)\s+(?:ال)?\S+\s+(?P<rel>القادمه|المقبله){E}", "ar")
def _ar_next_weeks(m, ref, direction):
    w = m.group("_m")
    if "اسابيع" in w:
        return _week(ref + timedelta(weeks=1))
    if "ايام" in w:
        return _day(ref + timedelta(days=1))
    if "سنوات" in w:
        return _year(ref.year + 1)
    return _month(*cal.add_months(ref.year, ref.month, 1))


_AR_AGO_UNITS = _folded_keys({"يوم": ("d", 1), "ايام": ("d", None), "يومين": ("d", 2), "اسبوع": ("w", 1),
                 "اسابيع": ("w", None), "اسبوعين": ("w", 2), "شهر": ("m", 1), "اشهر": ("m", None),
                 "شهور": ("m", None), "شهرين": ("m", 2), "سنه": ("y", 1), "عام": ("y", 1),
                 "سنوات": ("y", None), "اعوام": ("y", None), "سنتين": ("y", 2), "عامين": ("y", 2)})
_AR_CARD_SMALL = {k: v for k, v in AR_CARDINALS.items() if v <= 99}


def _shift(ref: date, unit: str, n: int) -> date:
    if unit == "d":
        return ref + timedelta(days=n)
    if unit == "w":
        return ref + timedelta(weeks=n)
    months = n if unit == "m" else 12 * n
    y, mo = cal.add_months(ref.year, ref.month, months)
    return date(y, mo, min(ref.day, cal.last_day(y, mo)))


@rule("ar_ago", rf"{B}(?P<dir>قبل|منذ|بعد)\s+(?:(?P<n>\d{{1,3}}|{alternation(_AR_CARD_SMALL)})\s+)?"
      rf"(?P<u>{alternation(_AR_AGO_UNITS)}){E}(?!\s*\d)", "ar")
def _ar_ago(m, ref, direction):
    unit, k = _AR_AGO_UNITS[m.group("u")]
    n = m.group("n")
    if n:
        k = int(n) if n.isdigit() else _AR_CARD_SMALL[n]
    if k is None:
        return None  # "منذ سنوات": vague
    sign = 1 if m.group("dir") == "بعد" else -1
    return _day(_shift(ref, unit, sign * k))


# ---- Arabic: weekdays -----------------------------------------------------------

_WEEKDAY_RULES = {"ar_weekday", "en_weekday"}


@rule("ar_weekday", rf"{B}(?:يوم\s+)?(?:(?P<this>هذا)\s+)?[وفبل]?(?:ال)(?P<wd>{WD})(?:\s+(?P<rel>{REL}))?{E}", "ar")
def _ar_weekday(m, ref, direction):
    wd = AR_WEEKDAYS[m.group("wd")]
    rel = _rel(m)
    if rel is None and m.group("this"):
        return _day(cal.weekday_near(ref, wd, "forward"))
    if rel == -1:
        return _day(cal.weekday_last(ref, wd))
    if rel == 1:
        return _day(cal.weekday_coming(ref, wd))
    if rel == 0:
        return _day(cal.weekday_in_week(ref, wd, 0))
    return _day(cal.weekday_near(ref, wd, direction))


@rule("ar_weekday_week", rf"{B}(?:يوم\s+)?(?:ال)?(?P<wd>{WD})\s+(?:من\s+)?(?:(?P<this>هذا)\s+)?الاسبوع(?:\s+(?P<rel>{REL}))?{E}", "ar")
def _ar_weekday_week(m, ref, direction):
    rel = _rel(m)
    if rel is None and not m.group("this"):
        return None
    return _day(cal.weekday_in_week(ref, AR_WEEKDAYS[m.group("wd")], rel or 0))


@rule("ar_weekday_ordday", rf"{B}(?:يوم\s+)?(?:ال)(?P<wd>{WD})\s+(?P<d>{DAYW}){E}", "ar")
def _ar_weekday_ordday(m, ref, direction):
    d, wd = _day_value(m.group("d")), AR_WEEKDAYS[m.group("wd")]
    if d is None:
        return None
    for k in (0, 1, -1, 2, -2):
        y, mo = cal.add_months(ref.year, ref.month, k)
        c = cal.safe_date(y, mo, d)
        if c and c.weekday() == wd:
            return _day(c)
    return None


_ORD_ANY = {**_AR_ORD_SHORT, **_AR_ORD_AL, "اخر": -1, "الاخير": -1, "الاخيره": -1}
_MONTH_TAIL = (rf"(?:(?P<thism>هذا\s+الشهر)|الشهر\s+(?P<mrel>{REL})|(?:[بل]?شهر\s+)?[بل]?(?P<m>{MONX}))"
               rf"(?:{YEAR}|\s+(?:السنه|العام)\s+(?P<yrel>{REL}))?")


def _month_of(m, ref: date, direction: str) -> tuple[int, int] | None:
    if m.group("thism") or m.group("mrel"):
        return cal.add_months(ref.year, ref.month, _rel(m, "mrel") or 0)
    mo = _month_value(m.group("m"))
    if mo is None:
        return None
    y = _year_value(m, ref)
    if y is None and m.group("yrel"):
        y = ref.year + AR_REL[m.group("yrel")]
    if y is None:
        y = cal.month_only(ref, mo, direction)[0]
    return y, mo


@rule("ar_nth_weekday", rf"{B}(?:(?P<o1>{alternation(_ORD_ANY)})\s+(?:يوم\s+)?(?:ال)?(?P<wd1>{WD})|(?:ال)(?P<wd2>{WD})\s+(?P<o2>{alternation(_ORD_ANY)}))"
      rf"\s+(?:من|في|ب)?\s*{_MONTH_TAIL}{E}", "ar")
def _ar_nth_weekday(m, ref, direction):
    o = _ORD_ANY[m.group("o1") or m.group("o2")]
    wd = AR_WEEKDAYS[m.group("wd1") or m.group("wd2")]
    ym = _month_of(m, ref, direction)
    return _day(cal.nth_weekday(*ym, wd, o)) if ym else None


@rule("ar_nth_week", rf"{B}(?:(?P<o1>{alternation(_ORD_ANY)})\s+اسبوع|الاسبوع\s+(?P<o2>{alternation(_ORD_ANY)}))"
      rf"\s+(?:من|في|ب)?\s*{_MONTH_TAIL}{E}", "ar")
def _ar_nth_week(m, ref, direction):
    o = _ORD_ANY[m.group("o1") or m.group("o2")]
    ym = _month_of(m, ref, direction)
    d = cal.nth_week(*ym, o) if ym else None
    return _week(d) if d else None


@rule("ar_last_day", rf"{B}(?:اخر\s+يوم|اليوم\s+الاخير)\s+(?:من|في|ب)?\s*{_MONTH_TAIL}{E}", "ar")
def _ar_last_day(m, ref, direction):
    ym = _month_of(m, ref, direction)
    return _day(date(ym[0], ym[1], cal.last_day(*ym))) if ym else None


# ---- numeric dates (both languages) -----------------------------------------------

def _num_dmy(m, ref, direction, month_first=False):
    a, b = int(m.group("a")), int(m.group("b"))
    if m.group("hs"):
        return _day(cal.hijri_to_date(int(m.group("y")), b, a))
    d, mo = (b, a) if month_first else (a, b)
    if mo > 12 and d <= 12:
        d, mo = mo, d
    y = _year_value(m, ref)
    got = cal.safe_date(y, mo, d)
    other = cal.safe_date(y, d, mo) if d <= 12 and d != mo else None
    if got and other and abs((other - ref).days) < abs((got - ref).days) and abs((other - ref).days) <= 7:
        got = other  # "03-07-2015" in an article of 3 July 2015: day first, whatever the language
    return _day(got)


_NUM_DATE = (r"(?<![\w/.\-])(?P<a>\d{1,2})\s*(?P<s>[/.\-])\s*(?P<b>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4}|\d{2})"
             # "14-09-1432 هـ", "26/9/1436هـ" (no space): a Hijri date, day first
             r"(?:(?P<hs>\s*(?:ه|هجري|هجريه)(?!\w))|\s*م(?!\w)|(?![\w/.\-]|\.\d))")  # "30/7/2015م": Gregorian
# Arabic writes day/month/year; US English month/day/year.
rule("num_dmy", _NUM_DATE, "num_ar", relative=False)(_num_dmy)
rule("num_mdy", _NUM_DATE, "num_en", relative=False)(lambda m, ref, d: _num_dmy(m, ref, d, month_first=True))


@rule("num_iso", r"(?<![\w/.\-])(?P<y>\d{4})\s*(?P<s>[/\-.])\s*(?P<mo>\d{1,2})(?:\s*(?P=s)\s*(?P<d>\d{1,2}))?(?![\w/\-]|\.\d)", "num", relative=False)
def _num_iso(m, ref, direction):
    y, mo = int(m.group("y")), int(m.group("mo"))
    if not (1 <= mo <= 12):
        return None
    if m.group("d"):
        return _day(cal.safe_date(y, mo, int(m.group("d"))))
    return _month(y, mo)


@rule("num_my", r"(?<![\w/.\-])(?P<mo>\d{1,2})\s*/\s*(?P<y>\d{4})(?![\w/\-]|\.\d)", "num", relative=False)
def _num_my(m, ref, direction):
    mo = int(m.group("mo"))
    return _month(int(m.group("y")), mo) if 1 <= mo <= 12 else None


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


def _en_month(s: str) -> int | None:
    return EN_MONTHS.get(s.lower().rstrip("."))


def _en_wd(s: str | None) -> int | None:
    return EN_WEEKDAYS.get(s.lower().rstrip(".")) if s else None


def _en_day(m) -> int | None:
    return _day_value(m.group("d") or m.group("dw"))


def _en_year(m, ref: date) -> int | None:
    y = m.groupdict().get("y")
    if not y:
        return None
    y = y.lstrip("'")
    v = int(y)
    if len(y) == 2:
        v += 1900 if v > (ref.year % 100) + 10 else 2000
    return v


def _en_dm(m, ref, direction):
    d = _en_day(m)
    mo = _en_month(m.group("m"))
    if d is None or mo is None:
        return None
    y = _en_year(m, ref)
    if y is not None:
        return _day(cal.safe_date(y, mo, d))
    wd = _en_wd(m.groupdict().get("wd") or m.groupdict().get("wd2"))
    return _day(cal.day_month(ref, d, mo, direction, wd))


rule("en_day_month", rf"\b(?:(?P<wd>{EWD}),?\s+)?(?:the\s+)?(?:{EDAY})\s*(?:of\s+|[-/]\s*)?(?P<m>{EMON})(?:{EYEAR}|[-/](?P<y2>\d{{2,4}}))?\b\.?", "en", flags=_I)(
    lambda m, ref, direction: _en_dm(_Proxy(m, {"y": m.group("y") or m.group("y2")}), ref, direction))
rule("en_month_day", rf"\b(?:(?P<wd>{EWD}),?\s+)?(?P<m>{EMON})\s*(?:the\s+)?(?:{EDAY})(?:{EYEAR})?(?:,\s*(?P<wd2>{EWD}))?\b\.?", "en", flags=_I)(_en_dm)


@rule("en_month_year", rf"\b(?P<m>{EMON}),?\s+(?:of\s+)?(?P<y>\d{{4}})\b", "en", relative=False, flags=_I)
def _en_month_year(m, ref, direction):
    mo = _en_month(m.group("m"))
    return _month(int(m.group("y")), mo) if mo else None


@rule("en_month", rf"\b(?:(?P<rel>next|last|this|the\s+coming|coming|previous)\s+)?(?P<m>{EMON_SAFE}|may\b(?=\s+(?:after|in)\b))(?P<after>\s+after\s+next)?(?:\s+in\s+(?:1|a|one)\s+year)?\b", "en", flags=_I)
def _en_month_alone(m, ref, direction):
    mo = _en_month(m.group("m"))
    if mo is None:
        return None
    rel = (m.group("rel") or "").lower()
    text = m.group("_m").lower()
    if rel == "last":
        y = ref.year if mo < ref.month else ref.year - 1
    elif rel == "previous":  # "the previous January's 13.9 pct" (in March): the year-earlier one
        y = (ref.year if mo < ref.month else ref.year - 1) - 1
    elif rel == "this":
        y = ref.year
    else:
        y, _ = cal.month_only(ref, mo, "past" if direction == "past" and not rel
                              else ("nearest" if direction == "forward" and not rel else "forward"))
        if rel and (y, mo) == (ref.year, ref.month):
            y += 1
    if m.group("after"):
        y += 1
    if "in 1 year" in text or "in a year" in text or "in one year" in text:
        y = ref.year + 1
    return _month(y, mo)


@rule("en_year", r"\b(?:(?:in|during|since|of|by)\s+)?(?<![\d/.\-$])(?P<y>\d{4})(?:\s*(?P<era>a\.?d\.?|b\.?c\.?)(?![a-z]))?(?![\d/]|\.\d|\s*[-/]\s*\d|\s*%|,\d)", "en", relative=False, flags=_I)
def _en_year_rule(m, ref, direction):
    y = int(m.group("y"))
    era = (m.group("era") or "").lower().replace(".", "")
    if era == "bc":
        return _year(-y)
    if not era and not (1900 <= y <= 2100):
        return None
    return _year(y)


@rule("en_year_ad", r"\bin\s+(?P<y>\d{1,4})\s*(?P<era>a\.?d\.?|b\.?c\.?)(?![a-z])", "en", relative=False, flags=_I)
def _en_year_ad(m, ref, direction):
    y = int(m.group("y"))
    return _year(-y if "b" in m.group("era").lower() else y)


_ORD_SUFFIX = re.compile(r"(st|nd|rd|th)$")
_EN_REL_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "tomorrows": 1,
                "the day after tomorrow": 2, "the day before yesterday": -2, "day after tomorrow": 2,
                "day before yesterday": -2}


@rule("en_rel_day", rf"\b(?P<w>{alternation(_EN_REL_DAYS)})\b", "en", flags=_I)
def _en_rel_day(m, ref, direction):
    return _day(ref + timedelta(days=_EN_REL_DAYS[m.group("w").lower()]))


_EN_UNIT = {"week": "week", "month": "month", "year": "year", "yr": "year"}


def _en_reln(s: str | None) -> int:
    s = " ".join((s or "").lower().split())
    return {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0}.get(s, 1)


@rule("en_rel_unit", rf"\b(?:around\s+)?{EREL}\s+(?P<u>week|month|year|yr)\b(?!'s)", "en", flags=_I)
def _en_rel_unit(m, ref, direction):
    n = _en_reln(m.group("rel"))
    u = _EN_UNIT[m.group("u").lower()]
    if u == "week":
        return _week(ref + timedelta(weeks=n))
    if u == "month":
        return _month(*cal.add_months(ref.year, ref.month, n))
    return _year(ref.year + n)


_EN_AGO_UNITS = {"day": "d", "days": "d", "week": "w", "weeks": "w", "month": "m", "months": "m",
                 "year": "y", "years": "y"}


def _en_num(s: str) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    if s in ("a", "an"):
        return 1
    return EN_CARDINALS.get(s)


@rule("en_ago", rf"\b(?:(?P<in>in|within)\s+)?(?P<n>\d{{1,3}}|{ECARD})\s+(?P<u>days?|weeks?|months?|years?)(?:\s+(?P<dir>ago|hence|from\s+now|from\s+today|later|earlier|back))?\b", "en", flags=_I)
def _en_ago(m, ref, direction):
    if not m.group("in") and not m.group("dir"):
        return None
    if m.group("in") and m.group("in").lower() == "within":
        return None
    n = _en_num(m.group("n"))
    if n is None:
        return None
    sign = -1 if (m.group("dir") or "").lower() in ("ago", "earlier", "back") else 1
    return _day(_shift(ref, _EN_AGO_UNITS[m.group("u").lower()], sign * n))


@rule("en_upcoming_n", rf"\b(?:(?:upcoming|next|coming)\s+(?P<n1>\d{{1,3}}|{ECARD})|(?P<n2>\d{{1,3}}|{ECARD})\s+(?:upcoming|next|coming))\s+(?P<u>days?|weeks?|months?|years?)\b", "en", flags=_I)
def _en_upcoming_n(m, ref, direction):
    n = _en_num(m.group("n1") or m.group("n2"))
    if n is None:
        return None
    u = _EN_AGO_UNITS[m.group("u").lower()]
    if u == "d":
        return _day(ref + timedelta(days=n))
    if u == "w":
        return _week(ref + timedelta(weeks=n))
    if u == "m":
        return _month(*cal.add_months(ref.year, ref.month, n))
    return _year(ref.year + n)


@rule("en_weekday", rf"\b(?:(?:on|around)\s+)?(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<wd>{EWD})(?P<after>\s+after\s+next)?(?:\s+(?P<tail>(?:of\s+|from\s+)?(?:this|next|last|the\s+coming)\s+week))?\b", "en", flags=_I)
def _en_weekday(m, ref, direction):
    wd = _en_wd(m.group("wd"))
    raw = m.group("wd")
    if wd is None:
        return None
    rel = (m.group("rel") or "").lower()
    if not rel and not m.group("tail") and not m.group("after") and raw.lower().rstrip(".") in ("sat", "sun", "wed") \
            and not raw.endswith(".") and not raw[:1].isupper():
        return None  # "sat", "sun", "wed" are words
    if m.group("after"):  # "friday after next": the one after the coming one
        return _day(cal.weekday_near(ref, wd, "forward") + timedelta(days=7))
    if m.group("tail"):
        t = m.group("tail").lower()
        n = -1 if "last" in t else (1 if ("next" in t or "coming" in t) else 0)
        return _day(cal.weekday_in_week(ref, wd, n))
    if rel in ("last", "past", "previous"):
        return _day(cal.weekday_last(ref, wd))
    if rel == "next":
        return _day(cal.weekday_in_week(ref, wd, 1))
    if rel in ("this", "coming"):
        return _day(cal.weekday_near(ref, wd, "forward"))
    return _day(cal.weekday_near(ref, wd, direction))


@rule("en_lastweeks_wd", rf"\b(?P<rel>last|next|this)\s+week's\s+(?P<wd>{EWD})", "en", flags=_I)
def _en_lastweeks_wd(m, ref, direction):
    n = {"last": -1, "next": 1, "this": 0}[m.group("rel").lower()]
    return _day(cal.weekday_in_week(ref, _en_wd(m.group("wd")), n))


@rule("en_n_weekdays", rf"\b(?P<n>\d{{1,2}}|{ECARD})\s+(?P<wd>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\s+(?P<dir>from\s+now|ago|back|hence)\b", "en", flags=_I)
def _en_n_weekdays(m, ref, direction):
    n = _en_num(m.group("n"))
    wd = _en_wd(m.group("wd")[:-1])
    if not n or wd is None:
        return None
    if m.group("dir").lower() in ("ago", "back"):
        return _day(cal.weekday_last(ref, wd) - timedelta(weeks=n - 1))
    return _day(cal.weekday_coming(ref, wd) + timedelta(weeks=n - 1))


_EN_ORD_N = {**{k: v for k, v in EN_ORDINALS.items() if v <= 5}, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
             "5th": 5, "last": -1}
_EN_MONTH_TAIL = (rf"(?:(?P<cur>(?:this|the|the\s+current|current)\s+month)|(?:the\s+)?(?P<mrel>last|next|previous|following)\s+month|(?P<m>{EMON}))(?:{EYEAR})?")


def _en_month_of(m, ref, direction):
    if m.group("cur"):
        return ref.year, ref.month
    if m.group("mrel"):
        return cal.add_months(ref.year, ref.month, -1 if m.group("mrel").lower() in ("last", "previous") else 1)
    mo = _en_month(m.group("m"))
    if mo is None:
        return None
    y = _en_year(m, ref)
    return (y, mo) if y is not None else (cal.month_only(ref, mo, direction)[0], mo)


@rule("en_nth_weekday", rf"\b(?:the\s+)?(?P<o>{alternation(_EN_ORD_N)})\s+(?P<wd>{EWD})\s+(?:of|in)\s+{_EN_MONTH_TAIL}\b", "en", flags=_I)
def _en_nth_weekday(m, ref, direction):
    ym = _en_month_of(m, ref, direction)
    wd = _en_wd(m.group("wd"))
    return _day(cal.nth_weekday(*ym, wd, _EN_ORD_N[m.group("o").lower()])) if ym and wd is not None else None


@rule("en_nth_week", rf"\b(?:the\s+)?(?P<o>{alternation(_EN_ORD_N)})(?P<last>\s+last)?\s+week\s+(?:of|in)\s+{_EN_MONTH_TAIL}\b", "en", flags=_I)
def _en_nth_week(m, ref, direction):
    ym = _en_month_of(m, ref, direction)
    o = _EN_ORD_N[m.group("o").lower()]
    if m.group("last") and ym:
        d = cal.nth_week(*ym, -1)
        return _week(d - timedelta(weeks=o - 1)) if d and o > 0 else None
    d = cal.nth_week(*ym, o) if ym else None
    return _week(d) if d else None


@rule("en_nth_last_week_year", rf"\b(?:the\s+)?(?P<o>{alternation(_EN_ORD_N)})\s+last\s+week\s+of\s+(?P<y>\d{{4}})\b", "en", relative=False, flags=_I)
def _en_nth_last_week_year(m, ref, direction):
    o = _EN_ORD_N[m.group("o").lower()]
    last = date(int(m.group("y")), 12, 31)
    start = cal.week_start(last) if last.weekday() == 6 else cal.week_start(last) - timedelta(weeks=1)
    return _week(start - timedelta(weeks=o - 1)) if o > 0 else None


@rule("en_nth_day", rf"\b(?:the\s+)?(?P<o>{EORD}|\d{{1,2}}(?:st|nd|rd|th)?|last)(?P<last>\s+last)?\s+day\s+(?:of|in)\s+{_EN_MONTH_TAIL}\b", "en", flags=_I)
def _en_nth_day(m, ref, direction):
    ym = _en_month_of(m, ref, direction)
    if not ym:
        return None
    o = m.group("o").lower()
    if o == "last":
        return _day(date(ym[0], ym[1], cal.last_day(*ym)))
    d = _day_value(_ORD_SUFFIX.sub("", o) if o[0].isdigit() else o)
    if d and m.group("last"):  # "fifth last day of May"
        d = cal.last_day(*ym) + 1 - d
    return _day(cal.safe_date(*ym, d)) if d else None


@rule("en_day_of_rel_month", r"\b(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+(?:(?P<cur>(?:this|the\s+current|current)\s+month)|(?:the\s+)?(?P<mrel>next|previous|last|following)\s+month)\b", "en", flags=_I)
def _en_day_of_rel_month(m, ref, direction):
    if m.group("cur"):
        y, mo = ref.year, ref.month
    else:
        y, mo = cal.add_months(ref.year, ref.month, -1 if m.group("mrel").lower() in ("previous", "last") else 1)
    return _day(cal.safe_date(y, mo, int(m.group("d"))))


@rule("en_the_nth", rf"\b(?:on\s+the\s+(?P<d1>\d{{1,2}}(?:st|nd|rd|th)|{EORD})|the\s+(?P<d2>\d{{1,2}}(?:st|nd|rd|th)))\b(?!\s+(?:of|day|week|time|floor|century|anniversary|round|place|ever|such|two|three|few|\w+est))", "en", flags=_I)
def _en_the_nth(m, ref, direction):
    s = (m.group("d1") or m.group("d2")).lower()
    d = _day_value(_ORD_SUFFIX.sub("", s) if s[0].isdigit() else s)
    if d is None:
        return None
    c = cal.safe_date(ref.year, ref.month, d)
    if c and (c >= ref or direction == "past"):
        return _day(c)
    y, mo = cal.add_months(ref.year, ref.month, 1)
    return _day(cal.safe_date(y, mo, d))


@rule("en_week_of", rf"\bthe\s+week\s+of\s+(?P<m>{EMON})\s+(?:{EDAY})\b", "en", flags=_I)
def _en_week_of(m, ref, direction):
    v = _en_dm(_Proxy(m, {"y": None, "wd": None, "wd2": None}), ref, direction)
    if not v:
        return None
    d = date.fromisoformat(v[0])
    # Duckling reads "the week of <Sunday>" as the week that starts the next day
    return _week(d + timedelta(days=1) if d.weekday() == 6 else d)


_EN_HOLIDAYS = {"christmas": "xmas", "christmas day": "xmas", "xmas": "xmas", "easter": "easter",
                "easter sunday": "easter", "new year's day": "new_year", "eid al-fitr": "fitr",
                "eid al-adha": "adha", "the ides of march": "ides"}


def _en_holiday_date(name: str, y: int) -> date | None:
    kind = _EN_HOLIDAYS[name.lower()]
    return date(y, 3, 15) if kind == "ides" else _holiday(kind, y)


@rule("en_holiday", rf"\b(?:(?P<n>\d{{1,2}}|{ECARD})\s+(?P<u>days?|weeks?|months?|years?)\s+(?:after|from)\s+|(?P<o>{alternation(_EN_ORD_N)})\s+(?P<wd>{EWD})\s+after\s+)?"
      rf"(?P<h>{alternation(_EN_HOLIDAYS)})(?:\s+(?P<y>\d{{4}}))?\b", "en", flags=_I)
def _en_holiday(m, ref, direction):
    name = m.group("h")
    if m.group("y"):
        base = _en_holiday_date(name, int(m.group("y")))
    else:
        base = _en_holiday_date(name, ref.year)
        if base and base < ref and direction != "past":
            base = _en_holiday_date(name, ref.year + 1)
    if base is None:
        return None
    if m.group("n"):
        n = _en_num(m.group("n"))
        return _day(_shift(base, _EN_AGO_UNITS[m.group("u").lower()], n)) if n else None
    if m.group("o"):
        wd, o = _en_wd(m.group("wd")), _EN_ORD_N[m.group("o").lower()]
        return _day(cal.weekday_coming(base, wd) + timedelta(weeks=o - 1)) if o > 0 else None
    return _day(base)


@rule("en_md_num", r"(?<![\w/.\-])(?P<mo>\d{1,2})\s*(?P<s>/|-)\s*(?P<d>\d{1,2})(?![\w/.\-]|\s*[/-]\s*\d)", "num_en", flags=_I)
def _en_md_num(m, ref, direction):
    mo, d = int(m.group("mo")), int(m.group("d"))
    if mo > 12:
        return None
    return _day(cal.day_month(ref, d, mo, direction))


# --------------------------------------------------------------------------
# Tense of the sentence (direction of unanchored dates)
# --------------------------------------------------------------------------

_FUTURE = re.compile(
    r"(?<!\w)(?:سوف|سي\w{3,}|ست\w{3,}|سن\w{3,}|سا\w{3,}|المقبل\w*|القادم\w*|المرتقب\w*|مرتقب\w*|المنتظر|المقرر|المتوقع|يعتزم|تعتزم"
    r"|will|won't|would|shall|'ll|going\s+to|planned\s+for|set\s+for|scheduled|due\s+to|expected\s+to|plans?\s+to|set\s+to|upcoming|next|coming)(?!\w)",
    re.I)
_NOT_FUTURE = re.compile(r"(?<!\w)(?:سياس\w*|سيار\w*|سيطر\w*|سياق\w*|سياح\w*|سيد\w*|ستين|سته|ستار\w*|سنوات|سنوي\w*|سنه|سنتين|سابق\w*|ساع\w*|ساح\w*|سام\w*|سلام\w*|ساكن\w*|ستوكهولم|سيناري\w*|سينما|سيناء|سيول|ساحل\w*|سنغافوره|سنترال)(?!\w)")
_PAST = re.compile(
    r"(?<!\w)[وف]?(?:قال|قالت|اكد|اكدت|اعلن|اعلنت|ذكر|ذكرت|اوضح|اوضحت|اشار|اشارت|اضاف|اضافت|صرح|صرحت|افاد|افادت"
    r"|نفذ|نفذت|اسفر|اسفرت|وقع|وقعت|جري|جرت|تم|كان|كانت|شهد|شهدت|قتل|قتلت|اعتقل|توفي|التقي|التقت|زار|زارت|عقد|عقدت"
    r"|الماضي|المنصرم|امس|البارحه|بدا|بدات|انطلق|انطلقت|شن|شنت|استهدف|استهدفت)(?!\w)"
    r"|\b(?:said|was|were|had|did|told|met|held|took|went|came|gave|fell|rose|won|lost|began|left|led|saw|made|"
    r"ago|yesterday|\w{3,}ed)\b",
    re.I)


# a future cue that is not one of the words above, in one search: the exclusion is a
# lookahead at the start of the word (the excluded words are whole Arabic words)
_FUTURE_CUE = re.compile(r"(?<!\w)(?!(?:" + _NOT_FUTURE.pattern[len(r"(?<!\w)(?:"):-len(r")(?!\w)")] + r")(?!\w))"
                         + _FUTURE.pattern[len(r"(?<!\w)"):], re.I)


def _direction(sentence: str) -> str:
    fut = _FUTURE_CUE.search(sentence) is not None
    past = _PAST.search(sentence) is not None
    if fut and past:
        return "nearest"  # "talks scheduled for June 15 had been cancelled"
    if fut:
        return "future"
    if past:
        return "past"
    return "forward"


# Clause bounds for tense: sentence ends, and the complementizers that open a
# reported clause (a past "said" does not make the event it reports past).
# (a pattern that starts with a character class lets the regex engine skip ahead quickly)
_SENT_END = re.compile(r"[.!?؟]+(?=\s|$)|\n|\s(?:[بوف]?ان(?:ه|ها|هم|هما)?|that)(?!\w)")


# Clause ends found with str.find (C speed): ". " "? " "! " "؟ " and line breaks end a
# sentence; " إن/أن/بأن/أنه ..." and " that " open a reported clause. Same result as _SENT_END.


def _clause_ends(text: str) -> list[int]:
    # one find per punctuation mark and per complementizer stem (not per spelling):
    # the following character tells which spelling it is
    ends = set()
    find = text.find
    n = len(text)
    for mark in ".!?؟":
        k = find(mark)
        while k >= 0:
            if k + 1 < n and text[k + 1] in " \n\t":
                ends.add(k + 1)
            k = find(mark, k + 1)
    k = find("\n")
    while k >= 0:
        ends.add(k + 1)
        k = find("\n", k + 1)
    for stem in _COMP_STEMS:
        k = find(stem)
        while k >= 0:
            e = k + len(stem)
            for suffix in _COMP_SUFFIXES:
                if text.startswith(suffix, e):
                    end = e + len(suffix)
                    if end >= n or not (text[end].isalnum() or text[end] == "_"):
                        ends.add(end)
                        break
            k = find(stem, e)
    if text[-1:] in ".!?؟":
        ends.add(n)
    return sorted(ends)


_COMP_STEMS = [" " + p + "ان" for p in ("", "ب", "و", "ف")] + [" that"]
_COMP_SUFFIXES = ("", "ه", "ها", "هم", "هما")  # " that" takes only the first


class _Sentences:
    """Sentence bounds in the folded text, with a cached direction per sentence."""

    def __init__(self, text: str):
        self.text = text
        self.ends = _clause_ends(text)
        self._dir: dict[int, str] = {}

    def direction_at(self, pos: int) -> str:
        i = bisect_right(self.ends, pos)
        if i not in self._dir:
            start = self.ends[i - 1] if i > 0 else 0
            end = self.ends[i] if i < len(self.ends) else len(self.text)
            self._dir[i] = _direction(self.text[start:end])
        return self._dir[i]


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------

_AR_LETTERS = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones in the first few thousand characters."""
    sample = text[:4000]
    return "ar" if len(_AR_LETTERS.findall(sample)) >= len(_LATIN.findall(sample)) and _AR_LETTERS.search(sample) else "en"


def _ref_date(reference: datetime | date | None) -> date | None:
    if reference is None:
        return None
    if isinstance(reference, datetime):
        return reference.date()
    return reference


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
    "en_month": ("en_month",), "en_rel_unit": ("en_unit",), "en_ago": ("en_unit",), "en_upcoming_n": ("en_unit",),
    "en_weekday": ("en_wd",), "en_lastweeks_wd": ("en_weeks",), "en_n_weekdays": ("en_wdpl",),
    "en_nth_weekday": ("en_wd",), "en_nth_week": ("en_unit",), "en_nth_last_week_year": ("en_unit",),
    "en_nth_day": ("en_unit",), "en_day_of_rel_month": ("en_unit",), "en_week_of": ("en_unit",),
}
for _r in RULES:
    if _r.name not in _RULE_CLASSES:
        _RULE_CLASSES[_r.name] = ("en_month", "en_wd", "en_unit") if _r.name.startswith("en_") else ("month", "weekday", "unit")
_DIGIT_RUN = re.compile(r"\d+((?:\s*[/\-]\s*|\.)\d+)?")
_NUMDATE = re.compile(r"\d\s*[/.\-]\s*\d")
# how far a match can reach before and after its anchor word (characters)
_MARGINS = {"month": (55, 40), "weekday": (25, 50), "hijri": (40, 40), "relday": (25, 45), "unit": (45, 35),
            "year4": (20, 15), "digit": (25, 25), "numdate": (10, 20), "holiday": (10, 20),
            "en_month": (35, 30), "en_wd": (20, 45), "en_unit": (35, 25), "en_ord": (15, 30), "en_rel": (25, 10),
            "en_hol": (40, 10), "ar_ord": (30, 50), "ar_dir": (0, 45)}
_MARGIN_DEFAULT = (60, 60)


# every clitic-prefixed form of every anchor word, so one dict lookup classifies a word
_PREFIXES = ("", "و", "ف", "ب", "ل", "ال", "وال", "فال", "بال", "لل")
_AR_LOOKUP = {p + w: c for w, c in _AR_CLASS.items() for p in _PREFIXES}
_PUNCT = "\"'«»“”„()[]{}،,؛;:.!?؟-–—/…‘’*#+=<>|~"


_EN_LOOKUP = {**_EN_CLASS, **{k + ".": v for k, v in _EN_CLASS.items()}, "week's": "en_weeks"}
# "a" and "an" count as the number one ("a week ago") but occur a hundred times in an
# English article: they are not located; a rule that needs a number nearby runs
# without that narrowing when the article has them.
_EN_ARTICLES = frozenset(("a", "an"))

# Word gates: a rule whose every match holds one of these whole words (as the
# word set of _anchor_windows spells them: stripped of punctuation, Latin ones
# lower-cased) is skipped when the article has none of them. Most articles skip
# these rules outright. (A pattern searched over the whole article as a gate costs
# more than the rule it would skip: an article is 5,000 characters, a rule runs
# in a few windows.)
_AR_ORD_WORDS = frozenset(_ORD_ANY)
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


def _anchor_windows(text: str, has_ar: bool, has_en: bool) -> tuple[dict[str, list[tuple[int, int]]], set[str]]:
    """The anchor words of each class (sorted spans), and the set of the text's words
    (as written, and lower-cased for Latin ones) for the rules' word gates.

    The set of distinct words is intersected with the anchor lexicon (C speed);
    only the few words found are then located in the text. "a"/"an" are not
    located (an English article holds hundreds): see :data:`_EN_ARTICLES`.
    """
    points: dict[str, list[tuple[int, int]]] = {}
    # dedupe before stripping: an article has a few hundred distinct tokens among a thousand
    words = {w.strip(_PUNCT) for w in set(text.replace("/", " ").replace("-", " ").split())}
    hits: list[tuple[str, str]] = []
    if has_ar:
        hits += [(w, _AR_LOOKUP[w]) for w in words & _AR_LOOKUP.keys()]
    lower: dict[str, str] = {}
    if has_en:
        # map/filter/zip run their loops in C: an English article has hundreds of distinct words
        ascii_words = list(filter(str.isascii, words))
        lows = list(map(str.lower, ascii_words))
        lower = dict(zip(lows, ascii_words))
        # every spelling as written is located ("March" and "MARCH" in one article)
        found = (lower.keys() & _EN_LOOKUP.keys()) - _EN_ARTICLES
        hits += [(orig, _EN_LOOKUP[lw]) for orig, lw in zip(ascii_words, lows) if lw in found]
        # only words that mix digits with other characters can be "14april", "Feb13", "15th"
        mixed = set(ascii_words) - set(filter(str.isalpha, ascii_words)) - set(filter(str.isdigit, ascii_words))
        for orig in mixed:
            lw = orig.lower()
            if lw[:1].isdigit() and not lw.isdigit():
                tail = lw.lstrip("0123456789")
                if tail in ("st", "nd", "rd", "th"):
                    hits.append((orig, "en_ord"))
                elif tail.rstrip(".") in _EN_CLASS:
                    hits.append((orig, "en_month"))
            elif lw[-1:].isdigit() and lw.rstrip("0123456789") in _EN_CLASS:
                hits.append((orig, "en_month"))
    n = len(text)
    find = text.find
    for w, cls in hits:
        # exact-case occurrences (the word was taken from the text); a whole word is enough here,
        # windows are generous and the rules check boundaries themselves
        lw = len(w)
        lst = points.setdefault(cls, [])
        k = find(w)
        while k >= 0:
            e = k + lw
            if (k == 0 or not text[k - 1].isalnum()) and (e == n or not text[e].isalnum()):
                lst.append((k, e))
            k = find(w, e)
    digit: list[tuple[int, int]] = []
    numdate: list[tuple[int, int]] = []
    year4: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        span = m.span()
        digit.append(span)
        if m.group(1):
            numdate.append(span)
        elif span[1] - span[0] == 4:
            year4.append(span)
    for spans in points.values():
        spans.sort()
    # (digit runs come out of the regex in text order)
    points.update(digit=digit, numdate=numdate, year4=year4)
    return points, words.union(lower)


def scan(folded: Folded, lang: str) -> list[Candidate]:
    """Every rule match in folded text (overlapping; :func:`tag` chooses)."""
    text = folded.text
    found: list[Candidate] = []
    # Arabic articles quote English dates and the reverse: both rule sets run
    # wherever their anchor words occur.
    has_ar = bool(_AR_LETTERS.search(text))
    has_en = bool(_LATIN.search(text))
    anchors, words = _anchor_windows(text, has_ar, has_en)
    active = {"num", "num_" + lang, "ar" if has_ar else "", "en" if has_en else ""}
    has_article = has_en and not _EN_ARTICLES.isdisjoint(words)
    seen: set[tuple[int, int, str]] = set()
    # rules of the same classes share their windows and start ranges: built once per article
    plans: dict[tuple, list[tuple[int, int, list[tuple[int, int]]]]] = {}
    for r, classes, also, gate, px, k in _SCAN_RULES:
        if r.lang not in active:
            continue
        if classes == ("year4",) and ((r.lang == "en" and lang == "ar") or (r.lang == "ar" and lang == "en")):
            continue  # a bare number is a year in the article's own language only
        if gate is not None and gate.isdisjoint(words):
            continue
        if also and has_article and "en_num" in also:
            also = None  # "a week ago": "a" is everywhere, no narrowing
        cap = _RULE_BEFORE.get(r.name)
        plan = plans.get((classes, also, cap))
        if plan is None:
            plan = plans[(classes, also, cap)] = _plan(anchors, classes, also, cap)
        # A match contains an anchor word of its rule's classes and starts at a word start,
        # so it starts between (anchor - margin) and the anchor: only those positions are
        # tried (the regex engine itself, not a Python loop, steps through them).
        name = r.name
        for ws, we, ranges in plan:
            pos = ws
            for rs, re_ in ranges:
                if pos < rs:
                    pos = rs
                while pos <= re_:
                    m = px.match(text, pos, we)
                    if m is None:
                        pos += k + 1
                        continue
                    ms, me = m.span("_m")
                    if ms > re_:
                        break  # starts in a later range (or none): look for it from there
                    pos = me if me > ms else ms + 1
                    if me > ms and (ms, me, name) not in seen:
                        seen.add((ms, me, name))
                        found.append(Candidate(ms, me, m, r.resolver, r.relative, r.priority, name))
    return found


def _windows(anchors: dict, classes: tuple[str, ...], cap: int | None = None
             ) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Windows around the anchor words of `classes` (margins by class, overlapping windows
    merged), each with the ranges where a match can start: [anchor - margin, anchor]."""
    pts = []
    for c in classes:
        spans = anchors.get(c)
        if spans:
            before, after = _MARGINS.get(c, _MARGIN_DEFAULT)
            if cap is not None and cap < before:
                before = cap
            pts += [(s - before if s > before else 0, s, e + after) for s, e in spans]
    if not pts:
        return []
    pts.sort()
    out = []
    ws, s0, we = pts[0]
    ranges = [[ws, s0]]
    for lo, a, hi in pts[1:]:
        if lo <= we:  # the windows overlap or touch: one window
            if hi > we:
                we = hi
            last = ranges[-1]
            if lo <= last[1] + 1:
                if a > last[1]:
                    last[1] = a
            else:
                ranges.append([lo, a])
        else:
            out.append((ws, we, ranges))
            ws, we, ranges = lo, hi, [[lo, a]]
    out.append((ws, we, ranges))
    return out


def _plan(anchors: dict, classes: tuple[str, ...], also: tuple[str, ...] | None, cap: int | None = None
          ) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """The windows a rule runs in (those of its classes, kept where a word of its `also`
    classes is near), each with the ranges where a match can start."""
    wins = _windows(anchors, classes, cap)
    if also and wins:
        other = _windows(anchors, also)
        kept, j, n = [], 0, len(other)
        for w in wins:
            while j < n and other[j][1] <= w[0]:
                j += 1
            if j < n and other[j][0] < w[1]:
                kept.append(w)
        wins = kept
    return wins


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
_PREFIXED: dict[str, tuple[re.Pattern, int]] = {}


def _prefixed(r: Rule, classes: tuple[str, ...]) -> tuple[re.Pattern, int]:
    """The rule's pattern behind a lazy skip of at most k characters (k: the widest margin
    before an anchor of its classes): one match() call tries every start in [pos, pos + k]
    leftmost first, as search() would, without scanning on to the end of the window."""
    got = _PREFIXED.get(r.name)
    if got is None:
        k = max(_MARGINS.get(c, _MARGIN_DEFAULT)[0] for c in classes)
        k = min(k, _RULE_BEFORE.get(r.name, k))
        got = _PREFIXED[r.name] = (re.compile(rf"(?s:.{{0,{k}}}?)(?P<_m>{r.regex.pattern})", r.regex.flags), k)
    return got


# (rule, classes, also, gate, prefixed pattern, k) for every rule, in rule order
_SCAN_RULES = [(r, _RULE_CLASSES[r.name], _RULE_ALSO.get(r.name), _RULE_GATES.get(r.name),
                *_prefixed(r, _RULE_CLASSES[r.name])) for r in RULES]


# rules whose value does not depend on the tense of the sentence: no need to read it
_NO_DIRECTION = {"ar_month_year", "ar_year", "num_dmy", "num_mdy", "num_iso", "num_my", "en_month_year", "en_year",
                 "en_year_ad", "ar_rel_day", "ar_rel_unit", "ar_relday_weekday", "ar_part_of_year", "ar_ago",
                 "en_rel_day", "en_rel_unit", "en_ago", "en_upcoming_n", "ar_next_weeks", "en_lastweeks_wd",
                 "en_n_weekdays", "en_day_of_rel_month", "en_nth_last_week_year", "ar_weekday_week"}
_NO_REF = date(2000, 1, 1)  # stands in when there is no reference; only absolute values are kept


def tag(text: str, reference: datetime | date | None, lang: str | None = None, folded: Folded | None = None):
    """(mention, candidate, direction) triples, left to right, non-overlapping.

    Overlapping matches are settled longest first (then by rule priority, then
    leftmost) among those that resolve. ``reference`` None leaves relative
    dates unresolved (mention.value == "") but resolves absolute ones.
    ``folded`` is ``fold(text)`` when the caller has it already (the extractor).
    """
    lang = lang or detect_lang(text)
    if folded is None:
        folded = fold(text)
    ref = _ref_date(reference)
    sents = _Sentences(folded.text)
    cands = scan(folded, lang)
    # longest first, then rule priority, then leftmost; a candidate that does not
    # resolve (a weekday that does not fit its date, ...) leaves room for the next
    cands.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken_starts: list[int] = []  # chosen spans never overlap: keep them sorted, test the neighbours
    taken_ends: list[int] = []
    out = []
    for c in cands:
        i = bisect_right(taken_starts, c.start)
        if (i > 0 and taken_ends[i - 1] > c.start) or (i < len(taken_starts) and taken_starts[i] < c.end):
            continue
        direction = "forward" if c.rule in _NO_DIRECTION else sents.direction_at(c.start)
        value = c.resolve(ref or _NO_REF, direction)
        if value is None:
            continue
        if ref is None and c.relative:
            value = ("", "")
        taken_starts.insert(i, c.start)
        taken_ends.insert(i, c.end)
        s, e = folded.orig_start(c.start), folded.orig_end(c.end)
        while e > s and text[e - 1] in " \t،,.":  # punctuation a pattern may have eaten
            e -= 1
        out.append((DateMention(text[s:e], s, e, value[0], value[1]), c, direction))
    out.sort(key=lambda t: t[0].start)
    _weekday_takes_its_date(folded.text, out)
    return out


# "يوم الخميس الموافق 30/7/2015م", "الجمعة، 26 يونيو": the weekday the sentence dates itself
_MUWAFIQ = re.compile(r"[\s،,]*(?:الموافق|الموافقه|الموافق\s+ل)?[\s،,]*$")


def _weekday_takes_its_date(F: str, out: list) -> None:
    for k in range(len(out) - 1):
        (m, c, _), (m2, c2, _) = out[k], out[k + 1]
        if m.grain == "day" and m2.grain == "day" and m2.value and c.rule in _WEEKDAY_RULES \
                and c2.start - c.end <= 14 and _MUWAFIQ.fullmatch(F, c.end, c2.start):
            m.value = m2.value


def find_dates(text: str, reference: datetime | date, lang: str | None = None) -> list[DateMention]:
    """Date mentions in ``text`` resolved against ``reference`` (see the module notes)."""
    if not text:
        return []
    if isinstance(reference, datetime) and reference.tzinfo is None:
        reference = reference.replace(tzinfo=timezone.utc)
    return [m for m, _, _ in tag(text, reference, lang) if m.value]
