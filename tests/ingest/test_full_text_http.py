"""Full text over real HTTP on 127.0.0.1: a teaser feed whose links point at local pages.

Issue 19, acceptance 2: claims come from the page's text; a page that 404s, stalls, redirects to a
private address, is 30 MB or is a PDF leaves the teaser article as the feed gave it, with the error
on the article and on the feed's health; no host ever has more requests at a time than the limit;
robots.txt's Disallow is obeyed.
"""
from __future__ import annotations

from email.utils import format_datetime
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from factcheck.store.db import transaction
from factcheck.ingest.pages import FullTextConfig
from factcheck.store.models import Article, Claim, Feed
from factcheck.store.polling import poll_feed

from ..support.evaldata import require
from ..support.feedserver import FeedServer, Reply
from .test_fulltext_extraction import ARABIC_PAGE

TEASER = "قال وزير النقل إن الجسر الجديد سيفتح قريبًا."
HTML = {"Content-Type": "text/html; charset=utf-8"}


def rss(server: FeedServer, items: list[tuple[str, str, str]]) -> bytes:
    when = format_datetime(datetime(2025, 11, 7, 10, 0, tzinfo=UTC), usegmt=True)
    body = "".join(f"<item><guid>{guid}</guid><title>{title}</title><link>{server.url(path)}</link>"
                   f"<description>{TEASER if guid == 'bridge' else title}</description><pubDate>{when}</pubDate></item>"
                   for guid, title, path in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Teasers</title>'
            f"<link>{server.url('/')}</link>{body}</channel></rss>").encode("utf-8")


def add_feed(factory, url: str, **kw) -> int:
    with transaction(factory) as s:
        feed = Feed(url=url, name="Teaser Daily", kind="feed", language="ar", **kw)
        s.add(feed)
        s.flush()
        return feed.id


def articles(factory, feed_id: int) -> dict[str, Article]:
    with factory() as s:
        # feedparser reads a bare guid relative to the feed (a permalink): keyed by its last part.
        return {a.guid.rsplit("/", 1)[-1]: a for a in s.scalars(select(Article).where(Article.feed_id == feed_id))}


def total_concurrency(server: FeedServer, paths: set[str], slack: float = 0.1) -> int:
    """The most requests to these paths the server was answering at one moment.

    A request's end is taken `slack` seconds early (never before its start): the server thread
    records the end only after its last write returns, and the client, which has every byte by then,
    may free its slot and open the next request first. On a loaded machine that window, a thread
    not yet rescheduled, counted a third request "at once" under a limit of two. Each page here takes
    0.3 s, so a limiter that let more through would still show them all overlapping.
    """
    events = []
    for r in server.requests:
        if r.path in paths:
            end = max(r.start, (r.end or r.start) - slack)
            events += [(r.start, 1), (end, -1)]
    level = peak = 0
    for _, step in sorted(events, key=lambda e: (e[0], e[1])):
        level += step
        peak = max(peak, level)
    return peak


