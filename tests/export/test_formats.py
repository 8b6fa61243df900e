"""Each format read back the way its consumer reads it: csv module, json, line by line, JSON-LD."""
from __future__ import annotations

import csv
import io
import json

from sqlalchemy import select

from factcheck.export.claimreview import shorten, speaker_node
from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.models import Article

from .conftest import AR_NOTE, AR_QUOTE, AR_SPEAKER, EN_NOTE, EN_QUOTE


def _csv(raw: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_opens_with_bom_and_reads_back_with_arabic_intact(cli, newsroom, tmp_path):
    out = tmp_path / "claims.csv"
    r = cli("--format", "csv", "--out", str(out))
    assert r.exit_code == 0, r.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8 Arabic"
    assert b"\r\n" in raw
    rows = {int(r["id"]): r for r in _csv(raw)}
    assert len(rows) == 7
    ar = rows[newsroom["ar_quote"]]
    assert ar["text"] == AR_QUOTE and ar["speaker"] == AR_SPEAKER and ar["source"] == "الجزيرة"
    assert ar["title"] == "ماكرون: الحرب على الإرهاب أولوية" and ar["url"] == "https://ar.example/1"
    assert ar["published"] == "2025-11-07T22:13:00Z" and ar["status"] == "corroborated"
    assert (ar["supporting_sources"], ar["conflicting_sources"]) == ("1", "1")
    assert (ar["last_editor"], ar["last_decided_at"], ar["last_note"]) == ("mona", "2025-11-10T09:30:00Z", AR_NOTE)
    en = rows[newsroom["en_quote"]]
    assert en["text"] == EN_QUOTE, "commas and quotes survive the round trip"
    assert (en["status"], en["last_editor"], en["last_note"]) == ("disputed", "rana", EN_NOTE)
    date = rows[newsroom["ar_date"]]
    assert date["date"] == "2025-10-19" and date["date_text"] == "19 من تشرين الأول الماضي"
    fig = rows[newsroom["ar_figure"]]
    assert (fig["value"], fig["unit"]) == ("47", "عامًا")
    pending = rows[newsroom["ar_date"]]
    assert pending["last_editor"] == "" and pending["last_decided_at"] == ""


def test_csv_neutralises_spreadsheet_formulas_from_feed_text(cli, newsroom, tmp_path):
    out = tmp_path / "claims.csv"
    cli("--format", "csv", "--out", str(out))
    row = {int(r["id"]): r for r in _csv(out.read_bytes())}[newsroom["formula"]]
    assert row["text"].startswith("'=HYPERLINK(") and row["speaker"] == "'-anon"


def test_csv_without_bom(cli, newsroom, tmp_path):
    out = tmp_path / "claims.csv"
    assert cli("--format", "csv", "--no-bom", "--out", str(out)).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"id,kind,status,text")
    assert raw.split(b"\r\n", 1)[0].endswith(b",language,date_text,story"), "new columns go last"
    assert len(_csv(raw)) == 7


