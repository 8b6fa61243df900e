"""Acceptance in a real browser: keyboard review, undo, history, two editors at once,
hostile articles rendered inert, and screenshots in English and Arabic."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from factcheck.store.db import transaction
from factcheck.store.models import Claim, Decision
from factcheck.store.review import create_user

from ..web import data
from ..web.data import WHEN
from .conftest import keyboard_login


def _desk(factory) -> dict[str, int]:
    """A morning's queue: an Arabic conflict on a figure, an English quote two outlets agree on, and more."""
    with transaction(factory) as s:
        ar1 = data.claim(
            s, "عنب بلدي", "ألقت القبض على خلية مؤلفة من ثلاثة أشخاص", kind="figure", value=3, unit="أشخاص",
            speaker="وزارة الداخلية", verb="أعلنت", language="ar", title="الداخلية تعلن القبض على خلية في ريف دمشق",
            sentence="أعلنت وزارة الداخلية أنها ألقت القبض على خلية مؤلفة من ثلاثة أشخاص في ريف دمشق.",
            url="https://enabbaladi.example/2025/11/cell")
        ar2 = data.claim(
            s, "الوطن", "ألقت القبض على خلية مؤلفة من أربعة أشخاص", kind="figure", value=4, unit="أشخاص",
            speaker="وزارة الداخلية", verb="قالت", language="ar", title="القبض على خلية إرهابية",
            url="https://alwatan.example/cell")
        words = [["equal", "ألقت القبض على خلية مؤلفة من"], ["delete", "ثلاثة"], ["insert", "أربعة"],
                 ["equal", "أشخاص"]]
        assert data.matched(s, ar1, ar2, diff=words) == "conflicts"
        en1 = data.claim(s, "Levant Daily", "The Damascus airport will reopen to international flights on Monday",
                         speaker="The transport minister", verb="said", title="Airport to reopen",
                         url="https://levant.example/airport", published=WHEN - timedelta(hours=2))
        en2 = data.claim(s, "Gulf Wire", "The Damascus airport will reopen to international flights on Monday",
                         speaker="Transport minister", verb="told reporters", title="Syria airport reopening",
                         published=WHEN - timedelta(hours=3))
        en3 = data.claim(s, "World Desk", "Damascus airport will reopen to flights on Monday",
                         speaker="the minister", verb="said", title="Damascus flights", published=WHEN - timedelta(hours=4))
        data.link(s, en1, en2, "supports", 100, "same quote 100%, speaker agrees")
        data.link(s, en1, en3, "supports", 91, "same quote 91%, speaker agrees",
                  diff=[["delete", "The"], ["equal", "Damascus airport will reopen to"],
                        ["delete", "international"], ["equal", "flights on Monday"]])
        lone = data.claim(s, "Levant Daily", "Bread prices rose by twenty percent this week", kind="figure",
                          value=20, unit="percent", speaker="A bakery owner", published=WHEN - timedelta(days=1))
        return dict(ar1=ar1.id, ar2=ar2.id, en1=en1.id, en2=en2.id, en3=en3.id, lone=lone.id)


def _statuses(factory) -> dict[int, str]:
    with factory() as s:
        return dict(s.execute(select(Claim.id, Claim.status)).all())


def test_keyboard_review_undo_history_and_screenshots(browser, live, factory, editor, shots):
    ids = _desk(factory)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = ctx.new_page()
    keyboard_login(page, live, "rana", "correct horse battery")
    assert page.url.endswith("/queue")
    page.screenshot(path=str(shots / "queue-en.png"), full_page=True)

    page.keyboard.press("?")
    assert page.locator("dialog#keys").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("dialog#keys").is_visible()

    page.keyboard.press("j")  # the first row: the Arabic conflict leads the queue
    with page.expect_navigation():
        page.keyboard.press("Enter")
    first = int(page.locator("article.claim").get_attribute("data-claim-id"))
    assert first in (ids["ar1"], ids["ar2"])
    page.screenshot(path=str(shots / "claim-en.png"), full_page=True)

    reviewed = []
    for key, status in (("c", "corroborated"), ("d", "disputed"), ("u", "unverifiable")):
        cid = int(page.locator("article.claim").get_attribute("data-claim-id"))
        if key == "d":  # a note, typed after `n` focuses it
            page.keyboard.press("n")
            page.keyboard.type("figures differ between outlets")
            page.keyboard.press("Escape")
        with page.expect_navigation():
            page.keyboard.press(key)
        reviewed.append((cid, status))
        assert int(page.locator("article.claim").get_attribute("data-claim-id")) != cid, "the next claim opened"
    st = _statuses(factory)
    assert [st[c] for c, _ in reviewed] == [s for _, s in reviewed]
    assert len({c for c, _ in reviewed}) == 3

    with page.expect_navigation():
        page.keyboard.press("z")  # undo the last one
    last_id = reviewed[-1][0]
    assert int(page.locator("article.claim").get_attribute("data-claim-id")) == last_id
    assert page.locator("#claim-status").get_attribute("data-status") == "pending"
    history = page.locator("#history li")
    assert history.count() == 2
    assert history.nth(0).get_attribute("data-status") == "unverifiable"
    assert history.nth(1).get_attribute("data-status") == "pending"
    assert "rana" in history.nth(1).inner_text()

    # The note is in the history of the disputed claim.
    with page.expect_navigation():
        page.goto(f"{live}/claims/{reviewed[1][0]}")
    assert "figures differ between outlets" in page.locator("#history").inner_text()

    with factory() as s:
        assert s.scalar(select(func.count(Decision.id))) == 4, "three decisions and one undo, nothing deleted"
    assert _statuses(factory)[last_id] == "pending"

    # j / k between claims, without a mouse.
    page.goto(f"{live}/claims/{ids['en1']}")
    before = page.url
    with page.expect_navigation():
        page.keyboard.press("j")
    assert page.url != before
    with page.expect_navigation():
        page.keyboard.press("k")
    assert page.url == before

    # The same pages in Arabic, right to left, through the switch in the header.
    with page.expect_navigation():
        page.locator("form.lang-switch button").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.goto(f"{live}/claims/{ids['ar1']}")
    # The matcher's reason, in Arabic: the figures in their own words, read right to left.
    reason = page.locator(".match .reason").first
    assert reason.inner_text().startswith("الحدث نفسه (تشابه 100٪)؛ الرقمان مختلفان:")
    assert "same event (" not in page.content()
    page.screenshot(path=str(shots / "claim-ar.png"), full_page=True)
    page.goto(f"{live}/queue?status=pending")
    assert page.locator("html").get_attribute("lang") == "ar"
    page.screenshot(path=str(shots / "queue-ar.png"), full_page=True)
    ctx.close()


