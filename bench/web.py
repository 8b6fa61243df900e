"""Review-queue web benchmark: N claims in SQLite, concurrent editors from a second process.

    python bench/web.py                # 100k claims, 20 clients, 30 s
    python bench/web.py --smoke        # CI: 3k claims, 4 clients, 4 s
    python bench/web.py --api          # /api/v1/ instead: one token per client (claims indexed first)
    python bench/web.py --claims 120000  # the bulk corpus's size: 30,000 articles in 10,000 stories

Beside the claim queue the clients open the story queue (/stories, its first page and any page
it links to, in its default order and newest first) and story pages (/stories/<id>), on stories
of three articles of three outlets each.

The app runs under waitress in this process; the clients (threads, one login
each) run in a separate process so they do not compete for this interpreter's
GIL. Every response carries a Server-Timing header (time inside the app); the
table gives p50/p95 of that per page, the client-observed p95, errors, and the
ratio of each page's server p95 to /health's (the cheapest request through the
same stack, measured in the same run).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSWORD = "bench password 123"
WORDS = ("الوزارة أعلنت القبض خلية مؤلفة أشخاص ريف دمشق المطار يفتح الرحلات الدولية الاثنين الأسعار ارتفعت "
         "the ministry said airport reopen flights monday prices rose percent bridge port closed talks").split()


def populate(db: Path, n_claims: int, n_users: int) -> None:
    """Bulk rows through plain SQL (the ORM would dominate the set-up time); matches fire the rank triggers."""
    from werkzeug.security import generate_password_hash

    from factcheck.store.db import upgrade_database
    from factcheck.match.structured import format_date
    from factcheck.messages import Message
    from factcheck.text.normalize import normalize

    # Reasons as the matcher stores them (English text and the template the claim page translates).
    support = Message("same quote {pct}%, speaker agrees", {"pct": 91})
    differ = Message("dates differ: {mine} vs {theirs}", {"mine": format_date("2025-11-10", "2025-11-11"),
                                                          "theirs": format_date("2025-11-11", "2025-11-10")})
    conflict = Message("same event ({pct}% alike); {differ}", {"pct": 86, "differ": differ})

    upgrade_database(f"sqlite:///{db}")
    rnd = random.Random(7)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    now = datetime(2025, 11, 7, 22, 13)
    n_feeds, per_article = 40, 4
    pw = generate_password_hash(PASSWORD)
    con.executemany("INSERT INTO users (name, password_hash, role, active, created_at) VALUES (?,?,?,?,?)",
                    [(f"editor{i}", pw, "editor", 1, now) for i in range(n_users)])
    con.executemany(
        "INSERT INTO feeds (id, name, url, kind, language, interval_minutes, enabled, allow_private, from_config, "
        "error_count, redirect_count, created_at) VALUES (?,?,?,?,?,30,1,0,0,0,0,?)",
        [(i + 1, f"Source {i}", f"https://s{i}.example/feed", "feed", "ar" if i % 2 else "en", now)
         for i in range(n_feeds)])
    n_articles = n_claims // per_article + 1
    arts = []
    for a in range(n_articles):
        pub = now - timedelta(minutes=a * 3)
        body = " ".join(rnd.choice(WORDS) for _ in range(120))
        # Stories of STORY_ARTICLES consecutive articles (each of another outlet), as the story
        # queue shows them; no random draw here, so the claims and matches are those of before.
        arts.append((a + 1, a % n_feeds + 1, f"k{a}", f"https://s.example/{a}", f"Article {a}", pub,
                     "ar" if a % 2 else "en", body, f"h{a}", now, a // STORY_ARTICLES + 1))
    con.executemany("INSERT INTO articles (id, feed_id, dedup_key, url, title, published, language, text, "
                    "content_hash, fetched_at, story_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)", arts)
    spans: dict[int, list] = {}
    for art in arts:
        spans.setdefault(art[10], []).append(art[5])
    con.executemany("INSERT INTO stories (id, created_at, updated_at, first, last, n_articles) VALUES (?,?,?,?,?,?)",
                    [(sid, now, now, min(pubs), max(pubs), len(pubs)) for sid, pubs in spans.items()])
    claims = []
    kinds = ("quote", "quote", "date", "figure")
    for c in range(n_claims):
        art = arts[c // per_article]
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 14)))
        claims.append((c + 1, art[0], art[1], art[5], art[6], kinds[c % 4], text, text, 0, len(text),
                       f"Speaker {c % 300}", "said", 1, normalize(text),
                       "pending" if c % 5 else rnd.choice(("corroborated", "disputed", "unverifiable")), 1, now))
    con.executemany("INSERT INTO claims (id, article_id, feed_id, published, language, kind, text, sentence, "
                    "start, \"end\", speaker, verb, direct, norm_text, status, version, created_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claims)
    # A fifth of the claims matched to one to three claims of other sources; one match in ten conflicts.
    matches = []
    seen = set()
    for c in rnd.sample(range(1, n_claims + 1), n_claims // 5):
        for _ in range(rnd.randint(1, 3)):
            o = rnd.randint(1, n_claims)
            if o == c or (c, o) in seen or claims[o - 1][2] == claims[c - 1][2]:
                continue
            seen.add((c, o))
            seen.add((o, c))
            rel = "conflicts" if rnd.random() < 0.1 else "supports"
            diff = '[["equal", "the ministry said"], ["delete", "monday"], ["insert", "tuesday"]]'
            why = conflict if rel == "conflicts" else support
            matches.append((c, o, 80.0, rel, str(why), json.dumps(why.to_data()), diff, now))
            matches.append((o, c, 80.0, rel, str(why), json.dumps(why.to_data()), diff, now))
    con.executemany("INSERT INTO matches (claim_id, other_claim_id, score, relation, reason, reason_data, diff, "
                    "created_at) VALUES (?,?,?,?,?,?,?,?)", matches)
    con.commit()
    con.close()
    # The figures the story queue's order reads (a contradiction, independent outlets), as
    # stories.refresh keeps them: the rows above are written past the pipeline.
    from factcheck.store.db import make_engine, make_sessionmaker, transaction
    from factcheck.store.stories import refresh

    engine = make_engine(f"sqlite:///{db}")
    with transaction(make_sessionmaker(engine)) as s:
        refresh(s, spans)
    engine.dispose()
    con = sqlite3.connect(db)
    con.execute("ANALYZE")
    con.close()


STORY_ARTICLES = 3  # articles per story: 30,000 articles (--claims 120000) make 10,000 stories


def n_stories(n_claims: int) -> int:
    return (n_claims // 4 + 1 + STORY_ARTICLES - 1) // STORY_ARTICLES


RARE = "zanzibar"  # in one claim of RARE_EVERY (the API's q on a rare word)
RARE_EVERY = 500


def prepare_api(db: Path, n_clients: int) -> list[str]:
    """The claims' search index (as the pipeline writes it), a rare word in some claims, one token per client."""
    import sqlite3

    from factcheck.store.db import make_engine, make_sessionmaker, transaction
    from factcheck.store.models import User
    from factcheck.store.retrieval import reindex_all
    from factcheck.store.tokens import create_token

    con = sqlite3.connect(db)
    con.execute(f"UPDATE claims SET text = text || ' {RARE}', sentence = sentence || ' {RARE}' "
                f"WHERE id % {RARE_EVERY} = 0")
    con.commit()
    con.close()
    factory = make_sessionmaker(make_engine(f"sqlite:///{db}"))
    with transaction(factory) as s:
        reindex_all(s)
    with transaction(factory) as s:
        users = s.query(User).order_by(User.id).all()
        tokens = [create_token(s, users[i % len(users)], "read")[1] for i in range(n_clients)]
    con = sqlite3.connect(db)
    con.execute("ANALYZE")
    con.close()
    return tokens


