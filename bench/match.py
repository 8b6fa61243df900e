"""Matching at scale: factcheck's indexed retrieval + scoring vs a brute-force scan.

Fills a database with N generated claims (Arabic 60%, English 40%, spread
over 2025, 40 outlets; each story reported by 2-6 outlets with spelling
variants and rewording), then for a sample of claims measures in one run:

* factcheck: ``retrieval.candidate_views`` (the claim_terms index: words and
  adjacent word pairs, pool re-ranked by the pre-filter score) + ``pairing.matches_of`` (every
  candidate the matcher compares, each claim's best row towards each other article: what the
  pipeline stores);
* baseline: rapidfuzz ``process.extract`` over every claim of other outlets
  in the same +-14 day window (keys held in memory, so the baseline pays no
  database cost at all), in its own process, taking turns with factcheck
  claim by claim so that both meet the same machine;
* recall@10: of the baseline's 10 best claims (ties at the 10th score count
  as interchangeable), the share that factcheck's index returned as candidates;
* peak memory of the process while matching (database built in a child process);
* how selective the data is for an index: distinct content words in a window,
  and how many claims of its window share a query's rarest word.

Two corpora (``--corpus``), each in its own database file:

* ``news`` (default; bench/newsgen.py): a Zipfian vocabulary of ~30,000 word
  types per language (real function and news words on top, pseudo-words built
  from Arabic roots and patterns or English syllables below), ~3,000 named
  speakers and ~800 places per language, Zipf-weighted; each story has its own
  3-10 words from that vocabulary, and outlets sometimes swap a synonym or two
  adjacent words. This is what news looks like to an index: most word types
  are rare and a story's rare words (names, places, numbers, specific nouns)
  are shared by the few outlets that report it.
* ``templates``: the first generator, ~8 quote templates per language over a
  few hundred words. At 1M claims every word of it occurs in thousands of
  claims of a window and one wording is "reported" by hundreds of unrelated
  stories, so an inverted index is far less selective than on real news. Its
  output for seed 7 is unchanged, so figures measured on it stay reproducible.

    python bench/match.py --smoke                 # CI: news corpus, 10k claims, 20 queries
    python bench/match.py --corpus real [--limit N] [--db URL]   # real articles, imported (see below)
    python bench/match.py --size 100000 --queries 200 [--corpus templates]
    python bench/match.py --size 1000000 --queries 200 [--db sqlite:////path/to/reused.sqlite3]

Databases are built once and reused: /tmp/factcheck-bench-match-news-{size}-by-time.sqlite3
(news) and /tmp/factcheck-bench-match-{size}-by-time.sqlite3 (templates), claims
numbered in publication order as a poller writes them; ``--id-order generated``
numbers them story after story (each story on a random day), as the databases of
the earlier figures were, under the names without ``-by-time``. ``--rebuild``
builds again. A ``--db`` URL is trusted to hold the corpus ``--corpus`` names.

``--corpus real`` imports the bulk archive of real articles (eval/real/bulk/saudinewsnet.jsonl.gz of
the evaluation data, or ``--data``; skipped with a message when it is missing) into an empty database
(``--db``: a fresh one) through ``import_archive``, the code ``factcheck import`` runs, and prints
claims, stored matches by relation, articles per second through the whole pipeline, then the lookup's
p50/p95 beside the brute force and the recall on verdicts on ``--queries`` of the imported claims.
``--limit N`` imports every (total / N)-th article (all days and outlets); ``--smoke`` 200 of them.
"""
from __future__ import annotations

import argparse
from array import array
import bisect
from collections import Counter
from collections.abc import Callable
import gzip
import hashlib
import itertools
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rapidfuzz import fuzz, process  # noqa: E402
from sqlalchemy import insert, select, text  # noqa: E402
from sqlalchemy.orm import selectinload  # noqa: E402

from factcheck.store import retrieval  # noqa: E402
from factcheck.store.db import make_engine, make_sessionmaker, upgrade_database  # noqa: E402
from factcheck.match import MatchConfig, comparable  # noqa: E402
from factcheck.match.pairing import matches_of  # noqa: E402
from factcheck.match.similarity import stored_prefilter_key, stored_tokens  # noqa: E402
from factcheck.match.terms import PAIR_SEP  # noqa: E402
from factcheck.store.models import Article, Claim, Feed  # noqa: E402
from factcheck.store.pipeline import claim_view, event_day  # noqa: E402

from newsgen import NewsCorpus, outlet_edits  # noqa: E402  (bench/newsgen.py, beside this file)
from tests.support import evaldata  # noqa: E402

# The real corpus: ~30,000 articles of 13 Saudi outlets (third-party text, read from the evaluation data only).
REAL_DATA = "eval/real/bulk/saudinewsnet.jsonl.gz"

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
    return " ".join(outlet_edits(rng, body, lang, AR_SPELL if lang == "ar" else EN_SPELL))


class TemplateCorpus:
    """The first generator: ~8 quote templates per language and a few hundred words.

    Kept unchanged (same claims for seed 7) so that figures measured on it stay
    reproducible; the news corpus (bench/newsgen.py) is the realistic one.
    """

    name = "templates"

    def story(self, rng: random.Random, lang: str):
        return _story(rng, lang)

    def variant(self, rng: random.Random, body: str, lang: str) -> str:
        return _variant(rng, body, lang)

    def sentence(self, rng: random.Random, wording: str, speaker: tuple[str, str] | None, lang: str) -> str:
        return (f"وقال {speaker[0]} إن \"{wording}\"" if speaker and lang == "ar"
                else f"\"{wording}\", {speaker[0]} said" if speaker else wording)


CORPORA = ("news", "templates")


def corpus(name: str, seed: int = 7):
    """The text generator of a corpus: ``story``, ``variant`` and ``sentence`` of bench/match.py's build."""
    if name == "templates":
        return TemplateCorpus()
    if name == "news":
        return NewsCorpus(seed, AR, EN, AR_SPELL, EN_SPELL)
    raise ValueError(f"unknown corpus {name!r} (one of {', '.join(CORPORA)})")


# term_counts rows held in memory during a build before they are added to the table.
COUNTS_FLUSH = 500_000
_ADD_COUNTS = text(
    "INSERT INTO term_counts (term, week, n) VALUES (:term, :week, :n) "
    "ON CONFLICT (term, week) DO UPDATE SET n = term_counts.n + excluded.n"
)


