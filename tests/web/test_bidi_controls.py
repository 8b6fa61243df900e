"""Bidi overrides, embeddings and isolates never reach the database or the page: "gpj.exe" behind a U+202E
reads as "exe.jpg". Stored articles lose them before extraction, so the claims' offsets still fit the text."""
from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import select

from factcheck.cli import main
from factcheck.store.models import Article, Claim, Feed
from factcheck.store.polling import poll_feed

from ..support.feedserver import FeedServer
from .data import polled_feed

RLO, PDF, LRE, RLI, PDI, FSI, LRO = "\u202e", "\u202c", "\u202a", "\u2067", "\u2069", "\u2068", "\u202d"
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
RLM = "\u200f"  # a mark, not a control: kept (factcheck/text/bidi.py says why)


def _controls(*texts: str | None) -> set[str]:
    return {f"U+{ord(ch):04X}" for t in texts if t for ch in t if ch in CONTROLS}


def _stored(factory):
    with factory() as s:
        arts = s.scalars(select(Article).order_by(Article.id)).all()
        claims = s.scalars(select(Claim).order_by(Claim.id)).all()
        feeds = s.scalars(select(Feed).order_by(Feed.id)).all()
        return ([(a.title, a.text, a.html) for a in arts],
                [(c.id, c.text, c.sentence, c.speaker, c.start, c.end, c.article.text) for c in claims],
                [f.name for f in feeds])


def _assert_clean(factory, client) -> list[tuple]:
    arts, claims, feeds = _stored(factory)
    assert arts and claims, "the article was stored and its claim extracted"
    assert _controls(*(x for a in arts for x in a)) == set(), arts
    assert _controls(*(x for c in claims for x in c[1:4])) == set(), claims
    assert _controls(*feeds) == set(), feeds
    for cid, text, _sentence, _speaker, start, end, body in claims:
        assert body[start:end] == text, "the claim's offsets index the stored text"
        page = client.get(f"/claims/{cid}").get_data(as_text=True)
        assert _controls(page) == set(), f"claim {cid}'s page"
    assert _controls(client.get("/queue").get_data(as_text=True)) == set()
    return claims


def test_an_imported_article_keeps_no_bidi_control(client, factory, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    art = tmp_path / "a.txt"
    art.write_text(f"Photos{RLO}gpj.exe{PDF}\n\n"
                   f"The {LRE}minister{PDF} said: \"Forty schools will reopen in {RLI}Aleppo{PDI} on 10 November 2025.\"\n\n"
                   f"قال المتحدث{RLM} إن المدارس ستفتح.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["import", str(art), "--source", f"Desk {FSI}wire{PDI}", "--lang", "en",
                                  "--title", f"Holiday {RLO}gpj.exe{PDF}", "--published", "2025-11-07T10:00:00Z"])
    assert r.exit_code == 0, r.output
    claims = _assert_clean(factory, client)
    arts, _, feeds = _stored(factory)
    assert arts[0][0] == "Holiday gpj.exe", "the title reads as it is stored, no longer as 'exe.jpg'"
    assert feeds == ["Desk wire"]
    assert any("Forty schools will reopen in Aleppo" in c[1] for c in claims), claims
    assert RLM in arts[0][1], "right-to-left marks in Arabic copy are kept"


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test outlet</title>
<item><guid>b-1</guid><title>Invoice {RLO}fdp.exe{PDF}</title><link>https://t.example/1</link>
<pubDate>Fri, 07 Nov 2025 10:00:00 +0000</pubDate>
<description>&lt;p&gt;The {LRO}minister{PDF} said: "Forty schools will reopen in {RLO}oppelA{PDF} on 10 November 2025."&lt;/p&gt;</description></item>
</channel></rss>"""


def test_a_polled_entry_keeps_no_bidi_control_and_a_repoll_changes_nothing(client, factory, settings):
    with FeedServer() as server:
        server.feed("/feed.xml", RSS)
        fid = polled_feed(factory, server.url("/feed.xml"))
        assert poll_feed(factory, fid, settings).new == 1
        again = poll_feed(factory, fid, settings)
    assert again.new == 0 and again.updated == 0, "the cleaned article is not 'edited' each poll"
    _assert_clean(factory, client)
    arts, _, _ = _stored(factory)
    assert arts[0][0] == "Invoice fdp.exe"


def test_names_typed_by_people_keep_no_bidi_control(app, factory, tmp_path):
    """Feed names from feeds.yaml and the feeds page, user names from the users page: stored clean."""
    from factcheck.ingest.feeds_yaml import load_feeds_file

    from ..conftest import admin_client, csrf_token

    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"- name: Gulf {RLO}eriw{PDF}\n  url: https://gulf.example/feed\n  language: en\n",
                     encoding="utf-8")
    assert [s.name for s in load_feeds_file(feeds)] == ["Gulf eriw"]

    c = admin_client(app, factory)
    token = csrf_token(c, "/admin/feeds")
    c.post("/admin/feeds", data={"csrf_token": token, "url": "https://levant.example/feed",
                                 "name": f"Levant {RLI}daily{PDI}", "language": "ar"})
    c.post("/admin/users", data={"csrf_token": token, "name": f"{RLO}anar", "password": "long enough pw",
                                 "role": "editor"})
    from factcheck.store.models import User

    with factory() as s:
        assert s.scalar(select(Feed.name).where(Feed.url == "https://levant.example/feed")) == "Levant daily"
        assert "anar" in s.scalars(select(User.name)).all()
