"""Resolution: a rule's match, the reference date and a direction → a calendar value.

A resolver is ``(match, ref, direction) -> (iso value, grain) | None``; None
means the words are no date after all (a weekday that does not fit its date, a
bare number that is not a month ...). ``direction`` says where to place a date
the text does not pin down (see ../calendar.py and tense.py). The rules that
call each resolver, and the groups it reads, are in rules.py.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from .. import calendar as cal
from ..fold import fold_str
from factcheck.text.lazy_pattern import lazy_regex
from .lexicon import (_AR_AGO_UNITS, _AR_CARD_SMALL, _AR_HOLIDAYS, _AR_PART, _AR_REL_DAYS, _AR_UNIT, _EN_AGO_UNITS,
                      _EN_HOLIDAYS, _EN_ORD_N, _EN_REL_DAYS, _EN_UNIT, _ORD_ANY, AR_CARDINALS, AR_HIJRI_MONTHS,
                      AR_MONTHS, AR_MONTHS_AMBIGUOUS, AR_ORDINALS, AR_REL, AR_WEEKDAYS, EN_CARDINALS, EN_MONTHS,
                      EN_ORDINALS, EN_WEEKDAYS)

Value = tuple[str, str]  # (iso value, grain)
Resolver = Callable[[re.Match, date, str], "Value | None"]


def _day(d: date | None) -> Value | None:
    return (d.isoformat(), "day") if d else None


def _month(y: int, m: int) -> Value:
    return (f"{y:04d}-{m:02d}", "month")


def _year(y: int) -> Value:
    return (f"{y:04d}" if y >= 0 else f"-{-y:04d}", "year")


def _week(d: date) -> Value:
    return (cal.iso_week(d), "week")


def _ar_week(d: date) -> Value:
    """The week of ``d`` as an Arabic report counts it: from Sunday to Saturday (the Saudi and Gulf
    working week). Kept as the ISO week holding its Monday, so a Saturday's "هذا الأسبوع" and the
    next day's "الأسبوع الماضي" name the same week, as they do."""
    return _week(d + timedelta(days=1))


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
        yrel = _rel(m, "yrel")  # "من العام المقبل"
        return None if yrel is None else ref.year + yrel
    v = int(y)
    if len(y) == 2:
        v += 1900 if v > (ref.year % 100) + 10 else 2000
    return v


# ---- Arabic: full dates -------------------------------------------------------

def _rel(m: re.Match, g: str = "rel") -> int | None:
    try:
        r = m.group(g)
    except IndexError:  # the rule has no such group
        return None
    return AR_REL.get(r) if r else None


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
    elif direction == "forward" and wd is None:
        # no tense cue: a day and month without a year are the publication's year (the real copy's
        # guideline: "في 28 يوليو" filed on 11 August is that July's, not next year's)
        return _day(cal.safe_date(ref.year, mo, d))
    return _day(cal.day_month(ref, d, mo, direction, wd, said_side=rel is not None))


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


# the word after "أيلول 13" that makes the number a count, not the day: an indefinite noun ending as
# one ("سنتا", "نقطة", "دولارات"), a listed unit's plural ending
_COUNTED_AFTER = lazy_regex(r"\s+(?!ال)[\u0621-\u064a]{2,}(?:ا|ه|ات)(?![\w])")


def _ar_month_day(m, ref, direction):
    if not m.group("y") and _COUNTED_AFTER.match(m.string, m.end("d")):
        return None  # "تسليم سبتمبر أيلول 13 سنتا": September's contract, 13 cents
    return _ar_full(_Proxy(m, {"wd": None, "rel": None, "thism": None, "mrel": None}), ref, direction)


def _ar_month_year(m, ref, direction):
    mo = _month_value(m.group("m"))
    y = _year_value(m, ref)
    if mo is None or y is None:
        return None
    if m.group("hs"):
        return None
    return _month(y, mo)


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
    yrel = _rel(m, "yrel")
    if yrel is not None:  # "ديسمبر من العام المقبل": that month of next year
        y = ref.year + yrel
    elif rel == 0:
        y = ref.year
    else:
        if rel is not None:
            direction = "past" if rel < 0 else "future"
        # no tense cue: the publication's year, as for a day and month ("في يناير" filed in July)
        y, mo = (ref.year, mo) if direction == "forward" else cal.month_only(ref, mo, direction)
        if rel == -1 and (y, mo) == (ref.year, ref.month):
            y -= 1
        if rel == 1 and (y, mo) == (ref.year, ref.month):
            y += 1
    part = m.group("part")
    if part:
        d = _AR_PART[part]
        return _day(cal.safe_date(y, mo, cal.last_day(y, mo) if d == -1 else d))
    return _month(y, mo)


