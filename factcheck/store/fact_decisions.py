"""A fact of a story decided at once (issue 22, build 4): the web form, the CLI and undo.

A fact is the claims of several outlets that state the same thing (store.story_facts). Deciding it
decides each claim the editor kept through review.decide, so each gets its own decision in the
audit trail with the usual version check, naming the story and the submission (``batch_id``: the
id of the submission's first decision). All or nothing: the claims are decided inside one
savepoint, and one refusal (someone else decided a claim since the editor saw it) undoes the
others before the error leaves, whatever the caller then commits.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..messages import Explained
from .db import begin_write
from .models import Claim, Decision, User
from .review import ReviewError, StaleClaim, decide, reverse
from .story_facts import CHUNK, Fact, story_facts

FACT_STATUSES = ("corroborated", "disputed", "unverifiable")


class MissingStory(ReviewError):
    def __init__(self, story_id: int) -> None:
        super().__init__("story {id} does not exist", id=story_id)


class MissingFact(ReviewError):
    """No fact of the story has this number (any more: facts merge as new reports arrive)."""

    def __init__(self, story_id: int, number: int) -> None:
        super().__init__("story {story} has no fact {fact} (its facts may have changed: reload the story)",
                         story=story_id, fact=number)


class NotInFact(ReviewError):
    """A claim named that the fact does not hold: a forged form, or a claim moved out since."""

    def __init__(self, story_id: int, number: int, claim_id: int) -> None:
        super().__init__("claim {id} is not in fact {fact} of story {story}; nothing was decided",
                         id=claim_id, fact=number, story=story_id)


class StaleFact(Explained):
    """One claim of the fact was decided by someone else since: the whole fact was refused."""

    def __init__(self, stale: StaleClaim) -> None:
        super().__init__("nothing was decided: {why}", why=stale.message)
        self.claim_id, self.by = stale.claim_id, stale.by


def find_fact(session: Session, story_id: int, number: int) -> Fact:
    facts = story_facts(session, story_id)
    if facts is None:
        raise MissingStory(story_id)
    for f in facts:
        if f.number == number:
            return f
    raise MissingFact(story_id, number)


def decide_fact(session: Session, story_id: int, number: int, user: User, status: str, note: str = "", *,
                claims: Iterable[int] | None = None, leave: Iterable[int] = (),
                versions: Mapping[int, int] | None = None, token_id: int | None = None) -> list[Decision]:
    """Decide the claims of fact `number` of the story: those in `claims` (the web form's ticked
    ones; None: all of the fact's), less those in `leave` (the CLI's), each on its version in
    `versions` (None: whatever is current, as the CLI decides); token_id: the API token used.

    Every claim named must be in the fact (NotInFact); a claim decided by someone else since
    refuses the whole fact (StaleFact) and nothing is written.
    """
    if status not in FACT_STATUSES:
        raise ReviewError("unknown status {value}; use one of {choices}", value=repr(status),
                          choices=", ".join(FACT_STATUSES))
    if claims is not None and versions is not None:
        claims = list(claims)
        for cid in claims:
            if cid not in versions:
                raise ReviewError("claim {id} has no version: reload the story and decide again", id=cid)
    # SQLite: the write lock before the first read, so the fact read and the decisions are one.
    begin_write(session)
    fact = find_fact(session, story_id, number)
    held = {s.claim_id for s in fact.said}
    chosen = list(dict.fromkeys(claims)) if claims is not None else sorted(held)
    left = set(leave)
    for cid in [*chosen, *left]:
        if cid not in held:
            raise NotInFact(story_id, number, cid)
    # In id order: two editors deciding one fact lock its claims in the same order (no deadlock).
    chosen = sorted(c for c in chosen if c not in left)
    if not chosen:
        raise ReviewError("no claim of fact {fact} is left to decide; tick at least one", fact=number)
    return _all_or_nothing(session, [
        lambda batch, cid=cid: decide(session, cid, user, status, note,
                                      expected_version=None if versions is None else versions[cid],
                                      token_id=token_id, story_id=story_id, batch_id=batch)
        for cid in chosen])


def undo_fact(session: Session, story_id: int, batch_id: int, user: User) -> list[Decision]:
    """Undo the user's submission `batch_id` on the story: each of its decisions not undone yet
    reversed by a new decision (review.reverse), all or nothing."""
    begin_write(session)
    taken = session.scalars(select(Decision).where(Decision.batch_id == batch_id, Decision.story_id == story_id,
                                                   Decision.undoes_id.is_(None))
                            .order_by(Decision.claim_id)).all()
    if not taken or any(d.user_id != user.id for d in taken):
        # Only one's own, as the claim page's undo: another editor's verdict is theirs to take back.
        raise ReviewError("story {story} has no decisions of yours numbered {batch} to undo",
                          story=story_id, batch=batch_id)
    undone = set(session.scalars(select(Decision.undoes_id).where(Decision.undoes_id.in_([d.id for d in taken]))))
    todo = [d for d in taken if d.id not in undone]
    if not todo:
        raise ReviewError("nothing to undo")
    return _all_or_nothing(session, [
        lambda batch, d=d: reverse(session, d, user, story_id=story_id, batch_id=batch) for d in todo])


def _all_or_nothing(session: Session, steps) -> list[Decision]:
    """Run each step (given the batch id, None for the first) in one savepoint; the first step's
    decision id becomes every decision's batch_id."""
    done: list[Decision] = []
    try:
        with session.begin_nested():
            for step in steps:
                d = step(done[0].id if done else None)
                done.append(d)
            done[0].batch_id = done[0].id
            session.flush()
    except StaleClaim as exc:
        raise StaleFact(exc) from exc
    return done


