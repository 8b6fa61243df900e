"""The CLI contract: extract, dates, import, export, decide, users."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .support.evaldata import require


@pytest.fixture
def cli(settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))

    def invoke(*args, input=None, env=None):
        return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


def test_extract_prints_the_json_contract_for_the_seed(cli):
    seed = require("seed/article.txt")
    result = cli("extract", str(seed), "--published", "2025-11-07T22:13:00+02:00", "--lang", "ar", "--format", "json")
    assert result.exit_code == 0, result.output
    claims = json.loads(result.output)["claims"]
    text = seed.read_text(encoding="utf-8")
    for c in claims:
        assert set(c) >= {"kind", "text", "sentence", "start", "end", "speaker", "direct", "date", "date_text",
                          "value", "unit"}
        assert c["kind"] in {"quote", "date", "figure"}
        assert text[c["start"]:c["end"]] == c["text"], "offsets must point into the input"
    quotes = [c for c in claims if c["kind"] == "quote"]
    terror = [c for c in quotes if "الحرب على الإرهاب تبقى أولوية أمنية لفرنسا" in c["text"]]
    assert terror and terror[0]["direct"] is True and "ماكرون" in (terror[0]["speaker"] or "")
    assert any(c["kind"] == "date" and c["date"] == "2025-10-19" for c in claims)
    assert {3, 47} <= {c["value"] for c in claims if c["kind"] == "figure"}


def test_extract_reads_stdin(cli):
    result = cli("extract", "-", "--lang", "en", input='The minister said: "We will rebuild 40 schools."\n')
    assert result.exit_code == 0
    claims = json.loads(result.output)["claims"]
    assert [c["text"] for c in claims if c["kind"] == "quote"] == ["We will rebuild 40 schools."]


def test_dates_prints_one_json_line_per_input_line(cli):
    result = cli("dates", "--reference", "2025-11-07T22:13:00", "--lang", "ar",
                 input="في 19 من تشرين الأول الماضي\nلا تاريخ هنا\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert len(lines) == 2
    assert [d["value"] for d in lines[0]] == ["2025-10-19"] and lines[0][0]["grain"] == "day"
    assert lines[1] == []


def test_import_matches_across_sources_and_export_shows_it(cli, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text('وقال وزير الخارجية، أسعد الشيباني، إن "سوريا ستعيد بناء 300 مدرسة خلال عام 2026".\n',
                 encoding="utf-8")
    b = tmp_path / "b.html"
    b.write_text('<html><body><p>وقال وزير الخارجية أسعد الشيباني إن "سورية ستعيد بناء 300 مدرسة خلال عام 2026".'
                 '</p><script>alert(1)</script></body></html>', encoding="utf-8")
    r1 = cli("import", str(a), "--source", "Outlet A", "--published", "2025-11-07T10:00:00Z", "--lang", "ar")
    r2 = cli("import", str(b), "--source", "Outlet B", "--published", "2025-11-08T10:00:00Z", "--lang", "ar",
             "--url", "https://b.example/1")
    assert r1.exit_code == 0 and r2.exit_code == 0, r1.output + r2.output
    # Importing the same file again stores nothing new.
    again = cli("import", str(a), "--source", "Outlet A", "--published", "2025-11-07T10:00:00Z", "--lang", "ar")
    assert "unchanged" in again.output

    out = tmp_path / "claims.json"
    assert cli("export", "--format", "json", "--out", str(out)).exit_code == 0
    claims = json.loads(out.read_text(encoding="utf-8"))["claims"]
    quotes = [c for c in claims if c["kind"] == "quote"]
    assert len(quotes) == 2, "one quote per article, the re-import added none"
    by_source = {c["article"]["source"]: c for c in quotes}
    assert by_source["Outlet B"]["article"]["url"] == "https://b.example/1"
    assert "alert" not in by_source["Outlet B"]["sentence"]
    m = by_source["Outlet A"]["matches"]
    assert m and m[0]["source"] == "Outlet B" and m[0]["relation"] == "supports" and 0 <= m[0]["score"] <= 100
    assert by_source["Outlet B"]["matches"][0]["claim_id"] == by_source["Outlet A"]["id"]


def test_import_refuses_a_binary_file_and_stores_nothing(cli, tmp_path):
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    ok = tmp_path / "ok.txt"
    ok.write_text('He said: "This must not be stored either."', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(ok), str(png), "--source", "X"])
    assert result.exit_code == 2
    assert "photo.png" in result.output and "not a text or HTML file" in result.output
    out = cli("export", "--format", "json")
    assert json.loads(out.output)["claims"] == []


def test_decide_from_the_cli_is_recorded_and_exported(cli, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text('The mayor said: "The bridge will reopen on Monday."', encoding="utf-8")
    cli("import", str(art), "--source", "Town Crier", "--published", "2025-11-07T10:00:00Z", "--lang", "en")
    claim_id = json.loads(cli("export", "--format", "json").output)["claims"][0]["id"]
    assert cli("users", "add", "mona", "--role", "editor", env={"FACTCHECK_PASSWORD": "long enough pw"}).exit_code == 0
    r = cli("decide", str(claim_id), "--status", "disputed", "--note", "bridge still closed", "--as", "mona")
    assert r.exit_code == 0, r.output
    bad = CliRunner().invoke(main, ["decide", "999999", "--status", "disputed", "--as", "mona"])
    assert bad.exit_code == 2 and "does not exist" in bad.output
    row = json.loads(cli("export", "--format", "json").output)["claims"][0]
    assert row["status"] == "disputed"
    assert [(d["status"], d["editor"], d["note"]) for d in row["decisions"]] == [("disputed", "mona", "bridge still closed")]


def test_export_csv_has_bom_and_arabic(cli, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text('وقال الوزير إن "الجسر سيفتح يوم الاثنين".', encoding="utf-8")
    cli("import", str(art), "--source", "مصدر", "--published", "2025-11-07T10:00:00Z", "--lang", "ar")
    out = tmp_path / "x.csv"
    assert cli("export", "--format", "csv", "--out", str(out)).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows and rows[0]["source"] == "مصدر" and "الجسر سيفتح" in rows[0]["text"]


def test_export_to_an_unwritable_place_fails_cleanly(cli, tmp_path):
    r = CliRunner().invoke(main, ["export", "--format", "json", "--out", str(tmp_path / "nope" / "x.json")])
    assert r.exit_code == 2 and "does not exist" in r.output
    assert not (tmp_path / "nope").exists()


def test_db_reindex_rebuilds_the_index_and_matching_still_finds_the_other_source(cli, tmp_path, settings):
    from sqlalchemy import text as sql

    from factcheck.store.db import make_engine

    for name, when in (("Outlet A", "2025-11-07T10:00:00Z"), ("Outlet B", "2025-11-08T10:00:00Z")):
        f = tmp_path / f"{name}.txt"
        f.write_text('The minister said: "Forty schools will reopen in Aleppo next week."', encoding="utf-8")
        cli("import", str(f), "--source", name, "--published", when, "--lang", "en")
    engine = make_engine(settings.database_url)
    with engine.begin() as c:
        c.execute(sql("DELETE FROM claim_terms"))
    n_claims = len(json.loads(cli("export", "--format", "json").output)["claims"])
    r = cli("db", "reindex")
    assert r.exit_code == 0 and f"rebuilt for {n_claims} claims" in r.output, r.output
    with engine.connect() as c:
        assert c.execute(sql("SELECT count(*) FROM claim_terms")).scalar() > 0
    engine.dispose()
    # Re-importing B as edited text rematches through the rebuilt index.
    b = tmp_path / "Outlet B.txt"
    b.write_text('The minister said: "Forty schools will reopen in Aleppo next week." He added nothing.',
                 encoding="utf-8")
    cli("import", str(b), "--source", "Outlet B", "--published", "2025-11-08T10:00:00Z", "--lang", "en")
    rows = json.loads(cli("export", "--format", "json").output)["claims"]
    assert any(m["source"] == "Outlet A" for c in rows if c["article"]["source"] == "Outlet B" for m in c["matches"])


def import_quote_pair_strictly(cli, tmp_path):
    """Two reports of one quote, one word apart (text similarity 96, "supports" by default),
    imported under quote_same = 99, as a desk that wants identical wording only would; returns B's file."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text('وقال وزير الخارجية أسعد الشيباني إن "سوريا ستعيد بناء 300 مدرسة خلال عام 2026".\n', encoding="utf-8")
    b.write_text('وقال وزير الخارجية أسعد الشيباني إن "سورية ستعيد بناء 300 مدرسة جديدة خلال عام 2026".\n',
                 encoding="utf-8")
    strict = {"FACTCHECK_MATCH_QUOTE_SAME": "99"}
    for path, source, day in ((a, "Outlet A", "07"), (b, "Outlet B", "08")):
        r = cli("import", str(path), "--source", source, "--published", f"2025-11-{day}T10:00:00Z", "--lang", "ar",
                env=strict)
        assert r.exit_code == 0, r.output
    return b