def _ar_year(m, ref, direction):
    y = int(m.group("y"))
    if m.group("hs") or (m.group("kw") and 1350 <= y <= 1450 and not m.group("gs")):
        # ("لعام 1436" without هـ: after عام, a year of 1350-1450 is Hijri in news copy, 1931-2029;
        # the Gregorian years of those numbers are history's, written with م when they are meant)
        # a Hijri year spans two Gregorian ones (1436 هـ: 25 Oct 2014 - 14 Oct 2015); a value has
        # one year, so the one that holds most of it: the year of its middle (1 Rajab)
        g = cal.hijri_to_date(y, 7, 1)
        return _year(g.year) if g else None
    if not m.group("kw") and not (1900 <= y <= 2100):
        return None
    return _year(y)


def _ar_hijri(m, ref, direction):
    hm = AR_HIJRI_MONTHS[m.group("hm")]
    d = _day_value(m.group("d")) if m.group("d") else (1 if m.group("first") else None)
    y = _year_value(m, ref)
    if m.group("hrel"):  # "ذي القعدة القادم" / "رمضان الماضي": the word says which one
        direction = {1: "future", -1: "past"}.get(AR_REL.get(m.group("hrel")), direction)
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


def _holiday(kind: str, y: int) -> date | None:
    if kind == "xmas":
        return date(y, 12, 25)
    if kind == "new_year":
        return date(y, 1, 1)
    if kind == "easter":
        return cal.easter(y)
    hm, hd = {"fitr": (10, 1), "adha": (12, 10), "hijri_new_year": (1, 1)}[kind]
    return cal.hijri_in_gregorian_year(y, hm, hd)


_HOLIDAY_JUST_PAST = 30  # days


_AR_FEAST_DAY = {fold_str(w): n for w, n in (("أول", 0), ("ثاني", 1), ("ثالث", 2), ("رابع", 3))}


def _ar_holiday(m, ref, direction):
    day = _ar_feast(m, ref, direction)
    nth = m.group("nth")
    if day is None or not nth:
        return day
    return _day(date.fromisoformat(day[0]) + timedelta(days=_AR_FEAST_DAY[nth]))


def _ar_feast(m, ref, direction):
    kind = _AR_HOLIDAYS[m.group("h")]
    if m.group("y"):
        y = int(m.group("y"))
        if kind in ("fitr", "adha", "hijri_new_year") and 1350 <= y <= 1450:
            # "عيد الفطر لعام 1436": the Hijri year's feast (as a bare year after عام above)
            hm, hd = {"fitr": (10, 1), "adha": (12, 10), "hijri_new_year": (1, 1)}[kind]
            return _day(cal.hijri_to_date(y, hm, hd))
        return _day(_holiday(kind, y))
    this = _holiday(kind, ref.year)
    if direction == "past":
        return _day(this if this and this <= ref else _holiday(kind, ref.year - 1))
    if direction == "forward":
        # no tense cue: the next one, unless one was celebrated within the month before ("احتفالات عيد
        # الفطر" filed five days after it is that feast; Duckling's isolated "عيد الأضحى" the next)
        last = [h for h in (this, _holiday(kind, ref.year - 1)) if h and 0 <= (ref - h).days <= _HOLIDAY_JUST_PAST]
        if last:
            return _day(last[0])
    return _day(this if this and this >= ref else _holiday(kind, ref.year + 1))


# ---- Arabic: relative ----------------------------------------------------------

# "اليوم" that names another day than today: a day of a narrative or a series ("اليوم التالي", "اليوم
# الثالث والأخير", "اليوم الـ15", "ذلك اليوم", "اليوم الذي وقعت فيه"), a length ("طوال اليوم"), a
# feast of a calendar ("اليوم العالمي للمرأة") or an outlet's name ("عين اليوم")
_NOT_TODAY_AFTER = frozenset(fold_str(w) for w in (
    "التالي التالية السابق ذاته نفسه بطوله كله العالمي الوطني الذي الأول الثاني الثالث الرابع الخامس "
    "السادس السابع الثامن التاسع العاشر الأخير ال").split())
