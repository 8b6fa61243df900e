"""A fact of a story decided at once (issue 22, build 4), at the store: every claim its own decision
naming the story, all or nothing, a claim left out untouched, two editors at once, undo of the fact."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.fact_decisions import (MissingFact, NotInFact, StaleFact, decide_fact, fact_forms, find_fact,
                                            undo_fact)
from factcheck.store.models import Article, Claim, Decision, User
from factcheck.store.reports import iter_claim_rows
from factcheck.store.review import create_user, decide, undo
from factcheck.store.story_facts import story_facts

from .web import data


def flood(factory) -> dict[str, int]:
    """One event: three outlets say 26 were killed (A, B, D), a fourth (C) says 27; and the story's id."""
    with transaction(factory) as s:
        a = data.claim(s, "Outlet A", "26 people were killed in the floods.", kind="figure", value=26, unit="killed")
        b = data.claim(s, "Outlet B", "26 people were killed in the floods.", kind="figure", value=26, unit="killed",
                       published=data.WHEN + timedelta(hours=1))
        d = data.claim(s, "Outlet D", "The floods killed 26 people.", kind="figure", value=26, unit="killed",
                       published=data.WHEN + timedelta(hours=2))
        c = data.claim(s, "Outlet C", "27 people were killed in the floods.", kind="figure", value=27, unit="killed",
                       published=data.WHEN + timedelta(hours=3))
        data.link(s, a, b, "supports")
        data.link(s, b, d, "supports")
        for x in (a, b, d):
            data.link(s, x, c, "conflicts")
        stories.regroup(s, [a.article_id, b.article_id, c.article_id, d.article_id])
        sid = s.scalar(select(Article.story_id).where(Article.id == a.article_id))
        assert sid is not None
        return dict(a=a.id, b=b.id, c=c.id, d=d.id, story=sid, fact=min(a.id, b.id, d.id))


def _user(s, name: str) -> User:
    return s.scalar(select(User).where(User.name == name))


def _state(factory, *ids: int) -> dict[int, tuple[str, int]]:
    with factory() as s:
        return {cid: (st, v) for cid, st, v in s.execute(select(Claim.id, Claim.status, Claim.version)
                                                          .where(Claim.id.in_(ids)))}


@pytest.fixture
def two_editors(factory):
    with transaction(factory) as s:
        create_user(s, "rana", "correct horse battery")
        create_user(s, "sami", "another long password")


def test_the_fact_is_numbered_by_its_first_claim_and_holds_the_agreeing_outlets(factory):
    ids = flood(factory)
    with factory() as s:
        fact = find_fact(s, ids["story"], ids["fact"])
        assert sorted(x.claim_id for x in fact.said) == sorted([ids["a"], ids["b"], ids["d"]])
        assert [[x.claim_id for x in o] for o in fact.others] == [[ids["c"]]]
        # The number stays when a newer report joins the fact.
        late = data.claim(s, "Outlet E", "26 people were killed in the floods.", kind="figure", value=26,
                          unit="killed", published=data.WHEN + timedelta(hours=4))
        data.link(s, late, s.get(Claim, ids["a"]), "supports")
        stories.regroup(s, [late.article_id])
        s.commit()
        assert late.id in {x.claim_id for x in find_fact(s, ids["story"], ids["fact"]).said}


def test_each_claim_of_the_fact_gets_its_own_decision_naming_the_story(factory, two_editors):
    ids = flood(factory)
    with transaction(factory) as s:
        done = decide_fact(s, ids["story"], ids["fact"], _user(s, "rana"), "corroborated", "three outlets agree")
        assert sorted(d.claim_id for d in done) == sorted([ids["a"], ids["b"], ids["d"]])
    with factory() as s:
        rows = s.scalars(select(Decision).order_by(Decision.id)).all()
        assert [(r.claim_id, r.status, r.previous_status, r.note, r.story_id) for r in rows] == [
            (cid, "corroborated", "pending", "three outlets agree", ids["story"]) for cid in sorted([ids["a"], ids["b"], ids["d"]])]
        assert len({r.batch_id for r in rows}) == 1 and rows[0].batch_id == rows[0].id
    st = _state(factory, ids["a"], ids["b"], ids["c"], ids["d"])
    assert st[ids["c"]] == ("pending", 1), "the outlet giving another figure is another fact"
    assert {st[k] for k in ("a", "b", "d") for k in [ids[k]]} == {("corroborated", 2)}


