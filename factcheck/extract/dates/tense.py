"""The tense of a sentence: where to place a date the text does not pin down.

A bare weekday, or a day and month without a year, follows the tense of its clause
(see the conventions in __init__.py): "future", "past", "nearest" (both cues) or
"forward" (none).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from factcheck.text.lazy_pattern import lazy_regex

from .lexicon import AR_NOT_PRESENT_VERBS, AR_OWN_FA_WAW

# The cue words, as pattern text: compiled the first time a tense is read (_cues), not at import.
# (القادم(ة) is "next" of a time, not "arriving": "السيارات القادمة من الخارج", "القادمين" name who comes)
_FUTURE = (
    r"(?<!\w)(?:سوف|سي\w{3,}|ست\w{3,}|سن\w{3,}|سا\w{3,}|المقبل\w*|القادمه?(?!\s+(?:من|الي|عبر)(?!\w))|المرتقب\w*|مرتقب\w*|المنتظر|المقرر|المتوقع|يعتزم|تعتزم"
    # (and the simple present of a scheduled event: "the port reopens on Monday", "talks resume on Monday")
    r"|will|won't|would|shall|'ll|going\s+to|(?:re)?opens|resumes?|begins|convenes|expires|takes\s+effect|kicks\s+off|planned\s+for|set\s+for|scheduled|due\s+to|expected\s+to|plans?\s+to|set\s+to|upcoming|coming"
    # "next" of a time only: "the alliance's next target" says nothing of when
    r"|next\s+(?:week|month|year|season|time|round|\w+day|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*))(?!\w)")
_NOT_FUTURE = r"(?<!\w)(?:سياس\w*|سيار\w*|سيطر\w*|سياق\w*|سياح\w*|سيد\w*|ستين|سته|ستار\w*|سنوات|سنوي\w*|سنه|سنتين|سابق\w*|ساع\w*|ساح\w*|سام\w*|سلام\w*|ساكن\w*|ستوكهولم|سيناري\w*|سينما|سيناء|سيول|ساحل\w*|سنغافوره|سنترال)(?!\w)"
_PAST = (  # matched ignoring case
    r"(?<!\w)[وف]?(?:قال|قالت|اكد|اكدت|اعلن|اعلنت|ذكر|ذكرت|اوضح|اوضحت|اشار|اشارت|اضاف|اضافت|صرح|صرحت|افاد|افادت"
    r"|نفذ|نفذت|اسفر|اسفرت|وقع|وقعت|جري|جرت|تم|كان|كانت|شهد|شهدت|قتل|قتلت|اعتقل|توفي|التقي|التقت|زار|زارت|عقد|عقدت"
    r"|الماضي|المنصرم|امس|البارحه|بدا|بدات|انطلق|انطلقت|شن|شنت|استهدف|استهدفت)(?!\w)"
    r"|\b(?:said|was|were|had|did|told|met|held|took|went|came|gave|fell|rose|won|lost|began|left|led|saw|made|"
    r"ago|yesterday|\w{3,}ed)\b")


@cache
def _cues() -> tuple[re.Pattern, re.Pattern]:
    """(future cue, past cue). The future cue is a future word that is not one of _NOT_FUTURE,
    in one search: the exclusion is a lookahead at the start of the word (the excluded words
    are whole Arabic words)."""
    future = re.compile(r"(?<!\w)(?!(?:" + _NOT_FUTURE[len(r"(?<!\w)(?:"):-len(r")(?!\w)")] + r")(?!\w))"
                        + _FUTURE[len(r"(?<!\w)"):], re.I)
    return future, re.compile(_PAST, re.I)


# English copy's speech verbs: a past that is the report's, not the reported event's ("the minister
# said the port will reopen on Monday"), unless the date is the report's own ("said on Monday ...").
_EN_REPORT = r"said|told|added|stated|announced"
_EN_REPORT_WORD = lazy_regex(rf"(?:{_EN_REPORT})", re.I)
_EN_REPORT_BEFORE = lazy_regex(rf"\b(?:{_EN_REPORT}|told(?:\s+[a-z]+){{1,2}})[\s,]*$", re.I)


def _direction(sentence: str) -> str:
    future_cue, past_cue = _cues()
    fut = future_cue.search(sentence) is not None
    past = past_cue.search(sentence) is not None
    if fut and past:
        if all(_EN_REPORT_WORD.fullmatch(m.group()) for m in past_cue.finditer(sentence)):
            return "future_reported"  # the only past is a report's: see _Sentences.direction_at
        return "nearest"  # "talks scheduled for June 15 had been cancelled"
    if fut:
        return "future"
    if past:
        return "past"
    return "forward"


# Clause bounds for tense: sentence ends, and the complementizers that open a
# reported clause (a past "said" does not make the event it reports past).
# As a pattern (the specification: never compiled, _clause_ends below finds the same ends):
_SENT_END = r"[.!?؟]+(?=\s|$)|\n|\s(?:[بوف]?ان(?:ه|ها|هم|هما)?|that)(?!\w)"


# Clause ends found with str.find (C speed): ". " "? " "! " "؟ " and line breaks end a
# sentence; " إن/أن/بأن/أنه ..." and " that " open a reported clause. Same result as _SENT_END.


def _clause_ends(text: str) -> list[int]:
    # one find per punctuation mark and per complementizer stem (not per spelling):
    # the following character tells which spelling it is
    ends = set()
    find = text.find
    n = len(text)
    for mark in ".!?؟":
        k = find(mark)
        while k >= 0:
            if k + 1 < n and text[k + 1] in " \n\t":
                ends.add(k + 1)
            k = find(mark, k + 1)
    k = find("\n")
    while k >= 0:
        ends.add(k + 1)
        k = find("\n", k + 1)
    for stem in _COMP_STEMS:
        k = find(stem)
        while k >= 0:
            e = k + len(stem)
            for suffix in _COMP_SUFFIXES:
                if text.startswith(suffix, e):
                    end = e + len(suffix)
                    if end >= n or not (text[end].isalnum() or text[end] == "_"):
                        ends.add(end)
                        break
            k = find(stem, e)
    if text[-1:] in ".!?؟":
        ends.add(n)
    return sorted(ends)


_COMP_STEMS = [" " + p + "ان" for p in ("", "ب", "و", "ف")] + [" that"]
_COMP_SUFFIXES = ("", "ه", "ها", "هم", "هما")  # " that" takes only the first


# A verb of the present (imperfect, third person: "يتحدث", "ويعلن"): a clause told in the present
# announces; without it and without a cue, a clause narrates. ي starts few nouns beside the calendar's.
# Nor do names: "مانشستر يونايتد ... وفاز ... السبت" narrates, and so does a foreign word whose ف/و is
# its own letter, not a conjunction ("فيديو", "فيسبوك", "ويندوز"): both are words of the lexicon
# (lexicon.AR_NOT_PRESENT_VERBS, AR_OWN_FA_WAW), not of this pattern, which finds the candidates.
_PRESENT = r"(?<!\w)[وف]?ي[\u0621-\u064a]{3,}(?!\w)"


@cache
def _present_cue() -> re.Pattern:
    return re.compile(_PRESENT)


def _is_present_verb(word: str) -> bool:
    if word.startswith(AR_OWN_FA_WAW):
        return False
    stem = word[1:] if word[0] in "وف" and word[1] == "ي" else word
    return not stem.startswith(AR_NOT_PRESENT_VERBS)


class _Sentences:
    """Sentence bounds in the folded text, with a cached direction per sentence."""

    def __init__(self, text: str):
        self.text = text
        self.ends = _clause_ends(text)
        self._dir: dict[int, str] = {}

    def direction_at(self, pos: int) -> str:
        i = bisect_right(self.ends, pos)
        if i not in self._dir:
            start = self.ends[i - 1] if i > 0 else 0
            end = self.ends[i] if i < len(self.ends) else len(self.text)
            self._dir[i] = _direction(self.text[start:end])
        d = self._dir[i]
        if d == "future_reported":
            # "told reporters on Monday ...": the date is the report's, past; any other is the event's
            start = self.ends[i - 1] if i > 0 else 0
            return "past" if _EN_REPORT_BEFORE.search(self.text, max(start, pos - 40), pos) else "future"
        return d

    def present_at(self, pos: int) -> bool:
        """The clause at ``pos`` has a verb of the present before ``pos``: the verb that governs a date
        comes before it ("ويستهل برنامج المحاضرات ... يوم الخميس"); one after it is of what follows
        ("أفرج عنها الاتحاد الأوروبي الجمعة، ... يبلغ")."""
        i = bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i > 0 else 0
        return any(_is_present_verb(m.group()) for m in _present_cue().finditer(self.text, start, pos))