_NOT_TODAY_BEFORE = frozenset(fold_str(w) for w in "ذلك ذات نفس طوال عين تلك".split())
_TODAY = fold_str("اليوم")


def _ar_rel_day(m, ref, direction):
    if m.group("w") == _TODAY:
        after = m.string[m.end("w"):m.end("w") + 12].split()
        if after and (after[0] in _NOT_TODAY_AFTER or after[0].startswith("ال") and after[0][2:3].isdigit()):
            return None
        before = m.string[max(0, m.start("w") - 8):m.start("w")].split()
        if before and before[-1] in _NOT_TODAY_BEFORE:
            return None
    return _day(ref + timedelta(days=_AR_REL_DAYS[m.group("w")]))


def _ar_relday_weekday(m, ref, direction):
    """"يوم غد السبت", "أمس الاثنين", "اليوم الجمعة": the relative word fixes the day."""
    w = m.group("w")
    off = 1 if "غد" in w else (-1 if w in ("امس", "البارحه") else 0)
    day = ref + timedelta(days=off)
    wd = AR_WEEKDAYS.get(m.group("wd"))
    if wd is not None and day.weekday() != wd:
        # the weekday is the writer's, the stamp the feed's or the archive's (the crawl, or an upper
        # bound): the writing is not after it, give or take a day of time zones and dated issues
        day = cal.weekday_near(day + timedelta(days=1), wd, "past")
    return _day(day)


def _ar_part_of_year(m, ref, direction):
    return _year(ref.year + (_rel(m) or 0))


_FOLLOWING = {fold_str(w) for w in ("التالي", "التالية")}


_A_YEAR_BEFORE = lazy_regex(r"(?<!\d)(?:19|20|13|14)\d\d(?!\d)|(?:عام|سنه)\s*\d{3,4}(?!\d)")
_A_YEAR_AFTER = lazy_regex(r"[\s،,]+(?:[لب]?(?:عام|سنه)\s*)?\d{3,4}(?!\d)")


def _ar_rel_unit(m, ref, direction):
    # (the scanner's match holds a prefix before the expression, group _m)
    at = m.start("_m") if "_m" in getattr(getattr(m, "re", None), "groupindex", {}) else m.start()
    if m.group("rel") in _FOLLOWING and (_A_YEAR_BEFORE.search(m.string, max(0, at - 200), at)
                                         or _A_YEAR_AFTER.match(m.string, m.end())):
        # "عام 2012، وفي العام التالي", "وفي العام التالي، عام 1894": the year after the one the
        # narrative told, not after the stamp
        # (without a year told before, "الأسبوع التالي" is the next week, as Duckling reads it)
        return None
    n = _rel(m)
    if n is None:
        if not m.group("this"):
            return None
        n = 0
    u = _AR_UNIT["ال" + m.group("u")]
    if u == "week":
        return _ar_week(ref + timedelta(weeks=n))
    if u == "month":
        return _month(*cal.add_months(ref.year, ref.month, n))
    return _year(ref.year + n)


def _ar_next_weeks(m, ref, direction):
    w = m.group("_m")
    if "اسابيع" in w:
        return _week(ref + timedelta(weeks=1))
    if "ايام" in w:
        return _day(ref + timedelta(days=1))
    if "سنوات" in w:
        return _year(ref.year + 1)
    return _month(*cal.add_months(ref.year, ref.month, 1))


def _shift(ref: date, unit: str, n: int) -> date:
    if unit == "d":
        return ref + timedelta(days=n)
    if unit == "w":
        return ref + timedelta(weeks=n)
    months = n if unit == "m" else 12 * n
    y, mo = cal.add_months(ref.year, ref.month, months)
    return date(y, mo, min(ref.day, cal.last_day(y, mo)))


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

# words before a weekday that make it a name: "خطب الجمعة" (Friday sermons), "سوق الخميس" (a market town)
_AR_WEEKDAY_NAMED = frozenset(fold_str(w) for w in ("خطب", "لخطب", "وخطب", "سوق", "بسوق", "وسوق", "لسوق"))


