"""The printable report grouped by story (issue 22, build 6): each story's claims under a heading
with its headline claim, outlets and dates, in the story queue's order; from the CLI and the web."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.models import Article

from .conftest import AR_QUOTE


@pytest.fixture
def grouped(newsroom, factory):
    """The newsroom grouped as the pipeline groups it: the Arabic and the wire's quote support each
    other (88), one event of 7-8 November; the other links are too loose; each other article alone."""
    with transaction(factory) as s:
        stories.regroup(s, s.scalars(select(Article.id)).all())
        story_of = dict(s.execute(select(Article.url, Article.story_id)).all())
    return {"event": story_of["https://ar.example/1"], "c": story_of["https://c.example/1"],
            "december": story_of["https://ar.example/2"], **newsroom}


def _sections(html: str) -> list[tuple[str, list[int]]]:
    """(data-story, claim ids) per section of the report, in order."""
    out = []
    for m in re.finditer(r'<section class="group story" data-story="([^"]+)">(.*?)</section>', html, re.S):
        out.append((m.group(1), [int(x) for x in re.findall(r'<article class="claim" id="claim-(\d+)"', m.group(2))]))
    return out


def test_the_report_by_story_puts_each_storys_claims_under_its_heading(cli, grouped):
    r = cli("--format", "html", "--by-story")
    assert r.exit_code == 0, r.stderr
    html = r.stdout
    got = _sections(html)
    # The queue's order (the story two outlets report first, then the newest last report); the
    # disputed claim first within its story.
    assert [sid for sid, _ in got] == [str(grouped["event"]), str(grouped["december"]), str(grouped["c"])]
    event = dict(got)[str(grouped["event"])]
    assert event[0] == grouped["en_quote"], "disputed first, as the report by status orders them"
    assert sorted(event) == sorted(grouped[k] for k in ("ar_quote", "en_quote", "ar_date", "formula"))
    assert sum(len(ids) for _, ids in got) == 7, "every claim once"
    section = html[html.index(f'data-story="{grouped["event"]}"'):]
    heading = section[:section.index("<article")]
    assert f"Story {grouped['event']}" in heading and AR_QUOTE in heading, "the headline claim: the one most outlets back"
    assert "Wire EN, الجزيرة" in heading and "Agreeing 2 · Diverging 0" in heading
    assert "7 Nov 2025, 22:13 UTC" in heading and "8 Nov 2025, 09:00 UTC" in heading, "from its first report to its last"
    assert "Disputed" in section[:section.index("</article>")], "each claim says its status"


def test_filters_keep_the_stories_holding_a_claim_they_keep_and_only_those_claims(cli, grouped):
    html = cli("--format", "html", "--by-story", "--status", "disputed").stdout
    assert _sections(html) == [(str(grouped["event"]), [grouped["en_quote"]])]
    html = cli("--format", "html", "--by-story", "--status", "pending", "--source", "Outlet C").stdout
    assert _sections(html) == [(str(grouped["c"]), [grouped["c_quote"]])]


def test_claims_in_no_story_come_last_under_their_own_heading(cli, newsroom):
    html = cli("--format", "html", "--by-story").stdout
    got = _sections(html)
    assert [sid for sid, _ in got] == ["none"] and len(got[0][1]) == 7
    assert "Claims in no story" in html


def test_by_story_is_for_the_printable_report_only(cli, newsroom, tmp_path):
    out = tmp_path / "claims.csv"
    r = cli("--format", "csv", "--by-story", "--out", str(out))
    assert r.exit_code == 2 and "only the printable report (html) is grouped by story" in r.stderr
    assert not out.exists()


def test_the_web_export_groups_by_story_in_the_editors_language(client, grouped):
    assert 'name="group" value="story"' in client.get("/exports").get_data(as_text=True)
    client.set_cookie("lang", "ar")
    r = client.get("/exports/download?format=html&group=story")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert [sid for sid, _ in _sections(html)] == [str(grouped["event"]), str(grouped["december"]), str(grouped["c"])]
    assert f"القصة {grouped['event']}" in html and "وسائل الإعلام" in html
    for query, says in (("format=html&group=outlet", "تجميع غير معروف"), ("format=csv&group=story", "وحده يُجمَّع")):
        bad = client.get(f"/exports/download?{query}")
        assert bad.status_code == 400 and says in bad.get_data(as_text=True), query
