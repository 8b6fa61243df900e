"""Matching at scale: factcheck's indexed retrieval + scoring vs a brute-force scan.

Fills a database with N generated news-like claims (Arabic and English, spread
over a year, 40 outlets; each story reported by several outlets with spelling
variants and rewording), then for a sample of claims measures in one run:

* factcheck: ``retrieval.candidate_views`` (the claim_terms index: words and
  adjacent word pairs, pool re-ranked by the pre-filter score) + ``best_matches``;
* baseline: rapidfuzz ``process.extract`` over every claim of other outlets
  in the same +-14 day window (keys held in memory, so the baseline pays no
  database cost at all);
* recall@10: of the baseline's 10 best claims (ties at the 10th score count
  as interchangeable), the share that factcheck's index returned as candidates;
* peak memory of the process while matching (database built in a child process).

    python bench/match.py --smoke                 # CI: 10k claims, 20 queries
    python bench/match.py --size 1000000 --queries 200 [--db sqlite:////path/to/reused.sqlite3]
"""
from __future__ import annotations

import argparse
import bisect
from collections import Counter
import hashlib
import multiprocessing as mp
import os
import random
import resource
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import fuzz, process  # noqa: E402
from sqlalchemy import insert, select, text  # noqa: E402
from sqlalchemy.orm import selectinload  # noqa: E402

from factcheck import retrieval  # noqa: E402
from factcheck.db import make_engine, make_sessionmaker, upgrade_database  # noqa: E402
from factcheck.match import MatchConfig, best_matches  # noqa: E402
from factcheck.match.similarity import content, parse_stored_tokens, stored_tokens  # noqa: E402
from factcheck.models import Article, Claim, Feed  # noqa: E402
from factcheck.pipeline import claim_view  # noqa: E402

START = datetime(2025, 1, 1, tzinfo=timezone.utc)
SOURCES_AR = [f"ar_outlet_{i:02d}" for i in range(24)]
SOURCES_EN = [f"en_outlet_{i:02d}" for i in range(16)]