def test_a_matcher_threshold_set_in_the_environment_decides_the_match(cli, tmp_path):
    b = import_quote_pair_strictly(cli, tmp_path)
    assert "supports" not in {relation for relation, _ in quote_matches(cli, tmp_path, "Outlet B")}
    # The same wording from a third outlet, matched with the default threshold: one quote. Its own
    # report (a line more than B's), not a copy of B's article: copies count as one article.
    c = tmp_path / "c.txt"
    c.write_text(b.read_text(encoding="utf-8") + "نقلا عن مصادر رسمية.\n", encoding="utf-8")
    r = cli("import", str(c), "--source", "Outlet C", "--published", "2025-11-08T11:00:00Z", "--lang", "ar")
    assert r.exit_code == 0, r.output
    assert ("supports", "same quote 96%, speaker agrees") in quote_matches(cli, tmp_path, "Outlet C")


def quote_matches(cli, tmp_path, source: str) -> list[tuple[str, str]]:
    """(relation, reason) of each match of Outlet A's quote with a claim of ``source``."""
    out = tmp_path / "claims.json"
    assert cli("export", "--format", "json", "--out", str(out)).exit_code == 0
    claims = json.loads(out.read_text(encoding="utf-8"))["claims"]
    (quote,) = [c for c in claims if c["kind"] == "quote" and c["article"]["source"] == "Outlet A"]
    return [(m["relation"], m["reason"]) for m in quote["matches"] if m["source"] == source]


