"""Text similarity on normalised keys, and the word-level diff shown to editors."""
from __future__ import annotations

import difflib
import re
import threading
from functools import lru_cache

from rapidfuzz import fuzz, process

from factcheck.messages import Message
from factcheck.text.normalize import match_tokens, number_text, strip_clitics

from .words import DATE_WORDS, INSTITUTIONS, NEGATIONS, NUMBER_WORDS, STOP_WORDS, TITLES, opposed

_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
# Cap on characters fed to the tokeniser; set to MatchConfig.max_chars by callers
# through the functions' ``limit`` argument, this is only the cache's upper bound.
_HARD_LIMIT = 20000


@lru_cache(maxsize=200_000)
def stems(text: str, limit: int = 1500) -> tuple[str, ...]:
    """Matching tokens of (the first ``limit`` characters of) a text."""
    return tuple(match_tokens(text[: min(limit, _HARD_LIMIT)]))


@lru_cache(maxsize=100_000)
def content(toks: tuple[str, ...]) -> tuple[str, ...]:
    """Tokens that carry the topic: no stop words, no one-letter leftovers."""
    return tuple(t for t in toks if t not in STOP_WORDS and len(t) > 1)


# Cached like ``content``: the claim's own words are filtered again against each of its candidates.
@lru_cache(maxsize=100_000)
def topic_content(toks: tuple[str, ...]) -> tuple[str, ...]:
    """Content words without dates and numbers: "on Monday" or "six hours" is no shared topic."""
    return tuple(t for t in content(toks) if t not in DATE_WORDS and t not in NUMBER_WORDS and not _DIGITS.match(t))


@lru_cache(maxsize=100_000)
def event_content(toks: tuple[str, ...]) -> tuple[str, ...]:
    """What happened, not when, how many or which office said so.

    Content words without dates, numbers, titles and institutions: "the
    Interior Ministry announced on Monday the arrest of a cell" and "... on
    Monday a traffic campaign" share an institution and a day, not an event.
    """
    return tuple(
        t for t in content(toks)
        if t not in DATE_WORDS and t not in NUMBER_WORDS and t not in TITLES and t not in INSTITUTIONS
        and not _DIGITS.match(t)
    )


# Stored tokens (claims.match_key) are cut at MatchConfig's default max_chars.
STORED_LIMIT = 1500


def prefilter_key(text_tokens: tuple[str, ...], sentence_tokens: tuple[str, ...]) -> str:
    """What the matcher's pre-filter scores (token_set_ratio): the content words of text, then of sentence."""
    return " ".join(content(text_tokens)) + " " + " ".join(content(sentence_tokens))


def stored_tokens(text: str, sentence: str) -> str:
    """The claim's matching tokens as stored in claims.match_key: text, a tab, sentence, a tab, and
    the pre-filter key of both (retrieval re-ranks hundreds of stored claims by it per lookup)."""
    t, s = stems(text or "", STORED_LIMIT), stems(sentence or "", STORED_LIMIT)
    return " ".join(t) + "\t" + " ".join(s) + "\t" + prefilter_key(t, s)


