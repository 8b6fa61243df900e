"""JSON (the walking-skeleton contract) and JSON Lines, written row by row."""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from .context import ReportContext


def _iso(dt) -> str:
    return dt.isoformat().replace("+00:00", "Z")


def iter_json(rows: Iterable[dict], ctx: ReportContext) -> Iterator[str]:
    """`{"claims": [...], "export": {...}}`.

    The contract is `{"claims": [...]}`; "export" (when, which filters, how many)
    is an extension after the list, so the count is known when it is written.
    """
    n = 0
    yield '{"claims": ['
    for row in rows:
        yield (",\n" if n else "\n") + json.dumps(row, ensure_ascii=False)
        n += 1
    meta = {"generated_at": _iso(ctx.generated_at), "period": ctx.period,
            "filters": dict(ctx.filters), "count": n}
    yield '\n], "export": ' + json.dumps(meta, ensure_ascii=False) + "}\n"


def iter_jsonl(rows: Iterable[dict], ctx: ReportContext) -> Iterator[str]:
    """One contract row per line: a consumer can stream, split or append."""
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"
