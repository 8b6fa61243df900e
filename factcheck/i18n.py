"""The interface in English and Arabic.

English strings are their own keys, so a missing translation falls back to
readable English instead of a key name. The language comes from the `lang`
cookie (the switch in the header), else the browser's Accept-Language.
Article text is never translated or reordered: it is shown with dir="auto".

Messages with values (an editor's name, a count) are keyed by their English
text with {named} placeholders and filled in after translation, so each
language keeps its own word order. Errors from lower layers (review, export
filters and settings) carry the same template and their values
(factcheck.messages) and are translated by explain(): nothing here reads an
English sentence back.
"""
from __future__ import annotations

import json

from .messages import Explained, Message, Spelled

LANGUAGES = ("en", "ar")
RTL = {"ar"}

AR: dict[str, str] = {
    "Queue": "قائمة المراجعة",
    "Admin": "الإدارة",
    "Users": "المستخدمون",
    "Feeds": "المصادر",
    "Log in": "تسجيل الدخول",
    "Log out": "تسجيل الخروج",
    "User name": "اسم المستخدم",
    "Password": "كلمة المرور",
    "Wrong user name or password.": "اسم المستخدم أو كلمة المرور غير صحيحة.",
    "Too many failed logins; wait a few minutes and try again.":
        "محاولات دخول فاشلة كثيرة؛ انتظر بضع دقائق ثم حاول مجددًا.",
    # One's own password (the /password page).
    "Change password": "تغيير كلمة المرور",
    "Change my password": "تغيير كلمة المرور الخاصة بي",
    "Current password": "كلمة المرور الحالية",
    "New password": "كلمة المرور الجديدة",
    "New password again": "كلمة المرور الجديدة مرة أخرى",
    "Every other session of your account is signed out.": "يُسجَّل خروج حسابك من كل جلساته الأخرى.",
    "The two new passwords differ.": "كلمتا المرور الجديدتان غير متطابقتين.",
    "The current password is wrong.": "كلمة المرور الحالية غير صحيحة.",
    "Password changed; your other sessions are signed out.": "غُيّرت كلمة المرور، وسُجّل خروج جلساتك الأخرى.",
    "Pending": "بانتظار المراجعة",
    "Corroborated today": "مؤكدة اليوم",
    "Disputed today": "مشكوك فيها اليوم",
    "pending": "بانتظار المراجعة",
    "corroborated": "مؤكدة",
    "disputed": "مشكوك فيها",
    "unverifiable": "لا يمكن التحقق",
    "skipped": "مؤجلة",
    "quote": "اقتباس",
    "date": "تاريخ",
    "figure": "رقم",
    "supports": "يدعم",
    "conflicts": "يتعارض",
    "related": "ذو صلة",
    "Status": "الحالة",
    "Kind": "النوع",
    "Source": "المصدر",
    "Language": "اللغة",
    "Speaker": "المتحدث",
    "From": "من",
    "To": "إلى",
    "Search": "بحث",
    "Filter": "تصفية",
    "Any": "الكل",
    "Claim": "الادعاء",
    "Matches": "المطابقات",
    "conflict": "تعارض",
    "Older": "الأقدم",
    "First page": "الصفحة الأولى",
    "No claims match.": "لا ادعاءات مطابقة.",
    "Decide selected": "احسم المحدد",
    "Select": "تحديد",
    "Corroborated": "مؤكد",
    "Disputed": "مشكوك فيه",
    "Unverifiable": "لا يمكن التحقق",
    "Skip": "تخطٍّ",
    "Note": "ملاحظة",
    "Undo my last decision": "تراجع عن قراري الأخير",
    "Date": "التاريخ",
    "Figure": "الرقم",
    "Hijri": "هجري",
    "direct quote": "اقتباس مباشر",
    "reported": "كلام منقول",
    "Other sources": "مصادر أخرى",
    "No other source reported this yet.": "لم ينقل مصدر آخر هذا بعد.",
    "Match again": "أعد المطابقة",
    "matched again against the other sources; matches now: {n}": "أعيدت مطابقته مع المصادر الأخرى؛ عدد التطابقات الآن: {n}",
    "this claim": "هذا الادعاء",
    "the other source": "المصدر الآخر",
    "article": "المقال",
    "History": "السجل",
    "No decision yet.": "لا قرار بعد.",
    "by": "بواسطة",
    "deleted user": "مستخدم محذوف",
    "undo": "تراجع",
    "is on this claim": "يعمل على هذا الادعاء",
    "since": "منذ",
    "Next": "التالي",
    "Previous": "السابق",
    "Keyboard": "لوحة المفاتيح",
    "next claim": "الادعاء التالي",
    "previous claim": "الادعاء السابق",
    "focus the note": "الانتقال إلى الملاحظة",
    "undo last decision": "التراجع عن آخر قرار",
    "show these keys": "إظهار هذه المفاتيح",
    "open": "فتح",
    "select row": "تحديد الصف",
    "Close": "إغلاق",
    "Add user": "إضافة مستخدم",
    "Role": "الدور",
    "editor": "محرر",
    "admin": "مدير",
    "Add": "إضافة",
    "Name": "الاسم",
    "URL": "الرابط",
    "Last poll": "آخر جلب",
    "Last error": "آخر خطأ",
    "Errors": "الأخطاء",
    "Next poll": "الجلب التالي",
    "Enabled": "مفعّل",
    "Enable": "تفعيل",
    "Disable": "تعطيل",
    "Poll now": "اجلب الآن",
    "Add feed": "إضافة مصدر",
    "Import OPML": "استيراد OPML",
    "OPML file": "ملف OPML",
    "Import": "استيراد",
    "Export OPML": "تصدير OPML",
    "Tag": "الوسم",
    "Full text": "النص الكامل",
    "when the entry is a teaser": "حين يكون الخبر مقتطفًا",
    "always": "دائمًا",
    "never fetch": "لا تجلب الصفحة",
    "Save": "حفظ",
    "full text must be auto, always or never": "النص الكامل: auto أو always أو never",
    "{n} article pages could not be fetched; the feed's text was kept":
        "تعذّر جلب {n} من صفحات الأخبار؛ أُبقي نص المصدر",
    "full text for {name}: {mode}": "النص الكامل لـ {name}: {mode}",
    "Import a page": "استيراد صفحة",
    "the page could not be imported: {error}": "تعذّر استيراد الصفحة: {error}",
    "page imported: article {id}, {n} claims": "استُوردت الصفحة: الخبر {id}، وفيه {n} من الادعاءات",
    "never": "أبدًا",
    "yes": "نعم",
    "no": "لا",
    "Dashboard": "لوحة المتابعة",
    "Export": "التصدير",
    "Please log in to access this page.": "سجّل الدخول للوصول إلى هذه الصفحة.",
    "Claims per day": "الادعاءات يوميًا",
    "Claims per source": "الادعاءات حسب المصدر",
    # The dashboard's window (its days are a count, written as a number beside the word).
    "Claims published in the last {n} days up to the newest claim, {start} to {end}.":
        "الادعاءات المنشورة في الأيام الأخيرة حتى أحدث ادعاء (عدد الأيام: {n})، من {start} إلى {end}.",
    "{n} days": "عدد الأيام: {n}",
    "Published": "نُشر",
    "open claims": "ادعاءات مفتوحة",

    # ------------------------------------------------------------ the Export page
    "Export claims": "تصدير الادعاءات",
    "Format": "الصيغة",
    "CSV (Excel, LibreOffice)": "CSV (لبرنامجي Excel وLibreOffice)",
    "ClaimReview JSON-LD (decided claims only)": "ClaimReview JSON-LD (الادعاءات المحسومة فقط)",
    "Printable report (HTML)": "تقرير قابل للطباعة (HTML)",
    "CSV without byte-order mark (for tools other than Excel)":
        "CSV من دون علامة ترتيب البايتات (للأدوات غير Excel)",
    "Period": "الفترة",
    "to": "إلى",
    "by article date": "حسب تاريخ المقال",
    "by decision date": "حسب تاريخ القرار",
    "None ticked: every status.": "إن لم تحدّد أيًّا منها: كل الحالات.",
    "Source, language, editor": "المصدر واللغة والمحرر",
    "any": "الكل",
    "Decided by": "صاحب القرار",
    "anyone": "أي محرر",
    "Download": "تنزيل",

    # ------------------------------------------------------------ the printed report (factcheck.export.html_report)
    "Claim report": "تقرير الادعاءات",
    "all dates": "كل التواريخ",
    "articles published {since} – {until}": "المقالات المنشورة {since} – {until}",
    "decisions taken {since} – {until}": "القرارات المتخذة {since} – {until}",
    "Dates by": "التواريخ بحسب",
    "article publication": "نشر المقال",
    "decision": "القرار",
    "Editor": "المحرر",
    "Generated": "أُعدّ في",
    "Claims": "الادعاءات",
    "Total": "المجموع",
    "Pending review": "بانتظار المراجعة",
    "Skipped": "مؤجلة",
    "verdict": "الحكم",
    "Article": "المقال",
    "Evidence: {supports} supporting, {conflicts} conflicting sources":
        "الأدلة: مصادر داعمة {supports}، مصادر متعارضة {conflicts}",
    "No other source reported it.": "لم يورده أي مصدر آخر.",
    "Desk": "قرارات المحررين",
    "unknown": "غير معروف",
    "No claims match these filters.": "لا ادعاءات تطابق هذه المعايير.",

    # ------------------------------------------------------------ error pages
    "Back to the queue": "العودة إلى قائمة المراجعة",
    "Bad Request": "طلب غير صالح",
    "Unauthorized": "غير مصرَّح",
    "Forbidden": "غير مسموح",
    "Not Found": "غير موجود",
    "Method Not Allowed": "طريقة الطلب غير مسموح بها",
    "Conflict": "تعارض",
    "Request Entity Too Large": "حجم الطلب أكبر من المسموح",
    "Too Many Requests": "طلبات كثيرة جدًا",
    "Internal Server Error": "خطأ داخلي في الخادم",
    "Service Unavailable": "الخدمة غير متاحة",
    # Werkzeug's own descriptions, shown when a page aborts without a reason of its own.
    "The browser (or proxy) sent a request that this server could not understand.":
        "أرسل المتصفح (أو الخادم الوسيط) طلبًا لم يستطع هذا الخادم فهمه.",
    "The server could not verify that you are authorized to access the URL requested. You either supplied the "
    "wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials "
    "required.":
        "تعذّر على الخادم التحقق من أنك مخوَّل بالوصول إلى الرابط المطلوب: إما أنك قدّمت بيانات اعتماد خاطئة "
        "(ككلمة مرور غير صحيحة)، وإما أن متصفحك لا يعرف كيف يقدّم بيانات الاعتماد المطلوبة.",
    "You don't have the permission to access the requested resource. It is either read-protected or not "
    "readable by the server.":
        "ليست لديك صلاحية الوصول إلى المورد المطلوب؛ فهو إما محميّ من القراءة وإما يتعذّر على الخادم قراءته.",
    "The requested URL was not found on the server. If you entered the URL manually please check your spelling "
    "and try again.":
        "لم يُعثر على الرابط المطلوب على الخادم. إن كنت كتبت الرابط بنفسك فتحقّق من كتابته وحاول مجددًا.",
    "The method is not allowed for the requested URL.": "طريقة الطلب هذه غير مسموح بها للرابط المطلوب.",
    "A conflict happened while processing the request. The resource might have been modified while the request "
    "was being processed.":
        "حدث تعارض في أثناء معالجة الطلب؛ ربما عُدِّل المورد في أثناء معالجته.",
    "The data value transmitted exceeds the capacity limit.": "حجم البيانات المرسلة يتجاوز الحد المسموح به.",
    "This user has exceeded an allotted request count. Try again later.":
        "تجاوزتَ عدد الطلبات المسموح به. حاول مجددًا لاحقًا.",
    "The server encountered an internal error and was unable to complete your request. Either the server is "
    "overloaded or there is an error in the application.":
        "واجه الخادم خطأً داخليًا ولم يتمكّن من إتمام طلبك؛ فإما أن الخادم مثقل بالطلبات وإما أن في التطبيق خطأً.",
    "The server is temporarily unable to service your request due to maintenance downtime or capacity problems. "
    "Please try again later.":
        "يتعذّر على الخادم مؤقتًا تلبية طلبك بسبب الصيانة أو ضغط الطلبات. يُرجى المحاولة لاحقًا.",
    # Flask-WTF's CSRF refusals (400).
    "The CSRF token is missing.": "رمز الحماية من الطلبات المزوّرة (CSRF) مفقود.",
    "The CSRF token is invalid.": "رمز الحماية من الطلبات المزوّرة (CSRF) غير صالح.",
    "The CSRF token has expired.": "انتهت صلاحية رمز الحماية من الطلبات المزوّرة (CSRF).",
    "The CSRF session token is missing.": "رمز الحماية من الطلبات المزوّرة (CSRF) الخاص بالجلسة مفقود.",
    "The CSRF tokens do not match.": "رمزا الحماية من الطلبات المزوّرة (CSRF) غير متطابقين.",
    "The referrer header is missing.": "ترويسة المُحيل (Referer) مفقودة.",
    "The referrer does not match the host.": "المُحيل (Referer) لا يطابق المضيف.",

    # ------------------------------------------------------------ review messages
    # StaleClaim (factcheck.store.review): `who` is an editor's name, or "someone".
    "claim {id} was changed by {who} a moment ago (now {status}); reload and try again":
        "غيّر {who} الادعاء رقم {id} قبل لحظات (حالته الآن: {status})؛ أعد تحميل الصفحة وحاول مجددًا",
    "someone": "محرر آخر",
    "deleted": "محذوف",
    "nothing to undo": "لا شيء للتراجع عنه",
    "claim {id} does not exist": "الادعاء رقم {id} غير موجود",
    "claim {id} does not exist; nothing was saved": "الادعاء رقم {id} غير موجود؛ لم يُحفظ شيء",
    "claim {id} does not exist (the queue moved on; start from the first page)":
        "الادعاء رقم {id} غير موجود (تغيّرت قائمة المراجعة؛ ابدأ من الصفحة الأولى)",
    "unknown status {value}; use one of {choices}": "حالة غير معروفة {value}؛ استخدم إحدى القيم: {choices}",
    "unknown kind {value}; use one of {choices}": "نوع غير معروف {value}؛ استخدم إحدى القيم: {choices}",
    "note too long ({n} characters, at most {max})":
        "الملاحظة أطول من المسموح (عدد أحرفها {n} والحد الأقصى {max})",
    "note too long ({n} characters, at most {max}); nothing was saved":
        "الملاحظة أطول من المسموح (عدد أحرفها {n} والحد الأقصى {max})؛ لم يُحفظ شيء",
    "the form was not sent as UTF-8 text; nothing was saved": "لم يُرسَل النموذج نصًّا بترميز UTF-8؛ لم يُحفظ شيء",
    "the database is busy; nothing was saved, try again in a moment":
        "قاعدة البيانات مشغولة؛ لم يُحفظ شيء، أعد المحاولة بعد لحظة",
    "select at least one claim": "حدّد ادعاءً واحدًا على الأقل",
    "claim ids must be numbers (at most 500 at once)":
        "يجب أن تكون معرّفات الادعاءات أرقامًا (500 على الأكثر في المرة الواحدة)",
    # Bulk decision: how many claims took the chosen status.
    "{count} × {status}": "عدد الادعاءات المحسومة: {count} ({status})",
    # Queue filters and paging (the names are query-string parameters, left as typed).
    "{name} must be a date like 2025-11-07, got {value}":
        "يجب أن تكون قيمة {name} تاريخًا بصيغة 2025-11-07، والقيمة المرسلة {value}",
    "search text is limited to {max} characters": "نص البحث أطول من المسموح (الحد الأقصى بالأحرف: {max})",
    "{name} must be a whole number": "يجب أن تكون قيمة {name} عددًا صحيحًا",
    "{name} must be between {lo} and {hi}, got {value}":
        "يجب أن تكون قيمة {name} بين {lo} و{hi}، والقيمة المرسلة {value}",

    # ------------------------------------------------------------ export filter errors (factcheck.store.reports)
    "unknown format {value}; use one of {choices}": "صيغة غير معروفة {value}؛ استخدم إحدى الصيغ: {choices}",
    "unknown date basis {value}; use article or decision":
        "أساس تاريخ غير معروف {value}؛ استخدم article (تاريخ المقال) أو decision (تاريخ القرار)",
    "{value} is not a language code (e.g. ar, en)": "{value} ليس رمز لغة (مثل ar أو en)",
    "the end date {until} is before the start date {since}": "تاريخ النهاية {until} يسبق تاريخ البداية {since}",
    "the start date {value} is not a date like 2025-11-30": "تاريخ البداية {value} ليس تاريخًا بصيغة 2025-11-30",
    "the end date {value} is not a date like 2025-11-30": "تاريخ النهاية {value} ليس تاريخًا بصيغة 2025-11-30",
    "no source named {value}": "لا يوجد مصدر باسم {value}",
    "no editor named {value}": "لا يوجد محرر باسم {value}",

    # ------------------------------------------------------------ export settings (factcheck.export.config)
    # Shown on the Export page when the server's FACTCHECK_* variables are wrong: the names stay as typed.
    "FACTCHECK_REVIEW_URL must contain {{id}}, got {value}":
        "يجب أن يحتوي FACTCHECK_REVIEW_URL على {{id}}، والقيمة المضبوطة {value}",
    "FACTCHECK_RATINGS names no verdict": "لا يذكر FACTCHECK_RATINGS أي حكم",
    "ratings {values} fall outside the scale {worst}..{best} (FACTCHECK_RATING_WORST / FACTCHECK_RATING_BEST)":
        "الدرجات {values} خارج المقياس {worst}..{best} (FACTCHECK_RATING_WORST / FACTCHECK_RATING_BEST)",
    "FACTCHECK_RATINGS: {value} is not status:value:label":
        "FACTCHECK_RATINGS: القيمة {value} ليست بالصيغة status:value:label",
    "FACTCHECK_RATINGS: {value} is not a verdict and is never published":
        "FACTCHECK_RATINGS: الحالة {value} ليست حكمًا ولا تُنشر أبدًا",
    "FACTCHECK_RATINGS: value {value} of {verdict} is not an integer":
        "FACTCHECK_RATINGS: الدرجة {value} للحكم {verdict} ليست عددًا صحيحًا",
    "{name} must be an integer, got {value}": "يجب أن تكون قيمة {name} عددًا صحيحًا، والقيمة المضبوطة {value}",

    # ------------------------------------------------------------ other pages' refusals
    # Adding a user (factcheck.store.review.create_user, shown on the admin's Users page).
    "unknown role {value}; use editor or admin": "دور غير معروف {value}؛ استخدم editor (محرر) أو admin (مدير)",
    "a user needs a name": "يجب أن يكون للمستخدم اسم",
    "user {name} already exists": "المستخدم {name} موجود مسبقًا",
    "passwords need at least 8 characters": "يجب ألا تقل كلمة المرور عن 8 أحرف",
    "unknown language {value}": "لغة غير معروفة {value}",
    # The admin pages' notices.
    "user {name} added": "أُضيف المستخدم {name}",
    "Sessions": "الجلسات",
    "Sign out everywhere": "تسجيل الخروج من كل الأجهزة",
    "{name} is signed out everywhere ({n} sessions ended)":
        "سُجّل خروج المستخدم {name} من كل الأجهزة (عدد الجلسات المنتهية: {n})",
    "user {id} does not exist": "المستخدم رقم {id} غير موجود",
    "{url} is already a feed": "الرابط {url} مسجَّل مصدرًا من قبل",
    "feed {url} added": "أُضيف المصدر {url}",
    "poll failed: {error}": "تعذّر جلب المصدر: {error}",
    "choose an OPML file to import": "اختر ملف OPML لاستيراده",
    "OPML not imported: {error}": "لم يُستورد ملف OPML: {error}",
    "OPML imported: {added} feeds added, {existing} already followed":
        "استُورد ملف OPML: أُضيف {added} من المصادر، و{existing} متابَعة من قبل",
    "polled: not modified": "جُلب المصدر: لم يتغيّر شيء",
    "polled: {new} new, {updated} updated": "جُلب المصدر: {new} جديد، {updated} محدَّث",
    "this page is for admins": "هذه الصفحة للمديرين فقط",
    "a feed URL must start with http:// or https://": "يجب أن يبدأ رابط المصدر بـ http:// أو https://",
    "feed {id} does not exist": "المصدر رقم {id} غير موجود",

    # ------------------------------------------------------------ why two claims match (factcheck.match)
    # Each part is translated on its own and put into the sentence that holds it ({differ}, {why},
    # {change}, {reason}); names and quoted words stay as the articles wrote them.
    "same quote {pct}%, speaker agrees": "الاقتباس نفسه بتطابق {pct}٪، والمتحدث نفسه",
    "same quote {pct}%, speaker not given by both":
        "الاقتباس نفسه بتطابق {pct}٪، وأحد المصدرين على الأقل لا يذكر المتحدث",
    "same quote {pct}%, attributed to a different speaker: {mine} vs {theirs}":
        "الاقتباس نفسه بتطابق {pct}٪، لكنه منسوب إلى متحدث آخر: {mine} مقابل {theirs}",
    "same quote {pct}%, wording changed materially: {change}":
        "الاقتباس نفسه بتطابق {pct}٪، مع تغيير جوهري في الصياغة: {change}",
    "negation added": "أُضيف نفي",
    "negation dropped": "حُذف النفي",
    "numbers differ: {mine} vs {theirs}": "الأرقام مختلفة: {mine} مقابل {theirs}",
    "word changed: {mine} vs {theirs}": "تبدّلت كلمة: {mine} مقابل {theirs}",
    # What two wordings of one statement disagree on (factcheck/match/propositions.py).
    "denied or refused in one report ({word})": "نفي أو رفض في أحد التقريرين ({word})",
    "another {kind}: {mine} vs {theirs}": "{kind} آخر: {mine} مقابل {theirs}",
    "country": "بلد", "city": "مدينة", "currency": "عملة", "commodity": "سلعة",
    "kind of person": "فئة من الناس", "party": "طرف", "charge": "تهمة", "period": "مدة",
    "another name: {mine} vs {theirs}": "اسم آخر: {mine} مقابل {theirs}",
    "roles swapped: {first} and {second}": "تبادل الأدوار بين {first} و{second}",
    "about {n}": "نحو {n}", "more than {n}": "أكثر من {n}", "less than {n}": "أقل من {n}",
    "at least {n}": "{n} على الأقل", "up to {n}": "حتى {n}",
    "similar wording ({pct}% alike), but {change}": "صياغة مشابهة (تشابه {pct}٪)، لكن: {change}",
    "same event ({pct}% alike); the figures agree: {mine} and {theirs}":
        "الحدث نفسه (تشابه {pct}٪)؛ الرقمان متوافقان: {mine} و{theirs}",
    "same event ({pct}% alike); another figure of the same report: {mine} / {theirs}":
        "الحدث نفسه (تشابه {pct}٪)؛ رقم آخر يذكره التقرير نفسه: {mine} / {theirs}",
    "{figure} {unit}": "{figure} {unit}",
    "similar wording ({pct}% alike), one word differs: {mine} vs {theirs}":
        "صياغة مشابهة (تشابه {pct}٪)، مع اختلاف كلمة: {mine} مقابل {theirs}",
    "same speaker, another statement ({pct}% alike)": "المتحدث نفسه، لكنه تصريح آخر (تشابه {pct}٪)",
    "similar wording, another statement ({pct}% alike)": "صياغة مشابهة، لكنه تصريح آخر (تشابه {pct}٪)",
    "similar wording by another speaker ({pct}% alike): {mine} vs {theirs}":
        "صياغة مشابهة على لسان متحدث آخر (تشابه {pct}٪): {mine} مقابل {theirs}",
    "same topic: sentences {pct}% alike": "الموضوع نفسه: تشابه الجملتين {pct}٪",
    "same topic, {why} ({pct}% alike)": "الموضوع نفسه، {why} (تشابه {pct}٪)",
    "another event": "لكنه حدث آخر",
    "another quantity": "لكنه مقدار من نوع آخر",
    "another place ({mine} vs {theirs})": "لكنه مكان آخر ({mine} مقابل {theirs})",
    "likely another event ({differ}; {apart})": "والأرجح أنه حدث آخر ({differ}؛ {apart})",
    "few words shared": "الكلمات المشتركة قليلة",
    "the claims' own words differ": "نصّا الادعاءين مختلفان",
    "published {days} days apart": "الفارق بين تاريخَي النشر بالأيام: {days}",
    "same event ({pct}% alike); one report gives no date": "الحدث نفسه (تشابه {pct}٪)؛ أحد التقريرين لا يذكر تاريخًا",
    "same event ({pct}% alike); dates agree: {date}": "الحدث نفسه (تشابه {pct}٪)؛ التاريخان متوافقان: {date}",
    "same event ({pct}% alike); one report gives no figure": "الحدث نفسه (تشابه {pct}٪)؛ أحد التقريرين لا يذكر رقمًا",
    "same event ({pct}% alike); same figure: {figure}": "الحدث نفسه (تشابه {pct}٪)؛ الرقم نفسه: {figure}",
    "same event ({pct}% alike); {differ}": "الحدث نفسه (تشابه {pct}٪)؛ {differ}",
    "dates differ: {mine} vs {theirs}": "التاريخان مختلفان: {mine} مقابل {theirs}",
    "figures differ: {mine} vs {theirs}": "الرقمان مختلفان: {mine} مقابل {theirs}",
    "syndicated copy of the same article (not independent): {reason}":
        "نسخة منقولة من المقال نفسه (ليست مصدرًا مستقلًا): {reason}",
    # Arabic and English reports of one claim: only names, dates and figures can be compared.
    "same speaker ({who})": "المتحدث نفسه ({who})",
    "same names ({names})": "الأسماء نفسها ({names})",
    "same date {date}": "التاريخ نفسه {date}",
    "same figure {figure}": "الرقم نفسه {figure}",
    "dates {mine} vs {theirs}": "التاريخان {mine} مقابل {theirs}",
    "another figure": "رقم آخر",
    "published within days": "نُشرا في غضون أيام",
    "different language": "بلغة أخرى",
    # Dates in reasons (factcheck.match.structured.format_date): the Levantine month and the other
    # Arabic name, as the desk's own outlets write them (تشرين الثاني/نوفمبر).
    "week {week} of {year}": "الأسبوع {week} من {year}",
    "Jan": "كانون الثاني/يناير",
    "Feb": "شباط/فبراير",
    "Mar": "آذار/مارس",
    "Apr": "نيسان/أبريل",
    "May": "أيار/مايو",
    "Jun": "حزيران/يونيو",
    "Jul": "تموز/يوليو",
    "Aug": "آب/أغسطس",
    "Sep": "أيلول/سبتمبر",
    "Oct": "تشرين الأول/أكتوبر",
    "Nov": "تشرين الثاني/نوفمبر",
    "Dec": "كانون الأول/ديسمبر",
    # API tokens page (factcheck.web.tokens, factcheck.store.tokens)
    "API tokens": "رموز الواجهة البرمجية",
    "A token lets another tool use the API as you, with your role. Keep it secret.":
        "يتيح الرمز لأداة أخرى استخدام الواجهة البرمجية باسمك وبدورك. احفظه سرًّا.",
    "Your new token, shown only this once:": "رمزك الجديد، يُعرض هذه المرة فقط:",
    "Scope": "النطاق",
    "Token": "الرمز",
    "Created": "أُنشئ",
    "Last used": "آخر استخدام",
    "revoked": "مُلغى",
    "Revoke": "إلغاء",
    "No tokens yet.": "لا رموز بعد.",
    "New token": "رمز جديد",
    "Create token": "أنشئ الرمز",
    "read": "قراءة",
    "write": "كتابة",
    "token {id} revoked": "أُلغي الرمز {id}",
    "token {id} does not exist": "الرمز {id} غير موجود",
    "unknown scope {value}; use read or write": "نطاق غير معروف {value}؛ استخدم read أو write",
    "a token's name is limited to {max} characters": "اسم الرمز محدود بـ{max} حرفًا",
}

