"""`factcheck stories`: the stored stories listed with filters, as text or JSON (issue 22, build 6)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .support.two_events import import_two_events


@pytest.fixture
def stories(settings, factory, monkeypatch):
    """Two outlets reporting one event on 7 November, a third another event on 9 November."""
    import_two_events(settings, factory, monkeypatch)

    def run(*args: str):
        return CliRunner().invoke(main, ["stories", *args])

    return run


def _listed(run, *args: str) -> list[dict]:
    r = run("--format", "json", *args)
    assert r.exit_code == 0, r.output
    return json.loads(r.output)["stories"]


def test_stories_lists_each_event_with_its_outlets_and_counts(stories):
    got = _listed(stories)
    # The story queue's order: two outlets above one, though the one's is newer.
    assert [s["outlets"] for s in got] == [["Outlet A", "Outlet B"], ["Outlet C"]]
    shared = got[0]
    assert shared["articles"] == 2 and shared["claims"] == 4, "a quote and its year from each outlet"
    assert shared["agreeing"] == 4 and shared["diverging"] == 0, "each outlet's claims are backed by the other's"
    assert shared["first"] == "2025-11-07T10:00:00Z" and shared["last"] == "2025-11-07T12:00:00Z"
    assert "ستعيد بناء المدارس" in shared["headline"]["text"] and isinstance(shared["headline"]["claim"], int)
    text = stories()
    assert text.exit_code == 0, text.output
    assert f"story {shared['id']}  2025-11-07 10:00 – 2025-11-07 12:00  2 outlets, 2 articles" in text.output
    assert "outlets: Outlet A, Outlet B" in text.output and "ستعيد بناء المدارس" in text.output


def test_stories_filters_narrow_the_list(stories):
    assert [s["outlets"] for s in _listed(stories, "--min-outlets", "2")] == [["Outlet A", "Outlet B"]]
    assert [s["outlets"] for s in _listed(stories, "--outlet", "Outlet C")] == [["Outlet C"]]
    assert [s["outlets"] for s in _listed(stories, "--outlet", "Outlet B", "--outlet", "Outlet C")] == [
        ["Outlet A", "Outlet B"], ["Outlet C"]]
    assert [s["outlets"] for s in _listed(stories, "--since", "2025-11-08")] == [["Outlet C"]]
    assert [s["outlets"] for s in _listed(stories, "--until", "2025-11-07")] == [["Outlet A", "Outlet B"]]
    assert _listed(stories, "--since", "2025-11-08", "--until", "2025-11-08") == []
    assert [s["outlets"] for s in _listed(stories, "--limit", "1")] == [["Outlet A", "Outlet B"]]
    assert [s["outlets"] for s in _listed(stories, "--order", "newest")] == [["Outlet C"], ["Outlet A", "Outlet B"]]


@pytest.mark.parametrize("args, says", [
    (("--outlet", "Outlet Z"), "no source named 'Outlet Z'"),
    (("--since", "last week"), "the start date 'last week' is not a date"),
    (("--since", "2025-11-09", "--until", "2025-11-08"), "is before the start date"),
    (("--min-outlets", "0"), "0 is not a number of outlets"),
    (("--limit", "0"), "0 is not a limit from 1 to"),
    (("--order", "oldest"), "unknown order 'oldest'; use one of need, newest"),
])
def test_stories_refuses_a_filter_it_cannot_apply(stories, args, says):
    r = stories(*args)
    assert r.exit_code == 2 and says in r.output, r.output
