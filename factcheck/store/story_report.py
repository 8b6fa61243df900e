"""Claims grouped by story for the printed report (issue 22, build 6): each story's claims under
the filters, after a heading with what the story queue shows of it (headline claim, outlets, dates).

Stories come in the story queue's order, a page at a time from ``story_facts.story_page`` (the
queue's own selection, order and description, narrowed to stories holding a claim the filters
keep); each page's claims are read by the export's keyset walk (``reports._iter_where``) and held
until the page is written, so a report of any size holds one page of stories' claims. The claims
of articles in no story come last, under a heading of their own.

The rows stay the export's plain rows, one stream (the CLI counts them and shows its progress
bar on them as for any format); the headings go beside them in a dict the writer reads.
"""
from __future__ import annotations

from typing import Iterator

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from .models import Article, Claim, Story
from .reports import BATCH, REPORT_ORDER, _iter_where
from .story_facts import story_page

STORIES_PER_PAGE = 100
_RANK = {s: i for i, s in enumerate(REPORT_ORDER)}


def story_heading(row) -> dict:  # noqa: ANN001 (a story_facts.StoryRow)
    """What the report says of a story above its claims."""
    return {"id": row.id, "headline": row.headline, "outlets": row.outlets, "first": row.first, "last": row.last,
            "claims": row.n_claims, "agreeing": row.n_agreeing, "diverging": row.n_diverging}


def iter_rows_by_story(session: Session, conds: list, reason_lang: str | None,
                       headings: dict[int, dict]) -> Iterator[dict]:
    """The claims under ``conds`` (the export's filters) story by story, in the queue's order, each
    story's claims in the report's status order, then the claims in no story; each story's heading
    is put in ``headings`` before its first claim is yielded (the writer reads it there)."""
    kept = exists().where(Article.story_id == Story.id, Claim.article_id == Article.id, *conds)
    offset = 0
    while True:
        page = story_page(session, offset, STORIES_PER_PAGE, where=[kept])
        ids = [r.id for r in page]
        claims: dict[int, list] = {sid: [] for sid in ids}
        if ids:
            in_page = Claim.article_id.in_(select(Article.id).where(Article.story_id.in_(ids)))
            for row in _iter_where(session, [*conds, in_page], BATCH, reason_lang):
                claims.setdefault(row["story"], []).append(row)
        for r in page:
            headings[r.id] = story_heading(r)
            yield from sorted(claims[r.id], key=_status_then_id)
        if len(page) < STORIES_PER_PAGE:
            break
        offset += STORIES_PER_PAGE
    # Claims in no story (stored before stories were, or of an article being grouped): streamed
    # status by status, as the report by status reads them.
    alone = Claim.article_id.in_(select(Article.id).where(Article.story_id.is_(None)))
    for status in REPORT_ORDER:
        yield from _iter_where(session, [*conds, alone, Claim.status == status], BATCH, reason_lang)


def _status_then_id(row: dict) -> tuple:
    return _RANK.get(row["status"], len(_RANK)), row["id"]
