"""Which matches are stored between claims, and the verdict between two texts, without a database.

The pipeline (``factcheck.store.matching``) and ``factcheck compare`` both call these, so the verdict an
editor asks about on the command line is the one the pipeline would store. What is stored is a
function of the claims alone, never of the order they arrived in (issue 18):

* ``article_rows``: every row between two sets of claims, both ways: each pair the matcher compares
  (``comparable``: judged on the pair alone), the row of each side its own ``verdict`` (or, when only
  the other side finds one, the other's);
* ``best_per_article``: of those, each claim's best row towards each other article (``group_of``:
  syndicated copies of one article count as one), best by ``row_rank``: verdicts first, then score,
  then the other claim's content, so that equal rows are told apart by what they say, not by ids;
* ``matches_of``: one claim's rows against a pool of candidates (what the benchmark scores);
* ``statement_view`` / ``candidate_view``: a claim view built as the pipeline builds it from a stored
  claim (``pipeline.claim_view``), for a statement given alone or for an extracted claim;
* ``compare_pair``: one input line of `factcheck compare` and its verdict.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from ..messages import Message
from .compare import _langs_differ, comparable, compare, verdict_rank, verdicts, with_diff
from .propositions import figure_interval, overlap
from .structured import figures_agree, units_agree
from .types import ClaimView, MatchConfig, MatchResult

_DEFAULT = MatchConfig()

# (claim, other claim, the row claim -> other)
Row = tuple[ClaimView, ClaimView, MatchResult]


def group_of(v: ClaimView) -> str:
    """The article a claim's rows are kept one per: its content hash (the copies of one syndicated
    article, in whichever outlets, are one), or the claim itself when it has none."""
    return v.article_hash or f"#{_ident(v)}"


def _ident(v: ClaimView) -> int:
    return v.id if v.id is not None else id(v)


def content_key(v: ClaimView) -> tuple:
    """A claim by what it says and when: first published first (unknown times last), then outlet and words."""
    published = v.published if v.published is None or v.published.tzinfo else v.published.replace(tzinfo=timezone.utc)
    return (published.timestamp() if published is not None else math.inf, v.source, v.kind, v.text, v.sentence,
            v.speaker or "", v.date or "", v.value is not None, v.value or 0.0, v.unit or "")


def row_rank(result: MatchResult, other: ClaimView) -> tuple:
    """Sort key of a claim's rows towards one article, best first: verdicts (conflicts, supports)
    before related, then by score, then the other claim's content (``content_key``)."""
    return (*verdict_rank(result.relation, result.score), *content_key(other))


def pair_rows(a: ClaimView, b: ClaimView, config: MatchConfig = _DEFAULT) -> list[Row]:
    """The two rows of one compared pair (a -> b, b -> a), or none when neither side finds a match.
    Each side's row is its own verdict, so its reason reads the right way round; when only one side
    finds one, the other side gets that one."""
    ab, ba = verdicts(a, b, config)
    if ab is None and ba is None:
        return []
    return [(a, b, ab if ab is not None else replace(ba, other_id=b.id)),  # type: ignore[arg-type]
            (b, a, ba if ba is not None else replace(ab, other_id=a.id))]  # type: ignore[arg-type]


def article_rows(side: Sequence[ClaimView], others: Sequence[ClaimView], config: MatchConfig = _DEFAULT,
                 memo: dict | None = None, shortlist: bool = False) -> list[Row]:
    """Every row between each claim of ``side`` and the claims of ``others`` it is compared with
    (``comparable``, with its ``shortlist``), both ways; a pair met twice (``others`` may hold claims
    of ``side``) once. ``memo`` (pair -> rows) carries pairs already compared into a later call."""
    memo = {} if memo is None else memo
    seen: set[tuple[int, int]] = set()
    out: list[Row] = []
    for a in side:
        for b in _comparable(a, others, config, memo, shortlist):
            key = _key(a, b)
            if key in seen:
                continue
            seen.add(key)
            if memo.get(key) is None:
                memo[key] = pair_rows(a, b, config)
            out.extend(memo[key])  # type: ignore[arg-type]
    return out


