"""Arabic statements found on copy no gold file holds (issue 16, round 7): written sentences, not the copy."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.extract import extract_claims

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def quotes(text: str) -> list:
    return [c for c in extract_claims(text, published=WHEN, lang="ar") if c.kind == "quote"]


def test_an_announced_masdar_after_the_subject_s_apposition_is_the_statement():
    (q,) = quotes("وأعلنت ألوية الفجر، الذراع المسلحة لحزب الشعب، إسقاط طائرة استطلاع فوق الوادي الشرقي.")
    assert q.text == "إسقاط طائرة استطلاع فوق الوادي الشرقي"
    assert q.speaker == "ألوية الفجر"
