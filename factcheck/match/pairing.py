"""Which matches the pipeline stores for a claim, and the verdict between two texts, without a database.

The pipeline (``factcheck.store.pipeline.match_claim``) and ``factcheck compare`` both call these, so the
verdict an editor asks about on the command line is the one the pipeline would store:

* ``rows_both_ways``: of a claim's compared candidates, the ones kept (``keep_best``), each with the
  row stored the other way round (compared from the other claim's side, so its reason reads the right
  way round);
* ``first_reports``: the rows towards the claim from the compared candidates it did not keep;
* ``pipeline_rows``: both of the above for one claim matched against a pool of candidates;
* ``statement_view`` / ``candidate_view``: a claim view built as the pipeline builds it from a stored
  claim (``pipeline.claim_view``), for a statement given alone or for an extracted claim;
* ``compare_pair``: one input line of `factcheck compare` and its verdict.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from .compare import compare, compare_shortlist, keep_best, verdict_rank
from .types import ClaimView, MatchConfig, MatchResult

_DEFAULT = MatchConfig()


def rows_both_ways(mine: ClaimView, compared: list[tuple[MatchResult, ClaimView]],
                   config: MatchConfig = _DEFAULT) -> list[tuple[MatchResult, ClaimView, MatchResult]]:
    """(row mine -> other, other, row other -> mine) for each match ``keep_best`` keeps of ``compared``
    (``compare_shortlist``'s output). The reverse row is ``compare(other, mine)``, or the forward one
    when that finds nothing."""
    return [(r, other, compare(other, mine, config) or r) for r, other in keep_best(mine, compared, config)]


def first_reports(mine: ClaimView, compared: list[tuple[MatchResult, ClaimView]], done: set[int | None],
                  config: MatchConfig = _DEFAULT) -> list[tuple[ClaimView, MatchResult]]:
    """(other, row other -> mine) for each compared candidate not in ``done`` that matches ``mine`` from
    its own side: an outlet that reported first must not look uncorroborated because the later report
    kept a sibling claim of the same sentence instead (``pipeline._fill_first_reports``)."""
    out = []
    for _, other in compared:
        if other.id is None or other.id in done:
            continue
        result = compare(other, mine, config)
        if result is not None:
            out.append((other, result))
    return out


def pipeline_rows(mine: ClaimView, candidates: Sequence[ClaimView],
                  config: MatchConfig = _DEFAULT) -> list[tuple[ClaimView, ClaimView, MatchResult]]:
    """Every row (claim, other claim, result) the pipeline stores when ``mine`` is matched against
    ``candidates`` and none of them has a row towards it yet, in both directions."""
    compared = compare_shortlist(mine, candidates, config)
    out: list[tuple[ClaimView, ClaimView, MatchResult]] = []
    kept = rows_both_ways(mine, compared, config)
    for fwd, other, back in kept:
        out.append((mine, other, fwd))
        out.append((other, mine, back))
    for other, result in first_reports(mine, compared, {other.id for _, other, _ in kept}, config):
        out.append((other, mine, result))
    return out


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
                     speaker=cand.speaker, date=cand.date, grain=cand.grain, value=cand.value, unit=cand.unit,
                     published=published, lang=lang, article_hash=article_hash)


def between_articles(claims_a: Sequence[ClaimView], claims_b: Sequence[ClaimView],
                     config: MatchConfig = _DEFAULT) -> list[tuple[ClaimView, ClaimView, MatchResult]]:
    """The rows the pipeline stores between two articles stored one after the other (``a`` first):
    ``a``'s claims find nothing of ``b`` yet; each claim of ``b`` is then matched against ``a``'s
    claims (all of them are candidates: the database's index would read a subset of them), and the
    rows of both directions are kept."""
    out: list[tuple[ClaimView, ClaimView, MatchResult]] = []
    for mine in claims_b:
        out.extend(pipeline_rows(mine, claims_a, config))
    return out


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
