"""Which articles of ../shared/eval/real/ the real-copy gold annotates (run once, before annotating).

The shortest articles of each outlet (shortish articles can be annotated carefully):
Arabic: SaudiNewsNet 2 per source id (14 ids), Ahdath.info 8, Al Mayadeen 6 -> 42;
English: Reuters-21578 14, FA-KES the shortest of 8 different outlets -> 22.
Length is the file's size in bytes; ties broken by file name.

    python tests/data/extract/real/select.py   # prints the list (FACTCHECK_EVAL_DATA or ../shared)
    python tests/data/extract/real/select.py --round 2   # the second round (below)
    python tests/data/extract/real/select.py --round 4   # the fourth round (below)
    python tests/data/extract/real/select.py --round 5   # the fifth round (below)

Round 2 (the second holdout's round, drawn before its articles were read): articles of typical
length rather than the shortest, at random (``random.Random(ROUND2_SEED)``) among those not in
round 1 and no longer than their group's median: SaudiNewsNet one each of 10 source ids drawn at
random, Ahdath.info 3, Al Mayadeen 5 whose country tag round 1 lacks (Yemen, Lebanon, Turkey, ...)
-> 18 Arabic; English: FA-KES one of each of the 7 outlets round 1 lacks, Reuters-21578 7 -> 14.

Round 4 (the third holdout's round; round 3 changed the extractor and annotated nothing), drawn
before its articles were read: 14 Arabic and 6 English of typical length (no longer than their
outlet's median), not annotated before, at random (``random.Random(ROUND4_SEED)``), one at a time
from the group the gold has fewest of so far (ties drawn at random), the count of the group the
article joins going up by one. A group is an outlet (a SaudiNewsNet source id, a FA-KES outlet,
Ahdath.info, Reuters-21578), Al Mayadeen counted by its country tag (its copy is about every
country, and round 1 and 2 covered few): what the earlier rounds have least of comes first.

Round 5 (the fourth holdout's round), drawn before its articles were read: 10 Arabic and 6 English,
the round-4 rule (typical length, not annotated before, one at a time from the group the gold has
fewest of) over the gold of rounds 1, 2 and 4, with its own seed (``ROUND5_SEED``).
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


ROUND4_SEED = 20261207
ROUND4 = {"ar": 14, "en": 6}


def _group(r: dict) -> tuple:
    name = Path(r["file"]).name
    if name.startswith("almayadeen"):
        return ("almayadeen", r.get("country_tag") or "")
    return (r["source_id"],)


ROUND5_SEED = 20261208
ROUND5 = {"ar": 10, "en": 6}


def select_round4(root: Path, annotated, seed: int = ROUND4_SEED, counts: dict = ROUND4) -> list[str]:
    """``annotated``: the files of the earlier rounds (the gold as it stood before the round).

    Round 5 is the same draw with ``ROUND5_SEED`` and ``ROUND5`` over the gold of rounds 1, 2 and 4."""
    man = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    annotated = set(annotated)
    rng = random.Random(seed)
    size = {r["file"]: (root / r["file"]).stat().st_size for r in man}
    by_outlet: dict[tuple, list] = defaultdict(list)
    for r in man:
        by_outlet[(r["source"], r["source_id"])].append(size[r["file"]])
    median = {k: sorted(v)[len(v) // 2] for k, v in by_outlet.items()}
    have: dict[tuple, int] = defaultdict(int)
    pool: dict[str, dict[tuple, list]] = {"ar": defaultdict(list), "en": defaultdict(list)}
    for r in sorted(man, key=lambda r: r["file"]):
        g = _group(r)
        if r["file"] in annotated:
            have[g] += 1
        elif size[r["file"]] <= median[(r["source"], r["source_id"])]:
            pool[r["lang"]][g].append(r["file"])
    out = []
    for lang, n in counts.items():
        groups = pool[lang]
        for _ in range(n):
            least = min(have[g] for g in groups if groups[g])
            g = rng.choice(sorted(g for g in groups if groups[g] and have[g] == least))
            f = rng.choice(groups[g])
            groups[g].remove(f)
            have[g] += 1
            out.append(f)
    return sorted(out)


if __name__ == "__main__":
    root = evaldata.find(REAL)
    if root is None:
        sys.exit(evaldata.missing(REAL))
    if sys.argv[1:] in (["--round", "4"], ["--round", "5"]):
        # the gold as it stood before the round: a later round's articles (frozen in its holdout's
        # pool) are left out, so that each round's draw stays what it was
        here = Path(__file__).resolve().parent
        later = {"4": ("holdout3.json", "holdout4.json"), "5": ("holdout4.json",)}[sys.argv[2]]
        skip = {f for h in later if (here / h).exists()
                for f in json.loads((here / h).read_text(encoding="utf-8"))["pool"]}
        earlier = [json.loads(p.read_text(encoding="utf-8"))["file"] for p in sorted((here / "gold").glob("*.json"))]
        earlier = [f for f in earlier if f not in skip]
        files = select_round4(root, earlier) if sys.argv[2] == "4" else \
            select_round4(root, earlier, ROUND5_SEED, ROUND5)
    else:
        files = select_round2(root) if sys.argv[1:] == ["--round", "2"] else select(root)
    for f in files:
        print(f)
