"""Acceptance 1: the seed article (Enab Baladi, 2025-11-07 22:13) read the way an editor reads it."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from factcheck.extract import extract_claims
from tests.support.evaldata import require

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
SEED = "seed/article.txt"
GOLD = json.loads((DATA / "seed_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def claims():
    text = require(SEED).read_text(encoding="utf-8")
    return text, extract_claims(text, datetime.fromisoformat(GOLD["published"]), "ar")


def test_offsets_index_the_input(claims):
    text, cs = claims
    assert cs
    for c in cs:
        assert text[c.start:c.end] == c.text
        assert c.text in c.sentence


@pytest.mark.parametrize("gold", GOLD["statements"], ids=lambda g: g["text"][:30])
def test_every_statement_with_its_speaker(claims, gold):
    _, cs = claims
    found = [c for c in cs if c.kind == "quote" and gold["text"] in c.text]
    assert found, f"statement not found: {gold['text']}"
    c = found[0]
    assert c.direct is gold["direct"]
    assert c.speaker and gold["speaker"] in c.speaker, (c.speaker, gold["speaker"])
    assert c.verb


def test_no_extra_statements(claims):
    _, cs = claims
    quotes = [c for c in cs if c.kind == "quote"]
    assert len(quotes) == len(GOLD["statements"]), [q.text[:40] for q in quotes]


def test_quoted_names_are_names_not_statements(claims):
    _, cs = claims
    quote_texts = {c.text for c in cs if c.kind == "quote"}
    for name in GOLD["names"]:
        assert name not in quote_texts
    seen = {n for c in cs for n in c.names}
    for name in ("الدولة", "إكس", "أكسيوس", "الشرق الأوسط", "فيسبوك"):
        assert name in seen


@pytest.mark.parametrize("gold", GOLD["dates"], ids=lambda g: g["date_text"] + g.get("in", ""))
def test_every_attributed_date_on_the_calendar(claims, gold):
    _, cs = claims
    found = [c for c in cs if c.kind == "date" and c.date_text and c.date_text.endswith(gold["date_text"])
             and (c.date_text == gold["date_text"] or gold["date_text"][0].isdigit())
             and gold.get("in", "") in c.sentence]
    assert found, gold
    assert (found[0].date, found[0].grain) == (gold["date"], gold["grain"])


def test_dateline_is_not_an_attributed_date(claims):
    _, cs = claims
    dates = [c for c in cs if c.kind == "date"]
    assert len(dates) == len(GOLD["dates"]), [(d.date_text, d.date) for d in dates]
    assert all(c.start > 30 for c in dates)


def test_figures(claims):
    _, cs = claims
    figs = sorted((c.text, c.value, c.unit) for c in cs if c.kind == "figure")
    assert figs == sorted((g["text"], g["value"], g["unit"]) for g in GOLD["figures"])


def test_relative_dates_stay_unresolved_without_publication_time():
    text = require(SEED).read_text(encoding="utf-8")
    cs = extract_claims(text, None, "ar")
    by_text = {c.date_text: c.date for c in cs if c.kind == "date"}
    assert by_text["الاثنين المقبل"] is None
    assert by_text["عام 2015"] == "2015"
    assert by_text["كانون الأول 2024"] == "2024-12"


def _without_data(tmp_path, **env):
    """This file's tests run in a child pytest with the data looked for in an empty folder."""
    import os
    import subprocess
    import sys

    child = {k: v for k, v in os.environ.items() if k not in ("CI", "FACTCHECK_REQUIRE_EVAL_DATA")}
    child.update(FACTCHECK_EVAL_DATA=str(tmp_path), **env)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", __file__,
                           "-k", "offsets or relative_dates"], cwd=Path(__file__).resolve().parents[2],
                          env=child, capture_output=True, text=True, timeout=300)


def test_without_the_seed_its_tests_skip_and_say_how_to_get_it(tmp_path):
    r = _without_data(tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 skipped" in r.stdout.strip().splitlines()[-1], r.stdout
    assert f"evaluation data missing: seed/article.txt (looked for {tmp_path / 'seed' / 'article.txt'})" in r.stdout
    assert "set FACTCHECK_EVAL_DATA to the folder holding seed/ and eval/" in r.stdout


@pytest.mark.parametrize("env", [{"CI": "true"}, {"FACTCHECK_REQUIRE_EVAL_DATA": "1"}], ids=lambda e: next(iter(e)))
def test_on_ci_a_missing_seed_fails_instead(tmp_path, env):
    r = _without_data(tmp_path, **env)
    assert r.returncode == 1, r.stdout + r.stderr
    summary = r.stdout.strip().splitlines()[-1]
    assert "skipped" not in summary and "1 failed" in summary and "1 error" in summary, r.stdout
    assert f"evaluation data missing: seed/article.txt (looked for {tmp_path / 'seed' / 'article.txt'})" in r.stdout
