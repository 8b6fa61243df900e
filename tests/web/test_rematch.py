"""Matching a claim again from its page: what an editor does after the desk changes a threshold.

The claims are imported through the pipeline with one set of thresholds, then
matched again through the web with another, so the stored matches (both
directions) must follow the settings of the moment.
"""
from __future__ import annotations

import dataclasses
import threading
from datetime import datetime, timezone

from sqlalchemy import select

from factcheck.store.db import transaction
from factcheck.store.models import Claim, Feed, Match
from factcheck.store.pipeline import import_article

from ..conftest import csrf_token, login

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)
A = 'وقال وزير الخارجية أسعد الشيباني إن "سوريا ستعيد بناء 300 مدرسة خلال عام 2026".'
B = 'وقال وزير الخارجية أسعد الشيباني إن "سورية ستعيد بناء 300 مدرسة جديدة خلال عام 2026".'


def _import(factory, settings, **thresholds) -> tuple[int, int]:
    """Outlet A's and Outlet B's quote claims, matched with these thresholds."""
    strict = dataclasses.replace(settings, match_thresholds=thresholds)
    with transaction(factory) as s:
        import_article(s, strict, source="Outlet A", text=A, published=WHEN, language="ar")
        import_article(s, strict, source="Outlet B", text=B, published=WHEN, language="ar")
    with factory() as s:
        return tuple(s.scalar(select(Claim.id).join(Feed, Feed.id == Claim.feed_id)
                              .where(Claim.kind == "quote", Feed.name == name)) for name in ("Outlet A", "Outlet B"))


def _relation(factory, claim_id: int, other_id: int) -> str | None:
    with factory() as s:
        return s.scalar(select(Match.relation).where(Match.claim_id == claim_id, Match.other_claim_id == other_id))


def test_matching_again_from_the_page_applies_todays_thresholds_both_ways(client, factory, settings):
    a, b = _import(factory, settings, quote_same=99.0)  # a desk that once wanted identical wording only
    assert _relation(factory, a, b) != "supports" and _relation(factory, b, a) != "supports"
    page = f"/claims/{a}"
    r = client.post(f"{page}/rematch", data={"csrf_token": csrf_token(client, page)})
    assert r.status_code == 303 and r.headers["Location"].endswith(page)
    html = client.get(page).get_data(as_text=True)
    assert "matched again against the other sources" in html
    assert "same quote 96%, speaker agrees" in html
    assert _relation(factory, a, b) == "supports"
    assert _relation(factory, b, a) == "supports", "the other outlet's row towards this claim is rewritten too"


def test_a_row_the_new_matching_no_longer_backs_is_removed(client, factory, settings):
    a, b = _import(factory, settings)
    assert _relation(factory, b, a) == "supports"
    # The desk raises every bar out of reach: nothing matches any more.
    client.application.extensions["factcheck.settings"] = dataclasses.replace(
        settings, match_thresholds={"min_score": 100.0, "quote_same": 100.0, "quote_words_shared": 1.0,
                                    "same_speaker_min": 100.0})
    page = f"/claims/{a}"
    assert client.post(f"{page}/rematch", data={"csrf_token": csrf_token(client, page)}).status_code == 303
    assert _relation(factory, a, b) is None
    assert _relation(factory, b, a) is None, "a stale verdict left on the other claim would still be shown"


def test_matching_again_needs_a_login_and_a_csrf_token(app, client, factory, settings):
    a, b = _import(factory, settings)
    with transaction(factory) as s:
        s.execute(Match.__table__.delete())
    assert app.test_client().post(f"/claims/{a}/rematch").status_code == 400  # no session, no token
    assert client.post(f"/claims/{a}/rematch").status_code == 400
    assert _relation(factory, a, b) is None, "a refused request matched nothing"
    assert client.post("/claims/999999/rematch",
                       data={"csrf_token": csrf_token(client, f"/claims/{a}")}).status_code == 404


def test_the_button_and_its_notice_speak_arabic(client, factory, settings):
    a, _ = _import(factory, settings)
    client.post("/lang/ar", data={"csrf_token": csrf_token(client)})
    page = f"/claims/{a}"
    assert "أعد المطابقة" in client.get(page).get_data(as_text=True)
    client.post(f"{page}/rematch", data={"csrf_token": csrf_token(client, page)})
    assert "أعيدت مطابقته مع المصادر الأخرى" in client.get(page).get_data(as_text=True)


def test_editors_matching_one_claim_again_at_the_same_moment_all_get_the_page(app, editor, factory, settings):
    # On PostgreSQL the losers of the race on uq_matches_pair roll back and are shown the winner's
    # (identical) matches; on SQLite the writes queue. Either way nobody gets an error page.
    a, b = _import(factory, settings)
    with transaction(factory) as s:
        s.execute(Match.__table__.delete())
    clients = []
    for _ in range(4):
        c = app.test_client()
        login(c, "rana", "correct horse battery")
        clients.append((c, csrf_token(c, f"/claims/{a}")))
    start = threading.Barrier(len(clients))
    codes: list[int] = []

    def press(c, token):
        start.wait()
        codes.append(c.post(f"/claims/{a}/rematch", data={"csrf_token": token}).status_code)

    threads = [threading.Thread(target=press, args=ct) for ct in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert codes == [303] * len(clients)
    assert _relation(factory, a, b) == "supports" and _relation(factory, b, a) == "supports"
    with factory() as s:
        pairs = s.execute(select(Match.claim_id, Match.other_claim_id)).all()
    assert len(pairs) == len(set(pairs))