def _api_client(base: str, token: str, n_claims: int, deadline: float, out, seed: int) -> None:
    import httpx

    from factcheck.match import search_terms

    rnd = random.Random(seed)
    words = [w for w in WORDS if search_terms(w)]  # q of a stop word or a day's name is a 400, by design
    c = httpx.Client(base_url=base + "/api/v1", timeout=30, headers={"Authorization": f"Bearer {token}"})
    while time.time() < deadline:
        roll = rnd.random()
        if roll < 0.2:
            name, path = "api claims", "/claims"
        elif roll < 0.4:
            name, path = "api claims deep", f"/claims?cursor={rnd.randint(1, n_claims)}"
        elif roll < 0.5:
            name, path = "api q common", "/claims?q=" + rnd.choice(words)
        elif roll < 0.55:
            name, path = "api q common deep", f"/claims?q={rnd.choice(words)}&cursor={rnd.randint(1, n_claims)}"
        elif roll < 0.65:
            name, path = "api q rare", f"/claims?q={RARE}"
        elif roll < 0.95:
            name, path = "api claim", f"/claims/{rnd.randint(1, n_claims)}"
        else:
            name, path = "health", base + "/health"
        t0 = time.perf_counter()
        try:
            r = c.get(path)
            status = r.status_code
            m = re.search(r"app;dur=([\d.]+)", r.headers.get("server-timing", ""))
            server_ms = float(m.group(1)) if m else float("nan")
        except httpx.HTTPError:
            status, server_ms = 599, float("nan")
        out.append((name, status, server_ms, (time.perf_counter() - t0) * 1000))


