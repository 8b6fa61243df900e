"""A claim about a past event meets the reports of the event's days (issue 18, item 1).

The articles are written for this test, in the shape of the seed's Atmeh raid: a November
article recalls an August raid by its date, the August reports of that raid were published
months before it, far outside the ±14 days around the November article's publication.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import aliased

from factcheck.store.db import transaction
from factcheck.store.models import Article, Claim, Feed, Match
from factcheck.store.pipeline import import_article

NOVEMBER = ("Northern Review", datetime(2025, 11, 7, 20, 0, tzinfo=timezone.utc),
            "Three months on, the families of Ras Alward are still waiting for answers. Security forces raided a farm near Ras Alward on 20 August. "
            "The raid near Ras Alward on 20 August lasted about two hours.")
# The day after the raid: same date, same figure.
SAME = ("Valley Post", datetime(2025, 8, 21, 7, 30, tzinfo=timezone.utc),
        "Security forces raided a farm near Ras Alward on 20 August. "
        "The raid near Ras Alward on 20 August lasted about two hours.")
# Another outlet the same morning: another date and another duration of the same raid.
OTHER = ("Hill Courier", datetime(2025, 8, 21, 9, 0, tzinfo=timezone.utc),
         "Security forces raided a farm near Ras Alward on 19 August. "
         "The raid near Ras Alward on 19 August lasted about three hours.")
# Published the same days as the raid, but the November article names no day for it.
UNDATED = ("Northern Review", datetime(2025, 11, 8, 9, 0, tzinfo=timezone.utc),
           "The raid near Ras Alward lasted about three hours, the farm's owner recalled.")


def store(factory, settings, *articles):
    for source, published, text in articles:
        with transaction(factory) as s:
            import_article(s, settings, source=source, text=text, title=text[:40], published=published,
                           language="en")


def relations(factory, source, kind):
    """{other source: relation} of the stored matches of ``source``'s ``kind`` claims."""
    other = aliased(Claim)
    with factory() as s:
        rows = s.execute(
            select(Feed.name, Match.relation)
            .select_from(Match).join(Claim, Claim.id == Match.claim_id).join(Article, Article.id == Claim.article_id)
            .join(other, other.id == Match.other_claim_id).join(Feed, Feed.id == other.feed_id)
            .where(Claim.kind == kind, Article.feed.has(name=source))).all()
    out: dict[str, set[str]] = {}
    for name, relation in rows:
        out.setdefault(name, set()).add(relation)
    return out


@pytest.mark.parametrize("order", ["november last", "november first"])
def test_a_dated_claim_meets_the_reports_of_its_event(factory, settings, order):
    if order == "november last":
        store(factory, settings, SAME, OTHER, NOVEMBER)
    else:  # the August coverage imported afterwards, as an archive would be
        store(factory, settings, NOVEMBER, SAME, OTHER)
    dates = relations(factory, "Northern Review", "date")
    assert dates.get("Valley Post") == {"supports"}, dates
    assert dates.get("Hill Courier") == {"conflicts"}, dates
    figures = relations(factory, "Northern Review", "figure")
    assert figures.get("Valley Post") == {"supports"}, figures
    assert figures.get("Hill Courier") == {"conflicts"}, figures
    # And the August reports show the November article from their side.
    assert relations(factory, "Valley Post", "figure").get("Northern Review") == {"supports"}
    assert relations(factory, "Hill Courier", "figure").get("Northern Review") == {"conflicts"}


def test_the_event_window_is_the_event_days_only(factory, settings):
    # Reports of two days before the event and of a week after it are outside the event's window.
    early = ("Valley Post", datetime(2025, 8, 18, 7, 0, tzinfo=timezone.utc), SAME[2])
    late = ("Hill Courier", datetime(2025, 8, 27, 9, 0, tzinfo=timezone.utc), SAME[2])
    store(factory, settings, early, late, NOVEMBER, UNDATED)
    assert relations(factory, "Northern Review", "figure") == {}
    assert relations(factory, "Northern Review", "date") == {}


def test_an_undated_claim_keeps_the_window_of_its_publication(factory, settings):
    store(factory, settings, SAME, OTHER, UNDATED)
    assert relations(factory, "Northern Review", "figure") == {}


def test_the_event_window_is_a_setting(factory, settings, monkeypatch):
    settings.match_thresholds = {"event_days_before": 0, "event_days_after": 0}
    store(factory, settings, SAME, OTHER, NOVEMBER)  # published the day after the raid: outside [20, 20]
    assert relations(factory, "Northern Review", "figure") == {}
