"""The pre-filter key stored in claims.match_key (migration 0007): the same string the matcher works out."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.orm import defer

from factcheck.store import retrieval
from factcheck.config import ROOT
from factcheck.store.db import transaction
from factcheck.match.similarity import content, prefilter_key, stems, stored_prefilter_key, stored_tokens
from factcheck.store.models import Claim
from tests.match.labelled import load_pairs
from tests.match.test_retrieval import _store


def _alembic(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def test_stored_key_is_what_the_matcher_scores():
    text_ = "قال الرئيس إن \"المحادثات في جنيف كانت مثمرة\" يوم الاثنين"
    sentence = "وقال الرئيس الفرنسي إيمانويل ماكرون إن المحادثات في جنيف كانت مثمرة."
    key = stored_tokens(text_, sentence)
    assert key.count("\t") == 2
    expected = " ".join(content(stems(text_))) + " " + " ".join(content(stems(sentence)))
    assert stored_prefilter_key(key) == expected == prefilter_key(stems(text_), stems(sentence))
    # A key written before 0007 (two fields) gives the same pre-filter key.
    assert stored_prefilter_key("\t".join(key.split("\t")[:2])) == expected


def test_migration_0007_adds_the_key_to_stored_claims_and_its_downgrade_removes_it(factory, database_url):
    with transaction(factory) as s:
        _store(s, load_pairs()[:15])
        current = dict(s.execute(text("SELECT id, match_key FROM claims")).all())
    assert current and all(k.count("\t") == 2 for k in current.values())
    cfg = _alembic(database_url)
    command.downgrade(cfg, "0006")
    with transaction(factory) as s:
        old = dict(s.execute(text("SELECT id, match_key FROM claims")).all())
    assert old == {cid: "\t".join(k.split("\t")[:2]) for cid, k in current.items()}
    # limit=3: the pool is cut by the pre-filter score, read from the stored keys. (At 0006 the
    # claims have no article_hash (0009) nor event_day (0013) yet: the model's columns are left
    # unread, and the claim, detached, dates no event.)
    def old_claim(s, cid):
        claim = s.get(Claim, cid, options=[defer(Claim.article_hash), defer(Claim.event_day)])
        s.expunge(claim)
        claim.event_day = None
        return claim

    with transaction(factory) as s:
        ranked_old = {cid: retrieval.candidate_ids(s, old_claim(s, cid), window_days=14, limit=3) for cid in old}
    command.upgrade(cfg, "head")
    with transaction(factory) as s:
        assert dict(s.execute(text("SELECT id, match_key FROM claims")).all()) == current
        ranked_new = {cid: retrieval.candidate_ids(s, s.get(Claim, cid), window_days=14, limit=3) for cid in old}
    assert ranked_new == ranked_old and any(ranked_new.values())


def test_kept_scores_are_those_of_a_fresh_scoring_whatever_came_before():
    # Retrieval's re-rank and the matcher score one query in turn; the second call reuses the
    # first's scores. Other queries, other threads and keys new to the query must not mix in.
    from concurrent.futures import ThreadPoolExecutor

    from rapidfuzz import fuzz

    from factcheck.match.similarity import distinct_scores

    a = "قال وزير الداخلية إن الحملة أسفرت عن توقيف ثلاثة أشخاص"
    b = "the interior minister said the campaign led to three arrests"
    keys = ["وزير الداخلية الحملة توقيف", "الحملة أسفرت عن توقيف خمسة", "the campaign three arrests", ""]

    def fresh(query, ks):
        return [fuzz.token_set_ratio(query, k, processor=None) for k in ks]

    for query, ks in ((a, keys[:2]), (a, keys), (b, keys[1:]), (a, keys[::-1]), (b, keys)):
        assert distinct_scores(query, ks) == fresh(query, ks)
    with ThreadPoolExecutor(2) as pool:
        got = list(pool.map(lambda q: distinct_scores(q, keys), [a, b, a, b]))
    assert got == [fresh(q, keys) for q in (a, b, a, b)]
    assert fresh(a, keys) != fresh(b, keys)  # the two queries score differently, so a mix-up shows
