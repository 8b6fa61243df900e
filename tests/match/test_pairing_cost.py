"""Storing the matches between linked articles asks each question of a pair once (issue 18, item 4):
the same rows as asking both ways, with fewer verdicts and fewer pre-filter checks."""
from __future__ import annotations

import importlib
from datetime import datetime, timezone

from factcheck.match import ClaimView
from factcheck.match import pairing
from factcheck.match.compare import verdict

# the module: factcheck.match's own ``compare`` is the function
compare_module = importlib.import_module("factcheck.match.compare")

DAY1 = datetime(2025, 3, 2, 9, tzinfo=timezone.utc)
DAY2 = datetime(2025, 3, 3, 15, tzinfo=timezone.utc)
LATER = datetime(2025, 6, 20, 9, tzinfo=timezone.utc)  # outside the +-14 day window

SENTENCE_A = "قال وزير الصحة إن المستشفى الجديد في جدة سيستقبل 400 مريض يوميا بعد افتتاحه الشهر المقبل"
SENTENCE_B = "وزير الصحة: المستشفى الجديد في جدة يستقبل 400 مريض يوميا بعد افتتاحه في الشهر المقبل"


def _view(id_: int, source: str, kind: str, text: str, sentence: str, published: datetime, **kw) -> ClaimView:
    return ClaimView(id=id_, source=source, kind=kind, text=text, sentence=sentence, published=published,
                     lang="ar", article_hash=f"h-{source}-{published.date()}", **kw)


def _article_a() -> list[ClaimView]:
    return [_view(1, "A", "quote", "المستشفى الجديد في جدة سيستقبل 400 مريض يوميا", SENTENCE_A, DAY1,
                  speaker="وزير الصحة"),
            _view(2, "A", "figure", "400 مريض", SENTENCE_A, DAY1, value=400.0, unit="مريض")]


def _article_b(published: datetime = DAY2) -> list[ClaimView]:
    return [_view(3, "B", "quote", "المستشفى الجديد في جدة يستقبل 400 مريض يوميا", SENTENCE_B, published,
                  speaker="وزير الصحة"),
            _view(4, "B", "figure", "400 مريض", SENTENCE_B, published, value=400.0, unit="مريض")]


def _shown(rows) -> list[tuple]:
    return [(c.id, o.id, r.other_id, r.relation, r.score, r.reason) for c, o, r in rows]


def test_a_pair_of_two_kinds_is_judged_once_with_both_rows_as_asked_both_ways(monkeypatch):
    a, b = _article_a(), _article_b()
    expected = []
    for x in a:
        for y in b:
            ab, ba = verdict(x, y), verdict(y, x)
            if ab is not None or ba is not None:
                expected += [(x.id, y.id, ab.other_id, ab.relation, ab.score, ab.reason),
                             (y.id, x.id, ba.other_id, ba.relation, ba.score, ba.reason)]
    calls = []
    context = compare_module._compare_context
    monkeypatch.setattr(compare_module, "_compare_context", lambda *args: calls.append(args) or context(*args))
    rows = pairing.article_rows(a, b)
    assert _shown(rows) == expected
    # quote/figure and figure/quote: two pairs of two kinds, each judged by its sentences once, not twice
    assert len(calls) == 2
    assert {r[3] for r in expected} >= {"supports", "related"}


def test_pairs_met_again_from_the_other_article_are_not_chosen_again(monkeypatch):
    a, b = _article_a(), _article_b() + [_view(5, "B", "quote", "المستشفى الجديد في جدة يستقبل 400 مريض يوميا",
                                                  SENTENCE_B, LATER, speaker="وزير الصحة")]
    fresh = pairing.article_rows(b, a + b)  # no memo: every pair chosen afresh
    asked: list[int] = []
    comparable = pairing.comparable
    monkeypatch.setattr(pairing, "comparable",
                        lambda claim, others, *args: asked.append(len(others)) or comparable(claim, others, *args))
    memo: dict = {}
    pairing.article_rows(a, b + a, memo=memo)
    rows = pairing.article_rows(b, a + b, memo=memo)
    # the same rows (a pair's two rows come in the order it was first met)
    assert sorted(_shown(rows)) == sorted(_shown(fresh)) and rows
    # each pair of the five claims (a claim with itself too) asked about once over both calls, whether
    # it was compared (1-4) or not (5 is months later); asking from both sides was 10 + 15
    n = len(a + b)
    assert sum(asked) == n * (n + 1) // 2
