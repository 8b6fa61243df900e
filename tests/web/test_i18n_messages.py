"""The interface's own messages follow the chosen language."""
from __future__ import annotations


def test_login_prompt_and_nav_are_arabic_for_an_arabic_browser(app, editor):
    c = app.test_client()
    r = c.get("/queue", headers={"Accept-Language": "ar"}, follow_redirects=True)
    html = r.get_data(as_text=True)
    assert "سجّل الدخول للوصول إلى هذه الصفحة." in html
    assert "Please log in" not in html
    assert 'dir="rtl"' in html