@pytest.mark.parametrize("name, value, says", [
    ("FACTCHECK_MATCH_QUOTE_SAM", "60", "is not a matcher setting"),
    ("FACTCHECK_MATCH_QUOTE_SAME", "sixty", "must be a number from 0 to 100"),
    ("FACTCHECK_MATCH_QUOTE_WORDS_SHARED", "50", "must be a number from 0 to 1"),
    ("FACTCHECK_MATCH_SHORTLIST", "0", "must be a whole number at least 1"),
])
def test_a_mistyped_matcher_threshold_stops_the_command_with_its_name(cli, tmp_path, name, value, says):
    a = tmp_path / "a.txt"
    a.write_text('قال الوزير إن "المدارس ستفتح غدا".\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["import", str(a), "--source", "Outlet A", "--lang", "ar"], env={name: value})
    assert r.exit_code != 0
    assert name in str(r.exception) + r.output and says in str(r.exception) + r.output


def test_db_rematch_gives_old_claims_the_matches_of_todays_thresholds(cli, tmp_path):
    # Matched under a strict threshold, the two reports of one quote are no "supports";
    # after the desk goes back to the defaults, `db rematch` makes them so.
    import_quote_pair_strictly(cli, tmp_path)
    assert "supports" not in {relation for relation, _ in quote_matches(cli, tmp_path, "Outlet B")}
    r = cli("db", "rematch")
    assert r.exit_code == 0, r.output
    n_claims = len(json.loads(cli("export", "--format", "json").output)["claims"])
    assert f"matched {n_claims} claims again" in r.output
    before, after = map(int, re.search(r"supports (\d+) -> (\d+)", r.output).groups())
    assert after - before == 2  # the quote towards the other outlet's, both ways
    assert ("supports", "same quote 96%, speaker agrees") in quote_matches(cli, tmp_path, "Outlet B")


def test_db_rematch_refuses_a_day_it_cannot_read(cli):
    r = CliRunner().invoke(main, ["db", "rematch", "--since", "last week"])
    assert r.exit_code == 2 and "--since" in r.output


def test_import_without_lang_stores_the_detected_language(cli, tmp_path):
    """`--lang` defaults to detected: the claims then answer the language filter, and an Arabic and
    an English report of one figure are compared across languages, not as one language's wording."""
    ar = tmp_path / "ar.txt"
    ar.write_text('وقال وزير التربية إن "الوزارة ستبني 300 مدرسة في حلب خلال عام 2026".\n', encoding="utf-8")
    en = tmp_path / "en.txt"
    en.write_text('The education minister said: "The ministry will build 300 schools in Aleppo in 2026."\n',
                  encoding="utf-8")
    assert cli("import", str(ar), "--source", "Outlet A", "--published", "2025-11-07T10:00:00Z").exit_code == 0
    assert cli("import", str(en), "--source", "Outlet B", "--published", "2025-11-07T12:00:00Z").exit_code == 0
    claims = json.loads(cli("export", "--format", "json").output)["claims"]
    assert {c["article"]["source"]: c["article"]["language"] for c in claims} == {"Outlet A": "ar", "Outlet B": "en"}
    only_ar = json.loads(cli("export", "--format", "json", "--lang", "ar").output)["claims"]
    assert only_ar and {c["article"]["source"] for c in only_ar} == {"Outlet A"}
    reasons = [m["reason"] for c in claims for m in c["matches"]]
    assert reasons, "the two reports of one figure are matched"
    assert all("language" in r.lower() or "لغة" in r for r in reasons), reasons
