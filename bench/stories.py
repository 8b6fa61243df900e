"""Stories on real cross-outlet coverage: how well the matcher's links group articles into events.

The 230 SaudiNewsNet articles of ../shared/eval/real/crossoutlet/ (56 events, each reported by
3-5 outlets; groups.json) are imported through the pipeline (``import_archive``, each outlet its
own source) into a fresh SQLite database, and the stored matches between their claims grouped
by ``factcheck.match.grouping.group``. Scored at the article level against the 56 groups:

* B-cubed precision and recall (per article: the share of its story that is its event, and the
  share of its event that is in its story), and the queue rows an event takes (the stories holding
  one of its articles with claims);
* beside it, the baseline: every supports/conflicts link joins (single link, no score floor, no
  time bound);
* the stories stored as the articles arrived (``factcheck.store.stories``), which must be the
  grouping of all the stored links at the end;
* the same, imported in three orders (as listed, by publication time, reversed): the stories must
  be the same up to ids.

    python bench/stories.py            # all 230 articles, three orders
    python bench/stories.py --smoke    # CI: the first 12 events, two orders

The grouping's defaults were chosen on this corpus, so its figures are in-sample.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import evaldata  # noqa: E402
from tests.support.crossoutlet import DATA, bcubed, records, stored_stories  # noqa: E402


def import_and_read(recs, workdir: Path):
    """Import through the pipeline; return (article url -> published, links between articles by url,
    the urls of the articles with claims, the stored stories, seconds)."""
    from sqlalchemy import text

    from factcheck.config import load_settings
    from factcheck.match.grouping import Link
    from factcheck.store.db import make_engine, make_sessionmaker, upgrade_database
    from factcheck.store.pipeline import import_archive

    workdir.mkdir(parents=True)
    url = f"sqlite:///{workdir / 'stories.sqlite3'}"
    upgrade_database(url)
    (workdir / "feeds.yaml").write_text("[]\n")
    settings = load_settings(instance=workdir / "instance", database_url=url, feeds_file=workdir / "feeds.yaml")
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    t = time.perf_counter()
    import_archive(factory, settings, recs)
    seconds = time.perf_counter() - t
    with factory() as s:
        published = {u: datetime.fromisoformat(str(p)) for u, p in s.execute(text("SELECT url, published FROM articles"))}
        links = [Link(a, b, rel, score) for a, b, rel, score in s.execute(text(
            "SELECT a.url, b.url, m.relation, m.score FROM matches m "
            "JOIN claims ca ON ca.id = m.claim_id JOIN articles a ON a.id = ca.article_id "
            "JOIN claims cb ON cb.id = m.other_claim_id JOIN articles b ON b.id = cb.article_id"))]
        with_claims = set(s.scalars(text("SELECT DISTINCT a.url FROM articles a JOIN claims c ON c.article_id = a.id")))
        stored = stored_stories(dict(s.execute(text("SELECT url, story_id FROM articles")).all()))
    engine.dispose()
    return published, links, with_claims, stored, seconds


def baseline(published, links) -> list[list[str]]:
    """Single link over every supports/conflicts link: no score floor, no time bound, no merge rule."""
    from factcheck.match.grouping import GroupingConfig, group

    return group(published, links, GroupingConfig(strong_score=0, span_hours=1e9, merge_links=1,
                                                  relations=("supports", "conflicts")))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="the first 12 events, two orders (CI)")
    args = ap.parse_args()
    folder = evaldata.find(DATA)
    if folder is None:
        if evaldata.required():
            sys.exit(evaldata.missing(DATA))
        print(f"skipped: {evaldata.missing(DATA)}")
        return
    from factcheck.match.grouping import group

    groups = {f"CO{i:02d}" for i in range(1, 13)} if args.smoke else None
    recs = records(folder, groups)
    gold = {r.url: g for g, r in recs}
    plain = [r for _, r in recs]
    orders = {"as listed": plain, "by time": sorted(plain, key=lambda r: (r.published, r.url)),
              "reversed": plain[::-1]}
    if args.smoke:
        orders.pop("by time")
    seen = None
    print(f"{len(plain)} articles, {len(set(gold.values()))} events (../shared/{DATA})")
    print(f"{'order':<10} {'import s':>8}  {'':<9} {'B3 P':>6} {'B3 R':>6} {'stories':>7} {'rows/event max':>14} "
          f"{'mean':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, recs_) in enumerate(orders.items()):
            published, links, with_claims, stored, seconds = import_and_read(recs_, Path(tmp) / str(n))
            stories = group(published, links)
            for label, got in (("stored", stored), ("grouping", stories), ("baseline", baseline(published, links))):
                f = bcubed(got, gold, with_claims)
                print(f"{name:<10} {seconds:>8.1f}  {label:<9} {f['precision']:>6.3f} {f['recall']:>6.3f} "
                      f"{f['stories']:>7} {f['max_per_event']:>14} {f['mean_per_event']:>5.2f}")
            if stored != stories:
                sys.exit(f"the stored stories are not the grouping of all articles ({name})")
            same = sorted(map(tuple, stories))
            if seen is not None and same != seen:
                sys.exit(f"the stories differ between import orders ({name})")
            seen = same
    print(f"the same stories in all {len(orders)} orders")


if __name__ == "__main__":
    main()