AR = {
    "speaker": [("الرئيس السوري أحمد الشرع", "الشرع"), ("الرئيس الأمريكي دونالد ترامب", "ترمب"),
                ("وزير الخارجية أسعد الشيباني", "الشيباني"), ("الرئيس الفرنسي إيمانويل ماكرون", "ماكرون"),
                ("الرئيس التركي رجب طيب أردوغان", "إردوغان"), ("وزير الداخلية أنس خطاب", "خطاب"),
                ("المبعوث الأممي غير بيدرسون", "بيدرسن"), ("رئيس الحكومة اللبنانية نواف سلام", "سلام"),
                ("وزير الطاقة محمد البشير", "البشير"), ("وزير الاقتصاد نضال الشعار", "الشعار")],
    "verb": ["يلتقي", "يستقبل", "يبحث مع", "يناقش مع", "يتصل بـ", "يزور"],
    "object": ["وفدا أوروبيا", "نظيره التركي", "المبعوث الأممي", "وزير الخارجية الأميركي", "وفدا سعوديا",
               "ممثلي المنظمات الإنسانية", "رئيس الحكومة العراقية", "وفد صندوق النقد الدولي"],
    "topic": ["رفع العقوبات", "إعادة الإعمار", "عودة اللاجئين", "أمن الحدود", "إمدادات الطاقة",
              "مكافحة تنظيم الدولة", "الانتخابات البرلمانية", "ملف المفقودين", "أسعار الخبز", "الكهرباء"],
    "place": ["دمشق", "حلب", "حمص", "اللاذقية", "درعا", "إدلب", "دير الزور", "الرقة", "طرطوس", "حماة",
              "السويداء", "القامشلي", "منبج", "بيروت", "عمان", "أنقرة", "باريس", "واشنطن", "الدوحة", "الرياض"],
    "unit": [("أشخاص", "عناصر"), ("ساعات", "ساعة"), ("عائلة", "أسرة"), ("شاحنة", "شاحنات"), ("قتلى", "قتيلا")],
    "event": ["انفجار سيارة مفخخة", "حريق في الأحراج", "حملة أمنية", "قافلة مساعدات", "اشتباكات مسلحة",
              "انقطاع الكهرباء", "فيضان", "زلزال", "إضراب للمعلمين", "افتتاح معبر حدودي"],
    "quote": ["لن نسمح بعودة الفوضى إلى {place}", "نريد علاقات متوازنة مع جميع الدول",
              "{topic} أولوية للحكومة في هذه المرحلة", "الولايات المتحدة الأمريكية ستدعم {topic}",
              "سوريا لن تكون منصة لتهديد جيرانها", "نعمل مع شركائنا على {topic} في {place}",
              "لا تراجع عن {topic} إطلاقا", "الوضع في {place} تحت السيطرة"],
}
EN = {
    "speaker": [("Syrian President Ahmed al-Sharaa", "al-Sharaa"), ("President Donald Trump", "Trump"),
                ("Foreign Minister Asaad al-Shaibani", "Shaibani"), ("French President Emmanuel Macron", "Macron"),
                ("UN envoy Geir Pedersen", "Pedersen"), ("Secretary of State Marco Rubio", "Rubio"),
                ("Turkish President Recep Tayyip Erdogan", "Erdogan"), ("EU foreign policy chief Kaja Kallas", "Kallas")],
    "verb": ["meets", "hosts", "holds talks with", "calls", "visits"],
    "object": ["a European delegation", "his Turkish counterpart", "the UN envoy", "a Saudi delegation",
               "aid agency chiefs", "the Iraqi prime minister", "an IMF mission"],
    "topic": ["sanctions relief", "reconstruction", "refugee returns", "border security", "energy supplies",
              "the fight against Islamic State", "parliamentary elections", "missing persons", "bread prices"],
    "place": ["Damascus", "Aleppo", "Homs", "Latakia", "Daraa", "Idlib", "Deir ez-Zor", "Raqqa", "Tartus",
              "Hama", "Beirut", "Amman", "Ankara", "Paris", "Washington", "Doha", "Riyadh"],
    "unit": [("people", "persons"), ("hours", "hours"), ("families", "families"), ("trucks", "lorries")],
    "event": ["car bomb explosion", "forest fire", "security sweep", "aid convoy", "armed clashes",
              "power outage", "flood", "earthquake", "teachers' strike", "border crossing reopening"],
    "quote": ["We will not allow chaos to return to {place}", "We want balanced relations with all countries",
              "{topic} is a priority for the government at this stage", "The U.S. will support {topic}",
              "Syria will not be a platform to threaten its neighbours", "We are working with partners on {topic} in {place}",
              "There's no going back on {topic}", "The situation in {place} is under control"],
}
AR_SPELL = [("ترامب", "ترمب"), ("الأمريكية", "الأميركية"), ("سوريا", "سورية"), ("إطلاقا", "على الإطلاق")]
EN_SPELL = [("The U.S.", "The United States"), ("There's", "There is"), ("neighbours", "neighbors")]


def _story(rng: random.Random, lang: str):
    v = AR if lang == "ar" else EN
    kind = rng.choice(("quote", "quote", "date", "figure"))
    place, topic = rng.choice(v["place"]), rng.choice(v["topic"])
    if kind == "quote":
        speaker = rng.choice(v["speaker"])
        body = rng.choice(v["quote"]).format(place=place, topic=topic)
        return kind, body, speaker, None
    if kind == "date":
        who = rng.choice(v["speaker"])
        body = (f"{who[1]} {rng.choice(v['verb'])} {rng.choice(v['object'])} في {place} لبحث {topic}" if lang == "ar"
                else f"{who[1]} {rng.choice(v['verb'])} {rng.choice(v['object'])} in {place} to discuss {topic}")
        return kind, body, None, None
    unit = rng.choice(v["unit"])
    n = rng.choice((2, 3, 4, 5, 7, 12, 25, 40, 120, 1200))
    body = (f"{rng.choice(v['event'])} في {place}: {n} {unit[0]}" if lang == "ar"
            else f"{rng.choice(v['event'])} in {place}: {n} {unit[0]}")
    return kind, body, None, (n, unit)


def _variant(rng: random.Random, body: str, lang: str) -> str:
    for a, b in (AR_SPELL if lang == "ar" else EN_SPELL):
        if a in body and rng.random() < 0.5:
            body = body.replace(a, b)
    words = body.split()
    r = rng.random()
    if r < 0.2 and len(words) > 4:
        del words[rng.randrange(1, len(words))]
    elif r < 0.35 and lang == "ar":
        i = rng.randrange(len(words))
        words[i] = "و" + words[i]
    return " ".join(words)


