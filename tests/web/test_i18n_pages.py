"""The Export page, the error pages and the review messages in Arabic (right to left) and in English.

Each Arabic check also asserts the English wording is gone, so a missing
translation (which falls back to English) fails the test.
"""
from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest
from sqlalchemy import select, text

import factcheck
import factcheck.export.config  # noqa: F401  (the Explained subclasses are defined once imported)
import factcheck.store.reports  # noqa: F401
from factcheck.store.db import transaction
from factcheck.export import ExportConfig, ExportConfigError, load_export_config
from factcheck.i18n import FSI, PDI, explain
from factcheck.messages import Explained, Message
from factcheck.store.reports import ExportFilters, FilterError, check_filters, prepare_export
from factcheck.store.review import MissingClaim, ReviewError, StaleClaim, create_user, decide, decide_many, undo
from factcheck.store import stories
from factcheck.store.fact_decisions import MissingFact, MissingStory, NotInFact, StaleFact, decide_fact, undo_fact
from factcheck.store.models import Article, Claim
from factcheck.store.story_edits import MissingArticle, StaleStory, StoryEditError, move_article
from factcheck.store.story_edits import MissingStory as MovedToMissingStory
from factcheck.store.story_list import StoryFilters, list_stories

from ..conftest import admin_client, csrf_token, login
from ..support.catalog import arabic as arabic_catalog
from . import data

AR = arabic_catalog()

RTL_HTML = '<html lang="ar" dir="rtl">'
LTR_HTML = '<html lang="en" dir="ltr">'


def _isolated(value: str) -> str:
    """A value inside an Arabic message, as it reaches the page (escaped like Jinja does)."""
    return FSI + value.replace("'", "&#39;") + PDI


def to_arabic(client) -> None:
    """Through the switch in the header, as an editor would."""
    r = client.post("/lang/ar", data={"csrf_token": csrf_token(client), "next": "/queue"})
    assert r.status_code == 303


def _claims(factory, n: int = 2) -> list[int]:
    with transaction(factory) as s:
        return [data.claim(s, f"Outlet {i}", f"The bridge will reopen on day {i}.").id for i in range(n)]


def _decide(client, cid: int, status: str, version: str = "1", **kw):
    return client.post(f"/claims/{cid}/decide", data={"status": status, "version": version,
                                                      "csrf_token": csrf_token(client, f"/claims/{cid}")}, **kw)


def _flashes(html: str, category: str) -> list[str]:
    return re.findall(rf'<p class="flash {category}"[^>]*>(.*?)</p>', html, re.S)


def _flash_errors(html: str) -> list[str]:
    return _flashes(html, "error")


def _error_detail(html: str) -> tuple[str, str]:
    """(lang attribute, text) of an error page's reason."""
    m = re.search(r'<p class="error-detail" lang="(\w+)" dir="auto">(.*?)</p>', html, re.S)
    assert m, "no reason on the error page"
    return m.group(1), m.group(2)


def _to_english(client) -> None:
    r = client.post("/lang/en", data={"csrf_token": csrf_token(client), "next": "/queue"})
    assert r.status_code == 303


# ---------------------------------------------------------------- the Export page


def test_export_page_in_arabic(client):
    to_arabic(client)
    html = client.get("/exports").get_data(as_text=True)
    assert RTL_HTML in html
    for arabic in ("<title>التصدير · factcheck</title>", "<h1>تصدير الادعاءات</h1>", "<legend>الصيغة</legend>",
                   "<legend>الفترة</legend>", "حسب تاريخ المقال", "حسب تاريخ القرار", "إن لم تحدّد أيًّا منها",
                   "تقرير قابل للطباعة (HTML)", "ClaimReview JSON-LD (الادعاءات المحسومة فقط)",
                   "المصدر واللغة والمحرر", "صاحب القرار", '<option value="">أي محرر</option>',
                   '<button type="submit">تنزيل</button>', "> مؤكدة</label>", "> اقتباس</label>"):
        assert arabic in html, arabic
    for english in ("Export claims", "Download", "Decided by", "by article date", "Printable report",
                    "None ticked", "anyone", "> corroborated</label>"):
        assert english not in html, english
    # The form still sends the same values whatever the language.
    assert 'name="status" value="corroborated"' in html and 'name="kind" value="quote"' in html
    assert 'value="html"' in html and 'name="by" value="decision"' in html


