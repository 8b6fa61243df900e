"""Every report format behind one interface: rows in, text chunks out. No DB, no Flask."""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, TextIO

from .claimreview import iter_claimreview
from .context import ReportContext
from .html_report import iter_html
from .jsonish import iter_json, iter_jsonl
from .tabular import CSV_COLUMNS, csv_record, iter_csv

__all__ = ["FORMATS", "CSV_COLUMNS", "csv_record", "iter_report", "write_report", "EXTENSIONS", "MEDIA_TYPES"]

_WRITERS: dict[str, Callable[[Iterable[dict], ReportContext], Iterator[str]]] = {
    "csv": iter_csv,
    "json": iter_json,
    "jsonl": iter_jsonl,
    "claimreview": iter_claimreview,
    "html": iter_html,
}
FORMATS = tuple(_WRITERS)
EXTENSIONS = {"csv": "csv", "json": "json", "jsonl": "jsonl", "claimreview": "jsonld", "html": "html"}
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/jsonl; charset=utf-8",
    "claimreview": "application/ld+json",
    "html": "text/html; charset=utf-8",
}


def iter_report(fmt: str, rows: Iterable[dict], ctx: ReportContext | None = None) -> Iterator[str]:
    try:
        writer = _WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}") from None
    return writer(rows, ctx or ReportContext())


def write_report(fmt: str, rows: Iterable[dict], out: TextIO, ctx: ReportContext | None = None) -> int:
    """Write the report to `out`; returns the number of rows consumed."""
    n = 0

    def counted():
        nonlocal n
        for row in rows:
            n += 1
            yield row

    for chunk in iter_report(fmt, counted(), ctx):
        out.write(chunk)
    return n
