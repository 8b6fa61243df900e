"""javascript:, data: and other non-http article URLs never become links: not in the printable report,
not in ClaimReview, not on the claim page; and they are not stored from a feed or an import."""
from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import func, select

from factcheck.cli import main
from factcheck.store.models import Article, Claim
from factcheck.store.polling import poll_feed

from ..support.feedserver import FeedServer
from ..web.data import polled_feed
from .hostile import HOSTILE, SAFE, Links, hostile_claims, urls_in


def _report(cli, tmp_path, fmt: str) -> str:
    out = tmp_path / f"report.{fmt}"
    assert cli("--format", fmt, "--out", str(out)).exit_code == 0
    return out.read_text(encoding="utf-8")


def test_a_hostile_stored_url_is_no_link_in_the_report_claimreview_or_the_claim_page(cli, client, factory,
                                                                                    tmp_path):
    ids = hostile_claims(factory)

    page = Links(_report(cli, tmp_path, "html"))
    assert page.scripted == [], "the report links a script URL"
    assert page.hrefs == [SAFE], "the http(s) article is the report's one link"
    served = client.get("/exports/download?format=html")
    assert Links(served.get_data(as_text=True)).hrefs == [SAFE], "the downloaded report too"

    nodes = json.loads(_report(cli, tmp_path, "claimreview"))
    appearances = {n["itemReviewed"]["appearance"]["headline"]: n["itemReviewed"]["appearance"] for n in nodes}
    assert len(appearances) == len(ids), "every decided claim is reviewed"
    assert appearances[f"Story {len(HOSTILE)}"]["url"] == SAFE
    assert [a for a in appearances.values() if "url" in a and a["url"] != SAFE] == []
    assert all(u.startswith(("http://", "https://")) for n in nodes for u in urls_in(n)), [urls_in(n) for n in nodes]

    for url, cid in ids.items():
        claim_page = Links(client.get(f"/claims/{cid}").get_data(as_text=True))
        assert claim_page.scripted == [], url
        assert (SAFE in claim_page.hrefs) == (url == SAFE)
        assert not [h for h in claim_page.hrefs if "evil.example" in h], url


def _stored_urls(factory) -> list[str | None]:
    with factory() as s:
        return list(s.scalars(select(Article.url).order_by(Article.id)))


def test_factcheck_import_stores_no_hostile_url_and_the_report_links_none(cli, factory, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("The minister said the port reopens on Monday.\n", encoding="utf-8")
    for url in ("javascript:alert(document.cookie)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(2)</script>"):
        r = CliRunner().invoke(main, ["import", str(art), "--source", "Desk import", "--url", url,
                                      "--published", "2025-11-07T10:00:00Z", "--lang", "en"])
        assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["import", str(art), "--source", "Other import", "--url", SAFE,
                                  "--published", "2025-11-07T10:00:00Z", "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert _stored_urls(factory) == [None, SAFE], "one article with no URL (stored once), and the good one"
    with factory() as s:
        safe_claims = s.scalar(select(func.count()).select_from(Claim).join(Article).where(Article.url == SAFE))
    assert safe_claims >= 1
    page = Links(_report(cli, tmp_path, "html"))
    # Each claim of the good article links it once ("The minister said ..." as headline and first line
    # is a statement and a date); none of the hostile imports' claims links anything.
    assert page.scripted == [] and page.hrefs == [SAFE] * safe_claims


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hostile outlet</title><link>javascript:alert(0)</link>
<item><guid>h-1</guid><title>One</title><link>javascript:alert(1)</link>
<pubDate>Fri, 07 Nov 2025 10:00:00 +0000</pubDate><description>The minister said the port reopens on Monday.</description></item>
<item><guid>h-2</guid><title>Two</title><link> JaVaScRiPt:alert(2)</link>
<pubDate>Fri, 07 Nov 2025 11:00:00 +0000</pubDate><description>The mayor said the bridge reopens on Tuesday.</description></item>
<item><guid>h-3</guid><title>Three</title><link>data:text/html,&lt;script&gt;alert(3)&lt;/script&gt;</link>
<pubDate>Fri, 07 Nov 2025 12:00:00 +0000</pubDate><description>The governor said the school reopens on Friday.</description></item>
<item><guid>h-4</guid><title>Four</title><link>/news/4</link>
<pubDate>Fri, 07 Nov 2025 13:00:00 +0000</pubDate><description>The police said the road reopens on Sunday.</description></item>
</channel></rss>"""


def test_a_polled_feed_stores_no_hostile_link(factory, settings):
    with FeedServer() as server:
        server.feed("/hostile.xml", RSS)
        fid = polled_feed(factory, server.url("/hostile.xml"), "Hostile outlet")
        outcome = poll_feed(factory, fid, settings)
        base = server.url("/news/4")
    assert outcome.error is None and outcome.new == 4
    assert _stored_urls(factory) == [None, None, None, base], "the relative link resolved against the feed's URL"
