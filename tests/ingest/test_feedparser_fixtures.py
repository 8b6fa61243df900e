"""Acceptance 2: feedparser's own fixtures, served over HTTP with their headers, through fetch + parse.

Every file must go through without an exception; every well-formed file must yield exactly the
entries it contains (counted independently of feedparser, from its <item>/<entry> elements).
The test prints the counts.
"""
from __future__ import annotations

import json
import re
from collections import Counter

import feedparser

from factcheck.ingest.fetch import fetch_feed, make_client
from factcheck.ingest.parse import entry_keys, parse_feed
from tests.support import evaldata
from tests.support.feedserver import FeedServer, Reply

FIXTURES = evaldata.path("eval/feedparser_fixtures")
# An opening <item>/<entry> element, with or without a namespace prefix.
ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(?:item|entry)[\s/>]", re.I)  # CDF writes <ITEM>


def _rows() -> list[dict]:
    manifest = evaldata.require("eval/feedparser_fixtures/MANIFEST.jsonl")
    return [json.loads(line) for line in manifest.read_text().splitlines() if line.strip()]


def _serve(server: FeedServer, rows: list[dict]) -> None:
    origin = f"127.0.0.1:{server.port}"
    for row in rows:
        body = (FIXTURES / row["path"]).read_bytes()
        headers = dict(row.get("http_headers") or {})
        status = int(headers.pop("Status", 200))
        headers = {k: v.replace("localhost:8097", origin).replace("127.0.0.1:8097", origin)
                   for k, v in headers.items()}
        if status == 200 and "ETag" in headers and "Last-Modified" in headers:
            server.feed("/" + row["repo_path"], body, etag=headers["ETag"],
                        last_modified=headers["Last-Modified"], content_type="application/xml")
        else:
            server.route("/" + row["repo_path"], Reply(status, body=body, headers=headers))
    server.route("/-/return-304.xml", Reply(304))


def _expected_entries(body: bytes) -> int:
    return len(ENTRY_TAG.findall(body))


def test_every_fixture_goes_through_fetch_and_parse(capsys):
    rows = _rows()
    counts: Counter[str] = Counter()
    missing: list[str] = []
    degraded: list[str] = []
    not_feeds: list[str] = []
    more_bozo: list[str] = []  # well-formed for feedparser alone, ill-formed after our preparation
    with FeedServer() as server, make_client() as client:
        _serve(server, rows)
        for row in rows:
            res = fetch_feed(server.url("/" + row["repo_path"]), allowed_networks=["127.0.0.1/32"],
                             timeout=10, client=client)
            counts["files"] += 1
            if res.error:
                counts["fetch errors (HTTP status fixtures)"] += 1
                assert row["group"].startswith("historical"), (row["path"], res.error)
                continue
            if res.not_modified:
                counts["not modified"] += 1
                continue
            parsed = parse_feed(res.content, res.headers, res.final_url)
            entry_keys(parsed.entries)
            counts["parsed"] += 1
            counts["bozo"] += parsed.bozo
            counts["not a feed"] += parsed.error is not None
            counts["entries"] += len(parsed.entries)
            counts["files with entries"] += bool(parsed.entries)
            # feedparser alone, given the same bytes (and a content type where the server sent none)
            raw = feedparser.parse(res.content, response_headers={"content-type": "application/xml", **res.headers})
            counts["feedparser alone: entries"] += len(raw.entries)
            counts["feedparser alone: bozo"] += bool(raw.bozo)
            if parsed.error:
                not_feeds.append(f"{row['path']}: {parsed.error}")
            if parsed.bozo and not raw.bozo:
                more_bozo.append(row["path"])
            if len(parsed.entries) < len(raw.entries):
                degraded.append(row["path"])
            if row["group"].startswith("wellformed"):
                expected = _expected_entries((FIXTURES / row["path"]).read_bytes())
                counts["well-formed files"] += 1
                counts["well-formed expected entries"] += expected
                counts["well-formed yielded entries"] += len(parsed.entries)
                if len(parsed.entries) != expected:
                    missing.append(f"{row['path']}: {len(parsed.entries)} of {expected}")
    with capsys.disabled():
        print("\nfeedparser fixtures through fetch_feed + parse_feed:")
        for key, value in counts.items():
            print(f"  {key:40s} {value}")
        for line in not_feeds:
            print(f"  not a feed: {line}")
    assert counts["files"] == len(rows) > 400
    assert not missing, missing
    assert not degraded, degraded
    assert not more_bozo, more_bozo
