"""Acceptance 1 (fetch/parse layer): one test per fault, against a real HTTP server on 127.0.0.1.

Every test also checks that a healthy feed on the same server still polls normally afterwards
(or, for the slow faults, while the fault is in progress): a fault never takes the poller down.
"""
from __future__ import annotations

import email.utils
import random
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from factcheck.ingest import schedule
from factcheck.ingest.fetch import fetch_feed
from factcheck.ingest.parse import entry_keys, parse_feed
from tests.ingest.docs import item, numbered, rss
from tests.support.feedserver import FeedServer, Reply, gzip_bomb

LOCAL = ["127.0.0.1/32"]  # the test server; every other private address stays refused
LM = "Fri, 07 Nov 2025 22:13:00 GMT"


def get(server: FeedServer, path: str, **kw):
    kw.setdefault("allowed_networks", LOCAL)
    return fetch_feed(server.url(path), **kw)


def healthy(server: FeedServer) -> None:
    """Another feed on the same server still polls and parses."""
    server.feed("/healthy.xml", numbered(2), etag='"h"')
    res = get(server, "/healthy.xml", timeout=5)
    assert res.error is None, res.error
    assert len(parse_feed(res.content, res.headers, res.final_url).entries) == 2


def while_fault_runs(server: FeedServer, fault_path: str, **kw):
    """Run the faulty fetch in a thread while a healthy feed is polled; return both results."""
    server.feed("/healthy.xml", numbered(2), etag='"h"')
    with ThreadPoolExecutor(2) as pool:
        t0 = time.monotonic()
        fault = pool.submit(get, server, fault_path, **kw)
        time.sleep(0.1)
        ok = get(server, "/healthy.xml", timeout=5)
        healthy_done = time.monotonic() - t0
        res = fault.result()
        elapsed = time.monotonic() - t0
    assert ok.error is None and healthy_done < 1.5, "the healthy feed waited for the faulty one"
    return res, elapsed


# --- conditional GET -------------------------------------------------------------------------

def test_304_round_trip_transfers_no_body(feed_server):
    feed_server.feed("/a.xml", numbered(3), etag='W/"v1"', last_modified=LM)
    first = get(feed_server, "/a.xml")
    second = get(feed_server, "/a.xml", etag=first.etag, last_modified=first.last_modified)
    sent = feed_server.requests_for("/a.xml")[1].headers
    assert sent["if-none-match"] == 'W/"v1"' and sent["if-modified-since"] == LM
    assert second.not_modified and second.content is None and second.error is None
    assert (second.etag, second.last_modified) == ('W/"v1"', LM)
    healthy(feed_server)


def test_304_with_new_validators_returns_them(feed_server):
    feed_server.route("/a.xml", Reply(304, headers={"ETag": '"v2"'}))
    res = get(feed_server, "/a.xml", etag='"v1"', last_modified=LM)
    assert res.not_modified and res.etag == '"v2"' and res.last_modified == LM


def test_validators_round_trip_byte_for_byte(feed_server):
    odd = '"v1;\xe9 x"'  # a non-ASCII byte in an ETag: must come back exactly as sent
    feed_server.route("/a.xml", Reply(200, body=numbered(1), headers={"ETag": odd}), Reply(304))
    first = get(feed_server, "/a.xml")
    get(feed_server, "/a.xml", etag=first.etag)
    assert first.etag == odd
    assert feed_server.requests_for("/a.xml")[1].headers["if-none-match"] == odd


def test_changed_etag_with_same_last_modified_is_fetched(feed_server):
    feed_server.feed("/a.xml", numbered(2), etag='"v1"', last_modified=LM)
    first = get(feed_server, "/a.xml")
    feed_server.feed("/a.xml", numbered(3), etag='"v2"', last_modified=LM)  # same date, new content
    second = get(feed_server, "/a.xml", etag=first.etag, last_modified=first.last_modified)
    assert not second.not_modified and second.status == 200
    assert second.etag == '"v2"'
    assert len(parse_feed(second.content, second.headers).entries) == 3


