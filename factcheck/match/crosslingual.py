"""Arabic <-> English pairs: only language-independent parts can be compared."""
from __future__ import annotations

from .types import ClaimView, MatchConfig, MatchResult


def compare(claim: ClaimView, other: ClaimView, config: MatchConfig) -> MatchResult | None:
    """Not compared yet: wording in two languages cannot be fuzzy-matched."""
    return None
