"""Editors correcting a story's grouping from its page (issue 22, build 5): move an article to
another story, or split it off into a story of its own (factcheck.store.story_edits)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_login import current_user, login_required

from ..i18n import explain
from ..store.models import Story
from ..store.story_edits import MissingArticle, MissingStory, StaleStory, StoryEditError, move_article
from .context import db, ui_text as _t
from .params import parse_int

bp = Blueprint("story_edits", __name__)


@bp.post("/stories/<int:story_id>/articles/<int:article_id>/move")
@login_required
def move(story_id: int, article_id: int):
    s = db()
    if s.get(Story, story_id) is None:
        abort(404, _t("story {id} does not exist or has no articles left", id=story_id))
    # The "New story" button (split), else the story id typed, or "new" as the CLI takes it.
    raw = "new" if request.form.get("split") else (request.form.get("to") or "").strip()
    if not raw:
        abort(400, _t("choose the story to move the article to, or a new story"))
    to = None if raw == "new" else parse_int(raw, "to", 1)
    try:
        into = move_article(s, article_id, to, current_user, seen_in=story_id)
        s.commit()
    except StoryEditError as exc:
        s.rollback()
        status = 404 if isinstance(exc, (MissingArticle, MissingStory)) else 409 if isinstance(exc, StaleStory) else 400
        abort(status, explain(g.get("lang", "en"), exc))
    flash(_t("article {id} moved from story {story} to story {into}; regrouping leaves it there",
             id=article_id, story=story_id, into=into), "ok")
    return redirect(url_for("stories.story", story_id=into), 303)