def _ar_weekday(m, ref, direction):
    before = m.string[max(0, m.start("_m") - 8):m.start("_m")].split()
    if before and before[-1] in _AR_WEEKDAY_NAMED and m.group("_m").startswith("ال"):
        return None
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


def _ar_weekday_week(m, ref, direction):
    rel = _rel(m)
    if rel is None and not m.group("this"):
        return None
    return _day(cal.weekday_in_week(ref, AR_WEEKDAYS[m.group("wd")], rel or 0))


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


def _month_of(m, ref: date, direction: str) -> tuple[int, int] | None:
    if m.group("thism") or m.group("mrel"):
        return cal.add_months(ref.year, ref.month, _rel(m, "mrel") or 0)
    mo = _month_value(m.group("m"))
    if mo is None:
        return None
    y = _year_value(m, ref)
    if y is None and m.group("yrel"):
        y = ref.year + AR_REL[m.group("yrel")]
    if y is None:  # no tense cue: the publication's year ("في نهاية يونيو" filed in July)
        y = ref.year if direction == "forward" else cal.month_only(ref, mo, direction)[0]
    return y, mo


def _ar_nth_weekday(m, ref, direction):
    o = _ORD_ANY[m.group("o1") or m.group("o2")]
    wd = AR_WEEKDAYS[m.group("wd1") or m.group("wd2")]
    ym = _month_of(m, ref, direction)
    return _day(cal.nth_weekday(*ym, wd, o)) if ym else None


def _ar_nth_week(m, ref, direction):
    o = _ORD_ANY[m.group("o1") or m.group("o2")]
    ym = _month_of(m, ref, direction)
    d = cal.nth_week(*ym, o) if ym else None
    return _week(d) if d else None


def _ar_last_day(m, ref, direction):
    ym = _month_of(m, ref, direction)
    return _day(date(ym[0], ym[1], cal.last_day(*ym))) if ym else None


# ---- numeric dates (both languages) -----------------------------------------------

def _num_dmy(m, ref, direction, month_first=False):
    a, b = int(m.group("a")), int(m.group("b"))
    if m.group("hs") or len(m.group("y")) == 4 and 1300 <= int(m.group("y")) < 1500:
        # "بتاريخ 19/6/1436" without هـ: a year of 1300-1499 written in digits is Hijri
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


# Arabic writes day/month/year; US English month/day/year.
def _num_mdy(m, ref, d):
    return _num_dmy(m, ref, d, month_first=True)


def _num_iso(m, ref, direction):
    y, mo = int(m.group("y")), int(m.group("mo"))
    if not (1 <= mo <= 12):
        return None
    if m.group("s") == "." and not m.group("d"):
        return None  # "إلى 2125.7 نقطة", "5218.04": a decimal number (a year and month take / or -)
    if m.group("d") and (m.group("hs") or 1300 <= y < 1500):
        return _day(cal.hijri_to_date(y, mo, int(m.group("d"))))  # "1436/10/12هـ": Hijri, year first
    if m.group("hs") or 1300 <= y < 1500:
        return None  # a Hijri year and month: no Gregorian month holds it
    if m.group("d"):
        return _day(cal.safe_date(y, mo, int(m.group("d"))))
    return _month(y, mo)


def _num_my(m, ref, direction):
    mo = int(m.group("mo"))
    return _month(int(m.group("y")), mo) if 1 <= mo <= 12 else None


# ---- English ----------------------------------------------------------------------

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


def _en_day_month(m, ref, direction):
    return _en_dm(_Proxy(m, {"y": m.group("y") or m.group("y2")}), ref, direction)


def _en_month_year(m, ref, direction):
    mo = _en_month(m.group("m"))
    return _month(int(m.group("y")), mo) if mo else None


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


def _en_year_rule(m, ref, direction):
    y = int(m.group("y"))
    era = (m.group("era") or "").lower().replace(".", "")
    if era == "bc":
        return _year(-y)
    if not era and not (1900 <= y <= 2100):
        return None
    return _year(y)


def _en_year_ad(m, ref, direction):
    y = int(m.group("y"))
    return _year(-y if "b" in m.group("era").lower() else y)


_ORD_SUFFIX = re.compile(r"(st|nd|rd|th)$")


