"""Benchmark: factcheck's date tagger against dateparser.search_dates, and full extraction speed.

Same articles, same run, one core:
  * accuracy on the seed article's attributed dates (gold: tests/data/extract/seed_gold.json),
    scored the same way for both: a gold date counts when a returned mention overlaps its words
    and gives the gold value at the gold grain;
  * articles per second for dateparser.search_dates and for factcheck.find_dates;
  * articles per second for full extraction (statements, dates, figures) on articles of about
    800 words (corpus articles joined to that length).

    python bench/extract.py --repeat 5   # full size (the figures in BENCHMARKS.md)
    python bench/extract.py --smoke      # CI smoke size, a few seconds (--quick is the same)
    python bench/extract.py --baseline d7daa19   # also the extractor at that revision, interleaved,
                                                 # and the real-copy gold scored (holdout first)
    python bench/extract.py --startup    # start-up only: fresh processes, the figures of issue 16
    python bench/extract.py --corpus ../shared/eval/real/bulk/saudinewsnet.jsonl.gz [--limit N]
        # every article of a JSONL(.gz) corpus {source, published, title, text}: per outlet, claims
        # by kind, speakers that are no noun phrase, one/two-word direct quotes, numeric Hijri dates
        # resolved, exceptions, articles per second in-process

Start-up (issue 16: `factcheck extract` within 0.2 s) is measured in fresh processes, best of
--repeat: `factcheck extract -` on empty input, `import factcheck.extract` alone, and the first
extractions in a process (an Arabic article, then an English one, then the Arabic one again: what
the first calls pay for work deferred from import). With --baseline, the same at that revision.

The machine is shared: the load average is printed before and after, and the three
functions run interleaved article by article so a change in load weighs on all of them.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.extract import extract_claims, find_dates  # noqa: E402
from factcheck.text.normalize import normalize  # noqa: E402
from tests.support import evaldata  # noqa: E402  (the evaluation data, outside the repository)

SEED = "seed/article.txt"
GOLD = json.loads((ROOT / "tests" / "data" / "extract" / "seed_gold.json").read_text(encoding="utf-8"))
CORPUS = ROOT / "tests" / "data" / "extract" / "corpus"


def load_articles(per_lang: int = 10, seed: Path | None = None) -> list[tuple[str, datetime, str]]:
    """The seed (when given), then `per_lang` Arabic and English articles of about 800 words each, made by
    joining the corpus articles of that language in rotation (each start shifted by one)."""
    out = [(seed.read_text(encoding="utf-8"), datetime.fromisoformat(GOLD["published"]), "ar")] if seed else []
    for lang in ("ar", "en"):
        arts = []
        for g in sorted(CORPUS.glob("*.json")):
            meta = json.loads(g.read_text(encoding="utf-8"))
            if meta["lang"] == lang:
                arts.append((g.with_suffix(".txt").read_text(encoding="utf-8"), datetime.fromisoformat(meta["published"])))
        for k in range(per_lang):
            buf, i = [], k
            while sum(len(t.split()) for t in buf) < 800:
                buf.append(arts[i % len(arts)][0])
                i += 1
            out.append(("\n".join(buf), arts[k % len(arts)][1], lang))
    return out


def at_grain(d: date | datetime, grain: str) -> str:
    if grain == "year":
        return f"{d.year:04d}"
    if grain == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if grain == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def seed_accuracy(found: list[tuple[str, str]]) -> float:
    """found: (words, value-at-gold-grain function) pairs turned into (words, dt) beforehand."""
    ok = 0
    for g in GOLD["dates"]:
        gt = normalize(g["date_text"])
        for words, value in found:
            w = normalize(words)
            if w and (gt in w or w in gt) and value(g["grain"]) == g["date"]:
                ok += 1
                break
    return ok / len(GOLD["dates"])


def dateparser_found(text: str, ref: datetime, lang: str):
    from dateparser.search import search_dates
    res = search_dates(text, languages=[lang], settings={"RELATIVE_BASE": ref.replace(tzinfo=None),
                                                         "PREFER_DATES_FROM": "past"}) or []
    return [(w, (lambda dt: (lambda grain: at_grain(dt, grain)))(dt)) for w, dt in res]


def factcheck_found(text: str, ref: datetime, lang: str):
    out = []
    for m in find_dates(text, ref, lang):
        v = m.value

        def value(grain, v=v, own=m.grain):
            if own == grain:
                return v
            if grain in ("month", "year") and own == "day":
                return v[:7] if grain == "month" else v[:4]
            return None
        out.append((m.text, value))
    return out


def rates(fns: dict, articles, repeat: int) -> dict[str, float]:
    """Articles per second on one core (CPU time) for each function, measured interleaved:
    every article goes through every function in turn, so a change in the machine's load
    (it is shared) weighs on all of them alike. The best of `repeat` passes is kept."""
    best = {k: float("inf") for k in fns}
    for _ in range(repeat):
        spent = dict.fromkeys(fns, 0.0)
        for text, ref, lang in articles:
            for k, fn in fns.items():
                t0 = time.process_time()
                fn(text, ref, lang)
                spent[k] += time.process_time() - t0
        for k in fns:
            best[k] = min(best[k], spent[k])
    return {k: (len(articles) / v if v > 0 else float("inf")) for k, v in best.items()}


def checkout(rev: str, name: str = "factcheck") -> Path:
    """factcheck/ at git revision ``rev`` as package ``name`` in a new temporary folder (returned)."""
    import subprocess
    import tempfile
    tmp = Path(tempfile.mkdtemp(prefix="fc-extract-"))
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "factcheck"], check=True,
                         capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=tar, check=True)
    if name != "factcheck":
        (tmp / "factcheck").rename(tmp / name)
    return tmp


def baseline_extractor(rev: str):
    """extract_claims of factcheck/extract at git revision ``rev``, imported beside today's (same process,
    same run: the ratio of the two is what the machine's load cannot skew)."""
    import importlib
    # The whole package at that revision, renamed: the extractor imports its siblings relatively
    # (..messages), so it needs its parent; its absolute imports (factcheck.text) load today's.
    tmp = checkout(rev, "_baseline_factcheck")
    sys.path.insert(0, str(tmp))
    try:
        return importlib.import_module("_baseline_factcheck.extract").extract_claims
    finally:
        sys.path.remove(str(tmp))