# --- redirects -------------------------------------------------------------------------------

def test_301_seen_once_reports_permanent_target(feed_server):
    feed_server.route("/old.xml", Reply(301, location="/new.xml"))
    feed_server.feed("/new.xml", numbered(2))
    res = get(feed_server, "/old.xml")
    assert res.error is None and res.final_url == feed_server.url("/new.xml")
    assert res.permanent_redirect == feed_server.url("/new.xml")
    assert len(parse_feed(res.content, res.headers).entries) == 2


def test_301_seen_n_times_reports_it_every_time(feed_server):
    feed_server.route("/old.xml", Reply(308, location="/mid.xml"))
    feed_server.route("/mid.xml", Reply(301, location=feed_server.url("/new.xml")))
    feed_server.feed("/new.xml", numbered(1))
    results = [get(feed_server, "/old.xml") for _ in range(3)]
    assert [r.permanent_redirect for r in results] == [feed_server.url("/new.xml")] * 3
    assert all(r.error is None for r in results)


def test_302_is_followed_but_never_permanent(feed_server):
    feed_server.route("/a.xml", Reply(302, location="/b.xml"))
    feed_server.feed("/b.xml", numbered(1))
    res = get(feed_server, "/a.xml")
    assert res.error is None and res.final_url.endswith("/b.xml") and res.permanent_redirect is None


def test_301_then_302_keeps_only_the_permanent_part(feed_server):
    feed_server.route("/a.xml", Reply(301, location="/b.xml"))
    feed_server.route("/b.xml", Reply(302, location="/c.xml"))
    feed_server.feed("/c.xml", numbered(1))
    res = get(feed_server, "/a.xml")
    assert res.final_url.endswith("/c.xml") and res.permanent_redirect == feed_server.url("/b.xml")


def test_redirect_loop_is_an_error(feed_server):
    feed_server.route("/a.xml", Reply(302, location="/b.xml"))
    feed_server.route("/b.xml", Reply(302, location="/a.xml"))
    res = get(feed_server, "/a.xml")
    assert res.content is None and "redirect loop" in res.error
    assert len(feed_server.requests) == 2
    healthy(feed_server)


def test_more_than_five_hops_is_an_error(feed_server):
    for i in range(10):
        feed_server.route(f"/r{i}", Reply(302, location=f"/r{i + 1}"))
    res = get(feed_server, "/r0")
    assert res.content is None and "too many redirects" in res.error
    assert len(feed_server.requests) == 6  # the first request and 5 hops


@pytest.mark.parametrize("target, why", [
    ("http://169.254.169.254/latest/meta-data/", "metadata"),
    ("http://10.0.0.7/feed.xml", "private"),
    ("http://127.0.0.2:{port}/feed.xml", "loopback"),
    ("http://[::1]:{port}/feed.xml", "loopback"),
])
def test_redirect_to_private_address_is_refused(feed_server, target, why):
    # The check runs before connecting: nothing is ever sent to these addresses.
    feed_server.route("/a.xml", Reply(302, location=target.format(port=feed_server.port)))
    res = get(feed_server, "/a.xml")
    assert res.content is None and res.error.startswith("refused") and why in res.error
    assert res.status is None
    healthy(feed_server)


def test_private_target_allowed_when_the_feed_allows_it(feed_server):
    feed_server.route("/a.xml", Reply(302, location=f"http://localhost:{feed_server.port}/b.xml"))
    feed_server.feed("/b.xml", numbered(1))
    refused = fetch_feed(feed_server.url("/a.xml"))
    assert refused.error.startswith("refused") and feed_server.requests == []
    res = fetch_feed(feed_server.url("/a.xml"), allow_private=True)
    assert res.error is None, res.error
    assert [r.path for r in feed_server.requests] == ["/a.xml", "/b.xml"]


# --- HTTP errors -----------------------------------------------------------------------------

