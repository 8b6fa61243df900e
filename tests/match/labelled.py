"""The labelled pairs of tests/data/match/pairs.jsonl and how the matcher scores on them.

Run directly for the per-relation table, the misses, and a threshold sweep:
    python -m tests.match.labelled [--misses] [--sweep] [--scorers]
"""
from __future__ import annotations

import dataclasses
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

from factcheck.match import RELATIONS, ClaimView, MatchConfig, compare

PAIRS = Path(__file__).resolve().parents[1] / "data" / "match" / "pairs.jsonl"


def claim_view(d: dict, id_: int) -> ClaimView:
    fields = {f.name for f in dataclasses.fields(ClaimView)}
    kw = {k: v for k, v in d.items() if k in fields}
    if kw.get("published"):
        kw["published"] = datetime.fromisoformat(kw["published"])
    return ClaimView(id=id_, **kw)


def load_pairs(path: Path = PAIRS) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            row["claim_a"] = claim_view(row["a"], 2 * row["id"])
            row["claim_b"] = claim_view(row["b"], 2 * row["id"] + 1)
            rows.append(row)
    return rows


def predict(rows: list[dict], config: MatchConfig = MatchConfig()) -> list[tuple[dict, str, str]]:
    """(row, predicted relation or "none", reason) for every pair."""
    out = []
    for row in rows:
        r = compare(row["claim_a"], row["claim_b"], config)
        out.append((row, r.relation if r else "none", r.reason if r else ""))
    return out


def gold(row: dict) -> str:
    return "none" if row["label"] == "unrelated" else row["label"]


def scores(predictions: list[tuple[dict, str, str]]) -> dict[str, tuple[float, float, int, int]]:
    """relation -> (precision, recall, predicted count, gold count)."""
    out = {}
    for rel in RELATIONS:
        tp = sum(1 for row, p, _ in predictions if p == rel and gold(row) == rel)
        npred = sum(1 for _, p, _ in predictions if p == rel)
        ngold = sum(1 for row, _, _ in predictions if gold(row) == rel)
        out[rel] = (tp / npred if npred else 1.0, tp / ngold if ngold else 1.0, npred, ngold)
    return out


def table(predictions: list[tuple[dict, str, str]]) -> str:
    lines = [f"{'relation':<10} {'precision':>9} {'recall':>7} {'predicted':>9} {'labelled':>8}"]
    for rel, (p, r, npred, ngold) in scores(predictions).items():
        lines.append(f"{rel:<10} {p:>9.3f} {r:>7.3f} {npred:>9} {ngold:>8}")
    confusion = Counter((gold(row), p) for row, p, _ in predictions)
    lines.append("confusion (labelled -> predicted): " + ", ".join(
        f"{g}->{p}: {n}" for (g, p), n in sorted(confusion.items())))
    return "\n".join(lines)


def misses(predictions: list[tuple[dict, str, str]]) -> str:
    out = []
    for row, p, reason in predictions:
        if p != gold(row):
            out.append(f"#{row['id']} [{row['category']}] labelled {row['label']}, got {p}: {reason}\n"
                       f"    a: {row['a']['text']}\n    b: {row['b']['text']}")
    return "\n".join(out)


def sweep(rows: list[dict]) -> None:
    print(f"{'quote_same':>10} {'event_same':>10} {'min_score':>9}  sup P/R    conf P/R   rel P/R")
    for q in (55, 58, 60, 62, 65, 68, 70, 75):
        for e in (50, 53, 56, 60, 65, 70):
            for m in (35, 40, 45, 50):
                if m > min(q, e):
                    continue
                s = scores(predict(rows, MatchConfig(quote_same=q, event_same=e, min_score=m)))
                print(f"{q:>10} {e:>10} {m:>9}  {s['supports'][0]:.2f}/{s['supports'][1]:.2f}  "
                      f"{s['conflicts'][0]:.2f}/{s['conflicts'][1]:.2f}  {s['related'][0]:.2f}/{s['related'][1]:.2f}")


SHARES = (0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def sweep_words(sets: dict[str, list[dict]], field: str, values: tuple[float, ...] = SHARES) -> None:
    """One threshold of MatchConfig (a share of words such as ``event_words_shared``, or a score
    such as ``quote_misattributed``) against every labelled set, the others at their defaults."""
    print(f"{'set':<13} {field:>20}  sup P/R    conf P/R   rel P/R")
    for name, rows in sets.items():
        for w in values:
            s = scores(predict(rows, MatchConfig(**{field: w})))
            print(f"{name:<13} {w:>20}  {s['supports'][0]:.2f}/{s['supports'][1]:.2f}  "
                  f"{s['conflicts'][0]:.2f}/{s['conflicts'][1]:.2f}  {s['related'][0]:.2f}/{s['related'][1]:.2f}")


def _auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def compare_scorers(sets: dict[str, list[dict]]) -> None:
    """Which rapidfuzz scorer, on the matcher's pre-filter keys, best tells the same claim
    (supports, conflicts) from the rest: the pre-filter's and bench/match.py's baseline's choice."""
    from rapidfuzz import fuzz

    from factcheck.match.compare import _DEFAULT, _prefilter_key

    rows = [(r["label"], _prefilter_key(r["claim_a"], _DEFAULT), _prefilter_key(r["claim_b"], _DEFAULT))
            for name in ("pairs", "holdout") for r in sets[name]
            if (r["claim_a"].lang or "")[:2] == (r["claim_b"].lang or "")[:2]]
    print(f"\n{len(rows)} same-language pairs (pairs + holdout); AUC of same claim vs related and unrelated, "
          "and of any match vs unrelated")
    for name in ("token_set_ratio", "token_ratio", "token_sort_ratio", "WRatio", "partial_ratio", "QRatio"):
        f = getattr(fuzz, name)
        same = [f(a, b) for label, a, b in rows if label in ("supports", "conflicts")]
        rest = [f(a, b) for label, a, b in rows if label not in ("supports", "conflicts")]
        matched = [f(a, b) for label, a, b in rows if label != "unrelated"]
        unrelated = [f(a, b) for label, a, b in rows if label == "unrelated"]
        print(f"{name:<17} same claim {_auc(same, rest):.3f}   any match {_auc(matched, unrelated):.3f}")


if __name__ == "__main__":
    sets = {name: load_pairs(PAIRS.parent / f"{name}.jsonl") for name in ("pairs", "holdout", "crosslingual")}
    for name, rows in sets.items():
        preds = predict(rows)
        print(f"\n{name}.jsonl" + (" (tuned on)" if name == "pairs" else " (not tuned on)"))
        print(table(preds))
        if "--misses" in sys.argv:
            print(misses(preds))
    if "--sweep" in sys.argv:
        sweep(sets["pairs"])
        sweep_words(sets, "event_words_shared")
        sweep_words(sets, "quote_words_shared")
        sweep_words(sets, "event_conflict_words", SHARES + (0.65, 0.7))
        sweep_words(sets, "quote_misattributed", (62, 70, 75, 80, 85, 90, 95, 100))
        sweep_words(sets, "conflict_days", (0.5, 1, 2, 3, 5, 6, 7, 10, 14))
    if "--scorers" in sys.argv:
        compare_scorers(sets)
