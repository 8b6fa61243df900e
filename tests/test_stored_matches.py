"""What is stored as a claim's matches when the reports of a story arrive one after another.

The first outlet's claims are matched when nothing else exists yet; they get
their rows from the claims stored later. Those rows must not depend on which
sibling claim of the sentence a later claim happened to keep.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

from sqlalchemy import select

from factcheck.store import retrieval
from factcheck.store.db import transaction
from factcheck.match.pairing import matches_of
from factcheck.store.models import Claim, Feed, Match
from factcheck.store.pipeline import claim_view, import_article

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)
# Outlet A's sentence gives a quote and a dated claim (the year inside the quote);
# Outlet B, later, reports the quote without the year: one quote claim.
FIRST = 'وقال وزير الخارجية أسعد الشيباني إن "سوريا ستعيد بناء المدارس المدمرة خلال عام 2026".'
LATER = 'وقال وزير الخارجية أسعد الشيباني إن "سورية ستعيد بناء المدارس المدمرة".'


def _claims(s, source: str) -> dict[str, Claim]:
    return {c.kind: c for c in s.scalars(select(Claim).join(Feed, Feed.id == Claim.feed_id).where(Feed.name == source))}


def test_the_first_reports_claims_each_get_the_later_outlets_report(factory, settings):
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet A", text=FIRST, published=WHEN, language="ar")
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet B", text=LATER, published=WHEN, language="ar")
    with factory() as s:
        first, later = _claims(s, "Outlet A"), _claims(s, "Outlet B")
        assert set(first) == {"quote", "date"} and set(later) == {"quote"}
        for kind, c in first.items():
            stored = {(m.other_claim_id, m.relation) for m in s.scalars(select(Match).where(Match.claim_id == c.id))}
            fresh = {(r.other_id, r.relation)
                     for r, _ in matches_of(claim_view(c), retrieval.candidate_views(s, c, 14), settings.match)}
            assert fresh, f"Outlet A's {kind} claim matches Outlet B's report when matched now"
            assert stored == fresh, f"Outlet A's {kind} claim: stored {stored}, matched now {fresh}"


def test_a_claim_keeps_one_row_per_other_article(factory, settings):
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet B", text=LATER, published=WHEN, language="ar")
    with transaction(factory) as s:  # now the two-claim sentence comes second
        import_article(s, settings, source="Outlet A", text=FIRST, published=WHEN, language="ar")
    with factory() as s:
        (quote,) = _claims(s, "Outlet B").values()
        rows = s.scalars(select(Match).where(Match.claim_id == quote.id)).all()
        per_article = Counter(s.get(Claim, m.other_claim_id).article_id for m in rows)
        assert per_article and max(per_article.values()) == 1
        assert [m.relation for m in rows] == ["supports"], "the quote, not the year beside it"


def _quote_reason(s, source: str) -> str:
    quote = _claims(s, source)["quote"]
    return s.scalar(select(Match.reason).where(Match.claim_id == quote.id))


def test_a_syndicated_copy_counts_once_until_its_outlet_edits_it(factory, settings):
    # Outlet B carries Outlet A's article word for word: one report, not corroboration.
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet A", text=FIRST, published=WHEN, language="ar", key="a-1")
        import_article(s, settings, source="Outlet B", text=FIRST, published=WHEN, language="ar", key="b-1")
    with factory() as s:
        assert _quote_reason(s, "Outlet B").startswith("syndicated copy of the same article (not independent)")
    # Outlet B rewrites it in its own words (an edit upstream): now it is its own report.
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet B", text=LATER, published=WHEN, language="ar", key="b-1")
    with factory() as s:
        reason = _quote_reason(s, "Outlet B")
        assert reason.startswith("same quote") and "syndicated" not in reason, reason
        a_quote = _claims(s, "Outlet A")["quote"]
        assert s.scalar(select(Match.relation).where(Match.claim_id == a_quote.id)) == "supports"


def test_articles_met_through_a_related_row_alone_are_not_compared_claim_by_claim(factory, settings, monkeypatch):
    """Two reports whose claims are merely related (one minister, two subjects) keep the rows their
    lookups found; only a verdict between them makes every pair of their claims be compared. 91% of the
    linked article pairs of the bulk archive were linked by related rows alone, and comparing all their
    pairs was 42-44% of its import (BENCHMARKS.md, issue 18)."""
    from factcheck.store import matching

    first = FIRST + ' وأضاف أن "الوزارة ستفتتح ثلاث مدارس في حلب".'
    other = ('وقال وزير الخارجية أسعد الشيباني إن "الحكومة ستفتح المعابر الحدودية مع الأردن". '
             'وأعلن محافظ درعا أن "الطريق الدولي سيفتح أمام الشاحنات".')
    pools: list[set[str]] = []
    article_rows = matching.article_rows
    monkeypatch.setattr(matching, "article_rows",
                        lambda side, others, *a, **kw: pools.append({v.source for v in others}) or
                        article_rows(side, others, *a, **kw))
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet A", text=first, published=WHEN, language="ar")
    with transaction(factory) as s:
        pools.clear()
        import_article(s, settings, source="Outlet C", text=other, published=WHEN, language="ar")
    with factory() as s:
        relations = {m.relation for m in s.scalars(select(Match))}
    assert relations == {"related"}, relations
    # the last call is the claim-by-claim one: Outlet C's claims against the articles linked to it
    assert pools[-1] == {"Outlet C"}, "the related article joined the claim-by-claim comparison"

    # a verdict between them (the same quote) does bring the whole article in
    with transaction(factory) as s:
        pools.clear()
        import_article(s, settings, source="Outlet D", text=LATER + " " + other.split(". ")[1], published=WHEN,
                       language="ar")
    assert pools[-1] >= {"Outlet A", "Outlet D"}
