"""Candidate retrieval for matching: which stored claims could be the same as this one.

An inverted index kept in the database beside the claims: one row per
(search term, day, claim) in ``claim_terms`` (migration 0003). The terms are
``factcheck.match.search_terms`` of the claim's text and sentence, so the
index holds the same folded forms the matcher compares (ترمب is found under
ترامب, "the U.S." under "usa").

Why a term table and not FTS5 / tsvector: it is the same SQL on SQLite and
PostgreSQL (so both engines return the same candidates, which the labelled set
checks), its primary key (term, day, claim_id) makes the time window part of
the index range scan instead of a filter after a full-text match, and rows are
written in the claim's own transaction, so a crash can never leave the index
out of step with the claims; deleting a claim cascades to its rows.

A lookup first reads how many postings each of its terms has in the window
from ``term_counts`` (per term and week, kept in the same transaction as the
postings: a handful of rows instead of counting postings). It then reads the
postings of the speaker's name, the resolved date and the ``LOOKUP_TERMS``
rarest words, each nearest the claim's day first and at most ``PER_TERM`` on
either side (two range scans of the primary key per term, so the work does
not grow with the number of claims), and ranks the claims by the summed IDF
of the terms they share. Reports of one story cluster within days, so the
nearest postings of a common word are the ones that matter.

``term_counts`` is not decremented when a claim is deleted (the cascade
removes only its postings): the counts then overstate a little, which only
shifts the IDF weights, never which claims can be found.

Cross-language candidates share no words, so each claim is also indexed under
language-neutral keys tagged with its language (speaker names folded across
scripts, names of people and places from the gazetteer, resolved dates,
figures with their unit: ``@trump.ar``, ``#2025-11-10.en``); a second small
query looks up the claim's keys tagged with the *other* languages.

Each claim's matching tokens are stored beside it (``claims.match_key``,
written by ``index_claims``), so candidates come back ready to score.

Since migration 0005 each claim is also indexed under the pairs of adjacent
content words of its text and sentence (``a+b``, looked up with the words
and weighted by their own IDF) and under one wording fingerprint (``=`` +
hash of its text's word set and its speaker's name key): the reports of the
same quote by the same person anywhere in the window come back from one
read, and those with one word fewer from one read per word. The ranked pool
(``RERANK_POOL``) is then cut to ``MAX_CANDIDATES`` by the matcher's own
pre-filter score, read from the stored tokens.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from sqlalchemy import Connection, Dialect, TextClause, delete, inspect, select, text
from sqlalchemy.engine import Compiled
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from ..match import ClaimView, distinct_scores, fingerprint_lookups, fingerprint_term, pair_terms, search_terms, speaker_terms
from ..match.terms import PAIR_SEP
from ..match.names import entities, speaker_index_keys
from ..match.similarity import (STORED_LIMIT, prefilter_key, stems, stored_prefilter_key,
                               stored_tokens)
from ..match.structured import unit_key
from .models import Article, Claim, claim_terms, term_counts

MAX_CANDIDATES = 80  # SHARED_CANDIDATES from the whole window, the rest nearest first
# Cross-language candidates looked up besides the same-language ones, through
# at most NEUTRAL_LOOKUP neutral keys, PER_TERM_OTHER_LANGUAGE postings each side.
MAX_OTHER_LANGUAGE = 10
NEUTRAL_LOOKUP = 4
PER_TERM_OTHER_LANGUAGE = 60
# Terms considered per claim: the first ones of the claim text, then of its sentence...
QUERY_TERMS = 16
# ... of which at most this many, the rarest, are looked up: rare words decide
# the ranking, and every term read costs its postings.
LOOKUP_TERMS = 8
# Postings read per term on each side of the claim's day, nearest first.
# Measured (BENCHMARKS.md, Matching, fifth session), 100 against the 150 of
# before, with RERANK_POOL 160 against 240: at 1M news-like claims the lookup
# took 8.8-12.9 ms at p50 in three runs (13.6 with the old sizes; the machine's
# speed moves that much), every other outlet's report of the
# query's story is still among the candidates and the verdicts against the
# generator's stories are unchanged (same claim recall 0.997); recall@10
# against the brute force falls from 0.569 to 0.523, all of it other stories'
# claims that share a frame. On the template corpus at 100k: 0.999 vs 1.000.
PER_TERM = 100
# Besides, the claims anywhere in the window sharing two of the SHARED_TERMS
# rarest words (read whole when they have at most SHARED_SCAN_CAP postings
# each in the window): up to SHARED_CANDIDATES of them come first. At 1M
# claims this is what keeps recall@10 above 0.95 (0.60 without it, 0.94 with
# 3 terms and 30 candidates) and most of the lookup's cost; 0 turns it off.
SHARED_TERMS = 4
SHARED_SCAN_CAP = 6000
SHARED_CANDIDATES = 50
# Whether word pairs count among those rarest terms: no. Measured at 1M claims
# (BENCHMARKS.md, Matching): the scan over pairs is cheaper but recall@10 falls
# to 0.907 (0.952 over single words; probably because two shared pairs are
# often the two halves of one three-word phrase, weaker evidence than two words).
SHARED_PAIRS = False
# Other terms probed by primary key to rank those claims.
SHARED_PROBES = 6
# ... for at most this many of them, those sharing the most rare words.
SHARED_PROBE_LIMIT = 1000
# Word pairs (``pair_terms``, migration 0005) looked up per claim: the
# PAIR_LOOKUP rarest of the claim's pairs, PER_TERM postings each side of its
# day, in the same ranked lookup as the single words.
PAIR_LOOKUP = 6
# The same-language lookup ranks up to RERANK_POOL claims by summed IDF (the
# postings it reads are the same whatever this is), then keeps the
# MAX_CANDIDATES best by the matcher's own pre-filter score (token_set_ratio
# of the stored content words): the IDF sum favours a claim sharing one rare
# place name over one sharing most of the wording, which is what the matcher
# (and the brute-force scan it is measured against) ranks first. See PER_TERM
# for why 160.
RERANK_POOL = 160
# Reports of the same wording (by the same speaker) anywhere in the window,
# through the wording fingerprints (``fingerprint_lookups``): at most this
# many, nearest the claim's day first, go into the pool ahead of the rest.
FINGERPRINT_LIMIT = 100
# A window of at most this many claims (term_counts' all-claims rows of its weeks, so a little
# over) is read whole: every claim sharing a term with the claim is a candidate, with no ranking
# and no cap, so which claims meet does not depend on what else is stored, and the stored matches
# are the same in any arrival order (issue 18). A window over it is crowded: the nearest and
# rarest postings are read (the caps above). Measured (BENCHMARKS.md, issue 18, item 2): a cap on
# the claim's postings instead (5,000) read whole windows of 7,700 claims at 100k generated claims
# (881 candidates a claim, 106 ms); 2,000 claims is a desk's four weeks at 70 claims a day.
EXACT_CLAIMS = 2000
# Languages whose claims are indexed under language-neutral keys.
LANGUAGES = ("ar", "en")
# Neutral keys of people, places and figures are looked up this many days
# around the claim (the same news, reported the same days); resolved dates
# over the whole window.
NEAR_DAYS = 2
_EPOCH = date(1970, 1, 1)
TOTAL = ""  # the term_counts row that counts every claim of a week

# Through SQLAlchemy, for migration 0013; the pipeline adds counts through the driver (``add_counts``).
_UPSERT_COUNTS = text(
    "INSERT INTO term_counts (term, week, n) VALUES (:term, :week, :n) "
    "ON CONFLICT (term, week) DO UPDATE SET n = term_counts.n + excluded.n"
)


def day_number(when: datetime | None) -> int:
    """Days since 1970-01-01 (UTC) of a publication time."""
    if when is None:
        return 0
    if isinstance(when, str):  # SQLite through a plain text() query
        when = datetime.fromisoformat(when)
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)
    return (when.date() - _EPOCH).days


def terms_for(text_: str, sentence: str, speaker: str | None = None, limit: int = 64) -> list[str]:
    """Index terms of one claim: its speaker's name, its own words, then its sentence's, each once."""
    out: list[str] = []
    seen: set[str] = set()
    for t in (speaker_terms(speaker) + search_terms(text_ or "", max_terms=limit)
              + search_terms(sentence or "", max_terms=limit)):
        if t not in seen and len(t) <= 64:
            seen.add(t)
            out.append(t)
    return out[:limit]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def neutral_keys(kind: str | None, sentence: str | None, speaker: str | None, date_value: str | None,
                 value: float | None, unit: str | None) -> tuple[list[str], list[str]]:
    """Language-neutral keys of a claim: (looked up near its day, looked up over the window)."""
    near = ["@" + k for k in speaker_index_keys(speaker)]
    near.extend("@" + k for k in sorted(entities(sentence or ""))[:6] if "@" + k not in near)
    if value is not None and math.isfinite(value):
        near.append(f"#{_number(value)} {unit_key(unit) or ''}".strip()[:50])
    far = [f"#{date_value}"] if date_value else []
    return near, far


def _tag(key: str, lang: str) -> str:
    return f"{key}.{lang}"[:64]


def added_terms(text_: str | None, sentence: str | None, speaker: str | None) -> list[str]:
    """The terms migration 0005 added: adjacent word pairs and the wording fingerprint."""
    fp = fingerprint_term(text_ or "", speaker)
    return pair_terms(text_ or "", sentence or "") + ([fp] if fp else [])


def postings_terms(text_: str, sentence: str, speaker: str | None, kind: str | None = None,
                   language: str | None = None, date_value: str | None = None,
                   value: float | None = None, unit: str | None = None) -> list[str]:
    """Every term one claim is indexed under: its words, and its neutral keys tagged with its language."""
    return list(_terms(text_ or "", sentence or "", speaker, kind, language, date_value, value, unit).postings)


@dataclass(frozen=True)
class ClaimTerms:
    """The terms of one claim, worked out once: what it is indexed under and what its lookup reads."""

    postings: tuple[str, ...]  # every term it is indexed under (``postings_terms``)
    query: tuple[str, ...]  # its words ranked by the lookup (``terms_for``, QUERY_TERMS of them)
    near: tuple[str, ...]  # its neutral keys looked up near its day, untagged (``neutral_keys``)
    far: tuple[str, ...]  # ... and over the whole window
    pairs: tuple[str, ...]  # its adjacent word pairs (``pair_terms``)


# Measured (BENCHMARKS.md, issue 18, item 1): each stored claim's terms were worked out once to
# index it and once or twice more for its own lookup (each window read), 5,816 calls for 2,814
# claims. The terms are a function of these fields: the lookup that follows the indexing, and the
# event window's read after the publication window's, find them here.
@lru_cache(maxsize=4096)
def _terms(text_: str, sentence: str, speaker: str | None, kind: str | None, language: str | None,
           date_value: str | None, value: float | None, unit: str | None) -> ClaimTerms:
    postings = terms_for(text_, sentence, speaker) + added_terms(text_, sentence, speaker)
    lang = (language or "").split("-")[0]
    near: list[str] = []
    far: list[str] = []
    if lang in LANGUAGES:
        near, far = neutral_keys(kind, sentence, speaker, date_value, value, unit)
        postings.extend(dict.fromkeys(_tag(k, lang) for k in near + far))
    return ClaimTerms(tuple(postings), tuple(terms_for(text_, sentence, speaker, QUERY_TERMS)), tuple(near),
                      tuple(far), tuple(pair_terms(text_, sentence)))


def claim_terms_of(c: Claim) -> ClaimTerms:
    """``ClaimTerms`` of a claim row."""
    return _terms(c.text or "", c.sentence or "", c.speaker, c.kind, c.language, c.date_value, c.value, c.unit)


def count_rows(postings: Iterable[Sequence], sign: int = 1) -> list[tuple[str, int, int]]:
    """term_counts increments (term, week, n) for postings (term, day, claim_id, ...), plus the
    all-claims row, sorted so concurrent writers take the row locks in one order (no deadlock)."""
    counts: Counter[tuple[str, int]] = Counter()
    claims_per_week: dict[int, set[int]] = {}
    for term, day, claim_id, *_ in postings:
        week = day // 7
        counts[(term, week)] += sign
        claims_per_week.setdefault(week, set()).add(claim_id)
    for week, ids in claims_per_week.items():
        counts[(TOTAL, week)] += sign * len(ids)
    return [(t, w, n) for (t, w), n in sorted(counts.items()) if n]


def posting_days(day: int, event_day: int | None) -> tuple[int, ...]:
    """The days a claim is indexed under: its publication's, and its event's when it dates one.

    Indexed under its event's day too, a November claim about an August raid is found by the
    August reports' own lookups (around their publication) when they are stored after it: an
    archive imported later finds the pairs the claim would have found (matching is symmetric in
    arrival order).
    """
    return (day,) if event_day is None or event_day == day else (day, event_day)


_INSERT_POSTINGS = "INSERT INTO claim_terms (term, day, claim_id, feed_id) VALUES (?, ?, ?, ?)"
_COPY_POSTINGS = "COPY claim_terms (term, day, claim_id, feed_id) FROM STDIN"
_ADD_COUNTS = ("INSERT INTO term_counts (term, week, n) VALUES (?, ?, ?) "
               "ON CONFLICT (term, week) DO UPDATE SET n = term_counts.n + excluded.n")
# On PostgreSQL the rows go as three arrays in one statement, inserted in their (sorted) order:
# psycopg's executemany is one round trip a row, 72,790 of them in 300 real articles' import
# (BENCHMARKS.md, "Throughput on real copy, sixteenth session"). Each (term, week) is once in
# ``rows`` (count_rows and index_claims sum them), as ON CONFLICT DO UPDATE needs of one statement.
_ADD_COUNTS_ARRAYS = ("INSERT INTO term_counts (term, week, n) "
                      "SELECT term, week, n FROM unnest(%s::text[], %s::integer[], %s::integer[]) "
                      "WITH ORDINALITY AS r(term, week, n, i) ORDER BY i "
                      "ON CONFLICT (term, week) DO UPDATE SET n = term_counts.n + excluded.n")


def write_postings(conn: Connection, rows: Sequence[tuple[str, int, int, int]]) -> None:
    """Insert postings (term, day, claim_id, feed_id) on ``conn``, in its transaction, by the
    driver's bulk path: PostgreSQL (psycopg) COPY, else an executemany of plain tuples.

    Measured (BENCHMARKS.md, issue 18, item 1): through ``insert(claim_terms)`` with a dict per
    row, SQLAlchemy's per-row parameter building cost about 4 s of 22.6 for 150 articles' import,
    more than the database's own work; the rows and the transaction are the same.
    """
    if not rows:
        return
    dbapi = conn.connection.dbapi_connection
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        with dbapi.cursor() as cur, cur.copy(_COPY_POSTINGS) as copy:
            for row in rows:
                copy.write_row(row)
        return
    _executemany(conn, _INSERT_POSTINGS, rows)


def add_counts(conn: Connection, rows: Sequence[tuple[str, int, int]]) -> None:
    """Add (term, week, n) to term_counts on ``conn`` (rows sorted by ``count_rows``: lock order)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        terms, weeks, ns = (list(col) for col in zip(*rows))
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            cursor.execute(_ADD_COUNTS_ARRAYS, (terms, weeks, ns))
        finally:
            cursor.close()
        return
    _executemany(conn, _ADD_COUNTS, rows)