def parse_stored_tokens(value: str | None) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(text tokens, sentence tokens) of a stored match_key."""
    if not value or "\t" not in value:
        return None
    parts = value.split("\t", 2)
    return tuple(parts[0].split()), tuple(parts[1].split())


def stored_prefilter_key(value: str | None) -> str:
    """The pre-filter key of a stored match_key ("" when none is stored).

    Keys written before migration 0007 have no third field: it is worked out
    from their tokens, to the same string.
    """
    first = value.find("\t") if value else -1
    if first < 0:
        return ""
    second = value.find("\t", first + 1)
    if second >= 0:  # a slice: splitting copies the tokens too, for hundreds of keys per lookup
        return value[second + 1:]
    return prefilter_key(tuple(value[:first].split()), tuple(value[first + 1:].split()))


def distinct_scores(query: str, keys: list[str]) -> list[float]:
    """The pre-filter score (token_set_ratio) of ``query`` against each key, each distinct key scored once.

    A lookup's pool often holds one wording many times over (syndicated
    copies, outlets repeating an agency's text): scoring it once is cheaper,
    and the scores are those ``process.extract`` would give each key.

    The scores of the last query are kept (per thread): retrieval re-ranks its
    pool by this score and the matcher then scores the kept candidates with
    the same query, which needs no new scoring.
    """
    last = getattr(_last_scores, "value", None)
    by_key = last[1] if last is not None and last[0] == query and len(last[1]) < _KEPT_SCORES else {}
    todo = [k for k in dict.fromkeys(keys) if k not in by_key]
    if todo:
        for _, score, i in process.extract(query, todo, scorer=fuzz.token_set_ratio, processor=None, limit=None):
            by_key[todo[i]] = score
    _last_scores.value = (query, by_key)
    return [by_key[k] for k in keys]


# The last query's scores, per thread (the web app matches in its request threads).
_last_scores = threading.local()
_KEPT_SCORES = 5000


@lru_cache(maxsize=200_000)
def content_key(text: str, limit: int = 1500) -> str:
    return " ".join(content(stems(text, limit)))


def text_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """0-100: how much two token sequences say the same thing.

    The mean of token_sort_ratio (whole wording, order-free) and token_set_ratio
    (one inside the other: a partial quote). token_set alone gives 100 to any
    claim whose words are a subset of the other's, which would let a two-word
    claim "support" everything that mentions those two words; the mean keeps
    the partial-quote bonus while the length difference still costs.
    """
    if not a or not b:
        return 0.0
    # Both ratios read the same either way round, and every pair is compared both ways
    # (pairing.pair_rows): in one order, the second way is a cache hit.
    return _similarity(a, b) if a <= b else _similarity(b, a)


# The same two token sequences are scored again and again: each pair both ways, one right after
# the other (pairing.pair_rows), and the claims of one sentence share its tokens. Measured
# (BENCHMARKS.md, issue 18, item 1): of 651,994 scores in 150 real articles' import, 104,827 were
# not among the last 8,192; the scoring was the largest single cost of storing matches.
@lru_cache(maxsize=8192)
def _similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    sa, sb = " ".join(a), " ".join(b)
    return 0.5 * fuzz.token_sort_ratio(sa, sb) + 0.5 * fuzz.token_set_ratio(sa, sb)


def word_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """0-1: the whole words two token sequences share, over the geometric mean of their counts.

    A word-level check beside ``text_similarity``, whose character ratios give
    ~60 to unrelated Arabic sentences that share one actor and one verb: the
    article, the clitics' leftovers and common verb patterns share letters,
    not words. The geometric mean (Ochiai) lets a short report inside a long
    one keep most of its score (3 shared of 3 and 12 words: 0.5) while two
    long sentences sharing two words score low (2 of 8 and 9: 0.24).
    """
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / (len(sa) * len(sb)) ** 0.5


def related_word_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """0-1: like ``word_overlap``, but a word also counts as shared when one form begins with the
    other (three letters at least): طلب / طلبا, رسمي / رسميا, support / supports.

    Arabic words take suffixes that normalisation leaves on (the accusative
    alif, pronoun and plural endings), so two wordings of one statement share
    stems more often than whole words. Each side's shared words are counted
    and the two counts averaged.
    """
    return forms_overlap(word_forms(a), word_forms(b))


class WordForms:
    """One token sequence's distinct words, grouped by their first three letters, for
    ``forms_overlap``: a claim met in thousands of pairs builds them once (``word_forms``)."""

    __slots__ = ("words", "by_start")

    def __init__(self, toks: tuple[str, ...]) -> None:
        self.words = frozenset(toks)
        by_start: dict[str, list[str]] = {}
        for w in self.words:
            if len(w) >= 3:
                by_start.setdefault(w[:3], []).append(w)
        self.by_start = by_start


# Cached by the tokens: the pipeline builds a claim's view afresh for each article it is matched
# with, and the claim's words are the same each time.
@lru_cache(maxsize=100_000)
def word_forms(toks: tuple[str, ...]) -> WordForms:
    return WordForms(toks)


def forms_overlap(a: WordForms, b: WordForms) -> float:
    """``related_word_overlap`` of the two sequences ``a`` and ``b`` were built from."""
    if not a.words or not b.words:
        return 0.0
    exact = a.words & b.words
    shared = 2 * len(exact)
    # A word and its suffixed form begin alike: only the groups of first letters both have can
    # hold one (most of two unrelated sentences' groups are their own).
    for start in a.by_start.keys() & b.by_start.keys():
        xs, ys = a.by_start[start], b.by_start[start]
        if len(xs) == 1 and len(ys) == 1:
            # Most groups: one word each side; two different words, or one word (in ``exact``).
            x, y = xs[0], ys[0]
            if x != y and (x.startswith(y) or y.startswith(x)):
                shared += 2
        else:
            shared += _begins(xs, ys, exact) + _begins(ys, xs, exact)
    return min(1.0, shared / 2 / (len(a.words) * len(b.words)) ** 0.5)


def _begins(xs: list[str], ys: list[str], exact: frozenset[str]) -> int:
    """How many of ``xs`` (not in ``exact``) begin a word of ``ys`` (not in ``exact``) or are begun by one."""
    return sum(1 for x in xs if x not in exact
               and any(y not in exact and (x.startswith(y) or y.startswith(x)) for y in ys))


# A text's numbers are read from its own characters, not from matching tokens: those lose the
# decimal point ("2.5" is two tokens, 2 and 5) and the scale after a number is a token of its own
# ("3 billion" would be 3 and a billion, never 3,000,000,000).
_NUMBER_TOKENS = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
_SCALES = {"الف": 1e3, "thousand": 1e3, "مليون": 1e6, "million": 1e6, "مليار": 1e9, "بليون": 1e9,
           "billion": 1e9}
# After a number these are its scale ("3 آلاف", "2.5 ملايين"); alone they are no number ("آلاف
# النازحين", "thousands of people"), unlike "ألف" or "a million" alone.
_PLURAL_SCALES = {"الاف": 1e3, "thousands": 1e3, "ملايين": 1e6, "millions": 1e6, "مليارات": 1e9,
                  "billions": 1e9}


def numbers(text: str) -> frozenset[float]:
    """The numbers a text gives, in digits or words, with their scale: "2.5 million", "2,500,000" and
    "2.5 مليون" are one number; "ثلاثة آلاف" is 3000. Not numbers: "one of the officials", "no one",
    a weekday (الاثنين) or a word that only looks like a number once clitics are taken off (NUMBER_WORDS)."""
    return frozenset(value for value, _, _, _ in number_items(text)[1])


# "320.000" with a dot between groups of three digits is 320,000, as Arabic outlets write it.
_THOUSANDS_DOT = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3})+(?![\d.])")


@lru_cache(maxsize=50_000)
def number_items(text: str) -> tuple[tuple[str, ...], tuple[tuple[float, float, int, int], ...]]:
    """The text's number tokens, and each number in it as (value with its scale, the unit of the last
    digit it is written to: 56 -> 1, 1400 -> 1, 2.5 million -> 100,000, 439 ألف -> 1000; index of its first token,
    index after its last), for what stands around it
    (``propositions.numbers``: hedges before it, the noun after it)."""
    folded = _THOUSANDS_DOT.sub(lambda m: m[0].replace(".", ""), number_text(text))
    toks = tuple(_NUMBER_TOKENS.findall(folded))
    out: list[tuple[float, str, int, int]] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        value = _number_value(t, toks[i - 1] if i else "", nxt)
        if value is not None:
            start = i
            digits = t if t[0].isdigit() else str(int(value))
            # Trailing zeros are taken as written (1400 is not 1350-1450); a scale word is not ("439 ألف").
            unit = 10.0 ** -len(digits.split(".")[1]) if "." in digits else 1.0
            scale = _SCALES.get(nxt) or _PLURAL_SCALES.get(nxt)
            if scale:
                value *= scale
                unit *= scale
                i += 1
            out.append((value, unit, start, i + 1))
        i += 1
    return toks, tuple(out)


def _number_value(t: str, before: str, after: str) -> float | None:
    if t[0].isdigit():
        return float(t)
    if t in _SCALES:
        return _SCALES[t]
    word = t if t in NUMBER_WORDS else strip_clitics(t)
    if t in _PLURAL_SCALES or word in _PLURAL_SCALES:
        return None
    if word not in NUMBER_WORDS or (word == "one" and (after == "of" or before == "no")):
        return None
    return float(NUMBER_WORDS[word])


def negation_count(toks: tuple[str, ...]) -> int:
    return sum(1 for t in toks if t in NEGATIONS)


def material_change(a: tuple[str, ...], b: tuple[str, ...], text_a: str, text_b: str) -> Message | None:
    """Why two wordings of one statement differ in meaning, or None: ``a`` and ``b`` are their
    matching tokens, ``text_a`` and ``text_b`` the texts themselves (for their numbers).

    Catches what a misquote usually is: a negation added or dropped, a number
    changed, or a word swapped for its opposite ("will withdraw" / "will expand").
    Other swapped words are left alone: translations and paraphrases of one
    statement swap synonyms all the time (جيد جدًا / جيد للغاية).
    """
    na, nb = negation_count(a), negation_count(b)
    if (na > 0) != (nb > 0):
        return Message("negation dropped") if na > nb else Message("negation added")
    xa, xb = numbers(text_a), numbers(text_b)
    if xa and xb and xa != xb:
        fa = [_fmt(x) for x in sorted(xa - xb)] or [_fmt(x) for x in sorted(xa)]
        fb = [_fmt(x) for x in sorted(xb - xa)] or [_fmt(x) for x in sorted(xb)]
        return Message("numbers differ: {mine} vs {theirs}", {"mine": fa, "theirs": fb})
    swapped = _swapped_opposites(a, b)  # all words: أكد/نفى are speech verbs, stop words elsewhere
    if swapped:
        return Message("word changed: {mine} vs {theirs}", {"mine": swapped[0], "theirs": swapped[1]})
    return None


def _fmt(x: float) -> str:
    return str(int(x)) if x.is_integer() else str(x)


def _swapped_opposites(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, str] | None:
    """A word replaced by its opposite ("confirmed" / "denied"), found by aligning the wordings."""
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "replace":
            continue
        for x in a[i1:i2]:
            for y in b[j1:j2]:
                if opposed(x, y):
                    return x, y
    return None


_WORD = re.compile(r"\S+")


@lru_cache(maxsize=200_000)
def _word_key(word: str) -> str:
    return " ".join(match_tokens(word))


def word_diff(a: str, b: str, max_words: int = 400) -> list[tuple[str, str]]:
    """Word-level diff of two wordings, compared on normalised words, shown in original ones.

    Each part is (op, words): "delete" = only in ``a``, "insert" = only in ``b``, "equal" = in both,
    in ``a``'s words. An equal part ``b`` spells differently (ترامب / ترمب, الإثنين / الاثنين) is
    followed by ("spelled", b's words), so each outlet's column shows that outlet's own words.
    """
    wa, wb = _WORD.findall(a)[:max_words], _WORD.findall(b)[:max_words]
    ka = [_word_key(w) for w in wa]
    kb = [_word_key(w) for w in wb]
    sm = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False)
    out: list[list[str]] = []  # [op, words, the other side's words (equal parts)]

    def add(op: str, words: list[str], theirs: list[str] | None = None) -> None:
        if not words:
            return
        text, other = " ".join(words), " ".join(theirs if theirs is not None else words)
        if out and out[-1][0] == op:
            out[-1][1] += " " + text
            out[-1][2] += " " + other
        else:
            out.append([op, text, other])

    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            add("equal", wa[i1:i2], wb[j1:j2])
        else:
            add("delete", wa[i1:i2])
            add("insert", wb[j1:j2])
    parts: list[tuple[str, str]] = []
    for op, text, other in out:
        parts.append((op, text))
        if op == "equal" and other != text:
            parts.append(("spelled", other))
    return parts
