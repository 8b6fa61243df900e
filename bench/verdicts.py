"""Verdict accuracy on copy nobody here wrote, through `factcheck compare` itself.

* ANS (../shared/eval/ans/, real Arabic headlines; annotators wrote a paraphrase, "agree", or a
  contradiction, "disagree", of each): every pair through `factcheck compare --as statements`, and
  per label how many come out supports / conflicts / related / none.
* tests/data/match/real_pairs.jsonl: pairs written here from the real cross-outlet coverage
  (../shared/eval/real/crossoutlet/), each through `factcheck compare --as statements|articles` as
  its row says; the holdout half (fixed seed) was frozen before the matcher was changed.

    python bench/verdicts.py                      # ANS dev and train, holdout and tuning halves
    python bench/verdicts.py --only train,tuning --misses   # what went wrong, tuning data only

``--misses`` prints the wrong verdicts of ANS train and of the tuning half only: the dev split and
the holdout are reported as figures, never read pair by pair, so they stay untouched.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import evaldata  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "match" / "real_pairs.jsonl"
RELS = ("supports", "conflicts", "related", "none")
# ANS labels as the matcher's words: a paraphrase should support (or at worst relate), a contradiction conflict.
ANS_GOLD = {"agree": "paraphrase", "disagree": "contradiction", "other": "other claim"}
TUNABLE = {"train", "tuning"}


def run_compare(mode: str, pairs: list[dict]) -> list[dict]:
    """Every pair through `factcheck compare --as MODE --format jsonl`, in one process."""
    stdin = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs)
    r = subprocess.run([sys.executable, "-m", "factcheck", "compare", "--as", mode, "--format", "jsonl"],
                       input=stdin, capture_output=True, text=True, cwd=ROOT, check=False)
    if r.returncode != 0:
        sys.exit(f"factcheck compare failed ({r.returncode}): {r.stderr[-2000:]}")
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(out) == len(pairs), (len(out), len(pairs))
    return out


def ans_rows(split: str) -> list[dict] | None:
    p = evaldata.find(f"eval/ans/stance_{split}.csv")
    if p is None:
        return None
    with p.open(encoding="utf-8") as f:
        return [{"gold": ANS_GOLD[r["stance"]], "pair": {"a": {"text": r["s1"], "lang": "ar", "source": "s1"},
                                                        "b": {"text": r["s2"], "lang": "ar", "source": "s2"}}}
                for r in csv.DictReader(f)]


def ans_figures(rows: list[dict], got: list[dict]) -> dict[str, float]:
    """The issue's four figures: contradictions called supports / found as conflicts; paraphrases
    supports-or-related / called conflicts (shares 0-1)."""
    c = Counter((r["gold"], g["relation"]) for r, g in zip(rows, got))
    nc = sum(n for (gold, _), n in c.items() if gold == "contradiction") or 1
    np_ = sum(n for (gold, _), n in c.items() if gold == "paraphrase") or 1
    return {"contradictions_supports": c["contradiction", "supports"] / nc,
            "contradictions_conflicts": c["contradiction", "conflicts"] / nc,
            "paraphrases_supports_or_related": (c["paraphrase", "supports"] + c["paraphrase", "related"]) / np_,
            "paraphrases_conflicts": c["paraphrase", "conflicts"] / np_}


# Why a contradiction was missed, by what the matcher saw of the two wordings (``--classes``).
MISS_CLASSES = {
    "supports": "called supports: no part of the two wordings differs that the matcher can name",
    "named": "a difference named (negation, opposite, entity ...), but the rest of the two wordings is not one statement",
    "gate": "too unlike to compare (below min_score), nothing named",
    "one word": "one content word for another in an otherwise copied frame, neither a listed name nor opposite",
    "few words": "two spans of words changed, nothing named",
    "rebuilt": "the sentence rebuilt (three changes or more), nothing named",
}


def miss_class(pair: dict, got: dict) -> str:
    """The class of ``MISS_CLASSES`` a contradiction the matcher did not find as conflicts falls in."""
    import difflib

    from factcheck.match import propositions
    from factcheck.match.similarity import content, stems

    a, b = pair["a"]["text"], pair["b"]["text"]
    if got["relation"] == "supports":
        return "supports"
    if propositions.difference(stems(a), stems(b), a, b) is not None:
        return "named"
    if got["relation"] == "none":
        return "gate"
    ca = [w for w in content(stems(a)) if not propositions._numeric(w)]
    cb = [w for w in content(stems(b)) if not propositions._numeric(w)]
    cb = [next((x for x in ca if propositions._alike(x, y)), y) for y in cb]
    ops = [op for op in difflib.SequenceMatcher(None, ca, cb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) == 1 and ops[0][0] == "replace" and ops[0][2] - ops[0][1] == 1 and ops[0][4] - ops[0][3] == 1:
        return "one word"
    return "few words" if len(ops) <= 2 else "rebuilt"


def real_rows(split: str) -> list[dict]:
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["split"] == split]


def run_real(rows: list[dict]) -> list[dict]:
    got: dict[int, dict] = {}
    for mode in ("statements", "articles"):
        todo = [r for r in rows if r["as"] == mode]
        for r, g in zip(todo, run_compare(mode, [{"a": r["a"], "b": r["b"]} for r in todo]) if todo else []):
            got[r["id"]] = g
    return [got[r["id"]] for r in rows]


def real_figures(rows: list[dict], got: list[dict]) -> dict[str, float]:
    """Precision and recall of supports and conflicts, and the ANS-style shares."""
    pairs = [(r["label"], g["relation"]) for r, g in zip(rows, got)]
    out: dict[str, float] = {}
    for rel in ("supports", "conflicts"):
        tp = sum(1 for gold, p in pairs if gold == p == rel)
        npred = sum(1 for _, p in pairs if p == rel)
        ngold = sum(1 for gold, _ in pairs if gold == rel)
        out[f"{rel}_precision"] = tp / npred if npred else 1.0
        out[f"{rel}_recall"] = tp / ngold if ngold else 1.0
    nc = sum(1 for gold, _ in pairs if gold == "conflicts") or 1
    ns = sum(1 for gold, _ in pairs if gold == "supports") or 1
    out["conflicts_called_supports"] = sum(1 for gold, p in pairs if gold == "conflicts" and p == "supports") / nc
    out["supports_called_conflicts"] = sum(1 for gold, p in pairs if gold == "supports" and p == "conflicts") / ns
    return out


def table(name: str, golds: list[str], got: list[dict], order: list[str]) -> str:
    c = Counter((gold, g["relation"]) for gold, g in zip(golds, got))
    lines = [f"\n{name}", f"| labelled {'':<13} | {'pairs':>5} | " + " | ".join(f"{r:>9}" for r in RELS) + " |",
             "|" + "-" * 24 + "|" + "-" * 7 + "|" + "|".join("-" * 11 for _ in RELS) + "|"]
    for gold in order:
        n = sum(v for (g, _), v in c.items() if g == gold)
        if not n:
            continue
        cells = " | ".join(f"{c[gold, r]:>4} {100 * c[gold, r] / n:>3.0f}%" for r in RELS)
        lines.append(f"| {gold:<22} | {n:>5} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="dev,train,holdout,tuning",
                    help="comma-separated: dev, train (ANS splits), holdout, tuning (halves of real_pairs.jsonl)")
    ap.add_argument("--misses", action="store_true", help="print the wrong verdicts (ANS train and tuning only)")
    ap.add_argument("--classes", action="store_true",
                    help="count the contradictions not found as conflicts by why (MISS_CLASSES); counts only, "
                         "so dev may be counted too")
    ap.add_argument("--smoke", action="store_true",
                    help="CI's run: the first 40 pairs of ANS dev and of the tuning half, to see that it all runs")
    args = ap.parse_args()
    limit = 40 if args.smoke else None
    for part in (["dev", "tuning"] if args.smoke else args.only.split(",")):
        part = part.strip()
        if part in ("dev", "train"):
            rows = ans_rows(part)
            if rows is not None:
                rows = rows[:limit]
            if rows is None:
                print(f"\nANS {part}: skipped, {evaldata.missing(f'eval/ans/stance_{part}.csv')}")
                continue
            got = run_compare("statements", [r["pair"] for r in rows])
            print(table(f"ANS {part} ({len(rows)} pairs) through `factcheck compare --as statements`",
                        [r["gold"] for r in rows], got, ["contradiction", "paraphrase", "other claim"]))
            f = ans_figures(rows, got)
            print(f"contradictions called supports {f['contradictions_supports']:.1%} (target <= 5%), "
                  f"found as conflicts {f['contradictions_conflicts']:.1%} (>= 50%); paraphrases supports or "
                  f"related {f['paraphrases_supports_or_related']:.1%} (>= 90%), called conflicts "
                  f"{f['paraphrases_conflicts']:.1%} (<= 5%)")
            if args.classes:
                missed = Counter(miss_class(r["pair"], g) for r, g in zip(rows, got)
                                 if r["gold"] == "contradiction" and g["relation"] != "conflicts")
                n = sum(1 for r in rows if r["gold"] == "contradiction") or 1
                print(f"contradictions not found as conflicts, by why ({sum(missed.values())} of {n}):")
                for k, why in MISS_CLASSES.items():
                    print(f"  {missed[k]:>4} {100 * missed[k] / n:>5.1f}%  {k}: {why}")
            if args.misses and part in TUNABLE:
                for r, g in zip(rows, got):
                    bad = (r["gold"] == "contradiction" and g["relation"] != "conflicts") or \
                          (r["gold"] == "paraphrase" and g["relation"] not in ("supports", "related"))
                    if bad:
                        print(f"  [{r['gold']} -> {g['relation']}] {g['reason']}\n    a: {r['pair']['a']['text']}"
                              f"\n    b: {r['pair']['b']['text']}")
        elif part in ("holdout", "tuning"):
            rows = real_rows(part)[:limit]
            got = run_real(rows)
            print(table(f"real_pairs.jsonl, {part} half ({len(rows)} pairs) through `factcheck compare`",
                        [r["label"] for r in rows], got, list(RELS)))
            f = real_figures(rows, got)
            print(f"supports P {f['supports_precision']:.2f} R {f['supports_recall']:.2f}; conflicts P "
                  f"{f['conflicts_precision']:.2f} R {f['conflicts_recall']:.2f}; conflicts called supports "
                  f"{f['conflicts_called_supports']:.1%}; supports called conflicts {f['supports_called_conflicts']:.1%}")
            if args.misses and part in TUNABLE:
                for r, g in zip(rows, got):
                    if g["relation"] != r["label"]:
                        print(f"  #{r['id']} [{r['category']}, {r['as']}] {r['label']} -> {g['relation']}: "
                              f"{g['reason']}\n    a: {r['a']['text']}\n    b: {r['b']['text']}")
        else:
            sys.exit(f"unknown part {part!r}")


if __name__ == "__main__":
    main()
