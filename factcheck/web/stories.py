"""The story queue: one row per event across outlets (issue 22)."""
from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..store.fact_decisions import fact_forms
from ..store.stories import story_of_id
from ..store.story_edits import story_articles, story_moves
from ..store.story_facts import ORDERS, story_facts, story_page
from .context import db, ui_text as _t
from .params import optional_int

bp = Blueprint("stories", __name__)

PAGE_SIZE = 50
MAX_PAGE = 1000


@bp.get("/stories")
@login_required
def index():
    page = optional_int(request.args.get("page"), "page", 1, MAX_PAGE) or 1
    order = request.args.get("order") or "need"
    if order not in ORDERS:
        abort(400, _t("unknown order {value}; use one of {choices}", value=repr(order[:40]), choices=", ".join(ORDERS)))
    rows = story_page(db(), (page - 1) * PAGE_SIZE, PAGE_SIZE + 1, order)
    has_next = len(rows) > PAGE_SIZE
    return render_template("stories/index.html", rows=rows[:PAGE_SIZE], page=page, has_next=has_next, order=order,
                           claim_base=url_for("queue.claim", claim_id=0)[:-1])


@bp.get("/stories/<int:story_id>")
@login_required
def story(story_id: int):
    facts = story_facts(db(), story_id)
    if facts is None:
        abort(404)
    if not facts:
        # A story emptied by a merge or an editor's move: a bookmark or an open tab leads on to
        # where its articles went.
        now = story_of_id(db(), story_id)
        if now is not None and now != story_id:
            return redirect(url_for("stories.story", story_id=now))
    return render_template("stories/story.html", story_id=story_id, facts=facts, articles=story_articles(db(), story_id),
                           moves=story_moves(db(), story_id),
                           claim_base=url_for("queue.claim", claim_id=0)[:-1],
                           forms=fact_forms(db(), story_id, facts, current_user))