def _flush_counts(engine, counts: Counter[tuple[str, int]]) -> None:
    items = iter(counts.items())
    while chunk := [{"term": t, "week": w, "n": n} for (t, w), n in itertools.islice(items, 50_000)]:
        with engine.begin() as c:
            c.execute(_ADD_COUNTS, chunk)


ID_ORDERS = ("published", "generated")


def _generate(size: int, seed: int, corpus_name: str, feed_ids: dict[str, int]) -> list[dict]:
    """The claims of a build, in generation order (story after story, each on a random day of 2025).

    Each row's ``story`` is the number of the story it reports (not a column: the build drops it;
    ``story_numbers`` recomputes it for the bench's comparison with the truth).
    """
    gen = corpus(corpus_name, seed)
    rng = random.Random(seed)
    out: list[dict] = []
    story = 0
    while len(out) < size:
        story += 1
        lang = "ar" if rng.random() < 0.6 else "en"
        kind, body, speaker, fig = gen.story(rng, lang)
        day = START + timedelta(days=rng.randrange(365), minutes=rng.randrange(1440))
        date_value = (day + timedelta(days=rng.randrange(0, 5))).date().isoformat() if kind == "date" else None
        sources = rng.sample(SOURCES_AR if lang == "ar" else SOURCES_EN, k=rng.randint(2, 6))
        for src in sources:
            if len(out) >= size:
                break
            published = (day + timedelta(hours=rng.randrange(0, 72))).replace(tzinfo=None)
            wording = gen.variant(rng, body, lang)
            sentence = gen.sentence(rng, wording, speaker, lang)
            value, unit = (fig[0] + (1 if rng.random() < 0.1 else 0), fig[1][rng.randrange(2)]) if fig else (None, None)
            out.append(dict(feed_id=feed_ids[src], published=published, language=lang, kind=kind, text=wording,
                            sentence=sentence, start=0, end=len(wording),
                            speaker=(speaker[rng.randrange(2)] if speaker else None), date_value=date_value,
                            date_grain="day" if date_value else None, value=value, unit=unit, norm_text="",
                            status="pending", version=1, created_at=published, n_conflicts=0, n_sources=0,
                            story=story))
    return out


def _ordered(size: int, seed: int, corpus_name: str, id_order: str, feed_ids: dict[str, int]) -> list[dict]:
    """The claims of a build in id order (claim id = position + 1)."""
    rows = _generate(size, seed, corpus_name, feed_ids)
    if id_order == "published":
        rows.sort(key=lambda r: r["published"])  # stable: ties keep generation order
    return rows


def story_numbers(size: int, seed: int, corpus_name: str, id_order: str) -> array:
    """The story each claim of a build reports, by claim id - 1: the generator's truth.

    Generated again (the same seed gives the same claims in the same order), so the database
    carries nothing the code under test could read. Runs in a child process: at 1M claims the
    generated rows take 1.4 GB, which must not count in the matcher's peak memory.
    """
    return array("l", (r["story"] for r in _ordered(size, seed, corpus_name, id_order,
                                                     {n: 0 for n in SOURCES_AR + SOURCES_EN})))


