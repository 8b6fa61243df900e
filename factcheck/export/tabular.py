"""CSV for spreadsheets: one row per claim, Arabic intact in Excel and LibreOffice."""
from __future__ import annotations

import csv
from typing import Iterable, Iterator

from .context import ReportContext

CSV_COLUMNS = [
    "id", "kind", "status", "text", "speaker", "date", "value", "unit", "source", "title", "url", "published",
    "supporting_sources", "conflicting_sources", "last_editor", "last_decided_at", "last_note", "language",
    "date_text", "story",
]

# A cell that starts with one of these is run as a formula by Excel and
# LibreOffice; feed text is hostile, so such text cells get a leading
# apostrophe (the spreadsheets' own "this is text" mark). Numbers are left alone.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Rows per chunk handed to the caller (see jsonish.CHUNK_ROWS).
CHUNK_ROWS = 256


def _text(value) -> str:
    if value is None:
        return ""
    s = str(value)
    return "'" + s if s.startswith(_FORMULA_START) else s


def source_count(row: dict, relation: str) -> int:
    """How many distinct other sources relate to the claim this way."""
    return len({m["source"] for m in row["matches"] if m["relation"] == relation})


def csv_record(row: dict) -> list:
    last = row["decisions"][-1] if row["decisions"] else {}
    art = row["article"]
    # Both counts in one pass over the matches (source_count would take two).
    supporting: set = set()
    conflicting: set = set()
    for m in row["matches"]:
        relation = m["relation"]
        if relation == "supports":
            supporting.add(m["source"])
        elif relation == "conflicts":
            conflicting.add(m["source"])
    return [
        row["id"], row["kind"], row["status"], _text(row["text"]), _text(row["speaker"]), row["date"] or "",
        "" if row["value"] is None else row["value"], _text(row["unit"]), _text(art["source"]),
        _text(art["title"]), _text(art["url"]), art["published"] or "", len(supporting), len(conflicting),
        _text(last.get("editor")), last.get("at") or "", _text(last.get("note")), art.get("language") or "",
        _text(row.get("date_text")), "" if row.get("story") is None else row["story"],
    ]


class _Chunk:
    """The file csv.writer writes into; the generator hands its text on."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, s: str) -> None:
        self.parts.append(s)

    def take(self) -> str:
        s = "".join(self.parts)
        self.parts.clear()
        return s


def iter_csv(rows: Iterable[dict], ctx: ReportContext) -> Iterator[str]:
    buf = _Chunk()
    if ctx.bom:
        buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    yield buf.take()
    # Handed on CHUNK_ROWS rows at a time: one write per chunk, not per row.
    n = 0
    for row in rows:
        w.writerow(csv_record(row))
        n += 1
        if n == CHUNK_ROWS:
            yield buf.take()
            n = 0
    if n:
        yield buf.take()
