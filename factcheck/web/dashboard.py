"""Dashboard: claims per day by status and per source, drawn server-side as SVG (no script, no CDN)."""
from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, render_template, request
from flask_login import login_required
from sqlalchemy import func, select

from .context import db
from ..store.models import CLAIM_STATUSES, Claim, Feed, utcnow
from .params import optional_int

bp = Blueprint("dashboard", __name__)

COLOURS = {"pending": "#8a96a3", "corroborated": "#1d7a3a", "disputed": "#b3261e", "unverifiable": "#6b5b00",
           "skipped": "#c7ccd1"}


@bp.get("/dashboard")
@login_required
def index():
    s = db()
    n_days = optional_int(request.args.get("days"), "days", 1, 90) or 14
    # The window ends at the newest claim, not at today: a desk reviewing an
    # archive (or the bundled samples) sees its claims instead of empty charts.
    newest = s.scalar(select(func.max(Claim.published)))
    end = min(utcnow(), newest) if newest is not None else utcnow()
    start = (end - timedelta(days=n_days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    day = func.date(Claim.published)
    rows = s.execute(select(day, Claim.status, func.count()).where(Claim.published >= start)
                     .group_by(day, Claim.status)).all()
    labels = [(start + timedelta(days=i)).date().isoformat() for i in range(n_days)]
    per_day = {d: dict.fromkeys(CLAIM_STATUSES, 0) for d in labels}
    for d, status, n in rows:
        key = str(d)[:10]
        if key in per_day and status in per_day[key]:
            per_day[key][status] += n
    top = max([sum(v.values()) for v in per_day.values()] + [1])
    per_source = s.execute(select(Feed.name, func.count(Claim.id)).join(Claim, Claim.feed_id == Feed.id)
                           .where(Claim.published >= start).group_by(Feed.name)
                           .order_by(func.count(Claim.id).desc()).limit(15)).all()
    top_source = max([n for _, n in per_source] + [1])
    return render_template("dashboard/index.html", labels=labels, per_day=per_day, top=top, per_source=per_source,
                           top_source=top_source, statuses=CLAIM_STATUSES, colours=COLOURS, n_days=n_days)
