"""A small newsroom built row by row on the real schema: two languages, every status,
matches both ways and decisions at known times. Built directly (not through the
extractor) so the export tests say what they check whatever the extractor finds."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from factcheck.cli import main
from factcheck.store.db import transaction
from factcheck.store.models import Article, Claim, Decision, Feed, Match, User
from factcheck.store.review import create_user, decide


def at(s: str) -> datetime:
    return datetime.fromisoformat(s).replace(tzinfo=timezone.utc)


AR_QUOTE = "الحرب على الإرهاب تبقى أولوية أمنية لفرنسا"
AR_SPEAKER = "الرئيس الفرنسي إيمانويل ماكرون"
AR_NOTE = "أكدته ثلاثة مصادر مستقلة"
EN_QUOTE = "The war on terror remains France's top security priority, and it will stay so for as long as needed"
EN_NOTE = "Wording differs from the Élysée transcript"


@pytest.fixture
def newsroom(factory, editor):
    """Ids of the claims by name; editors rana (the logged-in client) and mona."""
    with transaction(factory) as s:
        mona = create_user(s, "mona", "another long password", "editor")
        rana = s.scalar(select(User).where(User.name == "rana"))
        ar = Feed(name="الجزيرة", url="import:الجزيرة", kind="import", enabled=False, language="ar")
        en = Feed(name="Wire EN", url="https://wire.example/rss", kind="feed", language="en")
        c3 = Feed(name="Outlet C", url="https://c.example/rss", kind="feed", language="en")
        s.add_all([ar, en, c3])
        s.flush()

        def article(feed, title, url, published, lang, text=""):
            a = Article(feed=feed, dedup_key=url, url=url, title=title, published=at(published), language=lang,
                        text=text, content_hash=url)
            s.add(a)
            s.flush()
            return a

        a_ar = article(ar, "ماكرون: الحرب على الإرهاب أولوية", "https://ar.example/1", "2025-11-07T22:13", "ar")
        a_en = article(en, "Macron on terror", "https://wire.example/1", "2025-11-08T09:00", "en")
        a_c = article(c3, "France's priorities", "https://c.example/1", "2025-11-08T12:00", "en")
        a_dec = article(ar, "تقرير كانون الأول", "https://ar.example/2", "2025-12-02T08:00", "ar")

        def claim(a, kind, text, **kw):
            c = Claim(article=a, feed_id=a.feed_id, published=a.published, language=a.language, kind=kind, text=text,
                      sentence=kw.pop("sentence", text), **kw)
            s.add(c)
            s.flush()
            return c

        ids = {}
        ids["ar_quote"] = claim(a_ar, "quote", AR_QUOTE, speaker=AR_SPEAKER, verb="قال", direct=True,
                                sentence=f"وقال {AR_SPEAKER}: «{AR_QUOTE}».").id
        ids["en_quote"] = claim(a_en, "quote", EN_QUOTE, speaker="Emmanuel Macron", verb="said", direct=True).id
        ids["c_quote"] = claim(a_c, "quote", "The fight against terror is France's priority",
                               speaker="the French Interior Ministry", direct=False).id
        ids["ar_date"] = claim(a_ar, "date", "19 من تشرين الأول", date_value="2025-10-19", date_grain="day",
                               date_text="19 من تشرين الأول الماضي").id
        ids["ar_figure"] = claim(a_dec, "figure", "47 عامًا", value=47.0, unit="عامًا").id
        ids["formula"] = claim(a_en, "quote", "=HYPERLINK(\"http://evil.example\",\"click\")", speaker="-anon").id
        ids["skipped"] = claim(a_c, "figure", "three people", value=3.0, unit="people").id

        def pair(x, y, score, rel):
            s.add_all([Match(claim_id=ids[x], other_claim_id=ids[y], score=score, relation=rel, reason=rel),
                       Match(claim_id=ids[y], other_claim_id=ids[x], score=score, relation=rel, reason=rel)])

        pair("ar_quote", "en_quote", 88.0, "supports")
        pair("ar_quote", "c_quote", 71.5, "conflicts")
        pair("en_quote", "c_quote", 64.0, "related")
        s.flush()

        def decided(name, user, status, note, when):
            d = decide(s, ids[name], user, status, note)
            s.execute(update(Decision).where(Decision.id == d.id).values(at=at(when)))

        decided("ar_quote", mona, "corroborated", AR_NOTE, "2025-11-10T09:30")
        decided("en_quote", rana, "corroborated", "first look", "2025-11-09T08:00")
        decided("en_quote", rana, "disputed", EN_NOTE, "2025-11-12T16:45")
        decided("ar_figure", rana, "unverifiable", "", "2025-12-03T10:00")
        decided("skipped", mona, "skipped", "not a claim", "2025-11-11T10:00")
    return ids


@pytest.fixture
def cli(settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    for var in ("FACTCHECK_ORG_NAME", "FACTCHECK_ORG_URL", "FACTCHECK_REVIEW_URL", "FACTCHECK_RATINGS",
                "FACTCHECK_RATING_BEST", "FACTCHECK_RATING_WORST"):
        monkeypatch.delenv(var, raising=False)

    def invoke(*args, env=None):
        return CliRunner().invoke(main, ["export", *args], env=env, catch_exceptions=False)

    return invoke
