"""Claims and matches written straight to the database.

The web tests exercise the queue, not the extractor: building rows by hand
keeps them independent of how extraction evolves, while the triggers that rank
the queue still run exactly as they do for the pipeline's writes.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.match import compare
from factcheck.store.models import Article, Claim, Feed, Match
from factcheck.store.pipeline import claim_view
from factcheck.text.normalize import normalize

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def feed(s: Session, name: str, language: str = "en") -> Feed:
    f = s.scalar(select(Feed).where(Feed.name == name))
    if f is None:
        f = Feed(name=name, url=f"import:{name}", kind="import", enabled=False, language=language)
        s.add(f)
        s.flush()
    return f


def polled_feed(factory, url: str, name: str = "Test outlet", language: str = "en") -> int:
    """A feed to poll (its own transaction); returns its id."""
    from factcheck.store.db import transaction

    with transaction(factory) as s:
        f = Feed(name=name, url=url, language=language, interval_minutes=30)
        s.add(f)
        s.flush()
        return f.id


def claim(s: Session, source: str, text: str, *, sentence: str | None = None, title: str = "An article",
          body: str | None = None, html: str | None = None, url: str | None = None, kind: str = "quote",
          speaker: str | None = "The mayor", verb: str | None = "said", language: str = "en",
          published: datetime = WHEN, date_value: str | None = None, date_text: str | None = None,
          value: float | None = None, unit: str | None = None) -> Claim:
    f = feed(s, source, language)
    sentence = sentence or f"{speaker or 'Someone'} {verb or 'said'}: \"{text}\""
    # The key as the pipeline makes one: bounded (the column is 2,000 characters, which PostgreSQL enforces).
    key = f"{source}:{title}:{text}"
    key = key if len(key) <= 200 else f"{source}:{hashlib.sha1(key.encode()).hexdigest()}"
    art = Article(feed=f, dedup_key=key, title=title, url=url, published=published,
                  language=language, text=body or sentence, html=html, content_hash=str(hash((source, text))))
    start = sentence.find(text)
    c = Claim(article=art, feed_id=f.id, published=published, language=language, kind=kind, text=text,
              sentence=sentence, start=max(start, 0), end=max(start, 0) + len(text), speaker=speaker, verb=verb,
              direct=True, date_value=date_value, date_text=date_text, value=value, unit=unit,
              norm_text=normalize(text), article_hash=art.content_hash)
    s.add(c)
    s.flush()
    return c


def _reversed(diff: list | None) -> list | None:
    """A word diff as the other claim's row holds it: what only one side says swaps sides."""
    flip = {"insert": "delete", "delete": "insert"}
    return [[flip.get(op, op), w] for op, w in diff] if diff else None


def matched(s: Session, a: Claim, b: Claim, diff: list | None = None) -> str:
    """The matcher's own verdict on two claims, stored both ways with its reasons as the pipeline
    stores them (the English text and the template the page translates); returns the relation."""
    relation = ""
    for mine, theirs, d in ((a, b, diff), (b, a, _reversed(diff))):
        r = compare(claim_view(mine), claim_view(theirs))
        assert r is not None, "the matcher sees no match"
        s.add(Match(claim_id=mine.id, other_claim_id=theirs.id, score=r.score, relation=r.relation, reason=r.reason,
                    reason_data=r.why.to_data(), diff=d if d is not None else r.diff))
        relation = r.relation
    s.flush()
    return relation


def link(s: Session, a: Claim, b: Claim, relation: str = "supports", score: float = 90.0,
         reason: str = "same words", diff: list | None = None) -> None:
    """A match stored in both directions, as the pipeline does."""
    s.add(Match(claim_id=a.id, other_claim_id=b.id, score=score, relation=relation, reason=reason, diff=diff))
    s.add(Match(claim_id=b.id, other_claim_id=a.id, score=score, relation=relation, reason=reason,
                diff=_reversed(diff)))
    s.flush()
