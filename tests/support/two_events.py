"""Two events in the store, as the CLI tests of stories read them: two outlets reporting one on
7 November 2025 (the same quote, one spelling apart), a third outlet another event two days later."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from factcheck.store.db import transaction
from factcheck.store.pipeline import import_article

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)
QUOTE_A = 'وقال وزير الخارجية أسعد الشيباني إن "سوريا ستعيد بناء المدارس المدمرة خلال عام 2026".'
QUOTE_B = 'وقال وزير الخارجية أسعد الشيباني إن "سورية ستعيد بناء المدارس المدمرة خلال عام 2026".'
OTHER = 'وقال وزير الصحة فهد الجلاجل إن "المستشفى الجديد سيستقبل المرضى في الرياض الشهر المقبل".'


def import_two_events(settings, factory, monkeypatch) -> None:
    """The three articles imported, and the CLI pointed at this test's database and instance."""
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet A", text=QUOTE_A, published=WHEN, language="ar")
        import_article(s, settings, source="Outlet B", text=QUOTE_B, published=WHEN + timedelta(hours=2),
                       language="ar")
        import_article(s, settings, source="Outlet C", text=OTHER, published=WHEN + timedelta(days=2),
                       language="ar")