def _at_head(url: str) -> bool:
    """Whether the database at ``url`` is at the newest migration."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from factcheck.config import ROOT

    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    heads = set(ScriptDirectory.from_config(cfg).get_heads())
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            current = {r[0] for r in c.execute(text("SELECT version_num FROM alembic_version"))}
    except Exception:
        return False
    finally:
        engine.dispose()
    return current == heads


def build(url: str, size: int, seed: int = 7, corpus_name: str = "news", id_order: str = "published") -> None:
    """Fill a fresh database with ``size`` claims of a corpus (runs in a child process).

    Only the text differs between corpora: the outlets, publication times,
    dates, figures and every table and column written are the same code.

    ``id_order``: "published" numbers the claims (and their articles) in
    publication order, as a poller writes them, so one window's claims lie
    close together in the table; "generated" numbers them story after story,
    each story on a random day, which scatters a window over the whole table
    (how the databases of earlier figures were built). The claims are the same
    either way (same seed, same text, same times); only their ids differ.
    """
    upgrade_database(url)
    engine = make_engine(url)
    with engine.begin() as c:
        feed_ids = {}
        for name in SOURCES_AR + SOURCES_EN:
            fid = c.execute(insert(Feed.__table__).values(
                name=name, url=f"https://{name}.example/feed", kind="feed", language="ar" if name.startswith("ar") else "en",
                interval_minutes=30, enabled=True, allow_private=False, from_config=False, error_count=0,
                redirect_count=0, created_at=datetime(2025, 1, 1))).inserted_primary_key[0]
            feed_ids[name] = fid
    t0 = time.time()
    rows = _ordered(size, seed, corpus_name, id_order, feed_ids)
    counts: Counter[tuple[str, int]] = Counter()
    flushed = False
    for first in range(0, len(rows), 5000):
        arts, claims, terms = [], [], []
        for claim_id, claim in enumerate(rows[first:first + 5000], start=first + 1):
            h = hashlib.sha1(f"{claim_id}".encode()).hexdigest()
            arts.append(dict(id=claim_id, feed_id=claim["feed_id"], dedup_key=h, title="", published=claim["published"],
                             language=claim["language"], text=claim["sentence"], content_hash=h,
                             fetched_at=claim["published"]))
            claim.pop("story")
            # What the pipeline stores (pipeline._fill_claim, retrieval.index_claims): the event's day
            # too, and the postings under it.
            event = event_day(claim["kind"], claim["date_value"], claim["date_grain"], claim["sentence"],
                              claim["published"], claim["language"])
            claims.append(dict(claim, id=claim_id, article_id=claim_id, article_hash=h, event_day=event,
                               match_key=stored_tokens(claim["text"], claim["sentence"])))
            claim_terms = retrieval.postings_terms(claim["text"], claim["sentence"], claim["speaker"], claim["kind"],
                                                   claim["language"], claim["date_value"], claim["value"],
                                                   claim["unit"])
            for d in retrieval.posting_days(retrieval.day_number(claim["published"]), event):
                terms.extend((t, d, claim_id, claim["feed_id"]) for t in claim_terms)
        with engine.begin() as c:
            c.execute(insert(Article.__table__), arts)
            c.execute(insert(Claim.__table__), claims)
            retrieval.write_postings(c, terms)
        for t, w, n in retrieval.count_rows(terms):
            counts[(t, w)] += n
        if len(counts) > COUNTS_FLUSH:
            # The news corpus has millions of distinct (term, week) rows at 1M claims:
            # add them to the table now, so the build's memory stays bounded.
            _flush_counts(engine, counts)
            flushed = True
            counts.clear()
        made = first + len(claims)
        if made % 100_000 < 5000:
            print(f"  built {made:,} claims ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
    if flushed:
        _flush_counts(engine, counts)
    else:
        with engine.begin() as c:
            c.execute(insert(retrieval.term_counts), [{"term": t, "week": w, "n": n} for (t, w), n in counts.items()])
    with engine.begin() as c:
        c.execute(text("ANALYZE"))
    engine.dispose()


def _time_stages(calls: list) -> None:
    """Time the two stages of storing an article's matches (``matching.store_matches``): matching its
    claims (``_store_matches``) and regrouping its stories (``stories.regroup``), per call, as
    (claims, matching s, stories s) in ``calls``. Wrapped here, in the import's own process, so both
    are measured on the same articles in the same run."""
    from factcheck.store import matching, stories

    match, regroup = matching._store_matches, stories.regroup

    def timed_match(session, claims, *args, **kwargs):  # noqa: ANN001, ANN202
        t = time.perf_counter()
        out = match(session, claims, *args, **kwargs)
        calls.append([len(claims), time.perf_counter() - t, 0.0])
        return out

    def timed_regroup(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        t = time.perf_counter()
        out = regroup(*args, **kwargs)
        if calls:
            calls[-1][2] += time.perf_counter() - t
        return out

    matching._store_matches, stories.regroup = timed_match, timed_regroup


def _per_claim(calls: list, stage: int) -> list[float]:
    """Each claim's share of its call's time in a stage, in ms (a call of n claims counts n times)."""
    return [c[stage] / c[0] * 1000 for c in calls if c[0] for _ in range(c[0])]


class _Progress:
    """A line every ``every`` stored articles while importing: how far and how long so far, and the
    rate over the last stretch, wall and CPU (the machine is shared: CPU time is this process's
    own work, on SQLite the whole pipeline's). A long import stopped early still says what rate it
    held and whether the rate fell as the windows filled."""

    def __init__(self, calls: list, start: float, every: int = 1000) -> None:
        self.calls, self.every = calls, every
        self.start, self.cpu0 = start, time.process_time()
        self.last = (0, start, self.cpu0, 0.0, 0.0)

    def __call__(self) -> None:
        articles = len(self.calls)  # one store_matches call per stored article
        if articles - self.last[0] < self.every:
            return
        now, cpu = time.perf_counter(), time.process_time()
        matching, stories = sum(c[1] for c in self.calls), sum(c[2] for c in self.calls)
        n0, t0, c0, m0, s0 = self.last
        claims = sum(c[0] for c in self.calls)
        print(f"progress: {articles:,} articles, {claims:,} claims, {now - self.start:.0f} s; last "
              f"{articles - n0:,}: {(articles - n0) / (now - t0):.2f} articles/s wall, "
              f"{(articles - n0) / max(cpu - c0, 1e-9):.2f} a CPU second, matching {matching - m0:.0f} s, "
              f"stories {stories - s0:.0f} s; load {os.getloadavg()[0]:.1f}", flush=True)
        self.last = (articles, now, cpu, matching, stories)


def build_real(url: str, data: str, limit: int | None, queue) -> None:
    """Import the real archive into a fresh database through ``import_archive``, the code ``factcheck import``
    runs (extraction, indexing, matching, in batches of 100 articles), and send back how it went (child process)."""
    import tempfile

    from factcheck.config import load_settings
    from factcheck.ingest.archive import Archive
    from factcheck.store.pipeline import import_archive

    upgrade_database(url)
    work = Path(tempfile.mkdtemp(prefix="factcheck-bench-real-"))
    settings = load_settings(instance=work / "instance", database_url=url, feeds_file=work / "feeds.yaml")
    engine = make_engine(url)
    records = Archive(Path(data))
    if limit is not None:
        # The archive runs day by day, outlet by outlet: its first lines are one outlet's, with no
        # other outlet to match. Every step-th article keeps every day and outlet in the sample.
        with open(data, "rb") as raw:
            compressed = raw.read(2) == b"\x1f\x8b"
        with (gzip.open(data, "rb") if compressed else open(data, "rb")) as f:
            total = sum(1 for _ in f)
        records = itertools.islice(records, 0, None, max(1, total // limit))
    records = itertools.islice(records, limit)
    calls: list = []
    _time_stages(calls)
    t = time.perf_counter()
    result = import_archive(make_sessionmaker(engine), settings, records, progress=_Progress(calls, t))
    seconds = time.perf_counter() - t
    with engine.begin() as c:
        c.execute(text("ANALYZE"))
    engine.dispose()
    queue.put({"articles": result.new + result.updated + result.unchanged, "new": result.new, "claims": result.claims,
               "bad_lines": len(result.errors), "seconds": seconds, "calls": calls})


def stored_matches(url: str) -> dict[str, int]:
    """Stored matches by relation."""
    engine = make_engine(url)
    with engine.connect() as c:
        out = dict(c.execute(text("SELECT relation, count(*) FROM matches GROUP BY relation")).all())
    engine.dispose()
    return out


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def corpus_stats(keys: list[str], days: list[int], queries: list[int], window: int) -> dict:
    """How selective the data is for an index, from the baseline's keys (content words of each claim).

    * distinct content words among the claims of the +-window days around the
      median query (by day): the vocabulary one lookup's window holds;
    * for each query, how many other claims of its window contain its rarest
      word (the best a single-word index lookup can narrow it to), median and p90.

    One pass over the keys collects, for the queries' words only, the positions
    of the claims holding them (keys are sorted by day, so each word's positions
    are too and a window is two bisections).
    """
    if not queries:
        return {"window_claims": 0, "window_types": 0, "rarest_p50": float("nan"), "rarest_p90": float("nan")}
    qwords = {i: set(keys[i].split()) for i in queries}
    wanted = set().union(*qwords.values())
    positions: dict[str, list[int]] = {w: [] for w in wanted}
    for j, k in enumerate(keys):
        for w in wanted.intersection(k.split()):
            positions[w].append(j)
    rarest = []
    for i in queries:
        lo, hi = bisect.bisect_left(days, days[i] - window), bisect.bisect_right(days, days[i] + window)
        counts = [bisect.bisect_left(positions[w], hi) - bisect.bisect_left(positions[w], lo) - 1 for w in qwords[i]]
        if counts:
            rarest.append(min(counts))
    mid = sorted(queries, key=lambda i: days[i])[len(queries) // 2]
    lo, hi = bisect.bisect_left(days, days[mid] - window), bisect.bisect_right(days, days[mid] + window)
    types: set[str] = set()
    for k in keys[lo:hi]:
        types.update(k.split())
    return {"window_claims": hi - lo, "window_types": len(types),
            "rarest_p50": statistics.median(rarest) if rarest else float("nan"),
            "rarest_p90": _pct(rarest, 90) if rarest else float("nan")}


# recall@10 is also split by the baseline's score of each top-10 claim (lower bounds of the bands):
# the reports of one story score 90-100, other stories that share a frame or a few words far less.
SCORE_BANDS = (90, 70, 0)

def _exhaustive(factory, view, ids: list[int], config) -> set[tuple[int, str]]:
    """The (claim, relation) matches the matcher reports when it is given every claim of ``ids``
    (every same-language claim of other outlets in the query's windows reaching the pre-filter's
    floor: what ``comparable`` would keep of the whole windows), as if the index had returned them.
    Cross-language matches are left out: the brute force has no words to find them by.
    """
    with factory() as s:
        pool = retrieval.views_by_id(s, ids)
    return {(r.other_id, r.relation) for r, _ in matches_of(view, pool, config)}


def _from_their_side(factory, pairs: set[tuple[int, int]], window: int, config) -> set[tuple[int, int]]:
    """Of (query, other) pairs, those the other claim's own lookup returns and compares with the
    query: the pairs the pipeline finds when the other claim is the one stored second."""
    out = set()
    with factory() as s:
        for q, other in pairs:
            claim = s.scalars(select(Claim).where(Claim.id == other)
                              .options(selectinload(Claim.article).selectinload(Article.feed))).one()
            found = retrieval.lookup(s, claim, window, event_days=(config.event_days_before, config.event_days_after))
            compared = comparable(claim_view(claim), retrieval.views_by_id(s, found.ids), config,
                                  shortlist=not found.whole)
            if q in {c.id for c in compared}:
                out.add((q, other))
            s.expunge_all()
    return out


VERDICTS = ("supports", "conflicts")


def truth_scores(results: dict[int, set[tuple[int, str]]], mates: dict[int, dict[int, str]]) -> dict:
    """Precision and recall of the verdicts against the generator's stories.

    ``mates[q]`` holds, for query ``q``, the other outlets' reports of its story in its window and
    their figure's relation to it: ``conflicts`` when the generator changed the figure (one report
    in ten of a figure story), else ``supports``. Rows:

    * ``same claim``: a verdict (supports or conflicts) is right towards a report of the story;
      recall counts the reports given one;
    * ``supports``: right towards a report of the story with the same figure;
    * ``conflicts``: right towards any report of the story (an outlet's edit that drops a negation
      or a number is a real difference in the text, which the generator does not label); recall
      counts the reports with a changed figure.

    ``related`` is never counted wrong: another story may share topic and actors.
    """
    rows = {"same claim": (set(VERDICTS), {"supports", "conflicts"}, {"supports", "conflicts"}),
            "supports": ({"supports"}, {"supports"}, {"supports"}),
            "conflicts": ({"conflicts"}, {"supports", "conflicts"}, {"conflicts"})}
    out = {}
    for name, (said_as, right_if, wanted_if) in rows.items():
        said = right = wanted = found = 0
        for q, found_pairs in results.items():
            truth = mates.get(q, {})
            given = {other for other, r in found_pairs if r in said_as}
            said += len(given)
            right += sum(1 for other in given if truth.get(other) in right_if)
            for other, r in truth.items():
                if r in wanted_if:
                    wanted += 1
                    found += other in given
        out[name] = {"precision": right / said if said else float("nan"), "said": said,
                     "recall": found / wanted if wanted else float("nan"), "wanted": wanted}
    return out


class Window:
    """What the brute force scans: every claim's day, outlet and pre-filter key, in publication order."""

    def __init__(self, url: str) -> None:
        engine = make_engine(url)
        with make_sessionmaker(engine)() as s:
            # Ties on published (every claim of an article) in id order: left to the engine, SQLite and
            # PostgreSQL handed the exhaustive matcher its pool in different orders.
            self.rows = s.execute(text("SELECT id, feed_id, published, match_key, value, language, event_day "
                                       "FROM claims ORDER BY published, id")).all()
        engine.dispose()
        self.days = [retrieval.day_number(r[2]) for r in self.rows]
        # The same keys factcheck's prefilter scores (content words of text and
        # sentence), read from the stored tokens instead of normalising 1M texts again.
        self.keys = [stored_prefilter_key(r[3]) for r in self.rows]
        self.feeds = [r[1] for r in self.rows]
        self.ids = [r[0] for r in self.rows]
        self.pos = {cid: i for i, cid in enumerate(self.ids)}
        self.langs = [r[5] for r in self.rows]
        self.events = [r[6] for r in self.rows]
        self.by_event = sorted((e, j) for j, e in enumerate(self.events) if e is not None)

    def same_language(self, i: int, window: int, config) -> list[int]:
        """Positions of the same-language claims of other outlets in claim ``i``'s windows: published
        within ``window`` days of it, or around the day of its event, or dating an event around
        its publication (a little more than ``in_window``, which the matcher then applies)."""
        days, before, after = self.days, config.event_days_before, config.event_days_after
        spans = [(days[i] - window, days[i] + window)]
        if self.events[i] is not None:
            spans.append((self.events[i] - before, self.events[i] + after))
        found = set()
        for lo, hi in spans:
            found.update(range(bisect.bisect_left(days, lo), bisect.bisect_right(days, hi)))
        lo = bisect.bisect_left(self.by_event, (days[i] - after, -1))
        hi = bisect.bisect_right(self.by_event, (days[i] + before, len(days)))
        found.update(j for _, j in self.by_event[lo:hi])
        return [j for j in sorted(found)
                if self.feeds[j] != self.feeds[i] and j != i and self.langs[j] == self.langs[i]]

    def around(self, i: int, window: int) -> list[int]:
        """Positions of the claims of other outlets within ``window`` days of claim position ``i``."""
        days = self.days
        lo, hi = bisect.bisect_left(days, days[i] - window), bisect.bisect_right(days, days[i] + window)
        return [j for j in range(lo, hi) if self.feeds[j] != self.feeds[i] and j != i]

    def brute_force(self, cid: int, window: int, cutoff: float) -> list[tuple[int, float]]:
        """The baseline: rapidfuzz process.extract over the window's keys; (claim id, score) of the 10 best."""
        i = self.pos[cid]
        around = self.around(i, window)
        top = process.extract(self.keys[i], [self.keys[j] for j in around], scorer=fuzz.token_set_ratio,
                              processor=None, limit=10, score_cutoff=cutoff)
        return [(self.ids[around[k]], score) for _, score, k in top]