def _executemany(conn: Connection, sql: str, rows: Sequence[tuple]) -> None:
    """``sql`` (qmark placeholders) once per row, by the driver: no per-row parameter building in Python."""
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


# One statement for a batch of claims' stored tokens: the ORM's flush wrote one UPDATE a claim, a
# round trip each on PostgreSQL (3,091 in 300 real articles' import, BENCHMARKS.md, "Throughput on
# real copy, sixteenth session"). The pairs go as two arrays, or one JSON array on SQLite.
_MATCH_KEYS_ARRAYS = ("UPDATE claims SET match_key = k.key FROM unnest(%s::integer[], %s::text[]) AS k(id, key) "
                      "WHERE claims.id = k.id")
_MATCH_KEYS_JSON = ("UPDATE claims SET match_key = json_extract(k.value, '$[1]') FROM json_each(?) AS k "
                    "WHERE claims.id = json_extract(k.value, '$[0]')")


def write_match_keys(conn: Connection, keys: Sequence[tuple[int, str]]) -> None:
    """Set ``claims.match_key`` of (claim id, key) pairs on ``conn``, in one statement."""
    if not keys:
        return
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        if conn.dialect.name == "postgresql":
            ids, values = (list(col) for col in zip(*keys))
            cursor.execute(_MATCH_KEYS_ARRAYS, (ids, values))
        else:
            cursor.execute(_MATCH_KEYS_JSON, (json.dumps(keys, ensure_ascii=False),))
    finally:
        cursor.close()


