"""Reading a lookup's candidates as the matcher's views, with articles of a real size.

    python bench/views.py            # 20,000 articles of ~30 KB, 10 claims each (about a minute)
    python bench/views.py --smoke    # 1,000 articles, for CI

bench/match.py stores one 110-character article per claim, so it cannot show
what reading an article costs. Each matcher lookup reads ~80 candidate claims
as views (``retrieval.views_by_id``), and each view needs its article's
content hash (syndicated copies share it). Real articles carry their text and
html: ~30 KB here (10 KB of text, 20 KB of html, the size of the bundled sample
articles' longer pages), so on SQLite reading ``articles.content_hash``, stored
after them, walks their overflow pages.

Measured in the same run, on the same random id lists, taking turns:
- factcheck: ``views_by_id``, which reads the hash copied onto the claim
  (``claims.article_hash``, migration 0009);
- baseline: the same function reading through the statement of before 0009,
  which joins articles for the hash.
Figures are per lookup of 80 ids; the page cache is warm after the first
rounds (the database fits in memory), so this is the smallest the gap gets.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.store import retrieval  # noqa: E402
from factcheck.store.db import make_engine, make_sessionmaker, upgrade_database  # noqa: E402
from factcheck.match.similarity import stored_tokens  # noqa: E402

CLAIMS_PER_ARTICLE = 10
TEXT_WORDS, HTML_WORDS = 1_400, 2_800  # ~10 KB and ~20 KB of Arabic text
BASELINE_SQL = (
    "SELECT c.id, f.name, c.kind, c.text, c.sentence, c.speaker, c.date_value, c.date_grain, c.value, c.unit, "
    "c.published, c.language, a.content_hash, c.match_key, c.event_day, c.date_text "
    "FROM claims c JOIN articles a ON a.id = c.article_id JOIN feeds f ON f.id = c.feed_id "
    "WHERE c.id IN :ids"
)
WORDS = ("الحكومة الوزير قال إن سوريا دمشق حلب حمص المحافظة الطريق الجسر المدرسة المستشفى الكهرباء المياه "
         "الاتفاق المحادثات الرئيس الأمم المتحدة الاجتماع اليوم الاثنين الأسبوع المقبل مليون دولار").split()


def build(path: Path, articles: int) -> None:
    upgrade_database(f"sqlite:///{path}")
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    db.execute("INSERT INTO feeds (id, name, url, kind, language, interval_minutes, enabled, allow_private, "
               "from_config, error_count, redirect_count, created_at) "
               "SELECT value, 'Outlet ' || value, 'https://o' || value || '.example/feed', 'feed', 'ar', 30, 1, 0, "
               "0, 0, 0, '2025-01-01 00:00:00.000000' FROM json_each('[1,2,3,4,5,6,7,8]')")
    rnd = random.Random(5)
    when = "2025-11-07 10:00:00.000000"
    for a in range(1, articles + 1):
        body = " ".join(rnd.choice(WORDS) for _ in range(TEXT_WORDS))
        html = "<p>" + " ".join(rnd.choice(WORDS) for _ in range(HTML_WORDS)) + "</p>"
        h = hashlib.sha256(body.encode()).hexdigest()
        feed = 1 + a % 8
        db.execute("INSERT INTO articles (id, feed_id, dedup_key, title, published, language, text, html, "
                   "content_hash, fetched_at) VALUES (?, ?, ?, '', ?, 'ar', ?, ?, ?, ?)",
                   (a, feed, f"k{a}", when, body, html, h, when))
        rows = []
        for k in range(CLAIMS_PER_ARTICLE):
            sentence = " ".join(rnd.choice(WORDS) for _ in range(25))
            claim_text = sentence[:90]
            rows.append((a * CLAIMS_PER_ARTICLE + k, a, feed, when, claim_text, sentence, claim_text,
                         stored_tokens(claim_text, sentence), h))
        db.executemany("INSERT INTO claims (id, article_id, feed_id, published, language, kind, text, sentence, "
                       "start, \"end\", speaker, norm_text, status, version, created_at, match_key, article_hash) "
                       "VALUES (?, ?, ?, ?, 'ar', 'quote', ?, ?, 0, 10, 'الوزير', ?, 'pending', 1, ?, ?, ?)",
                       [r[:7] + (when,) + r[7:] for r in rows])
    db.commit()
    db.close()


def _p(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--lookups", type=int, default=400)
    ap.add_argument("--smoke", action="store_true", help="CI: 1,000 articles, 50 lookups")
    args = ap.parse_args()
    if args.smoke:
        args.articles, args.lookups = 1_000, 50
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "views.sqlite3"
        t = time.time()
        build(path, args.articles)
        size = path.stat().st_size
        print(f"built {args.articles:,} articles, {args.articles * CLAIMS_PER_ARTICLE:,} claims, "
              f"{size / 2**20:,.0f} MiB in {time.time() - t:.0f} s", file=sys.stderr)
        engine = make_engine(f"sqlite:///{path}")
        factory = make_sessionmaker(engine)
        ids = list(range(CLAIMS_PER_ARTICLE, (args.articles + 1) * CLAIMS_PER_ARTICLE))
        rnd = random.Random(9)
        ours, base = [], []
        current = retrieval._VIEW_SQL
        with factory() as s:
            for i in range(args.lookups):
                sample = rnd.sample(ids, 80)
                got = {}
                for sql in ((current, BASELINE_SQL) if i % 2 else (BASELINE_SQL, current)):
                    retrieval._VIEW_SQL = sql  # the same function, reading through one statement or the other
                    t0 = time.perf_counter()
                    got[sql] = retrieval.views_by_id(s, sample)
                    (ours if sql is current else base).append(time.perf_counter() - t0)
                retrieval._VIEW_SQL = current
                # The same views either way: the copy on the claim is the article's hash.
                assert got[current] == got[BASELINE_SQL] and len(got[current]) == 80
        engine.dispose()
    print(f"\nreading 80 candidate views, {args.lookups} lookups, {size / 2**20:,.0f} MiB SQLite database "
          f"(articles of ~30 KB)\n")
    print("| measure | factcheck (hash on the claim) | baseline (join articles) | ratio |")
    print("|---|---:|---:|---:|")
    for name, q in (("p50 (ms)", 0.5), ("p95 (ms)", 0.95)):
        a, b = _p(ours, q) * 1000, _p(base, q) * 1000
        print(f"| {name} | {a:.2f} | {b:.2f} | {b / a:.2f}x |")
    print(f"| mean (ms) | {statistics.mean(ours) * 1000:.2f} | {statistics.mean(base) * 1000:.2f} | |")


if __name__ == "__main__":
    main()
