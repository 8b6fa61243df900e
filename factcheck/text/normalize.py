"""Normalisation for matching and search (never for display).

Two levels:

* ``normalize(text)`` / ``tokens(text)``: orthographic folding that keeps every
  word. Arabic: strip diacritics and tatweel, unify alef/hamza forms, ى→ي,
  ة→ه, digits to ASCII. English: casefold, expand contractions, U.S.→USA.
  Both: punctuation and quote marks to spaces. The extractor relies on these.
* ``match_tokens(text)``: the matcher's key. On top of ``tokens`` it strips
  Arabic clitic prefixes (و ف ب ل ك ال and their combinations) and folds
  spelling variants real outlets use for one word (ترامب/ترمب,
  الأمريكي/الأميركي, سوريا/سورية, إطلاقًا/على الإطلاق ...) through the one
  table ``VARIANTS`` below.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .digits import DIGITS_TO_ASCII

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
# The letters above and every digit form, one character for one: replaced where a regex finds them
# (a few per sentence) rather than by str.translate, which looks every character up (13.6 against
# 2.4 us for a 112-character sentence).
_FOLDED = {**_LETTERS, **{chr(k): chr(v) if isinstance(v, int) else v for k, v in DIGITS_TO_ASCII.items()}}
_TO_FOLD = re.compile("[" + "".join(map(re.escape, _FOLDED)) + "]")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Thousands separators inside numbers ("1,200", "1٬200") would otherwise split one figure in two.
_THOUSANDS = re.compile(r"(?<=\d)[,\u066c](?=\d{3}\b)")

# English forms folded before casefolding, because case is what tells "US" (the
# country) from "us" (the pronoun). Each pattern is a plain alternation: linear.
_US = re.compile(r"\bU\.\s?S\.(?:\s?A\.)?|\bUSA\b|\bUS\b")
_UK = re.compile(r"\bU\.\s?K\.|\bUK\b")
_UN = re.compile(r"\bU\.\s?N\.|\bUN\b")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_CONTRACTIONS = [
    (re.compile(r"\bwon't\b", re.I), "will not"),
    (re.compile(r"\bcan't\b", re.I), "can not"),
    (re.compile(r"\bshan't\b", re.I), "shall not"),
    (re.compile(r"\bain't\b", re.I), "is not"),
    (re.compile(r"\b(\w+)n't\b", re.I), r"\1 not"),
    (re.compile(r"\b(\w+)'re\b", re.I), r"\1 are"),
    (re.compile(r"\b(\w+)'ve\b", re.I), r"\1 have"),
    (re.compile(r"\b(\w+)'ll\b", re.I), r"\1 will"),
    (re.compile(r"\b(\w+)'d\b", re.I), r"\1 would"),
    (re.compile(r"\b(I)'m\b", re.I), r"\1 am"),
    # "'s" is "is" after pronouns and "there/that/what/it"; elsewhere a possessive, dropped.
    (re.compile(r"\b(it|he|she|that|there|what|who|here|where)'s\b", re.I), r"\1 is"),
    (re.compile(r"\b(let)'s\b", re.I), r"\1 us"),
    (re.compile(r"(?<=\w)'s\b", re.I), ""),
]


def _english_folds(text: str) -> str:
    if "'" in text or "\u2019" in text or "\u2018" in text:
        text = text.translate(_APOSTROPHES)
        for pattern, repl in _CONTRACTIONS:
            text = pattern.sub(repl, text)
    if "%" in text or "\u066a" in text:
        text = text.replace("%", " percent ").replace("\u066a", " percent ")
    if "U" in text:
        text = _US.sub(" USA ", text)
        text = _UK.sub(" UK ", text)
        text = _UN.sub(" UN ", text)
    return text


def _fold_one(m: re.Match[str]) -> str:
    return _FOLDED[m[0]]


def _fold_characters(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    text = _TO_FOLD.sub(_fold_one, text)
    return _THOUSANDS.sub("", text)


def normalize(text: str) -> str:
    """Fold text to a matching key: one space between word tokens."""
    text = _english_folds(_fold_characters(text)).casefold()
    return _NON_WORD.sub(" ", text).strip()


def number_text(text: str) -> str:
    """``text`` folded as ``normalize`` folds letters and digits (ASCII digits without thousands
    separators, one alef, no diacritics, lower case), with its punctuation kept: "٢٫٥ مليون" →
    "2.5 مليون", where ``normalize`` gives "2 5 مليون". For reading numbers."""
    return _fold_characters(text).casefold()


def tokens(text: str) -> list[str]:
    """The words of ``normalize(text)`` (found in the folded text, not split from the joined key)."""
    return _WORD.findall(_english_folds(_fold_characters(text)).casefold())


# --- Arabic clitic prefixes -------------------------------------------------
#
# A light stemmer in the spirit of Larkey's light10, made *consistent*: a word
# with a clitic and the same word without it always reach the same stem,
# because stripping recurses (strip(و + w) == strip(w) whenever w is long
# enough to have been stripped itself). Over-stripping a few words that merely
# start with one of these letters (وزير → زير) is harmless for matching: it is
# done the same way on both sides. Minimum stem lengths stop the damage on
# short words (ولد, بيت stay whole).
_ARTICLE_PREFIXES = ("ال", "لل")  # لل = ل + ال with the alef dropped (للرئيس)
_SINGLE_PREFIXES = "وفبلك"
_MIN_STEM_AFTER_ARTICLE = 2
_MIN_STEM_AFTER_LETTER = 3
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")


@lru_cache(maxsize=65536)
def strip_clitics(word: str) -> str:
    """Remove و ف ب ل ك ال and their combinations from a normalised Arabic word."""
    if len(word) < 3 or not _ARABIC_WORD.match(word):
        return word
    for article in _ARTICLE_PREFIXES:
        if word.startswith(article) and len(word) - len(article) >= _MIN_STEM_AFTER_ARTICLE:
            return strip_clitics(word[len(article):])
    if word[0] in _SINGLE_PREFIXES and len(word) - 1 >= _MIN_STEM_AFTER_LETTER:
        return strip_clitics(word[1:])
    return word


# --- Spelling variants -------------------------------------------------------
#
# The one place to teach factcheck that two spellings are one word. Left: the
# form to fold, right: the canonical form; both are written naturally and go
# through the same normalisation and clitic stripping as the text at load
# time, so "الأميركي" also covers "والأميركي", "للأميركي" ... Multi-word
# entries fold phrases ("على الإطلاق" → "إطلاقًا").
VARIANTS: dict[str, str] = {
    # names as different outlets transliterate them
    "ترمب": "ترامب",
    "ترمپ": "ترامب",
    "بايدن": "بايدن",
    "نتنياهو": "نتنياهو",
    "نتانياهو": "نتنياهو",
    "بوتن": "بوتين",
    "ماكرن": "ماكرون",
    "اردوغان": "أردوغان",
    "إردوغان": "أردوغان",
    "روبيو": "روبيو",
    "الشيباني": "الشيباني",
    "واشطن": "واشنطن",
    "لافروف": "لافروف",
    "زيلينسكي": "زيلنسكي",
    "زيلنسكي": "زيلنسكي",
    # adjectives and country names with two accepted spellings
    "الأميركي": "الأمريكي",
    "الأميركية": "الأمريكية",
    "الأميركيون": "الأمريكيون",
    "الأميركيين": "الأمريكيين",
    "أميركا": "أمريكا",
    "أميركي": "أمريكي",
    "أميركية": "أمريكية",
    "سورية": "سوريا",
    "السورية": "السورية",
    "ليبيه": "ليبيا",
    "موريتانيه": "موريتانيا",
    "إسرائيل": "إسرائيل",
    "اسرائيل": "إسرائيل",
    "الإسرائيلي": "الإسرائيلي",
    "فلسطين": "فلسطين",
    "الإثنين": "الاثنين",
    "إثنين": "اثنين",
    "اثنان": "اثنين",
    "إثنان": "اثنين",
    "مئة": "مائة",
    "مائتين": "مئتين",
    "مائتا": "مئتين",
    "مئتا": "مئتين",
    "أبريل": "نيسان",
    "إبريل": "نيسان",
    # phrases
    "على الإطلاق": "إطلاقًا",
    # "still": لا/ما here are not negations, and must not read as one
    "لا يزال": "مازال",
    "لا تزال": "مازال",
    "لا زال": "مازال",
    "لازال": "مازال",
    "ما زال": "مازال",
    "ما زالت": "مازال",
    "مازالت": "مازال",
    "لا يزالون": "مازال",
    "لا تزالان": "مازال",
    "لا سيما": "سيما",
    "لاسيما": "سيما",
    "الولايات المتحدة الأمريكية": "الولايات المتحدة",
    "الولايات المتحدة الأميركية": "الولايات المتحدة",
    "الأمم المتحدة": "الأمم المتحدة",
    "مجلس الأمن الدولي": "مجلس الأمن",
    # English
    "united states": "usa",
    "united states of america": "usa",
    "america": "usa",
    "american": "usa",
    "united kingdom": "uk",
    "britain": "uk",
    "great britain": "uk",
    "united nations": "un",
    "syrian arab republic": "syria",
    "per cent": "percent",
    "في المئة": "percent",
    "في المائة": "percent",
    "centre": "center",
    "defence": "defense",
    "programme": "program",
    "organisation": "organization",
    "organise": "organize",
    "criticise": "criticize",
    "recognise": "recognize",
    "emphasise": "emphasize",
    "al-sharaa": "sharaa",
    "al sharaa": "sharaa",
    "alsharaa": "sharaa",
    "shara": "sharaa",
    "shaibani": "shaibani",
    "al-shaibani": "shaibani",
    "al shaibani": "shaibani",
    "netanyahou": "netanyahu",
    "erdogan": "erdogan",
}


def _stem_tokens(text: str) -> tuple[str, ...]:
    return tuple(strip_clitics(t) for t in tokens(text))


def _build_variants() -> tuple[dict[str, str], dict[tuple[str, ...], tuple[str, ...]], int]:
    singles: dict[str, str] = {}
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    longest = 1
    for variant, canonical in VARIANTS.items():
        src, dst = _stem_tokens(variant), _stem_tokens(canonical)
        if not src or src == dst:
            continue
        if len(src) == 1 and len(dst) == 1:
            singles[src[0]] = dst[0]
        else:
            phrases[src] = dst
            longest = max(longest, len(src))
    # A canonical form must itself be a fixed point, or folding would depend on order.
    for k, v in list(singles.items()):
        while v in singles and singles[v] != v:
            v = singles[v]
        singles[k] = v
    return singles, phrases, longest


_SINGLE_VARIANTS, _PHRASE_VARIANTS, _LONGEST_PHRASE = _build_variants()


def fold_variants(stems: list[str]) -> list[str]:
    """Replace variant spellings (single words and phrases) by their canonical form."""
    out: list[str] = []
    i, n = 0, len(stems)
    while i < n:
        for size in range(min(_LONGEST_PHRASE, n - i), 1, -1):
            dst = _PHRASE_VARIANTS.get(tuple(stems[i:i + size]))
            if dst is not None:
                out.extend(dst)
                i += size
                break
        else:
            w = stems[i]
            out.append(_SINGLE_VARIANTS.get(w, w))
            i += 1
    return out


def match_tokens(text: str) -> list[str]:
    """Tokens for matching: normalised, clitics stripped, variants folded."""
    return fold_variants([strip_clitics(t) for t in tokens(text)])


def match_key(text: str) -> str:
    return " ".join(match_tokens(text))
