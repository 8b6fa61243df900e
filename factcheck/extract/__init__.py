"""Claim extraction: article text → statements, attributed dates, figures (pure: no DB, no web).

    extract_claims(text, published=None, lang=None) -> list[ClaimCandidate]
    find_dates(text, reference, lang=None) -> list[DateMention]
"""
from __future__ import annotations

from datetime import datetime

from .dates import detect_lang, find_dates
from .types import ClaimCandidate, DateMention

__all__ = ["extract_claims", "find_dates", "detect_lang", "ClaimCandidate", "DateMention"]


def extract_claims(text: str, published: datetime | None = None, lang: str | None = None) -> list[ClaimCandidate]:
    """Statements, attributed dates and figures in ``text``, in text order.

    ``lang`` is 'ar', 'en' or None (detected from the script). ``published``
    (tz-aware, or naive meaning UTC) anchors relative dates; without it they
    are left unresolved (date None) while absolute dates still resolve.
    """
    # imported here, not above: `factcheck dates` needs only the date tagger, and the claim
    # splitter (quotes, speakers, figures) is most of the package's import time (issue 16)
    from .claims import extract

    return extract(text, published, lang)
