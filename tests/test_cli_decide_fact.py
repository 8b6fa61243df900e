"""`factcheck decide --story ID --fact N` and `--list`: a fact decided from the shell through the
same store function as the story page (issue 22, build 4)."""
from __future__ import annotations

from sqlalchemy import select

from factcheck.store.db import transaction
from factcheck.store.models import Claim, Decision
from factcheck.store.review import create_user, decide

from . import test_cli
from .test_fact_decisions import flood

cli = test_cli.cli  # the fixture: the command line on the test's database


def _statuses(factory, *ids: int) -> dict[int, str]:
    with factory() as s:
        return dict(s.execute(select(Claim.id, Claim.status).where(Claim.id.in_(ids))).all())


def test_list_shows_the_facts_by_the_numbers_decide_takes(cli, factory):
    ids = flood(factory)
    r = cli("decide", "--story", str(ids["story"]), "--list")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("fact\toutlets")
    first = lines[1].split("\t")
    # The story page's order: the figure three outlets give first, the other outlet's figure beside it.
    assert first[0] == str(ids["fact"]) and first[1] == "Outlet A, Outlet B, Outlet D"
    assert first[2] == ", ".join(f"{ids[k]} pending" for k in sorted(("a", "b", "d"), key=ids.get))
    assert first[3] == "26 killed" and first[4] == f"27 killed (fact {ids['c']})"
    assert any(line.startswith(f"{ids['c']}\tOutlet C\t") for line in lines[2:])
    missing = cli("decide", "--story", "999999", "--list")
    assert missing.exit_code == 2 and "story 999999 does not exist" in missing.output


def test_deciding_a_fact_from_the_shell_leaves_out_what_is_left_and_names_the_story(cli, factory):
    ids = flood(factory)
    with transaction(factory) as s:
        create_user(s, "mona", "long enough pw")
    r = cli("decide", "--story", str(ids["story"]), "--fact", str(ids["fact"]), "--status", "corroborated",
            "--note", "wires agree", "--leave", str(ids["d"]), "--as", "mona")
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == [f"claim {c}: corroborated (story {ids['story']}, fact {ids['fact']})"
                                     for c in sorted((ids["a"], ids["b"]))]
    assert _statuses(factory, ids["a"], ids["b"], ids["d"]) == {
        ids["a"]: "corroborated", ids["b"]: "corroborated", ids["d"]: "pending"}
    with factory() as s:
        assert {(d.claim_id, d.story_id, d.note) for d in s.scalars(select(Decision))} == {
            (ids["a"], ids["story"], "wires agree"), (ids["b"], ids["story"], "wires agree")}


def test_the_shell_is_refused_a_claim_outside_the_fact_an_unknown_fact_and_half_a_command(cli, factory):
    ids = flood(factory)
    with transaction(factory) as s:
        create_user(s, "mona", "long enough pw")
    base = ["decide", "--story", str(ids["story"]), "--status", "disputed", "--as", "mona"]
    r = cli(*base, "--fact", str(ids["fact"]), "--leave", str(ids["c"]))
    assert r.exit_code == 2 and f"claim {ids['c']} is not in fact {ids['fact']}" in r.output
    r = cli(*base, "--fact", str(ids["c"] + 500))
    assert r.exit_code == 2 and "has no fact" in r.output
    for args in (base, ["decide", "--story", str(ids["story"]), "--fact", str(ids["fact"]), "--as", "mona"],
                 ["decide", str(ids["a"]), "--fact", "1", "--status", "disputed", "--as", "mona"],
                 ["decide", "--list"]):
        r = cli(*args)
        assert r.exit_code == 2 and "Usage" in r.output, args
    assert set(_statuses(factory, ids["a"], ids["b"], ids["c"], ids["d"]).values()) == {"pending"}


def test_a_fact_another_editor_decided_a_claim_of_meanwhile_is_still_decided_whole_from_the_shell(cli, factory):
    # The shell decides on whatever is current, as `decide ID` does; the web form is the one that
    # carries the versions the editor saw.
    ids = flood(factory)
    with transaction(factory) as s:
        create_user(s, "mona", "long enough pw")
        decide(s, ids["b"], create_user(s, "sami", "another long password"), "disputed")
    r = cli("decide", "--story", str(ids["story"]), "--fact", str(ids["fact"]), "--status", "corroborated",
            "--as", "mona")
    assert r.exit_code == 0, r.output
    assert set(_statuses(factory, ids["a"], ids["b"], ids["d"]).values()) == {"corroborated"}