def _baseline_server(conn, url: str, window: int, cutoff: float) -> None:
    """The brute force in its own process, one query at a time as the parent sends them.

    Its own process keeps the 1M keys it holds out of factcheck's peak memory;
    taking turns with factcheck query by query gives both the same machine: a
    shared VM's speed moves by a third within minutes, which a run of all of one
    then all of the other turned into the ratio.
    """
    w = Window(url)
    conn.send("ready")
    while (cid := conn.recv()) is not None:
        t, c = time.perf_counter(), time.process_time()
        top = w.brute_force(cid, window, cutoff)
        conn.send((time.perf_counter() - t, time.process_time() - c, top))


def _story_mates(sample, stories, rows, pos, days, window) -> dict[int, dict[int, str]]:
    """For each query, the other outlets' reports of its story in its window, with their true relation."""
    wanted = {stories[q - 1] for q in sample}
    members: dict[int, list[int]] = {}
    for n, story in enumerate(stories):
        if story in wanted:
            members.setdefault(story, []).append(n + 1)
    mates = {}
    for q in sample:
        i = pos[q]
        mates[q] = {c: "conflicts" if rows[i][4] != rows[pos[c]][4] else "supports"
                    for c in members[stories[q - 1]]
                    if c != q and rows[pos[c]][1] != rows[i][1] and abs(days[pos[c]] - days[i]) <= window}
    return mates


