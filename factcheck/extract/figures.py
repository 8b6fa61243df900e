"""Figures: counted or measured quantities with their unit ("ثلاثة أشخاص", "47 عامًا", "two hours").

A figure is a number (digits, Arabic-Indic digits, Arabic or English number
words, optionally times a multiplier such as ألف/million) followed by a counted
noun from a fixed list, or an Arabic dual noun alone (ساعتين = 2 hours).
Bare numbers are not figures: without a noun an editor cannot check them.
Years, dates and ordinals never match; overlaps with dates are removed by the caller.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.numbers import AR_CARDINALS, AR_MULTIPLIERS, EN_CARDINALS, EN_MULTIPLIERS, alternation

from .fold import Folded, fold_str

# patterns used in hot loops, compiled once
_WHITESPACE = re.compile(r"\s+")
_LATIN_LETTER = re.compile(r"[A-Za-z]")

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
    "pound": ("جنيه", "جنيها", "جنيهات"),
    "riyal": ("ريال", "ريالا", "ريالات"),
    "dinar": ("دينار", "دينارا", "دنانير"),
    "km": ("كيلومتر", "كيلومترا", "كيلومترات", "كم"),
    "metre": ("متر", "مترا", "أمتار"),
    "kg": ("كيلوغرام", "كيلوغراما", "كغ", "كيلو"),
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
AR_DUALS = {fold_str(w): u for u, ws in _AR_DUALS_RAW.items() for w in ws}

EN_UNITS: dict[str, str] = {}
for _u, _ws in {
    "person": ("people", "persons", "person"), "year": ("years", "year", "years old", "year old"),
    "hour": ("hours", "hour"), "day": ("days", "day"), "week": ("weeks", "week"), "month": ("months", "month"),
    "minute": ("minutes", "minute"), "killed": ("killed", "dead", "deaths"), "injured": ("injured", "wounded"),
    "child": ("children", "child"), "woman": ("women", "woman"), "civilian": ("civilians", "civilian"),
    "soldier": ("soldiers", "soldier", "troops"), "fighter": ("fighters", "militants", "gunmen"),
    "member": ("members", "member"), "refugee": ("refugees", "refugee", "displaced people"),
    "detainee": ("detainees", "prisoners", "prisoner"), "family": ("families", "family"),
    "house": ("homes", "houses", "home", "house"), "village": ("villages", "village"),
    "strike": ("airstrikes", "strikes", "air strikes", "raids"), "rocket": ("rockets", "missiles", "rocket", "missile"),
    "drone": ("drones", "drone"), "dollar": ("dollars", "dollar"), "euro": ("euros", "euro"),
    "km": ("kilometres", "kilometers", "km"), "mile": ("miles", "mile"), "metre": ("metres", "meters", "m"),
    "kg": ("kilograms", "kg"), "ton": ("tons", "tonnes"), "percent": ("percent", "per cent", "%"),
    "percentage point": ("percentage points", "percentage point"), "round": ("rounds",),
    "state": ("states", "provinces"), "dose": ("doses", "vaccine doses"), "country": ("countries",),
    "litre": ("litres", "liters"), "barrel": ("barrels",), "pilgrim": ("pilgrims",), "visitor": ("visitors",),
    "voter": ("voters",), "attack": ("attacks",), "leader": ("leaders", "commanders"),
    "hospital": ("hospitals",), "patient": ("patients",), "vehicle": ("vehicles",), "school": ("schools",),
    "building": ("buildings",), "student": ("students",), "job": ("jobs",), "truck": ("trucks", "lorries"),
}.items():
    for _w in _ws:
        EN_UNITS[_w] = _u

_DIGITS = r"\d{1,3}(?:[,\u066c]\d{3})+(?:[.\u066b]\d+)?|\d+(?:[.\u066b]\d+)?"
_AR_NUM = rf"(?P<n>{_DIGITS}|{alternation(AR_CARDINALS)})(?:\s+(?P<mult>{alternation(AR_MULTIPLIERS)}))?"
# "مليوني معتمر" (two million), "ألفي شخص": a dual multiplier is a number by itself
_AR_MULT_DUALS = {fold_str(k): v for k, v in {"مليوني": 2 * 10**6, "مليونا": 2 * 10**6, "ألفي": 2000, "ألفا": 2000,
                                               "مليارين": 2 * 10**9, "مليارا": 2 * 10**9}.items()}
_AR_TWO = fold_str("اثنين|اثنان|اثنتين|اثنتان")
_AR_FIG = re.compile(
    rf"(?<![\w.,\u066b\u066c])(?:{_AR_NUM}|(?P<mdual>{alternation(_AR_MULT_DUALS)}))(?:\s*(?:من\s+)?)(?P<u>{alternation(AR_UNITS)})(?!\w)"
    rf"|(?<!\w)[وبل]?(?:ال)?(?P<dual>{alternation(AR_DUALS)})(?:\s+(?:{_AR_TWO}))?(?!\w)"
    rf"|(?<!\w)(?P<u2>{alternation(AR_UNITS)})\s+(?:{_AR_TWO})(?!\w)"
)
_EN_NUM = rf"(?P<n>{_DIGITS}|{alternation(EN_CARDINALS)}|a\s+dozen|dozens\s+of)(?:\s+(?P<mult>{alternation(EN_MULTIPLIERS)}))?"
_EN_FIG = re.compile(
    rf"(?<![\w.,$])(?P<cur>\$)?(?:{_EN_NUM})(?:-|\s+|(?=%))(?P<u>{alternation(EN_UNITS)})(?:\b|(?<=%))"
    rf"|\baged\s+(?P<age>\d{{1,3}})\b",
    re.I,
)


@dataclass(slots=True)
class Figure:
    start: int  # offsets in the folded text
    end: int
    value: float
    unit: str


def _number(n: str, mult: str | None, words: dict, mults: dict) -> float | None:
    n = n.lower()
    if n[0].isdigit():
        try:
            v = float(n.replace(",", "").replace("\u066c", "").replace("\u066b", "."))
        except ValueError:
            return None
    elif n == "a dozen":
        v = 12.0
    elif n.startswith("dozens"):
        return None
    else:
        w = words.get(_WHITESPACE.sub(" ", n))
        if w is None:
            return None
        v = float(w)
    if mult:
        v *= mults.get(mult.lower(), 1)
    return v


# words that can start or make a figure; the patterns run only in windows around them
_AR_TRIGGERS = {p + w for w in list(AR_CARDINALS) + list(AR_DUALS) + list(_AR_MULT_DUALS) + list(AR_UNITS)
                for p in ("", "و", "ب", "ل", "ال", "وال", "بال")}
_EN_TRIGGERS = {w for w in list(EN_CARDINALS) + ["aged", "dozen", "dozens"] if " " not in w}
_PUNCT = "\"'«»“”„()[]{}،,؛;:.!?؟%٪"
_DIGIT = re.compile(r"\d")
_AR_LETTER = re.compile(r"[\u0600-\u06ff]")


def _windows(text: str, triggers: set[str], lower: bool) -> list[tuple[int, int]]:
    hay = text.lower() if lower else text
    if len(hay) != len(text):  # a rare character that lowercases to two: offsets would drift
        hay = text
    words = {w.strip(_PUNCT) for w in set(hay.split())}  # dedupe first: fewer strips
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


def _iter(rx: re.Pattern, text: str, windows: list[tuple[int, int]]):
    last_end = -1
    for ws, we in windows:
        for m in rx.finditer(text, ws, we):
            if m.start() >= last_end:
                last_end = m.end()
                yield m


def find_figures(folded: Folded, lang: str) -> list[Figure]:
    text = folded.text
    out: list[Figure] = []
    # Without Arabic letters the Arabic patterns can only read a number before % or ٪
    # (every other unit, dual and connective is an Arabic word): skip them when neither occurs.
    ar_win = _windows(text, _AR_TRIGGERS, False) if (_AR_LETTER.search(text) or "%" in text or "٪" in text) else []
    for m in _iter(_AR_FIG, text, ar_win):
        if m.group("dual"):
            out.append(Figure(m.start("dual"), m.end(), 2.0, AR_DUALS[m.group("dual")]))
            continue
        if m.group("u2"):
            out.append(Figure(m.start(), m.end(), 2.0, AR_UNITS[m.group("u2")]))
            continue
        if m.group("mdual"):
            out.append(Figure(m.start(), m.end(), float(_AR_MULT_DUALS[m.group("mdual")]), AR_UNITS[m.group("u")]))
            continue
        v = _number(m.group("n"), m.group("mult"), AR_CARDINALS, AR_MULTIPLIERS)
        if v is not None and not _phone_like(m.group("n")):
            out.append(Figure(m.start(), m.end(), v, AR_UNITS[m.group("u")]))
    if lang == "en" or _LATIN_LETTER.search(text):
        for m in _EN_FIG.finditer(text):
            if m.group("age"):
                out.append(Figure(m.start(), m.end(), float(m.group("age")), "year"))
                continue
            v = _number(m.group("n"), m.group("mult"), EN_CARDINALS, EN_MULTIPLIERS)
            if v is None or _phone_like(m.group("n")):
                continue
            unit = "dollar" if m.group("cur") else EN_UNITS[m.group("u").lower()]
            out.append(Figure(m.start(), m.end(), v, unit))
    # Arabic and English patterns can both read "12%": keep one figure per span
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Figure] = []
    for f in out:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


def _phone_like(n: str) -> bool:
    return sum(c.isdigit() for c in n) >= 8 and "," not in n
