"""Fault suite through the whole poller: fetch -> parse -> store -> schedule, on the real database.

Every test runs a faulty feed beside healthy ones in the same rounds of ``worker.poll_round`` (real
HTTP server on 127.0.0.1, real SQLite or PostgreSQL) and asserts both what the faulty feed's row
shows (what an editor sees in the UI and in ``factcheck feeds status``) and that the healthy feeds
kept polling.  "Time passes" by moving ``next_poll_at`` into the past, so the scheduler itself
decides what is due.
"""
from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from factcheck.store.db import transaction
from factcheck.ingest import schedule
from factcheck.store.models import Article, Claim, Feed, utcnow
from factcheck.store.polling import REDIRECT_ADOPT_AFTER, PollOutcome, poll_feed
from factcheck.worker import poll_round
from tests.ingest.docs import item, rss
from tests.support.feedserver import FeedServer, Reply

DATE = "Fri, 07 Nov 2025 22:13:00 +0200"


def healthy_doc(i: int) -> str:
    return rss(*(item(f"Healthy {i} story {j}", guid=f"h{i}-{j}", link=f"http://healthy{i}.example/{j}",
                      date=DATE, body=f"<p>Story {j} of outlet {i}.</p>") for j in range(2)),
               title=f"Healthy {i}")


class World:
    """A server, the feed under test and three healthy feeds polled in the same rounds."""

    def __init__(self, server: FeedServer, factory, settings) -> None:
        self.server, self.factory, self.settings = server, factory, settings
        self.others: dict[int, str] = {}
        for i in range(3):
            path = f"/healthy{i}.xml"
            server.feed(path, healthy_doc(i), etag=f'"h{i}"')
            self.others[self.add(path, f"Healthy {i}")] = path

    def add(self, path: str, name: str = "Under test") -> int:
        with transaction(self.factory) as s:
            f = Feed(name=name, url=self.server.url(path), language="en", interval_minutes=30)
            s.add(f)
            s.flush()
            return f.id

    def make_due(self, ids: list[int] | None = None) -> None:
        """Time passes: these feeds (all by default) reach their next_poll_at."""
        with transaction(self.factory) as s:
            stmt = update(Feed).values(next_poll_at=utcnow() - timedelta(seconds=1))
            if ids is not None:
                stmt = stmt.where(Feed.id.in_(ids))
            s.execute(stmt)

    def round(self, *, due: list[int] | None = None) -> dict[int, PollOutcome]:
        """One scheduled round after time passed for ``due`` (all feeds by default)."""
        self.make_due(due if due is None else list(due) + list(self.others))
        before = {p: len(self.server.requests_for(p)) for p in self.others.values()}
        outcomes = {o.feed_id: o for o in poll_round(self.factory, self.settings, threads=3)}
        with self.factory() as s:
            for fid, path in self.others.items():
                assert len(self.server.requests_for(path)) == before[path] + 1, f"{path} was not polled"
                assert outcomes[fid].error is None
                feed = s.get(Feed, fid)
                assert feed.error_count == 0 and feed.next_poll_at > utcnow() and feed.lease_owner is None
            assert s.scalar(select(func.count()).select_from(Article).where(
                Article.feed_id.in_(list(self.others)))) == 2 * len(self.others)
        return outcomes

    def feed(self, fid: int) -> Feed:
        with self.factory() as s:
            feed = s.get(Feed, fid)
            s.expunge(feed)
            return feed

    def articles(self, fid: int) -> list[Article]:
        with self.factory() as s:
            rows = s.scalars(select(Article).where(Article.feed_id == fid).order_by(Article.id)).all()
            for r in rows:
                s.expunge(r)
            return rows


@pytest.fixture
def world(factory, settings):
    with FeedServer() as server:
        yield World(server, factory, settings)


def _delay(feed: Feed) -> timedelta:
    return feed.next_poll_at - feed.last_polled_at


# --- errors and recovery -------------------------------------------------------------------------


def test_500_for_many_polls_backs_off_capped_and_recovers_by_itself(world):
    failures = 10
    world.server.route("/flaky.xml", *([Reply(500, body="oops")] * failures),
                       Reply(200, body=rss(item("Back", guid="b1", link="http://x.example/b1", date=DATE,
                                                body="<p>Back online.</p>"))))
    fid = world.add("/flaky.xml")
    delays = []
    for n in range(1, failures + 1):
        out = world.round()[fid]
        feed = world.feed(fid)
        assert out.error and "500" in out.error
        assert feed.error_count == n and "500" in feed.last_error and feed.enabled
        delays.append(_delay(feed))
    # Never retried more eagerly than the healthy interval, growing, capped: never given up on.
    assert all(d >= timedelta(minutes=30) for d in delays)
    assert delays[-1] > 4 * delays[0]
    assert max(delays) <= schedule.MAX_BACKOFF and delays[-1] >= schedule.MAX_BACKOFF / 2
    out = world.round()[fid]
    feed = world.feed(fid)
    assert out.error is None and out.new == 1
    assert feed.error_count == 0 and feed.last_error is None and feed.last_success_at == feed.last_polled_at
    assert timedelta(minutes=5) <= _delay(feed) <= timedelta(hours=24)
    assert len(world.server.requests_for("/flaky.xml")) == failures + 1


