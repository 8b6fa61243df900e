"""One day of real copy imported through the pipeline: the dense case, where every claim meets the day's.

The bulk archive (eval/real/bulk/saudinewsnet.jsonl.gz, about 1,700 articles a day over 18 days) is
imported by `factcheck import` in publication order; every claim's windows then hold the whole day,
and the claims compared grow with the square of a day's articles. This takes the first LIMIT articles
of one DAY, in turns across its outlets, and imports them into a fresh SQLite database through
``import_archive`` (extraction, index, matching, stories), in a child process per tree: today's, and
with --baseline the factcheck/ and migrations/ of that git revision, in the same run (the CPU-time
ratio of the two is what the machine's load skews least).

    python bench/denseday.py                              # 200 articles of 2015-08-01
    python bench/denseday.py --limit 100 --baseline HEAD~1
    python bench/denseday.py --smoke                      # CI: 20 articles

Prints, per tree: wall and CPU seconds, claims, stored matches by relation, and a hash of the stored
supports and conflicts rows (article URL, claim text and kind of each side, relation, score, reason):
equal hashes mean the same verdicts were stored.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import evaldata  # noqa: E402

DATA = "eval/real/bulk/saudinewsnet.jsonl.gz"

_CHILD = r"""
import hashlib, json, sys, tempfile, time
from pathlib import Path
from sqlalchemy import text
from factcheck.config import load_settings
from factcheck.ingest.archive import Archive
from factcheck.store.db import make_engine, make_sessionmaker, upgrade_database
from factcheck.store.pipeline import import_archive
assert sys.modules["factcheck"].__path__ == [sys.argv[2]], "not the tree's own factcheck"
work = Path(tempfile.mkdtemp(prefix="fc-denseday-"))
url = f"sqlite:///{work}/db.sqlite3"
upgrade_database(url)
settings = load_settings(instance=work / "instance", database_url=url, feeds_file=work / "feeds.yaml")
engine = make_engine(url)
wall, cpu = time.perf_counter(), time.process_time()
result = import_archive(make_sessionmaker(engine), settings, Archive(Path(sys.argv[1])))
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
with engine.connect() as c:
    relations = dict(c.execute(text("SELECT relation, count(*) FROM matches GROUP BY relation")).all())
    verdicts = c.execute(text(
        "SELECT a.url, ca.text, ca.kind, b.url, cb.text, cb.kind, m.relation, m.score, m.reason FROM matches m "
        "JOIN claims ca ON ca.id = m.claim_id JOIN claims cb ON cb.id = m.other_claim_id "
        "JOIN articles a ON a.id = ca.article_id JOIN articles b ON b.id = cb.article_id "
        "WHERE m.relation IN ('supports', 'conflicts')")).all()
digest = hashlib.sha256("\n".join(sorted(repr(tuple(r)) for r in verdicts)).encode()).hexdigest()[:16]
print(json.dumps({"articles": result.new, "claims": result.claims, "wall": wall, "cpu": cpu,
                  "relations": relations, "verdicts_hash": digest}))
"""


def day_sample(path: Path, day: str, limit: int) -> list[str]:
    """The first ``limit`` lines of ``day`` (its ``published`` begins so), taken in turns across its outlets."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if str(record.get("published", "")).startswith(day):
                by_outlet[record["source"]].append(line)
    turns = [x for group in itertools.zip_longest(*by_outlet.values()) for x in group if x]
    return turns[:limit]


def tree_at(rev: str) -> Path:
    """factcheck/ and migrations/ at git revision ``rev`` in a new temporary folder (returned)."""
    tmp = Path(tempfile.mkdtemp(prefix="fc-denseday-tree-"))
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "factcheck", "migrations"], check=True,
                         capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=tar, check=True)
    return tmp


def run(tree: Path, sample: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(sample), str(tree / "factcheck")], env=env,
                         check=True, capture_output=True, text=True, cwd=tempfile.gettempdir()).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--day", default="2015-08-01", help="the day of the archive (YYYY-MM-DD; default 2015-08-01)")
    ap.add_argument("--limit", type=int, default=200, help="articles of that day (default 200)")
    ap.add_argument("--baseline", metavar="REV", help="also import with factcheck at this git revision")
    ap.add_argument("--data", help=f"the JSON Lines archive (default: {DATA} of the evaluation data)")
    ap.add_argument("--smoke", action="store_true", help="CI: 20 articles, no baseline")
    args = ap.parse_args()
    if args.smoke:
        args.limit, args.baseline = 20, None
    data = Path(args.data) if args.data else evaldata.find(DATA)
    if data is None or not data.exists():
        why = evaldata.required()
        if why:  # CI: the data must be there
            sys.exit(f"{evaldata.missing(DATA)} [required: {why[0]}={why[1]}]")
        print(f"skipped: {evaldata.missing(DATA)}", file=sys.stderr)
        return
    lines = day_sample(data, args.day, args.limit)
    with tempfile.TemporaryDirectory(prefix="fc-denseday-") as tmp:
        sample = Path(tmp) / "sample.jsonl"  # third-party text: a temporary copy, never the repository
        sample.write_text("".join(lines), encoding="utf-8")
        trees = [("today", ROOT)] + ([(args.baseline, tree_at(args.baseline))] if args.baseline else [])
        results = [(name, run(tree, sample)) for name, tree in reversed(trees)]
    print(f"{len(lines)} articles of {args.day} ({data.name}), imported through import_archive on SQLite; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| tree | wall s | CPU s | claims | supports / conflicts / related | verdict rows hash |")
    print("|---|---:|---:|---:|---|---|")
    for name, r in results:
        rel = r["relations"]
        print(f"| {name} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['claims']:,} | {rel.get('supports', 0):,} / "
              f"{rel.get('conflicts', 0):,} / {rel.get('related', 0):,} | {r['verdicts_hash']} |")
    if len(results) == 2:
        base, today = results[0][1], results[1][1]
        print(f"\nCPU time today / {args.baseline}: {today['cpu'] / base['cpu']:.2f}x")


if __name__ == "__main__":
    main()
