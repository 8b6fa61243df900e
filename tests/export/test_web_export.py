"""The Export page: login, filters, a streamed download named by period and format."""
from __future__ import annotations

import csv
import io
import json

from .conftest import AR_QUOTE


def test_export_needs_a_login(app, newsroom):
    c = app.test_client()
    for path in ("/exports", "/exports/download?format=csv"):
        r = c.get(path)
        assert r.status_code == 302 and "/login" in r.headers["Location"]


def test_export_page_offers_formats_and_filters(client, newsroom):
    html = client.get("/exports").get_data(as_text=True)
    for fmt in ("csv", "json", "jsonl", "claimreview", "html"):
        assert f'value="{fmt}"' in html
    assert "الجزيرة" in html and "Wire EN" in html and ">mona<" in html
    assert 'name="since"' in html and 'name="until"' in html and 'value="decision"' in html


def test_csv_download_is_named_by_period_and_filtered(client, newsroom):
    r = client.get("/exports/download?format=csv&since=2025-11-01&until=2025-11-30&lang=ar")
    assert r.status_code == 200
    assert r.headers["Content-Disposition"] == 'attachment; filename="factcheck-claims-2025-11-01_2025-11-30.csv"'
    assert r.headers["Content-Type"].startswith("text/csv")
    assert r.is_streamed
    raw = r.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    # Arabic claims of November only: the December figure is outside the period.
    assert {int(x["id"]) for x in rows} == {newsroom["ar_quote"], newsroom["ar_date"]}
    assert AR_QUOTE in {x["text"] for x in rows}


def test_other_formats_download(client, newsroom):
    r = client.get("/exports/download?format=claimreview&status=pending&status=disputed")
    assert r.headers["Content-Disposition"] == 'attachment; filename="factcheck-claims-all.jsonld"'
    nodes = json.loads(r.get_data(as_text=True))
    assert [n["reviewRating"]["alternateName"] for n in nodes] == ["Disputed"]
    r = client.get("/exports/download?format=jsonl&editor=mona&bom=0")
    assert len(r.get_data(as_text=True).splitlines()) == 2
    r = client.get("/exports/download?format=html&by=decision&since=2025-12-01&until=2025-12-31")
    html = r.get_data(as_text=True)
    assert r.headers["Content-Disposition"].endswith('factcheck-claims-2025-12-01_2025-12-31.html"')
    assert "script-src" not in r.headers["Content-Security-Policy"] and "default-src 'none'" in \
        r.headers["Content-Security-Policy"]
    assert 'data-status="unverifiable"' in html and 'data-status="disputed"' not in html


def test_bad_filters_answer_400_with_the_reason(client, newsroom):
    for query, message in (("format=xlsx", "unknown format"), ("format=csv&status=maybe", "unknown status"),
                           ("format=csv&since=2025-11-30&until=2025-11-01", "before the start date"),
                           ("format=csv&source=Nobody", "no source named"), ("format=csv&since=yesterday", "not a date")):
        r = client.get(f"/exports/download?{query}")
        assert r.status_code == 400, query
        assert message in r.get_data(as_text=True), query


def test_printed_report_is_in_the_editors_language(client, newsroom):
    client.set_cookie("lang", "ar")
    html = client.get("/exports/download?format=html").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html and "<h1>تقرير الادعاءات</h1>" in html and "كل التواريخ" in html
    in_arabic = json.loads(client.get("/exports/download?format=json").get_data(as_text=True))["claims"]
    client.set_cookie("lang", "en")
    assert '<html lang="en" dir="ltr">' in client.get("/exports/download?format=html").get_data(as_text=True)
    # A data format is the same in either language.
    in_english = json.loads(client.get("/exports/download?format=json").get_data(as_text=True))["claims"]
    assert in_arabic == in_english and any(c["matches"] for c in in_english)
