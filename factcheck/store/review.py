"""Editors' decisions and accounts: one code path for the web and the CLI.

A decision is checked against the claim's version in the same UPDATE that
changes the status, so two editors deciding the same claim at the same moment
cannot silently overwrite each other: the second gets a StaleClaim.
"""
from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import case, delete, func, literal, or_, select, tuple_, update
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from . import webhooks
from .db import begin_write
from ..messages import N_, Explained, Message
from ..text.bidi import strip_bidi
from .models import CLAIM_STATUSES, ROLES, Claim, Decision, LoginThrottle, User, UserSession, UTCDateTime, utcnow

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
        super().__init__(N_("claim {id} was changed by {who} a moment ago (now {status}); reload and try again"),
                         id=claim_id, who=by or N_("someone"), status=status)
        self.claim_id, self.by, self.status = claim_id, by, status


def decide(session: Session, claim_id: int, user: User, status: str, note: str = "",
           expected_version: int | None = None, *, undoes: Decision | None = None,
           token_id: int | None = None, story_id: int | None = None, batch_id: int | None = None) -> Decision:
    """Record a decision and move the claim to its new status.

    expected_version: the version the editor saw. None means "whatever is
    current" (the CLI), still applied atomically.
    undoes: the decision this one reverses (see undo()).
    token_id: the API token the user decided with (kept in the history beside the user).
    story_id, batch_id: the story whose fact was decided at once, and that submission
    (store.fact_decisions); None for a decision on one claim.
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
                         fresh.status if fresh else N_("deleted"))
    decision = Decision(claim_id=claim_id, user_id=user.id, status=status, previous_status=previous, note=note,
                        at=utcnow(), undoes_id=undoes.id if undoes is not None else None, token_id=token_id,
                        story_id=story_id, batch_id=batch_id)
    session.add(decision)
    session.flush()
    session.refresh(claim)
    # In this transaction: a decision rolled back (a stale bulk item, a failed commit) sends nothing.
    webhooks.decided(session, claim_id, decision.id, status, previous, note, user.name, decision.at, token_id)
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
    return reverse(session, target, user)


def reverse(session: Session, target: Decision, user: User, *, story_id: int | None = None,
            batch_id: int | None = None) -> Decision:
    """A new decision restoring the status `target` replaced, pointing at it (undo and "undo
    this fact" both come here). Refused when someone decided the claim since."""
    latest = session.scalar(select(Decision).where(Decision.claim_id == target.claim_id)
                            .order_by(Decision.id.desc()).limit(1))
    if latest is not None and latest.id != target.id:
        raise StaleClaim(target.claim_id, latest.user.name if latest.user else None, latest.status)
    claim = session.get(Claim, target.claim_id)
    if claim is None:
        raise MissingClaim(target.claim_id)
    return decide(session, claim.id, user, target.previous_status or "pending",
                  f"undo of decision {target.id}", expected_version=claim.version, undoes=target,
                  story_id=story_id, batch_id=batch_id)


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


# ---------------------------------------------------------------- login throttle
# Failures count per (client address, user name) and per address, never per user name alone: a
# stranger's guesses slow the stranger down and cannot stop the account's owner logging in from
# their own address. Past its free failures a counter slows down rather than locks: each further
# try waits, the wait doubling up to a cap. The counters live in the database (login_throttle),
# shared by every web process, and each try is counted by one conditional UPDATE *before* its
# password is checked, so simultaneous guesses cannot all slip past one reading of the count.


@dataclass(frozen=True)
class LoginBudget:
    free: int  # failures in a row checked without waiting
    first_wait: timedelta  # the wait after them, doubled at each further failure...
    max_wait: timedelta  # ...up to this

    def waits(self) -> list[timedelta]:
        """The wait after failure number free, free + 1, ... (then max_wait)."""
        out, wait = [], self.first_wait
        while wait < self.max_wait:
            out.append(wait)
            wait *= 2
        return out


PAIR_BUDGET = LoginBudget(5, timedelta(seconds=15), timedelta(minutes=15))  # one address, one user name
ADDRESS_BUDGET = LoginBudget(30, timedelta(seconds=15), timedelta(minutes=15))  # one address, any names
LOGIN_FORGET = timedelta(hours=1)  # a counter with no try for this long starts again from zero
_LONG_AGO = datetime(2000, 1, 1, tzinfo=timezone.utc)


def _throttle_key(name: str, ip: str) -> tuple[str, str]:
    return (ip or "?")[:64], name.strip()[:80]


def _insert_ignore(session: Session, **values) -> bool:
    """Insert the row unless its key exists (ON CONFLICT DO NOTHING, on SQLite and PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    # RETURNING, not rowcount: psycopg reports no row count for an INSERT ... ON CONFLICT here.
    t = LoginThrottle.__table__
    return session.execute(insert(t).values(**values).on_conflict_do_nothing().returning(t.c.ip)).first() is not None


def _take(session: Session, ip: str, username: str, budget: LoginBudget, now: datetime) -> bool:
    """Count one try on this counter if it may be checked now; False (nothing counted) if it must wait."""
    t = LoginThrottle

    def at(value: datetime):
        return literal(value, UTCDateTime())

    n = case((t.last_at <= now - LOGIN_FORGET, 1), else_=t.failures + 1)  # this try's number
    waits = [(n == budget.free + k, at(now + w)) for k, w in enumerate(budget.waits())]
    # Within the budget the row's free_at stays in the past: a try whose `now` was read before a
    # concurrent one's (and that waited for the lock behind it) must still find it free.
    free_at = case((n < budget.free, t.free_at), *waits, else_=at(now + budget.max_wait))
    key = (t.ip == ip, t.username == username)
    for _ in range(3):
        if _insert_ignore(session, ip=ip, username=username, failures=0, last_at=now, free_at=_LONG_AGO):
            _forget_stale(session, now)  # a new counter: keep the table to the counters in use
        # One statement reads and moves the counter: SQLite runs one writer at a time, and PostgreSQL
        # re-checks the WHERE on the row as the concurrent UPDATE before it left it.
        moved = session.execute(update(t).where(*key, t.free_at <= now)
                                .values(failures=n, last_at=now, free_at=free_at)
                                .execution_options(synchronize_session=False))
        if moved.rowcount == 1:
            return True
        if session.scalar(select(func.count()).select_from(t).where(*key)):
            return False  # the counter is there and says wait
        # A concurrent clean-up removed the (stale) counter between our insert and update: again.
    return False


def _forget_stale(session: Session, now: datetime) -> None:
    """Delete the counters untouched for LOGIN_FORGET (their waits are long over).

    Rows another transaction holds are skipped on PostgreSQL (SKIP LOCKED), so the clean-up
    never waits inside a login's transaction and cannot deadlock with one.
    """
    t = LoginThrottle
    stale = select(t.ip, t.username).where(t.last_at < now - LOGIN_FORGET).with_for_update(skip_locked=True)
    session.execute(delete(t).where(tuple_(t.ip, t.username).in_(stale))
                    .execution_options(synchronize_session=False))


def reserve_login(session: Session, name: str, ip: str, now: datetime | None = None) -> int:
    """Count a login try as failed before its password is checked; 0 if it may be checked now,
    else the seconds its address must wait (nothing counted).

    A counted try is committed at once: the count must hold, for every process, before the slow
    password check. A refused one is rolled back. A right password then takes the count back
    (login_succeeded). An empty name (no account has one) counts on the address only.
    """
    now = now or utcnow()
    ip, username = _throttle_key(name, ip)
    if (not username or _take(session, ip, username, PAIR_BUDGET, now)) \
            and _take(session, ip, "", ADDRESS_BUDGET, now):
        session.commit()
        return 0
    session.rollback()  # a refused try moves neither counter
    free_at = session.scalar(select(func.max(LoginThrottle.free_at)).where(
        LoginThrottle.ip == ip, LoginThrottle.username.in_((username, ""))))
    session.rollback()
    return max(1, math.ceil(((free_at or now) - now).total_seconds()))


def login_succeeded(session: Session, name: str, ip: str) -> None:
    """The password was right: this (address, name) starts again, and its failures (this try's
    reservation among them) no longer count against the address."""
    ip, username = _throttle_key(name, ip)
    if not username:
        return
    t = LoginThrottle
    failures = session.scalar(select(t.failures).where(t.ip == ip, t.username == username)) or 0
    session.execute(delete(t).where(t.ip == ip, t.username == username))
    session.execute(update(t).where(t.ip == ip, t.username == "")
                    .values(failures=case((t.failures > failures, t.failures - failures), else_=0))
                    .execution_options(synchronize_session=False))


# ---------------------------------------------------------------- sessions
# A signed-in browser's cookie carries a random token; user_sessions keeps its SHA-256. The user
# loader accepts the cookie only while that row exists.

SESSION_LIFETIME = timedelta(days=30)  # a session older than this ends even if never logged out


def _session_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(session: Session, user: User) -> str:
    """A new session for `user`; returns the token for the cookie."""
    now = utcnow()
    session.execute(delete(UserSession).where(UserSession.created_at < now - SESSION_LIFETIME))
    token = secrets.token_urlsafe(32)
    session.add(UserSession(id=_session_id(token), user_id=user.id, created_at=now))
    session.flush()
    return token


def session_user(session: Session, user_id: int, token: str | None) -> User | None:
    """The active user whose session this token is, or None (logged out, signed out everywhere, expired)."""
    if not token:
        return None
    return session.scalar(select(User).join(UserSession, UserSession.user_id == User.id).where(
        UserSession.id == _session_id(token), User.id == user_id, User.active.is_(True),
        UserSession.created_at >= utcnow() - SESSION_LIFETIME))


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(UserSession).where(UserSession.id == _session_id(token)))


def end_all_sessions(session: Session, user: User) -> int:
    """Sign the user out everywhere; returns how many sessions ended."""
    return session.execute(delete(UserSession).where(UserSession.user_id == user.id)).rowcount


def count_sessions(session: Session) -> dict[int, int]:
    """Open sessions per user id."""
    rows = session.execute(select(UserSession.user_id, func.count()).where(
        UserSession.created_at >= utcnow() - SESSION_LIFETIME).group_by(UserSession.user_id))
    return {uid: n for uid, n in rows}


# ---------------------------------------------------------------- users


def create_user(session: Session, name: str, password: str, role: str = "editor") -> User:
    if role not in ROLES:
        raise ReviewError("unknown role {value}; use editor or admin", value=repr(role))
    name = strip_bidi(name).strip()  # a U+202E in a name would show the audit trail's names reversed
    if not name:
        raise ReviewError("a user needs a name")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise ReviewError("user {name} already exists", name=repr(name))
    if len(password) < 8:
        raise ReviewError("passwords need at least 8 characters")
    user = User(name=name, role=role, password_hash=_password_hash(password))
    session.add(user)
    session.flush()
    return user


def change_password(session: Session, user: User, password: str) -> int:
    """Set a new password and end all the user's sessions; returns how many ended."""
    if len(password) < 8:
        raise ReviewError("passwords need at least 8 characters")
    user.password_hash = _password_hash(password)
    session.flush()
    return end_all_sessions(session, user)


def _password_hash(password: str) -> str:
    # One place picks the method and its parameters, for real hashes and the unknown names' one.
    return generate_password_hash(password)


_unknown_name_hash: str | None = None


def _unknown_hash() -> str:
    """A hash of a random password, made as a user's is: checked for unknown names."""
    global _unknown_name_hash
    if _unknown_name_hash is None:
        _unknown_name_hash = _password_hash(secrets.token_urlsafe(16))
    return _unknown_name_hash


def authenticate(session: Session, name: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.name == name.strip()))
    # Every name costs one password check, so the answer's time does not tell which names exist.
    ok = check_password_hash(user.password_hash if user is not None else _unknown_hash(), password)
    if user is None or not user.active or not ok:
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
