"""Verdicts on copy nobody here wrote: the floors reached on ANS dev and on the pairs written from real
cross-outlet coverage (tests/data/match/real_pairs.jsonl), through the code `factcheck compare` runs.

bench/verdicts.py prints the tables behind these numbers (and, for ANS train and the tuning half only,
the wrong verdicts). ANS dev and the holdout half are never tuned on.
"""
from __future__ import annotations

import json
from collections import Counter

import pytest

from bench.verdicts import ans_figures, ans_rows, real_figures
from factcheck.extract import extract_claims
from factcheck.ingest.parse import content_hash
from factcheck.match.pairing import compare_pair
from tests.support import evaldata

from .labelled import PAIRS

REAL = PAIRS.parent / "real_pairs.jsonl"


def _verdicts(pairs: list[dict], mode: str) -> list[dict]:
    return [compare_pair(p, mode, extract=extract_claims, article_hash=lambda t: content_hash("", t)) for p in pairs]


def _real(split: str) -> tuple[list[dict], list[dict]]:
    rows = [json.loads(line) for line in REAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["split"] == split]
    got = [compare_pair({"a": r["a"], "b": r["b"]}, r["as"], extract=extract_claims,
                        article_hash=lambda t: content_hash("", t)) for r in rows]
    return rows, got


def test_the_real_pairs_are_many_and_cover_every_class():
    rows = [json.loads(line) for line in REAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 150
    assert len({r["group"] for r in rows}) >= 50  # the crossoutlet events they were written from
    splits = Counter(r["split"] for r in rows)
    assert splits["holdout"] >= 80 and splits["tuning"] >= 80
    categories = {r["category"] for r in rows}
    for needed in ("paraphrase", "negation", "debunk", "antonym", "swapped-roles", "another-entity",
                   "hedged-figure", "like-with-like", "speaker-title", "non-flipping-negation", "refusal",
                   "date-changed", "figure-changed"):
        assert needed in categories, needed
    assert {r["as"] for r in rows} == {"statements", "articles"}
    assert Counter(r["a"]["lang"] for r in rows)["en"] >= 15


@pytest.mark.parametrize("split", ["holdout", "tuning"])
def test_floors_on_the_real_pairs(split):
    rows, got = _real(split)
    f = real_figures(rows, got)
    print(f"\n{split}: {f}")
    assert f["conflicts_precision"] >= 0.9 and f["conflicts_recall"] >= 0.85
    assert f["supports_precision"] >= 0.8
    # a contradiction shown as corroboration is the worst verdict
    assert f["conflicts_called_supports"] <= 0.08
    assert f["supports_called_conflicts"] <= 0.09
    none = [r["id"] for r, g in zip(rows, got) if r["label"] == "none" and g["relation"] == "supports"]
    assert not none


def test_floors_on_ans_dev():
    evaldata.require("eval/ans/stance_dev.csv")
    rows = ans_rows("dev")
    got = _verdicts([r["pair"] for r in rows], "statements")
    f = ans_figures(rows, got)
    print(f"\nANS dev: {f}")
    # The targets: supports <= 5% and conflicts >= 50% of contradictions; paraphrases
    # supports-or-related >= 90% and conflicts <= 5%. Held here at what is reached where that is
    # above the target (BENCHMARKS.md, "Sixth session": 50.3% of contradictions found as conflicts).
    assert f["contradictions_supports"] <= 0.05
    assert f["contradictions_conflicts"] >= 0.503
    assert f["paraphrases_supports_or_related"] >= 0.92
    assert f["paraphrases_conflicts"] <= 0.05


def test_a_negated_or_denied_headline_conflicts_and_says_why():
    pairs = [{"a": {"text": "بريانكا شوبرا تعلن اعتذارها", "lang": "ar"},
              "b": {"text": "بريانكا شوبرا تنفي اعتذارها", "lang": "ar"}},
             {"a": {"text": "طلب خاص من كوريا الجنوبية للولايات المتحدة", "lang": "ar"},
              "b": {"text": "طلب خاص من الولايات المتحدة لكوريا الجنوبية", "lang": "ar"}},
             {"a": {"text": "ارتفاع أسعار النفط مع هبوط حاد للدولار", "lang": "ar"},
              "b": {"text": "هبوط حاد في أسعار النفط مع ارتفاع الدولار", "lang": "ar"}},
             {"a": {"text": "طائرات أمريكية بدون طيار ستصل قريبا", "lang": "ar"},
              "b": {"text": "طائرات أمريكية بلا طيار ستصل قريبا", "lang": "ar"}},
             {"a": {"text": "Officials said more than 500,000 people returned", "lang": "en"},
              "b": {"text": "Officials said more than 520,000 people returned", "lang": "en"}}]
    out = _verdicts(pairs, "statements")
    assert [o["relation"] for o in out] == ["conflicts", "conflicts", "conflicts", "supports", "supports"], out
    assert "denied or refused in one report" in out[0]["reason"]
    assert "roles swapped" in out[1]["reason"] and "roles swapped" in out[2]["reason"]


# Stored supports and conflicts inside events of the real cross-outlet coverage, drawn by
# `bench/crossoutlet.py --sample 100,50` and judged by reading both articles (BENCHMARKS.md, issue
# 17): before the matcher's cross-outlet fixes and after them, with a new seed; session 5's draw (seed 5171).
JUDGED = ("crossoutlet_judged_before.jsonl", "crossoutlet_judged_after.jsonl", "crossoutlet_judged_session5.jsonl")


@pytest.mark.parametrize("name", JUDGED)
def test_the_judged_cross_outlet_rows_name_real_articles_and_say_why(name):
    """Each row names its two articles and claim spans, never their text, and its verdict says why."""
    rows = [json.loads(line) for line in (PAIRS.parent / name).read_text(encoding="utf-8")
            .splitlines() if line.strip()]
    kept = Counter(r["relation"] for r in rows)
    assert kept["supports"] == 100 and 0 < kept["conflicts"] <= 50 and set(kept) == {"supports", "conflicts"}
    assert all(r["verdict"] in ("right", "wrong", "unsure") and r["why"] for r in rows)
    manifest = evaldata.require("eval/real/crossoutlet/manifest.json")
    files = {m["file"] for m in json.loads(manifest.read_text(encoding="utf-8"))}
    for r in rows:
        assert "text" not in r["a"] and "text" not in r["b"], "third-party text stays in ../shared"
        for side in ("a", "b"):
            assert r[side]["file"] in files and 0 <= r[side]["start"] < r[side]["end"], r
