"""The review queue, a claim with its evidence, and decisions."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from ..app import db
from ..models import CLAIM_STATUSES, Article, Claim, Match
from ..review import ReviewError, StaleClaim, decide

bp = Blueprint("queue", __name__)

PAGE_SIZE = 50


@bp.get("/")
@login_required
def home():
    return redirect(url_for("queue.index"))


@bp.get("/queue")
@login_required
def index():
    s = db()
    status = request.args.get("status", "pending")
    if status not in CLAIM_STATUSES:
        abort(400, f"unknown status {status!r}")
    page = request.args.get("page", 1, type=int)
    if page is None or not 1 <= page <= 100_000:
        abort(400, "page must be a number from 1")
    n_matches = select(func.count(Match.id)).where(Match.claim_id == Claim.id).correlate(Claim).scalar_subquery()
    n_conflicts = (
        select(func.count(Match.id)).where(Match.claim_id == Claim.id, Match.relation == "conflicts")
        .correlate(Claim).scalar_subquery()
    )
    stmt = (
        select(Claim, n_matches.label("n_matches"), n_conflicts.label("n_conflicts"))
        .where(Claim.status == status)
        .options(joinedload(Claim.article).joinedload(Article.feed))
        .order_by((n_conflicts > 0).desc(), n_matches.desc(), Claim.published.desc(), Claim.id.desc())
        .limit(PAGE_SIZE + 1)
        .offset((page - 1) * PAGE_SIZE)
    )
    rows = s.execute(stmt).all()
    counts = dict(s.execute(select(Claim.status, func.count()).group_by(Claim.status)).all())
    return render_template("queue/index.html", rows=rows[:PAGE_SIZE], has_next=len(rows) > PAGE_SIZE, page=page,
                           status=status, counts=counts, statuses=CLAIM_STATUSES)


@bp.get("/claims/<int:claim_id>")
@login_required
def claim(claim_id: int):
    c = db().scalar(
        select(Claim).where(Claim.id == claim_id).options(
            joinedload(Claim.article).joinedload(Article.feed),
            selectinload(Claim.matches).joinedload(Match.other).joinedload(Claim.article).joinedload(Article.feed),
            selectinload(Claim.decisions),
        )
    )
    if c is None:
        abort(404, f"claim {claim_id} does not exist")
    return render_template("queue/claim.html", claim=c)


@bp.post("/claims/<int:claim_id>/decide")
@login_required
def decide_view(claim_id: int):
    s = db()
    status = request.form.get("status", "")
    version = request.form.get("version", type=int)
    try:
        decide(s, claim_id, current_user, status, request.form.get("note", ""), expected_version=version)
        s.commit()
    except StaleClaim as exc:
        flash(str(exc), "error")
        return redirect(url_for("queue.claim", claim_id=claim_id)), 303
    except ReviewError as exc:
        s.rollback()
        abort(404 if "does not exist" in str(exc) else 400, str(exc))
    flash(f"Claim {claim_id} marked {status}.", "ok")
    return redirect(url_for("queue.claim", claim_id=claim_id)), 303