def test_404_is_an_error_on_the_feed(feed_server):
    res = get(feed_server, "/missing.xml")
    assert res.status == 404 and res.content is None and "404" in res.error and not res.gone
    healthy(feed_server)


def test_410_marks_the_feed_gone(feed_server):
    feed_server.route("/gone.xml", Reply(410, body="bye"))
    res = get(feed_server, "/gone.xml")
    assert res.gone and res.status == 410 and "410" in res.error
    healthy(feed_server)


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_seconds_is_honoured(feed_server, status):
    feed_server.route("/busy.xml", Reply(status, headers={"Retry-After": "7200"}))
    before = datetime.now(UTC)
    res = get(feed_server, "/busy.xml")
    assert res.status == status and res.error
    assert before + timedelta(seconds=7190) <= res.retry_after <= datetime.now(UTC) + timedelta(seconds=7200)
    nxt = schedule.next_error_poll_at(before, 1, retry_after=res.retry_after)
    assert nxt >= res.retry_after  # the backoff alone would have retried within 2 minutes
    healthy(feed_server)


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_http_date_is_honoured(feed_server, status):
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=3)
    feed_server.route("/busy.xml", Reply(status, headers={"Retry-After": email.utils.format_datetime(when, usegmt=True)}))
    res = get(feed_server, "/busy.xml")
    assert res.retry_after == when
    assert schedule.next_error_poll_at(datetime.now(UTC), 1, retry_after=res.retry_after) >= when
    healthy(feed_server)


def test_absurd_retry_after_cannot_silence_a_feed(feed_server):
    feed_server.route("/busy.xml", Reply(503, headers={"Retry-After": str(10 * 365 * 86400)}))
    res = get(feed_server, "/busy.xml")
    now = datetime.now(UTC)
    assert schedule.next_error_poll_at(now, 1, retry_after=res.retry_after) <= now + timedelta(hours=24)


def test_500_for_many_polls_then_recovery(feed_server):
    feed_server.route("/flaky.xml", *([Reply(500, body="oops")] * 12), Reply(200, body=numbered(2)))
    rng = random.Random(5)
    now = datetime(2025, 11, 7, tzinfo=UTC)
    errors = 0
    delays = []
    for _ in range(13):
        res = get(feed_server, "/flaky.xml")
        if res.error:
            errors += 1
            nxt = schedule.next_error_poll_at(now, errors, rng=rng)
            delays.append(nxt - now)
            now = nxt
        else:
            break
    assert errors == 12 and res.error is None and len(parse_feed(res.content, res.headers).entries) == 2
    # Exponential, then capped: never given up on, never more than 6 hours between tries.
    assert delays[0] <= timedelta(minutes=2) < delays[4]
    assert max(delays) <= schedule.MAX_BACKOFF and delays[-1] >= schedule.MAX_BACKOFF / 2


# --- slow and broken servers -----------------------------------------------------------------

def test_stall_before_headers_frees_the_worker(feed_server):
    feed_server.route("/stall.xml", Reply(200, body=numbered(1), delay=30))
    res, elapsed = while_fault_runs(feed_server, "/stall.xml", timeout=1.5)
    assert elapsed < 3.5 and res.status is None and "timed out" in res.error


def test_stall_mid_body_frees_the_worker(feed_server):
    feed_server.route("/stall.xml", Reply(200, body=numbered(1), body_delay=30))
    res, elapsed = while_fault_runs(feed_server, "/stall.xml", timeout=1.5)
    assert elapsed < 3.5 and res.content is None and "timed out" in res.error


def test_trickle_is_cut_at_the_total_deadline(feed_server):
    # 20 bytes every 0.2 s: each read succeeds well within any per-read timeout.
    feed_server.route("/trickle.xml", Reply(200, body=numbered(20), trickle=(20, 0.2)))
    res, elapsed = while_fault_runs(feed_server, "/trickle.xml", timeout=1.5)
    assert elapsed < 3.5 and res.content is None and "timed out" in res.error


