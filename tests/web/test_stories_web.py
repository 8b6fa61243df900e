"""The story queue over the real app: one row per event, its outlets and what they agree or differ on (issue 22)."""
from __future__ import annotations

import re
from datetime import timedelta

from factcheck.store import stories
from factcheck.store.db import transaction

from . import data


def _event(factory):
    with transaction(factory) as s:
        a = data.claim(s, "Outlet A", "26 people were killed in the floods.", value=26, unit="killed")
        b = data.claim(s, "Outlet B", "26 people were killed in the floods.", value=26, unit="killed",
                       published=data.WHEN + timedelta(hours=1))
        c = data.claim(s, "Outlet C", "27 people were killed in the floods.", value=27, unit="killed",
                       published=data.WHEN + timedelta(hours=2))
        data.link(s, a, b, "supports")
        data.link(s, a, c, "conflicts")
        data.link(s, b, c, "conflicts")
        # Another event, days later, one outlet alone.
        lone = data.claim(s, "Outlet D", "The museum opens a new wing.", published=data.WHEN + timedelta(days=5))
        stories.regroup(s, [a.article_id, b.article_id, c.article_id, lone.article_id])
        return a.id, lone.id


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr class="row[^"]*" data-href="[^"]*" data-id="\d+">.*?</tr>', html, re.S)


def test_the_story_queue_shows_one_row_per_event_with_its_outlets_and_divergence(client, factory):
    first, lone = _event(factory)
    resp = client.get("/stories")
    assert resp.status_code == 200
    rows = _rows(resp.get_data(as_text=True))
    assert len(rows) == 2, rows
    flood, newest = rows  # the contradicted story first, though the museum's report is newer
    assert "museum" in newest and "1 outlet" in newest
    assert _rows(client.get("/stories?order=newest").get_data(as_text=True)) == [newest, flood]
    assert "has-conflict" in flood and "has-conflict" not in newest
    assert "3 outlets" in flood
    for outlet in ("Outlet A", "Outlet B", "Outlet C"):
        assert outlet in flood
    # A and B agree with each other; all three are contradicted by another outlet.
    assert re.search(r'class="n-agreeing">2<', flood)
    assert re.search(r'class="n-diverging"><span class="rel conflicts">3<', flood)
    assert "killed in the floods" in flood and "/claims/" in flood


def test_the_story_queue_pages_and_refuses_bad_pages(client, factory):
    _event(factory)
    assert client.get("/stories?page=2").status_code == 200
    assert "No stories yet." in client.get("/stories?page=2").get_data(as_text=True)
    for bad in ("0", "x", "1001", "-1"):
        resp = client.get(f"/stories?page={bad}")
        assert resp.status_code == 400, bad
        assert "page" in resp.get_data(as_text=True)
    for bad in ("oldest", "NEWEST", "need\r\n", "²", "x" * 5000):
        resp = client.get("/stories", query_string={"order": bad})
        assert resp.status_code == 400, bad
        assert "unknown order" in resp.get_data(as_text=True) and "need, newest" in resp.get_data(as_text=True)
    # The order is kept from page to page.
    pager = re.search(r'<nav class="pager">(.*?)</nav>', client.get("/stories?order=newest&page=2").get_data(as_text=True),
                      re.S).group(1)
    assert "page=1" in pager and "order=newest" in pager and "Newer" in pager


def test_the_story_queue_is_in_arabic_for_an_arabic_reader(client, factory):
    _event(factory)
    client.set_cookie("lang", "ar")
    html = client.get("/stories").get_data(as_text=True)
    assert 'dir="rtl"' in html and "الادعاء الرئيسي" in html and "3 وسائل" in html


def _story_id(factory, claim_id: int) -> int:
    from factcheck.store.models import Article, Claim

    with factory() as s:
        return s.get(Article, s.get(Claim, claim_id).article_id).story_id


def test_the_story_page_shows_a_diverging_figure_beside_the_agreeing_outlets(client, factory):
    first, _lone = _event(factory)
    sid = _story_id(factory, first)
    html = client.get(f"/stories/{sid}").get_data(as_text=True)
    facts = re.findall(r'<tr class="row fact[^"]*".*?</tr>', html, re.S)
    assert facts, html
    # Contradicted facts first: the 26 of two outlets, and beside it the one outlet that says 27.
    agree, diverge = re.search(r'<td class="agree"[^>]*>(.*?)</td>\s*<td class="diverge"[^>]*>(.*?)</td>',
                               facts[0], re.S).groups()
    assert "2 outlets: 26 killed" in agree and "Outlet A" in agree and "Outlet B" in agree
    assert "Outlet C" not in agree
    assert "1 outlet: 27 killed" in diverge and "Outlet C" in diverge
    assert "27 people were killed" in diverge and "/claims/" in diverge
    assert f'href="/stories/{sid}"' in client.get("/stories").get_data(as_text=True)


def test_an_unknown_story_is_404_and_a_bad_id_refused(client, factory):
    _event(factory)
    assert client.get("/stories/999999").status_code == 404
    assert client.get("/stories/abc").status_code == 404
    assert client.get("/stories/" + "9" * 40).status_code in (400, 404)


def test_the_home_page_is_the_story_queue_with_the_claim_queue_one_click_away(client, factory):
    _event(factory)
    resp = client.get("/")
    assert resp.status_code in (302, 303) and resp.headers["Location"].endswith("/stories")
    html = client.get("/stories").get_data(as_text=True)
    assert 'href="/queue"' in html
