"""Calendar arithmetic for the date tagger: weekdays, weeks, months, Hijri, holidays.

Directions (how to place a date the text does not fully pin down):
  "past"    - the most recent occurrence on or before the reference
  "future"  - the next occurrence after the reference (the text says المقبل, will, ...)
  "forward" - no tense cue: next occurrence (Duckling's convention for bare phrases)
"""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

from hijridate import Gregorian, Hijri


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def last_day(y: int, m: int) -> int:
    return _cal.monthrange(y, m)[1]


def weekday_near(ref: date, wd: int, direction: str) -> date:
    """A weekday named without a date."""
    delta = (wd - ref.weekday()) % 7
    if direction == "past":
        return ref - timedelta(days=(ref.weekday() - wd) % 7)
    if direction == "nearest":
        back = (ref.weekday() - wd) % 7
        return ref - timedelta(days=back) if back <= delta else ref + timedelta(days=delta)
    # forward/future: the next one, a week ahead if it is today (Duckling's reading)
    return ref + timedelta(days=delta or 7)


def weekday_coming(ref: date, wd: int) -> date:
    """Arabic المقبل/القادم: the first such day strictly after the reference."""
    return ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)


def weekday_last(ref: date, wd: int) -> date:
    """الماضي / last: the most recent such day strictly before the reference."""
    return ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)


def weekday_in_week(ref: date, wd: int, weeks: int) -> date:
    """The weekday of the week `weeks` away from the reference week (Monday-based)."""
    return week_start(ref) + timedelta(days=7 * weeks + wd)


# How far from the stamp a day and month without a year are read as the nearest such day when the
# sentence is past or has no cue: copy gives the year of a day a year away, and a past cue is often the
# report's ("said"), not the day's ("payable April 15" in a March wire is the coming April; "on March 3"
# four days after the stamp is not last year's). A future verb ("سيعقد", "will") and a side the words
# name ("السادس من يونيو المقبل": ``said_side``) still place the day.
NEAR_DAYS = 92


def day_month(ref: date, day: int, month: int, direction: str, wd: int | None = None,
              said_side: bool = False) -> date | None:
    """Day and month without a year: pick the year."""
    cands = [c for c in (safe_date(ref.year + k, month, day) for k in (-1, 0, 1)) if c]
    if not cands:
        return None
    nearest = min(cands, key=lambda c: abs((c - ref).days))
    if wd is not None:
        # the weekday confirms this year's date, or a date near the stamp; it never moves a date by a
        # year ("الخميس 5 مارس" whose weekday is off by a day in the copy was last year's or next year's)
        matching = [c for c in cands if c.weekday() == wd and (c.year == ref.year or abs((c - ref).days) <= NEAR_DAYS)]
        if matching:
            return min(matching, key=lambda c: abs((c - ref).days))
    if not said_side and direction in ("past", "forward") and abs((nearest - ref).days) <= NEAR_DAYS:
        return nearest
    if direction == "past":
        past = [c for c in cands if c <= ref]
        return max(past) if past else min(cands)
    if direction == "nearest":
        return nearest
    if direction == "forward" and month == ref.month:
        return safe_date(ref.year, month, day) or min(cands)  # "1 شباط" read in February: this one
    future = [c for c in cands if c >= ref]
    return min(future) if future else max(cands)


def month_only(ref: date, month: int, direction: str) -> tuple[int, int]:
    if direction == "nearest":
        return min(((ref.year + k, month) for k in (-1, 0, 1)), key=lambda ym: abs((ym[0] - ref.year) * 12 + ym[1] - ref.month))
    if direction == "past":
        return (ref.year, month) if month <= ref.month else (ref.year - 1, month)
    return (ref.year, month) if month >= ref.month else (ref.year + 1, month)


def nth_weekday(y: int, m: int, wd: int, n: int) -> date | None:
    """n-th (1-based; -1 = last) weekday `wd` of a month."""
    if n > 0:
        first = date(y, m, 1)
        d = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        return d if d.month == m else None
    last = date(y, m, last_day(y, m))
    return last - timedelta(days=(last.weekday() - wd) % 7)


def nth_week(y: int, m: int, n: int) -> date | None:
    """Start (Monday) of the n-th full week of a month; -1 = the last full week."""
    if n > 0:
        return nth_weekday(y, m, 0, n)
    last = date(y, m, last_day(y, m))
    sunday = last - timedelta(days=(last.weekday() - 6) % 7)
    return sunday - timedelta(days=6)


def hijri_to_date(y: int, m: int, d: int) -> date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return tabular_hijri_to_date(y, m, d)
    return date(g.year, g.month, g.day)


def tabular_hijri_to_date(y: int, m: int, d: int) -> date | None:
    """The arithmetical (tabular, civil epoch) Islamic calendar, for years outside hijridate's Umm
    al-Qura table (it starts in 1343 AH): "عام 1312هـ" is 1894-95 either way; a day may be off by one
    or two from the calendar then in use, which is why Umm al-Qura comes first."""
    if not (1 <= m <= 12 and 1 <= d <= 30 and 1 <= y <= 1600):
        return None
    jdn = d + -(-59 * (m - 1) // 2) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948440 - 1
    return date.fromordinal(jdn - 1721425)


def to_hijri(d: date) -> Hijri | None:
    """The Umm al-Qura date of a Gregorian day, or None outside the table hijridate covers."""
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None


def hijri_year_of(d: date) -> int:
    h = to_hijri(d)
    return h.year if h is not None else round((d.year - 622) * 33 / 32)


def hijri_in_gregorian_year(gy: int, hm: int, hd: int) -> date | None:
    """The Hijri day/month that falls in Gregorian year gy (a Hijri year is 11 days shorter)."""
    base = round((gy - 622) * 33 / 32)
    for hy in (base - 1, base, base + 1, base + 2):
        g = hijri_to_date(hy, hm, hd)
        if g and g.year == gy:
            return g
    return None


def easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)
