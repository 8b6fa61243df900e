"""Polling through the pipeline against a real HTTP server on 127.0.0.1."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from factcheck.config import ROOT
from factcheck.store.db import transaction
from factcheck.ingest.feeds_yaml import load_feeds_file
from factcheck.store.models import Article, Claim, Feed, Match, utcnow
from factcheck.store.polling import poll_feed, sync_feeds
from factcheck.worker import poll_round

from .support.feedserver import FeedServer, Reply
from .web.data import polled_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test outlet</title>
<item><guid>a-1</guid><title>Minister speaks</title><link>https://t.example/1</link>
<pubDate>Fri, 07 Nov 2025 10:00:00 +0000</pubDate>
<description>&lt;p&gt;The minister said: "Forty schools will reopen in Aleppo on 10 November 2025."&lt;/p&gt;</description></item>
</channel></rss>"""


def test_second_poll_is_conditional_and_a_304_stores_nothing(factory, settings):
    with FeedServer() as server:
        server.feed("/feed.xml", RSS, etag='"v1"', last_modified="Fri, 07 Nov 2025 10:00:00 GMT")
        fid = polled_feed(factory, server.url("/feed.xml"))
        first = poll_feed(factory, fid, settings)
        assert first.new == 1 and first.error is None
        second = poll_feed(factory, fid, settings)
        reqs = server.requests_for("/feed.xml")
    assert reqs[0].headers.get("if-none-match") is None
    assert reqs[1].headers.get("if-none-match") == '"v1"'
    assert reqs[1].headers.get("if-modified-since") == "Fri, 07 Nov 2025 10:00:00 GMT"
    assert second.not_modified and second.new == 0
    with factory() as s:
        assert s.scalar(select(func.count(Article.id))) == 1
        claims = s.scalars(select(Claim)).all()
        assert any(c.kind == "quote" and "Forty schools" in c.text for c in claims)
        feed = s.get(Feed, fid)
        assert feed.etag == '"v1"' and feed.error_count == 0 and feed.next_poll_at > utcnow()


def test_a_broken_feed_is_recorded_and_the_others_go_on(factory, settings):
    with FeedServer() as server:
        server.feed("/good.xml", RSS)
        server.route("/broken.xml", Reply(500, body="oops"))
        good = polled_feed(factory, server.url("/good.xml"), "Good")
        broken = polled_feed(factory, server.url("/broken.xml"), "Broken")
        dead = polled_feed(factory, "http://127.0.0.1:9/feed.xml", "Nobody listens")
        outcomes = {o.feed_id: o for o in poll_round(factory, settings)}
    assert outcomes[good].new == 1 and outcomes[good].error is None
    assert outcomes[broken].error and outcomes[dead].error
    with factory() as s:
        for fid in (broken, dead):
            f = s.get(Feed, fid)
            assert f.error_count == 1 and f.last_error
            assert f.next_poll_at > utcnow() + timedelta(minutes=30), "errors back off beyond the interval"
        assert s.get(Feed, good).error_count == 0


def test_an_entry_is_stored_once_however_often_it_is_polled(factory, settings):
    with FeedServer() as server:
        server.route("/feed.xml", Reply(200, body=RSS))  # no validators: the body comes back every time
        fid = polled_feed(factory, server.url("/feed.xml"))
        assert poll_feed(factory, fid, settings).new == 1
        assert poll_feed(factory, fid, settings).new == 0
    with factory() as s:
        assert s.scalar(select(func.count(Article.id))) == 1


def test_bundled_samples_fill_the_queue_with_cross_source_matches(factory, settings):
    settings.feeds_file = ROOT / "feeds.yaml"
    specs = [s for s in load_feeds_file(ROOT / "feeds.yaml") if s.url.startswith("file:")]
    assert len(specs) >= 3
    with transaction(factory) as s:
        sync_feeds(s, specs)
    outcomes = poll_round(factory, settings)
    assert all(o.error is None for o in outcomes), [o.error for o in outcomes]
    with factory() as s:
        sources = s.scalar(select(func.count(func.distinct(Article.feed_id))))
        assert sources == len(specs)
        pending = s.scalar(select(func.count(Claim.id)).where(Claim.status == "pending"))
        assert pending >= 15
        relations = set(s.scalars(select(Match.relation)))
        # The samples are written so that some reports agree and some conflict.
        assert {"supports", "conflicts"} <= relations, relations
        cross = s.scalar(select(func.count(Match.id)).join(Claim, Match.claim_id == Claim.id))
        assert cross > 0


def test_a_poll_that_meets_another_writers_match_row_is_stored_again(factory, settings, monkeypatch):
    # An editor's Match again (or `factcheck db rematch`) can store one of the match pairs a
    # poll is writing first; on PostgreSQL the poll's transaction then fails on uq_matches_pair.
    # It is stored again from the start, not recorded as a feed error with its articles lost.
    from sqlalchemy.exc import IntegrityError

    from factcheck.store import polling

    real, calls = polling._record_poll, []

    def first_loses(s, feed, result, parsed, settings_, **kw):
        calls.append(feed.id)
        out = real(s, feed, result, parsed, settings_, **kw)
        if len(calls) == 1:
            raise IntegrityError("INSERT INTO matches", {}, Exception("uq_matches_pair"))
        return out

    monkeypatch.setattr(polling, "_record_poll", first_loses)
    with FeedServer() as server:
        server.feed("/feed.xml", RSS)
        fid = polled_feed(factory, server.url("/feed.xml"))
        outcome = poll_feed(factory, fid, settings)
    assert len(calls) == 2
    assert outcome.error is None and outcome.new == 1
    with factory() as s:
        assert s.scalar(select(func.count(Article.id))) == 1
        assert s.get(Feed, fid).error_count == 0
