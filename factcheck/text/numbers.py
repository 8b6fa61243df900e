"""Number words in Arabic and English: cardinals, ordinals, duals.

All Arabic forms here are *folded* (see ``factcheck.extract.fold``): alef forms
unified to ا, ى→ي, ة→ه, no diacritics. Callers match against folded text.
The tables are built once at import; lookups are dictionary hits.
"""
from __future__ import annotations

import re

# The folding the extractor applies to text, for the Arabic keys below (kept
# here so factcheck.text does not depend on factcheck.extract).
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def _folded(d: dict) -> dict:
    return {k.translate(_FOLD): v for k, v in d.items()}

# --- Arabic -----------------------------------------------------------------

# Masculine and feminine forms of 1-10 (folded: ة→ه). Arabic uses the "opposite
# gender" form with the counted noun (ثلاثة أشخاص, ثلاث نساء): both count.
_AR_UNITS: dict[int, tuple[str, ...]] = {
    1: ("واحد", "واحده"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين"),
    3: ("ثلاث", "ثلاثه"),
    4: ("اربع", "اربعه"),
    5: ("خمس", "خمسه"),
    6: ("ست", "سته"),
    7: ("سبع", "سبعه"),
    8: ("ثمان", "ثماني", "ثمانيه"),
    9: ("تسع", "تسعه"),
    10: ("عشر", "عشره"),
}
_AR_TENS: dict[int, tuple[str, ...]] = {
    20: ("عشرون", "عشرين"),
    30: ("ثلاثون", "ثلاثين"),
    40: ("اربعون", "اربعين"),
    50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"),
    70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"),
    90: ("تسعون", "تسعين"),
}
_AR_HUNDREDS: dict[int, tuple[str, ...]] = {
    100: ("مئه", "مائه"),
    200: ("مئتان", "مئتين", "مائتان", "مائتين"),
}
for _n, _u in ((3, "ثلاث"), (4, "اربع"), (5, "خمس"), (6, "ست"), (7, "سبع"), (8, "ثمان"), (9, "تسع")):
    _AR_HUNDREDS[_n * 100] = (_u + "مئه", _u + "مائه", _u + " مئه", _u + " مائه")

AR_MULTIPLIERS_RAW: dict[str, int] = {
    "الف": 1000, "الاف": 1000, "الفا": 1000, "الفان": 2000, "الفين": 2000,
    "مليون": 10**6, "ملايين": 10**6, "مليونا": 10**6, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6,
    "مليار": 10**9, "مليارات": 10**9, "مليارا": 10**9, "بليون": 10**9,
}


def _build_ar_cardinals() -> dict[str, int]:
    words: dict[str, int] = {}
    for n, forms in _AR_UNITS.items():
        for f in forms:
            words[f] = n
    for f in ("احد عشر", "احدي عشر", "احدي عشره", "احد عشره"):
        words[f] = 11
    for f in ("اثنا عشر", "اثني عشر", "اثنتا عشره", "اثنتي عشره"):
        words[f] = 12
    for n in range(3, 10):
        for u in _AR_UNITS[n]:
            words[f"{u} عشر"] = 10 + n
            words[f"{u} عشره"] = 10 + n
    for t, tforms in _AR_TENS.items():
        for tf in tforms:
            words[tf] = t
            for n in range(1, 10):
                units = _AR_UNITS[n] if n != 1 else ("واحد", "واحده", "احد", "احدي")
                for u in units:
                    words[f"{u} و{tf}"] = t + n
    for h, hforms in _AR_HUNDREDS.items():
        for hf in hforms:
            words[hf] = h
    return words


AR_CARDINALS: dict[str, int] = _folded(_build_ar_cardinals())

# A hundred and the 1-99 added to it ("مائة وخمسين عاما", "مائتان وثمانية وتسعون", "ثلاثمائة وعشرة"): read
# by their grammar, not listed (every hundred with every word of 1-99 would be some 15,000 words).
AR_HUNDREDS: dict[str, int] = _folded({f: h for h, forms in _AR_HUNDREDS.items() for f in forms})
_AR_BELOW_100: dict[str, int] = {k: v for k, v in AR_CARDINALS.items() if v < 100}


def ar_cardinal_pattern() -> str:
    """A regex for an Arabic cardinal in folded text: a hundred with what is added to it, or a listed word."""
    return (rf"(?:{alternation(AR_HUNDREDS)})\s+و\s*(?:{alternation(_AR_BELOW_100)})(?!\w)"
            rf"|{alternation(AR_CARDINALS)}")


def ar_cardinal_value(words: str) -> int | None:
    """The value of what :func:`ar_cardinal_pattern` matched (folded, any spacing)."""
    words = " ".join(words.split())
    if words in AR_CARDINALS:
        return AR_CARDINALS[words]
    hundred, sep, rest = words.partition(" و")
    rest = rest.strip()
    if sep and hundred in AR_HUNDREDS and rest in _AR_BELOW_100:
        return AR_HUNDREDS[hundred] + _AR_BELOW_100[rest]
    return None

# Ordinals used for days of the month and "first/second ... Monday".
_AR_ORD_UNITS: dict[int, tuple[str, ...]] = {
    1: ("اول", "الاول", "الاولي", "اولي", "الحادي", "حادي"),
    2: ("ثاني", "الثاني", "الثانيه", "ثان"),
    3: ("ثالث", "الثالث", "الثالثه"),
    4: ("رابع", "الرابع", "الرابعه"),
    5: ("خامس", "الخامس", "الخامسه"),
    6: ("سادس", "السادس", "السادسه"),
    7: ("سابع", "السابع", "السابعه"),
    8: ("ثامن", "الثامن", "الثامنه"),
    9: ("تاسع", "التاسع", "التاسعه"),
    10: ("عاشر", "العاشر", "العاشره"),
}


def _build_ar_ordinals() -> dict[str, int]:
    words: dict[str, int] = {}
    for n, forms in _AR_ORD_UNITS.items():
        for f in forms:
            words[f] = n
    for n in range(1, 10):
        for u in _AR_ORD_UNITS[n]:
            if n == 1 and "اول" in u:
                continue  # "الاول عشر" is not a word; 11th is الحادي عشر
            for ten in ("عشر", "عشره"):
                words[f"{u} {ten}"] = 10 + n
    for tf in ("العشرين", "العشرون", "عشرين"):
        words[tf] = 20
    for tf in ("الثلاثين", "الثلاثون", "ثلاثين"):
        words[tf] = 30
    for n in range(1, 10):
        for u in _AR_ORD_UNITS[n]:
            if n == 1 and "اول" in u:
                continue
            for tf in ("العشرين", "العشرون"):
                words[f"{u} و{tf}"] = 20 + n
            if n == 1:
                for tf in ("الثلاثين", "الثلاثون"):
                    words[f"{u} و{tf}"] = 31
    return words


AR_ORDINALS: dict[str, int] = _folded(_build_ar_ordinals())

# Duals: one noun form carries the number 2 (ساعتين = two hours). Mapped to the
# unit's normalised name by the figure extractor; listed here as stems.
AR_DUAL_SUFFIXES = ("ان", "ين", "تان", "تين")

AR_MULTIPLIERS: dict[str, int] = _folded(AR_MULTIPLIERS_RAW)

# --- English ----------------------------------------------------------------

EN_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
EN_MULTIPLIERS: dict[str, int] = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "dozen": 12,
}
EN_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
for _i, _w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"), 1):
    EN_ORDINALS[f"twenty-{_w}"] = 20 + _i
    EN_ORDINALS[f"twenty {_w}"] = 20 + _i
