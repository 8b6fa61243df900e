"""The printable HTML report: a cover, then claims grouped by status with their evidence.

In the desk's language (``ReportContext.lang``): headings, statuses, kinds and
the matches' reasons are translated (factcheck.i18n); what the articles and
editors wrote is shown as it is, with dir="auto".

Rendered with Jinja2 (templates/exports/report.html) through Template.generate,
so the page streams out as the rows come in; the rows must arrive grouped by
status (factcheck.store.reports.iter_claim_rows(..., by_status=True) does that), or story by
story with ``ctx.stories`` holding the headings (factcheck.store.story_report).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from typing import Iterable, Iterator

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..config import ROOT
from ..i18n import direction, explain, format_when, listed, translate
from ..messages import N_
from ..text.urls import safe_url
from .context import ReportContext
from .tabular import source_count

STATUS_TITLES = {
    "disputed": N_("Disputed"),
    "corroborated": N_("Corroborated"),
    "unverifiable": N_("Unverifiable"),
    "pending": N_("Pending review"),
    "skipped": N_("Skipped"),
}


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(ROOT / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["source_count"] = source_count
    env.filters["http_url"] = safe_url  # as in the web app's templates: only http(s) URLs become links
    return env


# Cover filters whose values are interface words (statuses, kinds, the date basis), not names.
_WORD_FILTERS = {"Status", "Kind", "Dates by"}


def iter_html(rows: Iterable[dict], ctx: ReportContext) -> Iterator[str]:
    lang = ctx.lang

    def t(text: str, **params) -> str:
        return translate(lang, text, **params)

    by_story = ctx.stories is not None
    if by_story:
        # The rows come story by story and each story's heading is in ctx.stories by its first row.
        groups = ((None if sid is None else ctx.stories[sid], items)
                  for sid, items in groupby(rows, key=lambda r: r["story"]))
    else:
        groups = ((status, items) for status, items in groupby(rows, key=lambda r: r["status"]))
    cover = [(t(label), listed(lang, map(t, values)) if label in _WORD_FILTERS else ", ".join(values))
             for label, values in ctx.filters]
    template = _env().get_template("exports/report.html")
    yield from template.generate(ctx=ctx, groups=groups, by_story=by_story, t=t, when=lambda dt: format_when(lang, dt), lang=lang, dir=direction(lang), cover=cover,
                                 period=explain(lang, ctx.period_message),
                                 titles={s: t(title) for s, title in STATUS_TITLES.items()},
                                 verdict_labels={s: r.label for s, r in ctx.config.ratings.items()})