def _key(a: ClaimView, b: ClaimView) -> tuple[int, int]:
    ia, ib = _ident(a), _ident(b)
    return (ia, ib) if ia <= ib else (ib, ia)


def _comparable(a: ClaimView, others: Sequence[ClaimView], config: MatchConfig, memo: dict,
                shortlist: bool) -> list[ClaimView]:
    """``comparable(a, others, config, shortlist)``, asking it only of the pairs ``memo`` does not know.

    Without the shortlist a pair is compared or not on the pair alone, the same from either side
    (``comparable``), so a pair met before is known: its rows (compared) or None (not comparable,
    recorded here). Between linked articles each pair is met from both articles' claims, and
    choosing them was 14% of the import's time (BENCHMARKS.md, issue 18). A shortlist depends on
    the other candidates: asked afresh.
    """
    if shortlist:
        return comparable(a, others, config, shortlist)
    fresh = [b for b in others if _key(a, b) not in memo]
    kept = {id(b) for b in comparable(a, fresh, config)}
    for b in fresh:
        if id(b) not in kept:
            memo[_key(a, b)] = None
    passed = [b for b in others if id(b) in kept or memo[_key(a, b)] is not None]
    # comparable's order: the other language's candidates first, then the same language's.
    return [b for b in passed if _langs_differ(a, b)] + [b for b in passed if not _langs_differ(a, b)]


_VALUED = ("date", "figure")


def best_per_article(rows: Iterable[Row], config: MatchConfig = _DEFAULT,
                     articles: Mapping[str, Sequence[ClaimView]] | None = None) -> list[Row]:
    """Of each claim's rows, the best towards each other article (``group_of``, ``row_rank``), with
    the word diff of the kept quotes; best first for each claim.

    ``articles``: every claim of each article of the rows (``group_of`` -> claims), for what an article
    gives elsewhere; by default the claims the rows name."""
    rows = list(rows)
    if articles is None:
        grouped: dict[str, dict[int, ClaimView]] = {}
        for claim, other, _ in rows:
            for v in (claim, other):
                grouped.setdefault(group_of(v), {})[_ident(v)] = v
        articles = {g: list(vs.values()) for g, vs in grouped.items()}
    rows = [(claim, other, _given_elsewhere(claim, other, r, articles)) for claim, other, r in rows]
    # Like with like across articles: a date or figure that the other article gives too (a support
    # between them) is not contradicted by the other dates and figures of either article ("bonds of
    # 5, 7 and 10 years": one report's 7 against the other's 10, or its 10 against the other's 7).
    agreed = [(claim, other) for claim, other, r in rows
              if r.relation == "supports" and claim.kind in _VALUED and other.kind == claim.kind]
    given_there = {(_ident(claim), group_of(other)) for claim, other in agreed}
    given_here = {(group_of(claim), _ident(other)) for claim, other in agreed}
    best: dict[tuple[int, str], tuple[tuple, Row]] = {}
    for claim, other, r in rows:
        key, rank = (_ident(claim), group_of(other)), row_rank(r, other)
        if r.relation == "conflicts" and claim.kind in _VALUED and (
                key in given_there or (group_of(claim), _ident(other)) in given_here):
            continue
        if key not in best or rank < best[key][0]:
            best[key] = (rank, (claim, other, r))
    kept = sorted(best.values(), key=lambda x: (_ident(x[1][0]), x[0]))
    return [(claim, other, with_diff(r, claim, other, config)) for _, (claim, other, r) in kept]  # type: ignore[misc]


