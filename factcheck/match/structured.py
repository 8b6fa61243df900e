"""Comparing the structured parts of two claims: dates, figures, speakers."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from datetime import date, datetime, timedelta

from rapidfuzz import fuzz

from factcheck.messages import Message, Month
from factcheck.text.normalize import match_tokens, normalize, strip_clitics, tokens

from .words import ENTITIES, HONORIFICS, ORGANISATIONS, STOP_WORDS, TITLES, WEEKDAYS

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _span(value: str) -> tuple[date, date] | None:
    """The first and last calendar day an ISO value at its grain covers."""
    value = value.strip()
    m = _WEEK.match(value)
    try:
        if m:
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        m = _ISO.match(value)
        if not m:
            return None
        y = int(m[1])
        if m[3]:
            d = date(y, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            mo = int(m[2])
            first = date(y, mo, 1)
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:  # 2025-02-30, week 60 ...
        return None


def dates_compatible(a: str | None, b: str | None) -> bool | None:
    """True when two dates agree at the grain both give; None when either is unknown.

    ``2025-11`` is compatible with ``2025-11-10``; ``2025-08-20`` is not with
    ``2025-08-21``; a week is compatible with the days it contains.
    """
    if not a or not b:
        return None
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return None
    # The coarser value contains the finer one, or they are the same span.
    return (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1])


@lru_cache(maxsize=20_000)
def sentence_dates(sentence: str, reference: datetime | None, lang: str | None) -> frozenset[str]:
    """The dates a sentence gives (the date tagger's values, resolved against the report's day):
    "he will visit in September or October" gives both months. Compare like with like: the other
    report's date is no conflict with a claim whose own sentence gives it too."""
    if not sentence or reference is None:
        return frozenset()
    from factcheck.extract.dates import find_dates  # the extractor's tagger, loaded when a pair needs it

    return frozenset(m.value for m in find_dates(sentence, reference, lang))


def format_date(value: str, other: str | None = None) -> Message | str:
    """"20 Aug" (year shown only when the two dates are in different years), as a Message the
    interface translates (the month's name); a value that is no date comes back as it is."""
    m = _ISO.match(value or "")
    if m is None:
        w = _WEEK.match(value or "")
        return Message("week {week} of {year}", {"week": int(w[2]), "year": w[1]}) if w else str(value)
    year, month, day = m[1], m[2], m[3]
    same_year = other is not None and other[:4] == year
    if day:
        name = Month(int(month))
        if same_year:
            return Message("{day} {month}", {"day": int(day), "month": name})
        return Message("{day} {month} {year}", {"day": int(day), "month": name, "year": year})
    if month:
        return Message("{month} {year}", {"month": Month(int(month)), "year": year})
    return year


# --- figures -----------------------------------------------------------------

# Unit words folded to one key, for the units the extractor reports in both
# languages. Unknown units are compared by their folded spelling.
_UNIT_GROUPS = {
    "person": "شخص أشخاص اشخاص شخصا شخصًا فرد أفراد عنصر عناصر person persons people individual individuals member members",
    "killed": "قتيل قتلى قتيلا قتيلًا killed dead deaths death",
    "injured": "جريح جرحى مصاب مصابين مصابا injured wounded",
    "hour": "ساعة ساعات ساعتين ساعتان hour hours",
    "minute": "دقيقة دقائق دقيقتين minute minutes",
    "day": "يوم أيام يومين يومان day days",
    "week": "أسبوع أسابيع أسبوعين week weeks",
    "month": "شهر أشهر شهور شهرين month months",
    "year": "سنة سنوات عام أعوام عاما عامًا عمر عمره year years aged age old",
    "percent": "بالمئة بالمائة مئوية percent per cent %",
    "dollar": "دولار دولارات دولارا دولارًا dollar dollars usd $",
    "km": "كيلومتر كيلومترات كم km kilometre kilometres kilometer kilometers",
    "ton": "طن أطنان ton tons tonnes tonne",
    "child": "طفل أطفال اطفال child children",
    "soldier": "جندي جنود soldier soldiers troops",
    "refugee": "لاجئ لاجئين لاجئون refugee refugees",
    "truck": "شاحنة شاحنات truck trucks lorry lorries",
    "family": "عائلة عائلات أسرة أسر family families",
}
_UNIT_KEYS: dict[str, str] = {}
for _key, _words in _UNIT_GROUPS.items():
    for _w in _words.split():
        for _t in match_tokens(_w) or [_w]:
            _UNIT_KEYS.setdefault(_t, _key)


