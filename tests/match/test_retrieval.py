"""Candidate retrieval through the database index, on SQLite (and PostgreSQL when configured).

The labelled pairs are stored as claims of their outlets; every pair the
matcher relates must come back from the index, and the relations computed on
the stored rows must be the ones computed on the plain pairs.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, text

from factcheck.store import retrieval
from factcheck.store.db import transaction
from factcheck.match import compare
from factcheck.store.models import Article, Claim, Feed
from factcheck.store.pipeline import claim_view
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
                      unit=d.get("unit"), norm_text="", article_hash=h)
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
                assert views[b_id].match_key  # stored tokens, not normalised again
                r = compare(claim_view(a), views[b_id])
                if (r.relation if r else "none") != expected[row["id"]]:
                    differ.append((row["id"], expected[row["id"]], r and r.relation))
    assert not missing, f"cross-language pairs the matcher relates but the index did not return: {missing}"
    assert not differ, differ


def _claims_on(s, feed, day, texts):
    out = []
    for i, body in enumerate(texts):
        art = Article(feed=feed, dedup_key=f"{feed.name}-{day.isoformat()}-{i}-{body}", title="", published=day,
                      language="en", text=body, content_hash=hashlib.sha256(f"{feed.name}{day}{i}{body}".encode()).hexdigest())
        s.add(art)
        s.flush()
        c = Claim(article=art, feed_id=feed.id, published=day, language="en", kind="statement", text=body,
                  sentence=body, norm_text="")
        s.add(c)
        out.append(c)
    s.flush()
    retrieval.index_claims(s, out)
    return out


def test_same_wording_days_away_is_found_through_word_pairs_when_every_word_is_common(factory, monkeypatch):
    """Many claims on the query's own day hold each of its words, but not its adjacent pairs; the report
    with the same wording ten days later still comes back through its word pairs, and through its wording
    fingerprint (it did not, looking up single words only)."""
    words = ["granary", "turbine", "harbour", "ledger", "orchard", "quarry"]
    day = datetime(2025, 3, 10, 9, tzinfo=timezone.utc)
    with transaction(factory) as s:
        feeds = [Feed(name=f"pairs_{i}", url=f"https://pairs{i}.example/feed", language="en") for i in range(3)]
        s.add_all(feeds)
        s.flush()
        (query,) = _claims_on(s, feeds[0], day, [" ".join(words)])
        # every other word: all the single words, none of the adjacent pairs
        _claims_on(s, feeds[1], day, [" ".join(words[k % 2::2]) + f" item{k}" for k in range(30)])
        (same,) = _claims_on(s, feeds[2], day + timedelta(days=10), [" ".join(words)])
        qid, sid = query.id, same.id
    monkeypatch.setattr(retrieval, "EXACT_CLAIMS", 0)  # a crowded window: the nearest, rarest postings
    monkeypatch.setattr(retrieval, "PER_TERM", 5)
    monkeypatch.setattr(retrieval, "SHARED_TERMS", 0)
    monkeypatch.setattr(retrieval, "FINGERPRINT_LIMIT", 0)
    with transaction(factory) as s:
        q = s.get(Claim, qid)
        assert sid in retrieval.candidate_ids(s, q, window_days=14, limit=10)
        monkeypatch.setattr(retrieval, "PAIR_LOOKUP", 0)
        assert sid not in retrieval.candidate_ids(s, q, window_days=14, limit=10)
        # the wording fingerprint finds it on its own too
        monkeypatch.setattr(retrieval, "FINGERPRINT_LIMIT", 100)
        assert sid in retrieval.candidate_ids(s, q, window_days=14, limit=10)


def test_a_figure_comes_back_through_its_value_and_unit_when_its_words_are_common(factory, monkeypatch):
    """Two outlets count one bombing's dead in other words ("thirty people were killed", "30 dead in the
    market blast") on a day when the query's words are in many other claims: the other count comes back
    through the figure with its unit, as a dated report does through its date. It did not: the figure
    was looked up in the other languages only, and the full comparison of two articles linked by a
    related row, which used to find such pairs, is done for verdicts only now."""
    day = datetime(2025, 7, 20, 9, tzinfo=timezone.utc)

    def figure(s, feed, when, body, value):
        art = Article(feed=feed, dedup_key=f"{feed.name}-{body}", title="", published=when, language="en",
                      text=body, content_hash=hashlib.sha256(f"{feed.name}{body}".encode()).hexdigest())
        s.add(art)
        s.flush()
        c = Claim(article=art, feed_id=feed.id, published=when, language="en", kind="figure", text=body,
                  sentence=body, norm_text="", value=value, unit="killed")
        s.add(c)
        s.flush()
        retrieval.index_claims(s, [c])
        return c

    with transaction(factory) as s:
        feeds = [Feed(name=f"count_{i}", url=f"https://count{i}.example/feed", language="en") for i in range(3)]
        s.add_all(feeds)
        s.flush()
        query = figure(s, feeds[0], day, "thirty people were killed in the market blast", 30.0)
        # the day's other reports hold every word the two counts share, nearer the query's day
        _claims_on(s, feeds[1], day, [f"people killed market blast filler{k}" for k in range(40)])
        same = figure(s, feeds[2], day + timedelta(days=1), "30 dead as blast hits market, killed", 30.0)
        other = figure(s, feeds[2], day + timedelta(days=1), "31 dead as blast hits market, killed", 31.0)
        qid, sid, oid = query.id, same.id, other.id
    monkeypatch.setattr(retrieval, "EXACT_CLAIMS", 0)  # a crowded window: the nearest, rarest postings
    monkeypatch.setattr(retrieval, "PER_TERM", 5)
    monkeypatch.setattr(retrieval, "SHARED_TERMS", 0)
    monkeypatch.setattr(retrieval, "PAIR_LOOKUP", 0)
    with transaction(factory) as s:
        found = retrieval.candidate_ids(s, s.get(Claim, qid), window_days=14, limit=10)
        assert sid in found
        assert oid not in found  # another count shares no figure key: still crowded out by the words


def test_index_added_terms_adds_what_index_claims_writes(factory):
    """Migration 0005 adds the pair and fingerprint postings and counts of stored claims: the same rows a
    fresh index holds; its downgrade removes exactly those."""
    with transaction(factory) as s:
        _store(s, load_pairs()[:20])
    q = text("SELECT term, day, claim_id, feed_id FROM claim_terms ORDER BY term, day, claim_id")
    with transaction(factory) as s:
        before, counts = s.execute(q).all(), _counts(s)
        assert any("+" in r[0] for r in before) and any(r[0].startswith("=") for r in before)
        for table in ("claim_terms", "term_counts"):  # what migration 0005's downgrade removes
            s.execute(text(f"DELETE FROM {table} WHERE term LIKE '=%' "
                           "OR (term LIKE '%+%' AND term NOT LIKE '@%' AND term NOT LIKE '#%')"))
        left = {r[0] for r in s.execute(text("SELECT term FROM claim_terms"))}
        assert not any("+" in t and t[0] not in "@#" or t.startswith("=") for t in left)
        assert any(t.startswith("@") for t in left)  # language-neutral keys stay
        assert retrieval.index_added_terms(s) == 40
    with transaction(factory) as s:
        assert s.execute(q).all() == before
        assert _counts(s) == counts


def test_pool_is_cut_by_the_prefilter_score_not_by_one_rare_word(factory, monkeypatch):
    """A claim holding most of the query's wording comes before one sharing only two rare words, even when
    the rare words weigh more in the index's IDF ranking (they did, before the pool was re-ranked)."""
    day = datetime(2025, 5, 2, 9, tzinfo=timezone.utc)
    with transaction(factory) as s:
        feeds = [Feed(name=f"rerank_{i}", url=f"https://rerank{i}.example/feed", language="en") for i in range(4)]
        s.add_all(feeds)
        s.flush()
        (query,) = _claims_on(s, feeds[0], day, ["bakery strike ovens town zephyr quokka"])
        _claims_on(s, feeds[1], day, [f"bakery strike filler{k}" for k in range(40)]
                   + [f"ovens town filler{k}" for k in range(40)])
        (most,) = _claims_on(s, feeds[2], day, ["bakery strike ovens town"])
        (rare,) = _claims_on(s, feeds[3], day, ["zephyr quokka seen near harbour cranes lighthouse pier"])
        qid, most_id, rare_id = query.id, most.id, rare.id
    monkeypatch.setattr(retrieval, "EXACT_CLAIMS", 0)  # a crowded window: the ranked, cut lookup
    monkeypatch.setattr(retrieval, "PAIR_LOOKUP", 0)  # single words only: the IDF sum favours the rare pair
    with transaction(factory) as s:
        q = s.get(Claim, qid)
        assert retrieval.candidate_ids(s, q, window_days=14, limit=1) == [most_id]
        monkeypatch.setattr(retrieval, "RERANK_POOL", 0)
        assert retrieval.candidate_ids(s, q, window_days=14, limit=1) == [rare_id]