def test_connection_reset_before_answer(feed_server):
    feed_server.route("/reset.xml", Reply(reset=True))
    res = get(feed_server, "/reset.xml")
    assert res.status is None and res.content is None and res.error
    healthy(feed_server)


def test_connection_reset_mid_body(feed_server):
    feed_server.route("/reset.xml", Reply(200, body=numbered(50), reset_after=100))
    res = get(feed_server, "/reset.xml")
    assert res.content is None and res.error
    healthy(feed_server)


@pytest.mark.parametrize("with_length", [True, False])
def test_50_mb_body_is_cut_at_the_cap(feed_server, with_length):
    feed_server.route("/huge.xml", Reply(200, generate=50 * 2**20, content_length=with_length,
                                         headers={"Content-Type": "application/rss+xml"}))
    tracemalloc.start()
    t0 = time.monotonic()
    res = get(feed_server, "/huge.xml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert res.content is None and "larger than 10 MiB" in res.error
    assert peak < 25 * 2**20 and time.monotonic() - t0 < 10
    healthy(feed_server)


def test_gzip_bomb_stops_at_the_decompressed_cap(feed_server):
    bomb = gzip_bomb(200 * 2**20)
    assert len(bomb) < 2**20
    feed_server.route("/bomb.xml", Reply(200, body=bomb, headers={"Content-Encoding": "gzip",
                                                                   "Content-Type": "application/rss+xml"}))
    tracemalloc.start()
    res = get(feed_server, "/bomb.xml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert res.content is None and "once decompressed" in res.error
    assert peak < 40 * 2**20
    healthy(feed_server)


def test_gzip_feed_is_decoded(feed_server):
    feed_server.route("/z.xml", Reply(200, body=numbered(4), gzip=True, headers={"Content-Type": "application/rss+xml"}))
    res = get(feed_server, "/z.xml")
    assert feed_server.requests_for("/z.xml")[0].headers["accept-encoding"] == "gzip, deflate"
    assert res.error is None and len(parse_feed(res.content, res.headers).entries) == 4


# --- hostile and broken documents ------------------------------------------------------------

def _bounded_parse(feed_server, doc: bytes):
    feed_server.route("/evil.xml", Reply(200, body=doc, headers={"Content-Type": "application/rss+xml"}))
    res = get(feed_server, "/evil.xml")
    assert res.error is None
    tracemalloc.start()
    t0 = time.monotonic()
    parsed = parse_feed(res.content, res.headers)
    elapsed = time.monotonic() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return parsed, elapsed, peak


def test_billion_laughs_parses_in_bounded_time_and_memory(feed_server):
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    doc = rss(item("laugh &lol9;", guid="1", body="x"), prolog=f"<!DOCTYPE rss [{''.join(ents)}]>")
    doc = doc.replace("laugh &amp;lol9;", "laugh &lol9;").encode()
    parsed, elapsed, peak = _bounded_parse(feed_server, doc)
    assert elapsed < 5 and peak < 100 * 2**20
    assert all(len(e.title) < 1000 for e in parsed.entries)  # 10^9 "lol"s were never expanded
    healthy(feed_server)


def test_quadratic_blowup_parses_in_bounded_time_and_memory(feed_server):
    big = "A" * 200_000
    refs = "&a;" * 20_000  # fully expanded: 4 GB
    doc = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{big}">]><rss version="2.0"><channel>'
           f"<title>q</title><item><guid>1</guid><title>t</title><description>{refs}</description>"
           "</item></channel></rss>").encode()
    parsed, elapsed, peak = _bounded_parse(feed_server, doc)
    assert elapsed < 10 and peak < 200 * 2**20
    assert all(len(e.text) < 1_000_000 for e in parsed.entries)


def test_small_safe_entities_still_work(feed_server):
    doc = rss(item("Caf&eacute;-x", guid="1"), prolog='<!DOCTYPE rss [<!ENTITY eacute "&#233;">]>')
    doc = doc.replace("&amp;eacute;", "&eacute;").encode()
    parsed, _, _ = _bounded_parse(feed_server, doc)
    assert parsed.entries[0].title == "Café-x"


def test_external_entities_are_never_fetched(feed_server):
    feed_server.route("/secret", Reply(200, body="SECRET"))
    doc = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{feed_server.url("/secret")}">'
           f'<!ENTITY % p SYSTEM "{feed_server.url("/secret")}"> %p;]>'
           '<rss version="2.0"><channel><title>t &x;</title><item><guid>1</guid><title>i &x;</title>'
           "</item></channel></rss>").encode()
    parsed, _, _ = _bounded_parse(feed_server, doc)
    assert feed_server.requests_for("/secret") == []
    assert "SECRET" not in (parsed.title or "") + "".join(e.title for e in parsed.entries)


