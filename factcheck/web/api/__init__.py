"""/api/v1/: JSON for the newsroom's other tools, authenticated by per-user tokens only.

Every answer is JSON, errors included: ``{"error": {"code": ..., "message": ...}}`` with the right
4xx (routing errors, wrong methods, oversized bodies and the database's 503 too, through
factcheck.web.errors). Browser sessions do not authenticate here, so there is no CSRF surface:
the blueprint is exempt from the CSRF check and never reads the session cookie's user.
"""
from __future__ import annotations

from flask import Blueprint, g, jsonify, make_response, request
from werkzeug.exceptions import HTTPException

from ..context import db, settings
from ...store.tokens import RateLimited, authenticate_token

bp = Blueprint("api", __name__, url_prefix="/api/v1")

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 413: "too_large", 415: "unsupported_media_type", 429: "rate_limited",
         500: "internal", 503: "unavailable"}
PUBLIC = {"api.openapi"}  # the description of the API is no secret


class ApiError(HTTPException):
    """An error answered as the API's JSON, with a code of its own and extra fields if any."""

    def __init__(self, http_status: int, message: str, code: str | None = None, headers: dict | None = None,
                 **extra):
        super().__init__(message)
        self.code = http_status
        self.error_code = code or CODES.get(http_status, "error")
        self.extra = extra
        self.extra_headers = headers or {}


def fail(http_status: int, message: str, code: str | None = None, **extra):
    raise ApiError(http_status, message, code, **extra)


def json_error(exc: HTTPException):
    """Any HTTP error under /api/ as the API's JSON (called by factcheck.web.errors)."""
    status = exc.code or 500
    code = getattr(exc, "error_code", None) or CODES.get(status, "error")
    message = exc.description or exc.name
    if status >= 500 and not isinstance(exc, ApiError) and status != 503:
        message = "internal error"
    body = {"error": {"code": code, "message": message, **getattr(exc, "extra", {})}}
    resp = make_response(jsonify(body), status)
    for name, value in exc.get_headers() if not isinstance(exc, ApiError) else ():
        if name.lower() != "content-type":
            resp.headers[name] = value
    for name, value in getattr(exc, "extra_headers", {}).items():
        resp.headers[name] = value
    return resp


@bp.before_request
def _authenticate():
    g.lang = "en"  # the API's messages are English whatever the browser's cookie says
    # PostgreSQL refuses NUL in text: a NUL in a filter must be the caller's 400, not the driver's 500.
    if any("\x00" in k or "\x00" in v for k, v in request.args.items(multi=True)):
        raise ApiError(400, "query parameters must not contain NUL characters")
    if request.endpoint in PUBLIC:
        return None
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise ApiError(401, "an API token is required: Authorization: Bearer <token> (browser sessions do not "
                            "authenticate the API)", headers={"WWW-Authenticate": 'Bearer realm="factcheck"'})
    try:
        caller = authenticate_token(db(), secret.strip(), limit=settings().api_rate_limit)
    except RateLimited as exc:
        raise ApiError(429, f"too many requests with this token; retry in {exc.retry_after} s",
                       headers={"Retry-After": str(exc.retry_after)}) from None
    if caller is None:
        raise ApiError(401, "unknown or revoked token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    if request.method not in ("GET", "HEAD") and not caller.can_write:
        raise ApiError(403, "this token's scope is read; writing needs a token with scope write",
                       code="insufficient_scope")
    g.caller = caller
    return None


@bp.after_request
def _no_store(resp):
    resp.headers.setdefault("Cache-Control", "no-store")
    return resp


from . import views  # noqa: E402,F401  (routes)
from . import facts  # noqa: E402,F401  (routes)
