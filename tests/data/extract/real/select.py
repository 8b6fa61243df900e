"""Which articles of ../shared/eval/real/ the real-copy gold annotates (run once, before annotating).

The shortest articles of each outlet (shortish articles can be annotated carefully):
Arabic: SaudiNewsNet 2 per source id (14 ids), Ahdath.info 8, Al Mayadeen 6 -> 42;
English: Reuters-21578 14, FA-KES the shortest of 8 different outlets -> 22.
Length is the file's size in bytes; ties broken by file name.

    python tests/data/extract/real/select.py   # prints the list (FACTCHECK_EVAL_DATA or ../shared)
    python tests/data/extract/real/select.py --round 2   # the second round (below)

Round 2 (the second holdout's round, drawn before its articles were read): articles of typical
length rather than the shortest, at random (``random.Random(ROUND2_SEED)``) among those not in
round 1 and no longer than their group's median: SaudiNewsNet one each of 10 source ids drawn at
random, Ahdath.info 3, Al Mayadeen 5 whose country tag round 1 lacks (Yemen, Lebanon, Turkey, ...)
-> 18 Arabic; English: FA-KES one of each of the 7 outlets round 1 lacks, Reuters-21578 7 -> 14.
"""
from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
from tests.support import evaldata  # noqa: E402

REAL = "eval/real"
PER = {"snn": 2, "ahdath": 8, "almayadeen": 6, "reuters": 14, "fakes_outlets": 8}


def select(root: Path) -> list[str]:
    man = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    groups: dict[tuple, list] = defaultdict(list)
    for r in man:
        size = (root / r["file"]).stat().st_size
        name = Path(r["file"]).name
        if r["source"] == "SaudiNewsNet":
            key = ("snn", r["source_id"])
        elif name.startswith("ahdath"):
            key = ("ahdath",)
        elif name.startswith("almayadeen"):
            key = ("almayadeen",)
        elif name.startswith("reuters"):
            key = ("reuters",)
        else:
            key = ("fakes", r["source_id"])
        groups[key].append((size, r["file"]))
    out = []
    fakes = []
    for key, items in sorted(groups.items()):
        items.sort()
        if key[0] == "snn":
            out += [f for _, f in items[:PER["snn"]]]
        elif key[0] == "fakes":
            fakes.append(items[0])
        else:
            out += [f for _, f in items[:PER[key[0]]]]
    fakes.sort()
    out += [f for _, f in fakes[:PER["fakes_outlets"]]]
    return sorted(out)


ROUND2_SEED = 20261203
ROUND2 = {"snn_ids": 10, "ahdath": 3, "almayadeen": 5, "reuters": 7}


def select_round2(root: Path) -> list[str]:
    man = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    first = set(select(root))
    rng = random.Random(ROUND2_SEED)
    groups: dict[tuple, list] = defaultdict(list)
    for r in man:
        name = Path(r["file"]).name
        if r["source"] == "SaudiNewsNet":
            key = ("snn", r["source_id"])
        elif name.startswith(("ahdath", "almayadeen", "reuters")):
            key = (name.split("_")[0],)
        else:
            key = ("fakes", r["source_id"])
        groups[key].append(r)
    by_file = {r["file"]: r for r in man}
    first_countries = {by_file[f].get("country_tag") for f in first if "almayadeen" in f}
    first_fakes = {by_file[f]["source_id"] for f in first if "fakes" in f}

    def typical(rows):
        sizes = sorted((root / r["file"]).stat().st_size for r in rows)
        median = sizes[len(sizes) // 2]
        return sorted(r["file"] for r in rows
                      if r["file"] not in first and (root / r["file"]).stat().st_size <= median)

    out = []
    snn_ids = sorted(k[1] for k in groups if k[0] == "snn")
    for sid in sorted(rng.sample(snn_ids, ROUND2["snn_ids"])):
        out.append(rng.choice(typical(groups[("snn", sid)])))
    out += rng.sample(typical(groups[("ahdath",)]), ROUND2["ahdath"])
    may = [f for f in typical(groups[("almayadeen",)]) if by_file[f].get("country_tag") not in first_countries]
    picked, seen = [], set()
    for f in rng.sample(may, len(may)):  # one per country tag, as long as there are new ones
        c = by_file[f].get("country_tag")
        if c not in seen:
            picked.append(f)
            seen.add(c)
        if len(picked) == ROUND2["almayadeen"]:
            break
    out += picked
    for sid in sorted(k[1] for k in groups if k[0] == "fakes" and k[1] not in first_fakes):
        out.append(rng.choice(typical(groups[("fakes", sid)])))
    out += rng.sample(typical(groups[("reuters",)]), ROUND2["reuters"])
    return sorted(out)


if __name__ == "__main__":
    root = evaldata.find(REAL)
    if root is None:
        sys.exit(evaldata.missing(REAL))
    for f in (select_round2(root) if sys.argv[1:] == ["--round", "2"] else select(root)):
        print(f)
