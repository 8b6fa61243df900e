"""Main-text extraction on real news pages: factcheck's path (trafilatura) beside a baseline.

Reads the 46 pages of ../shared/eval/fulltext/pages/ (other projects' test pages with their ground
truth, third-party: read from there through tests/support/evaldata.py, never copied here) and scores
``factcheck.ingest.fulltext.extract_page`` on each, as SOURCES.md describes:

* ground truth ``fulltext`` (a main text): recall = share of its sentences found in the output;
  precision = share of the output's 4-word shingles that are in the ground truth;
* ground truth ``snippets`` (``MUST:`` / ``MUST_NOT:`` lines): recall = share of MUST lines found;
  precision = share of MUST_NOT lines kept out;

all after NFKC, case and whitespace folding.  The baseline, in the same run, is every text of the
page (factcheck's own HTML-to-text, ``sanitize.html_to_text``): what storing the page whole would
give, so the ratio shows what extraction buys in precision.

    python bench/fulltext.py            # all pages, a table per page and the means
    python bench/fulltext.py --smoke    # CI: 3 pages
    python bench/fulltext.py --json     # the figures as JSON (tests read them)
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.ingest.fulltext import extract_page  # noqa: E402
from factcheck.ingest.sanitize import html_to_text  # noqa: E402
from tests.support import evaldata  # noqa: E402

PAGES = "eval/fulltext/pages"
_SENTENCE_END = re.compile(r"(?<=[.!?؟。！？])\s+")


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def sentences(ground_truth: str) -> list[str]:
    out = []
    for paragraph in re.split(r"\n\s*\n", ground_truth):
        for sentence in _SENTENCE_END.split(paragraph.strip()):
            sentence = fold(sentence)
            if len(sentence) >= 2:
                out.append(sentence)
    return out


def shingles(text: str, n: int = 4) -> list[tuple[str, ...]]:
    words = fold(text).split()
    if len(words) < n:
        return [tuple(words)] if words else []
    return [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]


def score(output: str, expected: str, gt_type: str) -> tuple[float, float]:
    """(recall, precision) of ``output`` against one page's ground truth."""
    got = fold(output)
    if gt_type == "snippets":
        must = [fold(line[5:]) for line in expected.splitlines() if line.startswith("MUST:")]
        must_not = [fold(line[9:]) for line in expected.splitlines() if line.startswith("MUST_NOT:")]
        recall = sum(m in got for m in must) / len(must) if must else 1.0
        precision = sum(m not in got for m in must_not) / len(must_not) if must_not else 1.0
        return recall, precision
    wanted = sentences(expected)
    recall = sum(s in got for s in wanted) / len(wanted) if wanted else 1.0
    mine = shingles(output)
    truth = set(shingles(expected))
    precision = sum(s in truth for s in mine) / len(mine) if mine else 0.0
    return recall, precision


def load_pages(folder: Path) -> list[dict]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def run(limit: int | None = None) -> dict:
    folder = evaldata.find(PAGES)
    if folder is None:
        # As bench/extract.py does: say what is missing; fail only where the data is required (CI).
        print(evaldata.missing(PAGES))
        raise SystemExit(1 if evaldata.required() else 0)
    rows = []
    for page in load_pages(folder)[:limit]:
        html = (folder / f"{page['name']}.html").read_bytes()
        expected = (folder / f"{page['name']}.expected.txt").read_text(encoding="utf-8")
        t0 = time.perf_counter()
        found = extract_page(html, page.get("url") or None)
        ms = (time.perf_counter() - t0) * 1000
        text = found.text if found else ""
        recall, precision = score(text, expected, page["gt_type"])
        base_recall, base_precision = score(html_to_text(html.decode("utf-8", "replace")), expected, page["gt_type"])
        rows.append({"name": page["name"], "lang": page["lang"], "gt": page["gt_type"], "chars": len(text),
                     "recall": recall, "precision": precision, "ms": ms,
                     "base_recall": base_recall, "base_precision": base_precision})
    return {
        "pages": len(rows),
        "recall": statistics.fmean(r["recall"] for r in rows),
        "precision": statistics.fmean(r["precision"] for r in rows),
        "base_recall": statistics.fmean(r["base_recall"] for r in rows),
        "base_precision": statistics.fmean(r["base_precision"] for r in rows),
        "median_ms": statistics.median(r["ms"] for r in rows),
        "empty": [r["name"] for r in rows if not r["chars"]],
        "rows": rows,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smoke", "--quick", dest="smoke", action="store_true", help="3 pages (CI)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    result = run(3 if args.smoke else None)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"{'page':44} {'gt':9} {'chars':>7} {'recall':>7} {'prec':>6} {'ms':>6}   {'page text: rec':>14} {'prec':>6}")
    for r in result["rows"]:
        print(f"{r['name'][:44]:44} {r['gt']:9} {r['chars']:7d} {r['recall']:7.3f} {r['precision']:6.3f} "
              f"{r['ms']:6.1f}   {r['base_recall']:14.3f} {r['base_precision']:6.3f}")
    print(f"\n{result['pages']} pages: recall {result['recall']:.3f}, precision {result['precision']:.3f}, "
          f"median {result['median_ms']:.1f} ms a page; empty: {len(result['empty'])} {result['empty'] or ''}")
    print(f"baseline (all the page's text): recall {result['base_recall']:.3f}, precision "
          f"{result['base_precision']:.3f}; precision ratio {result['precision'] / max(result['base_precision'], 1e-9):.2f}x")


if __name__ == "__main__":
    main()