CATALOG = {"en": {}, "ar": AR}


def pick_language(cookie: str | None, accept_languages) -> str:
    """The cookie set by the switch wins; else the browser's best match; else English."""
    if cookie in LANGUAGES:
        return cookie
    if accept_languages is not None:
        best = accept_languages.best_match(LANGUAGES)
        if best:
            return best
    return "en"


# Unicode first-strong isolate / pop directional isolate: a Latin name or a
# quoted value inside an Arabic sentence keeps its own direction and does not
# drag the punctuation around it (the plain-text form of <bdi>).
FSI, PDI = "\u2068", "\u2069"


# Values that are themselves interface words (a claim's status, "someone" for
# an editor whose account is gone) are translated with their sentence; any
# other value (a name, what the user typed) is shown as it is.
_WORD_PARAMS = {"status": {"pending", "corroborated", "disputed", "unverifiable", "skipped", "deleted"},
                "who": {"someone"}}


def translate(lang: str, text: str, **params) -> str:
    """`text` in `lang`; with params, `text` is a template whose {names} are filled after translation.

    A template with no translation is filled as it is, in English, with its
    values untouched (no Arabic words or direction marks inside English).
    """
    table = CATALOG.get(lang, {})
    if not params:
        return table.get(text, text)
    if text not in table:
        return text.format(**params)
    params = {k: table.get(v, v) if isinstance(v, str) and v in _WORD_PARAMS.get(k, ()) else v
              for k, v in params.items()}
    if lang in RTL:
        params = {k: _isolated(v) for k, v in params.items()}
    return table[text].format(**params)