def _given_elsewhere(claim: ClaimView, other: ClaimView, r: MatchResult,
                     articles: Mapping[str, Sequence[ClaimView]]) -> MatchResult:
    """A conflict of two figures becomes related when either article gives the other's figure too, in
    a figure claim of its own: "Saturday's takings 19.7 million" against the other report's weekend
    56 million, when the claim's article also says 56 million of the weekend. Both reports then
    agree on both values; the pair is of two things each counts, not two counts of one."""
    if r.relation != "conflicts" or claim.kind != "figure" or other.kind != "figure":
        return r
    def gives(here: ClaimView, there: ClaimView) -> bool:
        return any(_same_figure(v, there) for v in articles.get(group_of(here), ()) if _ident(v) != _ident(here))

    # (each reason a literal template: tests/web/test_match_reasons.py finds every one and its Arabic)
    if gives(claim, other):
        return replace(r, relation="related", why=Message("{why}, but this article gives the other's figure too",
                                                          {"why": r.why}))
    if gives(other, claim):
        return replace(r, relation="related", why=Message("{why}, but the other article gives this figure too",
                                                          {"why": r.why}))
    return r


def _same_figure(v: ClaimView, figure: ClaimView) -> bool:
    if v.kind != "figure" or v.value is None or (units_agree(v.unit, figure.unit) is not True
                                                 and (v.unit or figure.unit)):
        return False  # a figure of another unit, or of none against one with a unit, counts something else
    if figures_agree(v.value, figure.value, 0.0):
        return True
    a, b = figure_interval(v), figure_interval(figure)
    return a is not None and b is not None and overlap(a, b)


def matches_of(mine: ClaimView, candidates: Sequence[ClaimView], config: MatchConfig = _DEFAULT,
               shortlist: bool = False) -> list[tuple[MatchResult, ClaimView]]:
    """The rows ``mine`` gets against ``candidates``: its best towards each of their articles, best
    first (``shortlist``: the candidates of a crowded window, see ``comparable``)."""
    rows = [(c, o, r) for c, o, r in article_rows([mine], candidates, config, shortlist=shortlist) if c is mine]
    return [(r, other) for _, other, r in best_per_article(rows, config)]


def between_articles(claims_a: Sequence[ClaimView], claims_b: Sequence[ClaimView],
                     config: MatchConfig = _DEFAULT) -> list[tuple[ClaimView, ClaimView, MatchResult]]:
    """The rows the pipeline stores between two articles, whichever was stored first: every pair of
    their claims the matcher compares, each claim's best row towards the other article kept."""
    articles: dict[str, list[ClaimView]] = {}
    for v in (*claims_a, *claims_b):
        articles.setdefault(group_of(v), []).append(v)
    return best_per_article(article_rows(claims_b, claims_a, config), config, articles)


def statement_view(id_: int, source: str, text: str, *, speaker: str | None = None,
                   published: datetime | None = None, lang: str | None = None,
                   article_hash: str | None = None) -> ClaimView:
    """One statement given alone, as the pipeline views a stored quote: the statement is its own sentence."""
    return ClaimView(id=id_, source=source, kind="quote", text=text, sentence=text, speaker=speaker or None,
                     published=published, lang=lang, article_hash=article_hash)


def candidate_view(id_: int, source: str, cand: Any, *, published: datetime | None = None,
                   lang: str | None = None, article_hash: str | None = None) -> ClaimView:
    """An extracted claim (``factcheck.extract.ClaimCandidate``, or anything with its fields) as the
    pipeline views it once stored: the article's source, publication time, language and hash."""
    return ClaimView(id=id_, source=source, kind=cand.kind, text=cand.text, sentence=cand.sentence or "",
                     speaker=cand.speaker, date=cand.date, grain=cand.grain, date_text=cand.date_text,
                     value=cand.value, unit=cand.unit, published=published, lang=lang, article_hash=article_hash)


# --- `factcheck compare`: one JSON pair in, one verdict out ------------------------------------

MODES = ("statements", "articles")
_SIDE_FIELDS = {"text", "lang", "published", "source", "speaker"}


class PairError(ValueError):
    """A line of `factcheck compare`'s input that is no pair of texts."""