_FIRST_CALLS = """
import json, sys, time
from datetime import datetime
t0 = time.perf_counter()
from factcheck.extract import extract_claims
import factcheck.extract.claims  # the claim splitter itself: the package imports it on first use
t1 = time.perf_counter()
assert sys.modules["factcheck"].__path__ == [sys.argv[2]], "not the tree's own factcheck"
out = [t1 - t0]
for text, pub, lang in json.load(open(sys.argv[1], encoding="utf-8")):
    t = time.perf_counter()
    extract_claims(text, datetime.fromisoformat(pub), lang)
    out.append(time.perf_counter() - t)
print(json.dumps(out))
"""


def startup(trees: dict[str, Path], articles, repeat: int) -> dict[str, dict[str, float]]:
    """Start-up of the factcheck package in each of ``trees`` (best of ``repeat`` fresh processes,
    seconds): `factcheck extract -` on empty input, `import factcheck.extract`, and in one process
    the import then the first extractions of ``articles`` ((text, published, lang), in order).
    The trees take turns pass by pass, so that a busy spell of a shared machine weighs on all."""
    import subprocess
    import tempfile

    def wall(tree: Path, args, **kw) -> float:
        t = time.perf_counter()
        # the tree's own code: `python -c` looks in the working directory first, then PYTHONPATH,
        # both ahead of the editable install
        subprocess.run(args, env={**os.environ, "PYTHONPATH": str(tree)}, cwd=tree, check=True,
                       stdout=subprocess.DEVNULL, **kw)
        return time.perf_counter() - t
    cli = [sys.executable, "-c", "import sys; from factcheck.cli import main; sys.argv[0] = 'factcheck'; main()"]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump([(t, r.isoformat(), lang) for t, r, lang in articles], fh, ensure_ascii=False)
    best: dict[str, dict[str, float]] = {name: {} for name in trees}
    try:
        for _ in range(repeat):
            for name, tree in trees.items():
                got = {"python -c pass": wall(tree, [sys.executable, "-c", "pass"]),
                       "factcheck extract - (empty input)": wall(tree, cli + ["extract", "-"],
                                                                 stdin=subprocess.DEVNULL),
                       "factcheck dates (empty input)": wall(tree, cli + ["dates", "--reference",
                                                                          "2025-11-07T12:00:00+00:00"],
                                                             stdin=subprocess.DEVNULL),
                       "import factcheck.extract.claims": wall(tree, [sys.executable, "-c",
                                                                      "import factcheck.extract.claims"])}
                res = subprocess.run([sys.executable, "-c", _FIRST_CALLS, fh.name, str(tree / "factcheck")],
                                     env={**os.environ, "PYTHONPATH": str(tree)}, cwd=tree, check=True,
                                     capture_output=True, text=True)
                calls = json.loads(res.stdout)
                got["in-process import"] = calls[0]
                for k, t in enumerate(calls[1:]):
                    got[f"call {k + 1}"] = t
                for k, v in got.items():
                    best[name][k] = min(best[name].get(k, v), v)
    finally:
        os.unlink(fh.name)
    return best


