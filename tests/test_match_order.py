"""The same articles stored in any order give the same stored matches (issue 18, item 2).

Each set is stored three times into a fresh database, one article per transaction as a poller or an
import stores them, in three orders (as published, the reverse, shuffled), and the matches are read
as pairs of claim *content* (outlet, kind, text, sentence; never row ids, which follow the order) with
their relation, score and reason. ``factcheck db rematch`` over the last database must give the same.
"""
from __future__ import annotations

import json
import random
from datetime import datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import aliased

from factcheck.config import ROOT
from factcheck.ingest.feeds_yaml import load_feeds_file
from factcheck.ingest.parse import parse_feed
from factcheck.store.db import transaction
from factcheck.store.models import Claim, Feed, Match
from factcheck.store.pipeline import import_article, rematch_claims, store_articles
from factcheck.store.polling import entries_to_articles
from tests.support import evaldata


def _sample_articles():
    """(outlet, language, ArticleIn) of the bundled sample feeds, every entry."""
    out = []
    for spec in load_feeds_file(ROOT / "feeds.yaml"):
        if not spec.url.startswith("file:"):
            continue
        parsed = parse_feed((ROOT / spec.url.removeprefix("file:")).read_bytes())
        feed = Feed(name=spec.name, language=spec.language)
        out.extend((spec.name, spec.language, item) for item in entries_to_articles(parsed.entries, feed))
    return out


def _store_samples(factory, settings, articles) -> None:
    for name, language, item in articles:
        with transaction(factory) as s:
            feed = s.scalar(select(Feed).where(Feed.name == name))
            if feed is None:
                feed = Feed(name=name, url=f"https://{len(name)}.{abs(hash(name))}.example/feed", language=language)
                s.add(feed)
                s.flush()
            store_articles(s, feed, [item], settings)


def _crossoutlet_articles():
    """(outlet, published, text) of the real cross-outlet groups (several outlets, one event each)."""
    folder = evaldata.require("eval/real/crossoutlet/groups.json").parent
    out = []
    for group in json.loads((folder / "groups.json").read_text(encoding="utf-8"))[:12]:
        for name, outlet, when in zip(group["files"], group["outlets"], group["dates"]):
            out.append((outlet, datetime.fromisoformat(when), (folder / name).read_text(encoding="utf-8")))
    return out


def _store_real(factory, settings, articles) -> None:
    for outlet, published, body in articles:
        with transaction(factory) as s:
            import_article(s, settings, source=outlet, text=body, published=published, language="ar")


def stored_matches(factory) -> list[tuple]:
    """Every stored match as (claim, other claim, relation, score, reason), claims by content."""
    other = aliased(Claim)
    mine_feed, other_feed = aliased(Feed), aliased(Feed)
    with factory() as s:
        rows = s.execute(
            select(mine_feed.name, Claim.kind, Claim.text, Claim.sentence, Claim.start,
                   other_feed.name, other.kind, other.text, other.sentence, other.start,
                   Match.relation, Match.score, Match.reason)
            .select_from(Match).join(Claim, Claim.id == Match.claim_id).join(mine_feed, mine_feed.id == Claim.feed_id)
            .join(other, other.id == Match.other_claim_id).join(other_feed, other_feed.id == other.feed_id)).all()
    return sorted((r[0:5], r[5:10], r[10], r[11], r[12]) for r in rows)


def _orders(items, published):
    first = sorted(items, key=published)
    shuffled = list(first)
    random.Random(18).shuffle(shuffled)
    return {"as published": first, "reverse": first[::-1], "shuffled": shuffled}


def _empty(factory) -> None:
    """No feed, article, claim, index row or match left (the ids go on from where they were)."""
    with transaction(factory) as s:
        for table in ("matches", "claim_terms", "term_counts", "claims", "articles", "feeds"):
            s.execute(text(f"DELETE FROM {table}"))


def _differences(a, b) -> str:
    only_a, only_b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    return "\n".join([f"{len(only_a)} only in the first:"] + [repr(r) for r in only_a[:6]]
                     + [f"{len(only_b)} only in the second:"] + [repr(r) for r in only_b[:6]])


@pytest.mark.parametrize("corpus", ["samples", "real"])
def test_three_orders_store_the_same_matches_and_rematch_keeps_them(factory, settings, corpus):
    if corpus == "samples":
        items, store = _sample_articles(), _store_samples
        orders = _orders(items, lambda it: it[2].published)
    else:
        items, store = _crossoutlet_articles(), _store_real
        orders = _orders(items, lambda it: it[1])
    results = {}
    for name, articles in orders.items():
        _empty(factory)
        store(factory, settings, articles)
        results[name] = stored_matches(factory)
    first = results["as published"]
    relations = {r[2] for r in first}
    assert {"supports", "related"} <= relations, relations  # the set exercises the verdicts
    for name in ("reverse", "shuffled"):
        assert results[name] == first, f"as published vs {name}:\n" + _differences(first, results[name])
    rematch_claims(factory, settings)
    again = stored_matches(factory)
    assert again == first, "stored vs rematched:\n" + _differences(first, again)