# ---------------------------------------------------------------- what the story page shows


@dataclass
class Tick:
    """One claim of a fact, as its checkbox shows it."""
    claim_id: int
    outlet: str
    status: str
    version: int


@dataclass
class FactForm:
    number: int
    claims: list[Tick] = field(default_factory=list)
    undo_batch: int | None = None  # the user's latest submission on this fact that undo would reverse

    @property
    def statuses(self) -> list[str]:
        return sorted({t.status for t in self.claims})


def fact_forms(session: Session, story_id: int, facts: list[Fact], user: User | None) -> dict[int, FactForm]:
    """Each fact's form by number: its claims' statuses and versions, and what "undo this fact"
    would reverse for `user` (None: nobody's, for a listing). Reads only the story's claims and
    their latest decisions."""
    said = {s.claim_id: s for f in facts for s in f.said}
    state: dict[int, tuple[str, int]] = {}
    latest: dict[int, int] = {}
    ids = sorted(said)
    for i in range(0, len(ids), CHUNK):
        part = ids[i:i + CHUNK]
        state.update({cid: (st, v) for cid, st, v in session.execute(
            select(Claim.id, Claim.status, Claim.version).where(Claim.id.in_(part)))})
        latest.update(dict(session.execute(select(Decision.claim_id, func.max(Decision.id))
                                           .where(Decision.claim_id.in_(part)).group_by(Decision.claim_id)).all()))
    # A submission can be undone while some claim's latest decision is one of it (and not an undo).
    batch_of: dict[int, int] = {}
    tops = sorted(latest.values()) if user is not None else []
    for i in range(0, len(tops), CHUNK):
        batch_of.update(dict(session.execute(
            select(Decision.claim_id, Decision.batch_id).where(
                Decision.id.in_(tops[i:i + CHUNK]), Decision.story_id == story_id, Decision.user_id == user.id,
                Decision.batch_id.is_not(None), Decision.undoes_id.is_(None))).all()))
    out: dict[int, FactForm] = {}
    for f in facts:
        form = FactForm(f.number, [Tick(s.claim_id, s.outlet, *state[s.claim_id]) for s in f.said
                                   if s.claim_id in state])
        batches = [batch_of[s.claim_id] for s in f.said if s.claim_id in batch_of]
        form.undo_batch = max(batches) if batches else None
        out[f.number] = form
    return out
