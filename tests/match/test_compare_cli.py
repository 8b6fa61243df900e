"""`factcheck compare`: how an editor asks "why did you pair these", through the real command.

Statements are compared as the pipeline compares two stored quotes; articles go through the extractor
and the line is the strongest match the pipeline stores between them, checked here against what
`import_article` really stores.
"""
from __future__ import annotations

import json
from datetime import datetime

from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import aliased

from factcheck.cli import main
from factcheck.store.db import transaction
from factcheck.match import verdict_rank
from factcheck.store.models import Article, Claim, Feed, Match
from factcheck.store.pipeline import import_article

WHEN = "2025-11-07T10:00:00+00:00"


def _run(mode: str, pairs: list[dict], env: dict | None = None):
    stdin = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs)
    return CliRunner().invoke(main, ["compare", "--as", mode, "--format", "jsonl"], input=stdin, env=env or {},
                              catch_exceptions=False)


def _lines(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def _side(text: str, source: str, speaker: str | None = None, lang: str = "ar") -> dict:
    side = {"text": text, "lang": lang, "published": WHEN, "source": source}
    if speaker:
        side["speaker"] = speaker
    return side


def test_statements_one_verdict_line_per_pair_in_order():
    pairs = [
        # the same statement in two spellings: supports
        {"a": _side("سوريا ستعيد بناء 300 مدرسة خلال عام 2026", "enab", "أسعد الشيباني"),
         "b": _side("سورية ستعيد بناء 300 مدرسة خلال عام 2026", "sana", "وزير الخارجية أسعد الشيباني")},
        # another number in the same statement: conflicts, and the reason names both numbers
        {"a": _side("سوريا ستعيد بناء 300 مدرسة خلال عام 2026", "enab"),
         "b": _side("سوريا ستعيد بناء 500 مدرسة خلال عام 2026", "sana")},
        # nothing in common
        {"a": _side("ارتفعت أسعار الذهب في الأسواق المحلية", "enab"),
         "b": _side("افتتاح معرض الكتاب في العاصمة", "sana")},
        # one outlet never corroborates itself
        {"a": _side("سوريا ستعيد بناء 300 مدرسة خلال عام 2026", "enab"),
         "b": _side("سوريا ستعيد بناء 300 مدرسة خلال عام 2026", "enab")},
    ]
    out = _lines(_run("statements", pairs))
    assert [o["relation"] for o in out] == ["supports", "conflicts", "none", "none"]
    assert out[0]["reason"] == "same quote 100%, speaker agrees" and out[0]["score"] == 100.0
    assert "numbers differ: 300 vs 500" in out[1]["reason"]
    assert out[2] == {"relation": "none", "score": 0.0, "reason": ""}
    # the reason also comes as its template and values, as stored with a match
    assert out[1]["reason_data"]["t"] == "same quote {pct}%, wording changed materially: {change}"


def test_a_bad_line_is_named_and_stops_the_command():
    r = CliRunner().invoke(main, ["compare", "--as", "statements"],
                           input='{"a": {"text": "x"}, "b": {"text": "y"}}\nnot json\n')
    assert r.exit_code == 2
    assert "line 2" in r.output
    r = CliRunner().invoke(main, ["compare", "--as", "statements"], input='{"a": {"text": "x"}}\n')
    assert r.exit_code == 2 and '"b" is missing' in r.output
    r = CliRunner().invoke(main, ["compare", "--as", "statements"],
                           input='{"a": {"text": "x", "titel": "t"}, "b": {"text": "y"}}\n')
    assert r.exit_code == 2 and "unknown field(s) titel" in r.output


A = ('أعلنت وزارة الداخلية السورية يوم الجمعة القبض على خلية من ثلاثة أشخاص في حمص. '
     'وقال المتحدث باسم الوزارة نور الدين البابا إن "الخلية كانت تخطط لتفجير سيارة مفخخة".')
B = ('أعلنت وزارة الداخلية السورية يوم الجمعة القبض على خلية من أربعة أشخاص في حمص. '
     'وقال المتحدث باسم الوزارة البابا إن "الخلية كانت تخطط لتفجير سيارة مفخخة في المدينة".')


def _stored_strongest(factory, settings) -> tuple[str, float, str]:
    when = datetime.fromisoformat(WHEN)
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet A", text=A, published=when, language="ar")
        import_article(s, settings, source="Outlet B", text=B, published=when, language="ar")
    other = aliased(Claim)
    with factory() as s:
        rows = s.execute(
            select(Match.relation, Match.score, Match.reason).join(Claim, Claim.id == Match.claim_id)
            .join(other, other.id == Match.other_claim_id).join(Article, Article.id == Claim.article_id)
            .join(Feed, Feed.id == Article.feed_id).where(Claim.article_id != other.article_id)).all()
    assert rows, "the pipeline stored no match between the two articles"
    return min(rows, key=lambda r: verdict_rank(r[0], r[1]))


def test_articles_report_the_strongest_verdict_the_pipeline_stores(factory, settings):
    relation, score, reason = _stored_strongest(factory, settings)
    out = _lines(_run("articles", [{"a": _side(A, "Outlet A"), "b": _side(B, "Outlet B")}]))
    assert len(out) == 1
    line = out[0]
    assert (line["relation"], line["score"]) == (relation, score)
    assert line["relation"] == "conflicts" and "figures differ: 3 person vs 4 person" in line["reason"]
    # read from a's side: its claim first
    assert line["from"] == "a" and line["claims"]["a"]["value"] == 3 and line["claims"]["b"]["value"] == 4
    # the stored row of that verdict reads from one side or the other
    assert reason in (line["reason"], line["reason"].replace("3 person vs 4 person", "4 person vs 3 person"))


def test_articles_of_one_text_in_two_outlets_are_not_independent():
    out = _lines(_run("articles", [{"a": _side(A, "Outlet A"), "b": _side(A, "Outlet B")}]))
    assert out[0]["relation"] == "related" and out[0]["reason"].startswith("syndicated copy")


def test_thresholds_from_the_environment_apply_as_in_the_pipeline():
    pair = {"a": _side("سوريا ستعيد بناء 300 مدرسة خلال عام 2026", "enab"),
            "b": _side("سوريا ستعيد بناء 300 مدرسة جديدة خلال عام 2026", "sana")}
    assert _lines(_run("statements", [pair]))[0]["relation"] == "supports"
    strict = _lines(_run("statements", [pair], env={"FACTCHECK_MATCH_QUOTE_SAME": "100"}))[0]
    assert strict["relation"] == "related", strict
