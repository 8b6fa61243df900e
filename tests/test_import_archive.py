"""`factcheck import` of JSON Lines archives: last month's coverage loaded before polling starts."""
from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main


@pytest.fixture
def cli(settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))

    def invoke(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


# Written for this test: two outlets report one quote and one figure of the same event.
LINES = [
    {"source": "Harbour Gazette", "published": "2025-08-21T09:00:00+03:00", "url": "https://gazette.example/a1",
     "title": "Port strike ends",
     "text": 'The union leader Mara Quill said: "The strike at the northern port is over." '
             "The strike lasted about three days."},
    {"source": "Coast Herald", "published": "2025-08-21T15:00:00+03:00", "url": "https://herald.example/b7",
     "title": "Dockers return",
     "text": 'Mara Quill said: "The strike at the northern port is over." The strike lasted about four days.'},
    {"source": "Coast Herald", "published": "2025-08-22T08:00:00Z", "url": "https://herald.example/b8",
     "title": "Ferries resume", "text": 'The port authority said: "Ferries to the islands resume on Monday."'},
]


def write_lines(path, lines, compress=False):
    data = "".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines)
    if compress:
        path.write_bytes(gzip.compress(data.encode("utf-8")))
    else:
        path.write_text(data, encoding="utf-8")
    return path


def exported(cli):
    return json.loads(cli("export", "--format", "json").output)["claims"]


@pytest.mark.parametrize("name,compress", [("coverage.jsonl", False), ("coverage.jsonl.gz", True)])
def test_archive_is_imported_through_the_pipeline(cli, tmp_path, name, compress):
    path = write_lines(tmp_path / name, LINES, compress)
    r = cli("import", str(path), "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "3 new articles" in r.output and "0 bad lines" in r.output
    claims = exported(cli)
    assert {c["article"]["source"] for c in claims} == {"Harbour Gazette", "Coast Herald"}
    quote = next(c for c in claims if c["article"]["source"] == "Harbour Gazette" and c["kind"] == "quote")
    assert [m["relation"] for m in quote["matches"]] == ["supports"], "the two outlets' quotes are compared"
    figure = next(c for c in claims if c["article"]["source"] == "Harbour Gazette" and c["kind"] == "figure")
    assert [m["relation"] for m in figure["matches"]] == ["conflicts"], "three days against four"
    # The same archive again stores nothing new.
    again = cli("import", str(path), "--lang", "en")
    assert again.exit_code == 0 and "0 new articles" in again.output and "3 unchanged" in again.output
    assert len(exported(cli)) == len(claims)


def test_bad_lines_are_named_and_the_good_ones_kept(cli, tmp_path):
    lines = [LINES[0], "{not json", {"source": "Coast Herald", "published": "2025-08-21", "text": ""},
             {"source": "Coast Herald", "published": "yesterday", "text": "Something happened."},
             ["a", "list"], LINES[1], {"published": "2025-08-22T08:00:00Z", "text": LINES[2]["text"]}]
    path = write_lines(tmp_path / "mixed.jsonl", lines)
    r = CliRunner().invoke(main, ["import", str(path), "--lang", "en"])
    assert r.exit_code == 1
    assert f"{path}:2: not JSON" in r.output
    assert f"{path}:3: text is missing or empty" in r.output
    assert f"{path}:4: published is not an ISO date" in r.output
    assert f"{path}:5: not a JSON object" in r.output
    assert f"{path}:7: source is missing" in r.output
    assert "2 new articles" in r.output and "5 bad lines skipped" in r.output
    claims = exported(cli)
    assert {c["article"]["source"] for c in claims} == {"Harbour Gazette", "Coast Herald"}
    assert any(m["relation"] == "supports" for c in claims for m in c["matches"])
    # --source fills in the line that has none.
    r = CliRunner().invoke(main, ["import", str(path), "--lang", "en", "--source", "Port Authority Wire"])
    assert "1 new articles" in r.output and "4 bad lines skipped" in r.output
    assert "Port Authority Wire" in {c["article"]["source"] for c in exported(cli)}


def test_a_truncated_gzip_archive_keeps_what_was_read(cli, tmp_path):
    whole = gzip.compress("".join(json.dumps(x) + "\n" for x in LINES * 40).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 3 // 4])
    r = CliRunner().invoke(main, ["import", str(path), "--lang", "en"])
    assert r.exit_code == 1 and "cannot be read further" in r.output
    assert exported(cli), "the articles before the cut are stored"
