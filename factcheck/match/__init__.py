"""Cross-source matching: does another outlet's claim support, contradict or relate to this one?

Pure: plain strings and dataclasses in, results out; the pipeline does the
database work (candidate retrieval, storing matches).
"""
from .compare import (best_matches, comparable, compare, compare_shortlist, in_window, independent, keep_best, verdict,
                      verdict_rank, with_diff)
from .similarity import distinct_scores
from .terms import fingerprint_lookups, fingerprint_term, pair_terms, search_terms, speaker_terms
from .types import RELATIONS, ClaimView, MatchConfig, MatchResult

__all__ = [
    "RELATIONS",
    "ClaimView",
    "MatchConfig",
    "MatchResult",
    "best_matches",
    "comparable",
    "compare",
    "compare_shortlist",
    "distinct_scores",
    "fingerprint_lookups",
    "fingerprint_term",
    "in_window",
    "independent",
    "keep_best",
    "pair_terms",
    "search_terms",
    "speaker_terms",
    "verdict",
    "verdict_rank",
    "with_diff",
]