def test_two_editors_decide_the_same_claim(browser, live, factory, editor):
    ids = _desk(factory)
    with transaction(factory) as s:
        create_user(s, "omar", "another long password")
    a, b = browser.new_context(locale="en-US"), browser.new_context(locale="en-US")
    pa, pb = a.new_page(), b.new_page()
    keyboard_login(pa, live, "rana", "correct horse battery")
    keyboard_login(pb, live, "omar", "another long password")
    target = ids["en1"]
    pa.goto(f"{live}/claims/{target}")
    pb.goto(f"{live}/claims/{target}")
    assert "rana is on this claim" in pb.locator("#lock-note").inner_text()

    with pa.expect_navigation():
        pa.keyboard.press("c")
    with pb.expect_navigation():
        pb.keyboard.press("d")
    assert "changed by rana a moment ago" in pb.locator(".flash.error").inner_text()
    with factory() as s:
        rows = s.execute(select(Decision.status).where(Decision.claim_id == target)).scalars().all()
        assert rows == ["corroborated"], "exactly the one accepted decision"
        assert s.get(Claim, target).status == "corroborated"
    a.close()
    b.close()


def test_hostile_article_renders_inert(browser, live, factory, editor):
    with transaction(factory) as s:
        bait = f"{live}/bait"
        c = data.claim(
            s, "<script>alert('feed')</script>", f"<img src=x onerror=\"fetch('{bait}-img')\"> said nothing",
            title=f"<script>fetch('{bait}-title')</script><img src=x onerror=alert(1)>",
            sentence=f"<a href=\"javascript:alert(2)\">click</a> <img src=x onerror=\"fetch('{bait}-img')\"> said nothing",
            body=f"<iframe src=\"{bait}-frame\"></iframe>", url="javascript:alert(3)",
            html=f"<script>fetch('{bait}-html')</script>", speaker="<b onmouseover=alert(4)>x</b>")
        other = data.claim(s, "Other", "<svg onload=alert(5)>", url=f"javascript:fetch('{bait}-link')")
        data.link(s, c, other, "related", 50, "<img src=x onerror=alert(6)>",
                  diff=[["insert", "<script>alert(7)</script>"]])
        cid = c.id
    ctx = browser.new_context()
    page = ctx.new_page()
    dialogs, requests = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    keyboard_login(page, live, "rana", "correct horse battery")
    for path in (f"/claims/{cid}", "/queue"):
        page.goto(live + path)
        page.wait_for_load_state("networkidle")
        page.locator("h1").first.hover() if page.locator("h1").count() else None
    assert dialogs == []
    assert not [u for u in requests if "bait" in u or not u.startswith(live)], requests
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0
    page.goto(live + f"/claims/{cid}")
    assert page.evaluate("document.querySelectorAll('article img, article script, article iframe, .evidence script').length") == 0
    assert "<script>fetch(" in page.locator("h1").inner_text(), "shown as text, not run"
    ctx.close()


def test_bulk_decide_from_the_queue_with_the_keyboard(browser, live, factory, editor):
    ids = _desk(factory)
    ctx = browser.new_context(locale="en-US")
    page = ctx.new_page()
    keyboard_login(page, live, "rana", "correct horse battery")
    rows = [int(x) for x in page.locator("tr.row").evaluate_all("rs => rs.map(r => r.dataset.id)")]
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("x")  # the second row
    page.keyboard.press("j")
    page.keyboard.press("x")  # the third
    with page.expect_navigation():
        page.keyboard.press("u")
    st = _statuses(factory)
    assert [st[r] for r in rows[:4]] == ["pending", "unverifiable", "unverifiable", "pending"]
    assert page.locator("#count-pending").inner_text() == str(len(ids) - 2)
    ctx.close()
