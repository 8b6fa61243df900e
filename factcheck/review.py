"""Editors' decisions and accounts: one code path for the web and the CLI.

A decision is checked against the claim's version in the same UPDATE that
changes the status, so two editors deciding the same claim at the same moment
cannot silently overwrite each other: the second gets a StaleClaim.
"""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from .db import begin_write
from .messages import Explained, Message
from .models import CLAIM_STATUSES, ROLES, Claim, Decision, LoginAttempt, User, utcnow

MAX_NOTE = 10_000


class ReviewError(Explained, ValueError):
    """A decision that cannot be taken (unknown claim or status, note too long), or a user that cannot be added.

    Raised with a template and its values (factcheck.messages): the templates
    are the keys of their Arabic in factcheck.i18n.
    """


class MissingClaim(ReviewError):
    """The claim is not (or no longer) in the database: a 404 on the web."""

    def __init__(self, claim_id: int) -> None:
        super().__init__("claim {id} does not exist", id=claim_id)
        self.claim_id = claim_id


class StaleClaim(Explained):
    """Someone else decided the claim since the editor saw it; `by` is None when their account is gone."""

    def __init__(self, claim_id: int, by: str | None, status: str) -> None:
        # `who` and `status` are interface words when they are "someone" or a
        # status name: factcheck.i18n translates them with the sentence.
        super().__init__("claim {id} was changed by {who} a moment ago (now {status}); reload and try again",
                         id=claim_id, who=by or "someone", status=status)
        self.claim_id, self.by, self.status = claim_id, by, status


def decide(session: Session, claim_id: int, user: User, status: str, note: str = "",
           expected_version: int | None = None, *, undoes: Decision | None = None) -> Decision:
    """Record a decision and move the claim to its new status.

    expected_version: the version the editor saw. None means "whatever is
    current" (the CLI), still applied atomically.
    undoes: the decision this one reverses (see undo()).
    """
    if status not in CLAIM_STATUSES:
        raise ReviewError("unknown status {value}; use one of {choices}", value=repr(status),
                          choices=", ".join(CLAIM_STATUSES))
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ReviewError("note too long ({n} characters, at most {max})", n=len(note), max=MAX_NOTE)
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise MissingClaim(claim_id)
    version = claim.version if expected_version is None else expected_version
    previous = claim.status
    res = session.execute(
        update(Claim)
        .where(Claim.id == claim_id, Claim.version == version)
        .values(status=status, version=Claim.version + 1, updated_at=utcnow(), locked_by_id=None, locked_at=None)
        .execution_options(synchronize_session=False)
    )
    if res.rowcount != 1:
        # Nothing was written by the refused UPDATE; no rollback here so that a
        # bulk decision's earlier claims (in their savepoints) survive. Callers
        # roll back their own transaction on StaleClaim.
        session.expire_all()
        fresh = session.get(Claim, claim_id)
        last = session.scalar(select(Decision).where(Decision.claim_id == claim_id).order_by(Decision.id.desc()))
        raise StaleClaim(claim_id, last.user.name if last is not None and last.user else None,
                         fresh.status if fresh else "deleted")
    decision = Decision(claim_id=claim_id, user_id=user.id, status=status, previous_status=previous, note=note,
                        at=utcnow(), undoes_id=undoes.id if undoes is not None else None)
    session.add(decision)
    session.flush()
    session.refresh(claim)
    return decision


def decide_many(session: Session, claim_ids: list[int], user: User, status: str, note: str = "",
                versions: dict[int, int] | None = None) -> tuple[list[Decision], list[Message]]:
    """Bulk decisions, each through decide() in its own savepoint.

    One stale or vanished claim does not sink the others: it is reported back
    and the rest are decided. Returns (decisions taken, problems): each
    problem is the refusal's message (template and values), str() its English.
    """
    done: list[Decision] = []
    problems: list[Message] = []
    # The savepoints below would open a deferred transaction that reads before it writes: on
    # SQLite take the write lock first, or another writer's commit refuses the whole batch.
    begin_write(session)
    for cid in dict.fromkeys(claim_ids):  # a claim ticked twice is decided once
        try:
            with session.begin_nested():
                done.append(decide(session, cid, user, status, note,
                                   expected_version=(versions or {}).get(cid)))
        except (StaleClaim, ReviewError) as exc:
            problems.append(exc.message)
    return done, problems