def _looked_up(factory, sample: list[int], window: int) -> dict[int, set[str]]:
    """The terms each query's lookup reads postings of (untimed: each lookup run again, watched)."""
    seen: dict[int, set[str]] = {}
    ranked = retrieval._ranked

    def watch(session, weights, lo, hi, claim, *rest):
        seen[claim.id].update(weights)
        return ranked(session, weights, lo, hi, claim, *rest)

    retrieval._ranked = watch
    try:
        with factory() as s:
            for cid in sample:
                seen[cid] = set()
                retrieval.candidate_ids(s, s.get(Claim, cid), window)
                s.expunge_all()
    finally:
        retrieval._ranked = ranked
    return seen


def _shares_a_term(terms: set[str], key: str) -> bool:
    """Whether a claim's pre-filter key holds one of these looked-up words, or both words of a looked-up pair."""
    words = set(key.split())
    return any(t in words or (PAIR_SEP in t and set(t.split(PAIR_SEP)) <= words) for t in terms)


def _print_verdict_rows(r: dict) -> None:
    """Recall on verdicts (each relation, and from either side) and peak RSS: the rows both corpora print."""
    for rel, (got, wanted) in r["matches"].items():
        share = f"{got / wanted:.3f}" if wanted else "-"
        print(f"| {rel + ' found':<22} | {share:>10} | {f'1.000 ({wanted})':>11} | {'':>7} |")
    for rel, got in r["either"].items():
        wanted = r["matches"][rel][1]
        share = f"{got / wanted:.3f}" if wanted else "-"
        print(f"| {rel + ', either side':<22} | {share:>10} | {f'1.000 ({wanted})':>11} | {'':>7} |")
    for rel, got in (r["stored"] or {}).items():
        wanted = r["matches"][rel][1]
        share = f"{got / wanted:.3f}" if wanted else "-"
        print(f"| {rel + ', stored':<22} | {share:>10} | {f'1.000 ({wanted})':>11} | {'':>7} |")
    print(f"| {'peak RSS (MiB)':<22} | {r['fc_rss']:>10.0f} | {'':>11} | {'':>7} |")


