"""Score extract_claims on real outlets' copy against the hand annotations in tests/data/extract/real/.

The articles are third-party text and stay in the evaluation data (``eval/real/`` through
tests/support/evaldata.py); the repository keeps only the annotations (key substrings, speakers,
values). Shared by tests/extract/test_real.py and bench/extract.py.

    python tests/extract/real_score.py                  # the four holdouts, then tuning half, then all
    python tests/extract/real_score.py --split tuning --errors   # the tuning half's errors

Four holdouts, each frozen before the extractor was changed after its round of annotation:
``holdout`` (round 1, 32 articles, holdout.json), ``holdout2`` (round 2, 16 of 32 articles,
holdout2.json), ``holdout3`` (round 4, 10 of 20 articles, holdout3.json) and ``holdout4`` (round 5,
8 of 16 articles, holdout4.json). The tuning half is every annotated article in none. Never print or read a holdout's errors while changing the
extractor (see tests/data/extract/real/README.md): ``--errors`` refuses them all.

Matching (offsets are located in the article from the annotation's substring and ``nth``):

* statement found: a predicted quote covers at least half of the gold key substring.
  Precision: a predicted quote is right when it overlaps a gold key by at least half the
  key or half of itself. Speaker right (of found): the gold speaker, normalised, is inside
  the predicted speaker (a list gives alternatives); a null gold speaker wants null.
* direct quotes that are names/terms: predicted direct quotes whose words are a quoted
  name or term of the annotation (``names``), of all predicted direct quotes.
* date found: a predicted date claim's words overlap the gold words; value right: one of
  them gives the gold value at the gold grain (a finer prediction is cut to the gold grain).
* figure found: a predicted figure overlaps the gold words; value right: the value equals
  the gold value (or is one end of a gold range); unit right: the gold unit, or the counted
  noun as written in the gold words (the open class of nouns is not translated).
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.extract import extract_claims  # noqa: E402
from factcheck.text.normalize import normalize  # noqa: E402
from tests.support import evaldata  # noqa: E402

REAL = "eval/real"
DATA = ROOT / "tests" / "data" / "extract" / "real"
GOLD = DATA / "gold"
HOLDOUT = DATA / "holdout.json"
HOLDOUT_SEED = 20260516
HOLDOUT2 = DATA / "holdout2.json"
HOLDOUT2_SEED = 20261204
HOLDOUT3 = DATA / "holdout3.json"
HOLDOUT3_SEED = 20261207
HOLDOUT4 = DATA / "holdout4.json"
HOLDOUT4_SEED = 20261208
SPLITS = ("holdout", "holdout2", "holdout3", "holdout4", "tuning", "all")
TITLES = {"holdout": "first holdout (frozen)", "holdout2": "second holdout (frozen)",
          "holdout3": "third holdout (frozen)", "holdout4": "fourth holdout (frozen)", "tuning": "tuning half",
          "all": "whole real set"}


def gold_files() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def make_holdout(golds: list[dict], seed: int = HOLDOUT_SEED) -> list[str]:
    """Half of each language, drawn with a fixed seed (frozen in holdout.json before any code change)."""
    rng = random.Random(seed)
    out = []
    for lang in ("ar", "en"):
        files = sorted(g["file"] for g in golds if g["file"].startswith(lang + "/"))
        out += rng.sample(files, len(files) // 2)
    return sorted(out)


@functools.cache
def _frozen(path: Path, key: str) -> frozenset[str]:
    """A frozen holdout file's names under ``key``: "files" the holdout, "pool" its round's articles."""
    return frozenset(json.loads(path.read_text(encoding="utf-8"))[key])


def holdout() -> frozenset[str]:
    return _frozen(HOLDOUT, "files")


def round2() -> frozenset[str]:
    """The files annotated in round 2 (tests/data/extract/real/select.py --round 2), as frozen in holdout2.json."""
    return _frozen(HOLDOUT2, "pool")


def holdout2() -> frozenset[str]:
    return _frozen(HOLDOUT2, "files")


def round4() -> frozenset[str]:
    """The files annotated in round 4 (tests/data/extract/real/select.py --round 4), as frozen in holdout3.json."""
    return _frozen(HOLDOUT3, "pool")


def holdout3() -> frozenset[str]:
    return _frozen(HOLDOUT3, "files")


def round5() -> frozenset[str]:
    """The files annotated in round 5 (tests/data/extract/real/select.py --round 5), as frozen in holdout4.json."""
    return _frozen(HOLDOUT4, "pool")


def holdout4() -> frozenset[str]:
    return _frozen(HOLDOUT4, "files")


def split_of(name: str) -> str:
    """'holdout', 'holdout2', 'holdout3', 'holdout4' or 'tuning' for an annotated file."""
    for split, files in (("holdout", holdout()), ("holdout2", holdout2()), ("holdout3", holdout3()),
                         ("holdout4", holdout4())):
        if name in files:
            return split
    return "tuning"


def _n(s: str | None) -> str:
    return normalize(s or "")


def locate(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    k = -1
    for _ in range(nth + 1):
        k = text.find(sub, k + 1)
        if k < 0:
            raise ValueError(f"annotation not in the article: {sub!r} (occurrence {nth})")
    return k, k + len(sub)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _at_grain(value: str, grain: str, want: str) -> str | None:
    """A predicted ISO value at the gold grain (day -> week/month/year, month -> year)."""
    if not value:
        return None
    if grain == want:
        return value
    try:
        if grain == "day":
            d = date.fromisoformat(value)
            if want == "week":
                y, w, _ = d.isocalendar()
                return f"{y}-W{w:02d}"
            return value[:7] if want == "month" else value[:4]
        if grain == "month" and want == "year":
            return value[:4]
    except ValueError:
        return None
    return None


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    right: int = 0  # of found: the attribute (speaker / value / value and unit) right
    pred: int = 0
    pred_ok: int = 0
    errors: list = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.gold += other.gold
        self.found += other.found
        self.right += other.right
        self.pred += other.pred
        self.pred_ok += other.pred_ok
        self.errors += other.errors

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.pred_ok / self.pred if self.pred else 1.0

    @property
    def right_rate(self) -> float:
        return self.right / self.found if self.found else 1.0


@dataclass
class Scores:
    statements: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    figures: Tally = field(default_factory=Tally)
    direct: int = 0  # predicted direct quotes
    direct_names: int = 0  # ... that are names or terms
    direct_short: int = 0  # ... of one or two words
    articles: int = 0

    def add(self, o: "Scores") -> None:
        self.statements.add(o.statements)
        self.dates.add(o.dates)
        self.figures.add(o.figures)
        self.direct += o.direct
        self.direct_names += o.direct_names
        self.direct_short += o.direct_short
        self.articles += o.articles

    @property
    def names_share(self) -> float:
        return self.direct_names / self.direct if self.direct else 0.0


def _speaker_right(gold, pred: str | None) -> bool:
    if gold is None:
        return pred is None
    if not pred:
        return False
    p = _n(pred)
    alts = gold if isinstance(gold, list) else [gold]
    return any(_n(a) and _n(a) in p for a in alts)


def _value_right(gold, v) -> bool:
    if v is None:
        return False
    vals = gold if isinstance(gold, list) else [gold]
    return any(abs(float(v) - g) <= 1e-6 * max(1.0, abs(g)) for g in vals)


def _unit_right(g: dict, unit: str | None) -> bool:
    if not unit:
        return False
    if unit == g["unit"]:
        return True
    u = _n(unit)
    if not u or any(ch.isdigit() for ch in u):
        return False
    words = _n(g["text"]).split()
    uw = u.split()
    # the counted noun as written: the last word(s) of the gold words, or a word of them
    # inside a word or holding one: tanween alef, clitics, a dual's ending (صوتا / صوت, فترتين / فتره)
    for i in range(len(words) - len(uw) + 1):
        if words[i:i + len(uw)] == uw:
            return True
    if u.endswith("ه") and len(u) >= 4:
        u = u[:-1]  # a feminine singular (فتره) inside its dual (فترتين)
    return len(uw) == 1 and len(u) >= 3 and any(u in w or len(w) >= 3 and w in u for w in words if not w.isdigit())


def score_article(g: dict, text: str, published: datetime, lang: str, claims=None) -> Scores:
    if claims is None:
        claims = extract_claims(text, published, lang)
    sc = Scores(articles=1)
    name = g["file"]

    # statements
    quotes = [c for c in claims if c.kind == "quote"]
    keys = [(locate(text, s["text"], s.get("nth", 0)), s) for s in g["statements"]]
    st = sc.statements
    st.gold, st.pred = len(keys), len(quotes)
    for span, s in keys:
        best = max(quotes, key=lambda c: _overlap((c.start, c.end), span), default=None)
        if best is None or _overlap((best.start, best.end), span) * 2 < span[1] - span[0]:
            st.errors.append((name, "statement missed", s["text"], s["speaker"]))
            continue
        st.found += 1
        cands = [c for c in quotes if _overlap((c.start, c.end), span) * 2 >= span[1] - span[0]]
        if any(_speaker_right(s["speaker"], c.speaker) for c in cands):
            st.right += 1
        else:
            st.errors.append((name, "speaker wrong", s["text"], s["speaker"], best.speaker))
    for c in quotes:
        ok = any(_overlap((c.start, c.end), span) * 2 >= min(span[1] - span[0], c.end - c.start) > 0
                 for span, _ in keys)
        st.pred_ok += ok
        if not ok:
            st.errors.append((name, "statement extra", c.text[:80], c.speaker, c.verb, c.direct))

    names = {_n(x) for x in g.get("names", [])}
    for c in quotes:
        if c.direct:
            sc.direct += 1
            w = _n(c.text)
            sc.direct_short += len(w.split()) <= 2
            if w and (w in names or any(w in n_ for n_ in names)):
                sc.direct_names += 1
                st.errors.append((name, "name taken as a quote", c.text[:80]))

    # dates: where each predicted date's words are in the article
    dt = sc.dates
    # (a claim's words can hold its date's words twice, "March 31 ... on March 31": each prediction
    # takes the first occurrence no earlier prediction took)
    preds, taken = [], set()
    for c in claims:
        if c.kind != "date" or not c.date_text:
            continue
        k = c.text.find(c.date_text)
        s0 = c.start + k if k >= 0 else text.find(c.date_text, max(0, c.start - 200))
        while k >= 0 and s0 in taken:
            k = c.text.find(c.date_text, k + 1)
            s0 = c.start + k if k >= 0 else s0
        if s0 < 0:
            continue
        taken.add(s0)
        preds.append(((s0, s0 + len(c.date_text)), c))
    dt.pred = len(preds)
    spans = [(locate(text, d["text"], d.get("nth", 0)), d) for d in g["dates"]]
    dt.gold = len(spans)
    for span, d in spans:
        over = [c for p, c in preds if _overlap(p, span)]
        if not over:
            dt.errors.append((name, "date missed", d["text"], d["value"]))
            continue
        dt.found += 1
        if any(_at_grain(c.date, c.grain, d["grain"]) == d["value"] for c in over):
            dt.right += 1
        else:
            dt.errors.append((name, "date wrong", d["text"], d["value"], [(c.date_text, c.date) for c in over]))
    for p, c in preds:
        ok = any(_overlap(p, span) for span, _ in spans)
        dt.pred_ok += ok
        if not ok:
            dt.errors.append((name, "date extra", c.date_text, c.date))

    # figures
    ft = sc.figures
    figs = [c for c in claims if c.kind == "figure"]
    ft.pred = len(figs)
    spans = [(locate(text, f["text"], f.get("nth", 0)), f) for f in g["figures"]]
    ft.gold = len(spans)
    for span, f in spans:
        over = [c for c in figs if _overlap((c.start, c.end), span)]
        if not over:
            ft.errors.append((name, "figure missed", f["text"], f["value"], f["unit"]))
            continue
        ft.found += 1
        if any(_value_right(f["value"], c.value) and _unit_right(f, c.unit) for c in over):
            ft.right += 1
        else:
            ft.errors.append((name, "figure wrong", f["text"], f["value"], f["unit"],
                              [(c.text, c.value, c.unit) for c in over]))
    for c in figs:
        ok = any(_overlap((c.start, c.end), span) for span, _ in spans)
        ft.pred_ok += ok
        if not ok:
            ft.errors.append((name, "figure extra", c.text, c.value, c.unit))
    return sc


def load(root: Path | None = None):
    """(gold, text, published, lang) for every annotated article; None when the data is missing."""
    root = root or evaldata.find(REAL)
    if root is None:
        return None
    man = {r["file"]: r for r in json.loads((root / "manifest.json").read_text(encoding="utf-8"))}
    out = []
    for g in gold_files():
        r = man[g["file"]]
        out.append((g, (root / g["file"]).read_text(encoding="utf-8"), datetime.fromisoformat(r["published"]), r["lang"]))
    return out


def in_split(name: str, split: str) -> bool:
    """'all', 'round1' (the first round's 64 articles, the whole set the first floors were set on), 'before4'
    (rounds 1 and 2's 96 articles, the whole set before round 4, its floors kept), 'before5' (rounds 1, 2
    and 4's 116 articles, the whole set before round 5, its floors kept) or a split."""
    if split == "all":
        return True
    if split == "before5":
        return name not in round5()
    if split == "before4":
        return name not in round4() and name not in round5()
    if split == "round1":
        return name not in round2() and name not in round4() and name not in round5()
    return split_of(name) == split


def score(items, split: str = "all", fn=None) -> dict[str, Scores]:
    """Scores per language ('ar', 'en') for one split: 'holdout', 'holdout2', 'holdout3', 'holdout4', 'tuning',
    'all', 'round1', 'before4' or 'before5'.

    ``fn`` replaces extract_claims (bench/extract.py scores another tree's extractor with it)."""
    res = {"ar": Scores(), "en": Scores()}
    for g, text, pub, lang in items:
        if not in_split(g["file"], split):
            continue
        claims = fn(text, pub, lang) if fn else None
        res[lang].add(score_article(g, text, pub, lang, claims))
    return res


def table(res: dict[str, Scores], title: str) -> str:
    rows = [f"| {title} | Arabic | English |", "|---|---|---|"]

    def row(label, f):
        rows.append(f"| {label} | {f(res['ar'])} | {f(res['en'])} |")
    row("articles", lambda s: f"{s.articles}")
    row("statements: recall", lambda s: f"{s.statements.recall:.3f} ({s.statements.found}/{s.statements.gold})")
    row("statements: precision", lambda s: f"{s.statements.precision:.3f} ({s.statements.pred_ok}/{s.statements.pred})")
    row("speaker right, of found", lambda s: f"{s.statements.right_rate:.3f} ({s.statements.right}/{s.statements.found})")
    row("direct quotes that are names/terms", lambda s: f"{s.names_share:.3f} ({s.direct_names}/{s.direct})")
    row("direct quotes of one or two words", lambda s: f"{(s.direct_short / s.direct) if s.direct else 0:.3f} "
                                                       f"({s.direct_short}/{s.direct})")
    row("dates: found", lambda s: f"{s.dates.recall:.3f} ({s.dates.found}/{s.dates.gold})")
    row("dates: value right, of found", lambda s: f"{s.dates.right_rate:.3f} ({s.dates.right}/{s.dates.found})")
    row("dates: precision", lambda s: f"{s.dates.precision:.3f} ({s.dates.pred_ok}/{s.dates.pred})")
    row("figures: found", lambda s: f"{s.figures.recall:.3f} ({s.figures.found}/{s.figures.gold})")
    row("figures: value and unit right, of found", lambda s: f"{s.figures.right_rate:.3f} "
                                                             f"({s.figures.right}/{s.figures.found})")
    row("figures: precision", lambda s: f"{s.figures.precision:.3f} ({s.figures.pred_ok}/{s.figures.pred})")
    return "\n".join(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=SPLITS, help="one split only (default: all six)")
    ap.add_argument("--errors", action="store_true", help="list the errors (tuning half only)")
    args = ap.parse_args(argv)
    items = load()
    if items is None:
        print(evaldata.missing(REAL), file=sys.stderr)
        return 1
    if args.errors and args.split != "tuning":
        print("--errors is for the tuning half only (--split tuning): the holdouts' errors are not looked at",
              file=sys.stderr)
        return 2
    for split in ([args.split] if args.split else list(SPLITS)):
        res = score(items, split)
        print(table(res, TITLES[split]))
        print()
        if args.errors:
            for lang in ("ar", "en"):
                for t in (res[lang].statements, res[lang].dates, res[lang].figures):
                    for e in t.errors:
                        print(lang, *e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