def undo(session: Session, user: User) -> Decision:
    """Reverse the user's latest decision with a new one restoring the previous status.

    The original stays in the history; the new decision points at it. Refused
    when someone else decided the claim since (theirs would be overwritten).
    """
    undone = select(Decision.undoes_id).where(Decision.undoes_id.is_not(None))
    target = session.scalar(
        select(Decision).where(Decision.user_id == user.id, Decision.undoes_id.is_(None),
                               Decision.id.not_in(undone))
        .order_by(Decision.id.desc()).limit(1))
    if target is None:
        raise ReviewError("nothing to undo")
    latest = session.scalar(select(Decision).where(Decision.claim_id == target.claim_id)
                            .order_by(Decision.id.desc()).limit(1))
    if latest is not None and latest.id != target.id:
        raise StaleClaim(target.claim_id, latest.user.name if latest.user else None, latest.status)
    claim = session.get(Claim, target.claim_id)
    if claim is None:
        raise MissingClaim(target.claim_id)
    return decide(session, claim.id, user, target.previous_status or "pending",
                  f"undo of decision {target.id}", expected_version=claim.version, undoes=target)


# ---------------------------------------------------------------- soft locks

LOCK_TTL = timedelta(minutes=10)


def lock_holder(claim: Claim, user: User, now: datetime | None = None) -> User | None:
    """Who else is on this claim (their lock younger than LOCK_TTL), if anyone."""
    now = now or utcnow()
    if claim.locked_by_id and claim.locked_by_id != user.id and claim.locked_at and now - claim.locked_at < LOCK_TTL:
        return claim.locked_by
    return None


def touch_lock(session: Session, claim: Claim, user: User, now: datetime | None = None) -> User | None:
    """Take or refresh the soft lock unless another editor holds a live one; return that editor.

    A soft lock only informs (the version check is what prevents overwrites), so
    it is taken with a conditional UPDATE and never blocks. Refreshed at most
    once a minute to keep page views from writing on every hit.
    """
    now = now or utcnow()
    other = lock_holder(claim, user, now)
    if other is not None:
        return other
    if claim.locked_by_id == user.id and claim.locked_at and now - claim.locked_at < timedelta(minutes=1):
        return None
    session.execute(
        update(Claim).where(Claim.id == claim.id,
                            or_(Claim.locked_by_id.is_(None), Claim.locked_by_id == user.id,
                                Claim.locked_at.is_(None), Claim.locked_at < now - LOCK_TTL))
        .values(locked_by_id=user.id, locked_at=now).execution_options(synchronize_session=False))
    return None


def release_lock(session: Session, claim_id: int, user: User) -> None:
    session.execute(update(Claim).where(Claim.id == claim_id, Claim.locked_by_id == user.id)
                    .values(locked_by_id=None, locked_at=None).execution_options(synchronize_session=False))


# ---------------------------------------------------------------- login rate limit

LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_NAME = 5
MAX_FAILURES_PER_IP = 20


def login_blocked(session: Session, name: str, ip: str, now: datetime | None = None) -> bool:
    """Too many failed logins recently for this user name or this address."""
    since = (now or utcnow()) - LOGIN_WINDOW
    base = select(func.count(LoginAttempt.id)).where(LoginAttempt.ok.is_(False), LoginAttempt.at >= since)
    by_name = session.scalar(base.where(LoginAttempt.username == name.strip()[:80]))
    by_ip = session.scalar(base.where(LoginAttempt.ip == ip[:64]))
    return by_name >= MAX_FAILURES_PER_NAME or by_ip >= MAX_FAILURES_PER_IP


def record_login(session: Session, name: str, ip: str, ok: bool) -> None:
    session.add(LoginAttempt(username=name.strip()[:80], ip=ip[:64], ok=ok, at=utcnow()))
    session.flush()


# ---------------------------------------------------------------- users


def create_user(session: Session, name: str, password: str, role: str = "editor") -> User:
    if role not in ROLES:
        raise ReviewError("unknown role {value}; use editor or admin", value=repr(role))
    name = name.strip()
    if not name:
        raise ReviewError("a user needs a name")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise ReviewError("user {name} already exists", name=repr(name))
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