def startup_table(articles, repeat: int, rev: str | None) -> str:
    """Start-up today (and at ``rev``) as a markdown table."""
    firsts = [articles[0], next(a for a in articles if a[2] == "en"), articles[0]]
    cols = startup({"today": ROOT, **({rev: checkout(rev)} if rev else {})}, firsts, repeat)
    label = {"call 1": f"first extraction in the process ({firsts[0][2]}, {len(firsts[0][0].split())} words), ms",
             "call 2": f"then the first {firsts[1][2]} article ({len(firsts[1][0].split())} words), ms",
             "call 3": "then the first article again (warm), ms"}
    bc = "off (PYTHONDONTWRITEBYTECODE)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"
    out = [f"Start-up, best of {repeat} fresh processes (bytecode cache {bc}):", "",
           "| start-up | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for k in ("factcheck extract - (empty input)", "factcheck dates (empty input)", "import factcheck.extract.claims",
              "python -c pass"):
        out.append(f"| `{k}`, s | " + " | ".join(f"{c[k]:.3f}" for c in cols.values()) + " |")
    for k in ("call 1", "call 2", "call 3"):
        out.append(f"| {label[k]} | " + " | ".join(f"{1e3 * c[k]:.0f}" for c in cols.values()) + " |")
    out.append("| import + first extraction, ms | " + " | ".join(
        f"{1e3 * (c['in-process import'] + c['call 1']):.0f}" for c in cols.values()) + " |")
    return "\n".join(out)


def real_set_tables(fn=None) -> str | None:
    """The real-copy gold (tests/data/extract/real) scored split by split (real_score.SPLITS: the frozen
    holdouts, the tuning half, the whole set)."""
    sys.path.insert(0, str(ROOT / "tests" / "extract"))
    import real_score
    items = real_score.load()
    if items is None:
        return None
    return "\n\n".join(real_score.table(real_score.score(items, split, fn or extract_claims), real_score.TITLES[split])
                        for split in real_score.SPLITS)


# The sweep's own test of a speaker, independent of the extractor's (speakers.is_noun_phrase): a first
# word that is a pronoun, an adverb or a preposition, a fragment of one letter, or a single
# verb form with an object pronoun (تقاضيه).
_SWEEP_NOT_NP = set("""فيه فيها فيهم منه منها منهم له لها لهم عنه عنها عليه عليها إليه إليها به بها أيضا أيضاً
كذلك بدوره بدورها الآن حينها خلاله خلالها هو هي هم لي لك تعبيره قوله في من على عن إلى الى مع منذ حتى خلال عبر بعد قبل عند لدى بشكل
بصورة ضمن حول ثم أو لكن بل إذ حيث هنا هناك إنه أنه إنها أنها ما لا لم لن قد سموه""".split())
_HIJRI_NUMERIC = None


def _not_np(speaker: str) -> bool:
    import re
    w = speaker.split()
    if not w:
        return True
    first = re.sub(r"^[وف](?=ال)", "", w[0])
    if first in _SWEEP_NOT_NP or len(first) == 1 and not first.isupper():
        return True
    return len(w) == 1 and re.fullmatch(r"[يتن]\w{2,}(?:ه|ها|هم)", first) is not None


