"""Scanning: every rule's matches in a folded text, as overlapping candidates.

Rules do not run over the whole text: one pass over its words finds the anchor
words (lexicon.py), and each rule runs only in small windows around the anchors
of its classes (rules.py says which).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from ..fold import Folded
from .lexicon import _AR_LOOKUP, _EN_ARTICLES, _EN_CLASS, _EN_LOOKUP
from .resolve import Resolver, Value
from .rules import _RULE_ALSO, _RULE_BEFORE, _RULE_GATES, Rule, rule_classes, rule_table


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


_AR_LETTERS = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones in the first few thousand characters."""
    sample = text[:4000]
    return "ar" if len(_AR_LETTERS.findall(sample)) >= len(_LATIN.findall(sample)) and _AR_LETTERS.search(sample) else "en"


# The anchors of the digit classes: digit runs ("digit"), four-digit ones ("year4"), and
# runs joined by / - . ("numdate").
_DIGIT_RUN = re.compile(r"\d+((?:\s*[/\-–]\s*|\.)\d+)?")
# how far a match can reach before and after its anchor word (characters)
_MARGINS = {"month": (55, 40), "weekday": (25, 50), "hijri": (40, 40), "relday": (25, 45), "unit": (45, 35),
            "year4": (20, 15), "digit": (25, 25), "numdate": (10, 20), "holiday": (25, 20),
            "en_month": (35, 30), "en_wd": (20, 45), "en_unit": (35, 25), "en_ord": (15, 30), "en_rel": (25, 10),
            "en_hol": (40, 10), "ar_ord": (30, 50), "ar_dir": (0, 45)}
_MARGIN_DEFAULT = (60, 60)
_PUNCT = "\"'«»“”„()[]{}،,؛;:.!?؟-–—/…‘’*#+=<>|~"


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
    for r, classes, also, gate in _scan_rules():
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
        if not plan:
            continue
        px, k = _prefixed(r, classes)  # compiled the first time a text needs the rule
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


# Compiled on first use: a process that tags only English never compiles the Arabic rules,
# and importing the extractor compiles nothing.
_PREFIXED: dict[str, tuple[re.Pattern, int]] = {}


def _prefixed(r: Rule, classes: tuple[str, ...]) -> tuple[re.Pattern, int]:
    """The rule's pattern behind a lazy skip of at most k characters (k: the widest margin
    before an anchor of its classes): one match() call tries every start in [pos, pos + k]
    leftmost first, as search() would, without scanning on to the end of the window."""
    got = _PREFIXED.get(r.name)
    if got is None:
        k = max(_MARGINS.get(c, _MARGIN_DEFAULT)[0] for c in classes)
        k = min(k, _RULE_BEFORE.get(r.name, k))
        got = _PREFIXED[r.name] = (re.compile(rf"(?s:.{{0,{k}}}?)(?P<_m>{r.pattern})", r.flags), k)
    return got


@functools.cache
def _scan_rules() -> list[tuple[Rule, tuple[str, ...], tuple[str, ...] | None, frozenset[str] | None]]:
    """(rule, classes, also, gate) for every rule, in rule order; built with the rules, on first use."""
    return [(r, rule_classes(r.name), _RULE_ALSO.get(r.name), _RULE_GATES.get(r.name)) for r in rule_table()]
