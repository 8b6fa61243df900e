"""Arabic <-> English pairs: only language-independent parts can be compared.

Without a translation model the wording of two languages cannot be fuzzy
matched, so the verdict rests on what does not depend on the language: the
speaker's name (through ``names``: a gazetteer, else a consonant skeleton),
the names of people and places in the sentence (gazetteer only), the resolved
date and the figure with its unit (unit words are already mapped across
languages by ``structured.unit_key``).

Never ``conflicts``: a date or a figure that differs across languages is as
likely another event as a contradiction, and an editor cannot check a
contradiction the tool cannot show word by word. ``supports`` needs the same
structured fact (a day-grain date, or a figure with its unit) plus at least
two shared names from the gazetteer (the speaker counts when the table knows
them) and no localities that set the two reports apart (``names.other_places``:
"in Homs" / "in Aleppo"); everything weaker is at most ``related``.
"""
from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from ..messages import Message
from . import names
from .structured import dates_compatible, figures_agree, format_date, format_figure, unit_key
from .types import ClaimView, MatchConfig, MatchResult

# A cross-language pair about the same statement is published close together:
# further apart than this, a shared speaker says little.
SAME_NEWS_DAYS = 2


def _published_close(a: ClaimView, b: ClaimView) -> bool:
    if a.published is None or b.published is None:
        return False
    pa, pb = a.published, b.published
    if (pa.tzinfo is None) != (pb.tzinfo is None):
        pa, pb = pa.replace(tzinfo=None), pb.replace(tzinfo=None)
    return abs(pa - pb) <= timedelta(days=SAME_NEWS_DAYS)


def _day(a: ClaimView) -> str | None:
    return a.published.date().isoformat() if a.published is not None else None


def _family_name(a: str | None, b: str | None) -> str:
    """The speaker's family name as written in Latin script when one side has it ("Najmeh")."""
    from .structured import _name_tokens

    for speaker in (a, b):
        words = _name_tokens(speaker)
        if words and words[-1].isascii():
            return words[-1].capitalize()
    words = _name_tokens(a) or _name_tokens(b)
    return words[-1] if words else (a or b or "")


def _names(v: ClaimView) -> frozenset[str]:
    return _names_of(v.sentence or v.text, v.text, v.speaker)


@lru_cache(maxsize=100_000)
def _names_of(sentence: str, text: str, speaker: str | None) -> frozenset[str]:
    return names.entities(sentence) | names.entities(text) | names.speaker_keys(speaker)[0]


def compare(claim: ClaimView, other: ClaimView, config: MatchConfig) -> MatchResult | None:
    """``related``/``supports`` with the shared language-independent parts as the reason, or None."""
    speaker = names.speakers_match(claim.speaker, other.speaker)
    shared = sorted(_names(claim) & _names(other))
    parts: list[Message] = []
    if speaker:
        keys = names.speaker_keys(claim.speaker)[0] & names.speaker_keys(other.speaker)[0]
        who = names.spelled(min(keys)) if keys else _family_name(claim.speaker, other.speaker)
        parts.append(Message("same speaker ({who})", {"who": who}))
    others = [k for k in shared if not (speaker and k in names.speaker_keys(claim.speaker)[0])]
    if others:
        parts.append(Message("same names ({names})", {"names": [names.spelled(k) for k in others[:4]]}))

    fact = None  # the structured fact both give, when they agree on one
    same_day = False  # ... and that fact is a date to the day
    if claim.kind == other.kind == "date" and claim.date and other.date:
        if dates_compatible(claim.date, other.date):
            fact = Message("same date {date}", {"date": format_date(max(claim.date, other.date, key=len))})
            # The greater of the two ISO strings: "2025-W45" sorts after any day, so a week never
            # counts as a day; "2025-11" against "2025-11-10" does (as it has since the first version).
            same_day = len(max(claim.date, other.date)) == 10
        elif speaker or len(shared) >= 2:
            dates = Message("dates {mine} vs {theirs}", {"mine": format_date(claim.date, other.date),
                                                          "theirs": format_date(other.date, claim.date)})
            return _related(other, parts + [dates], shared, speaker)
        else:
            return None
    elif claim.kind == other.kind == "figure" and claim.value is not None and other.value is not None:
        if unit_key(claim.unit) == unit_key(other.unit) and figures_agree(claim.value, other.value,
                                                                            config.figure_tolerance):
            # In the claim's own words ("3 قتلى" for an Arabic claim), as the same-language reasons.
            fact = Message("same figure {figure}", {"figure": format_figure(claim.value, claim.unit)})
        elif len(shared) >= 2 and _published_close(claim, other):
            return _related(other, parts + [Message("another figure")], shared, speaker)
        else:
            return None
    elif speaker and _published_close(claim, other):
        day = _day(claim)
        parts.append(Message("same date {date}", {"date": format_date(day or "")}) if day == _day(other)
                     else Message("published within days"))
    elif len(shared) >= 2 and _published_close(claim, other):
        parts.append(Message("published within days"))
    else:
        return None

    trusted = len(set(shared)) >= 2 and (speaker != "skeleton")
    # The same date or figure in two towns is two events, as in one language
    # (compare._another_place): "3 killed in Homs" / "3 killed in Aleppo".
    place = names.another_place((claim.sentence, claim.text), (other.sentence, other.text)) if fact else None
    if place:
        parts.append(place)
    elif fact and trusted and (same_day or claim.kind == "figure") and _published_close(claim, other):
        score = min(100.0, 60.0 + 10.0 * len(shared))
        return MatchResult(other.id, score, "supports", _listed([fact] + parts + [_DIFFERENT_LANGUAGE]))
    if fact:
        parts.insert(0, fact)
    if not (speaker or shared):
        return None
    return _related(other, parts, shared, speaker)


_DIFFERENT_LANGUAGE = Message("different language")


def _listed(parts: list[Message]) -> Message:
    """The parts of a reason one after the other ("same speaker (Leavitt), same date ..., different language")."""
    return Message("{parts}", {"parts": parts})


def _related(other: ClaimView, parts: list[Message], shared: list[str], speaker: str | None) -> MatchResult:
    score = min(90.0, 50.0 + 10.0 * len(shared) + (10.0 if speaker else 0.0))
    return MatchResult(other.id, score, "related", _listed(parts + [_DIFFERENT_LANGUAGE]))