def run(url: str, queries: int, window: int, seed: int = 11, stories: Callable[[], array] | None = None) -> dict:
    """Time factcheck and the brute force on ``queries`` sampled claims, taking turns, then score both.

    ``stories`` gives the generator's truth (``story_numbers``); it is called after the timed parts:
    generating it takes 1.4 GB at 1M claims, which would push the database out of the page cache.
    """
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    config = MatchConfig(window_days=window)
    rng = random.Random(seed)
    with factory() as s:
        # Drawn from the stored ids (a real import leaves gaps where an article's claims were
        # replaced); on a generated corpus they are 1..N, so the sample is the one range(1, N + 1) gave.
        every_id = list(s.scalars(text("SELECT id FROM claims ORDER BY id")))
        sample = sorted(rng.sample(every_id, min(queries, len(every_id))))

    # --- the brute force waits in its own process with every claim's key in memory
    ctx = mp.get_context("spawn")
    conn, child_conn = ctx.Pipe()
    baseline = ctx.Process(target=_baseline_server, args=(child_conn, url, window, config.prefilter_min))
    baseline.start()
    if conn.recv() != "ready":
        raise SystemExit("the brute-force process did not start")

    # --- factcheck (index lookup + scoring, one claim at a time, one core), then the brute
    # force on the same claim in the other process, taking turns
    fc_times, fc_cpu, fc_candidates, fc_results, fc_views = [], [], {}, {}, {}
    bl_times, bl_cpu, bl_top = [], [], {}
    with factory() as s:
        for cid in sample[:10]:  # warm the page cache and the normalisation caches
            matches_of(claim_view(s.get(Claim, cid)), retrieval.candidate_views(s, s.get(Claim, cid), window), config)
        s.expire_all()
        for cid in sample:
            claim = s.scalars(select(Claim).where(Claim.id == cid)
                              .options(selectinload(Claim.article).selectinload(Article.feed))).one()
            t, c = time.perf_counter(), time.process_time()
            found = retrieval.lookup(s, claim, window)
            pool = retrieval.views_by_id(s, found.ids)
            results = [r for r, _ in matches_of(claim_view(claim), pool, config, shortlist=not found.whole)]
            fc_times.append(time.perf_counter() - t)
            fc_cpu.append(time.process_time() - c)
            fc_candidates[cid] = {c.id for c in pool}
            fc_results[cid] = results
            fc_views[cid] = claim_view(claim)
            s.expunge_all()
            conn.send(cid)
            wall, cpu, bl_top[cid] = conn.recv()
            bl_times.append(wall)
            bl_cpu.append(cpu)
    conn.send(None)
    baseline.join()
    fc_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB on Linux

    # --- scoring (untimed): recall@10, the exhaustive matcher, the truth
    w = Window(url)
    rows, days, keys, ids, pos = w.rows, w.days, w.keys, w.ids, w.pos
    stats = corpus_stats(keys, days, [pos[cid] for cid in sample], window)
    recalls = []
    exhaustive_matches, found_matches = Counter(), Counter()
    exhaustive: dict[int, set[tuple[int, str]]] = {}
    by_band = {b: [0, 0] for b in SCORE_BANDS}  # baseline top-10 claims returned by the index, of all
    looked = _looked_up(factory, sample, window)
    exhaustive_pool = 0
    missed = [0, 0]  # baseline top-10 claims the index did not return: sharing a looked-up term, all
    for cid in sample:
        i = pos[cid]
        window_idx = w.around(i, window)
        top = bl_top[cid]
        # The window scored once, best first, for the exhaustive matcher and the ties below (the
        # brute force's scores, which are all above the cutoff too).
        scored = process.extract(keys[i], [keys[j] for j in window_idx], scorer=fuzz.token_set_ratio,
                                 processor=None, limit=None, score_cutoff=config.prefilter_min)
        same_lang = w.same_language(i, window, config)
        floor = process.extract(keys[i], [keys[j] for j in same_lang], scorer=fuzz.token_set_ratio,
                                processor=None, limit=None, score_cutoff=config.prefilter_min)
        exhaustive[cid] = _exhaustive(factory, fc_views[cid], [ids[same_lang[k]] for _, _, k in floor], config)
        exhaustive_pool += len(floor)
        found = {(m.other_id, m.relation) for m in fc_results[cid]}
        exhaustive_matches.update(r for _, r in exhaustive[cid])
        found_matches.update(r for _, r in exhaustive[cid] & found)
        for other, score in top:
            band = next(b for b in SCORE_BANDS if score >= b)
            by_band[band][1] += 1
            by_band[band][0] += other in fc_candidates[cid]
            if other not in fc_candidates[cid]:
                missed[1] += 1
                missed[0] += _shares_a_term(looked[cid], keys[pos[other]])
        if not top:
            continue
        s10 = top[-1][1]
        # ties at the 10th score are interchangeable: count how many claims of the
        # window reach it, and how many of factcheck's candidates do
        n_at_least = sum(1 for _, score, _ in scored if score >= s10) if len(top) == 10 else len(top)
        want = min(10, n_at_least)
        got = sum(1 for c in fc_candidates[cid] if c in pos and fuzz.token_set_ratio(keys[i], keys[pos[c]]) >= s10)
        recalls.append(min(want, got) / want)
    # A verdict the query's lookup missed is still stored when the other claim's lookup finds the
    # query (the pipeline matches from whichever claim is stored second).
    missed_pairs = {(q, other) for q in sample for other, r in exhaustive[q] - {(m.other_id, m.relation) for m in fc_results[q]}
                    if r in VERDICTS}
    theirs = _from_their_side(factory, missed_pairs, window, config)
    either = Counter()
    for q in sample:
        found = {(m.other_id, m.relation) for m in fc_results[q]}
        either.update(r for other, r in exhaustive[q] if (other, r) in found or (q, other) in theirs)
    # What the pipeline stored (an import goes through it; a generated build stores no matches). Its
    # rows come from the lookups' pairs and, between two articles a verdict links, every pair of their
    # claims (store/matching.py), so a verdict cut from a query's own shortlist of 30 is still stored
    # when another claim of the two articles links them by a verdict. Measured (BENCHMARKS.md, issue 18, item 2): on
    # real copy the lookup alone found 18 of 33 supports, the shortlist cutting 14; all 33 were stored.
    with factory() as s:
        stored = {tuple(row) for row in s.execute(text("SELECT claim_id, other_claim_id, relation FROM matches"))}
    stored_found = Counter(r for q in sample for other, r in exhaustive[q] if r in VERDICTS and (q, other, r) in stored)
    truth = {}
    stories = stories() if stories is not None else None
    if stories is not None and len(stories) != len(rows):
        print(f"no comparison with the generator's stories: it made {len(stories):,} claims, the database "
              f"holds {len(rows):,}", file=sys.stderr)
    elif stories is not None:
        mates = _story_mates(sample, stories, rows, pos, days, window)
        indexed = {q: {(m.other_id, m.relation) for m in fc_results[q]} for q in sample}
        truth = {"factcheck": truth_scores(indexed, mates),
                 "exhaustive": truth_scores(exhaustive, mates)}
    return {
        "truth": truth,
        "claims": len(rows), "queries": len(sample),
        "fc_p50": _pct(fc_times, 50) * 1000, "fc_p95": _pct(fc_times, 95) * 1000,
        "bl_p50": _pct(bl_times, 50) * 1000, "bl_p95": _pct(bl_times, 95) * 1000,
        "fc_cpu50": _pct(fc_cpu, 50) * 1000, "fc_cpu95": _pct(fc_cpu, 95) * 1000,
        "bl_cpu50": _pct(bl_cpu, 50) * 1000, "bl_cpu95": _pct(bl_cpu, 95) * 1000,
        "recall10": statistics.mean(recalls) if recalls else float("nan"),
        "by_band": by_band,
        "missed": missed,
        "matches": {rel: (found_matches[rel], exhaustive_matches[rel]) for rel in ("supports", "conflicts", "related")},
        "either": {rel: either[rel] for rel in VERDICTS},
        "stored": {rel: stored_found[rel] for rel in VERDICTS} if stored else None,
        "exhaustive_pool": exhaustive_pool / len(sample),
        "fc_rss": fc_rss,
        "avg_candidates": statistics.mean(len(v) for v in fc_candidates.values()),
        "with_matches": sum(1 for v in fc_results.values() if v) / len(sample),
        **stats,
    }