def corpus_sweep(path: Path, limit: int | None = None) -> int:
    """Extract every article of a JSONL(.gz) corpus and print per-outlet figures (issue 16, acceptance 3)."""
    import gzip
    import re
    from collections import Counter, defaultdict
    # a numeric Hijri date: day/month/year with a year 1300-1499, with or without هـ ("22/9/1404",
    # "26/9/1436هـ", "17 / 10 / 1436 هـ", "14 – 10 – 1436 هـ", "20 - 1 - 1419هـ"); a Gregorian year
    # of that range is not written in this copy
    hijri = re.compile(r"(?<![\d/\-–])(\d{1,2})\s*(?P<s>[/\-–])\s*(\d{1,2})\s*(?P=s)\s*(1[34]\d\d)(?![\d/\-–])"
                       r"(?:\s*(?:هـ|ه)(?!\w))?")
    from hijridate import Hijri
    opener = gzip.open if path.suffix == ".gz" else open
    per = defaultdict(Counter)
    errors: list[tuple[str, str]] = []
    spent = 0.0
    n = 0
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit and n >= limit:
                break
            rec = json.loads(line)
            text = ((rec.get("title") or "") + "\n\n" + (rec.get("text") or "")).strip()
            src = rec.get("source") or "?"
            try:
                pub = datetime.fromisoformat(rec["published"]) if rec.get("published") else None
            except ValueError:
                pub = None
            t0 = time.process_time()
            try:
                claims = extract_claims(text, pub, None)
            except Exception as e:  # the sweep's point: no article may raise
                errors.append((rec.get("url") or str(n), repr(e)))
                continue
            finally:
                spent += time.process_time() - t0
            n += 1
            c = per[src]
            c["articles"] += 1
            for cl in claims:
                c[cl.kind] += 1
                if cl.kind == "quote":
                    c["direct_stmt" if cl.direct else "reported_stmt"] += 1
                    if cl.speaker:
                        c["speakers"] += 1
                        c["speaker_not_np"] += _not_np(cl.speaker)
                    if cl.direct:
                        c["direct"] += 1
                        c["direct_short"] += len(cl.text.split()) <= 2
            dates = [(cl.start + max(0, cl.text.find(cl.date_text or "")), cl) for cl in claims if cl.kind == "date"]
            for m in hijri.finditer(text):
                c["hijri_numeric"] += 1
                got = [cl for p, cl in dates if m.start() <= p < m.end() + 2 and cl.date] or [
                    cl for _, cl in dates if cl.date_text and m.group(1) in cl.date_text
                    and cl.start <= m.start() < cl.end and cl.date]
                c["hijri_resolved"] += bool(got)
                try:  # the Umm al-Qura conversion of the written date, where hijridate's table has it
                    want = Hijri(int(m.group(4)), int(m.group(3)), int(m.group(1))).to_gregorian().isoformat()
                except (ValueError, OverflowError):
                    want = None
                if want:
                    c["hijri_checkable"] += 1
                    c["hijri_right"] += any(cl.date == want for cl in got)
    total = Counter()
    for c in per.values():
        total.update(c)
    rate = n / spent if spent else float("inf")
    print(f"corpus: {path} ({n} articles extracted, {len(errors)} raised), "
          f"{rate:.0f} articles/s in-process on one core ({rate / 100:.2f}x the 100/s per core target)")
    print()
    print("| outlet | articles | statements (direct / reported) | dates | figures | speakers not a noun phrase | "
          "direct quotes of 1-2 words | numeric Hijri dates resolved | ... to the right day |")
    print("|---|---|---|---|---|---|---|---|---|")

    def pct(a, b):
        return f"{a / b:.1%} ({a}/{b})" if b else "-"
    for src, c in sorted(per.items(), key=lambda kv: -kv[1]["articles"]) + [("all", total)]:
        print(f"| {src} | {c['articles']} | {c['quote']} ({c['direct_stmt']} / {c['reported_stmt']}) | {c['date']} | "
              f"{c['figure']} | {pct(c['speaker_not_np'], c['speakers'])} | {pct(c['direct_short'], c['direct'])} | "
              f"{pct(c['hijri_resolved'], c['hijri_numeric'])} | {pct(c['hijri_right'], c['hijri_checkable'])} |")
    for url, e in errors[:10]:
        print("raised:", url, e)
    return 1 if errors else 0


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smoke", "--quick", dest="smoke", action="store_true",
                    help="smoke size for CI (one pass, the seed and one article per language)")
    ap.add_argument("--repeat", type=int, default=3, help="passes per measurement (best is kept)")
    ap.add_argument("--baseline", metavar="REV", help="also measure factcheck/extract at this git revision")
    ap.add_argument("--corpus", metavar="PATH", type=Path, help="sweep a JSONL(.gz) corpus instead (see above)")
    ap.add_argument("--limit", type=int, help="with --corpus: the first N articles only")
    ap.add_argument("--startup", action="store_true", help="measure start-up only (fresh processes)")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    if args.corpus:
        return corpus_sweep(args.corpus, args.limit)
    seed = evaldata.find(SEED)
    if seed is None:
        if evaldata.required():
            print(f"bench/extract.py: {evaldata.missing(SEED)}", file=sys.stderr)
            return 1
        print(f"note: {evaldata.missing(SEED)}; the seed's dates are not scored", file=sys.stderr)
    load_before = _loadavg()
    articles = load_articles(1 if args.smoke else 10, seed)
    repeat = 1 if args.smoke else args.repeat
    if args.startup:
        print(startup_table(articles, repeat, args.baseline))
        print(f"load average (1, 5, 15 min) before: {load_before}, after: {_loadavg()}")
        return 0
    # warm both (dateparser loads its language data on first use), and the extractor, whose
    # patterns are built on first use: with --smoke's single pass that build was timed, the
    # baseline's not (it is warmed below)
    dateparser_found(*articles[0])
    factcheck_found(*articles[0])
    extract_claims(*articles[0])

    if seed:
        seed_text, seed_ref, _ = articles[0]
        acc_dp = seed_accuracy(dateparser_found(seed_text, seed_ref, "ar"))
        acc_fc = seed_accuracy(factcheck_found(seed_text, seed_ref, "ar"))
    fns = {"dp": lambda t, r, l: dateparser_found(t, r, l),
           "fc": lambda t, r, l: find_dates(t, r, l),
           "full": lambda t, r, l: extract_claims(t, r, l)}
    base = baseline_extractor(args.baseline) if args.baseline else None
    if base:
        base(*articles[0])
        fns["base"] = lambda t, r, l: base(t, r, l)
    r = rates(fns, articles, repeat)
    r_dp, r_fc, r_full = r["dp"], r["fc"], r["full"]
    words = sum(len(t.split()) for t, _, _ in articles) / len(articles)

    print(f"articles: {len(articles)} (mean {words:.0f} words), passes: {repeat} (best kept), "
          f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    print(f"load average (1, 5, 15 min) before: {load_before}, after: {_loadavg()}")
    print()
    print("| measure | dateparser.search_dates | factcheck | ratio |")
    print("|---|---|---|---|")
    if seed:
        print(f"| seed dates right (of {len(GOLD['dates'])}) | {acc_dp:.2f} | {acc_fc:.2f} | "
              f"{(acc_fc / acc_dp) if acc_dp else float('inf'):.1f}x |")
    else:
        print(f"| seed dates right (of {len(GOLD['dates'])}) | not measured: no {SEED} | - | - |")
    print(f"| date tagging, articles/s | {r_dp:.1f} | {r_fc:.1f} | {r_fc / r_dp:.1f}x |")
    print(f"| full extraction (statements, dates, figures), articles/s | - | {r_full:.1f} | "
          f"{r_full / 100:.2f}x of the 100/s target |")
    if base:
        print(f"| full extraction at {args.baseline}, articles/s (same run) | - | {r['base']:.1f} | "
              f"today {r_full / r['base']:.2f}x of it |")
    print()
    print(startup_table(articles, repeat, args.baseline))
    real = real_set_tables()
    if real:
        print()
        print("Real-copy gold (tests/data/extract/real; holdouts first):")
        print()
        print(real)
        if base:
            print()
            print(f"... and the extractor at {args.baseline}:")
            print()
            print(real_set_tables(base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
