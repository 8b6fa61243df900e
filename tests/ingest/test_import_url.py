"""`factcheck import --url URL…`: pages fetched through the guarded fetcher and imported like files."""
from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import select

from factcheck.cli import main
from factcheck.store.models import Article, Claim, Feed

from ..support.feedserver import FeedServer, Reply
from .test_fulltext_extraction import ARABIC_PAGE


def test_import_url_fetches_the_page_and_stores_its_main_text_and_claims(settings, factory, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_NETWORKS", "1")  # the page server is on 127.0.0.1
    monkeypatch.setenv("FACTCHECK_FULLTEXT_DELAY", "0")
    with FeedServer() as server:
        server.route("/news/bridge.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"),
                                                headers={"Content-Type": "text/html; charset=utf-8"}))
        good, bad = server.url("/news/bridge.html"), server.url("/news/missing.html")
        r = CliRunner().invoke(main, ["import", "--url", good, "--url", bad, "--source", "Mashreq"])
    assert r.exit_code == 1
    assert "imported " + good in r.output
    assert "failed " + bad + ": HTTP 404" in r.output
    with factory() as s:
        arts = s.scalars(select(Article)).all()
        assert len(arts) == 1
        art = arts[0]
        assert s.get(Feed, art.feed_id).name == "Mashreq"
        assert art.title.startswith("الوزير يعلن افتتاح الجسر")
        assert "تعليق من قارئ" not in art.text
        assert art.url == "https://mashreq.example/news/bridge-2025?id=7"  # the canonical URL
        claims = [c.text for c in s.scalars(select(Claim).where(Claim.article_id == art.id))]
    assert any("الجسر الجديد سيفتح أمام السيارات" in c for c in claims), claims


def test_import_needs_files_or_urls(settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    r = CliRunner().invoke(main, ["import"])
    assert r.exit_code == 2 and "FILE… or --url URL…" in r.output
    r = CliRunner().invoke(main, ["import", "--url", "file:///etc/passwd"])
    assert r.exit_code == 2 and "must start with http" in r.output