def test_export_page_in_english_is_unchanged(client):
    html = client.get("/exports", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert LTR_HTML in html
    for english in ("<title>Export · factcheck</title>", "<h1>Export claims</h1>", "<legend>Format</legend>",
                    "Printable report (HTML)", "CSV without byte-order mark (for tools other than Excel)",
                    "by article date", "None ticked: every status.", "Decided by", '<option value="">anyone</option>',
                    '<button type="submit">Download</button>', "> corroborated</label>"):
        assert english in html, english
    assert "تصدير" not in html.split("</nav>")[1]


def test_export_filter_errors_in_arabic(client):
    to_arabic(client)
    for query, arabic in (
            ("format=xlsx", "صيغة غير معروفة " + _isolated("'xlsx'") + "؛ استخدم إحدى الصيغ"),
            ("format=csv&since=yesterday", "تاريخ البداية " + _isolated("'yesterday'") + " ليس تاريخًا بصيغة"),
            ("format=csv&since=2025-11-30&until=2025-11-01",
             "تاريخ النهاية " + _isolated("2025-11-01") + " يسبق تاريخ البداية " + _isolated("2025-11-30")),
            ("format=csv&until=later", "تاريخ النهاية " + _isolated("'later'") + " ليس تاريخًا بصيغة 2025-11-30"),
            ("format=csv&source=Nobody", "لا يوجد مصدر باسم " + _isolated("'Nobody'")),
            ("format=csv&editor=Nobody", "لا يوجد محرر باسم " + _isolated("'Nobody'")),
            ("format=csv&status=maybe", "حالة غير معروفة " + _isolated("'maybe'"))):
        r = client.get(f"/exports/download?{query}")
        html = r.get_data(as_text=True)
        assert r.status_code == 400 and RTL_HTML in html, query
        assert "<h1>طلب غير صالح</h1>" in html and arabic in html, query
        assert _error_detail(html)[0] == "ar", query
        for english in ("unknown", "not a date", "before the start", "no source named", "no editor named",
                        "Bad Request"):
            assert english not in html, (query, english)


def test_export_filter_errors_in_english_are_unchanged(client):
    for query, english in (
            ("format=xlsx", "unknown format 'xlsx'; use one of csv, json, jsonl, claimreview, html"),
            ("format=csv&since=yesterday", "the start date 'yesterday' is not a date like 2025-11-30"),
            ("format=csv&until=later", "the end date 'later' is not a date like 2025-11-30"),
            ("format=csv&since=2025-11-30&until=2025-11-01",
             "the end date 2025-11-01 is before the start date 2025-11-30"),
            ("format=csv&source=Nobody", "no source named 'Nobody'"),
            ("format=csv&editor=Nobody", "no editor named 'Nobody'"),
            ("format=csv&status=maybe",
             "unknown status 'maybe'; use one of pending, corroborated, disputed, unverifiable, skipped")):
        r = client.get(f"/exports/download?{query}", headers={"Accept-Language": "en"})
        html = r.get_data(as_text=True)
        assert r.status_code == 400 and LTR_HTML in html and "<h1>Bad Request</h1>" in html, query
        assert _error_detail(html) == ("en", english.replace("'", "&#39;")), query


def test_an_overlong_value_is_refused_in_arabic(client):
    # The reason is translated from its template whatever the value's length; the value is shown as sent.
    to_arabic(client)
    r = client.get("/exports/download?format=csv&status=" + "x" * 500)
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and RTL_HTML in html and "<h1>طلب غير صالح</h1>" in html
    assert _error_detail(html) == ("ar", "حالة غير معروفة " + _isolated(repr("x" * 500)) + "؛ استخدم إحدى القيم: "
                                   + _isolated("pending, corroborated, disputed, unverifiable, skipped"))
    assert "unknown status" not in html


def test_bad_export_settings_are_a_400_in_arabic_and_english(client, monkeypatch):
    # The server's FACTCHECK_* variables are read at each download: a wrong one is explained, not a 500.
    monkeypatch.setenv("FACTCHECK_RATINGS", "pending:1:Pending")
    to_arabic(client)
    r = client.get("/exports/download?format=csv")
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and RTL_HTML in html and "<h1>طلب غير صالح</h1>" in html
    assert _error_detail(html) == ("ar", "FACTCHECK_RATINGS: الحالة " + _isolated("'pending'")
                                   + " ليست حكمًا ولا تُنشر أبدًا")
    assert "is not a verdict" not in html

    monkeypatch.setenv("FACTCHECK_RATINGS", "corroborated:5:Yes,disputed:1:No")
    monkeypatch.setenv("FACTCHECK_REVIEW_URL", "https://desk.example/claims/")
    _to_english(client)
    r = client.get("/exports/download?format=csv")
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and LTR_HTML in html and "<h1>Bad Request</h1>" in html
    assert _error_detail(html) == (
        "en", "FACTCHECK_REVIEW_URL must contain {id}, got &#39;https://desk.example/claims/&#39;")
    to_arabic(client)
    html = client.get("/exports/download?format=csv").get_data(as_text=True)
    assert _error_detail(html) == (
        "ar", "يجب أن يحتوي FACTCHECK_REVIEW_URL على {id}، والقيمة المضبوطة "
        + _isolated("'https://desk.example/claims/'"))


# ---------------------------------------------------------------- error pages


def test_404_page_in_arabic_for_a_visitor_and_an_editor(app, client):
    visitor = app.test_client()
    for c, headers in ((visitor, {"Accept-Language": "ar"}), (client, {})):
        if c is client:
            to_arabic(client)
        r = c.get("/no-such-page", headers=headers)
        html = r.get_data(as_text=True)
        assert r.status_code == 404
        assert RTL_HTML in html and "<title>404 غير موجود · factcheck</title>" in html
        assert "لم يُعثر على الرابط المطلوب على الخادم" in html
        assert "العودة إلى قائمة المراجعة" in html
        assert "Not Found" not in html and "was not found on the server" not in html
    # The layout came with it: the language switch back to English.
    assert 'action="/lang/en"' in html


def test_404_page_in_english_keeps_werkzeug_wording(app):
    r = app.test_client().get("/no-such-page", headers={"Accept-Language": "en"})
    html = r.get_data(as_text=True)
    assert r.status_code == 404 and LTR_HTML in html
    assert "<h1>Not Found</h1>" in html and "The requested URL was not found on the server." in html
    assert "Back to the queue" in html and 'action="/lang/ar"' in html


def test_unknown_interface_language_is_a_404_in_the_current_one(client):
    to_arabic(client)
    r = client.post("/lang/xx", data={"csrf_token": csrf_token(client), "next": "/queue"})
    assert r.status_code == 404
    assert _error_detail(r.get_data(as_text=True)) == ("ar", "لغة غير معروفة " + _isolated("'xx'"))
    _to_english(client)
    r = client.post("/lang/xx", data={"csrf_token": csrf_token(client), "next": "/queue"})
    assert r.status_code == 404
    assert _error_detail(r.get_data(as_text=True)) == ("en", "unknown language &#39;xx&#39;")


def test_missing_claim_is_a_404_in_arabic(client):
    to_arabic(client)
    r = client.get("/claims/999999")
    html = r.get_data(as_text=True)
    assert r.status_code == 404 and RTL_HTML in html
    assert "الادعاء رقم 999999 غير موجود" in html and "does not exist" not in html
    r = client.post("/claims/999999/decide", data={"status": "disputed", "csrf_token": csrf_token(client)})
    assert r.status_code == 404 and "الادعاء رقم 999999 غير موجود؛ لم يُحفظ شيء" in r.get_data(as_text=True)


def test_bad_queue_input_is_a_400_in_arabic(client):
    to_arabic(client)
    for query, arabic in (("status=burn", "حالة غير معروفة " + _isolated("'burn'") + "؛ استخدم إحدى القيم: "),
                          ("page=0", "يجب أن تكون قيمة " + _isolated("page") + " بين 1 و1000، والقيمة المرسلة 0"),
                          ("page=abc", "يجب أن تكون قيمة " + _isolated("page") + " عددًا صحيحًا"),
                          ("from=yesterday", "تاريخًا بصيغة 2025-11-07، والقيمة المرسلة " + _isolated("'yesterday'")),
                          ("after=999999999", "الادعاء رقم 999999999 غير موجود (تغيّرت قائمة المراجعة")):
        r = client.get("/queue?" + query)
        html = r.get_data(as_text=True)
        assert r.status_code == 400 and RTL_HTML in html, query
        assert arabic in html, query
        assert "must be" not in html and "unknown status" not in html and "does not exist" not in html, query


def test_bad_queue_input_in_english_is_unchanged(client):
    r = client.get("/queue?status=burn", headers={"Accept-Language": "en"})
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and LTR_HTML in html and "<h1>Bad Request</h1>" in html
    assert "unknown status &#39;burn&#39;; use one of pending, corroborated, disputed, unverifiable, skipped" in html
    assert client.get("/queue?page=0").get_data(as_text=True).count("page must be between 1 and 1000, got 0") == 1


def test_csrf_refusal_is_a_400_in_arabic(client, factory):
    # Flask-WTF refuses before the app's own request hooks run: the page still finds the language.
    to_arabic(client)
    r = client.post("/undo", data={})
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and RTL_HTML in html
    assert "رمز الحماية من الطلبات المزوّرة (CSRF) مفقود." in html and "The CSRF token is missing." not in html


def test_403_for_an_editor_on_an_admin_page_in_arabic(client):
    to_arabic(client)
    r = client.get("/admin/users")
    html = r.get_data(as_text=True)
    assert r.status_code == 403 and RTL_HTML in html
    assert "<h1>غير مسموح</h1>" in html and "هذه الصفحة للمديرين فقط" in html
    assert "this page is for admins" not in html and "Forbidden" not in html


def test_405_keeps_its_allow_header_in_arabic(client):
    to_arabic(client)
    r = client.get("/undo")
    html = r.get_data(as_text=True)
    assert r.status_code == 405 and "POST" in r.headers["Allow"]
    assert RTL_HTML in html and "<h1>طريقة الطلب غير مسموح بها</h1>" in html and "Method Not Allowed" not in html


def test_413_note_too_long_in_arabic(client, factory):
    [cid] = _claims(factory, 1)
    to_arabic(client)
    r = client.post(f"/claims/{cid}/decide", data={"status": "disputed", "note": "x" * 10_001,
                                                  "csrf_token": csrf_token(client)})
    html = r.get_data(as_text=True)
    assert r.status_code == 413 and RTL_HTML in html
    assert "الملاحظة أطول من المسموح (عدد أحرفها 10001 والحد الأقصى 10000)؛ لم يُحفظ شيء" in html
    assert "note too long" not in html


def test_500_page_in_arabic_and_english(app):
    # An unhandled exception, as a bug would raise: the page is the app's, not a bare Werkzeug one.
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("bug")

    c = app.test_client()
    r = c.get("/boom", headers={"Accept-Language": "ar"})
    html = r.get_data(as_text=True)
    assert r.status_code == 500 and RTL_HTML in html
    assert "<h1>خطأ داخلي في الخادم</h1>" in html and "واجه الخادم خطأً داخليًا" in html
    assert "Internal Server Error" not in html and "bug" not in html
    r = c.get("/boom", headers={"Accept-Language": "en"})
    html = r.get_data(as_text=True)
    assert r.status_code == 500 and LTR_HTML in html and "<h1>Internal Server Error</h1>" in html
    assert "The server encountered an internal error" in html
    assert r.headers["Content-Security-Policy"].startswith("default-src 'self'"), "still the app's headers"


def test_rate_limited_login_is_a_429_in_arabic(app, editor):
    c = app.test_client()
    c.set_cookie("lang", "ar")
    for _ in range(5):
        login(c, "rana", "wrong guess")
    r = login(c, "rana", "correct horse battery")
    html = r.get_data(as_text=True)
    assert r.status_code == 429 and RTL_HTML in html
    assert "محاولات دخول فاشلة كثيرة" in html and "Too many failed logins" not in html


# ---------------------------------------------------------------- review messages


def test_nothing_to_undo_in_arabic_and_english(client):
    to_arabic(client)
    r = client.post("/undo", data={"csrf_token": csrf_token(client)}, follow_redirects=True)
    html = r.get_data(as_text=True)
    assert RTL_HTML in html and _flash_errors(html) == ["لا شيء للتراجع عنه"]
    _to_english(client)
    html = client.post("/undo", data={"csrf_token": csrf_token(client)}, follow_redirects=True).get_data(as_text=True)
    assert LTR_HTML in html and _flash_errors(html) == ["nothing to undo"]


def test_stale_decision_names_the_colleague_in_arabic(client, factory):
    [cid, _] = _claims(factory)
    to_arabic(client)
    assert _decide(client, cid, "corroborated").status_code == 303
    html = _decide(client, cid, "disputed", follow_redirects=True).get_data(as_text=True)
    assert RTL_HTML in html
    assert _flash_errors(html) == [f"غيّر {_isolated('rana')} الادعاء رقم {cid} قبل لحظات "
                                   f"(حالته الآن: {_isolated('مؤكدة')})؛ أعد تحميل الصفحة وحاول مجددًا"]


def test_stale_decision_in_english_is_unchanged(client, factory):
    [cid, _] = _claims(factory)
    assert _decide(client, cid, "corroborated").status_code == 303
    html = _decide(client, cid, "disputed", follow_redirects=True).get_data(as_text=True)
    assert _flash_errors(html) == [f"claim {cid} was changed by rana a moment ago (now corroborated); "
                                   "reload and try again"]


def test_undo_over_a_colleague_is_refused_in_arabic(client, factory):
    [cid, _] = _claims(factory)
    to_arabic(client)
    _decide(client, cid, "disputed")
    with transaction(factory) as s:
        decide(s, cid, create_user(s, "omar", "another long password"), "unverifiable")
    html = client.post("/undo", data={"csrf_token": csrf_token(client)}, follow_redirects=True).get_data(as_text=True)
    assert _flash_errors(html) == [f"غيّر {_isolated('omar')} الادعاء رقم {cid} قبل لحظات "
                                   f"(حالته الآن: {_isolated('لا يمكن التحقق')})؛ أعد تحميل الصفحة وحاول مجددًا"]


def test_bulk_decision_results_in_arabic_and_english(client, factory):
    ids = _claims(factory, 3)
    with transaction(factory) as s:  # a colleague decides the last one first
        decide(s, ids[2], create_user(s, "omar", "another long password"), "disputed")
    form = {"status": "corroborated", "claim": [str(i) for i in ids], **{f"v{i}": "1" for i in ids}}

    to_arabic(client)
    html = client.post("/queue/decide", data={**form, "csrf_token": csrf_token(client)},
                       follow_redirects=True).get_data(as_text=True)
    assert RTL_HTML in html
    assert "عدد الادعاءات المحسومة: 2 (" + _isolated("مؤكدة") + ")" in html and "×" not in html
    assert _flash_errors(html) == [f"غيّر {_isolated('omar')} الادعاء رقم {ids[2]} قبل لحظات "
                                   f"(حالته الآن: {_isolated('مشكوك فيها')})؛ أعد تحميل الصفحة وحاول مجددًا"]

    client.post("/lang/en", data={"csrf_token": csrf_token(client), "next": "/queue"})
    with transaction(factory) as s:
        more = [data.claim(s, "Outlet X", f"Another claim {i}.").id for i in range(2)]
        decide(s, more[1], create_user(s, "lina", "another long password"), "skipped")
    form = {"status": "disputed", "claim": [str(i) for i in more], **{f"v{i}": "1" for i in more}}
    html = client.post("/queue/decide", data={**form, "csrf_token": csrf_token(client)},
                       follow_redirects=True).get_data(as_text=True)
    assert "1 × disputed" in html
    assert _flash_errors(html) == [f"claim {more[1]} was changed by lina a moment ago (now skipped); "
                                   "reload and try again"]


def test_bulk_decision_on_a_missing_claim_in_arabic_and_english(client, factory):
    # A claim deleted (or never there) after the page was drawn: the others are still decided.
    [cid] = _claims(factory, 1)
    form = {"status": "disputed", "claim": [str(cid), "999999"], f"v{cid}": "1", "v999999": "1"}
    to_arabic(client)
    html = client.post("/queue/decide", data={**form, "csrf_token": csrf_token(client)},
                       follow_redirects=True).get_data(as_text=True)
    assert RTL_HTML in html and "عدد الادعاءات المحسومة: 1 (" + _isolated("مشكوك فيها") + ")" in html
    assert _flash_errors(html) == ["الادعاء رقم 999999 غير موجود"]

    _to_english(client)
    form = {"status": "corroborated", "claim": ["999998"], "v999998": "1"}  # every claim with its version
    html = client.post("/queue/decide", data={**form, "csrf_token": csrf_token(client)},
                       follow_redirects=True).get_data(as_text=True)
    assert LTR_HTML in html and _flash_errors(html) == ["claim 999998 does not exist"]


def test_refused_new_user_in_arabic_and_english(app, factory, editor):
    c = admin_client(app, factory)
    to_arabic(c)
    for form, arabic in (({"name": "lina", "password": "short"}, "يجب ألا تقل كلمة المرور عن 8 أحرف"),
                         ({"name": "rana", "password": "long enough"}, "المستخدم " + _isolated("'rana'")
                          + " موجود مسبقًا"),
                         ({"name": "lina", "password": "long enough", "role": "owner"},
                          "دور غير معروف " + _isolated("'owner'") + "؛ استخدم editor (محرر) أو admin (مدير)")):
        html = c.post("/admin/users", data={**form, "csrf_token": csrf_token(c, "/admin/users")},
                      follow_redirects=True).get_data(as_text=True)
        assert RTL_HTML in html and _flash_errors(html) == [arabic], form
    _to_english(c)
    html = c.post("/admin/users", data={"name": "rana", "password": "long enough",
                                        "csrf_token": csrf_token(c, "/admin/users")},
                  follow_redirects=True).get_data(as_text=True)
    assert LTR_HTML in html and _flash_errors(html) == ["user &#39;rana&#39; already exists"]


def test_admin_refusals_in_arabic(app, factory, editor):
    c = admin_client(app, factory)
    to_arabic(c)
    r = c.post("/admin/feeds/424242/enable", data={"csrf_token": csrf_token(c, "/admin/feeds")})
    html = r.get_data(as_text=True)
    assert r.status_code == 404 and _error_detail(html) == ("ar", "المصدر رقم 424242 غير موجود")
    r = c.post("/admin/feeds", data={"csrf_token": csrf_token(c, "/admin/feeds"), "url": "file:///etc/passwd"})
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and _error_detail(html) == ("ar", "يجب أن يبدأ رابط المصدر بـ http:// أو https://")


def test_admin_notices_in_arabic_and_english(app, factory, editor):
    c = admin_client(app, factory)
    url = "https://127.0.0.1:9/feed.xml"
    for lang, user, added, again, failed in (
            ("ar", "lina", "أُضيف المستخدم " + _isolated("'lina'"),
             "الرابط " + _isolated(url) + " مسجَّل مصدرًا من قبل", "تعذّر جلب المصدر: "),
            ("en", "rami", "user &#39;rami&#39; added", f"{url} is already a feed", "poll failed: ")):
        (to_arabic if lang == "ar" else _to_english)(c)
        r = c.post("/admin/users", data={"csrf_token": csrf_token(c, "/admin/users"), "name": user,
                                         "password": "long enough"}, follow_redirects=True)
        assert _flashes(r.get_data(as_text=True), "ok") == [added]
        r = c.post("/admin/feeds", data={"csrf_token": csrf_token(c, "/admin/feeds"), "url": url},
                   follow_redirects=True)
        html = r.get_data(as_text=True)
        if lang == "ar":
            assert _flashes(html, "ok") == ["أُضيف المصدر " + _isolated(url)]
        else:  # added in the Arabic round already
            assert _flashes(html, "error") == [again]
        with transaction(factory) as s:
            feed_id = s.scalar(text("SELECT id FROM feeds WHERE url = :u"), {"u": url})
        # A loopback feed is refused at poll time: the poll fails, and says so in the page's language
        # (the feed's own error text stays as the poller wrote it, as on the feeds table).
        r = c.post(f"/admin/feeds/{feed_id}/poll", data={"csrf_token": csrf_token(c, "/admin/feeds")},
                   follow_redirects=True)
        [notice] = _flashes(r.get_data(as_text=True), "error")
        assert notice.startswith(failed) and len(notice) > len(failed) + 5
    to_arabic(c)
    r = c.post("/admin/feeds", data={"csrf_token": csrf_token(c, "/admin/feeds"), "url": url}, follow_redirects=True)
    assert _flashes(r.get_data(as_text=True), "error") == ["الرابط " + _isolated(url) + " مسجَّل مصدرًا من قبل"]


def test_lock_notice_in_arabic(app, client, factory):
    [cid, _] = _claims(factory)
    client.get(f"/claims/{cid}")  # rana opens it
    with transaction(factory) as s:
        create_user(s, "omar", "another long password")
    omar = app.test_client()
    login(omar, "omar", "another long password")
    to_arabic(omar)
    html = omar.get(f"/claims/{cid}").get_data(as_text=True)
    assert '<b dir="auto">rana</b> يعمل على هذا الادعاء (منذ' in html and "is on this claim" not in html


# ---------------------------------------------------------------- the catalog itself


def _review_errors(factory) -> list[Explained]:
    """The errors factcheck.store.review really raises or reports, from its own code paths."""
    out: list[Explained] = []
    with transaction(factory) as s:
        user = create_user(s, "sami", "another long password")
        cid = data.claim(s, "Outlet", "The bridge will reopen.").id
        for call in (lambda: undo(s, user), lambda: decide(s, 123456, user, "disputed"),
                     lambda: decide(s, 1, user, "burn"), lambda: decide(s, 1, user, "disputed", "x" * 10_001),
                     lambda: create_user(s, "x", "long enough", "owner"), lambda: create_user(s, " ", "long enough"),
                     lambda: create_user(s, "sami", "long enough"), lambda: create_user(s, "y", "short")):
            with pytest.raises(ReviewError) as exc:
                call()
            out.append(exc.value)
        # A fact of a story decided at once (factcheck.store.fact_decisions).
        stories.regroup(s, [s.get(Claim, cid).article_id])
        sid = s.scalar(select(Article.story_id).join(Claim, Claim.article_id == Article.id).where(Claim.id == cid))
        for call in (lambda: decide_fact(s, sid, cid, user, "disputed", leave=[cid]),
                     lambda: decide_fact(s, sid, cid, user, "disputed", claims=[cid], versions={}),
                     lambda: undo_fact(s, sid, 999, user), lambda: decide_fact(s, 999999, cid, user, "disputed"),
                     lambda: decide_fact(s, sid, cid + 1000, user, "disputed"),
                     lambda: decide_fact(s, sid, cid, user, "disputed", leave=[cid + 1000])):
            with pytest.raises(ReviewError) as exc:
                call()
            out.append(exc.value)
        with pytest.raises(StaleFact) as stale_fact:
            decide_fact(s, sid, cid, user, "disputed", claims=[cid], versions={cid: 99})
        out.append(stale_fact.value)
        decide(s, cid, user, "disputed")
        with pytest.raises(StaleClaim) as stale:
            decide(s, cid, user, "corroborated", expected_version=1)
        out.append(stale.value)
    out.append(StaleClaim(7, None, "deleted"))
    return out


def _bulk_problems(factory) -> list[Message]:
    with transaction(factory) as s:
        user = create_user(s, "nour", "another long password")
        cid = data.claim(s, "Outlet", "The ferry will sail.").id
        decide(s, cid, user, "skipped")
        done, problems = decide_many(s, [cid, 987654], user, "disputed", versions={cid: 1})
    assert done == [] and len(problems) == 2
    return problems


def _story_edit_errors(factory) -> list[Explained]:
    """The errors factcheck.store.story_edits really raises when an editor moves an article."""
    out: list[Explained] = []
    with transaction(factory) as s:
        user = create_user(s, "lina", "another long password")
        aid = s.get(Claim, data.claim(s, "Outlet", "The port will reopen.").id).article_id
        with pytest.raises(StoryEditError) as exc:  # not grouped yet: in no story
            move_article(s, aid, None, user)
        out.append(exc.value)
        stories.regroup(s, [aid])
        sid = s.get(Article, aid).story_id
        for call in (lambda: move_article(s, aid, None, user), lambda: move_article(s, aid, sid, user),
                     lambda: move_article(s, aid, sid + 1000, user), lambda: move_article(s, aid + 1000, None, user),
                     lambda: move_article(s, aid, None, user, seen_in=sid + 1)):
            with pytest.raises(StoryEditError) as exc:
                call()
            out.append(exc.value)
    return out


def _story_filter_errors(factory) -> list[FilterError]:
    """The listing's filters (factcheck stories) and the story-grouped report refusing what they cannot do."""
    out = []
    for kw in ({"order": "loudest"}, {"min_outlets": 0}, {"limit": 0}):
        with pytest.raises(FilterError) as exc:
            StoryFilters(**kw)
        out.append(exc.value)
    with factory() as s:
        for call in (lambda: list_stories(s, StoryFilters(outlets=("Nobody",))),
                     lambda: prepare_export(s, "csv", ExportFilters(), by_story=True)):
            with pytest.raises(FilterError) as exc:
                call()
            out.append(exc.value)
    return out


def _filter_errors(factory) -> list[FilterError]:
    out = []
    for kw in ({"statuses": ["maybe"]}, {"kinds": ["rumour"]}, {"by": "whenever"}, {"languages": ["1"]},
               {"since": "2025-11-30", "until": "2025-11-01"}, {"since": "soon"}, {"until": "later"}):
        with pytest.raises(FilterError) as exc:
            ExportFilters.parse(**kw)
        out.append(exc.value)
    with factory() as s:
        for f, fmt in ((ExportFilters(sources=("Nobody",)), "csv"), (ExportFilters(editor="Nobody"), "csv"),
                       (ExportFilters(), "xlsx")):
            with pytest.raises(FilterError) as exc:
                check_filters(s, f) if fmt == "csv" else prepare_export(s, fmt, f)
            out.append(exc.value)
    return out


def _config_errors() -> list[ExportConfigError]:
    out = []
    for env in ({"FACTCHECK_RATINGS": "corroborated"}, {"FACTCHECK_RATINGS": "skipped:1:Later"},
                {"FACTCHECK_RATINGS": "corroborated:five:Yes"}, {"FACTCHECK_RATING_BEST": "top"},
                {"FACTCHECK_REVIEW_URL": "https://desk.example/"}, {"FACTCHECK_RATING_BEST": "4"}):
        with pytest.raises(ExportConfigError) as exc:
            load_export_config(env)
        out.append(exc.value)
    with pytest.raises(ExportConfigError) as exc:
        ExportConfig(ratings={})
    out.append(exc.value)
    return out


def test_every_message_a_lower_layer_produces_has_its_arabic(factory):
    # If review.py, reports.py or export/config.py reword a message, its key leaves the catalog: this says which.
    messages: list[Explained | Message] = (_review_errors(factory) + _bulk_problems(factory)
                                           + _filter_errors(factory) + _config_errors()
                                           + _story_edit_errors(factory) + _story_filter_errors(factory))
    # Every template written at a raise site is reached here through the real functions.
    fixed_in_class = {StaleClaim(0, None, "pending").template, MissingClaim(0).template, MissingStory(0).template,
                      MissingFact(0, 0).template, NotInFact(0, 0, 0).template,
                      StaleFact(StaleClaim(0, None, "pending")).template, MissingArticle(0).template,
                      MovedToMissingStory(0).template, StaleStory(0, 0, None).template}
    assert {m.template for m in messages} == {t for t, _ in _raise_site_templates()} | fixed_in_class
    for m in messages:
        assert m.template in AR, m.template
        english = m.template.format(**m.params)
        assert str(m) == english, "the CLI and the logs print the English text"
        assert explain("en", m) == english
        arabic = explain("ar", m)
        assert re.search("[\u0600-\u06ff]", arabic) and arabic != english, m.template
    assert explain("ar", StaleClaim(7, None, "deleted")) == (
        f"غيّر {FSI}محرر آخر{PDI} الادعاء رقم 7 قبل لحظات (حالته الآن: {FSI}محذوف{PDI})؛ أعد تحميل الصفحة وحاول مجددًا")
    assert str(StaleClaim(7, None, "deleted")) == (
        "claim 7 was changed by someone a moment ago (now deleted); reload and try again")


# The errors whose templates are written inside their classes (their raise sites pass values only).
FIXED_IN_CLASS = ("StaleClaim", "MissingClaim", "MissingStory", "MissingFact", "NotInFact", "StaleFact",
                  "MissingArticle", "StaleStory")


def _raise_site_templates() -> list[tuple[str, str]]:
    """(template, file:line) of every Explained error built in factcheck/ with its template at the call."""
    classes = _explained_classes()
    assert {"ReviewError", "MissingClaim", "StaleClaim", "FilterError", "ExportConfigError"} <= classes
    out = []
    for path in sorted(Path(factcheck.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in classes):
                continue
            if node.func.id in FIXED_IN_CLASS:  # their templates are fixed inside the class
                continue
            where = f"{path.name}:{node.lineno}"
            first = node.args[0] if node.args else None
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), \
                f"{where}: the template must be a literal string"
            out.append((first.value, where))
    return out


def _explained_classes() -> set[str]:
    names = {"Explained"}
    for cls in list(Explained.__subclasses__()):
        stack = [cls]
        while stack:
            c = stack.pop()
            names.add(c.__name__)
            stack.extend(c.__subclasses__())
    return names


def test_every_raise_site_uses_a_catalog_key():
    # Reads the source: every message built from an Explained class is a literal template found in the
    # catalog, so no path (even one no test reaches) shows English on an Arabic page.
    sites = _raise_site_templates()
    assert len(sites) >= 24
    for template, where in sites:
        assert template in AR, f"{where}: {template!r} has no Arabic in factcheck.i18n"


def test_a_template_without_arabic_stays_plain_english():
    assert explain("ar", Message("the feed server is on fire")) == "the feed server is on fire"
    assert explain("ar", Message("feed {url} is on fire", {"url": "http://x/"})) == "feed http://x/ is on fire", \
        "no direction marks inside English"
    assert explain("ar", Message("no status {status}", {"status": "pending"})) == "no status pending", \
        "no Arabic word inside English"


def test_errors_survive_pickling_with_their_template():
    for err in (StaleClaim(7, "rana", "skipped"), ExportConfigError("FACTCHECK_REVIEW_URL must contain {{id}}, "
                                                                    "got {value}", value="'x'")):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err) and back.template == err.template
    assert pickle.loads(pickle.dumps(StaleClaim(7, "rana", "skipped"))).by == "rana"


def test_counts_on_arabic_pages_take_the_plural_form_of_their_number(app, factory):
    # Arabic has six plural forms (CLDR): 7 days is "few" (أيام), 14 and 30 "many" (يومًا), 2 the dual.
    c = admin_client(app, factory)
    to_arabic(c)
    html = c.get("/dashboard?days=7").get_data(as_text=True)
    assert "الأيام الـ7 الأخيرة" in html
    assert ">14 يومًا</a>" in html and ">30 يومًا</a>" in html and ">90 يومًا</a>" in html
    html = c.get("/dashboard?days=2").get_data(as_text=True)
    assert "في اليومين الأخيرين" in html, "the dual spells the number out"
    c.post("/lang/en", data={"csrf_token": csrf_token(c), "next": "/queue"})
    html = c.get("/dashboard?days=1").get_data(as_text=True)
    assert "Claims published in the last 1 day up to" in html and ">7 days</a>" in html