EN_ORDINALS["thirty-first"] = EN_ORDINALS["thirty first"] = 31


def _en_cardinal_words() -> dict[str, int]:
    words = {k: v for k, v in EN_UNITS.items() if k not in ("a", "an")}
    for t, tv in EN_TENS.items():
        words[t] = tv
        for u, uv in EN_UNITS.items():
            if 1 <= uv <= 9 and u not in ("a", "an"):
                words[f"{t}-{u}"] = tv + uv
                words[f"{t} {u}"] = tv + uv
    return words


EN_CARDINALS: dict[str, int] = _en_cardinal_words()


def alternation(words) -> str:
    """A regex for any of ``words``, factored as a trie.

    Python's regex engine tries alternatives one by one; a flat list of a few
    hundred number words makes every text position cost hundreds of attempts.
    The trie form (``ال(?:اول|ثاني|...)``) fails after a character or two. At a
    position the longest word wins, as callers expect.
    """
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) or "(?!)"


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    # longest first: branches that continue are tried before stopping here
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


_NUM_CLEAN = re.compile(r"[,\u066c\s]")


def parse_digits(s: str) -> float | None:
    """'1,200' → 1200, '3.5' → 3.5, Arabic-Indic digits already converted by the caller."""
    s = _NUM_CLEAN.sub("", s).replace("\u066b", ".")
    try:
        return float(s)
    except ValueError:
        return None