def test_the_exported_history_says_which_decisions_were_made_on_the_story(factory, two_editors):
    ids = flood(factory)
    with transaction(factory) as s:
        decide_fact(s, ids["story"], ids["fact"], _user(s, "rana"), "corroborated")
        decide(s, ids["c"], _user(s, "sami"), "disputed")
    with factory() as s:
        rows = {r["id"]: r for r in iter_claim_rows(s)}
    assert [d["story_id"] for d in rows[ids["a"]]["decisions"]] == [ids["story"]]
    assert [d["story_id"] for d in rows[ids["c"]]["decisions"]] == [None], "decided on its own page"


def test_a_claim_left_out_is_untouched(factory, two_editors):
    ids = flood(factory)
    with transaction(factory) as s:
        decide_fact(s, ids["story"], ids["fact"], _user(s, "rana"), "disputed", leave=[ids["d"]])
    st = _state(factory, ids["a"], ids["b"], ids["d"])
    assert st[ids["a"]] == st[ids["b"]] == ("disputed", 2)
    assert st[ids["d"]] == ("pending", 1)
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Decision).where(Decision.claim_id == ids["d"])) == 0
    # The web form's way: only the ticked claims.
    with transaction(factory) as s:
        done = decide_fact(s, ids["story"], ids["fact"], _user(s, "sami"), "unverifiable", claims=[ids["d"]],
                           versions={ids["d"]: 1})
        assert [d.claim_id for d in done] == [ids["d"]]
    assert _state(factory, ids["a"])[ids["a"]] == ("disputed", 2)


def test_a_stale_claim_refuses_the_whole_fact_naming_the_claim_and_who_changed_it(factory, two_editors):
    ids = flood(factory)
    seen = _state(factory, ids["a"], ids["b"], ids["d"])  # the page as rana loaded it
    with transaction(factory) as s:
        decide(s, ids["b"], _user(s, "sami"), "disputed", expected_version=1)
    with factory() as s:
        with pytest.raises(StaleFact) as err:
            decide_fact(s, ids["story"], ids["fact"], _user(s, "rana"), "corroborated",
                        claims=[ids["a"], ids["b"], ids["d"]], versions={c: v for c, (_, v) in seen.items()})
        s.commit()  # even a caller that commits after the refusal writes nothing
    assert err.value.claim_id == ids["b"] and err.value.by == "sami"
    assert f"claim {ids['b']} was changed by sami" in str(err.value) and "nothing was decided" in str(err.value)
    st = _state(factory, ids["a"], ids["b"], ids["d"])
    assert st == {ids["a"]: ("pending", 1), ids["b"]: ("disputed", 2), ids["d"]: ("pending", 1)}
    with factory() as s:
        assert [(d.claim_id, d.user.name) for d in s.scalars(select(Decision))] == [(ids["b"], "sami")]


def test_a_claim_not_in_the_fact_is_refused_and_nothing_decided(factory, two_editors):
    ids = flood(factory)
    with factory() as s:
        for claims, leave in (([ids["a"], ids["c"]], ()), (None, [ids["c"]])):
            with pytest.raises(NotInFact):
                decide_fact(s, ids["story"], ids["fact"], _user(s, "rana"), "corroborated", claims=claims,
                            leave=leave)
            s.rollback()
        with pytest.raises(MissingFact):
            decide_fact(s, ids["story"], ids["c"] + 1000, _user(s, "rana"), "corroborated")
        s.rollback()
        assert s.scalar(select(func.count()).select_from(Decision)) == 0


