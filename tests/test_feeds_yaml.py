from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from factcheck.cli import main
from factcheck.config import ROOT
from factcheck.ingest.feeds_yaml import FeedsFileError, load_feeds_file
from factcheck.store.models import Feed


def test_shipped_feeds_file_is_valid_and_has_samples_and_real_outlets():
    specs = load_feeds_file(ROOT / "feeds.yaml")
    urls = [s.url for s in specs]
    assert any(u.startswith("file:samples/") for u in urls)
    assert any(u.startswith("https://") for u in urls)
    assert {s.language for s in specs} >= {"ar", "en"}
    for s in specs:
        if s.url.startswith("file:"):
            assert (ROOT / s.url[len("file:"):]).is_file(), s.url


@pytest.mark.parametrize(
    "body, line, problem",
    [
        ("- {name: A, url: 'https://a.example/feed'}\n- {name: B, url: 'ftp://b.example/feed'}\n", 2, "must be http"),
        ("- name: A\n  url: https://a.example/feed\n  interval: often\n", 3, "interval"),
        ("- name: A\n  url: https://a.example/feed\n  colour: red\n", 3, "unknown field"),
        ("- {url: 'https://a.example/feed'}\n", 1, "'name' is required"),
        ("- {name: A, url: 'https://a.example/x'}\n- {name: B, url: 'https://a.example/x'}\n", 2, "already listed"),
        ("- name: A\n  url: [unclosed\n", 3, "invalid YAML"),
        ("- {name: A, url: 'https://a.example/x', enabled: perhaps}\n", 1, "'enabled' must be true or false"),
        # A key given twice in one feed: the second used to win without a word.
        ("- name: A\n  url: https://a.example/feed\n  language: en\n  url: https://b.example/feed\n", 4,
         "duplicate key 'url' (first on line 2)"),
        ("- {name: A, url: 'https://a.example/x', name: B}\n", 1, "duplicate key 'name'"),
        ("feeds:\n  - {name: A, url: 'https://a.example/x'}\nfeeds:\n  - {name: B, url: 'https://b.example/x'}\n", 3,
         "duplicate key 'feeds' (first on line 1)"),
        # A tag SafeLoader cannot build is a broken line too, not a traceback.
        ("- name: A\n  url: !!python/name:os.system https://a.example/x\n", 2, "invalid YAML"),
    ],
)
def test_broken_entry_names_file_line_and_problem(tmp_path, body, line, problem):
    path = tmp_path / "feeds.yaml"
    path.write_text(body)
    with pytest.raises(FeedsFileError) as err:
        load_feeds_file(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{line}:"), msg
    assert problem in msg


def test_sync_with_a_broken_line_exits_2_and_leaves_the_database_untouched(settings, factory, monkeypatch):
    settings.feeds_file.write_text(
        "- {name: Good, url: 'https://good.example/feed', language: en}\n"
        "- {name: Bad, url: 'https://bad.example/feed', interval: -5}\n"
    )
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    result = CliRunner().invoke(main, ["feeds", "sync"])
    assert result.exit_code == 2
    assert f"{settings.feeds_file}:2:" in result.output and "interval" in result.output
    with factory() as s:
        assert s.scalar(select(func.count(Feed.id))) == 0


def test_sync_with_a_key_given_twice_exits_2_and_leaves_the_database_untouched(settings, factory, monkeypatch):
    settings.feeds_file.write_text(
        "- name: Good\n  url: https://good.example/feed\n"
        "- name: Twice\n  url: https://first.example/feed\n  interval: 15\n  url: https://second.example/feed\n"
    )
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    result = CliRunner().invoke(main, ["feeds", "sync"])
    assert result.exit_code == 2, result.output
    assert f"{settings.feeds_file}:6: duplicate key 'url' (first on line 4)" in result.output
    with factory() as s:
        assert s.scalar(select(func.count(Feed.id))) == 0


def test_sync_upserts_by_url(settings, factory, monkeypatch):
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    settings.feeds_file.write_text("- {name: One, url: 'https://one.example/feed', language: ar, interval: 15}\n")
    assert CliRunner().invoke(main, ["feeds", "sync"]).exit_code == 0
    settings.feeds_file.write_text(
        "- {name: One renamed, url: 'https://one.example/feed', language: ar, interval: 45, enabled: false}\n"
        "- {name: Two, url: 'https://two.example/feed', language: en}\n")
    result = CliRunner().invoke(main, ["feeds", "sync"])
    assert result.exit_code == 0, result.output
    assert "1 added, 1 updated" in result.output
    with factory() as s:
        feeds = {f.url: f for f in s.scalars(select(Feed))}
    assert len(feeds) == 2
    one = feeds["https://one.example/feed"]
    assert (one.name, one.interval_minutes, one.enabled) == ("One renamed", 45, False)
