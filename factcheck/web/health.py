from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text

from .context import db

bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    try:
        db().execute(text("SELECT 1"))
    except Exception as exc:  # the point of /health is to say so, not to crash
        return jsonify(status="error", database=str(exc.__class__.__name__)), 503
    return jsonify(status="ok", database="ok")
