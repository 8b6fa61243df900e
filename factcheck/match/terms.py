"""The words a claim is looked up by in the database's full-text index."""
from __future__ import annotations

import hashlib

from .names import speaker_index_keys
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


# Pair terms join two words with a character the tokeniser never keeps, so a
# pair can never collide with a word or a language-neutral key (@..., #...).
PAIR_SEP = "+"
MAX_PAIRS = 24


def pair_terms(text: str, sentence: str = "", max_pairs: int = MAX_PAIRS) -> list[str]:
    """Adjacent content-word pairs of a claim's text, then of its sentence, each once.

    When every single word of a claim is common (a newsroom's vocabulary is
    small: "president", "minister", the country's cities), the combination of
    two adjacent words still is not: "aleppo+reconstruction" is rare where
    "reconstruction" and "aleppo" each have thousands of postings. The pair is
    unordered (``a+b`` with a <= b) so that a reworded "Aleppo's
    reconstruction" finds it too, and a dropped or added word breaks only the
    pairs it sits in.
    """
    out: dict[str, None] = {}
    for source in (text, sentence):
        toks = content(stems(source or "", 4000))
        for a, b in zip(toks, toks[1:]):
            if a == b:
                continue
            term = PAIR_SEP.join(sorted((a, b)))
            if len(term) <= 64:
                out.setdefault(term)
            if len(out) >= max_pairs:
                return list(out)
    return list(out)


# A claim's wording fingerprint starts with a character no word or key starts with.
FINGERPRINT_MARK = "="


def _fingerprint(words: frozenset[str], speaker_key: str) -> str:
    digest = hashlib.blake2b((" ".join(sorted(words)) + "|" + speaker_key).encode(), digest_size=8).hexdigest()
    return FINGERPRINT_MARK + digest


def _speaker_key(speaker: str | None) -> str:
    keys = speaker_index_keys(speaker)
    return keys[0] if keys else ""


def fingerprint_term(text: str, speaker: str | None = None) -> str | None:
    """One term for "this wording, said by this person": the set of the text's content words and the
    speaker's name key (so the full title and the bare surname give the same term).

    The same quote is reported in the same words by many outlets over days
    and weeks; its fingerprint finds every report of it in one index read,
    however common each of its words is. None for texts of fewer than two words.
    """
    words = frozenset(content(stems(text or "", 4000)))
    if len(words) < 2:
        return None
    return _fingerprint(words, _speaker_key(speaker))


def fingerprint_lookups(text: str, speaker: str | None = None, max_words: int = 16) -> list[str]:
    """The fingerprints a claim looks up: its own, and its wording less any one word
    (a report that dropped a word, or a shorter partial quote)."""
    words = frozenset(content(stems(text or "", 4000)))
    if len(words) < 2:
        return []
    key = _speaker_key(speaker)
    out = [_fingerprint(words, key)]
    if 3 <= len(words) <= max_words:
        out.extend(_fingerprint(words - {w}, key) for w in sorted(words))
    return out
