"""The editors' "Import a page" form (issue 19, item 5): a real page server on 127.0.0.1, the
real app, SQLite; the same path as `factcheck import --url` (guarded fetch, trafilatura, pipeline)."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from factcheck.ingest.pages import FullTextConfig
from factcheck.store.models import Article, Claim, Feed

from ..conftest import csrf_token
from ..ingest.test_fulltext_extraction import ARABIC_PAGE
from ..support.feedserver import FeedServer, Reply

HTML = {"Content-Type": "text/html; charset=utf-8"}
BODY_ONLY_QUOTE = "الجسر الجديد سيفتح أمام السيارات"


def _count(factory, model) -> int:
    with factory() as s:
        return s.scalar(select(func.count()).select_from(model))


def _post(client, **form):
    return client.post("/import", data={"csrf_token": csrf_token(client, "/import"), **form})


def test_an_editor_imports_a_page_and_lands_on_its_claims(client, settings, factory):
    settings.fulltext = FullTextConfig(min_delay=0.0, robots=False)
    page = client.get("/queue").get_data(as_text=True)
    assert 'href="/import"' in page  # in the header, beside the queue
    with FeedServer() as server:
        server.route("/news/bridge.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML))
        r = _post(client, url=server.url("/news/bridge.html"), source="Mashreq")
        assert len(server.requests_for("/news/bridge.html")) == 1
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "id=\"import-error\"" not in html
    assert BODY_ONLY_QUOTE in html  # the claim found in the page's body, listed
    with factory() as s:
        art = s.scalars(select(Article)).one()
        assert s.get(Feed, art.feed_id).name == "Mashreq"
        assert art.url == "https://mashreq.example/news/bridge-2025?id=7"  # the canonical URL
        claims = s.scalars(select(Claim).where(Claim.article_id == art.id)).all()
    assert any(BODY_ONLY_QUOTE in c.text for c in claims)
    # Each claim links to its page, which opens.
    for c in claims:
        assert f'href="/claims/{c.id}"' in html
    assert client.get(f"/claims/{claims[0].id}").status_code == 200
    # The queue shows them.
    assert BODY_ONLY_QUOTE in client.get("/queue").get_data(as_text=True)


def test_the_source_defaults_to_the_site_name(client, settings, factory):
    settings.fulltext = FullTextConfig(min_delay=0.0, robots=False)
    with FeedServer() as server:
        r = None
        server.route("/a.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML))
        r = _post(client, url=server.url("/a.html"))
    assert r.status_code == 200
    with factory() as s:
        assert s.scalar(select(Feed.name).join(Article, Article.feed_id == Feed.id)) == "127.0.0.1"


def _refused(client, factory, url: str, words: str, status: int = 422, source: str = "Desk copy") -> str:
    before = (_count(factory, Article), _count(factory, Claim), _count(factory, Feed))
    r = _post(client, url=url, source=source)
    html = r.get_data(as_text=True)
    assert r.status_code == status, html
    error = re.search(r'id="import-error"[^>]*>(.*?)</p>', html, re.S)
    assert error and words in error.group(1), (words, error and error.group(1))
    # Nothing is lost: the form comes back with what the editor typed, and nothing was stored.
    assert f'value="{url}"' in html.replace("&amp;", "&")
    assert f'value="{source}"' in html
    assert (_count(factory, Article), _count(factory, Claim), _count(factory, Feed)) == before
    return html


def test_every_failure_gives_the_form_back_with_the_reason(client, settings, factory):
    settings.allow_private_networks = False  # only the test server's own address is opened
    settings.fulltext = FullTextConfig(min_delay=0.0, timeout=1.5, max_bytes=2**20, robots=False,
                                       allowed_networks=("127.0.0.1/32",))
    with FeedServer() as server:
        server.route("/gone.html", Reply(404, body=b"not here", headers=HTML))
        server.route("/stall.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML, delay=5))
        server.route("/moved.html", Reply(302, location="http://10.20.30.40/news/moved.html"))
        server.route("/huge.html", Reply(200, generate=30 * 2**20, headers=HTML))
        server.route("/report.pdf", Reply(200, body=b"%PDF-1.7\n" + b"0" * 5000,
                                          headers={"Content-Type": "application/pdf"}))
        server.route("/empty.html", Reply(200, body=b"<html><head><title>x</title></head><body></body></html>",
                                          headers=HTML))
        _refused(client, factory, server.url("/gone.html"), "HTTP 404")
        _refused(client, factory, server.url("/stall.html"), "timed out")
        _refused(client, factory, server.url("/moved.html"), "10.20.30.40")
        _refused(client, factory, server.url("/huge.html"), "larger than 1 MiB")
        _refused(client, factory, server.url("/report.pdf"), "not an HTML page (application/pdf)")
        _refused(client, factory, server.url("/empty.html"), "no article text found on the page")
    # A private address, without the test server's opening.
    settings.fulltext = FullTextConfig(min_delay=0.0, timeout=1.5, robots=False)
    with FeedServer() as server:
        server.route("/a.html", Reply(200, body=ARABIC_PAGE.encode("utf-8"), headers=HTML))
        _refused(client, factory, server.url("/a.html"), "127.0.0.1")
        assert server.requests_for("/a.html") == []  # refused before any request


def test_a_bad_address_is_refused_before_any_fetch(client, factory):
    _refused(client, factory, "file:///etc/passwd", "http:// or https://", status=400)
    _refused(client, factory, "javascript:alert(1)", "http:// or https://", status=400)
    _refused(client, factory, "not a url", "not a page address", status=400)
    r = _post(client, url="")
    assert r.status_code == 400 and "paste the address" in r.get_data(as_text=True)


def test_the_form_needs_a_login_and_a_csrf_token(app, client, factory):
    anonymous = app.test_client()
    r = anonymous.get("/import")
    assert r.status_code in (302, 303) and "/login" in r.headers["Location"]
    r = client.post("/import", data={"url": "http://127.0.0.1:9/a.html"})  # no token
    assert r.status_code == 400
    assert _count(factory, Article) == 0