_AR_SUFFIXES = ("ات", "ين", "ون", "ه", "ا")


def _singular(token: str) -> str:
    """A rough singular, so درجة/درجات and degree/degrees fold together."""
    if token.isascii():
        return token[:-1] if token.endswith("s") and len(token) > 3 else token
    for suffix in _AR_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


# Cached: a figure's unit is keyed again for every figure it is compared with, and units are few
# (150 real articles' import: 174,876 keys of 171 units, BENCHMARKS.md, issue 18, item 1).
@lru_cache(maxsize=4096)
def unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    toks = match_tokens(unit) or [unit.strip().casefold()]
    for t in toks:
        if t in _UNIT_KEYS:
            return _UNIT_KEYS[t]
    return " ".join(_singular(t) for t in toks)


def units_agree(a: str | None, b: str | None) -> bool | None:
    ka, kb = unit_key(a), unit_key(b)
    if ka is None or kb is None:
        return None
    return ka == kb or fuzz.ratio(ka, kb) >= 80


_CLOCK = frozenset(match_tokens("بتوقيت توقيت جرينتش غرينتش gmt utc est edt pst cet"))


def clock_time(unit: str | None) -> bool:
    """Whether a figure's unit says it is a time of day ("0515 بتوقيت جرينتش", "06:47 GMT")."""
    return bool(unit) and bool(_CLOCK.intersection(match_tokens(unit or "") or [unit.casefold()]))


# A time of day before its zone: "0515 بتوقيت جرينتش", "32ر06 بتوقيت" (06:32 written with the Arabic
# decimal sign, minutes first), "06:47 GMT" (normalized to "06 47 gmt").
# The part of the day may stand between the reading and its zone ("5:15 صباحاً بتوقيت جرينتش").
_CLOCK_READING = re.compile(r"(?<![\d.])(\d{1,4})(?:\s*ر\s*(\d{1,2})|\s+(\d{2}))?"
                            r"(?:\s+(صباحا|صباح|فجرا|ظهرا|عصرا|مساء|مساءا|ليلا|a m|am|p m|pm))?\s+[وب]?(?:"
                            + "|".join(sorted(map(re.escape, _CLOCK), key=len, reverse=True)) + r")\b")
_AFTERNOON = frozenset({"عصرا", "مساء", "مساءا", "ليلا", "p m", "pm"})


# Cached by the sentence: a claim's sentence is read again in every pair the claim is compared in
# (the import of a crowded day spent 3.5% of its time here, BENCHMARKS.md, issue 18).
@lru_cache(maxsize=50_000)
def clock_times(sentence: str) -> frozenset[int]:
    """The times of day a sentence gives (minutes after midnight): when it says what a price or a
    count stood at, "بحلول الساعة 0515 بتوقيت جرينتش"."""
    out = set()
    for m in _CLOCK_READING.finditer(normalize(sentence or "")):
        first, arabic, minutes, part = m.groups()
        if arabic is not None:
            hours, mins = int(arabic), int(first)
        elif minutes is not None:
            hours, mins = int(first), int(minutes)
        elif len(first) >= 3:
            hours, mins = int(first[:-2]), int(first[-2:])
        else:
            hours, mins = int(first), 0
        if part in _AFTERNOON and hours < 12:
            hours += 12
        if hours < 24 and mins < 60:
            out.add(hours * 60 + mins)
    return frozenset(out)


def figures_agree(a: float | None, b: float | None, tolerance: float) -> bool | None:
    if a is None or b is None or not (math.isfinite(a) and math.isfinite(b)):
        return None
    return math.isclose(a, b, rel_tol=tolerance, abs_tol=1e-9)


def format_figure(value: float, unit: str | None) -> str:
    v = int(value) if float(value).is_integer() else value
    return f"{v} {unit}" if unit else str(v)


