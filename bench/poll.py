"""Polling throughput: factcheck's concurrent poller vs a sequential baseline, and a 304 round.

Serves N feeds from a local HTTP server (tests/support/feedserver.py, run in a child process so
that the measured process does not also serve) that answers every request after --latency
seconds, like a distant publisher, and measures in one run:

* sequential first round: ``worker.poll_sequentially`` (one feed after the other, fresh database);
* concurrent first round: ``worker.poll_round`` (leases + thread pool, fresh database);
* concurrent second round, nothing changed: every feed answers 304, no body, nothing parsed;
* sequential second round likewise (only with --full: it takes N x latency);
* full-text round (issue 19): --teaser-feeds feeds whose items carry a one-line teaser, each
  linking to an article page on the same 127.0.0.1 server, polled concurrently (fresh database)
  with the feeds' ``full_text`` at ``always`` (pages fetched, extracted with trafilatura, claims
  extracted again) beside the same round at ``never``; pages at most 8 at a time to the one
  host, no delay between them, robots.txt off (FullTextConfig), so the ratio is the cost of the
  pages themselves (trafilatura is imported and warmed up before, as in a running poller).

Every round goes through the real pipeline (fetch, parse, store, extract, match) on a real
database: SQLite in a temporary folder, or PostgreSQL with --database-url.  The first rounds
include extracting and matching every new article; the time spent there (summed over threads) is
reported in its own column, since that cost belongs to the articles rather than to polling.

    python bench/poll.py --smoke                    # CI: 40 feeds, a few seconds
    python bench/poll.py --feeds 1000 --latency 0.1
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from factcheck.config import load_settings  # noqa: E402
from factcheck.store.db import make_engine, make_sessionmaker, transaction, upgrade_database  # noqa: E402
from factcheck.store import polling  # noqa: E402
from factcheck.store.models import Article, Feed  # noqa: E402
from factcheck.ingest.parsepool import ParsePool  # noqa: E402
from factcheck.worker import poll_round, poll_sequentially  # noqa: E402
from tests.support.feedserver import FeedServer, Reply  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "sen", "dor", "vel", "an", "is", "por", "quen", "ze", "bal", "ni"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def feed_doc(i: int, entries: int) -> str:
    """A feed of ``entries`` items with distinct made-up prose (so matching finds little)."""
    rng = random.Random(i)
    items = []
    for j in range(entries):
        sentence = " ".join(_word(rng) for _ in range(24))
        items.append(
            f"<item><guid>feed{i}-item{j}</guid><link>http://outlet{i}.example/{j}</link>"
            f"<title>Outlet {i} report {j}</title><pubDate>Fri, 07 Nov 2025 {10 + j % 12:02d}:13:00 +0000</pubDate>"
            f"<description>&lt;p&gt;{sentence.capitalize()}.&lt;/p&gt;</description></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet {i}</title>'
            f"<link>http://outlet{i}.example/</link>{''.join(items)}</channel></rss>")


def teaser_doc(i: int, entries: int, base: str) -> str:
    """A feed whose items are one-line teasers linking to pages on the bench server."""
    items = "".join(
        f"<item><guid>teaser{i}-item{j}</guid><link>{base}/p{i}-{j}.html</link>"
        f"<title>Desk {i} story {j}</title><pubDate>Fri, 07 Nov 2025 {10 + j % 12:02d}:13:00 +0000</pubDate>"
        f"<description>{_word(random.Random(-1 - i * 1000 - j)).capitalize()} "
        f"{_word(random.Random(-2 - i * 1000 - j))} … read more</description></item>" for j in range(entries))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk {i}</title>'
            f"<link>{base}/</link>{items}</channel></rss>")


def article_page(i: int, j: int) -> str:
    """An article page: a menu, a headline, eight paragraphs of made-up prose, a "related" sidebar."""
    rng = random.Random(i * 1000 + j)
    # Made-up prose (so that matching finds little, as in the feeds above), each paragraph a
    # statement by its own made-up speaker.
    paras = "".join(f"<p>{' '.join(_word(rng) for _ in range(30)).capitalize()}, {_word(rng).capitalize()} "
                    f"said.</p>" for _ in range(8))
    return (f"<!doctype html><html><head><title>Desk {i} story {j}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Desk {i} story {j}</h1>"
            f"{paras}</article><aside><h3>Related</h3><ul><li><a href='/x'>Other story</a></li></ul></aside>"
            f"</body></html>")


def fresh_database(args, tmp: Path, name: str) -> str:
    if args.database_url:
        base, _, _ = args.database_url.rpartition("/")
        admin = create_engine(args.database_url.replace("postgresql://", "postgresql+psycopg://"),
                              isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            c.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://")
    else:
        url = f"sqlite:///{tmp / (name + '.sqlite3')}"
    upgrade_database(url)
    return url


def serve(args) -> None:
    """Child process: serve the feeds until stdin closes.  /_overlaps answers the overlap record."""
    with FeedServer(latency=args.latency) as server:
        for i in range(args.feeds):
            server.feed(f"/f{i}.xml", feed_doc(i, args.entries), etag=f'"v{i}"')
        for i in range(args.teaser_feeds):
            server.feed(f"/t{i}.xml", teaser_doc(i, args.entries, server.url("")), etag=f'"t{i}"')
            for j in range(args.entries):
                server.route(f"/p{i}-{j}.html", Reply(200, body=article_page(i, j),
                                                      headers={"Content-Type": "text/html; charset=utf-8"}))
        server.route("/_overlaps", lambda req, n: Reply(200, body=json.dumps(server.overlaps())))
        server.route("/_pages_at_once", lambda req, n: Reply(200, body=json.dumps(pages_at_once(server.requests))))
        print(server.port, flush=True)
        sys.stdin.read()


def pages_at_once(requests) -> int:
    """The most article pages (``*.html``) the server was serving at one moment: the per-host
    limit of the full-text fetcher, seen from the host's side."""
    events = sorted((t, step) for r in list(requests) if r.path.endswith(".html") and r.end is not None
                    for t, step in ((r.start, 1), (r.end, -1)))
    most = now = 0
    for _, step in events:  # at equal times an end (-1) sorts before a start (+1)
        now += step
        most = max(most, now)
    return most


