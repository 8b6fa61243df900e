"""API tokens: created (the secret shown once), listed, revoked, and checked on every API request.

A token is ``fc_`` and 32 random bytes (URL-safe base64); only its SHA-256 is stored, so a copy
of the database opens nothing. A token acts with its user's role (an inactive user's tokens open
nothing), and its scope limits it: ``read`` for GET requests, ``write`` for the POSTs too.

Rate limit: each token may make ``limit`` requests (``Settings.api_rate_limit``,
FACTCHECK_API_RATE_LIMIT, RATE_PER_MINUTE by default) per fixed one-minute window, counted in
the database by one conditional UPDATE per request (shared by every web process, like the login
throttle), which also records when the token was last used.
"""
from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta

from sqlalchemy import bindparam, case, select, update
from sqlalchemy.orm import Session

from ..config import Settings
from ..messages import N_
from ..text.bidi import strip_bidi
from .models import ApiToken, User, UTCDateTime, utcnow

SCOPES = (N_("read"), N_("write"))  # N_: the tokens page shows them translated
PREFIX = "fc_"
RATE_PER_MINUTE = Settings.api_rate_limit  # the default; the configured value is passed in
WINDOW = timedelta(minutes=1)
MAX_NAME = 100


class TokenError(ValueError):
    """A token that cannot be made or revoked (unknown scope, name too long, not the user's token).

    English (the CLI's and the API's language); the tokens page checks what it sends and words its
    own refusals through t().
    """


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(session: Session, user: User, scope: str = "read", name: str = "") -> tuple[ApiToken, str]:
    """A new token for ``user``; returns the row and the secret (shown once, never stored)."""
    if scope not in SCOPES:
        raise TokenError(f"unknown scope {scope!r}; use read or write")
    name = strip_bidi(name or "").strip()
    if len(name) > MAX_NAME:
        raise TokenError(f"a token's name is limited to {MAX_NAME} characters")
    secret = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, name=name, prefix=secret[:10], token_hash=hash_token(secret), scope=scope,
                   created_at=utcnow(), window_count=0)
    session.add(row)
    session.flush()
    return row, secret


def user_tokens(session: Session, user: User | None = None) -> list[ApiToken]:
    """Tokens (of one user, or everyone's), newest first, revoked ones included."""
    stmt = select(ApiToken).order_by(ApiToken.id.desc())
    if user is not None:
        stmt = stmt.where(ApiToken.user_id == user.id)
    return list(session.scalars(stmt))


def revoke_token(session: Session, token_id: int, user: User | None = None) -> ApiToken:
    """Revoke one token (of ``user`` when given: nobody revokes another's token by guessing ids)."""
    row = session.get(ApiToken, token_id)
    if row is None or (user is not None and row.user_id != user.id):
        raise TokenError(f"token {token_id} does not exist")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        session.flush()
    return row


@dataclass(frozen=True)
class Caller:
    """Who an API request acts as: the token's user, with the token's scope."""

    token_id: int
    user: User
    scope: str

    @property
    def can_write(self) -> bool:
        return self.scope == "write"


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limited; retry after {retry_after} s")
        self.retry_after = retry_after


@lru_cache(maxsize=1)
def _statements() -> tuple:
    """The lookup and the counting UPDATE, built once per process: building them (SQLAlchemy's
    coercions and cache keys) cost about 4 ms of CPU on every API request, a third of a page's."""
    t = ApiToken
    find = (select(t.id, t.scope, User).join(User, User.id == t.user_id)
            .where(t.token_hash == bindparam("secret_hash"), t.revoked_at.is_(None), User.active.is_(True)))
    at = bindparam("at", type_=UTCDateTime())
    fresh = t.window_start.is_(None) | (t.window_start <= bindparam("window_from", type_=UTCDateTime()))
    count = (update(t).where(t.id == bindparam("token"), fresh | (t.window_count < bindparam("cap")))
             .values(window_start=case((fresh, at), else_=t.window_start),
                     window_count=case((fresh, 1), else_=t.window_count + 1), last_used_at=at)
             .execution_options(synchronize_session=False))
    return find, count


def authenticate_token(session: Session, secret: str, now: datetime | None = None,
                       limit: int = RATE_PER_MINUTE) -> Caller | None:
    """The caller this secret is (and one request counted on it), None for an unknown or revoked
    token or an inactive user; RateLimited past ``limit`` requests in the token's minute.

    The count is committed at once, so it holds for every process whatever the request does next.
    """
    now = now or utcnow()
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    find, count = _statements()
    row = session.execute(find, {"secret_hash": hash_token(secret)}).first()
    if row is None:
        session.rollback()
        return None
    token_id, scope, user = row
    moved = session.execute(count, {"token": token_id, "cap": limit, "at": now, "window_from": now - WINDOW})
    if moved.rowcount != 1:
        start = session.scalar(select(ApiToken.window_start).where(ApiToken.id == token_id))
        session.rollback()
        wait = ((start or now) + WINDOW - now).total_seconds()
        raise RateLimited(max(1, math.ceil(wait)))
    session.commit()  # the session keeps its objects (expire_on_commit=False): the user needs no reload
    return Caller(token_id=token_id, user=user, scope=scope)
