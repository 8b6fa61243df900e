"""Plain data the extractor hands to the rest of factcheck.

These are the only shapes that cross from the pure extraction stage into the
pipeline; keep them free of database or web types.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..messages import N_

KINDS = (N_("quote"), N_("date"), N_("figure"))


@dataclass(slots=True)
class DateMention:
    """A date expression found in text and resolved on the calendar."""

    text: str  # the words as written
    start: int  # character offsets into the input
    end: int
    value: str  # ISO: YYYY-MM-DD, YYYY-MM, YYYY (or YYYY-Www for a week)
    grain: str  # day | week | month | year

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class ClaimCandidate:
    """One claim found in an article, before it is stored.

    ``start``/``end`` are offsets of ``text`` in the extractor's input, so
    ``input[start:end] == text`` always holds.
    """

    kind: str  # one of KINDS
    text: str
    sentence: str
    start: int
    end: int
    speaker: str | None = None
    verb: str | None = None  # the speech verb for statements
    direct: bool | None = None  # quote marks (True) or reported speech (False)
    date: str | None = None  # ISO value at its grain
    grain: str | None = None
    date_text: str | None = None
    value: float | None = None
    unit: str | None = None
    names: list[str] = field(default_factory=list)  # quoted names nearby (تنظيم "الدولة")

    def to_json(self) -> dict:
        """The JSON contract of `factcheck extract` (extend it, never break it)."""
        d = asdict(self)
        if d["value"] is not None and float(d["value"]).is_integer():
            d["value"] = int(d["value"])
        return d