ARABIC = "الشرع يلتقي ترامب في البيت الأبيض"


def test_wrong_charset_declaration_keeps_valid_utf8(feed_server):
    doc = rss(item(ARABIC, guid="1", body=f"<p>{ARABIC}</p>"), encoding="ISO-8859-1").encode("utf-8")
    feed_server.route("/a.xml", Reply(200, body=doc, headers={"Content-Type": "text/xml; charset=windows-1256"}))
    res = get(feed_server, "/a.xml")
    parsed = parse_feed(res.content, res.headers)
    assert parsed.entries[0].title == ARABIC and parsed.entries[0].text == ARABIC


def test_xml_declaration_beats_a_wrong_http_charset(feed_server):
    doc = rss(item(ARABIC, guid="1"), encoding="windows-1256").encode("cp1256")
    feed_server.route("/a.xml", Reply(200, body=doc, headers={"Content-Type": "application/rss+xml; charset=utf-8"}))
    res = get(feed_server, "/a.xml")
    assert parse_feed(res.content, res.headers).entries[0].title == ARABIC


def test_http_charset_used_when_nothing_else_says(feed_server):
    doc = rss(item(ARABIC, guid="1"), encoding=None).encode("cp1256")
    feed_server.route("/a.xml", Reply(200, body=doc, headers={"Content-Type": "application/rss+xml; charset=windows-1256"}))
    res = get(feed_server, "/a.xml")
    assert parse_feed(res.content, res.headers).entries[0].title == ARABIC