def _published(value: Any, side: str) -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise PairError(f"{side}.published must be an ISO date or date-time, got {value!r}")
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise PairError(f"{side}.published is not an ISO date or date-time: {value!r}") from None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=timezone.utc)


def read_side(pair: Any, side: str) -> dict[str, Any]:
    """One side of a pair ({"text", "lang", "published", "source", "speaker"?}), checked: text is
    required; the source defaults to the side's name, so the two sides are two outlets."""
    if not isinstance(pair, dict) or not isinstance(pair.get(side), dict):
        raise PairError(f'a pair is {{"a": {{"text": ...}}, "b": {{"text": ...}}}}; "{side}" is missing')
    raw = pair[side]
    unknown = sorted(set(raw) - _SIDE_FIELDS)
    if unknown:
        raise PairError(f"{side}: unknown field(s) {', '.join(unknown)} (known: {', '.join(sorted(_SIDE_FIELDS))})")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise PairError(f"{side}.text must be a non-empty string")
    for name in ("lang", "source", "speaker"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise PairError(f"{side}.{name} must be a string")
    return {"text": text, "lang": raw.get("lang") or None, "source": raw.get("source") or side,
            "speaker": raw.get("speaker") or None, "published": _published(raw.get("published"), side)}


def compare_pair(pair: Any, mode: str, config: MatchConfig = _DEFAULT, *, extract: Any = None,
                 article_hash: Any = None) -> dict[str, Any]:
    """The verdict between the two sides of one input line of `factcheck compare`, as printed.

    ``mode`` "statements": each text is one statement (``statement_view``), compared as the pipeline
    compares two stored quotes. "articles": each text goes through ``extract`` (the extractor:
    ``extract(text, published=..., lang=...)``) and the line is the strongest row the pipeline would
    store between the two articles (``between_articles``), with the two claims it pairs.
    ``article_hash(text)`` is the article's content hash (syndicated copies share it).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    a, b = read_side(pair, "a"), read_side(pair, "b")
    hashes = [article_hash(s["text"]) if article_hash else None for s in (a, b)]
    if mode == "statements":
        va = statement_view(1, a["source"], a["text"], speaker=a["speaker"], published=a["published"],
                            lang=a["lang"], article_hash=hashes[0])
        vb = statement_view(2, b["source"], b["text"], speaker=b["speaker"], published=b["published"],
                            lang=b["lang"], article_hash=hashes[1])
        return _line(compare(va, vb, config))
    if extract is None:
        raise ValueError("articles need an extractor")
    views: list[list[ClaimView]] = []
    next_id = 1
    for s, h in zip((a, b), hashes):
        found = extract(s["text"], published=s["published"], lang=s["lang"])
        views.append([candidate_view(next_id + i, s["source"], c, published=s["published"], lang=s["lang"],
                                     article_hash=h) for i, c in enumerate(found)])
        next_id += len(found)
    rows = between_articles(views[0], views[1], config)
    if not rows:
        return _line(None)
    ids_a = {v.id for v in views[0]}
    # The strongest row; of two as strong, the one read from a's side ("mine vs theirs" = a vs b).
    claim, other, best = min(rows, key=lambda row: (*verdict_rank(row[2].relation, row[2].score),
                                                    row[0].id not in ids_a))
    in_a = claim.id in ids_a
    first, second = (claim, other) if in_a else (other, claim)
    return {**_line(best), "claims": {"a": _claim_json(first), "b": _claim_json(second)},
            "from": "a" if in_a else "b"}


def _claim_json(v: ClaimView) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": v.kind, "text": v.text}
    for name in ("speaker", "date", "value", "unit"):
        value = getattr(v, name)
        if value is not None:
            out[name] = int(value) if name == "value" and float(value).is_integer() else value
    return out


def _line(r: MatchResult | None) -> dict[str, Any]:
    if r is None:
        return {"relation": "none", "score": 0.0, "reason": ""}
    return {"relation": r.relation, "score": r.score, "reason": r.reason, "reason_data": r.why.to_data()}
