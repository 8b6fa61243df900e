"""What two wordings of one statement assert, compared part by part (DESIGN.md, "What a verdict means").

A statement has a polarity (negated, denied, refused or not), a predicate that may be swapped for its
opposite, roles (who did what to whom), entities in its slots and numbers (hedged numbers are
intervals). ``difference`` names the first part two wordings disagree on, as the reason an editor
reads, with the words it concerns (the rest of the two wordings must still say the same thing for
the difference to make a conflict: ``compare._compare_quotes``). ``unexplained`` finds a content word
replaced by another word the matcher cannot vouch for, which keeps a pair from ``supports``.

Pure: tokens and texts in, results out. The word lists are in ``words.py``.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from factcheck.messages import Message
from factcheck.text.normalize import match_tokens, normalize, number_text, strip_clitics

from .similarity import content, number_items
from .words import (
    CALLING_OFF_TOO,
    CITY_COUNTRY,
    DENIALS,
    ENTITIES,
    ENTITY_CLIPPED,
    ENTITY_LONGEST,
    HEDGE_ABOUT,
    HEDGE_AT_LEAST,
    HEDGE_LESS,
    HEDGE_MORE,
    HEDGE_UP_TO,
    NEGATIONS,
    NUMBER_WORDS,
    STOP_WORDS,
    UNDOING,
    UNDOING_NOT_BEFORE,
    opposition,
    stem_core,
)


@dataclass(frozen=True)
class Difference:
    why: Message
    words: frozenset[str]  # the tokens it concerns, left out when the rest of the wordings is compared


# --- polarity --------------------------------------------------------------------------------------

# "غير أن" is "however", "لا سيما" "especially": no negation of what follows.
_NOT_NEGATING_AFTER = {"غير": frozenset(match_tokens("أن ان انه انها انهم")), "لا": frozenset(match_tokens("سيما"))}
# "ما لم" is "unless": a condition, not a negation of the statement.
# "حال دون" is "prevented": one verb with its particle, whose object is not negated ("حالت دون دخولها",
# prevented its entry, is no "did not enter" against a report that does not say it).
_NOT_NEGATING_BEFORE = {"لم": frozenset(match_tokens("ما")),
                        "دون": frozenset(match_tokens("حال حالت يحول تحول حالوا حيلولة"))}
# A negation particle with the conjunction glued to it ("ولن تتهاون", "ولم يصب") is that particle.
_CONJUNCTIONS = ("و", "ف")
# Ceasing to do a thing ("توقف عن التدخل", stopped intervening) says the opposite of doing it, as a
# negation does; the verb alone is no negation ("وقف إطلاق النار" is a ceasefire).
_CEASING = frozenset(match_tokens("توقف يتوقف تتوقف توقفت كف يكف تكف كفت ستتوقف سيتوقف"))
_CEASING_FROM = frozenset(match_tokens("عن"))
# ... and against a wording that says the stopping itself another way (إيقاف البحث / التوقف عن
# البحث), it is the same predicate.
_STOPPING = _CEASING | frozenset(match_tokens("وقف يوقف توقف أوقف أوقفت إيقاف ايقاف توقيف تعليق يعلق تعلق علقت"))


# "الغير" with the article makes a negative adjective of what follows ("المهاجرين الغير شرعيين", the
# irregular migrants): it names a kind of thing, it does not negate the statement.
_ADJECTIVAL_GHAIR = re.compile(r"(?<![\w\u0600-\u06ff])[وفبل]?[لا]?ل?الغير(?![\w\u0600-\u06ff])")


def polarity_words(toks: tuple[str, ...], text: str = "", other: tuple[str, ...] | None = None) -> list[str]:
    """The negations, denials and refusals of a statement, in order. Given the ``other`` wording, only
    those whose scope it shares: a negation inside a clause the other wording does not have at all
    ("... لكونهم غير معتادين على هذه الظروف" in a longer quote) negates nothing the two share."""
    out = []
    adjectival = len(_ADJECTIVAL_GHAIR.findall(normalize(text))) if text and "غير" in toks else 0
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        written = t
        if t not in NEGATIONS and t[:1] in _CONJUNCTIONS and t[1:] in _PARTICLES:
            t = t[1:]
        if t in NEGATIONS:
            if nxt in _NOT_NEGATING_AFTER.get(t, ()) or (t in HEDGE_LESS and nxt[:1].isdigit()):
                continue  # "غير أن" (however); "دون 1300 دولار" (below $1,300)
            if i and toks[i - 1] in _NOT_NEGATING_BEFORE.get(t, ()):
                continue  # "ما لم" (unless); "حالت دون" (prevented)
            if t == "غير" and adjectival:
                adjectival -= 1
                continue
            if t in _PRIVATIVE and other is not None and not _qualifies_shared(toks, i, other):
                continue  # "طائرات بدون طيار" (drones) against a wording that names no aircraft
            if other is None or _in_scope(toks, i, other):
                out.append(written)
        elif t in DENIALS or (t in _CEASING and nxt in _CEASING_FROM):
            if other is None or _in_scope(toks, i, other):
                out.append(t)
    return out


def _in_scope(toks: tuple[str, ...], i: int, other: tuple[str, ...]) -> bool:
    """Whether what the word at position i negates is said by the other wording too: one of the
    three content words around it (before and after), in some form; true when none is there. Not
    when it stands in a clause this wording goes on with after the other has ended (a negation
    stands before what it negates, so one before the shared words still negates them): a partial
    quote ("على متن الطائرة") against the whole one ("... على متن الطائرة. وللأسف لم يبق أحد منهم على
    قيد الحياة") shares nothing the negation negates."""
    if _beyond_other(toks, i, other):
        return False
    near = [t for t in toks[max(0, i - 3):i] + toks[i + 1:i + 4]
            if t not in STOP_WORDS and t not in NEGATIONS and t not in DENIALS and len(t) > 1]
    return not near or any(_alike(t, u) for t in near for u in other)


# A wording this many tokens longer than the other may carry a clause the other does not quote; the
# negation must stand this many tokens past the last word the two share (what it negates follows
# it), and the other end within this many tokens of that word.
_LONGER_BY = 4
_PAST = 1
_OTHER_ENDS = 2
# The other is a quote of part of this wording only when this share of its words stands in it, in order.
_QUOTED_SHARE = 2 / 3


def _beyond_other(toks: tuple[str, ...], i: int, other: tuple[str, ...]) -> bool:
    if len(toks) < len(other) + _LONGER_BY:
        return False
    blocks = [m for m in difflib.SequenceMatcher(None, toks, other, autojunk=False).get_matching_blocks() if m.size]
    if not blocks or sum(m.size for m in blocks) < _QUOTED_SHARE * len(other):
        return False  # the other rebuilds the sentence rather than quoting a part of it
    last = blocks[-1]
    last_a, last_b = last.a + last.size - 1, last.b + last.size - 1
    tail = other[last_b + 1:]
    # what the other says after the last shared word is no more than a particle, a word of this
    # wording or its last word cut short where this one goes on ("... إن شاء الله، ق" of "قال": a
    # text cut at its length): a word of its own there ("تطالب بالحرية" against "تطالب بزيادة المعاش
    # وليس سن المعاش") goes on with another statement, where the negation is the difference
    nxt = toks[last_a + 1:last_a + 1 + _OTHER_ENDS]
    if len(tail) > _OTHER_ENDS or not all(t in STOP_WORDS or any(_alike(t, u) for u in toks)
                                          or (k == len(tail) - 1 and any(u.startswith(t) for u in nxt))
                                          for k, t in enumerate(tail)):
        return False
    return i >= last_a + _PAST


_PARTICLES = frozenset(match_tokens("لا لن لم ليس"))
# "Without" says what the thing before it lacks ("هجوم دون وقوع ضحايا", an attack with no
# casualties; "طائرات بدون طيار", aircraft with no pilot): it negates something of that thing, which a
# wording that does not name the thing says nothing about.
_PRIVATIVE = frozenset(match_tokens("بدون دون بلا without"))


def _qualifies_shared(toks: tuple[str, ...], i: int, other: tuple[str, ...]) -> bool:
    before = [t for t in toks[max(0, i - 3):i] if t not in STOP_WORDS and len(t) > 1]
    # alike whole words: a clipped stem of the other ("ايات" of الولايات) is like too many words
    return not before or any(t == u or (len(u) > 4 and _alike(t, u)) for t in before for u in other)


def _polarity(a: tuple[str, ...], b: tuple[str, ...], text_a: str = "", text_b: str = "") -> Difference | None:
    pa, pb = polarity_words(a, text_a, b), polarity_words(b, text_b, a)
    if any(t in _STOPPING for t in b):
        pa = [w for w in pa if w not in _CEASING]
    if any(t in _STOPPING for t in a):
        pb = [w for w in pb if w not in _CEASING]
    if bool(pa) == bool(pb):
        return None
    words = frozenset(pa or pb)
    denial = next((w for w in (pa or pb) if w in DENIALS), None)
    if denial is not None:
        return Difference(Message("denied or refused in one report ({word})", {"word": denial}), words)
    return Difference(Message("negation dropped") if pa else Message("negation added"), words)


# --- calling off ---------------------------------------------------------------------------------------

def _called_off(a: tuple[str, ...], b: tuple[str, ...]) -> Difference | None:
    """A thing one wording says is called off (cancelled, postponed, frozen, stopped) and the other
    says without: "البرلمان يؤجل التصويت على القانون" / "البرلمان يصوت على القانون". What the verb
    calls off must be said by the other wording; a wording that calls it off too, in other words
    (يعلق / تعليق, يلغي / يحجب, a ban), says the same. Looked at after the other differences: a
    negation or another country in the same pair is the difference it names."""
    ua, ub = _undoing(a, b), _undoing(b, a)
    if bool(ua) == bool(ub) or any(t in CALLING_OFF_TOO for t in (b if ua else a)):
        return None
    word = (ua or ub)[0]
    return Difference(Message("called off in one report ({word})", {"word": word}), frozenset({word}))


def _undoing(toks: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
    return [t for i, t in enumerate(toks) if t in UNDOING
            and (toks[i + 1] if i + 1 < len(toks) else "") not in UNDOING_NOT_BEFORE
            and _governs_shared(toks, i, other) and not _beyond_other(toks, i, other)]


# What a verb of calling off governs: the content word right after it ("يؤجل التصويت على الهدنة"); the
# next one is often another part of the statement ("تلغي الرحلات إلى المدينة").
_GOVERNED = 1


def _governs_shared(toks: tuple[str, ...], i: int, other: tuple[str, ...]) -> bool:
    """Whether the other wording says what the verb at position i calls off: the content word
    after it, in some form (the verbal noun التصويت for the verb يصوت too). A visit called off
    against a wording that names no visit is no cancelled visit, but another statement."""
    governed = [t for t in toks[i + 1:] if t not in STOP_WORDS and len(t) > 1][:_GOVERNED]
    return any(_alike(g, u) or _one_root(g, u) for g in governed for u in other)


def _one_root(x: str, y: str) -> bool:
    """A verbal noun and its verb (تصويت / يصوت, تفتيش / يفتش): their cores, or the words less a
    prefix letter (the ت of تصويت is no suffix), without the long vowels ا and ي after the first
    letter, are one, three letters or more."""
    if x.isascii() or y.isascii():
        return False
    return not _skeletons(x).isdisjoint(_skeletons(y))


@lru_cache(maxsize=100_000)
def _skeletons(word: str) -> frozenset[str]:
    forms = {word, _core(word)}
    if len(word) >= 4 and word[0] in "يتنام":
        forms.add(word[1:])
    out = {f[:1] + "".join(c for c in f[1:] if c not in "اي") for f in forms}
    return frozenset(k for k in out if len(k) >= 3)


# --- opposites, entities, roles ----------------------------------------------------------------------

def _opposite(a: tuple[str, ...], b: tuple[str, ...]) -> Difference | None:
    """A word of one wording whose opposite stands in the other, when each wording holds one side of
    that opposition only: "oil rises" / "oil falls". A wording that names both sides ("gold up as the
    dollar falls") says which thing went which way, which is a matter of roles (``_swapped_roles``),
    not of the predicate; against one that names only one side it is unsure, not opposed. The same
    holds of the words each wording says alone, when the side words they share are set aside."""
    return _one_sided(a, b) or _one_sided(_unshared(a, b), _unshared(b, a))


def _unshared(toks: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens of a wording the other does not have: a side word both wordings hold ("after
    hints of a rate rise, gold falls" / "... gold climbs") is common ground, not the predicate."""
    theirs = set(other)
    return tuple(t for t in toks if t not in theirs)


def _one_sided(part_a: tuple[str, ...], part_b: tuple[str, ...]) -> Difference | None:
    sides_a, sides_b = _sides(part_a), _sides(part_b)
    for n, side_a in sides_a.items():
        if len(side_a) == 1 and sides_b.get(n) == {1 - next(iter(side_a))}:
            side = next(iter(side_a))
            x = next(w for w in part_a if (n, side) in opposition(w))
            y = next(w for w in part_b if (n, 1 - side) in opposition(w))
            return Difference(Message("word changed: {mine} vs {theirs}", {"mine": x, "theirs": y}),
                              frozenset({x, y}))
    return None


def _sides(toks: tuple[str, ...]) -> dict[int, set[int]]:
    """Opposition number (``words.OPPOSITES``) -> the sides of it a wording holds words of, in the
    order the wording first names them."""
    out: dict[int, set[int]] = {}
    for t in toks:
        for n, side in opposition(t):
            out.setdefault(n, set()).add(side)
    return out


@lru_cache(maxsize=50_000)
def entities(toks: tuple[str, ...]) -> tuple[tuple[int, str, str, tuple[str, ...]], ...]:
    """(position, kind, key, tokens) of each named thing of ``words.ENTITIES`` in a token sequence."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        longest = min(ENTITY_LONGEST, n - i) if toks[i] in _ENTITY_FIRST else 1
        for size in range(longest, 0, -1):
            hit = ENTITIES.get(toks[i:i + size])
            if hit is None and size == 1:
                hit = ENTITIES.get((_unpossessed(toks[i]),))  # فيلمها (her film) is a film
            if hit is not None and hit[0] == "rank" and i and toks[i - 1] in _HOUR:
                hit = None  # "الساعة العاشرة" is ten o'clock, a time of day, no rank
            if hit is not None:
                out.append((i, hit[0], hit[1], toks[i:i + size]))
                i += size
                break
        else:
            i += 1
    return tuple(out)


_HOUR = frozenset(match_tokens("الساعة ساعة"))

# Not "ه" (his) alone: normalisation writes the feminine ending ة as ه, and حلبة (a ring) would be
# حلب (Aleppo), قطرة (a drop) قطر (Qatar).
_POSSESSIVE = ("هما", "ها", "هم", "هن")
# First words of the entities of more than one word: only there is a longer entity looked for.
_ENTITY_FIRST = frozenset(k[0] for k in ENTITIES if len(k) > 1)


def _unpossessed(word: str) -> str:
    """An Arabic noun without its possessive pronoun (فيلمها -> فيلم), when three letters remain."""
    for suffix in _POSSESSIVE:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.isascii():
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=50_000)
def named_things(toks: tuple[str, ...], text: str) -> tuple[tuple[int, str, str, tuple[str, ...]], ...]:
    """``entities`` of a wording, a clipped token (``words.ENTITY_CLIPPED``: "بين", between, is also
    what الفلبين folds to) kept only where the text spells a name out, as the name it spells."""
    found = entities(toks)
    if not any(e[3] in ENTITY_CLIPPED for e in found):
        return found
    spelled = normalize(text)
    out = []
    for p, kind, key, words in found:
        if words in ENTITY_CLIPPED:
            hit = next((named for full, named in ENTITY_CLIPPED[words].items() if full in spelled), None)
            if hit is None:
                continue
            kind, key = hit
        out.append((p, kind, key, words))
    return tuple(out)


# The kinds of words.ENTITIES, as a reason names them ("another country: الهند vs الإمارات").
_KINDS = {"country": Message("country"), "city": Message("city"), "currency": Message("currency"),
          "commodity": Message("commodity"), "person": Message("kind of person"), "group": Message("party"),
          "crime": Message("charge"), "period": Message("period"), "work": Message("work"),
          "colour": Message("colour"), "animal": Message("animal"), "ministry": Message("ministry"),
          "rank": Message("rank")}
# Kinds that fill one slot: a country where the other names a city, oil where the other names the dollar.
_SLOTS = {"city": "country", "currency": "commodity"}


def _lies_in(x: tuple[str, str], y: tuple[str, str]) -> bool:
    """Whether one of two (kind, key) names is a city and the other the country it lies in: "flights
    to Cairo" and "flights to Egypt" name one place, not another city."""
    return (x[0] == "city" and y[0] == "country" and CITY_COUNTRY.get(x[1]) == y[1]) or \
        (y[0] == "city" and x[0] == "country" and CITY_COUNTRY.get(y[1]) == x[1])

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")


def _names_en(text: str) -> set[str]:
    """Capitalised words of an English text (not its first word), lower-cased: the names in it."""
    return {w.lower() for m in _CAPITALISED.finditer(text) for w in m.group(1).split()}


def _another_entity(a: tuple[str, ...], b: tuple[str, ...], text_a: str, text_b: str) -> Difference | None:
    """One named thing of a kind in one wording where the other names another of that kind."""
    ea, eb = named_things(a, text_a), named_things(b, text_b)
    keys_a, keys_b = {e[2] for e in ea}, {e[2] for e in eb}
    for _, kind, key, words in ea:
        if key in keys_b:
            continue
        for _, kind_b, key_b, words_b in eb:
            if _SLOTS.get(kind_b, kind_b) == _SLOTS.get(kind, kind) and key_b not in keys_a \
                    and not _lies_in((kind, key), (kind_b, key_b)):
                return Difference(Message("another {kind}: {mine} vs {theirs}",
                                          {"kind": _KINDS[kind], "mine": " ".join(words), "theirs": " ".join(words_b)}),
                                  frozenset(words) | frozenset(words_b))
    if text_a.isascii() and text_b.isascii():
        na, nb = _names_en(text_a) - _names_en(text_b), _names_en(text_b) - _names_en(text_a)
        na = {w for w in na if w in a and w not in b}
        nb = {w for w in nb if w in b and w not in a}
        if na and nb:
            x, y = min(na), min(nb)
            return Difference(Message("another name: {mine} vs {theirs}", {"mine": x, "theirs": y}),
                              frozenset(na | nb))
    return None


_JOINING = STOP_WORDS | frozenset(match_tokens("و and or أو مع with vs versus ضد against"))


@lru_cache(maxsize=50_000)
def _items(toks: tuple[str, ...], text: str) -> tuple[tuple[int, str], ...]:
    """(position, item) of the parts whose order carries roles: named things ("kind:key") and
    opposed words ("~pair:side")."""
    out = [(p, f"{kind}:{key}") for p, kind, key, _ in named_things(toks, text)]
    for p, t in enumerate(toks):
        for n, side in opposition(t):
            out.append((p, f"~{n}:{side}"))
    if text.isascii():
        names = _names_en(text)
        out.extend((p, f"name:{t}") for p, t in enumerate(toks) if t in names and not any(q == p for q, _ in out))
    return tuple(sorted(out))


# Two parts whose order is their roles stand in one clause: a headline put in another order
# ("Syria: many killed in a US raid" / "many killed in a US raid in Syria") moves them further apart.
_ROLE_SPAN = 6


def _swapped_roles(a: tuple[str, ...], b: tuple[str, ...], text_a: str, text_b: str) -> Difference | None:
    """Two parts both wordings name, in the opposite order, linked the same way in both (the words
    between them alike, or a preposition joined to the second), not by a conjunction:
    "a request from South Korea to the US" / "... from the US to South Korea"; "oil up, dollar down" /
    "oil down, dollar up" (the two sides of one opposition change places)."""
    ia, ib = _items(a, text_a), _items(b, text_b)
    first_a: dict[str, int] = {}
    for p, k in ia:
        first_a.setdefault(k, p)
    first_b: dict[str, int] = {}
    for p, k in ib:
        first_b.setdefault(k, p)
    shared = [k for k in first_a if k in first_b]
    for i, x in enumerate(shared):
        for y in shared[i + 1:]:
            kx, ky = x.split(":")[0], y.split(":")[0]
            if _SLOTS.get(kx, kx) != _SLOTS.get(ky, ky):
                continue  # two names of one kind (country, person ...), or the two sides of one opposition
            if {kx, ky} == {"city", "country"}:
                continue  # a city and a country are a place and where it lies more often than two parties
            if max(abs(first_a[x] - first_a[y]), abs(first_b[x] - first_b[y])) > _ROLE_SPAN:
                continue
            if (first_a[x] < first_a[y]) == (first_b[x] < first_b[y]):
                continue
            between_a = _between(a, first_a[x], first_a[y])
            between_b = _between(b, first_b[x], first_b[y])
            if not between_a and not between_b:
                # Side by side in both: a preposition joined to the second ("من كوريا الجنوبية
                # للولايات المتحدة") gives them roles, a conjunction ("فرنسا وألمانيا") none.
                if _conjoined(a, text_a, first_a[x], first_a[y]) or _conjoined(b, text_b, first_b[x], first_b[y]):
                    continue
            elif _joined(a, first_a[x], first_a[y]) or _joined(b, first_b[x], first_b[y]):
                continue
            elif not any(_alike(u, v) for u in between_a for v in between_b):
                continue  # the sentence was rebuilt around them, not the two exchanged in one frame
            wx = a[first_a[x]]
            wy = a[first_a[y]]
            return Difference(Message("roles swapped: {first} and {second}", {"first": wx, "second": wy}),
                              frozenset())
    return None


def _joined(toks: tuple[str, ...], i: int, j: int) -> bool:
    """Nothing but conjunctions and function words between positions i and j (the end of the first
    part's words aside): "France and Germany", "Barcelona vs Sevilla"."""
    lo, hi = min(i, j), max(i, j)
    between = [t for t in toks[lo + 1:hi] if t not in ENTITY_WORDS]
    return all(t in _JOINING for t in between)


ENTITY_WORDS = frozenset(w for k in ENTITIES for w in k)


def _between(toks: tuple[str, ...], i: int, j: int) -> list[str]:
    lo, hi = min(i, j), max(i, j)
    return [t for t in toks[lo + 1:hi] if t not in _JOINING and t not in ENTITY_WORDS and len(t) > 1]


def _conjoined(toks: tuple[str, ...], text: str, i: int, j: int) -> bool:
    """Whether the second of two parts side by side is joined to the first by "and" (a word between
    them in English; the clitic و on the second's first word in Arabic)."""
    lo, hi = min(i, j), max(i, j)
    if any(t in _JOINING for t in toks[lo + 1:hi]):
        return True
    if text.isascii():
        return False
    second = toks[hi]
    for word in re.findall(r"[\w\u0600-\u06ff]+", text):
        folded = match_tokens(word)
        if folded and folded[0] == second and word.startswith("و") and not second.startswith("و"):
            return True
    return False


# --- which thing went which way ---------------------------------------------------------------------

# Words that open another clause of a headline: "gold up, with (مع) the dollar down", "while", "amid".
_CLAUSE_WORDS = frozenset(match_tokens("مع بينما وسط حين and as while with amid but لكن"))
_RAW_WORD = re.compile(r"[\w\u0600-\u06ff]+")


@lru_cache(maxsize=50_000)
def _clauses(text: str) -> tuple[tuple[str, ...], ...]:
    """A headline's tokens cut into its clauses: at a word of ``_CLAUSE_WORDS`` and before a word that
    the conjunction و opens in Arabic ("الإسترليني يهبط | والدولار يصعد")."""
    out: list[list[str]] = [[]]
    for word in _RAW_WORD.findall(text):
        toks = match_tokens(word)
        if not toks:
            continue
        opens = not word.isascii() and word.startswith("و") and not toks[0].startswith("و") and len(word) > 3
        if toks[0] in _CLAUSE_WORDS or opens:
            if out[-1]:
                out.append([])
            if toks[0] in _CLAUSE_WORDS:
                toks = toks[1:]
        out[-1].extend(toks)
    return tuple(tuple(c) for c in out if c)


def _directions(text: str) -> dict[str, dict[int, set[int]]]:
    """Named thing ("kind:key") -> opposition number -> the sides the clauses naming that thing hold:
    "الذهب يصعد مع تراجع الدولار" gives gold the rising side, the dollar the falling one."""
    out: dict[str, dict[int, set[int]]] = {}
    for clause in _clauses(text):
        things = {f"{kind}:{key}" for _, kind, key, _ in named_things(clause, text)}
        if not things:
            continue
        sides = _sides(clause)
        for thing in things:
            for n, side in sides.items():
                out.setdefault(thing, {}).setdefault(n, set()).update(side)
    return out


def _name_of(thing: str, toks: tuple[str, ...], text: str) -> str:
    """The words a wording names a thing ("kind:key") with."""
    return next((" ".join(w) for _, kind, key, w in named_things(toks, text) if f"{kind}:{key}" == thing),
                thing.split(":", 1)[1])


def _directions_swapped(a: tuple[str, ...], b: tuple[str, ...], text_a: str, text_b: str) -> Difference | None:
    """One thing that goes one way in one wording and the other way in the other, each wording
    saying of it one way only, told clause by clause: "gold climbs as the dollar falls" / "gold
    falls as the dollar climbs"; "sterling falls and the dollar climbs" / "a big rise for sterling
    and a sharp fall for the dollar". A wording that names both ways for the whole headline says
    which thing went which way; its clauses say it."""
    if text_a.isascii() != text_b.isascii():
        return None
    da, db = _directions(text_a), _directions(text_b)
    for thing, sides_a in da.items():
        sides_b = db.get(thing)
        if not sides_b:
            continue
        for n, side_a in sides_a.items():
            if len(side_a) == 1 and sides_b.get(n) == {1 - next(iter(side_a))}:
                side = next(iter(side_a))
                x = next((w for w in a if (n, side) in opposition(w)), None)
                y = next((w for w in b if (n, 1 - side) in opposition(w)), None)
                if x is None or y is None:
                    continue
                return Difference(Message("{thing} goes the other way: {mine} vs {theirs}",
                                          {"thing": _name_of(thing, a, text_a), "mine": x, "theirs": y}),
                                  frozenset({x, y}))
    return None


def one_predicate(toks: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """A wording's tokens with each word that stands on the same side of a listed opposition as a
    word of the other wording written as that word: صعود / ارتفاع, استمرار / يواصل are one predicate
    said two ways (the opposites lexicon lists them together), not two words each side says alone."""
    theirs = [(t, sides) for t in dict.fromkeys(other) if t not in toks and (sides := _opposition_of(t))]
    if not theirs:
        return toks
    out = []
    for t in toks:
        mine = _opposition_of(t) if t not in other else ()
        out.append(next((u for u, sides in theirs if not sides.isdisjoint(mine)), t) if mine else t)
    return tuple(out)


def arguments(toks: tuple[str, ...]) -> tuple[str, ...]:
    """A wording's words less those of the opposites lexicon (its predicates and qualifiers): what it
    is about."""
    return tuple(t for t in toks if not _opposition_of(t))


@lru_cache(maxsize=100_000)
def _opposition_of(word: str) -> frozenset[tuple[int, int]]:
    return frozenset(opposition(word))


# --- numbers -----------------------------------------------------------------------------------------

_ABOUT = 0.1  # a hedged "about 450" is 405-495


@dataclass(frozen=True)
class Number:
    value: float
    lo: float
    hi: float
    noun: str  # the word after it: what it counts ("" when nothing follows)
    hedge: str
    grain: float = 0.0  # the place of its last digit that is not 0: 100000 for "400 ألف", 1 for 439491
    said: str = ""  # the words of a count given without digits ("عشرات", "مئات الآلاف"), as a reason shows it


def _grain(value: float, unit: float) -> float:
    if unit <= 0 or value <= 0 or value != int(value):
        return 0.0
    digits, grain = int(round(value / unit)), unit
    while digits and digits % 10 == 0:
        digits, grain = digits // 10, grain * 10
    return grain


@lru_cache(maxsize=50_000)
def numbers(text: str) -> tuple[Number, ...]:
    """The numbers of a text (``similarity.number_items``) as intervals: hedges ("about", "more than",
    "at least", "up to") widen them, a number written to fewer digits covers what it rounds (56 is
    55.5-56.5; at most 5% either way), and each keeps the word after it, what it counts."""
    toks, items = number_items(text)
    low = [t.casefold() for t in toks]
    out: list[Number] = []
    for value, unit, i, j in items:
        before = set(low[max(0, i - 3):i]) | {strip_clitics(w) for w in low[max(0, i - 3):i]}
        r = min(unit / 2, 0.05 * abs(value))
        lo, hi, hedge = value - r, value + r, ""
        if before & HEDGE_AT_LEAST:
            lo, hi, hedge = value, 2 * value, "at least"
        elif before & HEDGE_UP_TO and ("ما" in before or "to" in before):  # "ما يصل إلى", "up to"; not "يصل إلى" (reaches)
            lo, hi, hedge = 0.0, value, "up to"
        elif before & HEDGE_MORE:  # "more than 200" is not "more than 2,000": up to twice the figure
            lo, hi, hedge = value * (1 + 1e-9), 2 * value, "more than"
        elif before & HEDGE_LESS:
            lo, hi, hedge = 0.0, value * (1 - 1e-9), "less than"
        elif before & HEDGE_ABOUT:
            lo, hi, hedge = value * (1 - _ABOUT), value * (1 + _ABOUT), "about"
        noun = ""
        for w in low[j:j + 3]:
            w = w if w.isascii() else strip_clitics(w)
            if w and w not in STOP_WORDS and not w[0].isdigit():
                noun = w
                break
        out.append(Number(value, lo, hi, noun, hedge, _grain(value, unit)))
    return tuple(out)


# Counts given without a figure, each the interval of its order of magnitude: "عشرات" (tens) is 10-99,
# "مئات" 100-999; a scale after one multiplies it ("عشرات الآلاف", tens of thousands). Dozens of dead
# against hundreds of dead is another count. A scale alone ("آلاف", "millions") is a thousand or more,
# open above: outlets write "آلاف المقاتلين" of what another counts in tens of thousands.
_VAGUE = {w: lo for words, lo in (("عشرات العشرات dozens tens", 10), ("مئات المئات hundreds", 100),
                                   ("آلاف الآلاف ألوف thousands", 1e3), ("ملايين الملايين millions", 1e6),
                                   ("مليارات billions", 1e9))
          for w in {strip_clitics(number_text(x)) for x in words.split()}}
_VAGUE_SCALES = {strip_clitics(number_text(w)): v for w, v in (
    ("آلاف", 1e3), ("الآلاف", 1e3), ("ألف", 1e3), ("thousands", 1e3), ("ملايين", 1e6), ("الملايين", 1e6),
    ("millions", 1e6), ("مليارات", 1e9), ("billions", 1e9))}


@lru_cache(maxsize=50_000)
def vague_counts(text: str) -> tuple[Number, ...]:
    """The counts of a text given by their order of magnitude ("عشرات القتلى", "hundreds of homes",
    "مئات الآلاف") as intervals, less the scale words of a written number ("3 آلاف" is 3,000)."""
    toks, items = number_items(text)
    inside = {k for _, _, i, j in items for k in range(i, j)}
    low = [strip_clitics(t.casefold()) if not t.isascii() else t.casefold() for t in toks]
    out: list[Number] = []
    k = 0
    while k < len(low):
        lo = _VAGUE.get(low[k]) if k not in inside else None
        if lo is None:
            k += 1
            continue
        said, hi = [toks[k]], lo * 10 if lo < 1e3 else float("inf")
        nxt = k + 1 + (k + 1 < len(low) and low[k + 1] == "of")  # "tens of thousands"
        if nxt < len(low) and nxt not in inside and low[nxt] in _VAGUE_SCALES and lo < 1e3:
            lo *= _VAGUE_SCALES[low[nxt]]
            hi = lo * 10
            said.extend(toks[k + 1:nxt + 1])
            k = nxt
        noun = next((w for w in low[k + 1:k + 4] if w and w not in STOP_WORDS and not w[0].isdigit()), "")
        out.append(Number(lo, lo, hi, noun, "vague", 0.0, " ".join(said)))
        k += 1
    return tuple(out)


def figure_interval(v) -> Number | None:
    """A figure claim's value as an interval: the hedge before it in its sentence ("نحو 450 ألف") and
    the digits it is written to; None when it has no value."""
    if v.value is None:
        return None
    return _interval(v.value, v.sentence or "", v.text or "")


# Cached by what it reads: ``pairing._given_elsewhere`` asks it of every figure of an article for
# each conflict of two figures, and an import of a crowded day spent 4.7% of its time in the loop.
@lru_cache(maxsize=50_000)
def _interval(value: float, sentence: str, text: str) -> Number:
    for t in (sentence, text):
        for x in numbers(t):
            if x.value == value:
                return x
    return Number(value, value, value, "", "")


def states(sentence: str | None, value: float | None) -> bool:
    """Whether a sentence gives this value (exactly, as one of its numbers)."""
    return value is not None and any(x.value == value for x in numbers(sentence or ""))


def hedged(x: Number, unit: str | None) -> str | Message:
    """A figure as a reason shows it, with its hedge: "about 450000 refugee"."""
    shown = _fmt(x)
    if not unit:
        return shown
    if isinstance(shown, Message):
        return Message("{figure} {unit}", {"figure": shown, "unit": unit})
    return f"{shown} {unit}"


def overlap(x: Number, y: Number) -> bool:
    """Whether two numbers can be the same: their intervals share more than an end (2.5 million,
    2.45-2.55, is not 2.6 million, 2.55-2.65), or they are equal."""
    return x.value == y.value or (x.lo < y.hi and y.lo < x.hi) or _rounds(x, y) or _rounds(y, x)


# A round figure of one digit ("400 ألف", a headline's) rounds a figure written to this many more digits
# ("439491", "أكثر من 439 ألف") to its own last digit: 400 thousand is any of 350-450 thousand then.
# Against a figure as round as itself (9 million / 10 million) it keeps its own few percent.
_ROUNDS_FINER = 100
_ROUND_FROM = 100  # no rounding read into small counts: 3 soldiers are 3


def _rounds(r: Number, e: Number) -> bool:
    """Whether ``r``, a bare round figure of one digit, can be ``e`` rounded to that digit."""
    if r.hedge or r.grain < _ROUND_FROM or r.value >= 10 * r.grain or not e.grain \
            or e.grain * _ROUNDS_FINER > r.grain:
        return False
    return r.value - r.grain / 2 < e.hi and e.lo < r.value + r.grain / 2


def _same_noun(x: str, y: str) -> bool:
    if not x or not y:
        return True  # nothing says they count different things
    return x == y or x.startswith(y[:3]) and y.startswith(x[:3]) or fuzz.ratio(x, y) >= 75


def number_difference(text_a: str, text_b: str) -> Difference | None:
    """A number of one wording that no number of the other can be, for the same counted thing.

    Compared like with like: each number is first matched with any number of the other wording its
    interval overlaps (the same set of values in another order agrees); of what is left, a number
    conflicts only with one that counts the same noun ("5 Saudis" is not "29 defendants").
    """
    xa, xb = numbers(text_a) + vague_counts(text_a), numbers(text_b) + vague_counts(text_b)
    if not xa or not xb:
        return None
    left_a = [x for x in xa if not any(overlap(x, y) for y in xb)]
    left_b = [y for y in xb if not any(overlap(y, x) for x in xa)]
    left_a, left_b = _unswapped(left_a, left_b, text_b)
    left_b, left_a = _unswapped(left_b, left_a, text_a)
    for x in left_a:
        for y in left_b:
            if _same_noun(x.noun, y.noun) and not _year_and_duration(x, y):
                return Difference(Message("numbers differ: {mine} vs {theirs}",
                                          {"mine": [_fmt(x)], "theirs": [_fmt(y)]}), frozenset())
    return None


def _unswapped(mine: list[Number], theirs: list[Number], their_text: str) -> tuple[list[Number], list[Number]]:
    """Set aside a decimal of mine ("8.1") that the other text writes with its two parts swapped
    around a spaced point ("1. 8": right-to-left layout moved the digits), and those two parts of
    theirs: one figure garbled in copying, not two other numbers. "1.8" unspaced is another number."""
    for x in list(mine):
        whole, _, frac = f"{x.value:.10g}".partition(".")
        if not frac or x.value < 0:
            continue
        if re.search(rf"(?<![\d.]){frac}\s*[.,]\s+{whole}(?![\d.])", their_text):
            mine = [m for m in mine if m is not x]
            theirs = [t for t in theirs if t.value not in (float(whole), float(frac))]
    return mine, theirs


# Units of a length of time: "for nine years" counts years, "since 2010" names one.
_DURATIONS = frozenset(match_tokens("عام أعوام اعوام سنة سنوات سنين شهر أشهر شهور أسبوع أسابيع يوم أيام ساعة ساعات "
                                    "year years month months week weeks day days hour hours"))


def _year_and_duration(x: Number, y: Number) -> bool:
    """One number a calendar year, the other a length of time: two quantities, not one figure
    given twice ("since 2010" / "for nine years")."""
    def year(n: Number) -> bool:
        return float(n.value).is_integer() and 1900 <= n.value <= 2100 and n.noun not in _DURATIONS

    return (year(x) and y.noun in _DURATIONS) or (year(y) and x.noun in _DURATIONS)


def _fmt(x: Number) -> str | Message:
    if x.said:
        return x.said
    v = str(int(x.value)) if float(x.value).is_integer() else str(x.value)
    if x.hedge == "about":
        return Message("about {n}", {"n": v})
    if x.hedge == "more than":
        return Message("more than {n}", {"n": v})
    if x.hedge == "less than":
        return Message("less than {n}", {"n": v})
    if x.hedge == "at least":
        return Message("at least {n}", {"n": v})
    if x.hedge == "up to":
        return Message("up to {n}", {"n": v})
    return v


# Calendar names the date tagger knows that are also common words or names: أحد (one), صفر (zero),
# جمعة (an association).
_CALENDAR_COMMON = frozenset(match_tokens("أحد صفر جمعة"))


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """One-word month and weekday names (the date tagger's lexicon): a month or a day in place of
    another in one frame is another occasion ("in Ramadan" / "in Shawwal"), as another country is."""
    from factcheck.extract.lexicon import AR_HIJRI_MONTHS, AR_MONTHS, AR_MONTHS_AMBIGUOUS, AR_WEEKDAYS

    out = set()
    for name in (*AR_MONTHS, *AR_HIJRI_MONTHS, *AR_WEEKDAYS):
        toks = match_tokens(name)
        if " " not in name and name not in AR_MONTHS_AMBIGUOUS and len(toks) == 1:
            out.add(toks[0])
    return frozenset(out) - _CALENDAR_COMMON


def _a_name(word: str) -> bool:
    """A word that names a thing by itself: a one-word entity, a gazetteer name, a month or weekday,
    a nisba adjective; not a word of a longer name (المملكة of المملكة العربية السعودية)."""
    return (word,) in ENTITIES or (word,) in _GAZETTEER_WORDS or word in _calendar_words() or (
        not word.isascii() and len(word) >= 5 and word.endswith(_NISBA) and not word.endswith(("وي", "اوي")))


# --- the whole statement ------------------------------------------------------------------------------

# --- one word in another's place -------------------------------------------------------------------

# The frame a replaced word stands in: this many content words the same, in the same order, around it.
_FRAME = 3


def _replaced_word(a: tuple[str, ...], b: tuple[str, ...]) -> Difference | None:
    """One name or relative adjective in place of another, every other content word the same and
    in the same order: "a Parisian museum lets ..." / "a German museum lets ...", "the Turkish
    economy" / "the world economy" (``_named``: listed entities, gazetteer names, nisba adjectives).
    Only names: outlets swap common words for synonyms in an otherwise copied sentence all the time
    (خلية / شبكة, امرأة / سيدة, ينقذ / يحرر, جدا / للغاية: the real pairs' paraphrases), and the
    matcher cannot tell a synonym from another thing. Spellings and forms of one word are the same
    word (``_alike``); numbers are compared as numbers."""
    ca = [w for w in content(a) if not _numeric(w)]
    cb = [w for w in content(b) if not _numeric(w)]
    if len(ca) != len(cb) or len(ca) < _FRAME + 1:  # one word for one word: as many words each
        return None
    sa = set(ca)
    if not any(_named(y, "") for y in cb if y not in sa):
        return None
    cb = [next((x for x in ca if _alike(x, y)), y) for y in cb]  # one spelling for a word both say
    ops = [op for op in difflib.SequenceMatcher(None, ca, cb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1:
        return None
    tag, i1, i2, j1, j2 = ops[0]
    if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1 or len(ca) - 1 < _FRAME:
        return None
    x, y = ca[i1], cb[j1]
    if x in cb or y in ca or not (_a_name(x) and _a_name(y)):
        return None
    hx, hy = ENTITIES.get((x,)), ENTITIES.get((y,))
    if hx is not None and hy is not None and (hx == hy or _lies_in(hx, hy)):
        return None  # one thing under two names, or a city and its country
    return Difference(Message("another word in the same place: {mine} vs {theirs}", {"mine": x, "theirs": y}),
                      frozenset({x, y}))


# --- the whole statement ------------------------------------------------------------------------------

def difference(a: tuple[str, ...], b: tuple[str, ...], text_a: str, text_b: str) -> Difference | None:
    """The first part two wordings of one statement disagree on, or None: polarity, an opposite
    predicate or qualifier, another entity in the same slot, swapped roles, a number, a thing called
    off, one word in another's place."""
    return (_polarity(a, b, text_a, text_b) or _swapped_roles(a, b, text_a, text_b) or _opposite(a, b)
            or _directions_swapped(a, b, text_a, text_b)
            or _another_entity(a, b, text_a, text_b) or number_difference(text_a, text_b)
            or _called_off(a, b) or _replaced_word(a, b))


def unexplained(a: tuple[str, ...], b: tuple[str, ...], text_a: str = "", text_b: str = "",
                allowed: int = 0) -> tuple[str, str] | None:
    """A content word of each wording that the other does not have in any spelling or form (the two
    words each side says alone, as (mine, theirs)), when that is more than paraphrase accounts for:
    a named thing said by one side only ("shares of Apple" / "cars of Tesla", "the Indian cinema" /
    "the Emirati cinema"), or more such words than ``allowed``. The matcher cannot tell a synonym
    from another thing, so such a pair is at most related."""
    a, b = tuple(w for w in a if not _numeric(w)), tuple(w for w in b if not _numeric(w))
    sa, sb = set(a), set(b)
    only_a = [x for x in dict.fromkeys(a) if x not in sb and not any(_alike(x, y) for y in sb - sa)]
    only_b = [y for y in dict.fromkeys(b) if y not in sa and not any(_alike(y, x) for x in sa - sb)]
    if not only_a or not only_b:
        # A word one wording adds that is the listed opposite of a word both say ("إيقاف تشغيل
        # المحطة", stopping the plant's running, against "تشغيل المحطة") may turn it around: unsure.
        added = _opposes_shared(only_a, sa & sb) if only_a else _opposes_shared(only_b, sa & sb)
        if added is None:
            return None
        return added if only_a else (added[1], added[0])
    named_a = [x for x in only_a if _named(x, text_a)]
    named_b = [y for y in only_b if _named(y, text_b)]
    if named_a or named_b:
        return (named_a or only_a)[0], (named_b or only_b)[0]
    if min(len(only_a), len(only_b)) <= allowed:
        return None
    return only_a[0], only_b[0]


def _opposes_shared(extra: list[str], shared: set[str]) -> tuple[str, str] | None:
    """(an added word, the shared word it is the listed opposite of), or None."""
    for x in extra:
        sides = _opposition_of(x)
        if not sides:
            continue
        for y in shared:
            if any((n, 1 - side) in _opposition_of(y) for n, side in sides):
                return x, y
    return None


_SCALE_WORDS = frozenset(match_tokens("ألف آلاف مليون ملايين مليار مليارات بليون thousand thousands million "
                                      "millions billion billions bn"))


def _numeric(word: str) -> bool:
    """Digits, number words and scales, negations and denials: numbers are compared as numbers
    (``number_difference``), polarity as polarity (``_polarity``)."""
    return word[:1].isdigit() or word in NUMBER_WORDS or word in _SCALE_WORDS or word in NEGATIONS or word in DENIALS


_NISBA = ("ي", "يه", "يين", "يون", "يات")


def _named(word: str, text: str) -> bool:
    """A word that names something: a listed entity or place, an English capitalised word, or an
    Arabic relative adjective (الهندية, الإماراتي: of a country, a people, a faith)."""
    if (word,) in ENTITIES or word in ENTITY_WORDS or (word,) in _GAZETTEER_WORDS or word in _calendar_words():
        return True
    if word.isascii():
        return bool(text) and word in _names_en(text)
    return len(word) >= 5 and word.endswith(_NISBA) and not word.endswith(("وي", "اوي"))


def _gazetteer_words() -> frozenset[tuple[str, ...]]:
    from .names import GAZETTEER

    out = set()
    for spellings in GAZETTEER.values():
        for s in spellings.split("|"):
            toks = tuple(match_tokens(s))
            if len(toks) == 1:
                out.add(toks)
    return frozenset(out)


_GAZETTEER_WORDS = _gazetteer_words()


@lru_cache(maxsize=100_000)
def _core(word: str) -> str:
    return stem_core(word)


@lru_cache(maxsize=200_000)
def _alike(x: str, y: str) -> bool:
    if x == y:
        return True
    if not x.isascii() and _core(x) == _core(y) and len(_core(x)) >= 3:
        return True
    n = min(len(x), len(y))
    if n >= 3 and (x.startswith(y) or y.startswith(x)):
        return True
    if n >= 4:
        common = 0
        for cx, cy in zip(x, y):
            if cx != cy:
                break
            common += 1
        if common >= 4 and common >= 0.7 * n:  # looks / looking
            return True
        return fuzz.ratio(x, y) >= 80
    return False
