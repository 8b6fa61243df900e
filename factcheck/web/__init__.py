"""Flask blueprints: auth, the review queue, feeds, exports, health."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from . import auth, health, queue

    app.register_blueprint(health.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(queue.bp)

    @app.after_request
    def _security_headers(resp):
        # Feed content is hostile: no inline script may ever run, whatever slips through.
        resp.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        )
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        return resp