class _Shown(str):
    """Text already in the interface language (a part translated on its own): not isolated again."""


def _isolated(value):
    return f"{FSI}{value}{PDI}" if isinstance(value, str) and not isinstance(value, _Shown) else value


# How the items of a list value are joined, by language (English: ", ").
_COMMA = {"ar": "، "}


def explain(lang: str, message: Message | Explained) -> str:
    """A lower layer's message (an error, a problem it reported, why two claims match) in `lang`,
    from its template and values.

    A value that is itself a Message is translated on its own first; a list is joined by the
    language's comma, each of its values isolated in a right-to-left language.
    """
    if not message.params:
        # Still a template: "{{" stands for a brace, as in str(message).
        return _Shown(translate(lang, message.template).format())
    return _Shown(translate(lang, message.template, **{k: _shown(lang, v) for k, v in message.params.items()}))


def _shown(lang: str, value):
    if isinstance(value, Message):
        return explain(lang, value)
    if isinstance(value, Spelled):
        return value.in_language(lang)
    if isinstance(value, (list, tuple)):
        items = [_shown(lang, v) for v in value]
        if lang in RTL:
            items = [_isolated(v) for v in items]
        return _Shown(listed(lang, items))
    return value


def listed(lang: str, items) -> str:
    """Items joined by the language's comma ("a, b" / "a، b")."""
    return _COMMA.get(lang, ", ").join(str(v) for v in items)


def stored_reason(lang: str, data, english: str | None) -> str:
    """Why two claims match, in `lang`, from the template and values stored with the match
    (``matches.reason_data``: a dict through the ORM, JSON text from a driver's tuple).

    Rows stored before those were kept, or whose data cannot be read, give the English reason.
    """
    if data:
        try:
            return explain(lang, Message.from_data(json.loads(data) if isinstance(data, str) else data))
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            pass
    return english or ""


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"
