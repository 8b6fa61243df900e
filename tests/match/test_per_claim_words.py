"""A quote's own words are worked out once per claim, not once per pair (issue 18, item 4): a claim
is compared with every claim of each linked article, and the verdicts are the same as with a fresh
view for every pair."""
from __future__ import annotations

import dataclasses
import importlib
from datetime import datetime, timezone

from factcheck.match import ClaimView, MatchConfig
from factcheck.match.compare import verdict

# the module: factcheck.match's own ``compare`` is the function
compare_module = importlib.import_module("factcheck.match.compare")

DAY = datetime(2025, 3, 2, 9, tzinfo=timezone.utc)
TEXT = "سنفتتح المستشفى الجديد في جدة الشهر المقبل وسيستقبل 400 مريض يوميا"


def _quote(id_: int, source: str, speaker: str, text: str = TEXT) -> ClaimView:
    return ClaimView(id=id_, source=source, kind="quote", text=text, sentence=f"قال {speaker}: {text}",
                     speaker=speaker, published=DAY, lang="ar", article_hash=f"h-{source}")


def _others() -> list[ClaimView]:
    return [_quote(10 + i, f"S{i}", speaker) for i, speaker in
            enumerate(["خالد الحربي", "سعد القحطاني", "فهد الشمري", "ماجد العتيبي", "نايف الدوسري"])]


def _shown(results) -> list[tuple]:
    return [(r.other_id, r.relation, r.score, r.reason) if r else None for r in results]


def test_whether_a_quote_names_its_speaker_is_read_once_per_claim(monkeypatch):
    claim, others = _quote(1, "A", "محمد العلي"), _others()
    fresh = [verdict(_quote(1, "A", "محمد العلي"), dataclasses.replace(o)) for o in others]
    calls = []
    named_in = compare_module.named_in
    monkeypatch.setattr(compare_module, "named_in", lambda *args: calls.append(args) or named_in(*args))
    results = [verdict(claim, o) for o in others]
    # the same verdicts (one quote under another name: a misattribution) as with fresh views
    assert _shown(results) == _shown(fresh)
    assert {r.relation for r in results} == {"conflicts"}
    # five pairs, six claims: each asked once, not the claim again for every pair
    assert len(calls) == 6


def test_a_claim_read_at_one_length_is_read_again_at_another():
    short = MatchConfig(max_chars=20)
    claim, other = _quote(1, "A", "محمد العلي"), _quote(2, "B", "محمد العلي", TEXT + " بعد اكتمال التجهيزات")
    at_full = verdict(claim, other)
    at_short = verdict(claim, other, short)
    assert _shown([at_short]) == _shown([verdict(_quote(1, "A", "محمد العلي"), dataclasses.replace(other), short)])
    assert _shown([verdict(claim, other)]) == _shown([at_full])