# --- speakers ----------------------------------------------------------------


# Days a speaker string may hold in place of a name: the weekdays, yesterday, today, tomorrow.
_DAY_WORDS = WEEKDAYS | frozenset(match_tokens("أمس اليوم غدا البارحة yesterday today tomorrow"))

# "al-" of a transliterated Arabic name, and particles inside names.
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abou", "bint", "von", "van", "de"})


@lru_cache(maxsize=100_000)
def _name_tokens(speaker: str | None) -> tuple[str, ...]:
    """The words of a name, titles dropped.

    Clitic stripping is for running text, not names (ليفات would lose its
    first letter); only the article is removed (الشرع → شرع), and the folded
    form decides whether a word is a title.
    """
    if not speaker:
        return ()
    out = []
    for t in tokens(speaker):
        stem = strip_clitics(t)
        if stem in TITLES or stem in HONORIFICS or stem in STOP_WORDS or t in _NAME_PARTICLES or len(t) < 2:
            continue
        if stem in ORGANISATIONS:
            continue  # "الجامعة", "مكتب": the body, not a person's name
        if (stem,) in ENTITIES:
            continue  # "الكويتية": of a country, no person's name
        if stem in _DAY_WORDS:
            continue  # "أمس الأربعاء" read as the speaker of "قال رئيس الوزراء، أمس الأربعاء، إن ...": a day
        out.append(t[2:] if t.startswith("ال") and len(t) > 4 else t)
    return tuple(out)


def _same_name(x: str, y: str) -> bool:
    return x == y or (min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= 80)


def speakers_agree(a: str | None, b: str | None) -> bool | None:
    """True when two speakers are one person (up to spelling), False when not.

    Names are compared by their last word, the family name: "Mohammad
    al-Bashir" and "Mohammed Barnieh" share a first name, not a person. A
    one-word name ("الشرع", "Trump") agrees with any full name containing it.
    None when either side gives no name (only a title such as "the minister",
    or nothing at all): that says nothing either way.
    """
    na, nb = _name_tokens(a), _name_tokens(b)
    if not na or not nb:
        return None
    agree = _names_agree(na, nb)
    if not agree and (_a_body(a) or _a_body(b)):
        return None  # "مصادر القناة" / "مصادر عسكرية": bodies and their sources name no person to tell apart
    return agree


def named_in(speaker: str | None, sentence: str | None, text: str | None = None) -> bool:
    """Whether a quote's own sentence names its speaker, or holds nothing but the quote (a statement
    given with its speaker, as `factcheck compare` takes one).

    The extractor carries a speaker on from an earlier sentence ("وأضاف أن ..."), and a sentence
    that names its speaker only by a title ("وأوضح المدير العام لإدارة الطوارئ ... وقال") is then
    given the previous sentence's name: that name says nothing about who said this quote."""
    na = _name_tokens(speaker)
    if not na:
        return False
    said = tokens(sentence or "")
    around = set(said) - set(tokens(text or ""))
    if text is not None and not any(len(t) > 1 for t in around):
        return True
    words = {t for w in said for t in (w, strip_clitics(w), w[2:] if w.startswith("ال") and len(w) > 4 else w)}
    return any(_same_name(n, w) for n in na for w in words)


@lru_cache(maxsize=100_000)
def _a_body(speaker: str | None) -> bool:
    """Whether a speaker string names a body (a ministry, an office, sources ...): ``ORGANISATIONS``."""
    return any(strip_clitics(t) in ORGANISATIONS for t in tokens(speaker or ""))


def _names_agree(na: tuple[str, ...], nb: tuple[str, ...]) -> bool:
    if len(na) == 1 or len(nb) == 1:
        short, full = (na, nb) if len(na) == 1 else (nb, na)
        return any(_same_name(short[0], t) for t in full)
    # The family name is the last word of a name, but a role may follow it ("ايمي هوود رئيسة القطاع
    # المالي" / "رئيسة القطاع المالي ايمي هوود") or a clause ("... ومقره لندن"): one side's last word
    # found anywhere in the other's is one person.
    return any(_same_name(na[-1], t) for t in nb) or any(_same_name(nb[-1], t) for t in na)
