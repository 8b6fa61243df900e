"""Why two claims match, shown in the editor's language.

The matcher words each reason as a template and its values (factcheck.messages.Message); the
English text is stored for exports and the command line, the template and values beside it, and
the claim page translates them. A reason reworded in factcheck/match without its Arabic fails here.
"""
from __future__ import annotations

import ast
import json
import re
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select, update

import factcheck.match
from factcheck.store.db import transaction
from factcheck.i18n import FSI, PDI, explain, month_name
from factcheck.match import compare
from factcheck.messages import Message
from factcheck.store.models import Claim, Feed, Match
from factcheck.store.pipeline import import_article

from ..conftest import csrf_token
from ..match.labelled import PAIRS, load_pairs
from .test_i18n_pages import AR, RTL_HTML, to_arabic

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)
A = 'وقال وزير الخارجية أسعد الشيباني إن "سوريا ستعيد بناء 300 مدرسة خلال عام 2026".'
B = 'وقال وزير الخارجية أسعد الشيباني إن "سورية ستعيد بناء 300 مدرسة جديدة خلال عام 2026".'
ISOLATED = re.compile(f"{FSI}[^{PDI}]*{PDI}")


def _reason_templates() -> list[tuple[str, str]]:
    """(template, file:line) of every Message the matcher builds, read from its source."""
    out = []
    for path in sorted(Path(factcheck.match.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Message"):
                continue
            where = f"{path.name}:{node.lineno}"
            first = node.args[0]
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), \
                f"{where}: a reason's template must be a literal string"
            out.append((first.value, where))
    return out


def test_every_reason_the_matcher_can_give_has_its_arabic():
    sites = _reason_templates()
    assert len(sites) >= 35
    for template, where in sites:
        if re.search("[A-Za-z]", re.sub(r"\{\w*\}", "", template)):  # "{day} {month}" has no words of its own
            assert template in AR, f"{where}: {template!r} has no Arabic in factcheck.i18n"
    # Months are named from CLDR, Levantine and Egyptian forms side by side as the desk's outlets write them.
    arabic_months = [month_name("ar", n) for n in range(1, 13)]
    assert arabic_months[10] == "تشرين الثاني/نوفمبر" and arabic_months[4] == "أيار/مايو"
    assert len(set(arabic_months)) == 12 and all(re.fullmatch("[\u0600-\u06ff ]+/[\u0600-\u06ff ]+", m)
                                                 for m in arabic_months)


def _labelled_reasons():
    """Every match of the labelled pairs, both ways round: each kind of reason the matcher gives."""
    for name in ("pairs.jsonl", "holdout.jsonl", "crosslingual.jsonl"):
        for row in load_pairs(PAIRS.parent / name):
            for a, b in ((row["claim_a"], row["claim_b"]), (row["claim_b"], row["claim_a"])):
                r = compare(a, b)
                if r is not None:
                    yield r


def test_reasons_of_the_labelled_pairs_read_in_arabic_and_survive_storage():
    kinds = set()
    for r in _labelled_reasons():
        kinds.add(r.why.template)
        assert explain("en", r.why) == r.reason
        arabic = explain("ar", r.why)
        # What is left once the articles' own words (names, units, quoted words) are taken out is Arabic.
        own_words = ISOLATED.sub("", arabic)
        assert not re.search("[A-Za-z]", own_words), (r.reason, arabic)
        assert re.search("[\u0600-\u06ff]", own_words), arabic
        stored = Message.from_data(json.loads(json.dumps(r.why.to_data())))
        assert str(stored) == r.reason and explain("ar", stored) == arabic
    assert len(kinds) >= 12, kinds


def test_a_date_conflict_names_the_months_in_arabic():
    r = next(r for r in _labelled_reasons()
             if r.relation == "conflicts" and "dates differ: 10 Nov vs 11 Nov" in r.reason)
    assert "التاريخان مختلفان: 10 تشرين الثاني/نوفمبر مقابل 11 تشرين الثاني/نوفمبر" in explain("ar", r.why)


def test_names_from_the_gazetteer_are_written_in_arabic_in_an_arabic_reason():
    reasons = {r.reason: r for r in _labelled_reasons()}
    place = next(r for text, r in reasons.items() if "another place (Homs vs Aleppo)" in text)
    assert f"لكنه مكان آخر ({FSI}حمص{PDI} مقابل {FSI}حلب{PDI})" in explain("ar", place.why)
    speaker = next(r for text, r in reasons.items()
                   if text.startswith("same speaker (Leavitt), same names (White House)"))
    assert explain("ar", speaker.why).startswith(
        f"المتحدث نفسه ({FSI}ليفات{PDI})، الأسماء نفسها ({FSI}البيت الأبيض{PDI})")
    stored = Message.from_data(json.loads(json.dumps(place.why.to_data())))
    assert explain("ar", stored) == explain("ar", place.why) and str(stored) == place.reason


def _import(factory, settings) -> int:
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet A", text=A, published=WHEN, language="ar")
        import_article(s, settings, source="Outlet B", text=B, published=WHEN, language="ar")
    with factory() as s:
        return s.scalar(select(Claim.id).join(Feed, Feed.id == Claim.feed_id)
                        .where(Claim.kind == "quote", Feed.name == "Outlet A"))


def test_claim_page_shows_the_reason_in_arabic_and_in_english(client, factory, settings):
    cid = _import(factory, settings)
    page = f"/claims/{cid}"
    english = client.get(page, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<span class="reason" dir="auto">same quote 96%, speaker agrees</span>' in english
    to_arabic(client)
    arabic = client.get(page).get_data(as_text=True)
    assert RTL_HTML in arabic
    assert '<span class="reason" dir="auto">الاقتباس نفسه بتطابق 96٪، والمتحدث نفسه</span>' in arabic
    assert "same quote" not in arabic


def test_a_row_stored_before_reasons_were_kept_shows_its_english_reason(client, factory, settings):
    cid = _import(factory, settings)
    with transaction(factory) as s:
        s.execute(update(Match).where(Match.claim_id == cid).values(reason_data=None))
    to_arabic(client)
    html = client.get(f"/claims/{cid}").get_data(as_text=True)
    assert '<span class="reason" dir="auto">same quote 96%, speaker agrees</span>' in html
    # Data that cannot be read (written by another version) is no error either.
    with transaction(factory) as s:
        s.execute(update(Match).where(Match.claim_id == cid).values(reason_data={"t": "no such {field}"}))
    html = client.get(f"/claims/{cid}").get_data(as_text=True)
    assert '<span class="reason" dir="auto">same quote 96%, speaker agrees</span>' in html
    # Matching it again stores the template and values: the reason is Arabic from then on.
    page = f"/claims/{cid}"
    r = client.post(f"{page}/rematch", data={"csrf_token": csrf_token(client, page)})
    assert r.status_code == 303
    html = client.get(page).get_data(as_text=True)
    assert '<span class="reason" dir="auto">الاقتباس نفسه بتطابق 96٪، والمتحدث نفسه</span>' in html