def _print_stages(calls: list, seconds: float, url: str) -> None:
    """Matching and stories per claim while importing, from the same articles of the same run."""
    match, grouped = _per_claim(calls, 1), _per_claim(calls, 2)
    if not match:
        return
    engine = make_engine(url)
    with engine.connect() as c:
        n_stories = c.scalar(text("SELECT count(*) FROM stories WHERE n_articles > 0"))
        n_grouped = c.scalar(text("SELECT count(*) FROM articles WHERE story_id IS NOT NULL"))
    engine.dispose()
    t_match, t_group = sum(c[1] for c in calls), sum(c[2] for c in calls)
    print(f"\nstories kept while importing: {n_stories:,} stories of {n_grouped:,} articles; "
          f"per claim over {len(match):,} claims of {len(calls):,} articles")
    print(f"| {'stage':<34} | {'p50 ms':>7} | {'p95 ms':>7} | {'total s':>7} | {'of import':>9} |")
    print(f"|{'-' * 36}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 11}|")
    for name, xs, total in (("matching (_store_matches)", match, t_match), ("stories (stories.regroup)", grouped, t_group)):
        print(f"| {name:<34} | {_pct(xs, 50):>7.2f} | {_pct(xs, 95):>7.2f} | {total:>7.1f} | {total / seconds:>8.1%} |")
    print(f"| {'stories / matching':<34} | {_pct(grouped, 50) / _pct(match, 50):>6.2f}x | "
          f"{_pct(grouped, 95) / _pct(match, 95):>6.2f}x | {t_group / t_match:>6.2f}x | {'':>9} |")


def real(args) -> None:
    """--corpus real: import the archive through the pipeline, then the lookup's figures on its claims."""
    if args.imported:
        # A whole-archive import takes hours here: one stopped early (its batches are committed)
        # or finished in an earlier run is measured as it is.
        if not args.db:
            sys.exit("--imported needs --db: the database an earlier --corpus real import filled")
        url = args.db
        path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else None
        if path is not None and not os.path.exists(path):
            # SQLite would create an empty file and fail later on a missing table
            sys.exit(f"--imported: no database at {path} (import one first: --corpus real --db {url})")
        _print_stored(url)
        _print_lookups(args, url)
        return
    data = args.data or evaldata.find(REAL_DATA)
    if data is None or not os.path.exists(data):
        print(f"skipped --corpus real: {evaldata.missing(REAL_DATA)}", file=sys.stderr)
        return
    url = args.db or f"sqlite:////tmp/factcheck-bench-match-real-{args.limit or 'all'}.sqlite3"
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else None
    if path and os.path.exists(path):
        os.remove(path)  # the import is what is measured: always from an empty database
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    p = ctx.Process(target=build_real, args=(url, str(data), args.limit, queue))
    p.start()
    built = queue.get()
    p.join()
    if p.exitcode:
        sys.exit(p.exitcode)
    print(f"imported {built['articles']:,} articles ({built['new']:,} new, {built['bad_lines']} bad lines) of "
          f"{data}: {built['claims']:,} claims in {built['seconds']:.0f} s, "
          f"{built['articles'] / built['seconds']:.2f} articles/s through the whole pipeline "
          f"({built['claims'] / built['seconds']:.1f} claims/s; extraction, index, matching)")
    _print_stored(url)
    _print_stages(built["calls"], built["seconds"], url)
    _print_lookups(args, url)


def _print_stored(url: str) -> None:
    matches = stored_matches(url)
    print("stored matches: " + ", ".join(f"{rel} {matches.get(rel, 0):,}" for rel in ("supports", "conflicts", "related")))