def test_json_keeps_the_contract(cli, newsroom):
    r = cli("--format", "json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    claims = {c["id"]: c for c in doc["claims"]}
    assert len(claims) == 7 and doc["export"]["count"] == 7
    for c in claims.values():
        assert set(c) >= {"id", "kind", "text", "sentence", "start", "end", "speaker", "direct", "date", "date_text",
                          "value", "unit", "status", "article", "matches", "decisions"}
        assert set(c["article"]) >= {"source", "title", "url", "published", "language"}
    ar = claims[newsroom["ar_quote"]]
    assert [(m["claim_id"], m["source"], m["relation"], m["score"]) for m in ar["matches"]] == [
        (newsroom["en_quote"], "Wire EN", "supports", 88.0), (newsroom["c_quote"], "Outlet C", "conflicts", 71.5)]
    en = claims[newsroom["en_quote"]]
    assert [(d["status"], d["editor"], d["note"], d["at"]) for d in en["decisions"]] == [
        ("corroborated", "rana", "first look", "2025-11-09T08:00:00Z"),
        ("disputed", "rana", EN_NOTE, "2025-11-12T16:45:00Z")]
    assert claims[newsroom["ar_figure"]]["value"] == 47 and isinstance(claims[newsroom["ar_figure"]]["value"], int)


def test_jsonl_is_one_contract_row_per_line(cli, newsroom):
    lines = cli("--format", "jsonl").stdout.splitlines()
    full = json.loads(cli("--format", "json").stdout)["claims"]
    assert len(lines) == 7
    assert [json.loads(x) for x in lines] == full


def test_every_data_format_names_each_claims_story(cli, newsroom, factory, tmp_path):
    # Grouped as the pipeline groups them: the Arabic and the wire's quote support each other (88),
    # the other links are too loose to join a story; December's report is an event of its own.
    with transaction(factory) as s:
        stories.regroup(s, s.scalars(select(Article.id)).all())
    claims = {c["id"]: c for c in json.loads(cli("--format", "json").stdout)["claims"]}
    story = {name: claims[newsroom[name]]["story"] for name in ("ar_quote", "en_quote", "c_quote", "ar_figure")}
    assert isinstance(story["ar_quote"], int) and story["ar_quote"] == story["en_quote"]
    assert len({story["ar_quote"], story["c_quote"], story["ar_figure"]}) == 3
    assert claims[newsroom["ar_date"]]["story"] == story["ar_quote"], "a claim is in its article's story"
    lines = [json.loads(x) for x in cli("--format", "jsonl").stdout.splitlines()]
    assert {c["id"]: c["story"] for c in lines} == {i: c["story"] for i, c in claims.items()}
    out = tmp_path / "claims.csv"
    assert cli("--format", "csv", "--out", str(out)).exit_code == 0
    rows = _csv(out.read_bytes())
    assert {int(r["id"]): int(r["story"]) for r in rows} == {i: c["story"] for i, c in claims.items()}
    # ClaimReview stays one review per decided claim, with nothing of the grouping in it.
    assert not any("story" in json.dumps(n) for n in _reviews(cli))


def test_a_claim_of_an_article_in_no_story_has_a_null_story(cli, newsroom, tmp_path):
    claims = json.loads(cli("--format", "json").stdout)["claims"]
    assert [c["story"] for c in claims] == [None] * 7
    out = tmp_path / "claims.csv"
    cli("--format", "csv", "--out", str(out))
    assert [r["story"] for r in _csv(out.read_bytes())] == [""] * 7


# ---------------------------------------------------------------- ClaimReview


def _reviews(cli, *args, env=None) -> list[dict]:
    r = cli("--format", "claimreview", *args, env=env)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_claimreview_publishes_decided_claims_only(cli, newsroom):
    nodes = _reviews(cli)
    urls = sorted(n["url"] for n in nodes)
    decided = sorted(newsroom[k] for k in ("ar_quote", "en_quote", "ar_figure"))
    assert urls == [f"http://127.0.0.1:5000/claims/{i}" for i in decided]
    # Asked for pending claims explicitly: still nothing is published.
    assert _reviews(cli, "--status", "pending") == []
    assert _reviews(cli, "--status", "skipped") == []
    assert len(_reviews(cli, "--status", "pending", "--status", "disputed")) == 1


def test_claimreview_every_field(cli, newsroom):
    env = {"FACTCHECK_ORG_NAME": "مرصد الأخبار", "FACTCHECK_ORG_URL": "https://desk.example/",
           "FACTCHECK_REVIEW_URL": "https://desk.example/reviews/{id}.html",
           "FACTCHECK_RATINGS": "corroborated:7:صحيح,unverifiable:4:غير مؤكد,disputed:1:Disputed",
           "FACTCHECK_RATING_WORST": "1", "FACTCHECK_RATING_BEST": "7"}
    nodes = {n["url"]: n for n in _reviews(cli, env=env)}
    ar = nodes[f"https://desk.example/reviews/{newsroom['ar_quote']}.html"]
    # Valid JSON-LD structure: a node with the schema.org context and a type.
    assert ar["@context"] == "https://schema.org" and ar["@type"] == "ClaimReview"
    assert ar["claimReviewed"] == AR_QUOTE
    assert ar["author"] == {"@type": "Organization", "name": "مرصد الأخبار", "url": "https://desk.example/"}
    assert ar["datePublished"] == "2025-11-10", "the date of the decision that set the verdict"
    assert ar["reviewRating"] == {"@type": "Rating", "ratingValue": 7, "bestRating": 7, "worstRating": 1,
                                  "alternateName": "صحيح"}
    item = ar["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": AR_SPEAKER}
    assert item["datePublished"] == "2025-11-07"
    assert item["appearance"]["@type"] == "CreativeWork" and item["appearance"]["url"] == "https://ar.example/1"
    assert item["appearance"]["publisher"] == {"@type": "Organization", "name": "الجزيرة"}
    assert ar["reviewBody"] == AR_NOTE and ar["inLanguage"] == "ar"

    en = nodes[f"https://desk.example/reviews/{newsroom['en_quote']}.html"]
    assert en["reviewRating"]["alternateName"] == "Disputed" and en["reviewRating"]["ratingValue"] == 1
    assert en["datePublished"] == "2025-11-12", "the later decision, not the first"
    assert len(en["claimReviewed"]) <= 75 and en["claimReviewed"].endswith("…")
    assert EN_QUOTE.startswith(en["claimReviewed"][:-1]), "cut at a word, never rewritten"

    fig = nodes[f"https://desk.example/reviews/{newsroom['ar_figure']}.html"]
    assert fig["reviewRating"]["alternateName"] == "غير مؤكد" and fig["reviewRating"]["ratingValue"] == 4
    # No speaker: the outlet that stated the figure is the claim's author.
    assert fig["itemReviewed"]["author"] == {"@type": "Organization", "name": "الجزيرة"}


def test_claimreview_default_scale_and_labels(cli, newsroom):
    node = {n["url"]: n for n in _reviews(cli)}[f"http://127.0.0.1:5000/claims/{newsroom['ar_quote']}"]
    assert node["reviewRating"] == {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1,
                                    "alternateName": "Corroborated"}
    assert node["author"]["name"] == "factcheck desk"


def test_claim_author_kind_and_short_claims():
    assert speaker_node("the French Interior Ministry")["@type"] == "Organization"
    assert speaker_node("وزارة الداخلية السورية")["@type"] == "Organization"
    assert speaker_node("Emmanuel Macron")["@type"] == "Person"
    assert speaker_node("الرئيس أحمد الشرع")["@type"] == "Person"
    assert shorten("short claim") == "short claim"
    long = "كلمة " * 40
    cut = shorten(long)
    assert len(cut) <= 75 and cut.endswith("كلمة…")


# ---------------------------------------------------------------- HTML


def test_html_report_cover_groups_evidence_and_notes(cli, newsroom, tmp_path):
    out = tmp_path / "report.html"
    r = cli("--format", "html", "--since", "2025-11-01", "--until", "2025-11-30", "--out", str(out))
    assert r.exit_code == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<link" not in html.lower(), "self-contained, no scripts"
    assert "2025-11-01 – 2025-11-30" in html
    # Grouped by status, disputed first; the December figure is outside the period.
    order = [html.index(f'data-status="{s}"') for s in ("disputed", "corroborated", "pending", "skipped")]
    assert order == sorted(order) and 'data-status="unverifiable"' not in html
    assert html.index(f'id="claim-{newsroom["en_quote"]}"') < html.index(f'id="claim-{newsroom["ar_quote"]}"')
    assert f'<p class="claim-text" dir="auto">{AR_QUOTE}</p>' in html
    assert AR_NOTE in html and "Wording differs from the Élysée transcript" in html
    assert "1 supporting, 1 conflicting sources" in html
    assert "&#34;http://evil.example&#34;" in html or "&quot;http://evil.example&quot;" in html, "escaped"


def _matcher_reason(factory, newsroom):
    """Store on the Arabic quote's conflict the reason the matcher gives two reports of one event a day
    apart (its template and values, as pipeline.match_claim stores them); returns the stored reason."""
    from datetime import datetime, timezone

    from sqlalchemy import update

    from factcheck.store.db import transaction
    from factcheck.match import ClaimView, compare
    from factcheck.store.models import Match

    when = datetime(2025, 11, 8, tzinfo=timezone.utc)
    sentence = "أعلنت وزارة الداخلية القبض على خلية في ريف دمشق يوم {} تشرين الثاني"
    a = ClaimView(1, "A", "date", "10 تشرين الثاني", sentence.format(10), date="2025-11-10", grain="day",
                  published=when, lang="ar")
    b = ClaimView(2, "B", "date", "11 تشرين الثاني", sentence.format(11), date="2025-11-11", grain="day",
                  published=when, lang="ar")
    r = compare(a, b)
    assert r is not None and r.relation == "conflicts", r
    with transaction(factory) as s:
        s.execute(update(Match).where(Match.claim_id == newsroom["ar_quote"], Match.relation == "conflicts")
                  .values(reason=r.reason, reason_data=r.why.to_data()))
    return r


def test_html_report_in_arabic_translates_headings_statuses_and_reasons(cli, newsroom, factory, tmp_path):
    from factcheck.i18n import explain

    r = _matcher_reason(factory, newsroom)
    out = tmp_path / "report.html"
    done = cli("--format", "html", "--since", "2025-11-01", "--until", "2025-11-30", "--report-lang", "ar",
               "--out", str(out))
    assert done.exit_code == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    # The dates keep their own direction inside the Arabic sentence (first-strong isolates).
    assert "<h1>تقرير الادعاءات</h1>" in html
    assert "المقالات المنشورة \u20682025-11-01\u2069 – \u20682025-11-30\u2069" in html
    # The group headings, the relations, a decision's status and the evidence line are the desk's words.
    assert ">مشكوك فيه (1)</h2>" in html and ">يتعارض</span>" in html and ">يدعم</span>" in html
    assert "<b>مؤكدة</b>" in html and "الأدلة: مصادر داعمة 1، مصادر متعارضة 1" in html
    # The reason the matcher gave, in Arabic, and not its English.
    arabic = explain("ar", r.why)
    assert "التاريخان مختلفان" in arabic and arabic in html and r.reason not in html
    # What articles and editors wrote is as it was.
    assert f'<p class="claim-text" dir="auto">{AR_QUOTE}</p>' in html and EN_NOTE in html
    for english in ("Claim report", "Evidence:", ">disputed<", ">conflicts<", "Speaker:"):
        assert english not in html, english


def test_data_formats_keep_the_english_reason_whatever_the_report_language(cli, newsroom, factory, tmp_path):
    r = _matcher_reason(factory, newsroom)
    out = tmp_path / "claims.json"
    done = cli("--format", "json", "--report-lang", "ar", "--out", str(out))
    assert done.exit_code == 0, done.stderr
    rows = {c["id"]: c for c in json.loads(out.read_text(encoding="utf-8"))["claims"]}
    reasons = [m["reason"] for m in rows[newsroom["ar_quote"]]["matches"]]
    assert r.reason in reasons
    english = tmp_path / "report-en.html"
    assert cli("--format", "html", "--out", str(english)).exit_code == 0
    html = english.read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in html and r.reason in html and "<h1>Claim report</h1>" in html
