"""Issue 22, build 5 in a real browser: an editor moves an article of a story into another story from
the story page's form, and splits one off into a story of its own."""
from __future__ import annotations

from sqlalchemy import select

from factcheck.store.models import Article

from ..web.test_story_edits_web import two_stories  # noqa: F401 (the fixture)
from .conftest import keyboard_login


def test_an_editor_moves_an_article_to_another_story_and_splits_one_off(browser, live, factory, editor, shots,
                                                                        two_stories):  # noqa: F811
    w = two_stories
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = ctx.new_page()
    keyboard_login(page, live, "rana", "correct horse battery")
    page.goto(f"{live}/stories/{w['floods']}")
    rows = page.locator("section.story-articles tr.article")
    assert rows.count() == 2
    moving = page.locator(f"tr.article[data-article='{w['b']}']")
    assert "Deadly floods" in moving.inner_text() and "Outlet B" in moving.inner_text()
    moving.locator("input[name=to]").fill(str(w["museum"]))
    with page.expect_navigation():
        moving.locator("button", has_text="Move").first.click()
    assert page.url.endswith(f"/stories/{w['museum']}")
    assert f"moved from story {w['floods']} to story {w['museum']}" in page.locator("p.flash.ok").inner_text()
    moved = page.locator(f"tr.article[data-article='{w['b']}']")
    assert "placed by an editor" in moved.inner_text()
    page.screenshot(path=str(shots / "story-moved-en.png"), full_page=True)

    # "New story" needs no id: the article leaves for a story of its own.
    with page.expect_navigation():
        page.locator(f"tr.article[data-article='{w['d']}'] button", has_text="New story").click()
    with factory() as s:
        new = s.scalar(select(Article.story_id).where(Article.id == w["d"]))
    assert new not in (w["floods"], w["museum"]) and page.url.endswith(f"/stories/{new}")
    assert page.locator("section.story-articles tr.article").count() == 1
    ctx.close()
