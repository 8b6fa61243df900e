"""Editors' decisions and accounts: one code path for the web and the CLI.

A decision is checked against the claim's version in the same UPDATE that
changes the status, so two editors deciding the same claim at the same moment
cannot silently overwrite each other: the second gets a StaleClaim.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from .models import CLAIM_STATUSES, ROLES, Claim, Decision, User, utcnow

MAX_NOTE = 10_000


class ReviewError(ValueError):
    """A decision that cannot be taken (unknown claim or status, note too long)."""


@dataclass
class StaleClaim(Exception):
    claim_id: int
    by: str | None
    status: str

    def __str__(self) -> str:
        who = self.by or "someone"
        return f"claim {self.claim_id} was changed by {who} a moment ago (now {self.status}); reload and try again"


def decide(session: Session, claim_id: int, user: User, status: str, note: str = "",
           expected_version: int | None = None) -> Decision:
    """Record a decision and move the claim to its new status.

    expected_version: the version the editor saw. None means "whatever is
    current" (the CLI), still applied atomically.
    """
    if status not in CLAIM_STATUSES:
        raise ReviewError(f"unknown status {status!r}; use one of {', '.join(CLAIM_STATUSES)}")
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ReviewError(f"note too long ({len(note)} characters, at most {MAX_NOTE})")
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise ReviewError(f"claim {claim_id} does not exist")
    version = claim.version if expected_version is None else expected_version
    previous = claim.status
    res = session.execute(
        update(Claim)
        .where(Claim.id == claim_id, Claim.version == version)
        .values(status=status, version=Claim.version + 1, updated_at=utcnow(), locked_by_id=None, locked_at=None)
        .execution_options(synchronize_session=False)
    )
    if res.rowcount != 1:
        session.rollback()
        session.expire_all()
        fresh = session.get(Claim, claim_id)
        last = session.scalar(select(Decision).where(Decision.claim_id == claim_id).order_by(Decision.id.desc()))
        raise StaleClaim(claim_id, last.user.name if last is not None and last.user else None,
                         fresh.status if fresh else "deleted")
    decision = Decision(claim_id=claim_id, user_id=user.id, status=status, previous_status=previous, note=note,
                        at=utcnow())
    session.add(decision)
    session.flush()
    session.refresh(claim)
    return decision


# ---------------------------------------------------------------- users


def create_user(session: Session, name: str, password: str, role: str = "editor") -> User:
    if role not in ROLES:
        raise ReviewError(f"unknown role {role!r}; use editor or admin")
    name = name.strip()
    if not name:
        raise ReviewError("a user needs a name")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise ReviewError(f"user {name!r} already exists")
    if len(password) < 8:
        raise ReviewError("passwords need at least 8 characters")
    user = User(name=name, role=role, password_hash=generate_password_hash(password))
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, name: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.name == name.strip()))
    if user is None or not user.active or not check_password_hash(user.password_hash, password):
        return None
    return user


def ensure_admin(session: Session, password: str | None) -> str | None:
    """Create the `admin` account on first run. Returns a generated password to print once."""
    if session.scalar(select(User).where(User.name == "admin")) is not None:
        return None
    generated = None
    if not password:
        password = generated = secrets.token_urlsafe(12)
    create_user(session, "admin", password, role="admin")
    return generated
