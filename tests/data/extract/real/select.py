"""Which articles of ../shared/eval/real/ the real-copy gold annotates (run once, before annotating).

The shortest articles of each outlet (shortish articles can be annotated carefully):
Arabic: SaudiNewsNet 2 per source id (14 ids), Ahdath.info 8, Al Mayadeen 6 -> 42;
English: Reuters-21578 14, FA-KES the shortest of 8 different outlets -> 22.
Length is the file's size in bytes; ties broken by file name.

    python tests/data/extract/real/select.py   # prints the list (FACTCHECK_EVAL_DATA or ../shared)
"""
from __future__ import annotations

import json
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


if __name__ == "__main__":
    root = evaldata.find(REAL)
    if root is None:
        sys.exit(evaldata.missing(REAL))
    for f in select(root):
        print(f)
