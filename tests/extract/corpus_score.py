"""Precision and recall of extract_claims on the hand-annotated corpus (tests/data/extract/corpus)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from factcheck.extract import extract_claims
from factcheck.text.normalize import normalize

CORPUS = Path(__file__).resolve().parents[1] / "data" / "extract" / "corpus"


def _n(s: str | None) -> str:
    return normalize(s or "")


def _same_text(gold: str, pred: str) -> bool:
    g, p = _n(gold), _n(pred)
    return bool(g) and bool(p) and (g in p or p in g)


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    right: int = 0  # matched and the attribute (speaker / date / value) right
    misses: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def right_rate(self) -> float:
        return self.right / self.gold if self.gold else 1.0


def articles():
    for gold_path in sorted(CORPUS.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        yield gold_path.stem, text, gold


def score_corpus() -> dict[str, Score]:
    scores = {"statements": Score(), "dates": Score(), "figures": Score()}
    for slug, text, gold in articles():
        claims = extract_claims(text, datetime.fromisoformat(gold["published"]), gold["lang"])
        _score(scores["statements"], slug, [c for c in claims if c.kind == "quote"], gold["statements"],
               lambda g, c: _same_text(g["text"], c.text),
               lambda g, c: bool(c.speaker) and _n(g["speaker"]) in _n(c.speaker) and c.direct is g["direct"])
        _score(scores["dates"], slug, [c for c in claims if c.kind == "date"], gold["dates"],
               lambda g, c: _same_text(g["date_text"], c.date_text),
               lambda g, c: (c.date, c.grain) == (g["date"], g["grain"]))
        _score(scores["figures"], slug, [c for c in claims if c.kind == "figure"], gold["figures"],
               lambda g, c: _same_text(g["text"], c.text),
               lambda g, c: c.value == g["value"] and c.unit == g["unit"])
    return scores


def _score(sc: Score, slug, preds, golds, same, right) -> None:
    sc.pred += len(preds)
    sc.gold += len(golds)
    free = list(preds)
    for g in golds:
        # prefer a prediction that is also right (the same words can appear twice)
        cands = [c for c in free if same(g, c)]
        c = next((c for c in cands if right(g, c)), cands[0] if cands else None)
        if c is None:
            sc.misses.append((slug, "missed", g))
            continue
        free.remove(c)
        sc.tp += 1
        if right(g, c):
            sc.right += 1
        else:
            sc.misses.append((slug, "wrong", g, (c.text[:60], c.speaker, c.date, c.value, c.unit, c.direct)))
    for c in free:
        sc.misses.append((slug, "extra", (c.kind, c.text[:60], c.speaker, c.date_text, c.date)))


def table(scores: dict[str, Score]) -> str:
    rows = ["| kind | gold | predicted | precision | recall | attribute right |", "|---|---|---|---|---|---|"]
    names = {"statements": "speaker", "dates": "date value", "figures": "value + unit"}
    for k, s in scores.items():
        rows.append(f"| {k} | {s.gold} | {s.pred} | {s.precision:.3f} | {s.recall:.3f} | "
                    f"{s.right_rate:.3f} ({names[k]}) |")
    return "\n".join(rows)


if __name__ == "__main__":
    sc = score_corpus()
    print(table(sc))
    for k, s in sc.items():
        for m in s.misses:
            print(k, *m)