def test_claims_come_from_the_page_and_every_failing_page_keeps_its_teaser(settings, factory):
    items = [("bridge", "الجسر", "/news/bridge.html"), ("gone", "Gone story", "/news/gone.html"),
             ("stall", "Stalled story", "/news/stall.html"), ("private", "Moved story", "/news/moved.html"),
             ("huge", "Huge story", "/news/huge.html"), ("pdf", "Report", "/news/report.pdf"),
             ("robots", "Private story", "/private/story.html")]
    with FeedServer() as server:
        server.route("/feed.xml", Reply(200, body=rss(server, items), headers={"Content-Type": "application/rss+xml"}))
        server.route("/robots.txt", Reply(200, body=b"User-agent: *\nDisallow: /private/\n",
                                          headers={"Content-Type": "text/plain"}))
        server.route("/news/bridge.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML))
        server.route("/news/gone.html", Reply(404, body=b"not here", headers=HTML))
        server.route("/news/stall.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML, delay=5))
        server.route("/news/moved.html", Reply(302, location="http://10.20.30.40/news/moved.html"))
        server.route("/news/huge.html", Reply(200, generate=30 * 2**20, headers=HTML))
        server.route("/news/report.pdf", Reply(200, body=b"%PDF-1.7\n" + b"0" * 5000,
                                               headers={"Content-Type": "application/pdf"}))
        server.route("/private/story.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML))
        # Private networks off for this fetch, only the test server's own address opened.
        settings.allow_private_networks = False
        settings.fulltext = FullTextConfig(per_host=2, min_delay=0.0, timeout=1.5, max_bytes=5 * 2**20,
                                           allowed_networks=("127.0.0.1/32",), threads=6)
        feed_id = add_feed(factory, server.url("/feed.xml"), allow_private=False)
        # The feed itself is fetched with the same guard: 127.0.0.1 must be opened for it too.
        import factcheck.store.polling as polling

        original = polling.fetch_feed

        def feed_fetch(url, **kw):
            kw["allowed_networks"] = ("127.0.0.1/32",)
            return original(url, **kw)

        polling.fetch_feed = feed_fetch
        try:
            out = poll_feed(factory, feed_id, settings)
        finally:
            polling.fetch_feed = original
        assert out.error is None and out.new == len(items)
        assert server.requests_for("/private/story.html") == [], "robots.txt Disallow obeyed"
        assert server.requests_for("/robots.txt"), "robots.txt was read"
        agent = server.requests_for("/news/bridge.html")[0].headers["user-agent"]
        assert "factcheck" in agent and "http://127.0.0.1:5000/" in agent

    stored = articles(factory, feed_id)
    assert set(stored) == {g for g, _, _ in items}, {g: (a.page_status, a.page_error) for g, a in stored.items()}
    bridge = stored["bridge"]
    assert bridge.page_status == "fetched" and bridge.page_error is None
    assert "محافظتي حلب وحمص" in bridge.text and TEASER not in bridge.text
    with factory() as s:
        claims = s.scalars(select(Claim).where(Claim.article_id == bridge.id)).all()
    # This quote is only in the page's body, not in the teaser.
    assert any("الجسر الجديد سيفتح أمام السيارات يوم الاثنين المقبل" in c.text for c in claims), \
        [c.text for c in claims]
    expect = {"gone": "HTTP 404", "stall": "timed out", "private": "10.20.30.40",
              "huge": "larger than 5 MiB", "pdf": "not an HTML page (application/pdf)", "robots": "robots.txt"}
    for guid, words in expect.items():
        art = stored[guid]
        assert art.page_status == "failed", guid
        assert words in (art.page_error or ""), (guid, art.page_error)
        assert art.text == dict((g, t) for g, t, _ in items)[guid], "the teaser is kept"
    with factory() as s:
        feed = s.get(Feed, feed_id)
        assert feed.page_error_count == len(expect)
        assert feed.last_page_error and feed.error_count == 0  # the feed itself is healthy


def test_pages_of_one_host_are_never_fetched_more_than_the_limit_at_a_time(settings, factory):
    items = [(f"p{i}", f"Story {i}", f"/news/{i}.html") for i in range(8)]
    with FeedServer() as server:
        server.route("/feed.xml", Reply(200, body=rss(server, items), headers={"Content-Type": "application/rss+xml"}))
        for _, _, path in items:
            server.route(path, Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML, delay=0.3))
        settings.fulltext = FullTextConfig(per_host=2, min_delay=0.0, threads=8)
        feed_id = add_feed(factory, server.url("/feed.xml"), full_text="always")
        poll_feed(factory, feed_id, settings)
        pages = {p for _, _, p in items}
        assert all(server.requests_for(p) for p in pages)
        peak = total_concurrency(server, pages | {"/robots.txt"})
    assert peak == 2, f"at most 2 at a time to 127.0.0.1, and the limit was used: {peak}"
    assert all(a.page_status == "fetched" for a in articles(factory, feed_id).values())


def test_the_minimum_delay_and_retry_after_hold_per_host(settings, factory):
    items = [(f"p{i}", f"Story {i}", f"/news/{i}.html") for i in range(3)] + [("busy", "Busy", "/busy/x.html")]
    with FeedServer() as server:
        server.route("/feed.xml", Reply(200, body=rss(server, items[:3]), headers={"Content-Type": "application/rss+xml"}))
        for _, _, path in items[:3]:
            server.route(path, Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML))
        settings.fulltext = config = FullTextConfig(per_host=4, min_delay=0.4, threads=4, robots=False)
        feed_id = add_feed(factory, server.url("/feed.xml"), full_text="always")
        poll_feed(factory, feed_id, settings)
        starts = sorted(r.start for r in server.requests if r.path.startswith("/news/"))
        assert len(starts) == 3
        assert all(b - a >= 0.35 for a, b in zip(starts, starts[1:])), starts
        # A 503 with Retry-After: the host gets nothing more until then.
        server.route("/busy/x.html", Reply(503, headers={"Retry-After": "120"}))
        from factcheck.ingest.pages import PageFetcher

        fetcher = PageFetcher(config, allow_private=True)
        first = fetcher.fetch(server.url("/busy/x.html"))
        second = fetcher.fetch(server.url("/news/0.html"))
        assert "HTTP 503" in first.error
        assert "Retry-After" in second.error
        assert len(server.requests_for("/news/0.html")) == 1, "nothing sent while the host asked to wait"


def test_an_unchanged_teaser_keeps_the_page_text_and_an_edited_one_is_fetched_again(settings, factory):
    items = [("bridge", "الجسر", "/news/bridge.html")]
    with FeedServer() as server:
        feed_body = rss(server, items)
        server.route("/feed.xml", Reply(200, body=feed_body, headers={"Content-Type": "application/rss+xml"}))
        server.route("/news/bridge.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML))
        settings.fulltext = FullTextConfig(min_delay=0.0)
        feed_id = add_feed(factory, server.url("/feed.xml"))
        poll_feed(factory, feed_id, settings)
        first = articles(factory, feed_id)["bridge"]
        assert first.page_status == "fetched"
        out = poll_feed(factory, feed_id, settings)  # the same teaser again (a 200, no validators)
        assert out.new == 0 and out.updated == 0
        again = articles(factory, feed_id)["bridge"]
        assert again.text == first.text and again.id == first.id
        assert len(server.requests_for("/news/bridge.html")) == 1
        server.route("/feed.xml", Reply(200, body=feed_body.replace("قريبًا".encode(), "غدًا".encode()),
                                        headers={"Content-Type": "application/rss+xml"}))
        out = poll_feed(factory, feed_id, settings)
        assert out.updated == 1
        assert len(server.requests_for("/news/bridge.html")) == 2
        edited = articles(factory, feed_id)["bridge"]
        assert edited.id == first.id and edited.page_status == "fetched"


def test_the_same_story_through_two_feeds_of_one_outlet_is_stored_once(settings, factory):
    with FeedServer() as server:
        server.route("/news/bridge.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML))
        a = rss(server, [("bridge", "الجسر", "/news/bridge.html?utm_source=rss&utm_medium=home")])
        b = rss(server, [("bridge-2", "الجسر", "/news/bridge.html?utm_source=rss&utm_medium=syria")])
        server.route("/a.xml", Reply(200, body=a, headers={"Content-Type": "application/rss+xml"}))
        server.route("/b.xml", Reply(200, body=b, headers={"Content-Type": "application/rss+xml"}))
        settings.fulltext = FullTextConfig(min_delay=0.0)
        fa, fb = add_feed(factory, server.url("/a.xml")), None
        with transaction(factory) as s:
            feed = Feed(url=server.url("/b.xml"), name="Teaser Daily, Syria", kind="feed", language="ar")
            s.add(feed)
            s.flush()
            fb = feed.id
        poll_feed(factory, fa, settings)
        poll_feed(factory, fb, settings)
    assert len(articles(factory, fa)) == 1
    assert articles(factory, fb) == {}


@pytest.mark.slow
def test_real_pages_served_locally_give_their_body_text(settings, factory):
    import json

    folder = require("eval/fulltext/pages")
    names = [p["name"] for p in json.loads((folder / "manifest.json").read_text())
             if p["gt_type"] == "fulltext" and p["lang"] == "en"][:4]
    items = [(n, n, f"/pages/{n}.html") for n in names]
    with FeedServer() as server:
        server.route("/feed.xml", Reply(200, body=rss(server, items), headers={"Content-Type": "application/rss+xml"}))
        for n in names:
            server.route(f"/pages/{n}.html", Reply(200, body=(folder / f"{n}.html").read_bytes(), headers=HTML))
        settings.fulltext = FullTextConfig(min_delay=0.0)
        feed_id = add_feed(factory, server.url("/feed.xml"))
        poll_feed(factory, feed_id, settings)
    for n, art in articles(factory, feed_id).items():
        expected = (folder / f"{n}.expected.txt").read_text(encoding="utf-8")
        first = next(p for p in expected.split("\n\n") if len(p.split()) > 12).split(". ")[0]
        assert art.page_status == "fetched", (n, art.page_error)
        assert " ".join(first.split()) in " ".join(art.text.split()), n