def _print_lookups(args, url: str) -> None:
    """The lookup's p50/p95 beside the brute force, and the recall on verdicts, on the imported claims."""
    r = run(url, args.queries, args.window)
    print(f"\nmatching {r['queries']} of the {r['claims']:,} imported claims (window +-{args.window} days, 1 core)\n")
    print(f"| {'measure':<22} | {'factcheck':>10} | {'brute force':>11} | {'ratio':>7} |")
    print(f"|{'-' * 24}|{'-' * 12}|{'-' * 13}|{'-' * 9}|")
    print(f"| {'p50 per claim (ms)':<22} | {r['fc_p50']:>10.2f} | {r['bl_p50']:>11.2f} | {r['bl_p50'] / r['fc_p50']:>6.1f}x |")
    print(f"| {'p95 per claim (ms)':<22} | {r['fc_p95']:>10.2f} | {r['bl_p95']:>11.2f} | {r['bl_p95'] / r['fc_p95']:>6.1f}x |")
    _print_verdict_rows(r)
    print(f"\n<relation> found = recall on verdicts, as for the generated corpora (the matcher given every claim of "
          f"other outlets in the windows) through the query's own lookup; stored = the same (claim, other, relation) "
          f"among the matches the import stored (the pairs the lookups met, and every pair of two articles a verdict "
          f"linked); load "
          f"average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000, help="claims to generate (10000 for CI)")
    ap.add_argument("--corpus", choices=CORPORA + ("real",), default="news",
                    help="generated text: news (Zipfian vocabulary, the default) or templates (the first "
                         "generator, kept so earlier figures stay reproducible); real: the bulk archive of "
                         "real articles (--data), imported through the pipeline")
    ap.add_argument("--data", default=None,
                    help=f"with --corpus real: the JSON Lines archive (default: {REAL_DATA} of the evaluation data)")
    ap.add_argument("--limit", type=int, default=None,
                    help="with --corpus real: import LIMIT articles, every (total / LIMIT)-th line of the archive")
    ap.add_argument("--imported", action="store_true",
                    help="with --corpus real and --db: measure the lookups on the claims an earlier import left "
                         "there (finished or stopped), without importing again")
    ap.add_argument("--queries", type=int, default=200, help="claims to match")
    ap.add_argument("--window", type=int, default=14)
    ap.add_argument("--db", default=None, help="database URL (default: a SQLite file under /tmp, reused if built)")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--id-order", choices=ID_ORDERS, default="published",
                    help="number the claims in publication order, as a poller writes them (default), or in "
                         "generation order, each story on a random day (the databases of earlier figures)")
    ap.add_argument("--smoke", action="store_true", help="CI smoke run: 10k claims, 20 queries")
    ap.add_argument("--nearest-only", action="store_true",
                    help="skip the whole-window scan of the rarest words (faster, lower recall@10)")
    ap.add_argument("--no-pairs", action="store_true", help="do not look up word pairs (single words only)")
    ap.add_argument("--no-rerank", action="store_true",
                    help="keep the index's IDF order instead of re-ranking its pool by the pre-filter score")
    ap.add_argument("--per-term", type=int, default=None,
                    help=f"postings read per term on each side of the claim's day (default {retrieval.PER_TERM})")
    ap.add_argument("--rerank-pool", type=int, default=None,
                    help="claims ranked by IDF then re-ranked by the pre-filter score "
                         f"(default {retrieval.RERANK_POOL})")
    ap.add_argument("--exact-claims", type=int, default=None,
                    help="read a window whole when it holds at most this many claims "
                         f"(default {retrieval.EXACT_CLAIMS}; 0: always the ranked, capped lookup)")
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
    if args.per_term is not None:
        retrieval.PER_TERM = args.per_term
    if args.rerank_pool is not None:
        retrieval.RERANK_POOL = args.rerank_pool
    if args.exact_claims is not None:
        retrieval.EXACT_CLAIMS = args.exact_claims
    if args.smoke:
        args.size, args.queries = 10_000, 20
        if args.corpus == "real":
            args.limit = args.limit or 200
    if args.corpus == "real":
        real(args)
        return
    # One file per corpus, size and id order, so they are never mixed (files in
    # generation order keep the names they had before the order was a choice).
    stem = "factcheck-bench-match" + ("" if args.corpus == "templates" else f"-{args.corpus}")
    order = "" if args.id_order == "generated" else "-by-time"
    url = args.db or f"sqlite:////tmp/{stem}-{args.size}{order}.sqlite3"
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else None
    if path and args.rebuild and os.path.exists(path):
        os.remove(path)
    if path and os.path.exists(path) and not _at_head(url):
        # Built by an older checkout: a migration since may change what the build writes (0013: the
        # event's day and its postings), so the figures would not be this code's. Built again.
        print(f"{path}: built before the newest migration; building it again", file=sys.stderr)
        os.remove(path)
    if not path or not os.path.exists(path):
        t = time.time()
        p = mp.get_context("spawn").Process(target=build, args=(url, args.size, 7, args.corpus, args.id_order))
        p.start()
        p.join()
        if p.exitcode:
            sys.exit(p.exitcode)
        print(f"built {args.size:,} {args.corpus} claims ({args.id_order} order) in {time.time() - t:.0f} s", file=sys.stderr)
    else:
        # A reused database from an older checkout must carry the index this code reads
        # (a migration may add index terms); upgrading is a no-op when it is current.
        upgrade_database(url)
    def stories() -> array:
        # The truth comes from the generator, run again in a child process (its 1.4 GB at 1M
        # claims must not count in the matcher's peak memory).
        with mp.get_context("spawn").Pool(1) as pool:
            return pool.apply(story_numbers, (args.size, 7, args.corpus, args.id_order))

    r = run(url, args.queries, args.window, stories=stories)
    speed50, speed95 = r["bl_p50"] / r["fc_p50"], r["bl_p95"] / r["fc_p95"]
    mode = "nearest-only" if retrieval.SHARED_TERMS < 2 else "default"
    print(f"\nretrieval: {mode} (LOOKUP_TERMS={retrieval.LOOKUP_TERMS}, PAIR_LOOKUP={retrieval.PAIR_LOOKUP}, "
          f"PER_TERM={retrieval.PER_TERM}, SHARED_TERMS={retrieval.SHARED_TERMS}, EXACT_CLAIMS={retrieval.EXACT_CLAIMS}, "
          f"RERANK_POOL={retrieval.RERANK_POOL}, MAX_CANDIDATES={retrieval.MAX_CANDIDATES})")
    print(f"\ncorpus: {args.corpus}, {r['claims']:,} claims; the +-{args.window}-day window around the median "
          f"query holds {r['window_claims']:,} claims and {r['window_types']:,} distinct content words; "
          f"other claims of a query's window sharing its rarest word: median {r['rarest_p50']:g}, "
          f"p90 {r['rarest_p90']:g}")
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
    bands = dict(zip(SCORE_BANDS, ("90+", "70-90", "< 70")))
    for band, (got, wanted) in r["by_band"].items():
        share = f"{got / wanted:.3f}" if wanted else "-"
        print(f"| {'recall@10, score ' + bands[band]:<22} | {share:>10} | {f'1.000 ({wanted})':>11} | {'':>7} |")
    _print_verdict_rows(r)
    shares, missed = r["missed"]
    print(f"\nbrute force's top-10 claims the index did not return: {missed}; of them {shares} share a word (or both "
          f"words of a pair) the lookup read postings of, {missed - shares} share none")
    if r["truth"]:
        print("\nagainst the generator's stories (what an editor should be told):\n")
        print("| verdict    | factcheck precision | factcheck recall | exhaustive precision | exhaustive recall |")
        print("|------------|--------------------:|-----------------:|---------------------:|------------------:|")
        for rel in r["truth"]["factcheck"]:
            fc, ex = r["truth"]["factcheck"][rel], r["truth"]["exhaustive"][rel]
            print(f"| {rel:<10} | {fc['precision']:>8.3f} of {fc['said']:>5} "
                  f"| {fc['recall']:>6.3f} of {fc['wanted']:>5} "
                  f"| {ex['precision']:>9.3f} of {ex['said']:>5} | {ex['recall']:>7.3f} of {ex['wanted']:>5} |")
    print(f"\ncandidates per claim: {r['avg_candidates']:.0f}; claims with at least one match: {r['with_matches']:.0%}")
    print("recall@10, score <band> = of the brute force's 10 best claims per query with a pre-filter score")
    print("  in that band, the share the index returned (ties at the 10th score not counted as interchangeable);")
    print("<relation> found = recall on verdicts: of the same-language matches (claim, relation) the matcher")
    print("  reports when it is given every claim of other outlets in the query's windows (publication and")
    print(f"  event; those reaching the pre-filter's floor, {r['exhaustive_pool']:.0f} per query on average), the share it")
    print("  also reports through the index: what an editor would miss, by relation; either side = also")
    print("  counting the pairs the other claim's own lookup returns (what the pipeline stores, whichever")
    print("  of the two is stored second);")
    print("verdict precision = of the pairs given that verdict, the share that are right: reports of the")
    print("  query's story (supports: with the same figure); recall = of the other outlets' reports of the")
    print("  query's story in its window (supports: same figure; conflicts: figure changed by the generator),")
    print("  the share given that verdict; same claim = either verdict; exhaustive = the matcher given every")
    print("  same-language claim of the windows instead of the index's candidates;")
    print("factcheck = index lookup + rapidfuzz scoring + structured comparison (database included);")
    print("brute force = rapidfuzz process.extract over the window's claims held in memory (no database), in")
    print("  its own process, taking turns with factcheck claim by claim;")
    print("CPU = this process's CPU time per claim (SQLite runs in-process): the latency on an idle core;")
    print(f"wall = elapsed time, inflated when other processes share the cores (load average now "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores).")


if __name__ == "__main__":
    main()
