"""Filters narrow every format the same way; bad requests fail with exit 2 and leave no file."""
from __future__ import annotations

import json

import pytest


def _ids(cli, *args) -> set[int]:
    r = cli("--format", "jsonl", *args)
    assert r.exit_code == 0, r.stderr
    return {json.loads(x)["id"] for x in r.stdout.splitlines()}


def test_filters(cli, newsroom):
    n = newsroom
    assert _ids(cli) == set(n.values())
    assert _ids(cli, "--status", "pending") == {n["c_quote"], n["ar_date"], n["formula"]}
    assert _ids(cli, "--status", "corroborated", "--status", "disputed") == {n["ar_quote"], n["en_quote"]}
    assert _ids(cli, "--kind", "figure") == {n["ar_figure"], n["skipped"]}
    assert _ids(cli, "--source", "الجزيرة") == {n["ar_quote"], n["ar_date"], n["ar_figure"]}
    assert _ids(cli, "--lang", "ar", "--kind", "quote") == {n["ar_quote"]}
    assert _ids(cli, "--editor", "mona") == {n["ar_quote"], n["skipped"]}
    # By article date: the whole end day counts.
    assert _ids(cli, "--since", "2025-11-08", "--until", "2025-11-08") == {n["en_quote"], n["c_quote"], n["formula"],
                                                                            n["skipped"]}
    assert _ids(cli, "--since", "2025-12-01") == {n["ar_figure"]}
    # By decision date: claims with a decision in the range (any of their decisions).
    assert _ids(cli, "--by", "decision", "--since", "2025-11-09", "--until", "2025-11-10") == {
        n["ar_quote"], n["en_quote"]}
    # Editor and decision date describe the same decision.
    assert _ids(cli, "--by", "decision", "--since", "2025-11-11", "--editor", "mona") == {n["skipped"]}
    assert _ids(cli, "--by", "decision", "--until", "2025-11-09", "--editor", "mona") == set()


def test_filters_apply_to_csv_and_claimreview_too(cli, newsroom, tmp_path):
    out = tmp_path / "x.csv"
    assert cli("--format", "csv", "--source", "Wire EN", "--out", str(out)).exit_code == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3  # header + the two Wire EN claims
    nodes = json.loads(cli("--format", "claimreview", "--lang", "en").stdout)
    assert [n["itemReviewed"]["appearance"]["url"] for n in nodes] == ["https://wire.example/1"]


def test_progress_bar_goes_to_stderr(cli, newsroom, tmp_path):
    out = tmp_path / "x.jsonl"
    r = cli("--format", "jsonl", "--progress", "--out", str(out))
    assert r.exit_code == 0
    assert "exporting jsonl" in r.stderr and "exported 7 claims" in r.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7


@pytest.mark.parametrize("args, message", [
    (["--format", "xlsx"], "Invalid value for '--format'"),
    (["--format", "csv", "--colour", "red"], "No such option"),
    (["--format", "csv", "--status", "maybe"], "unknown status 'maybe'"),
    (["--format", "csv", "--kind", "rumour"], "unknown kind 'rumour'"),
    (["--format", "csv", "--by", "feed"], "Invalid value for '--by'"),
    (["--format", "csv", "--since", "2025-11-30", "--until", "2025-11-01"], "before the start date"),
    (["--format", "csv", "--since", "30/11/2025"], "not a date"),
    (["--format", "csv", "--source", "Nobody Times"], "no source named 'Nobody Times'"),
    (["--format", "csv", "--editor", "ghost"], "no editor named 'ghost'"),
    (["--format", "csv", "--lang", "a r"], "not a language code"),
])
def test_bad_input_exits_2_and_writes_nothing(cli, newsroom, tmp_path, args, message):
    folder = tmp_path / "reports"
    folder.mkdir()
    r = cli(*args, "--out", str(folder / "report.csv"))
    assert r.exit_code == 2, r.output
    assert message in r.stderr
    assert list(folder.iterdir()) == [], "no file, partial or temporary"


def test_bad_configuration_exits_2(cli, newsroom, tmp_path):
    out = tmp_path / "r.jsonld"
    r = cli("--format", "claimreview", "--out", str(out), env={"FACTCHECK_REVIEW_URL": "https://desk.example/r"})
    assert r.exit_code == 2 and "FACTCHECK_REVIEW_URL must contain {id}" in r.stderr and not out.exists()
    r = cli("--format", "claimreview", env={"FACTCHECK_RATINGS": "corroborated=5"})
    assert r.exit_code == 2 and "not status:value:label" in r.stderr
    r = cli("--format", "claimreview", env={"FACTCHECK_RATINGS": "pending:0:Pending"})
    assert r.exit_code == 2 and "never published" in r.stderr


def test_unwritable_paths(cli, newsroom, tmp_path):
    r = cli("--format", "csv", "--out", str(tmp_path / "missing" / "x.csv"))
    assert r.exit_code == 2 and "does not exist" in r.stderr and not (tmp_path / "missing").exists()
    r = cli("--format", "csv", "--out", str(tmp_path))
    assert r.exit_code == 2 and "is a directory" in r.stderr
    r = cli("--format", "csv", "--out", "/proc/factcheck-report.csv")  # a folder nobody can create files in
    assert r.exit_code == 2 and "cannot write /proc/factcheck-report.csv" in r.stderr


def test_an_existing_file_is_replaced_whole(cli, newsroom, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "x.jsonl"
    out.write_text("old content that must go\n" * 1000, encoding="utf-8")
    assert cli("--format", "jsonl", "--status", "disputed", "--out", str(out)).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert [p.name for p in folder.iterdir()] == ["x.jsonl"], "no temporary file left beside it"