def test_a_failing_feed_is_not_polled_before_its_backoff_ends(world):
    world.server.route("/down.xml", Reply(500))
    fid = world.add("/down.xml")
    world.round()
    world.round(due=[])  # only the healthy feeds' time has come
    assert len(world.server.requests_for("/down.xml")) == 1
    assert world.feed(fid).error_count == 1


def test_410_disables_the_feed_with_the_reason_shown(world):
    world.server.route("/gone.xml", Reply(410, body="gone"))
    fid = world.add("/gone.xml")
    out = world.round()[fid]
    feed = world.feed(fid)
    assert out.error and "410" in out.error
    assert not feed.enabled and "410 Gone" in feed.disabled_reason and "410" in feed.last_error
    outcomes = world.round()
    assert fid not in outcomes and len(world.server.requests_for("/gone.xml")) == 1


def _retry_after(form: str, seconds: int) -> tuple[str, datetime]:
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=seconds)
    if form == "seconds":
        return str(seconds), when
    return email.utils.format_datetime(when, usegmt=True), when


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_retry_after_is_honoured_for_that_feed_only(world, status, form):
    value, when = _retry_after(form, 3 * 3600)
    world.server.route("/busy.xml", Reply(status, headers={"Retry-After": value}))
    fid = world.add("/busy.xml")
    out = world.round()[fid]
    feed = world.feed(fid)
    assert out.error and str(status) in feed.last_error and feed.error_count == 1
    # The backoff alone would retry within the hour; the server asked for three.
    assert feed.next_poll_at >= when - timedelta(seconds=2)
    assert feed.next_poll_at <= when + timedelta(minutes=5)
    world.round(due=[])  # the others' time comes again: the busy feed is left alone
    world.round(due=[])
    assert len(world.server.requests_for("/busy.xml")) == 1


def test_absurd_retry_after_postpones_a_day_at_most(world):
    world.server.route("/busy.xml", Reply(503, headers={"Retry-After": str(10 * 365 * 86400)}))
    fid = world.add("/busy.xml")
    world.round()
    feed = world.feed(fid)
    assert timedelta(hours=23) <= _delay(feed) <= timedelta(hours=24, seconds=1)


def test_a_304_saves_new_validators_and_honours_max_age(world):
    body = rss(item("One", guid="o1", link="http://x.example/1", date=DATE, body="<p>One.</p>"))
    world.server.route(
        "/cached.xml",
        Reply(200, body=body, headers={"ETag": '"v1"', "Content-Type": "application/rss+xml"}),
        Reply(304, headers={"ETag": '"v2"', "Cache-Control": "max-age=7200"}),
        Reply(304, headers={"ETag": '"v2"'}))
    fid = world.add("/cached.xml")
    assert world.round()[fid].new == 1
    out = world.round()[fid]
    feed = world.feed(fid)
    assert out.not_modified and feed.etag == '"v2"' and feed.error_count == 0
    assert _delay(feed) >= timedelta(hours=2) - timedelta(seconds=2)
    world.round()
    sent = [r.headers.get("if-none-match") for r in world.server.requests_for("/cached.xml")]
    assert sent == [None, '"v1"', '"v2"']
    assert len(world.articles(fid)) == 1


def test_a_304_honours_the_ttl_of_the_last_download(world):
    """<ttl> travels only in the body: a 304 must still not poll the feed earlier than it asked."""
    body = rss(item("One", guid="t1", link="http://x.example/1", date=DATE, body="<p>One.</p>"),
               extra="<ttl>240</ttl>")
    world.server.route(
        "/ttl.xml",
        Reply(200, body=body, headers={"ETag": '"t1"', "Content-Type": "application/rss+xml"}),
        Reply(304, headers={"ETag": '"t1"'}))
    fid = world.add("/ttl.xml")
    assert world.round()[fid].new == 1
    assert _delay(world.feed(fid)) >= timedelta(minutes=240) - timedelta(seconds=2)
    world.make_due([fid])
    out = world.round()[fid]
    assert out.not_modified
    assert _delay(world.feed(fid)) >= timedelta(minutes=240) - timedelta(seconds=2)


