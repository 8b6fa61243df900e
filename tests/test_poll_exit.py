"""`factcheck poll --once` tells a cron job or a script that a round had failing feeds (exit 1)."""
from __future__ import annotations

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.store.db import transaction
from factcheck.store.models import Feed
from tests.ingest.docs import numbered
from tests.support.feedserver import FeedServer, Reply


def test_poll_once_exits_1_and_names_the_failed_feeds_on_stderr(settings, factory, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    monkeypatch.setenv("FACTCHECK_PARSE_PROCESSES", "0")
    with FeedServer() as server:
        server.feed("/good.xml", numbered(2), etag='"g"')
        server.route("/broken.xml", Reply(500, body="database down"), Reply(200, body=numbered(1)))
        with transaction(factory) as s:
            s.add_all([Feed(name="Good outlet", url=server.url("/good.xml"), interval_minutes=30, allow_private=True),
                       Feed(name="Broken outlet", url=server.url("/broken.xml"), interval_minutes=30,
                            allow_private=True)])

        result = CliRunner().invoke(main, ["poll", "--once"])
        assert result.exit_code == 1, result.output
        assert "polled 2 feeds: 2 new articles, 1 failing" in result.stdout
        assert "Broken outlet" in result.stderr and "HTTP 500" in result.stderr
        assert server.url("/broken.xml") in result.stderr
        assert "Good outlet" not in result.stderr

        # The next round, with every feed answering: exit 0, nothing on stderr.
        result = CliRunner().invoke(main, ["poll", "--once", "--force"])
        assert result.exit_code == 0, result.output
        assert "0 failing" in result.stdout and result.stderr == ""
