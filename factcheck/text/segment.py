"""Sentence and paragraph segmentation with character offsets.

Sentences end at . ! ? ؟ (and …) followed by a space, a closing quote or the
end of the text, and at line breaks. They do not end at the Arabic comma ، or
semicolon ؛, after an English abbreviation (Nov., Mr., U.S.), after a single
initial (J. Smith) or a run of them (E.F. Hutton, A.W. Clements) or inside a decimal number (3.5, or "1. 8" garbled from right-to-left layout).
"""
from __future__ import annotations

import re

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st", "jr",
    "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "fig", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat",
    "sun", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "approx", "est",
}
# A candidate end: terminal punctuation, any closing quotes/brackets after it,
# then whitespace or the end. Linear: each character is looked at a bounded number of times.
_END = re.compile(r"(?:[.!?؟…]+)[\"'”’»)\]]*(?=\s|$)|\n")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# initials before a surname or a firm's name ("said A.W. Clements", "formed by E.F. Hutton LBO"): capitals
# each with its point are no sentence's end, as a single initial is not (a capital after a point is
# what the sentence after one would start with, so only the run of initials tells them apart)
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]\.?")
# "8.1" laid out right to left and copied as "1. 8": in Arabic text, a point between one or two digits
# and one or two digits with one space after it is a decimal garbled in copying, not a sentence's end.
_SPACED_DECIMAL = re.compile(r"[\u0600-\u06ff]+\s+\d{1,2}\. \d{1,2}(?![\d.])")


def _garbled_decimal(text: str, point: int) -> bool:
    m = _SPACED_DECIMAL.match(text, text.rfind(" ", 0, max(0, point - 3)) + 1)  # from the word before it
    return m is not None and m.start() <= point < m.end()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed; empty sentences dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0) == "." and _garbled_decimal(text, m.start()):
            continue
        if (m.group(0).startswith(("...", "…")) and m.end() + 1 < len(text)
                and (text[m.end() + 1].islower() or text[m.end() + 1].isdigit()) and text[m.end() + 1].isascii()):
            continue  # "killed on the bus... 21 others died": an ellipsis before a small letter or a digit elides words
        if m.group(0) != "\n" and m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”’»)]")) == 1:
            w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if w:
                word = w.group(1).lower().rstrip(".")
                if word in _ABBREV or (len(word) == 1 and w.group(1)[0].isupper()) or _INITIALS.fullmatch(w.group(1)):
                    continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line block."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        _add(text, m.start(), m.end(), spans)
    return spans