def index_claims(session: Session, claims: Sequence[Claim]) -> None:
    """Write (or rewrite) the index rows and stored tokens of flushed claims, in the caller's transaction."""
    ids = [c.id for c in claims if c.id is not None]
    if not ids:
        return
    old = session.execute(select(claim_terms.c.term, claim_terms.c.day, claim_terms.c.claim_id)
                          .where(claim_terms.c.claim_id.in_(ids))).all()
    if old:
        session.execute(delete(claim_terms).where(claim_terms.c.claim_id.in_(ids)))
    rows: list[tuple[str, int, int, int]] = []
    keys: list[tuple[int, str]] = []
    for c in claims:
        if c.id is None:
            continue
        key = stored_tokens(c.text, c.sentence)
        if key != c.match_key:
            keys.append((c.id, key))
            # Written below, in one statement for the batch: set as the row's committed value so
            # the ORM's flush does not write it again, one UPDATE a claim.
            set_committed_value(c, "match_key", key)
        terms = claim_terms_of(c).postings
        for day in posting_days(day_number(c.published), c.event_day):
            rows.extend((t, day, c.id, c.feed_id) for t in terms)
    conn = session.connection()
    write_match_keys(conn, keys)
    write_postings(conn, rows)
    delta: Counter[tuple[str, int]] = Counter()
    for t, w, n in count_rows(old, -1) + count_rows(rows):
        delta[(t, w)] += n
    add_counts(conn, [(t, w, n) for (t, w), n in sorted(delta.items()) if n])


