"""The interface in English and Arabic.

English strings are their own keys, so a missing translation falls back to
readable English instead of a key name. The language comes from the `lang`
cookie (the switch in the header), else the browser's Accept-Language.
Article text is never translated or reordered: it is shown with dir="auto".
"""
from __future__ import annotations

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
    "never": "أبدًا",
    "yes": "نعم",
    "no": "لا",
    "Dashboard": "لوحة المتابعة",
    "Export": "التصدير",
    "Please log in to access this page.": "سجّل الدخول للوصول إلى هذه الصفحة.",
    "Claims per day": "الادعاءات يوميًا",
    "Claims per source": "الادعاءات حسب المصدر",
    "Published": "نُشر",
    "open claims": "ادعاءات مفتوحة",
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


def translate(lang: str, text: str) -> str:
    return CATALOG.get(lang, {}).get(text, text)


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"