# ---------------------------------------------------------------- clients (second process)


def _client(base: str, user: str, n_claims: int, deadline: float, out, seed: int) -> None:
    import httpx

    rnd = random.Random(seed)
    stories = n_stories(n_claims)
    c = httpx.Client(base_url=base, timeout=30)
    html = c.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    r = c.post("/login", data={"username": user, "password": PASSWORD, "csrf_token": token})
    if r.status_code != 302:
        out.append(("login", r.status_code, 0.0, 0.0))
        return
    after = None
    while time.time() < deadline:
        roll = rnd.random()
        if roll < 0.35:
            name, path = "queue", "/queue" + (f"?after={after}" if after and rnd.random() < 0.5 else "")
        elif roll < 0.45:
            name, path = "queue filtered", rnd.choice(("/queue?kind=figure", "/queue?language=ar",
                                                       "/queue?source=3", "/queue?status=disputed"))
        elif roll < 0.5:
            name, path = "queue search", "/queue?q=" + rnd.choice(WORDS)
        elif roll < 0.8:
            name, path = "claim", f"/claims/{rnd.randint(1, n_claims)}"
        elif roll < 0.84:
            name, path = "stories", "/stories"
        elif roll < 0.86:
            # Any page the queue links to (it pages up to 1000 deep, 50 stories a page), in the
            # default order (what needs a human first, ix_stories_need) and, as its baseline, newest
            # first (ix_stories_last, the order before it).
            page = rnd.randint(1, max(1, min(1000, stories // 50)))
            name, path = (("stories deep", f"/stories?page={page}") if roll < 0.85 else
                          ("stories deep newest", f"/stories?order=newest&page={page}"))
        elif roll < 0.9:
            name, path = "story", f"/stories/{rnd.randint(1, stories)}"
        else:
            name, path = "health", "/health"
        t0 = time.perf_counter()
        try:
            r = c.get(path)
            status = r.status_code
            m = re.search(r"app;dur=([\d.]+)", r.headers.get("server-timing", ""))
            server_ms = float(m.group(1)) if m else float("nan")
            if name == "queue":
                ids = re.findall(r'data-id="(\d+)"', r.text)
                after = ids[-1] if ids else None
        except httpx.HTTPError:
            status, server_ms = 599, float("nan")
        out.append((name, status, server_ms, (time.perf_counter() - t0) * 1000))


def _clients_main(base: str, n_clients: int, n_claims: int, seconds: float, q, tokens=None) -> None:
    deadline = time.time() + seconds
    results: list = []
    if tokens:
        threads = [threading.Thread(target=_api_client, args=(base, tokens[i], n_claims, deadline, results, i))
                   for i in range(n_clients)]
    else:
        threads = [threading.Thread(target=_client, args=(base, f"editor{i}", n_claims, deadline, results, i))
                   for i in range(n_clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    q.put(results)


def pct(values: list[float], p: float) -> float:
    values = sorted(v for v in values if v == v)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--threads", type=int, default=4, help="waitress worker threads (its default)")
    ap.add_argument("--smoke", action="store_true", help="small and quick, for CI")
    ap.add_argument("--api", action="store_true", help="clients call /api/v1/ with tokens instead of the pages")
    args = ap.parse_args()
    if args.smoke:
        args.claims, args.clients, args.seconds = 3000, 4, 4

    import logging

    from waitress.server import create_server

    logging.getLogger("waitress").setLevel(logging.ERROR)  # "Task queue depth" on every burst

    from factcheck.app import create_app
    from factcheck.config import load_settings

    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-web-"))
    db = tmp / "bench.sqlite3"
    t0 = time.perf_counter()
    populate(db, args.claims, args.clients)
    tokens = prepare_api(db, args.clients) if args.api else None
    load_s = time.perf_counter() - t0
    settings = load_settings(instance=tmp / "instance", database_url=f"sqlite:///{db}", feeds_file=tmp / "none.yaml")
    settings.secret_key = "bench"
    settings.api_rate_limit = 10**9  # the limiter's UPDATE runs, its limit is not the subject
    app = create_app(settings)
    server = create_server(app, host="127.0.0.1", port=0, threads=args.threads)
    base = f"http://127.0.0.1:{server.effective_port}"
    threading.Thread(target=server.run, daemon=True).start()

    q: mp.Queue = mp.get_context("spawn").Queue()
    proc = mp.get_context("spawn").Process(target=_clients_main,
                                               args=(base, args.clients, args.claims, args.seconds, q, tokens))
    proc.start()
    results = q.get(timeout=args.seconds + 300)
    proc.join()
    server.close()
    shutil.rmtree(tmp, ignore_errors=True)

    by: dict[str, list] = {}
    for name, status, server_ms, client_ms in results:
        by.setdefault(name, []).append((status, server_ms, client_ms))
    health_p95 = pct([r[1] for r in by.get("health", [])], 95)
    print(f"web bench: {args.claims} claims (loaded in {load_s:.1f} s), {args.clients} clients for "
          f"{args.seconds:g} s from a second process, waitress {args.threads} threads, SQLite")
    print(f"{'page':<18}{'requests':>9}{'errors':>8}{'p50 server':>12}{'p95 server':>12}{'p95 client':>12}"
          f"{'p95 / health':>14}")
    failed = False
    for name in ("queue", "queue filtered", "queue search", "claim", "stories", "stories deep", "stories deep newest", "story", "api claims", "api claims deep", "api q common",
                 "api q common deep", "api q rare", "api claim", "health", "login"):
        rows = by.get(name)
        if not rows:
            continue
        errors = sum(1 for r in rows if r[0] >= 400)
        p95 = pct([r[1] for r in rows], 95)
        print(f"{name:<18}{len(rows):>9}{errors:>8}{pct([r[1] for r in rows], 50):>10.1f}ms{p95:>10.1f}ms"
              f"{pct([r[2] for r in rows], 95):>10.1f}ms{p95 / health_p95 if health_p95 else float('nan'):>13.1f}x")
        failed |= errors > 0
    total = sum(len(v) for v in by.values())
    print(f"throughput: {total / args.seconds:.0f} requests/s")
    if failed:
        print("ERRORS: some requests failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
