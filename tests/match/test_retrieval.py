"""Candidate retrieval through the database index, on SQLite (and PostgreSQL when configured).

The labelled pairs are stored as claims of their outlets; every pair the
matcher relates must come back from the index, and the relations computed on
the stored rows must be the ones computed on the plain pairs.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, text

from factcheck import retrieval
from factcheck.db import transaction
from factcheck.match import compare
from factcheck.models import Article, Claim, Feed
from factcheck.pipeline import claim_view
from tests.match.labelled import PAIRS, load_pairs, predict


def _store(session, rows):
    feeds: dict[str, Feed] = {}
    stored: dict[int, Claim] = {}
    for row in rows:
        for side in ("a", "b"):
            d = row[side]
            url = f"https://{d['source']}.example/feed"
            feed = feeds.get(d["source"]) or session.scalar(select(Feed).where(Feed.url == url))
            if feed is None:
                feed = Feed(name=d["source"], url=url, language=d["lang"])
                session.add(feed)
            feeds[d["source"]] = feed
            published = datetime.fromisoformat(d["published"]).replace(tzinfo=timezone.utc)
            h = d.get("article_hash") or hashlib.sha256(f"{row['id']}{side}".encode()).hexdigest()
            art = Article(feed=feed, dedup_key=f"{row['id']}{side}", title="", published=published,
                          language=d["lang"], text=d["sentence"], content_hash=h)
            session.add(art)
            session.flush()
            c = Claim(article=art, feed_id=feed.id, published=published, language=d["lang"], kind=d["kind"],
                      text=d["text"], sentence=d["sentence"], speaker=d.get("speaker"),
                      date_value=d.get("date"), date_grain=d.get("grain"), value=d.get("value"),
                      unit=d.get("unit"), norm_text="")
            session.add(c)
            stored[2 * row["id"] + (side == "b")] = c
    session.flush()
    retrieval.index_claims(session, list(stored.values()))
    return stored


def test_labelled_pairs_come_back_from_the_index_with_the_same_relations(factory):
    rows = load_pairs()
    expected = {row["id"]: p for row, p, _ in predict(rows)}
    with transaction(factory) as s:
        stored = _store(s, rows)
    with transaction(factory) as s:
        missing, differ = [], []
        for row in rows:
            a = s.get(Claim, stored[2 * row["id"]].id)
            b_id = stored[2 * row["id"] + 1].id
            pool = retrieval.candidates(s, a, window_days=14)
            assert all(c.feed_id != a.feed_id for c in pool)
            ids = [c.id for c in pool]
            if expected[row["id"]] != "none" and b_id not in ids:
                missing.append(row["id"])
            if b_id in ids:
                other = next(c for c in pool if c.id == b_id)
                r = compare(claim_view(a), claim_view(other))
                got = r.relation if r else "none"
                if got != expected[row["id"]]:
                    differ.append((row["id"], expected[row["id"]], got))
        assert not missing, f"pairs the matcher relates but the index did not return: {missing}"
        assert not differ, differ


def test_index_lives_and_dies_with_the_claims(factory):
    rows = load_pairs()[:4]
    with transaction(factory) as s:
        stored = _store(s, rows)
        cid = stored[2 * rows[0]["id"]].id
    with transaction(factory) as s:
        assert s.scalar(select(func.count()).select_from(retrieval.claim_terms)
                        .where(retrieval.claim_terms.c.claim_id == cid)) > 0
        s.delete(s.get(Claim, cid))
    with transaction(factory) as s:
        assert s.scalar(select(func.count()).select_from(retrieval.claim_terms)
                        .where(retrieval.claim_terms.c.claim_id == cid)) == 0
    # a failed transaction leaves neither claims nor index rows behind
    before = None
    with transaction(factory) as s:
        before = s.scalar(select(func.count()).select_from(retrieval.claim_terms))
    try:
        with transaction(factory) as s:
            _store(s, load_pairs()[10:12])
            raise RuntimeError("crash after indexing")
    except RuntimeError:
        pass
    with transaction(factory) as s:
        assert s.scalar(select(func.count()).select_from(retrieval.claim_terms)) == before


def test_window_and_source_are_part_of_the_lookup(factory):
    rows = load_pairs()[:1]
    with transaction(factory) as s:
        stored = _store(s, rows)
        a, b = stored[2 * rows[0]["id"]], stored[2 * rows[0]["id"] + 1]
        b.published = a.published + timedelta(days=20)
        retrieval.index_claims(s, [b])
    with transaction(factory) as s:
        a = s.get(Claim, a.id)
        assert b.id not in [c.id for c in retrieval.candidates(s, a, window_days=14)]
        assert b.id in [c.id for c in retrieval.candidates(s, a, window_days=30)]


def test_reindex_all_rebuilds_the_same_index(factory):
    with transaction(factory) as s:
        _store(s, load_pairs()[:20])
    q = text("SELECT term, day, claim_id, feed_id FROM claim_terms ORDER BY term, day, claim_id")
    with transaction(factory) as s:
        before = s.execute(q).all()
        n = retrieval.reindex_all(s)
        assert n == 40
    with transaction(factory) as s:
        assert s.execute(q).all() == before


def _counts(s):
    return s.execute(text("SELECT term, week, n FROM term_counts WHERE n != 0 ORDER BY term, week")).all()


def test_term_counts_follow_the_postings_through_reindexing(factory):
    """The per-week counts a lookup ranks by are the postings' own counts, also after a claim is re-indexed."""
    with transaction(factory) as s:
        stored = _store(s, load_pairs()[:12])
    with transaction(factory) as s:
        c = s.get(Claim, next(iter(stored.values())).id)
        c.text = "a completely different wording about Aleppo bread prices"
        c.published = c.published + timedelta(days=9)  # another week
        s.flush()
        retrieval.index_claims(s, [c])
        assert c.match_key and "aleppo" in c.match_key
    with transaction(factory) as s:
        incremental = _counts(s)
        retrieval.reindex_all(s)
    with transaction(factory) as s:
        assert _counts(s) == incremental
        total = s.execute(text("SELECT sum(n) FROM term_counts WHERE term != ''")).scalar()
        assert total == s.execute(text("SELECT count(*) FROM claim_terms")).scalar()


def test_cross_language_pairs_come_back_from_the_index(factory):
    """Arabic and English reports share no words: the neutral keys must still bring them together."""
    rows = load_pairs(PAIRS.parent / "crosslingual.jsonl")
    expected = {row["id"]: p for row, p, _ in predict(rows)}
    with transaction(factory) as s:
        stored = _store(s, rows)
    missing, differ = [], []
    with transaction(factory) as s:
        for row in rows:
            a = s.get(Claim, stored[2 * row["id"]].id)
            b_id = stored[2 * row["id"] + 1].id
            views = {v.id: v for v in retrieval.candidate_views(s, a, window_days=14)}
            if expected[row["id"]] != "none" and b_id not in views:
                missing.append(row["id"])
            if b_id in views:
                assert views[b_id].tokens is not None  # stored tokens, not normalised again
                r = compare(claim_view(a), views[b_id])
                if (r.relation if r else "none") != expected[row["id"]]:
                    differ.append((row["id"], expected[row["id"]], r and r.relation))
    assert not missing, f"cross-language pairs the matcher relates but the index did not return: {missing}"
    assert not differ, differ