def test_empty_200_is_recorded_as_an_error(world):
    world.server.route("/empty.xml", Reply(200, body=b"", headers={"ETag": '"empty"'}))
    fid = world.add("/empty.xml")
    out = world.round()[fid]
    feed = world.feed(fid)
    assert out.error and "empty" in feed.last_error and feed.error_count == 1
    assert feed.etag is None  # an empty answer's validator must not turn later polls into 304s
    assert world.articles(fid) == []


def test_html_page_instead_of_a_feed_is_an_error(world):
    world.server.route("/page.xml", Reply(200, body="<!doctype html><html><body>Moved</body></html>",
                                          headers={"Content-Type": "text/html"}))
    fid = world.add("/page.xml")
    world.round()
    feed = world.feed(fid)
    assert feed.error_count == 1 and "HTML page" in feed.last_error


# --- redirects -----------------------------------------------------------------------------------


def _new_home(world, path: str = "/new.xml") -> str:
    world.server.feed(path, rss(item("Moved story", guid="m1", link="http://x.example/m1", date=DATE,
                                     body="<p>Moved.</p>")), etag='"m"')
    return world.server.url(path)


def test_301_seen_once_keeps_the_url(world):
    new = _new_home(world)
    world.server.route("/old.xml", Reply(301, location=new), Reply(200, body=rss()))
    fid = world.add("/old.xml")
    old = world.feed(fid).url
    assert world.round()[fid].new == 1
    feed = world.feed(fid)
    assert feed.url == old and feed.redirect_url == new and feed.redirect_count == 1
    world.round()  # the old URL answers directly again: the streak ends
    feed = world.feed(fid)
    assert feed.url == old and feed.redirect_url is None and feed.redirect_count == 0


def test_301_seen_on_consecutive_polls_is_adopted(world):
    new = _new_home(world)
    world.server.route("/old.xml", Reply(301, location=new))
    fid = world.add("/old.xml")
    for n in range(1, REDIRECT_ADOPT_AFTER):
        world.round()
        assert world.feed(fid).url != new and world.feed(fid).redirect_count == n
    world.round()
    feed = world.feed(fid)
    assert feed.url == new and feed.redirect_url is None and feed.redirect_count == 0
    old_requests = len(world.server.requests_for("/old.xml"))
    world.round()
    assert len(world.server.requests_for("/old.xml")) == old_requests  # the new URL is asked directly
    assert len(world.server.requests_for("/new.xml")) == REDIRECT_ADOPT_AFTER + 1
    assert len(world.articles(fid)) == 1


def test_302_is_never_adopted(world):
    new = _new_home(world)
    world.server.route("/old.xml", Reply(302, location=new))
    fid = world.add("/old.xml")
    old = world.feed(fid).url
    for _ in range(REDIRECT_ADOPT_AFTER + 1):
        world.round()
    feed = world.feed(fid)
    assert feed.url == old and feed.redirect_count == 0 and feed.error_count == 0
    assert len(world.articles(fid)) == 1


def test_permanent_redirect_to_a_url_another_feed_has_is_shown_not_crashed(world):
    new = _new_home(world)
    world.add("/new.xml", "Already there")
    world.server.route("/old.xml", Reply(301, location=new))
    fid = world.add("/old.xml")
    old = world.feed(fid).url
    for _ in range(REDIRECT_ADOPT_AFTER + 1):
        assert world.round()[fid].error is None
    feed = world.feed(fid)
    assert feed.url == old and "already has that URL" in feed.last_error and feed.enabled


def test_redirect_loop_is_an_error_and_the_others_go_on(world):
    world.server.route("/a.xml", Reply(301, location=world.server.url("/b.xml")))
    world.server.route("/b.xml", Reply(301, location=world.server.url("/a.xml")))
    fid = world.add("/a.xml")
    world.round()
    feed = world.feed(fid)
    assert "loop" in feed.last_error and feed.redirect_count == 0


# --- entries -------------------------------------------------------------------------------------


def test_edited_entry_updates_the_article_and_its_claims(world):
    v1 = rss(item("Minister", guid="e1", link="http://x.example/e1", date=DATE,
                  body='<p>The minister said: "Forty schools will reopen in Aleppo."</p>'))
    v2 = rss(item("Minister", guid="e1", link="http://x.example/e1", date=DATE,
                  body='<p>The minister said: "Sixty schools will reopen in Aleppo."</p>'))
    world.server.route("/edit.xml", Reply(200, body=v1), Reply(200, body=v2))
    fid = world.add("/edit.xml")
    assert world.round()[fid].new == 1
    first = world.articles(fid)[0]
    out = world.round()[fid]
    assert out.updated == 1 and out.new == 0
    arts = world.articles(fid)
    assert [a.id for a in arts] == [first.id] and "Sixty" in arts[0].text and arts[0].updated_at
    with world.factory() as s:
        texts = [c.text for c in s.scalars(select(Claim).where(Claim.article_id == first.id))]
    assert any("Sixty" in t for t in texts) and not any("Forty" in t for t in texts)


