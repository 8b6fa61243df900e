"""The claim page's side-by-side diff shows each outlet's own words: the other outlet's column is never
written in this claim's spelling (ترامب for its ترمب, الإثنين for its الاثنين)."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from sqlalchemy import select

from factcheck.store.db import transaction
from factcheck.match.similarity import word_diff
from factcheck.store.models import Claim, Feed
from factcheck.store.pipeline import import_article

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)
A = 'وقالت المتحدثة كارولين ليفات إن "الرئيس ترامب سيلتقي الرئيس الشرع في البيت الأبيض يوم الإثنين".'
B = 'وقالت المتحدثة كارولين ليفات إن "الرئيس ترمب سيلتقي الرئيس الشرع في البيت الأبيض يوم الاثنين".'


def test_equal_words_keep_each_sides_spelling():
    diff = word_diff("قال ترامب إن الاجتماع يوم الإثنين", "قال ترمب إن اللقاء يوم الاثنين")
    assert diff == [("equal", "قال ترامب إن"), ("spelled", "قال ترمب إن"), ("delete", "الاجتماع"),
                    ("insert", "اللقاء"), ("equal", "يوم الإثنين"), ("spelled", "يوم الاثنين")]
    # spelled alike on both sides: the part is as it always was
    assert word_diff("the bridge will reopen", "the bridge will reopen") == [("equal", "the bridge will reopen")]


def _column(page: str, side: str) -> str:
    m = re.search(rf'<div class="side {side}">.*?<p dir="auto">(.*?)</p>', page, re.S)
    assert m, f"no {side} column on the claim page"
    return m.group(1)


def test_the_other_outlets_column_shows_its_own_spelling(client, factory, settings):
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet A", text=A, published=WHEN, language="ar")
        import_article(s, settings, source="Outlet B", text=B, published=WHEN, language="ar")
    with factory() as s:
        cid = s.scalar(select(Claim.id).join(Feed, Feed.id == Claim.feed_id)
                       .where(Claim.kind == "quote", Feed.name == "Outlet A"))
    page = client.get(f"/claims/{cid}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    mine, theirs = _column(page, "mine"), _column(page, "theirs")
    assert "ترامب" in mine and "الإثنين" in mine
    assert "ترمب" in theirs and "الاثنين" in theirs
    assert "ترامب" not in theirs and "الإثنين" not in theirs