def test_a_lookup_sees_the_changes_its_own_session_has_not_written_yet(factory):
    # The lookup reads through the driver's cursor, not session.execute: it must still flush first,
    # or a claim edited and matched again in one request would be compared as it was before the edit.
    row = next(r for r in load_pairs() if r["a"]["kind"] == r["b"]["kind"] == "quote"
               and r["a"]["lang"] == r["b"]["lang"])
    with transaction(factory) as s:
        stored = _store(s, [row])
    with transaction(factory) as s:
        a, b = s.get(Claim, stored[2 * row["id"]].id), s.get(Claim, stored[2 * row["id"] + 1].id)
        b.speaker = "Someone Else Entirely"
        views = {v.id: v for v in retrieval.candidate_views(s, a, window_days=14)}
        assert views[b.id].speaker == "Someone Else Entirely"


def test_indexing_writes_the_stored_tokens_of_a_batch_in_one_statement(factory, database_url):
    """A batch's match_key values go in one UPDATE (not one a claim: a round trip each on
    PostgreSQL), and what a later session reads back is each claim's own stored tokens, also
    after an edited claim is indexed again."""
    from factcheck.match.similarity import stored_tokens

    rows = load_pairs()[:10]
    statements: list[str] = []
    with transaction(factory) as s:
        raw = s.connection().connection.dbapi_connection
        if database_url.startswith("sqlite"):
            raw.set_trace_callback(statements.append)
        stored = _store(s, rows)
        if database_url.startswith("sqlite"):
            s.flush()
            raw.set_trace_callback(None)
    if database_url.startswith("sqlite"):
        updates = [q for q in statements if q.lstrip().upper().startswith("UPDATE CLAIMS")]
        assert len(updates) == 1, updates
    ids = [c.id for c in stored.values()]
    with transaction(factory) as s:
        for cid in ids:
            c = s.get(Claim, cid)
            assert c.match_key == stored_tokens(c.text, c.sentence)
        first = s.get(Claim, ids[0])
        first.text = first.text + " edited wording"
        s.flush()
        retrieval.index_claims(s, [first])
    with transaction(factory) as s:
        c = s.get(Claim, ids[0])
        assert c.match_key == stored_tokens(c.text, c.sentence)
        assert "edited" in c.match_key


def test_equal_weight_sums_tie_whatever_terms_make_them_up(factory):
    """Claims whose shared terms' weights add up to the same sum tie, and the statement's
    tie-breaks (latest day, then highest id) decide, on SQLite as on PostgreSQL: summed as floating
    point, 0.1 + 0.2 came out above 0.3, and the engines, adding a claim's postings in different
    orders, returned the same candidates in different orders (and cut a shortlist differently)."""
    with transaction(factory) as s:
        stored = list(_store(s, load_pairs()[:6]).values())
        me = stored[0]
        a, b = sorted((c for c in stored if c.feed_id != me.feed_id), key=lambda c: c.id)[:2]
        day = retrieval.day_number(me.published)
        retrieval.write_postings(s.connection(), [("zzone", day, a.id, a.feed_id), ("zztwo", day, a.id, a.feed_id),
                                                 ("zzthree", day, b.id, b.feed_id)])
        got = retrieval._ranked(s, {"zzone": 0.1, "zztwo": 0.2, "zzthree": 0.3}, day - 14, day + 14, me, 10, day,
                                retrieval.PER_TERM)
    assert got == [b.id, a.id]
