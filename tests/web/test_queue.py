"""The queue: order, filters, counts, pagination, bad input."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from factcheck.store.db import transaction
from factcheck.store.models import Claim, Decision
from factcheck.store.review import decide

from . import data
from .data import WHEN


def _ids_in_order(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'<tr class="row[^"]*"[^>]*data-id="(\d+)"', html)]


def _desk(factory):
    """Five claims: a conflict, one with two other outlets, one with one, and two lonely ones of different ages."""
    with transaction(factory) as s:
        lonely_old = data.claim(s, "A", "Prices rose by ten percent.", published=WHEN - timedelta(days=2))
        lonely_new = data.claim(s, "A", "The port will close on Friday.", published=WHEN)
        two = data.claim(s, "A", "The bridge reopens on Monday.", published=WHEN - timedelta(days=3))
        two_b = data.claim(s, "B", "The bridge reopens on Monday.", published=WHEN - timedelta(days=3))
        two_c = data.claim(s, "C", "The bridge reopens on Monday.", published=WHEN - timedelta(days=3))
        data.link(s, two, two_b)
        data.link(s, two, two_c)
        conflict = data.claim(s, "A", "Three people were arrested.", kind="figure", value=3, unit="people",
                              published=WHEN - timedelta(days=5))
        other = data.claim(s, "D", "Five people were arrested.", kind="figure", value=5, unit="people",
                           published=WHEN - timedelta(days=5))
        data.link(s, conflict, other, "conflicts", 80, "figures differ: 3 vs 5")
        return dict(lonely_old=lonely_old.id, lonely_new=lonely_new.id, two=two.id, two_b=two_b.id,
                    two_c=two_c.id, conflict=conflict.id, other=other.id)


def test_conflicts_first_then_most_sources_then_newest(client, factory):
    ids = _desk(factory)
    order = _ids_in_order(client.get("/queue").get_data(as_text=True))
    assert order[:2] == sorted([ids["conflict"], ids["other"]], reverse=True), "both sides of the conflict lead"
    assert order[2] == ids["two"], "then the claim two other outlets reported"
    assert order.index(ids["lonely_new"]) < order.index(ids["lonely_old"]), "lonely claims newest first"


def test_ranking_follows_matches_written_later(client, factory):
    """The rank columns are kept by the database: a match added afterwards moves the claim up."""
    ids = _desk(factory)
    with transaction(factory) as s:
        late = data.claim(s, "E", "Prices rose by ten percent.")
        data.link(s, s.get(Claim, ids["lonely_old"]), late, "conflicts", 70, "figures differ")
    order = _ids_in_order(client.get("/queue").get_data(as_text=True))
    assert order.index(ids["lonely_old"]) < order.index(ids["two"])


def test_filters(client, factory):
    ids = _desk(factory)
    with transaction(factory) as s:
        ar = data.claim(s, "عنب بلدي", "أعلنت الوزارة إغلاق المعبر", speaker="وزير الداخلية", language="ar")
        ar_id, ar_feed = ar.id, ar.feed_id
    get = lambda q: _ids_in_order(client.get("/queue?" + q).get_data(as_text=True))  # noqa: E731
    assert set(get("kind=figure")) == {ids["conflict"], ids["other"]}
    assert get(f"source={ar_feed}") == [ar_id]
    assert get("language=ar") == [ar_id]
    assert get("speaker=%D9%88%D8%B2%D9%8A%D8%B1") == [ar_id]  # "وزير"
    # Free text folded as in matching: hamza-less alef and no diacritics still find "أعلنت ... إغلاق".
    assert get("q=" + "اعلنت الوزاره اغلاق") == [ar_id]
    assert set(get("q=BRIDGE")) == {ids["two"], ids["two_b"], ids["two_c"]}
    assert set(get("from=2025-11-06&to=2025-11-07")) >= {ids["lonely_new"], ar_id}
    assert ids["conflict"] not in get("from=2025-11-06&to=2025-11-07")


def test_counts_at_the_top(client, factory, editor):
    ids = _desk(factory)
    with transaction(factory) as s:
        from factcheck.store.models import User
        u = s.get(User, editor.id)
        decide(s, ids["two"], u, "corroborated")
        decide(s, ids["conflict"], u, "disputed")
        decide(s, ids["other"], u, "disputed")
    html = client.get("/queue").get_data(as_text=True)
    assert re.search(r'id="count-pending">4<', html)
    assert re.search(r'id="count-corroborated">1<', html)
    assert re.search(r'id="count-disputed">2<', html)


def test_keyset_pages_cover_everything_once(client, factory):
    with transaction(factory) as s:
        made = [data.claim(s, "A", f"Claim number {i}", published=WHEN - timedelta(minutes=i)).id
                for i in range(120)]
    seen, url = [], "/queue"
    for _ in range(5):
        html = client.get(url).get_data(as_text=True)
        seen += _ids_in_order(html)
        m = re.search(r'rel="next" href="([^"]+)"', html)
        if not m:
            break
        url = m.group(1).replace("&amp;", "&")
    assert seen == made, "newest first, no claim twice, none lost across pages"


def test_bad_queue_input_is_a_clear_400(client, factory):
    _desk(factory)
    for q in ("page=-1", "page=1000000000", "page=abc", "status=burn", "kind=rumour", "from=yesterday",
              "source=x", "after=999999999", "q=" + "x" * 500):
        r = client.get("/queue?" + q)
        assert r.status_code == 400, q
    assert client.get("/queue?page=2").status_code == 200


def test_bulk_decide_goes_through_version_checks(client, factory):
    ids = _desk(factory)
    from ..conftest import csrf_token
    token = csrf_token(client)
    with transaction(factory) as s:  # someone decides one of them first
        from factcheck.store.review import create_user
        other = create_user(s, "omar", "another long password")
        decide(s, ids["lonely_old"], other, "unverifiable")
    r = client.post("/queue/decide", data={
        "csrf_token": token, "status": "corroborated", "note": "wire copy",
        "claim": [str(ids["two"]), str(ids["two_b"]), str(ids["lonely_old"])],
        f"v{ids['two']}": "1", f"v{ids['two_b']}": "1", f"v{ids['lonely_old']}": "1"}, follow_redirects=True)
    html = r.get_data(as_text=True)
    assert "changed by omar a moment ago" in html
    with factory() as s:
        assert s.get(Claim, ids["two"]).status == "corroborated"
        assert s.get(Claim, ids["two_b"]).status == "corroborated"
        assert s.get(Claim, ids["lonely_old"]).status == "unverifiable"
        notes = s.scalars(select(Decision.note).where(Decision.status == "corroborated")).all()
        assert notes == ["wire copy", "wire copy"]


def test_bulk_decide_bad_input(client, factory):
    ids = _desk(factory)
    from ..conftest import csrf_token
    token = csrf_token(client)
    assert client.post("/queue/decide", data={"csrf_token": token, "status": "burn",
                                              "claim": [str(ids["two"])]}).status_code == 400
    assert client.post("/queue/decide", data={"csrf_token": token, "status": "disputed"}).status_code == 400
    assert client.post("/queue/decide", data={"status": "disputed", "claim": [str(ids["two"])]}).status_code == 400
    with factory() as s:
        assert s.scalar(select(func.count(Decision.id))) == 0


def test_dashboard_draws_claims_per_day_and_source_as_svg(client, factory):
    from factcheck.store.models import utcnow
    with transaction(factory) as s:
        for i in range(3):
            data.claim(s, "Outlet A", f"Today's claim {i}", published=utcnow())
        data.claim(s, "Outlet B", "Yesterday's claim", published=utcnow() - timedelta(days=1))
    r = client.get("/dashboard")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<script" not in html.split("<main>")[1]
    today = utcnow().date().isoformat()
    assert f"<title>{today} · pending: 3</title>" in html
    assert "<title>Outlet A: 3</title>" in html and "<title>Outlet B: 1</title>" in html


def test_dashboard_of_an_archive_ends_at_its_newest_claim(client, factory):
    # Claims from a year ago (an imported archive, the bundled samples) still show:
    # the window ends at the newest claim, not at today.
    from datetime import datetime, timezone

    old = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)
    with transaction(factory) as s:
        data.claim(s, "Outlet A", "An old claim", published=old)
        data.claim(s, "Outlet A", "Another old claim", published=old - timedelta(days=2))
        data.claim(s, "Outlet B", "Out of the window", published=old - timedelta(days=40))
    html = client.get("/dashboard").get_data(as_text=True)
    assert "<title>2025-11-07 · pending: 1</title>" in html
    assert "<title>2025-11-05 · pending: 1</title>" in html
    assert "<title>Outlet A: 2</title>" in html and "Outlet B:" not in html
    # and it says which days it counts
    assert "Claims published in the last 14 days up to the newest claim, 2025-10-25 to 2025-11-07." in html
    wider = client.get("/dashboard?days=90").get_data(as_text=True)
    assert "last 90 days" in wider and "<title>Outlet B: 1</title>" in wider
