"""Editors deciding at the same moment as the poller and imports write: nothing an editor submits is lost.

A real threaded HTTP server on 127.0.0.1 in front of the app, one HTTP client per editor, a poll
round of the bundled samples served by a real feed server, and imports through the pipeline, all
at once for FACTCHECK_TEST_LOAD_SECONDS (default 30). Every bulk decision either commits whole
or is refused with a message and nothing written; none answers 5xx. At the end every decision an
editor was told was taken is in the database exactly once, with its history.
"""
from __future__ import annotations

import os
import re
import threading
import time
from collections import Counter, defaultdict

import httpx
import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from factcheck.config import ROOT
from factcheck.store.db import transaction
from factcheck.store.models import Claim, Decision, Feed
from factcheck.store.pipeline import import_article
from factcheck.store.review import create_user
from factcheck.worker import poll_round

from ..support.feedserver import FeedServer
from . import data

EDITORS = 8
CLAIMS_EACH = 30
BATCH = 6
SECONDS = float(os.environ.get("FACTCHECK_TEST_LOAD_SECONDS", "30"))
STATUSES = ("corroborated", "disputed", "unverifiable")

pytestmark = pytest.mark.slow


def _token(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token on the page"
    return m.group(1)


def _flashes(html: str, kind: str) -> list[str]:
    return re.findall(rf'class="flash {kind}"[^>]*>(.*?)<', html, re.S)


class Editor(threading.Thread):
    """One editor deciding their own claims in batches, again and again, tracking each claim's version."""

    def __init__(self, base: str, name: str, claim_ids: list[int], stop: threading.Event, factory) -> None:
        super().__init__(daemon=True)
        self.base, self.name, self.ids, self.stop, self.factory = base, name, claim_ids, stop, factory
        self.version = {cid: 1 for cid in claim_ids}
        self.accepted: Counter[int] = Counter()  # claim -> decisions the editor was told were taken
        self.last_status: dict[int, str] = {}
        self.server_errors: list[str] = []
        self.refused: list[str] = []
        self.requests = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._run()
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.error = exc

    def _run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=120, follow_redirects=False) as c:
            r = c.post("/login", data={"username": self.name, "password": "editor password",
                                       "csrf_token": _token(c.get("/login").text)})
            assert r.status_code == 302, f"login of {self.name}: {r.status_code}"
            token = _token(c.get("/queue").text)
            n = 0
            while not self.stop.is_set():
                batch = [self.ids[(n * BATCH + i) % len(self.ids)] for i in range(BATCH)]
                status = STATUSES[n % len(STATUSES)]
                n += 1
                form = {"csrf_token": token, "status": status, "back": "/queue?status=pending",
                        "claim": [str(cid) for cid in batch],
                        **{f"v{cid}": str(self.version[cid]) for cid in batch}}
                r = c.post("/queue/decide", data=form)
                self.requests += 1
                if r.status_code >= 500:
                    self.server_errors.append(f"{r.status_code}: {r.text[:200]}")
                    self._resync(batch)
                    continue
                if r.status_code != 303:
                    # A refusal with a message (the database too busy): nothing was written.
                    self.refused.append(f"{r.status_code}")
                    continue
                page = c.get(r.headers["location"])
                errors = _flashes(page.text, "error")
                assert not errors, f"{self.name}'s own claims were refused: {errors}"
                done = _flashes(page.text, "ok")
                assert any(f"{BATCH} ×" in f for f in done), f"no confirmation for {self.name}: {done}"
                for cid in batch:
                    self.version[cid] += 1
                    self.accepted[cid] += 1
                    self.last_status[cid] = status


    def _resync(self, batch: list[int]) -> None:
        # After a 5xx the editor cannot know what was written: read it back, so that the run goes on
        # and counts every 5xx (the test fails on the first one all the same).
        with self.factory() as s:
            for cid in batch:
                c = s.get(Claim, cid)
                self.version[cid] = c.version
                self.accepted[cid] = s.scalar(select(func.count()).select_from(Decision)
                                              .where(Decision.claim_id == cid))
                self.last_status[cid] = c.status