def _en_rel_day(m, ref, direction):
    return _day(ref + timedelta(days=_EN_REL_DAYS[m.group("w").lower()]))


def _en_reln(s: str | None) -> int:
    s = " ".join((s or "").lower().split())
    return {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0}.get(s, 1)


def _en_unit(m, ref, n: int):
    """The week, month or year (group "u") ``n`` of them from the one ``ref`` is in."""
    u = _EN_UNIT[m.group("u").lower()]
    if u == "week":
        return _week(ref + timedelta(weeks=n))
    if u == "month":
        return _month(*cal.add_months(ref.year, ref.month, n))
    return _year(ref.year + n)


def _en_rel_unit(m, ref, direction):
    return _en_unit(m, ref, _en_reln(m.group("rel")))


def _en_part_of_unit(m, ref, direction):
    # "the end of the year": read at the unit's grain, the unit ``ref`` is in
    return _en_unit(m, ref, 0)


def _en_num(s: str) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    if s in ("a", "an"):
        return 1
    return EN_CARDINALS.get(s)


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


def _en_weekday(m, ref, direction):
    wd = _en_wd(m.group("wd"))
    raw = m.group("wd")
    if wd is None:
        return None
    rel = (m.group("rel") or "").lower()
    if m.group("poss") == "s" and (rel or m.group("_m")[:3].lower() in ("on ", "aro")):
        return None  # "on Fridays", "last Mondays": every such day, not one
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


def _en_lastweeks_wd(m, ref, direction):
    n = {"last": -1, "next": 1, "this": 0}[m.group("rel").lower()]
    return _day(cal.weekday_in_week(ref, _en_wd(m.group("wd")), n))


def _en_n_weekdays(m, ref, direction):
    n = _en_num(m.group("n"))
    wd = _en_wd(m.group("wd")[:-1])
    if not n or wd is None:
        return None
    if m.group("dir").lower() in ("ago", "back"):
        return _day(cal.weekday_last(ref, wd) - timedelta(weeks=n - 1))
    return _day(cal.weekday_coming(ref, wd) + timedelta(weeks=n - 1))


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


def _en_nth_weekday(m, ref, direction):
    ym = _en_month_of(m, ref, direction)
    wd = _en_wd(m.group("wd"))
    return _day(cal.nth_weekday(*ym, wd, _EN_ORD_N[m.group("o").lower()])) if ym and wd is not None else None


def _en_nth_week(m, ref, direction):
    ym = _en_month_of(m, ref, direction)
    o = _EN_ORD_N[m.group("o").lower()]
    if m.group("last") and ym:
        d = cal.nth_week(*ym, -1)
        return _week(d - timedelta(weeks=o - 1)) if d and o > 0 else None
    d = cal.nth_week(*ym, o) if ym else None
    return _week(d) if d else None


def _en_nth_last_week_year(m, ref, direction):
    o = _EN_ORD_N[m.group("o").lower()]
    last = date(int(m.group("y")), 12, 31)
    start = cal.week_start(last) if last.weekday() == 6 else cal.week_start(last) - timedelta(weeks=1)
    return _week(start - timedelta(weeks=o - 1)) if o > 0 else None


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


def _en_day_of_rel_month(m, ref, direction):
    if m.group("cur"):
        y, mo = ref.year, ref.month
    else:
        y, mo = cal.add_months(ref.year, ref.month, -1 if m.group("mrel").lower() in ("previous", "last") else 1)
    return _day(cal.safe_date(y, mo, int(m.group("d"))))


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


def _en_week_of(m, ref, direction):
    v = _en_dm(_Proxy(m, {"y": None, "wd": None, "wd2": None}), ref, direction)
    if not v:
        return None
    d = date.fromisoformat(v[0])
    # Duckling reads "the week of <Sunday>" as the week that starts the next day
    return _week(d + timedelta(days=1) if d.weekday() == 6 else d)


def _en_holiday_date(name: str, y: int) -> date | None:
    kind = _EN_HOLIDAYS[name.lower()]
    return date(y, 3, 15) if kind == "ides" else _holiday(kind, y)


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


def _en_md_num(m, ref, direction):
    mo, d = int(m.group("mo")), int(m.group("d"))
    if mo > 12:
        return None
    return _day(cal.day_month(ref, d, mo, direction))
