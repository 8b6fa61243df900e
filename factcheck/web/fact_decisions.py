"""Deciding a fact of a story at once from the story page, and undoing that (issue 22, build 4).

The forms are templates/stories/_decide.html; the work is store.fact_decisions, the CLI's too.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_login import current_user, login_required

from ..i18n import explain
from ..store.fact_decisions import FACT_STATUSES, MissingFact, MissingStory, StaleFact, decide_fact, undo_fact
from ..store.review import ReviewError, StaleClaim
from .context import db, ui_text as _t
from .params import form_note, form_status, parse_int, ticked_claims

bp = Blueprint("fact_decisions", __name__)


def _back(story_id: int, number: int | None = None):
    url = url_for("stories.story", story_id=story_id)
    return redirect(url + (f"#fact-{number}" if number else ""), 303)


def _refused(exc: ReviewError):
    abort(404 if isinstance(exc, (MissingStory, MissingFact)) else 400, explain(g.get("lang", "en"), exc))


@bp.post("/stories/<int:story_id>/facts/<int:number>/decide")
@login_required
def decide_view(story_id: int, number: int):
    s = db()
    status = form_status(request.form, FACT_STATUSES)
    ids, versions = ticked_claims(request.form, _t("tick at least one claim of the fact"))
    note = form_note(request.form)
    try:
        done = decide_fact(s, story_id, number, current_user, status, note, claims=ids, versions=versions)
        s.commit()
    except StaleFact as exc:
        s.rollback()
        flash(explain(g.get("lang", "en"), exc), "error")
        return _back(story_id, number)
    except ReviewError as exc:
        s.rollback()
        _refused(exc)
    flash(_t("fact {fact}: {count} × {status}", fact=number, count=len(done), status=_t(status)), "ok")
    return _back(story_id, number)


@bp.post("/stories/<int:story_id>/undo")
@login_required
def undo_view(story_id: int):
    s = db()
    batch = parse_int(request.form.get("batch"), "batch", 1)
    try:
        done = undo_fact(s, story_id, batch, current_user)
        s.commit()
    except (StaleFact, StaleClaim) as exc:
        s.rollback()
        flash(explain(g.get("lang", "en"), exc), "error")
        return _back(story_id)
    except ReviewError as exc:
        s.rollback()
        _refused(exc)
    flash(_t("undone: {count} × a new decision restoring the status before", count=len(done)), "ok")
    return _back(story_id)