@pytest.mark.parametrize("codec, bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_bom_wins(feed_server, codec, bom):
    doc = bom + rss(item(ARABIC, guid="1"), encoding="iso-8859-1").encode(codec)
    feed_server.route("/a.xml", Reply(200, body=doc, headers={"Content-Type": "text/xml; charset=iso-8859-1"}))
    res = get(feed_server, "/a.xml")
    parsed = parse_feed(res.content, res.headers)
    assert parsed.entries[0].title == ARABIC and parsed.error is None


def test_control_characters_are_stripped(feed_server):
    doc = rss(item("Breaking\x01 news\x0b", guid="1", body="<p>one\x08 two\x1f</p>")).encode()
    feed_server.route("/a.xml", Reply(200, body=doc, headers={"Content-Type": "application/rss+xml"}))
    res = get(feed_server, "/a.xml")
    parsed = parse_feed(res.content, res.headers)
    assert not parsed.bozo, parsed.bozo_reason  # the document became well-formed
    e = parsed.entries[0]
    assert e.title == "Breaking news" and e.text == "one two"


def test_entries_sharing_one_guid_are_not_collapsed(feed_server):
    doc = rss(*(item(f"Story {i}", guid="http://example.org/feed", link=f"http://example.org/{i}")
                for i in range(5)))
    feed_server.route("/a.xml", Reply(200, body=doc))
    res = get(feed_server, "/a.xml")
    keys = entry_keys(parse_feed(res.content, res.headers).entries)
    assert len(set(keys)) == 5 and all(k.startswith("link:") for k in keys)


def test_entries_sharing_guid_and_link_fall_back_to_content(feed_server):
    doc = rss(*(item(f"Story {i}", guid="same", link="http://example.org/") for i in range(4)))
    feed_server.route("/a.xml", Reply(200, body=doc))
    res = get(feed_server, "/a.xml")
    keys = entry_keys(parse_feed(res.content, res.headers).entries)
    assert len(set(keys)) == 4 and all(k.startswith("hash:") for k in keys)


def test_entries_without_guids(feed_server):
    doc = rss(item("A", link="http://example.org/a"), item("B", link="http://example.org/b"),
              item("C", body="no link either"), item("D", body="nor here"))
    feed_server.route("/a.xml", Reply(200, body=doc))
    res = get(feed_server, "/a.xml")
    entries = parse_feed(res.content, res.headers).entries
    keys = entry_keys(entries)
    assert keys[:2] == ["link:http://example.org/a", "link:http://example.org/b"]
    assert keys[2].startswith("hash:") and keys[3].startswith("hash:") and keys[2] != keys[3]
    assert entries[0].guid is None


def test_edited_entry_keeps_its_key_and_changes_its_hash(feed_server):
    feed_server.route("/a.xml", Reply(200, body=rss(item("Talks", guid="g1", body="<p>Talks on Monday.</p>"))),
                      Reply(200, body=rss(item("Talks", guid="g1", body="<p>Talks on Tuesday.</p>"))))
    before = parse_feed(get(feed_server, "/a.xml").content).entries
    after = parse_feed(get(feed_server, "/a.xml").content).entries
    assert entry_keys(before) == entry_keys(after) == ["guid:g1"]
    assert before[0].content_hash != after[0].content_hash and after[0].text == "Talks on Tuesday."


def test_future_and_missing_dates_are_stored_sanely(feed_server):
    doc = rss(item("future", guid="1", date="Fri, 07 Nov 2099 22:13:00 +0200"),
              item("naive", guid="2", date="2025-11-07T22:13:00"),
              item("none", guid="3"))
    feed_server.route("/a.xml", Reply(200, body=doc))
    before = datetime.now(UTC)
    entries = parse_feed(get(feed_server, "/a.xml").content).entries
    after = datetime.now(UTC)
    assert before <= entries[0].published <= after  # clamped to "now", never in the future
    assert entries[1].published == datetime(2025, 11, 7, 22, 13, tzinfo=UTC)
    assert entries[2].published is None


def test_html_page_instead_of_a_feed(feed_server):
    page = "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"
    feed_server.route("/a.xml", Reply(200, body=page, headers={"Content-Type": "text/html; charset=utf-8"}))
    res = get(feed_server, "/a.xml")
    parsed = parse_feed(res.content, res.headers)
    assert parsed.entries == [] and "HTML page" in parsed.error
    healthy(feed_server)


def test_empty_200(feed_server):
    feed_server.route("/a.xml", Reply(200, body=b"", headers={"Content-Type": "application/rss+xml"}))
    res = get(feed_server, "/a.xml")
    assert res.error is None and res.content == b""
    parsed = parse_feed(res.content, res.headers)
    assert parsed.entries == [] and "empty" in parsed.error
    healthy(feed_server)


def test_ttl_and_max_age_postpone_the_next_poll(feed_server):
    feed_server.route("/a.xml", Reply(200, body=rss(item("x", guid="1"), extra="<ttl>180</ttl>"),
                                      headers={"Cache-Control": "public, max-age=3600"}))
    res = get(feed_server, "/a.xml")
    parsed = parse_feed(res.content, res.headers)
    now = datetime.now(UTC)
    assert parsed.ttl_minutes == 180
    assert res.retry_after >= now + timedelta(seconds=3500)
    nxt = schedule.next_poll_at(now, timedelta(minutes=15), retry_after=res.retry_after,
                                ttl_minutes=parsed.ttl_minutes)
    assert nxt >= now + timedelta(minutes=180)
