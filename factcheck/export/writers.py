"""JSON and CSV writers that stream: one row in memory at a time."""
from __future__ import annotations

import csv
import json
from typing import Iterable, TextIO

FORMATS = ("json", "csv")

CSV_COLUMNS = [
    "id", "kind", "status", "text", "speaker", "date", "value", "unit", "source", "title", "url", "published",
    "supporting_sources", "conflicting_sources", "last_editor", "last_decided_at", "last_note",
]


def write_json(rows: Iterable[dict], out: TextIO) -> int:
    """`{"claims": [...]}` written row by row, so memory stays flat."""
    n = 0
    out.write('{"claims": [')
    for row in rows:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(row, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def csv_record(row: dict) -> list:
    sources = lambda rel: len({m["source"] for m in row["matches"] if m["relation"] == rel})  # noqa: E731
    last = row["decisions"][-1] if row["decisions"] else {}
    art = row["article"]
    return [
        row["id"], row["kind"], row["status"], row["text"], row["speaker"] or "", row["date"] or "",
        "" if row["value"] is None else row["value"], row["unit"] or "", art["source"], art["title"],
        art["url"] or "", art["published"] or "", sources("supports"), sources("conflicts"),
        last.get("editor") or "", last.get("at") or "", last.get("note") or "",
    ]


def write_csv(rows: Iterable[dict], out: TextIO, *, bom: bool = True) -> int:
    # Excel only reads UTF-8 (and so Arabic) right when the file starts with a BOM.
    if bom:
        out.write("\ufeff")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    n = 0
    for row in rows:
        w.writerow(csv_record(row))
        n += 1
    return n


def write_report(fmt: str, rows: Iterable[dict], out: TextIO) -> int:
    if fmt == "json":
        return write_json(rows, out)
    if fmt == "csv":
        return write_csv(rows, out)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
