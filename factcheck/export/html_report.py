"""The printable HTML report: a cover, then claims grouped by status with their evidence.

Rendered with Jinja2 (templates/exports/report.html) through Template.generate,
so the page streams out as the rows come in; the rows must arrive grouped by
status (factcheck.reports.iter_claim_rows(..., by_status=True) does that).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from typing import Iterable, Iterator

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..config import ROOT
from .context import ReportContext
from .tabular import source_count

STATUS_TITLES = {
    "disputed": "Disputed",
    "corroborated": "Corroborated",
    "unverifiable": "Unverifiable",
    "pending": "Pending review",
    "skipped": "Skipped",
}


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(ROOT / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["source_count"] = source_count
    return env


def iter_html(rows: Iterable[dict], ctx: ReportContext) -> Iterator[str]:
    groups = ((status, items) for status, items in groupby(rows, key=lambda r: r["status"]))
    template = _env().get_template("exports/report.html")
    yield from template.generate(ctx=ctx, groups=groups, titles=STATUS_TITLES,
                                 verdict_labels={s: r.label for s, r in ctx.config.ratings.items()})