def test_entries_sharing_one_guid_are_stored_separately_and_once(world):
    doc = rss(*(item(f"Story {i}", guid="same", link=f"http://x.example/{i}", date=DATE,
                     body=f"<p>Body {i}.</p>") for i in range(3)))
    world.server.route("/oneguid.xml", Reply(200, body=doc))
    fid = world.add("/oneguid.xml")
    assert world.round()[fid].new == 3
    assert world.round()[fid].new == 0
    assert sorted(a.url for a in world.articles(fid)) == [f"http://x.example/{i}" for i in range(3)]


def test_entries_without_guids_or_links_are_stored_once(world):
    doc = rss(*(item(f"Story {i}", date=DATE, body=f"<p>Body {i}.</p>") for i in range(3)))
    world.server.route("/noguid.xml", Reply(200, body=doc))
    fid = world.add("/noguid.xml")
    assert world.round()[fid].new == 3
    out = world.round()[fid]
    assert out.new == 0 and out.updated == 0 and len(world.articles(fid)) == 3


def test_guids_that_start_repeating_do_not_duplicate_articles(world):
    unique = rss(*(item(f"Story {i}", guid=f"g{i}", link=f"http://x.example/{i}", date=DATE,
                        body=f"<p>Body {i}.</p>") for i in range(3)))
    repeated = rss(*(item(f"Story {i}", guid="feed-url", link=f"http://x.example/{i}", date=DATE,
                          body=f"<p>Body {i}.</p>") for i in range(3)))
    world.server.route("/keys.xml", Reply(200, body=unique), Reply(200, body=repeated))
    fid = world.add("/keys.xml")
    assert world.round()[fid].new == 3
    ids = [a.id for a in world.articles(fid)]
    out = world.round()[fid]
    assert out.new == 0
    arts = world.articles(fid)
    assert [a.id for a in arts] == ids and all(a.dedup_key.startswith("link:") for a in arts)
    assert world.round()[fid].new == 0 and len(world.articles(fid)) == 3


def test_future_date_is_stored_as_now_at_the_latest(world):
    future = email.utils.format_datetime(datetime.now(UTC) + timedelta(days=400), usegmt=True)
    world.server.route("/future.xml", Reply(200, body=rss(item("Tomorrow", guid="f1", date=future,
                                                              body="<p>Ahead of time.</p>"))))
    fid = world.add("/future.xml")
    world.round()
    [art] = world.articles(fid)
    assert art.published <= utcnow()
    assert art.published >= utcnow() - timedelta(minutes=5)


def test_poll_now_from_the_ui_path_records_without_a_lease(world):
    world.server.feed("/plain.xml", rss(item("One", guid="p1", date=DATE, body="<p>One.</p>")), etag='"p"')
    fid = world.add("/plain.xml")
    assert poll_feed(world.factory, fid, world.settings).new == 1
    assert poll_feed(world.factory, fid, world.settings).not_modified
    feed = world.feed(fid)
    assert feed.etag == '"p"' and feed.lease_owner is None and feed.next_poll_at > utcnow()


def test_feeds_status_shows_each_feeds_health(world, settings, monkeypatch):
    from click.testing import CliRunner

    from factcheck.cli import main

    world.server.route("/gone.xml", Reply(410))
    world.server.route("/down.xml", Reply(503, headers={"Retry-After": "7200"}))
    world.server.route("/moved.xml", Reply(301, location=_new_home(world)))
    gone, down, moved = world.add("/gone.xml", "Gone outlet"), world.add("/down.xml", "Down outlet"), \
        world.add("/moved.xml", "Moved outlet")
    world.round()
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    out = CliRunner().invoke(main, ["feeds", "status"], catch_exceptions=False).output
    states = {int(m.group(2)): m.group(1) for m in re.finditer(r"^(\S+) +#(\d+) ", out, re.M)}
    assert states[gone] == "GONE" and states[down] == "FAILING" and states[moved] == "ok"
    assert all(states[fid] == "ok" for fid in world.others)
    assert "410 Gone" in out and "1 consecutive error(s), backing off: HTTP 503" in out
    assert "next poll in 1 h 59 min" in out or "next poll in 2 h 00 min" in out
    assert f"moved permanently to {world.server.url('/new.xml')} (seen on 1 consecutive poll(s))" in out
    assert out.strip().splitlines()[-1] == "1 FAILING, 1 GONE, 4 ok"