def _samples_server() -> FeedServer:
    server = FeedServer().start()
    for path in sorted((ROOT / "samples").glob("*.xml")):
        server.feed(f"/{path.name}", path.read_bytes())
    return server


def test_bulk_decisions_beside_polls_and_imports_are_never_lost(app, factory, settings):
    with transaction(factory) as s:
        users = [create_user(s, f"editor{i}", "editor password", "editor") for i in range(EDITORS)]
        ids = [[data.claim(s, f"Outlet {i % 3}", f"Claim {i}-{j}: the council will meet on day {j}.",
                           title=f"Article {i}-{j}").id for j in range(CLAIMS_EACH)] for i in range(EDITORS)]
    server = make_server("127.0.0.1", 0, app, threaded=True)
    web = threading.Thread(target=server.serve_forever, daemon=True)
    web.start()
    base = f"http://127.0.0.1:{server.server_port}"
    feeds = _samples_server()
    with transaction(factory) as s:
        for path in sorted((ROOT / "samples").glob("*.xml")):
            s.add(Feed(name=path.stem, url=feeds.url(f"/{path.name}"), language="ar", interval_minutes=30))
    stop = threading.Event()
    editors = [Editor(base, u.name, ids[i], stop, factory) for i, u in enumerate(users)]
    background_errors: list[BaseException] = []
    imports_done = []

    def polls() -> None:
        try:
            while not stop.is_set():
                poll_round(factory, settings, force=True)
        except BaseException as exc:
            background_errors.append(exc)

    def imports() -> None:
        try:
            for k in range(20):
                with transaction(factory) as s:
                    import_article(s, settings, source=f"Desk {k % 4}", language="en", title=f"Import {k}",
                                   text=f'The minister said: "We will open {k + 3} schools in Aleppo on '
                                        f'10 November 2025." The mayor added that {k + 40} roads were closed.')
                imports_done.append(k)
        except BaseException as exc:
            background_errors.append(exc)

    others = [threading.Thread(target=polls, daemon=True), threading.Thread(target=imports, daemon=True)]
    try:
        for t in editors + others:
            t.start()
        time.sleep(SECONDS)
        stop.set()
        for t in editors + others:
            t.join(180)
    finally:
        stop.set()
        server.shutdown()
        feeds.close()

    for e in editors:
        assert e.error is None, f"{e.name}: {e.error!r}"
    assert not background_errors, background_errors
    assert len(imports_done) == 20
    server_errors = [x for e in editors for x in e.server_errors]
    requests = sum(e.requests for e in editors)
    accepted = sum(sum(e.accepted.values()) for e in editors)
    print(f"\n{requests} bulk decisions, {len(server_errors)} answered 5xx, "
          f"{sum(len(e.refused) for e in editors)} refused with a message, {accepted} claim decisions taken")
    assert not server_errors, f"{len(server_errors)} of {requests} bulk decisions answered 5xx: {server_errors[:3]}"
    assert accepted >= EDITORS * BATCH, "the editors got almost nothing done"

    with factory() as s:
        counts = dict(s.execute(select(Decision.claim_id, func.count()).group_by(Decision.claim_id)).all())
        history: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for d in s.scalars(select(Decision).order_by(Decision.id)):
            history[d.claim_id].append((d.previous_status, d.status))
        for e in editors:
            for cid in e.ids:
                c = s.get(Claim, cid)
                assert counts.get(cid, 0) == e.accepted[cid], f"claim {cid}: stored decisions differ from taken"
                assert c.version == 1 + e.accepted[cid]
                if e.accepted[cid]:
                    assert c.status == e.last_status[cid]
                    # Each decision starts from the one before it: the history is a chain.
                    chain = history[cid]
                    assert chain[0][0] == "pending"
                    assert all(prev == before for (_, before), (prev, _) in zip(chain, chain[1:]))
