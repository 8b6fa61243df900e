"""Acceptance 4 of issue 22 in a real browser: an editor opens the story queue, opens a story with a
diverging figure, decides the agreeing fact with the keyboard, undoes it, and sees each claim's history."""
from __future__ import annotations

from sqlalchemy import func, select

from factcheck.store.models import Claim, Decision

from ..test_fact_decisions import flood
from .conftest import keyboard_login


def _statuses(factory, ids) -> dict[int, str]:
    with factory() as s:
        return dict(s.execute(select(Claim.id, Claim.status).where(Claim.id.in_(ids))).all())


def test_an_editor_decides_a_storys_agreeing_fact_with_the_keyboard_and_undoes_it(browser, live, factory, editor,
                                                                                   shots):
    ids = flood(factory)
    agreeing = sorted((ids["a"], ids["b"], ids["d"]))
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = ctx.new_page()
    keyboard_login(page, live, "rana", "correct horse battery")

    with page.expect_navigation():
        page.click("header nav a[href='/stories']")
    assert page.url.endswith("/stories")
    page.keyboard.press("j")  # the one story
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/stories/{ids['story']}")

    # The story's figure: three outlets say 26, and beside them the one that says 27.
    first = page.locator("tr.row.fact").first
    assert "3 outlets: 26 killed" in first.locator("td.agree").inner_text()
    assert "1 outlet: 27 killed" in first.locator("td.diverge").inner_text()
    assert first.locator("form.decide-fact").get_attribute("data-fact") == str(ids["fact"])
    assert f"Fact {ids['fact']}" in first.inner_text()

    page.keyboard.press("?")
    assert "on a story: decide the selected fact" in page.locator("dialog#keys").inner_text()
    page.keyboard.press("Escape")

    page.keyboard.press("j")  # the agreeing fact, contradicted, leads the page
    page.keyboard.press("n")
    page.keyboard.type("three outlets give 26")
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.keyboard.press("c")
    assert page.url.endswith(f"/stories/{ids['story']}#fact-{ids['fact']}")
    assert f"fact {ids['fact']}: 3 × corroborated" in page.locator("p.flash.ok").inner_text()
    assert _statuses(factory, agreeing + [ids["c"]]) == {**{c: "corroborated" for c in agreeing}, ids["c"]: "pending"}
    boxes = page.locator(f"#fact-{ids['fact']} span.status")
    assert [boxes.nth(i).get_attribute("data-status") for i in range(boxes.count())] == ["corroborated"] * 3
    page.screenshot(path=str(shots / "story-decided-en.png"), full_page=True)

    # Back on the story the decided fact is still the selected row: z undoes it.
    assert "current" in (page.locator("tr.row.fact").first.get_attribute("class") or "")
    with page.expect_navigation():
        page.keyboard.press("z")
    assert "undone: 3 ×" in page.locator("p.flash.ok").inner_text()
    assert set(_statuses(factory, agreeing).values()) == {"pending"}
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 6, "three decisions, three undos, none deleted"

    # Each claim's history: the decision on the story, with its note and a link to the story, then the undo.
    for cid in agreeing:
        page.goto(f"{live}/claims/{cid}")
        history = page.locator("#history li")
        assert history.count() == 2
        assert history.nth(0).get_attribute("data-status") == "corroborated"
        assert "three outlets give 26" in history.nth(0).inner_text() and "rana" in history.nth(0).inner_text()
        assert history.nth(1).get_attribute("data-status") == "pending"
        for i in range(2):
            link = history.nth(i).locator("a.on-story")
            assert link.inner_text() == f"decided on story {ids['story']}"
            assert link.get_attribute("href") == f"/stories/{ids['story']}"
        assert page.locator("#claim-status").get_attribute("data-status") == "pending"
    with page.expect_navigation():
        page.click("#history li >> nth=0 >> a.on-story")
    assert page.url.endswith(f"/stories/{ids['story']}")

    # The same story in Arabic, right to left, through the switch in the header; c still decides.
    with page.expect_navigation():
        page.locator("form.lang-switch button").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert f"الواقعة {ids['fact']}" in page.locator(f"#fact-{ids['fact']}").inner_text()
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("d")
    assert f"الواقعة {ids['fact']}: 3 ×" in page.locator("p.flash.ok").inner_text()
    assert set(_statuses(factory, agreeing).values()) == {"disputed"}
    page.screenshot(path=str(shots / "story-decided-ar.png"), full_page=True)
    ctx.close()
