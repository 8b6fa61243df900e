"""Fold text for pattern matching while keeping a map back to the original offsets.

The extractor's patterns are written against one spelling of each Arabic word
(ا for أ/إ/آ, ي for ى, ه for ة, no diacritics, ASCII digits). Removing
diacritics shortens the text, so every match found in the folded text is mapped
back to the caller's offsets with :meth:`Folded.orig_start` / :meth:`Folded.orig_end`.
Latin letters are left as they are: English patterns are compiled with re.I,
because ``str.lower`` can change the length of a string.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from factcheck.text.digits import DIGITS_TO_ASCII

# harakat, superscript alef, Quranic marks, tatweel: dropped.
_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069]")
_TABLE = {ord(c): None for c in (
    [chr(x) for x in range(0x0610, 0x061B)] + [chr(x) for x in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"] + [chr(x) for x in range(0x06D6, 0x06EE)]
    + [chr(x) for x in range(0x200C, 0x2010)] + [chr(x) for x in range(0x202A, 0x202F)]
    + [chr(x) for x in range(0x2066, 0x206A)]
)}
_TABLE.update({ord(k): v for k, v in {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                                       "ؤ": "و", "ئ": "ي", "ک": "ك", "ی": "ي"}.items()})
_TABLE.update(DIGITS_TO_ASCII)


@dataclass(slots=True)
class Folded:
    text: str  # the folded text
    _shift_at: list[int]  # folded positions at which one more original char was dropped

    def orig_start(self, i: int) -> int:
        return i + bisect_right(self._shift_at, i) if self._shift_at else i

    def orig_end(self, i: int) -> int:
        if i <= 0:
            return 0
        return i + bisect_right(self._shift_at, i - 1) if self._shift_at else i


# str.translate looks every character up in a dict; replacing only the few
# characters that occur is ten times faster on Arabic text.
_PAIRS = [(chr(k), "" if v is None else v) for k, v in _TABLE.items()]


def _translate(text: str) -> str:
    if len(text) < 300:  # a name or a word: one translate call beats a hundred membership tests
        return text.translate(_TABLE)
    for a, b in _PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def fold(text: str) -> Folded:
    folded = _translate(text)
    shifts: list[int] = []
    if len(folded) != len(text):
        # the j-th dropped character (0-based) at original position d sits
        # before folded position d - j.
        for j, m in enumerate(_DROP.finditer(text)):
            shifts.append(m.start() - j)
    return Folded(folded, shifts)


def fold_str(text: str) -> str:
    """Folded text only (for lexicon keys and comparisons)."""
    return _translate(text)