def index_added_terms(session: Session, batch: int = 5000) -> int:
    """Add the word-pair and fingerprint postings (and their counts) of every stored claim; returns the claims read.

    What migration 0005 runs: only the new rows are written, so upgrading a
    large database does not rebuild the single-word index it already has.
    """
    done, last = 0, 0
    query = text("SELECT id, feed_id, published, text, sentence, speaker FROM claims WHERE id > :last "
                 "ORDER BY id LIMIT :n")
    counts: Counter[tuple[str, int]] = Counter()
    while True:
        rows = session.execute(query, {"last": last, "n": batch}).all()
        if not rows:
            break
        postings = []
        for cid, feed_id, published, text_, sentence, speaker in rows:
            day = day_number(published)
            postings.extend((t, day, cid, feed_id) for t in added_terms(text_, sentence, speaker))
        write_postings(session.connection(), postings)
        for t, day, _, _ in postings:
            counts[(t, day // 7)] += 1
        done += len(rows)
        last = rows[-1][0]
    add_counts(session.connection(), [(t, w, n) for (t, w), n in sorted(counts.items())])
    return done


_COUNTS_SQL = "SELECT term, sum(n) FROM term_counts WHERE term IN :terms AND week BETWEEN :lo AND :hi GROUP BY term"


def _window_counts(session: Session, terms: list[str], lo: int, hi: int) -> dict[str, int]:
    stmt, params = _listed(session, _COUNTS_SQL, "terms", terms + [TOTAL])
    return {t: int(n) for t, n in _fetch(session, stmt, {**params, "lo": lo // 7, "hi": hi // 7})}


def _exact(weight: float) -> int:
    """A term's weight in thousandths (the weights are rounded to 3 decimals), summed as integers.

    Summed as floating point, two claims whose weights add up to the same value could rank either
    way (0.1 + 0.2 > 0.3), and the engines add a claim's postings in different orders: SQLite and
    PostgreSQL returned the same candidates in another order, and the shortlist cut there (bench/
    match.py on 300 real articles: "supports found" 0.750 against 1.000 on the same stored rows).
    Integers add up exactly in any order, so equal sums tie and the statement's tie-breaks decide.
    """
    return int(round(weight * 1000))


@lru_cache(maxsize=64)
def _ranked_stmt(n_terms: int) -> TextClause:
    """The lookup statement for ``n_terms`` terms (built once per size: parsing it costs more than running it).

    Each term's postings carry its weight as a bound value, so ranking is a sum
    per claim; a CASE over the terms on every posting cost 0.4 of 1.75 ms per
    lookup at 1M claims.
    """
    parts = []
    for i in range(n_terms):
        for j, (rng, order) in enumerate(((":d AND :hi", "ASC"), (":lo AND :d1", "DESC"))):
            parts.append(
                f"SELECT * FROM (SELECT claim_id, day, CAST(:w{i} AS INTEGER) AS w FROM claim_terms "
                f"WHERE term = :t{i} AND day BETWEEN {rng} AND feed_id != :feed AND claim_id != :me "
                f"ORDER BY day {order} LIMIT :k) p{i}_{j}")
    return text(
        f"SELECT claim_id FROM ({' UNION ALL '.join(parts)}) postings "
        "GROUP BY claim_id ORDER BY sum(w) DESC, max(day) DESC, claim_id DESC LIMIT :limit"
    )


@lru_cache(maxsize=64)
def _shared_stmt(n_rare: int, n_probe: int) -> TextClause:
    """Claims holding at least two of the ``n_rare`` rarest terms anywhere in the window, ranked
    by the weights of those and of the ``n_probe`` other terms (probed by primary key)."""
    rare = ", ".join(f":r{i}" for i in range(n_rare))
    rare_w = " ".join(f"WHEN :r{i} THEN CAST(:rw{i} AS INTEGER)" for i in range(n_rare))
    probes = " + ".join(
        f"CASE WHEN EXISTS (SELECT 1 FROM claim_terms x WHERE x.term = :p{i} AND x.day = h.day "
        f"AND x.claim_id = h.claim_id AND x.feed_id = h.feed_id) THEN CAST(:pw{i} AS INTEGER) ELSE 0 END"
        for i in range(n_probe)) or "0"
    return text(
        "SELECT h.claim_id FROM (SELECT claim_id, day, feed_id, "
        f"sum(CASE term {rare_w} ELSE 0 END) AS w FROM claim_terms "
        f"WHERE term IN ({rare}) AND day BETWEEN :lo AND :hi AND feed_id != :feed AND claim_id != :me "
        "GROUP BY claim_id, day, feed_id HAVING count(*) >= 2 ORDER BY w DESC LIMIT :probe_limit) h "
        f"ORDER BY h.w + {probes} DESC, h.day DESC, h.claim_id DESC LIMIT :limit"
    )


def _shared(session: Session, weights: dict[str, float], lo: int, hi: int, claim: Claim, limit: int) -> list[int]:
    """Claims of other feeds anywhere in the window sharing at least two of the claim's three
    rarest words, best summed weight first.

    The nearest-first lookup (``_ranked``) misses a report of the same wording
    a week away when all its words are common; the combination of two rare-ish
    words is not, so this reads the rarest terms' postings in the whole window
    (at most ``SHARED_SCAN_CAP`` each) and probes the others by primary key.
    """
    order = sorted(weights, key=lambda t: -weights[t])
    rare = order[:SHARED_TERMS]
    probe = order[SHARED_TERMS:][:SHARED_PROBES]
    params: dict[str, object] = {"lo": lo, "hi": hi, "feed": claim.feed_id, "me": claim.id or -1, "limit": limit,
                                 "probe_limit": SHARED_PROBE_LIMIT}
    for i, t in enumerate(rare):
        params[f"r{i}"], params[f"rw{i}"] = t, _exact(weights[t])
    for i, t in enumerate(probe):
        params[f"p{i}"], params[f"pw{i}"] = t, _exact(weights[t])
    return [r[0] for r in _fetch(session, _shared_stmt(len(rare), len(probe)), params)]


def _ranked(session: Session, weights: dict[str, float], lo: int, hi: int, claim: Claim, limit: int,
            day: int, per_term: int) -> list[int]:
    """Claims of other feeds holding the weighted terms, best summed weight first.

    Each term's postings are read nearest the claim's day first, at most
    ``per_term`` on each side: two range scans of the primary key per term, so
    the work is bounded however common the term is. A rare term is read whole;
    of a common one, the reports closest in time (where the same story is)
    come first.
    """
    params: dict[str, object] = {"lo": lo, "hi": hi, "d": day, "d1": day - 1, "feed": claim.feed_id,
                                 "me": claim.id or -1, "limit": limit, "k": per_term}
    for i, (t, w) in enumerate(weights.items()):
        params[f"t{i}"], params[f"w{i}"] = t, _exact(w)
    return [r[0] for r in _fetch(session, _ranked_stmt(len(weights)), params)]


_FINGERPRINT_SQL = (
    "SELECT claim_id FROM claim_terms WHERE term IN :fps AND day BETWEEN :lo AND :hi AND feed_id != :feed "
    "AND claim_id != :me ORDER BY abs(day - :d), claim_id DESC LIMIT :n"
)


def _same_wording(session: Session, claim: Claim, lo: int, hi: int, day: int) -> list[int]:
    fps = fingerprint_lookups(claim.text or "", claim.speaker) if FINGERPRINT_LIMIT else []
    if not fps:
        return []
    stmt, params = _listed(session, _FINGERPRINT_SQL, "fps", fps)
    params.update({"lo": lo, "hi": hi, "d": day, "feed": claim.feed_id, "me": claim.id or -1, "n": FINGERPRINT_LIMIT})
    return list(dict.fromkeys(r[0] for r in _fetch(session, stmt, params)))


# The lookup's reads go to the driver's cursor, each statement compiled once per
# dialect: SQLAlchemy's result rows cost ~3 us a row on top of the driver's, and
# a lookup reads some 500 rows (measured at 1M claims: 1.29 against 1.04 ms for
# the 80 views). Reads only, on the session's own connection and transaction.
@lru_cache(maxsize=256)
def _compiled(stmt: TextClause, dialect: Dialect) -> Compiled:
    return stmt.compile(dialect=dialect)


def _fetch(session: Session, stmt: TextClause, params: dict) -> list[tuple]:
    """The rows of a read-only ``text()`` statement, as the driver's tuples."""
    if session.autoflush:  # as session.execute would: claims added in this session are found
        session.flush()
    conn = session.connection()
    compiled = _compiled(stmt, conn.dialect)
    values = compiled.construct_params(params)
    if compiled.positiontup:
        values = [values[name] for name in compiled.positiontup]
    cursor = conn.connection.cursor()
    try:
        cursor.execute(compiled.string, values)
        return cursor.fetchall()
    finally:
        cursor.close()


# Lists (hundreds of claim ids, dozens of terms per lookup) are bound as one
# value: a JSON array read by json_each on SQLite, an array on PostgreSQL. An
# expanded ``IN (?, ?, ...)`` renders one parameter per item at every
# execution; one value is one statement text whatever the count. Measured at 1M
# claims: reading the re-rank's keys and the views cost 2.6-3.3 ms per lookup
# expanded, 2.0-2.5 ms so.
_LISTS = {"sqlite": "(SELECT value FROM json_each(:{name}))",
          "postgresql": "(SELECT unnest(CAST(:{name} AS {type}[])))"}


@lru_cache(maxsize=16)
def _with_list(sql: str, name: str, sql_type: str, dialect: str) -> TextClause:
    """``sql`` with its ``IN :name`` reading the list as one bound value (see ``_listed``)."""
    return text(sql.replace(f":{name}", _LISTS[dialect].format(name=name, type=sql_type)))


def _listed(session: Session, sql: str, name: str, values: Sequence, sql_type: str = "text") -> tuple[TextClause, dict]:
    """The statement and parameters that run ``sql`` (``... IN :name``) for these values."""
    dialect = session.get_bind().dialect.name
    return (_with_list(sql, name, sql_type, dialect),
            {name: json.dumps(list(values), ensure_ascii=False) if dialect == "sqlite" else list(values)})


def _ids(session: Session, sql: str, ids: Sequence[int]) -> tuple[TextClause, dict]:
    """The statement and parameters that run ``sql`` (``... IN :ids``) for these claim ids."""
    return _listed(session, sql, "ids", ids, "bigint")


_KEYS_SQL = "SELECT id, match_key FROM claims WHERE id IN :ids"


def _rerank(session: Session, claim: Claim, ids: list[int], limit: int) -> list[int]:
    """The ``limit`` best of ``ids`` by the matcher's pre-filter score, ties in the given (IDF) order."""
    if len(ids) <= limit:
        return ids
    keys = dict(_fetch(session, *_ids(session, _KEYS_SQL, ids)))
    query = prefilter_key(stems(claim.text or "", STORED_LIMIT), stems(claim.sentence or "", STORED_LIMIT))
    score = distinct_scores(query, [stored_prefilter_key(keys.get(c)) for c in ids])
    # A stable sort: among equal scores the IDF rank (the order of ids) decides.
    return [ids[i] for i in sorted(range(len(ids)), key=lambda i: -score[i])[:limit]]


@dataclass
class Lookup:
    """What one lookup found: candidate ids, and whether every window was read whole (``EXACT_CLAIMS``:
    every claim sharing a term is among them) or crowded (the nearest and rarest postings only)."""

    ids: list[int]
    whole: bool


def candidate_ids(session: Session, claim: Claim, window_days: int, limit: int = MAX_CANDIDATES,
                  event_days: tuple[int, int] = (1, 3)) -> list[int]:
    """Ids of the claims of other feeds in the windows most likely to match ``claim`` (``lookup``)."""
    return lookup(session, claim, window_days, limit, event_days).ids


def lookup(session: Session, claim: Claim, window_days: int, limit: int = MAX_CANDIDATES,
           event_days: tuple[int, int] = (1, 3)) -> Lookup:
    """The claims of other feeds in the windows most likely to match ``claim``.

    The window around its publication (``window_days`` each side) and, for a claim that dates
    its event (``claims.event_day``), the days around the event (``event_days``: before, after),
    each read through the same postings keyed by day; up to ``limit`` from each crowded window
    (the event's first), the ones found in both once.
    """
    day = day_number(claim.published)
    out: list[int] = []
    whole = True
    if claim.event_day is not None:
        before, after = event_days
        lo, hi = claim.event_day - before, claim.event_day + after
        if lo < day - window_days or hi > day + window_days:  # not already inside the publication's window
            out, whole = _window_ids(session, claim, claim.event_day, lo, hi, limit)
    ids, whole_too = _window_ids(session, claim, day, day - window_days, day + window_days, limit)
    return Lookup(list(dict.fromkeys(out + ids)), whole and whole_too)


def _window_ids(session: Session, claim: Claim, day: int, lo: int, hi: int, limit: int) -> tuple[list[int], bool]:
    """The candidates of one window [lo, hi] of days, nearest ``day`` first where nearness counts,
    and whether the window was read whole.

    The same-language ones share most (IDF-weighted) words; then up to
    ``MAX_OTHER_LANGUAGE`` claims in other languages sharing its neutral keys.
    """
    found = claim_terms_of(claim)
    terms = list(found.query)
    lang = (claim.language or "").split("-")[0]
    others = [x for x in LANGUAGES if x != lang] if lang in LANGUAGES else []
    near, far = found.near, found.far
    near_terms = [_tag(k, x) for k in near for x in others]
    far_terms = [_tag(k, x) for k in far for x in others]
    # The resolved date and the figure with its unit, in the claim's own language, rank like rare
    # words: two reports of one dated event share the date, of one count the figure ("30 قتيلا",
    # "ثلاثين قتيلا"), whatever their wording.
    terms = terms + [_tag(k, lang) for k in far] + [_tag(k, lang) for k in near if k.startswith("#")]
    pairs = list(found.pairs) if PAIR_LOOKUP else []
    # Every term the claim is indexed under, and its neutral keys in the other languages: what a
    # lookup that misses nothing reads (see EXACT_CLAIMS).
    every = list(dict.fromkeys([*found.postings, *near_terms, *far_terms]))
    if not every:
        return [], True
    counts = _window_counts(session, list(dict.fromkeys(every + terms + pairs)), lo, hi)
    if counts.get(TOTAL, 0) <= EXACT_CLAIMS:
        return _every_sharer(session, claim, every, lo, hi), True
    total = max(counts.get(TOTAL, 0), 1)

    out: list[int] = []
    # The rarest terms decide the ranking; very common ones add only cost. The
    # speaker's name is always looked up: another statement by the same person
    # on the same days is a match ("related") even with no word in common.
    names = [t for t in speaker_terms(claim.speaker) if counts.get(t, 0) > 0][:2]
    kept = names + sorted((t for t in terms if counts.get(t, 0) > 0 and t not in names),
                          key=lambda t: counts[t])[:LOOKUP_TERMS]
    # The rarest word pairs rank with the words: a claim holding the same two
    # adjacent words gains the pair's (high) weight on top of both words'.
    kept += sorted((t for t in pairs if counts.get(t, 0) > 0), key=lambda t: counts[t])[:PAIR_LOOKUP]
    weights = {t: round(math.log((total + 1) / (counts[t] + 0.5)), 3) for t in kept}
    if weights:
        shared_weights = weights if SHARED_PAIRS else {t: w for t, w in weights.items() if PAIR_SEP not in t}
        rarest = sorted(shared_weights, key=lambda t: counts[t])[:SHARED_TERMS]
        if len(rarest) >= 2 and sum(counts[t] for t in rarest) <= SHARED_SCAN_CAP * SHARED_TERMS:
            out = _shared(session, shared_weights, lo, hi, claim, SHARED_CANDIDATES)
        out = list(dict.fromkeys(_same_wording(session, claim, lo, hi, day) + out))
        seen_ids = set(out)
        pool = max(limit, RERANK_POOL)
        out.extend(c for c in _ranked(session, weights, lo, hi, claim, pool, day, PER_TERM) if c not in seen_ids)
        out = _rerank(session, claim, out[:pool], limit)
    # Rarest neutral keys first (a place or a figure says more than a frequent speaker).
    other_lang = {t: 1.0 for t in sorted((t for t in near_terms if counts.get(t, 0) > 0),
                                         key=lambda t: counts[t])[:NEUTRAL_LOOKUP]}
    other_far = {t: 1.0 for t in far_terms if counts.get(t, 0) > 0}
    if other_lang or other_far:
        seen = set(out)
        found: Counter[int] = Counter()
        if other_lang:
            for cid in _ranked(session, other_lang, max(lo, day - NEAR_DAYS), min(hi, day + NEAR_DAYS), claim,
                               MAX_OTHER_LANGUAGE, day, PER_TERM_OTHER_LANGUAGE):
                found[cid] += 2
        if other_far:
            for cid in _ranked(session, other_far, lo, hi, claim, MAX_OTHER_LANGUAGE, day, PER_TERM_OTHER_LANGUAGE):
                found[cid] += 1
        out.extend(cid for cid, _ in found.most_common(MAX_OTHER_LANGUAGE) if cid not in seen)
    return out, False


_SHARERS_SQL = ("SELECT DISTINCT claim_id FROM claim_terms WHERE term IN :terms AND day BETWEEN :lo AND :hi "
                "AND feed_id != :feed AND claim_id != :me ORDER BY claim_id")

# On PostgreSQL the terms as one array in the index condition (``term = ANY``): one scan of the
# primary key with the array's keys, where the list read through unnest is a join of 50-70 scans.
# Measured (BENCHMARKS.md, "Throughput on real copy, eighteenth session"): 1.35-1.58 ms against
# 1.87-2.49 ms a window of 300 real articles' claims, the same claims returned.
_SHARERS_ANY = text("SELECT DISTINCT claim_id FROM claim_terms WHERE term = ANY(CAST(:terms AS text[])) "
                    "AND day BETWEEN :lo AND :hi AND feed_id != :feed AND claim_id != :me ORDER BY claim_id")


def _every_sharer(session: Session, claim: Claim, terms: list[str], lo: int, hi: int) -> list[int]:
    """Every claim of another feed indexed in [lo, hi] under one of ``terms``: no ranking, no cap.

    Sharing a term reads the same from both claims (each is indexed under the terms, and the
    neutral keys in its own language, that the other looks up, on the days the other reads), so
    of two claims stored one after the other the second finds the first, whichever it is.
    """
    if session.get_bind().dialect.name == "postgresql":
        stmt, params = _SHARERS_ANY, {"terms": list(terms)}
    else:
        stmt, params = _listed(session, _SHARERS_SQL, "terms", terms)
    params.update({"lo": lo, "hi": hi, "feed": claim.feed_id, "me": claim.id or -1})
    return [r[0] for r in _fetch(session, stmt, params)]


def candidates(session: Session, claim: Claim, window_days: int, limit: int = MAX_CANDIDATES,
               event_days: tuple[int, int] = (1, 3)) -> list[Claim]:
    """The candidate Claim rows, with article and feed loaded (the matcher needs both)."""
    ids = candidate_ids(session, claim, window_days, limit, event_days)
    if not ids:
        return []
    stmt = (select(Claim).where(Claim.id.in_(ids))
            .options(selectinload(Claim.article).selectinload(Article.feed)))
    by_id = {c.id: c for c in session.scalars(stmt)}
    return [by_id[i] for i in ids if i in by_id]


# The article's content hash is read from the claim's own copy (claims.article_hash): joining
# articles for it read, on SQLite, through each article's text and html first (bench/views.py).
_VIEW_SQL = (
    "SELECT c.id, f.name, c.kind, c.text, c.sentence, c.speaker, c.date_value, c.date_grain, c.value, c.unit, "
    "c.published, c.language, c.article_hash, c.match_key, c.event_day, c.date_text "
    "FROM claims c JOIN feeds f ON f.id = c.feed_id "
    "WHERE c.id IN :ids"
)


def candidate_views(session: Session, claim: Claim, window_days: int, limit: int = MAX_CANDIDATES,
                    event_days: tuple[int, int] = (1, 3)) -> list[ClaimView]:
    """The candidates as the matcher's ClaimViews, read with one plain query (no ORM objects).

    What the pipeline needs to match a claim: ``best_matches(claim_view(claim),
    candidate_views(...))``; results carry the other claim's id. Each view
    carries its stored tokens, so scoring does not normalise it again.
    """
    return views_by_id(session, candidate_ids(session, claim, window_days, limit, event_days))


def views_by_id(session: Session, ids: list[int]) -> list[ClaimView]:
    """These claims as the matcher's ClaimViews, in the order of ``ids`` (missing ones left out)."""
    if not ids:
        return []
    views = {}
    for (cid, source, kind, text_, sentence, speaker, date_value, grain, value, unit, published, lang,
         content_hash, key, event, date_text) in _fetch(session, *_ids(session, _VIEW_SQL, ids)):
        if isinstance(published, str):
            published = datetime.fromisoformat(published)
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=timezone.utc)
        views[cid] = ClaimView(id=cid, source=source, kind=kind, text=text_, sentence=sentence or "",
                               speaker=speaker, date=date_value, grain=grain, date_text=date_text, value=value,
                               unit=unit, published=published, lang=lang, article_hash=content_hash,
                               match_key=key, event=None if event is None else _EPOCH + timedelta(days=event))
    return [views[i] for i in ids if i in views]


_ARTICLE_CLAIMS_SQL = "SELECT id FROM claims WHERE article_hash IN :hashes ORDER BY id"


def views_of_articles(session: Session, hashes: Sequence[str]) -> list[ClaimView]:
    """The claims of the articles with these content hashes (syndicated copies included), as views
    (``ix_claims_article_hash``, migration 0014)."""
    if not hashes:
        return []
    stmt, params = _listed(session, _ARTICLE_CLAIMS_SQL, "hashes", sorted(hashes))
    return views_by_id(session, [r[0] for r in _fetch(session, stmt, params)])


def reindex_all(session: Session, batch: int = 2000) -> int:
    """Rebuild the whole index, its counts and the stored tokens; returns the claims indexed.

    Plain SQL on the columns it needs, so migration 0004 can run it whatever
    columns later migrations add to the claims model.
    """
    session.execute(delete(claim_terms))
    session.execute(delete(term_counts))
    done, last = 0, 0
    # Migration 0004 runs this before 0013 adds claims.event_day: read as no event there.
    has_events = any(c["name"] == "event_day" for c in inspect(session.connection()).get_columns("claims"))
    query = text("SELECT id, feed_id, published, text, sentence, speaker, kind, language, date_value, value, unit, "
                 f"{'event_day' if has_events else 'NULL'} FROM claims WHERE id > :last ORDER BY id LIMIT :n")
    update = text("UPDATE claims SET match_key = :key WHERE id = :id")
    counts: Counter[tuple[str, int]] = Counter()
    while True:
        rows = session.execute(query, {"last": last, "n": batch}).all()
        if not rows:
            break
        postings, keys = [], []
        for cid, feed_id, published, text_, sentence, speaker, kind, language, date_value, value, unit, event in rows:
            terms = postings_terms(text_, sentence, speaker, kind, language, date_value, value, unit)
            for day in posting_days(day_number(published), event):
                postings.extend((t, day, cid, feed_id) for t in terms)
            keys.append({"id": cid, "key": stored_tokens(text_, sentence)})
        write_postings(session.connection(), postings)
        for t, w, n in count_rows(postings):
            counts[(t, w)] += n
        session.execute(update, keys)
        done += len(rows)
        last = rows[-1][0]
    add_counts(session.connection(), [(t, w, n) for (t, w), n in sorted(counts.items())])
    return done
