"""Normalisation for matching and search (never for display).

Arabic: strip diacritics and tatweel, unify alef/hamza forms, ى→ي, ة→ه, digits
to ASCII. English: casefold. Both: punctuation and quote marks to spaces.
"""
from __future__ import annotations

import re
import unicodedata

from .digits import DIGITS_TO_ASCII

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalize(text: str) -> str:
    """Fold text to a matching key: one space between word tokens."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    text = text.translate(_LETTERS).translate(DIGITS_TO_ASCII).casefold()
    return _NON_WORD.sub(" ", text).replace("_", " ").strip()


def tokens(text: str) -> list[str]:
    return normalize(text).split()
