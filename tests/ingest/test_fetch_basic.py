"""fetch_feed + parse_feed against a real HTTP server: the everyday path."""
from __future__ import annotations

import time
from pathlib import Path

from factcheck.ingest.fetch import fetch_feed
from factcheck.ingest.parse import parse_feed
from tests.ingest.docs import numbered
from tests.support.feedserver import Reply

LM = "Fri, 07 Nov 2025 22:13:00 GMT"


def test_first_poll_gets_body_and_validators(feed_server):
    feed_server.feed("/a.xml", numbered(3), etag='"v1"', last_modified=LM)
    res = fetch_feed(feed_server.url("/a.xml"), allow_private=True)
    assert res.error is None and res.status == 200 and not res.not_modified
    assert (res.etag, res.last_modified) == ('"v1"', LM)
    parsed = parse_feed(res.content, res.headers, res.final_url)
    assert [e.title for e in parsed.entries] == ["Story 0", "Story 1", "Story 2"]
    assert parsed.entries[0].text == "Paragraph 0."
    first = feed_server.requests_for("/a.xml")[0]
    assert "if-none-match" not in first.headers and "if-modified-since" not in first.headers


def test_second_poll_sends_validators_and_gets_304(feed_server):
    feed_server.feed("/a.xml", numbered(3), etag='"v1"', last_modified=LM)
    first = fetch_feed(feed_server.url("/a.xml"), allow_private=True)
    second = fetch_feed(feed_server.url("/a.xml"), etag=first.etag, last_modified=first.last_modified,
                        allow_private=True)
    req = feed_server.requests_for("/a.xml")[1]
    assert req.headers["if-none-match"] == '"v1"'
    assert req.headers["if-modified-since"] == LM
    assert second.status == 304 and second.not_modified and second.content is None
    assert second.error is None
    assert (second.etag, second.last_modified) == ('"v1"', LM)


def test_stalled_server_is_abandoned_at_the_deadline(feed_server):
    feed_server.route("/slow.xml", Reply(200, body=numbered(1), delay=30))
    t0 = time.monotonic()
    res = fetch_feed(feed_server.url("/slow.xml"), allow_private=True, timeout=1.0)
    assert time.monotonic() - t0 < 3
    assert res.status is None and res.content is None and "timed out" in res.error


def test_body_over_the_cap_is_refused(feed_server):
    feed_server.route("/big.xml", Reply(200, generate=3 * 2**20, headers={"Content-Type": "application/xml"}))
    res = fetch_feed(feed_server.url("/big.xml"), allow_private=True, max_bytes=2**20)
    assert res.content is None and "larger than 1 MiB" in res.error


def test_file_urls_only_when_allowed(tmp_path: Path):
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / "x.xml").write_text(numbered(2), encoding="utf-8")
    refused = fetch_feed("file:samples/x.xml", base_dir=tmp_path)
    assert refused.content is None and "file: URLs" in refused.error
    res = fetch_feed("file:samples/x.xml", allow_file=True, base_dir=tmp_path)
    assert res.error is None and len(parse_feed(res.content, res.headers).entries) == 2
    again = fetch_feed("file:samples/x.xml", allow_file=True, base_dir=tmp_path, etag=res.etag)
    assert again.not_modified and again.content is None


def test_loopback_refused_unless_allowed(feed_server):
    feed_server.feed("/a.xml", numbered(1))
    res = fetch_feed(feed_server.url("/a.xml"))
    assert res.status is None and "loopback" in res.error
    assert feed_server.requests_for("/a.xml") == []  # refused before any connection


def test_an_arabic_feed_url_is_percent_encoded_and_keeps_its_connection(feed_server):
    """Arabic outlets put Arabic words in feed paths; the request line must carry them encoded."""
    feed_server.feed("/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/feed.xml", numbered(2), etag='"ar1"')
    url = feed_server.url("/أخبار/feed.xml")
    first = fetch_feed(url, allow_private=True)
    assert first.error is None and first.status == 200
    assert [e.title for e in parse_feed(first.content, first.headers, first.final_url).entries] == \
        ["Story 0", "Story 1"]
    again = fetch_feed(url, etag=first.etag, allow_private=True)
    assert again.not_modified and again.error is None
    sent = feed_server.requests_for("/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/feed.xml")
    assert [r.headers.get("if-none-match") for r in sent] == [None, '"ar1"']
    assert sent[0].headers["host"] == f"127.0.0.1:{feed_server.port}"