def build(url: str, size: int, seed: int = 7) -> None:
    """Fill a fresh database with ``size`` claims (runs in a child process)."""
    upgrade_database(url)
    engine = make_engine(url)
    rng = random.Random(seed)
    with engine.begin() as c:
        feed_ids = {}
        for name in SOURCES_AR + SOURCES_EN:
            fid = c.execute(insert(Feed.__table__).values(
                name=name, url=f"https://{name}.example/feed", kind="feed", language="ar" if name.startswith("ar") else "en",
                interval_minutes=30, enabled=True, allow_private=False, from_config=False, error_count=0,
                redirect_count=0, created_at=datetime(2025, 1, 1))).inserted_primary_key[0]
            feed_ids[name] = fid
    made, claim_id = 0, 0
    counts: Counter[tuple[str, int]] = Counter()
    t0 = time.time()
    while made < size:
        arts, claims, terms = [], [], []
        while made < size and len(claims) < 5000:
            lang = "ar" if rng.random() < 0.6 else "en"
            kind, body, speaker, fig = _story(rng, lang)
            day = START + timedelta(days=rng.randrange(365), minutes=rng.randrange(1440))
            date_value = (day + timedelta(days=rng.randrange(0, 5))).date().isoformat() if kind == "date" else None
            sources = rng.sample(SOURCES_AR if lang == "ar" else SOURCES_EN, k=rng.randint(2, 6))
            for src in sources:
                if made >= size:
                    break
                made += 1
                claim_id += 1
                published = (day + timedelta(hours=rng.randrange(0, 72))).replace(tzinfo=None)
                wording = _variant(rng, body, lang)
                sentence = (f"وقال {speaker[0]} إن \"{wording}\"" if speaker and lang == "ar"
                            else f"\"{wording}\", {speaker[0]} said" if speaker else wording)
                h = hashlib.sha1(f"{claim_id}".encode()).hexdigest()
                value, unit = (fig[0] + (1 if rng.random() < 0.1 else 0), fig[1][rng.randrange(2)]) if fig else (None, None)
                arts.append(dict(id=claim_id, feed_id=feed_ids[src], dedup_key=h, title="", published=published,
                                 language=lang, text=sentence, content_hash=h, fetched_at=published))
                claims.append(dict(id=claim_id, article_id=claim_id, feed_id=feed_ids[src], published=published,
                                   language=lang, kind=kind, text=wording, sentence=sentence, start=0, end=len(wording),
                                   speaker=(speaker[rng.randrange(2)] if speaker else None), date_value=date_value,
                                   date_grain="day" if date_value else None, value=value, unit=unit, norm_text="",
                                   status="pending", version=1, created_at=published, n_conflicts=0, n_sources=0))
                claims[-1]["match_key"] = stored_tokens(wording, sentence)
                d = retrieval.day_number(published)
                terms.extend({"term": t, "day": d, "claim_id": claim_id, "feed_id": feed_ids[src]}
                             for t in retrieval.postings_terms(wording, sentence, claims[-1]["speaker"], kind, lang,
                                                               date_value, value, unit))
        with engine.begin() as c:
            c.execute(insert(Article.__table__), arts)
            c.execute(insert(Claim.__table__), claims)
            c.execute(insert(retrieval.claim_terms), terms)
        for r in retrieval.count_rows(terms):
            counts[(r["term"], r["week"])] += r["n"]
        if made % 100_000 < 5000:
            print(f"  built {made:,} claims ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
    with engine.begin() as c:
        c.execute(insert(retrieval.term_counts), [{"term": t, "week": w, "n": n} for (t, w), n in counts.items()])
        c.execute(text("ANALYZE"))
    engine.dispose()


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def run(url: str, queries: int, window: int, seed: int = 11) -> dict:
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    config = MatchConfig(window_days=window)
    rng = random.Random(seed)
    with factory() as s:
        max_id = s.scalar(text("SELECT max(id) FROM claims"))
        sample = sorted(rng.sample(range(1, max_id + 1), min(queries, max_id)))

    # --- factcheck: index lookup + scoring, one claim at a time, one core
    fc_times, fc_cpu, fc_candidates, fc_results = [], [], {}, {}
    with factory() as s:
        for cid in sample[:10]:  # warm the page cache and the normalisation caches
            best_matches(claim_view(s.get(Claim, cid)), retrieval.candidate_views(s, s.get(Claim, cid), window), config)
        s.expire_all()
        for cid in sample:
            claim = s.scalars(select(Claim).where(Claim.id == cid)
                              .options(selectinload(Claim.article).selectinload(Article.feed))).one()
            t, c = time.perf_counter(), time.process_time()
            pool = retrieval.candidate_views(s, claim, window)
            results = best_matches(claim_view(claim), pool, config)
            fc_times.append(time.perf_counter() - t)
            fc_cpu.append(time.process_time() - c)
            fc_candidates[cid] = {c.id for c in pool}
            fc_results[cid] = results
            s.expunge_all()
    fc_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB on Linux

    # --- baseline: every claim of other outlets in the window, scored by rapidfuzz
    with factory() as s:
        rows = s.execute(text("SELECT id, feed_id, published, match_key FROM claims ORDER BY published")).all()
    days = [retrieval.day_number(r[2]) for r in rows]
    # The same keys factcheck's prefilter scores (content words of text and
    # sentence), read from the stored tokens instead of normalising 1M texts again.
    keys = [" ".join(content(t)) + " " + " ".join(content(s_)) for t, s_ in
            (parse_stored_tokens(r[3]) or ((), ()) for r in rows)]
    feeds = [r[1] for r in rows]
    ids = [r[0] for r in rows]
    pos = {cid: i for i, cid in enumerate(ids)}
    bl_times, bl_cpu, recalls = [], [], []
    for cid in sample:
        i = pos[cid]
        t, c = time.perf_counter(), time.process_time()
        lo, hi = bisect.bisect_left(days, days[i] - window), bisect.bisect_right(days, days[i] + window)
        window_idx = [j for j in range(lo, hi) if feeds[j] != feeds[i] and j != i]
        top = process.extract(keys[i], [keys[j] for j in window_idx], scorer=fuzz.token_set_ratio,
                              processor=None, limit=10, score_cutoff=config.prefilter_min)
        bl_times.append(time.perf_counter() - t)
        bl_cpu.append(time.process_time() - c)
        if not top:
            continue
        s10 = top[-1][1]
        # ties at the 10th score are interchangeable: count how many claims of the
        # window reach it, and how many of factcheck's candidates do
        n_at_least = sum(1 for j in window_idx if fuzz.token_set_ratio(keys[i], keys[j]) >= s10) if len(top) == 10 else len(top)
        want = min(10, n_at_least)
        got = sum(1 for c in fc_candidates[cid] if c in pos and fuzz.token_set_ratio(keys[i], keys[pos[c]]) >= s10)
        recalls.append(min(want, got) / want)
    return {
        "claims": len(rows), "queries": len(sample),
        "fc_p50": _pct(fc_times, 50) * 1000, "fc_p95": _pct(fc_times, 95) * 1000,
        "bl_p50": _pct(bl_times, 50) * 1000, "bl_p95": _pct(bl_times, 95) * 1000,
        "fc_cpu50": _pct(fc_cpu, 50) * 1000, "fc_cpu95": _pct(fc_cpu, 95) * 1000,
        "bl_cpu50": _pct(bl_cpu, 50) * 1000, "bl_cpu95": _pct(bl_cpu, 95) * 1000,
        "recall10": statistics.mean(recalls) if recalls else float("nan"),
        "fc_rss": fc_rss,
        "avg_candidates": statistics.mean(len(v) for v in fc_candidates.values()),
        "with_matches": sum(1 for v in fc_results.values() if v) / len(sample),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000, help="claims to generate (10000 for CI)")
    ap.add_argument("--queries", type=int, default=200, help="claims to match")
    ap.add_argument("--window", type=int, default=14)
    ap.add_argument("--db", default=None, help="database URL (default: a SQLite file under /tmp, reused if built)")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="CI smoke run: 10k claims, 20 queries")
    ap.add_argument("--nearest-only", action="store_true",
                    help="skip the whole-window scan of the rarest words (faster, lower recall@10)")
    ap.add_argument("--no-pairs", action="store_true", help="do not look up word pairs (single words only)")
    ap.add_argument("--no-rerank", action="store_true",
                    help="keep the index's IDF order instead of re-ranking its pool by the pre-filter score")
    ap.add_argument("--shared-pairs", action="store_true",
                    help="let word pairs be among the rarest terms of the whole-window scan")
    args = ap.parse_args()
    if args.shared_pairs:
        retrieval.SHARED_PAIRS = True
    if args.nearest_only:
        retrieval.SHARED_TERMS = 0
    if args.no_pairs:
        retrieval.PAIR_LOOKUP = 0
    if args.no_rerank:
        retrieval.RERANK_POOL = 0
    if args.smoke:
        args.size, args.queries = 10_000, 20
    url = args.db or f"sqlite:////tmp/factcheck-bench-match-{args.size}.sqlite3"
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else None
    if path and args.rebuild and os.path.exists(path):
        os.remove(path)
    if not path or not os.path.exists(path):
        t = time.time()
        p = mp.get_context("spawn").Process(target=build, args=(url, args.size))
        p.start()
        p.join()
        if p.exitcode:
            sys.exit(p.exitcode)
        print(f"built {args.size:,} claims in {time.time() - t:.0f} s", file=sys.stderr)
    else:
        # A reused database from an older checkout must carry the index this code reads
        # (a migration may add index terms); upgrading is a no-op when it is current.
        upgrade_database(url)
    r = run(url, args.queries, args.window)
    speed50, speed95 = r["bl_p50"] / r["fc_p50"], r["bl_p95"] / r["fc_p95"]
    mode = "nearest-only" if retrieval.SHARED_TERMS < 2 else "default"
    print(f"\nretrieval: {mode} (LOOKUP_TERMS={retrieval.LOOKUP_TERMS}, PAIR_LOOKUP={retrieval.PAIR_LOOKUP}, "
          f"PER_TERM={retrieval.PER_TERM}, SHARED_TERMS={retrieval.SHARED_TERMS}, "
          f"RERANK_POOL={retrieval.RERANK_POOL}, MAX_CANDIDATES={retrieval.MAX_CANDIDATES})")
    print(f"\nmatching {r['queries']} claims against {r['claims']:,} (window +-{args.window} days, 1 core)\n")
    print(f"| {'measure':<22} | {'factcheck':>10} | {'brute force':>11} | {'ratio':>7} |")
    print(f"|{'-' * 24}|{'-' * 12}|{'-' * 13}|{'-' * 9}|")
    print(f"| {'p50 per claim (ms)':<22} | {r['fc_p50']:>10.2f} | {r['bl_p50']:>11.2f} | {speed50:>6.1f}x |")
    print(f"| {'p95 per claim (ms)':<22} | {r['fc_p95']:>10.2f} | {r['bl_p95']:>11.2f} | {speed95:>6.1f}x |")
    print(f"| {'p50 CPU per claim (ms)':<22} | {r['fc_cpu50']:>10.2f} | {r['bl_cpu50']:>11.2f} | "
          f"{r['bl_cpu50'] / r['fc_cpu50']:>6.1f}x |")
    print(f"| {'p95 CPU per claim (ms)':<22} | {r['fc_cpu95']:>10.2f} | {r['bl_cpu95']:>11.2f} | "
          f"{r['bl_cpu95'] / r['fc_cpu95']:>6.1f}x |")
    print(f"| {'recall@10 vs baseline':<22} | {r['recall10']:>10.3f} | {'1.000':>11} | {'':>7} |")
    print(f"| {'peak RSS (MiB)':<22} | {r['fc_rss']:>10.0f} | {'':>11} | {'':>7} |")
    print(f"\ncandidates per claim: {r['avg_candidates']:.0f}; claims with at least one match: {r['with_matches']:.0%}")
    print("factcheck = index lookup + rapidfuzz scoring + structured comparison (database included);")
    print("brute force = rapidfuzz process.extract over the window's claims held in memory (no database).")
    print("CPU = this process's CPU time per claim (SQLite runs in-process): the latency on an idle core;")
    print(f"wall = elapsed time, inflated when other processes share the cores (load average now "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores).")


if __name__ == "__main__":
    main()
