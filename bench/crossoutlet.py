"""Stored verdicts on real cross-outlet coverage (issue 17, acceptance 3).

../shared/eval/real/crossoutlet/ holds 230 SaudiNewsNet articles of 56 events, each article of an
event from another outlet (manifest.json: file, group, outlet, published, url). They are imported
into a fresh SQLite database through the pipeline `factcheck import` runs (``import_article``, one
transaction per article, in publication order), and the stored matches are counted:

* supports / conflicts stored at all, and how many of them pair claims of two different events
  (target: at most 2% of all stored supports and conflicts);
* conflicts on a date or a figure whose "other" value also stands in the claim's own sentence
  (target: 0): the other report's date is one of the dates extracted from the claim's sentence, or
  the other's figure one of the numbers of the claim's sentence;
* against the baseline in the same run: the same articles' claim pairs scored by the plain
  pre-filter (rapidfuzz token_set_ratio of their content words >= 72, the threshold the issue
  measured MRPC with), how many of those pair two different events.

``--sample N,M`` writes N stored supports and M stored conflicts inside events, drawn with a fixed
seed, as JSON lines to judge by reading both articles (``--out``): each row names the two articles
and the two claims' character spans, never their text (the articles are third-party and stay in
../shared). tests/data/match/crossoutlet_judged.jsonl holds such a list with the verdicts.

    python bench/crossoutlet.py                 # all 230 articles
    python bench/crossoutlet.py --smoke         # CI: the first 6 events
    python bench/crossoutlet.py --sample 100,50 --out /tmp/to_judge.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402
from sqlalchemy import select  # noqa: E402

from factcheck.config import load_settings  # noqa: E402
from factcheck.match.propositions import numbers  # noqa: E402
from factcheck.match.similarity import content_key  # noqa: E402
from factcheck.store.db import make_engine, make_sessionmaker, transaction, upgrade_database  # noqa: E402
from factcheck.store.models import Claim, Match  # noqa: E402
from factcheck.store.pipeline import import_article  # noqa: E402
from tests.support import evaldata  # noqa: E402

MANIFEST = "eval/real/crossoutlet/manifest.json"
BASELINE_MIN = 72.0  # plain token_set_ratio, as the issue measured MRPC with
VERDICTS = ("supports", "conflicts")


def load(limit_groups: int | None) -> list[dict]:
    path = evaldata.find(MANIFEST)
    if path is None:
        why = evaldata.required()
        if why:  # CI: the data must be there
            sys.exit(f"{evaldata.missing(MANIFEST)} [required: {why[0]}={why[1]}]")
        print(f"skipped: {evaldata.missing(MANIFEST)}")
        sys.exit(0)
    rows = json.loads(path.read_text(encoding="utf-8"))
    groups = sorted({r["group"] for r in rows})
    if limit_groups is not None:
        keep = set(groups[:limit_groups])
        rows = [r for r in rows if r["group"] in keep]
    for r in rows:
        r["text"] = (path.parent / r["file"]).read_text(encoding="utf-8")
    return sorted(rows, key=lambda r: (r["published"], r["file"]))


def import_all(rows: list[dict], workdir: Path):
    url = f"sqlite:///{workdir / 'crossoutlet.sqlite'}"
    feeds = workdir / "feeds.yaml"
    feeds.write_text("[]\n")
    settings = load_settings(instance=workdir / "instance", database_url=url, feeds_file=feeds)
    upgrade_database(url)
    factory = make_sessionmaker(make_engine(url))
    t = time.perf_counter()
    for r in rows:
        with transaction(factory) as s:
            art, _ = import_article(s, settings, source=r["outlet"], text=r["text"], url=r["url"],
                                    published=datetime.fromisoformat(r["published"]), language="ar")
            r["article_id"] = art.id
    return factory, time.perf_counter() - t


def _dates_of_sentence(s, claim: Claim) -> set[str]:
    """The dates extracted from the claim's own sentence (its article's date claims of that sentence)."""
    return {d for d in s.scalars(select(Claim.date_value).where(Claim.article_id == claim.article_id,
                                                                Claim.sentence == claim.sentence,
                                                                Claim.kind == "date")) if d}


def own_sentence_value(s, claim: Claim, other: Claim) -> bool:
    """Whether the other report's date or figure also stands in the claim's own sentence."""
    if claim.kind == "date" and other.kind == "date" and other.date_value:
        return other.date_value in _dates_of_sentence(s, claim)
    if claim.kind == "figure" and other.kind == "figure" and other.value is not None:
        return any(x.value == other.value for x in numbers(claim.sentence or ""))
    return False


def count(factory, rows: list[dict]) -> dict:
    group_of = {r["article_id"]: r["group"] for r in rows}
    file_of = {r["article_id"]: r["file"] for r in rows}
    out: dict = {"rows": Counter(), "between_events": Counter(), "own_sentence": 0, "conflicts_by_kind": Counter(),
                 "inside": {"supports": [], "conflicts": []}, "own_sentence_rows": [], "between_rows": []}
    with factory() as s:
        out["claims"] = s.query(Claim).count()
        for m in s.scalars(select(Match).where(Match.relation.in_(VERDICTS))):
            c, o = s.get(Claim, m.claim_id), s.get(Claim, m.other_claim_id)
            out["rows"][m.relation] += 1
            ga, gb = group_of.get(c.article_id), group_of.get(o.article_id)
            if ga != gb:
                out["between_events"][m.relation] += 1
                if m.claim_id < m.other_claim_id:
                    out["between_rows"].append(_row(m, c, o, file_of))
            elif m.claim_id < m.other_claim_id:  # each pair once for judging
                out["inside"][m.relation].append(_row(m, c, o, file_of))
            if m.relation == "conflicts":
                out["conflicts_by_kind"][c.kind] += 1
                if own_sentence_value(s, c, o):
                    out["own_sentence"] += 1
                    out["own_sentence_rows"].append(_row(m, c, o, file_of))
        # the baseline: every pair of claims of two outlets whose content words reach the plain ratio
        claims = [(c.article_id, c.feed_id, content_key(c.text)) for c in s.scalars(select(Claim))]
    pairs = between = 0
    for i, (art_a, feed_a, ka) in enumerate(claims):
        for art_b, feed_b, kb in claims[i + 1:]:
            if feed_a == feed_b or not ka or not kb:
                continue
            if fuzz.token_set_ratio(ka, kb) >= BASELINE_MIN:
                pairs += 1
                between += group_of.get(art_a) != group_of.get(art_b)
    out["baseline"] = (pairs, between)
    return out


def _row(m: Match, c: Claim, o: Claim, file_of: dict[int, str]) -> dict:
    return {"relation": m.relation, "reason": m.reason, "score": m.score, "kind": c.kind,
            "a": {"file": file_of.get(c.article_id), "start": c.start, "end": c.end},
            "b": {"file": file_of.get(o.article_id), "start": o.start, "end": o.end}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="CI's run: the first 6 events")
    ap.add_argument("--sample", default="", help="N,M: write N supports and M conflicts inside events to judge")
    ap.add_argument("--out", default="", help="where --sample writes its JSON lines")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--show", type=int, default=10, help="how many of the rows counted against a target to print")
    ap.add_argument("--keep", default="", help="a folder to keep the database in (default: a temporary one)")
    args = ap.parse_args()
    rows = load(6 if args.smoke else None)
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(args.keep or tmp)
        where.mkdir(parents=True, exist_ok=True)
        factory, took = import_all(rows, where)
        got = count(factory, rows)
    n = sum(got["rows"].values())
    nb = sum(got["between_events"].values())
    print(f"{len(rows)} articles of {len({r['group'] for r in rows})} events imported in {took:.1f} s; "
          f"{got['claims']} claims")
    print(f"stored rows (both directions): supports {got['rows']['supports']}, conflicts {got['rows']['conflicts']} "
          f"(by the claim's kind: {dict(got['conflicts_by_kind'])})")
    print(f"| measure | factcheck | baseline (token_set_ratio >= {BASELINE_MIN:g}) |")
    print("|---|---:|---:|")
    base_pairs, base_between = got["baseline"]
    print(f"| pairs of two outlets given a verdict | {n // 2} | {base_pairs} |")
    print(f"| of them between different events | {nb // 2} ({nb / n if n else 0:.1%}; target <= 2%) | "
          f"{base_between} ({base_between / base_pairs if base_pairs else 0:.1%}) |")
    print(f"| conflicts whose other value stands in the claim's own sentence | {got['own_sentence']} (target 0) | - |")
    print(f"between different events, by relation: {dict(got['between_events'])}")
    for r in got["between_rows"][:args.show]:
        print(f"  between events: {r['a']['file']} {r['a']['start']}-{r['a']['end']} vs {r['b']['file']} "
              f"{r['b']['start']}-{r['b']['end']}: {r['reason']}")
    for r in got["own_sentence_rows"][:args.show]:
        print(f"  own-sentence value: {r['a']['file']} {r['a']['start']}-{r['a']['end']} vs {r['b']['file']} "
              f"{r['b']['start']}-{r['b']['end']}: {r['reason']}")
    if args.sample:
        ns, nc = (int(x) for x in args.sample.split(","))
        rnd = random.Random(args.seed)
        picked = []
        for rel, k in (("supports", ns), ("conflicts", nc)):
            pool = got["inside"][rel]
            picked += rnd.sample(pool, min(k, len(pool)))
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked)
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
            print(f"{len(picked)} rows to judge written to {args.out}")
        else:
            sys.stdout.write(text)


if __name__ == "__main__":
    main()
