"""OPML in and out: other readers' exports import, a round trip keeps the feeds, bad OPML writes nothing."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from factcheck.cli import main
from factcheck.store.db import transaction
from factcheck.ingest.opml import OpmlError, parse_opml
from factcheck.store.models import Feed

from ..conftest import admin_client as _admin_client
from ..conftest import csrf_token

DATA = Path(__file__).resolve().parents[1] / "data" / "opml"


@pytest.fixture
def cli(settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))

    def invoke(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def admin_client(app, factory):
    return _admin_client(app, factory)


def _feeds(factory) -> dict[str, tuple]:
    with factory() as s:
        return {f.url: (f.name, f.tag, f.language, f.interval_minutes, f.full_text, f.enabled)
                for f in s.scalars(select(Feed).where(Feed.kind == "feed"))}


def test_a_miniflux_export_imports_with_its_categories_as_tags(cli, factory):
    r = cli("feeds", "import-opml", str(DATA / "miniflux.opml"))
    assert r.exit_code == 0, r.output
    assert "3 added" in r.output
    feeds = _feeds(factory)
    assert feeds["https://www.enabbaladi.net/feed"][:2] == ("عنب بلدي", "أخبار سوريا")
    assert feeds["https://levant.example.org/rss.xml"][1] == "أخبار سوريا"
    assert feeds["https://world.example.com/atom.xml"][:2] == ("World Desk", "World")


def test_a_freshrss_export_imports_and_its_own_attributes_are_ignored(cli, factory):
    r = cli("feeds", "import-opml", str(DATA / "freshrss.opml"))
    assert r.exit_code == 0, r.output
    feeds = _feeds(factory)
    assert set(feeds) == {"https://gulf.example.net/feed/", "https://checks.example.org/index.xml?lang=en&full=1",
                          "https://ar.checks.example.org/feed"}
    assert feeds["https://checks.example.org/index.xml?lang=en&full=1"][:2] == ("Checker & Co", "Fact checks")
    assert feeds["https://gulf.example.net/feed/"][1] == "Uncategorized"
    # Importing again adds nothing.
    again = cli("feeds", "import-opml", str(DATA / "freshrss.opml"))
    assert "0 added, 3 already followed" in again.output
    assert len(_feeds(factory)) == 3


def test_export_then_import_into_an_empty_database_gives_the_same_feeds(cli, factory, settings, tmp_path,
                                                                         database_template, monkeypatch):
    import shutil

    assert cli("feeds", "import-opml", str(DATA / "miniflux.opml")).exit_code == 0
    with transaction(factory) as s:  # factcheck's own settings travel too
        feed = s.scalar(select(Feed).where(Feed.url == "https://world.example.com/atom.xml"))
        feed.language, feed.interval_minutes, feed.full_text = "en", 90, "always"
        s.add(Feed(url="https://untagged.example.com/feed", name="No folder", kind="feed", full_text="never"))
    before = _feeds(factory)
    out = tmp_path / "desk.opml"
    r = cli("feeds", "export-opml", "--out", str(out))
    assert r.exit_code == 0, r.output
    assert b"<opml" in out.read_bytes()

    empty = tmp_path / "empty.sqlite3"
    if database_template["kind"] != "sqlite":
        pytest.skip("the empty second database is made from the SQLite template")
    shutil.copy(database_template["path"], empty)
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", f"sqlite:///{empty}")
    r = cli("feeds", "import-opml", str(out))
    assert r.exit_code == 0, r.output
    from factcheck.store.db import make_engine, make_sessionmaker

    engine = make_engine(f"sqlite:///{empty}")
    try:
        assert _feeds(make_sessionmaker(engine)) == before
    finally:
        engine.dispose()


BAD = {
    "not XML": (b"<opml><body><outline xmlUrl='https://a.example/feed'></body></opml>", "not well-formed"),
    "not OPML": (b"<rss><channel/></rss>", "not OPML"),
    "no feeds": (b"<opml version='2.0'><body><outline text='empty folder'/></body></opml>", "no feeds"),
    "a file: feed": (b"<opml><body><outline text='x' xmlUrl='file:///etc/passwd'/></body></opml>", "http://"),
    "billion laughs": (b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;">]>
<opml><body><outline text="&c;" xmlUrl="https://a.example/feed"/></body></opml>""", "entities"),
    "an external entity": (b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<opml><body><outline text="&x;" xmlUrl="https://a.example/feed"/></body></opml>""", "entities"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_opml_is_refused_naming_the_problem_and_nothing_is_written(cli, factory, tmp_path, case):
    body, words = BAD[case]
    # One good feed first: a refusal must not keep the part that was fine.
    good = b"<outline text='good' xmlUrl='https://good.example/feed'/>"
    if case != "no feeds":
        body = body.replace(b"<body>", b"<body>" + good, 1)
    path = tmp_path / "bad.opml"
    path.write_bytes(body)
    r = CliRunner().invoke(main, ["feeds", "import-opml", str(path)])
    assert r.exit_code == 2
    assert words in r.output and str(path) in r.output
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Feed)) == 0


def test_a_broken_line_is_named():
    with pytest.raises(OpmlError, match=r"x.opml:4: not well-formed XML \(mismatched tag"):
        parse_opml(b"<opml>\n<body>\n<outline text='a' xmlUrl='https://a.example/'>\n</body></opml>", source="x.opml")


def test_the_feeds_page_imports_an_uploaded_opml_and_offers_the_list_for_download(admin_client, factory):
    import io

    token = csrf_token(admin_client, "/admin/feeds")
    page = admin_client.get("/admin/feeds").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page and "/admin/feeds.opml" in page
    # Without the CSRF token: refused, nothing written.
    r = admin_client.post("/admin/feeds/opml", data={"opml": (io.BytesIO((DATA / "miniflux.opml").read_bytes()),
                                                              "miniflux.opml")}, content_type="multipart/form-data")
    assert r.status_code == 400
    assert _feeds(factory) == {}
    r = admin_client.post("/admin/feeds/opml", data={
        "csrf_token": token, "opml": (io.BytesIO((DATA / "miniflux.opml").read_bytes()), "miniflux.opml")},
        content_type="multipart/form-data", follow_redirects=True)
    assert r.status_code == 200
    assert "3 feeds added" in r.get_data(as_text=True)
    assert "أخبار سوريا" in r.get_data(as_text=True)  # the tag is shown
    assert len(_feeds(factory)) == 3
    bad = admin_client.post("/admin/feeds/opml", data={
        "csrf_token": token, "opml": (io.BytesIO(b"<rss/>"), "wrong.xml")},
        content_type="multipart/form-data", follow_redirects=True)
    assert "not OPML" in bad.get_data(as_text=True)
    assert len(_feeds(factory)) == 3
    down = admin_client.get("/admin/feeds.opml")
    assert down.status_code == 200 and "attachment" in down.headers["Content-Disposition"]
    assert {f.url for f in parse_opml(down.data)} == set(_feeds(factory))


def test_an_editor_cannot_import_opml(client, factory):
    r = client.get("/admin/feeds.opml")
    assert r.status_code == 403


def test_the_feeds_page_sets_a_feeds_full_text_mode(admin_client, factory):
    with transaction(factory) as s:
        feed = Feed(url="https://teasers.example.net/feed", name="Teasers", kind="feed")
        s.add(feed)
        s.flush()
        fid = feed.id
    page = admin_client.get("/admin/feeds").get_data(as_text=True)
    assert f"/admin/feeds/{fid}/full-text" in page
    token = csrf_token(admin_client, "/admin/feeds")
    r = admin_client.post(f"/admin/feeds/{fid}/full-text", data={"csrf_token": token, "full_text": "always"})
    assert r.status_code == 303
    bad = admin_client.post(f"/admin/feeds/{fid}/full-text", data={"csrf_token": token, "full_text": "often"})
    assert bad.status_code == 400
    with factory() as s:
        assert s.get(Feed, fid).full_text == "always"
