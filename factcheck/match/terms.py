"""The words a claim is looked up by in the database's full-text index."""
from __future__ import annotations

from .similarity import content, stems
from .words import DATE_WORDS, NEGATIONS, TITLES

# A long claim is looked up by its first words only: more terms make the index
# query slower without finding different claims.
MAX_TERMS = 24


def search_terms(text: str, max_terms: int = MAX_TERMS) -> list[str]:
    """Normalised content words of ``text``, stop words removed, each once, in order.

    These are the same folded forms the matcher compares (clitics stripped,
    variants folded), so an index built over ``" ".join(search_terms(t))`` finds
    ترمب under ترامب and "the U.S." under "US".
    """
    out: list[str] = []
    seen: set[str] = set()
    for t in content(stems(text, 4000)):
        if t in seen or t in DATE_WORDS or t in NEGATIONS:
            continue
        seen.add(t)
        out.append(t)
        if len(out) >= max_terms:
            break
    return out


def speaker_terms(speaker: str | None) -> list[str]:
    """The name words of a speaker, titles dropped: statements by one person find each other."""
    if not speaker:
        return []
    return [t for t in search_terms(speaker) if t not in TITLES]