class RemoteServer:
    """The feed server in a child process (it would otherwise compete with the poller for the GIL)."""

    def __init__(self, args) -> None:
        cmd = [sys.executable, __file__, "--serve", "--feeds", str(args.feeds), "--entries", str(args.entries),
               "--latency", str(args.latency), "--teaser-feeds", str(args.teaser_feeds)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.port = int(self.proc.stdout.readline())

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def overlaps(self) -> dict:
        import httpx

        return httpx.get(self.url("/_overlaps")).json()

    def pages_at_once(self) -> int:
        import httpx

        return httpx.get(self.url("/_pages_at_once")).json()

    def __enter__(self) -> RemoteServer:
        return self

    def __exit__(self, *exc) -> None:
        self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class StoreTimer:
    """Seconds spent storing articles (insert, extract, match), summed over poller threads."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._lock = threading.Lock()
        self._real = polling.store_articles
        polling.store_articles = self._timed

    def _timed(self, *a, **kw):
        t0 = time.perf_counter()
        try:
            return self._real(*a, **kw)
        finally:
            with self._lock:
                self.seconds += time.perf_counter() - t0

    def take(self) -> float:
        with self._lock:
            s, self.seconds = self.seconds, 0.0
            return s


def setup(args, tmp: Path, server, name: str):
    url = fresh_database(args, tmp, name)
    settings = load_settings(instance=tmp / name, database_url=url, feeds_file=tmp / "feeds.yaml")
    settings.allow_private_networks = True
    settings.poll_threads = args.threads
    factory = make_sessionmaker(make_engine(url, **({"pool_size": args.threads + 4} if args.database_url else {})))
    with transaction(factory) as s:
        s.add_all(Feed(name=f"Outlet {i}", url=server.url(f"/f{i}.xml"), interval_minutes=30,
                       allow_private=True) for i in range(args.feeds))
    return factory, settings


PER_HOST = 8  # the full-text round's per-host limit (FACTCHECK_FULLTEXT_PER_HOST)


def fulltext_round(args, tmp: Path, server, mode: str):
    """The teaser feeds alone, polled once concurrently with ``full_text`` = mode: (seconds, pages fetched)."""
    from factcheck.ingest.pages import FullTextConfig

    url = fresh_database(args, tmp, f"bench_poll_fulltext_{mode}")
    settings = load_settings(instance=tmp / f"ft_{mode}", database_url=url, feeds_file=tmp / "feeds.yaml")
    settings.allow_private_networks = True
    settings.poll_threads = args.threads
    settings.fulltext = FullTextConfig(per_host=PER_HOST, min_delay=0.0, robots=False, threads=4)
    factory = make_sessionmaker(make_engine(url))
    with transaction(factory) as s:
        s.add_all(Feed(name=f"Desk {i}", url=server.url(f"/t{i}.xml"), interval_minutes=30, allow_private=True,
                       full_text=mode) for i in range(args.teaser_feeds))
    spent = [0.0]
    real = polling.process_article

    def process_timed(*a, **kw):  # extracting and matching the page's claims (the edited-entry path)
        t0 = time.perf_counter()
        try:
            return real(*a, **kw)
        finally:
            spent[0] += time.perf_counter() - t0

    polling.process_article = process_timed
    try:
        secs, out = timed(poll_round, factory, settings)
    finally:
        polling.process_article = real
    expected = args.teaser_feeds * args.entries
    assert len(out) == args.teaser_feeds and all(o.error is None for o in out), out
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Article)) == expected
        fetched = s.scalar(select(func.count()).select_from(Article).where(Article.page_status == "fetched"))
        with_body = s.scalar(select(func.count()).select_from(Article).where(Article.text.like("% said.%")))
    want = expected if mode == "always" else 0
    assert fetched == want and with_body == want, (mode, fetched, with_body)
    return secs, fetched, spent[0]


def timed(fn, *a, **kw):
    t0 = time.perf_counter()
    out = fn(*a, **kw)
    return time.perf_counter() - t0, out


def check(label: str, outcomes, factory, expected_articles: int, *, not_modified: bool) -> str:
    errors = [o for o in outcomes if o.error]
    with factory() as s:
        articles = s.scalar(select(func.count()).select_from(Article))
    assert not errors, f"{label}: {len(errors)} feeds failed, e.g. {errors[0].error}"
    assert articles == expected_articles, f"{label}: {articles} articles, expected {expected_articles}"
    if not_modified:
        assert all(o.not_modified for o in outcomes), f"{label}: not every feed answered 304"
    return f"{len(outcomes)} feeds, {sum(o.new for o in outcomes)} new"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--entries", type=int, default=2, help="entries per feed")
    ap.add_argument("--latency", type=float, default=0.1, help="seconds before the server answers")
    ap.add_argument("--threads", type=int, default=96, help="concurrent poller threads")
    ap.add_argument("--database-url", help="PostgreSQL server URL (a database per round is created)")
    ap.add_argument("--full", action="store_true", help="also time the sequential 304 round")
    ap.add_argument("--smoke", action="store_true", help="CI size: 40 feeds, 16 threads (a few seconds)")
    ap.add_argument("--teaser-feeds", type=int, default=100, help="teaser feeds of the full-text round (0: none)")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.smoke:
        args.feeds, args.threads, args.teaser_feeds = 40, 16, 6
    if args.serve:
        serve(args)
        return
    expected = args.feeds * args.entries
    timer = StoreTimer()

    with tempfile.TemporaryDirectory() as tmpdir, RemoteServer(args) as server:
        tmp = Path(tmpdir)
        rows = []

        factory, settings = setup(args, tmp, server, "bench_poll_seq")
        timer.take()
        seq1, out = timed(poll_sequentially, factory, settings)
        rows.append(("sequential, first round", seq1, timer.take(),
                     check("sequential 1", out, factory, expected, not_modified=False)))
        if args.full:
            seq2, out = timed(poll_sequentially, factory, settings, force=True)
            rows.append(("sequential, unchanged round (304)", seq2, timer.take(),
                         check("sequential 2", out, factory, expected, not_modified=True)))

        factory, settings = setup(args, tmp, server, "bench_poll_conc")
        before = server.overlaps()
        # As run_forever does: the parse processes start with the poller, not with each round.
        parse_pool = ParsePool(settings.parse_processes).start() if settings.parse_processes else None
        if parse_pool is not None:
            parse_pool.parse(feed_doc(0, 1).encode())  # returns once a child is up
        timer.take()
        con1, out = timed(poll_round, factory, settings, parse_pool=parse_pool)
        rows.append((f"concurrent ({args.threads} threads), first round", con1, timer.take(),
                     check("concurrent 1", out, factory, expected, not_modified=False)))
        con2, out = timed(poll_round, factory, settings, force=True, parse_pool=parse_pool)
        if parse_pool is not None:
            parse_pool.close()
        rows.append((f"concurrent ({args.threads} threads), unchanged round (304)", con2, timer.take(),
                     check("concurrent 2", out, factory, expected, not_modified=True)))
        overlaps = {p: n for p, n in server.overlaps().items() if p not in before}
        assert not overlaps, f"a feed was fetched twice at once: {overlaps}"
        if args.teaser_feeds:
            # A poller that runs imported trafilatura long ago (2.5 s here) and made its first extraction.
            from factcheck.ingest.fulltext import extract_page

            extract_page(article_page(0, 0), server.url("/p0-0.html"))
            ft_never, _, _ = fulltext_round(args, tmp, server, "never")
            ft_always, pages, ft_claims = fulltext_round(args, tmp, server, "always")
            at_once = server.pages_at_once()

    db = "PostgreSQL" if args.database_url else "SQLite"
    print(f"\n{args.feeds} feeds x {args.entries} entries, server latency {args.latency * 1000:.0f} ms, {db}, "
          f"concurrent poller with {settings.parse_processes} parse process(es), {os.cpu_count()} cores\n")
    print(f"| {'round':48s} | {'seconds':>8s} | {'feeds/s':>8s} | {'storing s':>9s} | result |")
    print(f"|{'-' * 50}|{'-' * 9}:|{'-' * 9}:|{'-' * 10}:|--------|")
    for label, secs, store, result in rows:
        print(f"| {label:48s} | {secs:8.2f} | {args.feeds / secs:8.1f} | {store:9.2f} | {result} |")
    print("\n(storing s: time inside store_articles - insert, extract, match - summed over threads)")
    print(f"concurrent vs sequential, first round:      {seq1 / con1:6.1f}x faster (target >= 10x)")
    print(f"unchanged (304) vs first round, concurrent: {con1 / con2:6.1f}x faster (target >= 5x)")
    if args.full:
        print(f"unchanged (304) vs first round, sequential: {seq1 / seq2:6.1f}x faster")
    if args.teaser_feeds:
        n = args.teaser_feeds
        print(f"\nfull-text round: {n} teaser feeds x {args.entries} entries, pages from 127.0.0.1 "
              f"(at most {PER_HOST} at a time, no delay, same latency), concurrent, fresh database\n")
        print(f"| {'round':48s} | {'seconds':>8s} | {'feeds/s':>8s} | {'pages/s':>8s} |")
        print(f"|{'-' * 50}|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|")
        print(f"| {'teasers only (full_text: never)':48s} | {ft_never:8.2f} | {n / ft_never:8.1f} | {'-':>8s} |")
        print(f"| {'pages fetched (full_text: always)':48s} | {ft_always:8.2f} | {n / ft_always:8.1f} "
              f"| {pages / ft_always:8.1f} |")
        print(f"full text vs teasers only: {ft_always / ft_never:6.2f}x the time ({pages} pages; extracting and "
              f"matching the pages' claims: {ft_claims:.2f} s summed over threads)")
        print(f"per-host limit: at most {at_once} pages served at once by the host (limit {PER_HOST})")


if __name__ == "__main__":
    main()