def test_two_editors_deciding_the_same_fact_at_once_one_wins_the_other_is_told(factory, two_editors):
    ids = flood(factory)
    seen = {c: v for c, (_, v) in _state(factory, ids["a"], ids["b"], ids["d"]).items()}
    start = threading.Barrier(2)
    outcome: dict[str, object] = {}

    def editor(name: str, status: str) -> None:
        s = factory()
        try:
            user = _user(s, name)
            s.rollback()  # both start from the same page and version, and only then decide
            start.wait()
            decide_fact(s, ids["story"], ids["fact"], user, status, claims=list(seen), versions=seen)
            s.commit()
            outcome[name] = "decided"
        except StaleFact as exc:
            s.rollback()
            outcome[name] = exc
        finally:
            s.close()

    threads = [threading.Thread(target=editor, args=a) for a in (("rana", "corroborated"), ("sami", "disputed"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    winners = [n for n, o in outcome.items() if o == "decided"]
    assert len(winners) == 1, outcome
    loser = next(n for n in outcome if n not in winners)
    assert outcome[loser].by == winners[0] and f"changed by {winners[0]}" in str(outcome[loser])
    with factory() as s:
        rows = s.execute(select(Decision.claim_id, User.name).join(User, User.id == Decision.user_id)).all()
    assert sorted(rows) == sorted((c, winners[0]) for c in seen), "the loser wrote nothing"


def test_undo_this_fact_reverses_that_submission_as_new_decisions(factory, two_editors):
    ids = flood(factory)
    with transaction(factory) as s:
        batch = decide_fact(s, ids["story"], ids["fact"], _user(s, "rana"), "corroborated")[0].batch_id
    with factory() as s:
        facts = story_facts(s, ids["story"])
        assert fact_forms(s, ids["story"], facts, _user(s, "rana"))[ids["fact"]].undo_batch == batch
        assert fact_forms(s, ids["story"], facts, _user(s, "sami"))[ids["fact"]].undo_batch is None
    with transaction(factory) as s:
        with pytest.raises(Exception, match="no decisions of yours"):
            undo_fact(s, ids["story"], batch, _user(s, "sami"))
    with transaction(factory) as s:
        undone = undo_fact(s, ids["story"], batch, _user(s, "rana"))
        assert sorted(d.claim_id for d in undone) == sorted([ids["a"], ids["b"], ids["d"]])
    st = _state(factory, ids["a"], ids["b"], ids["d"])
    assert {v for v in st.values()} == {("pending", 3)}
    with factory() as s:
        rows = s.scalars(select(Decision).order_by(Decision.id)).all()
        assert len(rows) == 6, "three decisions and three undos, nothing deleted"
        assert {r.undoes_id for r in rows[3:]} == {r.id for r in rows[:3]}
        assert all(r.story_id == ids["story"] for r in rows)
        assert fact_forms(s, ids["story"], story_facts(s, ids["story"]), _user(s, "rana"))[ids["fact"]].undo_batch is None
    with transaction(factory) as s:
        with pytest.raises(Exception, match="nothing to undo"):
            undo_fact(s, ids["story"], batch, _user(s, "rana"))


def test_undo_of_a_fact_someone_changed_since_is_refused_whole(factory, two_editors):
    ids = flood(factory)
    with transaction(factory) as s:
        batch = decide_fact(s, ids["story"], ids["fact"], _user(s, "rana"), "corroborated")[0].batch_id
    with transaction(factory) as s:
        decide(s, ids["d"], _user(s, "sami"), "disputed")
    with factory() as s:
        with pytest.raises(StaleFact, match="changed by sami"):
            undo_fact(s, ids["story"], batch, _user(s, "rana"))
        s.commit()
    st = _state(factory, ids["a"], ids["b"], ids["d"])
    assert st == {ids["a"]: ("corroborated", 2), ids["b"]: ("corroborated", 2), ids["d"]: ("disputed", 3)}


def test_the_claim_pages_undo_still_takes_back_one_claim_of_a_fact(factory, two_editors):
    ids = flood(factory)
    with transaction(factory) as s:
        done = decide_fact(s, ids["story"], ids["fact"], _user(s, "rana"), "corroborated")
    last = done[-1].claim_id
    with transaction(factory) as s:
        assert undo(s, _user(s, "rana")).claim_id == last
    st = _state(factory, ids["a"], ids["b"], ids["d"])
    assert st[last] == ("pending", 3)
    assert sorted(c for c, (status, _) in st.items() if status == "corroborated") == sorted(
        set([ids["a"], ids["b"], ids["d"]]) - {last})
