"""The Export page, the error pages and the review messages in Arabic (right to left) and in English.

Each Arabic check also asserts the English wording is gone, so a missing
translation (which falls back to English) fails the test.
"""
from __future__ import annotations

import re

import pytest

from factcheck.db import transaction
from factcheck.i18n import AR, FSI, MAX_MATCHED, PDI, translate_message
from factcheck.reports import ExportFilters, FilterError
from factcheck.review import ReviewError, StaleClaim, create_user, decide, undo

from ..conftest import csrf_token, login
from . import data

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


def _flash_errors(html: str) -> list[str]:
    return re.findall(r'<p class="flash error"[^>]*>(.*?)</p>', html, re.S)


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
            ("format=csv&source=Nobody", "لا يوجد مصدر باسم " + _isolated("'Nobody'")),
            ("format=csv&status=maybe", "حالة غير معروفة " + _isolated("'maybe'"))):
        r = client.get(f"/exports/download?{query}")
        html = r.get_data(as_text=True)
        assert r.status_code == 400 and RTL_HTML in html, query
        assert "<h1>طلب غير صالح</h1>" in html and arabic in html, query
        for english in ("unknown", "not a date", "before the start", "no source named", "Bad Request"):
            assert english not in html, (query, english)


def test_an_overlong_value_is_refused_in_arabic_with_its_reason_left_english(client):
    to_arabic(client)
    r = client.get("/exports/download?format=csv&status=" + "x" * (MAX_MATCHED + 100))
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and RTL_HTML in html and "<h1>طلب غير صالح</h1>" in html
    assert '<p class="error-detail" lang="en" dir="auto">unknown status' in html


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
    client.post("/lang/en", data={"csrf_token": csrf_token(client), "next": "/queue"})
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


def test_every_arabic_template_has_the_same_placeholders_as_its_key():
    field = re.compile(r"\{(\w*)\}")
    for key, arabic in AR.items():
        assert sorted(field.findall(key)) == sorted(field.findall(arabic)), key


def _review_texts(factory) -> list[str]:
    """The texts factcheck.review really produces, from its own code paths."""
    out = []
    with transaction(factory) as s:
        user = create_user(s, "sami", "another long password")
        for call in (lambda: undo(s, user), lambda: decide(s, 123456, user, "disputed"),
                     lambda: decide(s, 1, user, "burn"), lambda: decide(s, 1, user, "disputed", "x" * 10_001)):
            with pytest.raises(ReviewError) as exc:
                call()
            out.append(str(exc.value))
    out.append(str(StaleClaim(7, None, "deleted")))
    out.append(str(StaleClaim(7, "rana", "skipped")))
    return out


def _filter_texts() -> list[str]:
    out = []
    for kw in ({"statuses": ["maybe"]}, {"kinds": ["rumour"]}, {"by": "whenever"}, {"languages": ["1"]},
               {"since": "2025-11-30", "until": "2025-11-01"}, {"since": "soon"}, {"until": "later"}):
        with pytest.raises(FilterError) as exc:
            ExportFilters.parse(**kw)
        out.append(str(exc.value))
    return out


def test_lower_layer_messages_are_all_recognised(factory):
    # If review.py or reports.py rewords a message, its Arabic form disappears: this says which.
    for text in _review_texts(factory) + _filter_texts():
        arabic = translate_message("ar", text)
        assert arabic != text, text
        assert re.search("[\u0600-\u06ff]", arabic), text
        assert translate_message("en", text) == text
    assert translate_message("ar", str(StaleClaim(7, None, "deleted"))) == (
        f"غيّر {FSI}محرر آخر{PDI} الادعاء رقم 7 قبل لحظات (حالته الآن: {FSI}محذوف{PDI})؛ أعد تحميل الصفحة وحاول مجددًا")


def test_an_unknown_message_stays_english():
    assert translate_message("ar", "the feed server is on fire") == "the feed server is on fire"
    assert translate_message("ar", "claim abc does not exist") == "claim abc does not exist", "ids are numbers"
