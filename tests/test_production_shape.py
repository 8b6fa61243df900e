"""The production shape the README shows: gunicorn with two workers against PostgreSQL.

Everything as a desk would run it, each step a real process: `factcheck db upgrade`, `factcheck
users add`, `factcheck import`, then gunicorn serving `factcheck.app:create_app()` with two
workers on a fresh instance folder. An editor logs in and decides a claim over HTTP, with requests
served by both workers (their pids are in the access log); SIGTERM stops the whole server cleanly.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import select

from factcheck.config import ROOT
from factcheck.store.db import make_engine, make_sessionmaker
from factcheck.store.models import Claim, Decision

pytestmark = pytest.mark.slow


def _pids(log, request: str = "") -> set[str]:
    """The pids of the workers that served `request` ("GET /queue 200"; any if empty), from gunicorn's
    access log (its format here is "pid method path status")."""
    if not log.exists():
        return set()
    return {line.split()[0] for line in log.read_text().splitlines()
            if line.strip() and " ".join(line.split()[1:]).startswith(request)}


def _get_queue(base: str, cookies) -> int:
    # A client of its own per request: a new connection each time, so either worker may accept it.
    with httpx.Client(base_url=base, cookies=cookies, timeout=30) as c:
        return c.get("/queue").status_code


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _token(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token on the page"
    return m.group(1)


def test_two_gunicorn_workers_on_postgresql_serve_a_login_and_a_decision(database_url, tmp_path):
    if not database_url.startswith("postgresql"):
        pytest.skip("the production shape runs on PostgreSQL: set FACTCHECK_TEST_DATABASE_URL")
    pytest.importorskip("gunicorn", reason="gunicorn comes with the test extras: pip install -e '.[test]'")
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("[]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env.update(FACTCHECK_DATABASE_URL=database_url, FACTCHECK_INSTANCE=str(tmp_path / "instance"),
               FACTCHECK_FEEDS=str(feeds), FACTCHECK_PASSWORD="editor password 1")

    def cli(*args: str, stdin: str | None = None) -> str:
        r = subprocess.run([sys.executable, "-m", "factcheck", *args], env=env, cwd=tmp_path, input=stdin,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, f"factcheck {' '.join(args)}: {r.stderr}"
        return r.stdout

    cli("db", "upgrade")
    cli("users", "add", "rana", "--role", "editor")
    article = tmp_path / "article.txt"
    article.write_text('Aleppo schools\n\nThe minister said: "Forty schools will reopen in Aleppo on 10 November '
                       '2025."\n', encoding="utf-8")
    cli("import", str(article), "--source", "Levant Daily", "--lang", "en", "--published", "2025-11-07T10:00:00Z")

    port = _free_port()
    log = tmp_path / "access.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--access-logfile", str(log), "--access-logformat", "%(p)s %(m)s %(U)s %(s)s",
         "factcheck.app:create_app()"],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, f"gunicorn exited: {server.stdout.read()}"
            assert time.monotonic() < deadline, "gunicorn did not answer /health in 60 s"
            time.sleep(0.2)

        with httpx.Client(base_url=base, timeout=30) as c:
            r = c.post("/login", data={"username": "rana", "password": "editor password 1",
                                       "csrf_token": _token(c.get("/login").text)})
            assert r.status_code == 302, r.text[:300]
            # Sessions made by one worker must be read by the other. Which worker accepts a connection
            # is the kernel's choice, so a fixed count of requests can all land on one: send pairs at
            # once (one worker busy, the other must take the second) until both pids are in the log.
            deadline = time.monotonic() + 60
            with ThreadPoolExecutor(2) as pool:
                while len(_pids(log, "GET /queue 200")) < 2 and time.monotonic() < deadline:
                    codes = list(pool.map(lambda _: _get_queue(base, c.cookies), range(2)))
                    assert codes == [200, 200], f"a logged-in editor got {codes} for /queue"
            queue = c.get("/queue").text
            claim_id = int(re.search(r'data-id="(\d+)"', queue).group(1))
            page = c.get(f"/claims/{claim_id}").text
            version = re.search(r'name="version" value="(\d+)"', page).group(1)
            r = c.post(f"/claims/{claim_id}/decide", data={"csrf_token": _token(page), "status": "corroborated",
                                                           "version": version, "note": "two sources"})
            assert r.status_code == 303
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    output = server.stdout.read()
    assert code == 0, output
    assert "Traceback" not in output, output

    served_by = _pids(log, "GET /queue 200")
    assert len(served_by) == 2, f"the logged-in queue was served by {len(served_by)} worker(s): {sorted(served_by)}"
    engine = make_engine(database_url)
    try:
        with make_sessionmaker(engine)() as s:
            claim = s.get(Claim, claim_id)
            assert claim.status == "corroborated"
            decision = s.scalar(select(Decision).where(Decision.claim_id == claim_id))
            assert decision.note == "two sources" and decision.user.name == "rana"
    finally:
        engine.dispose()
