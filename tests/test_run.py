"""`factcheck run` as a user starts it: a real process, a real port, the bundled samples."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import httpx
import pytest

from factcheck.config import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_run_serves_the_ui_and_fills_the_queue_from_the_samples(tmp_path, database_url):
    feeds = tmp_path / "feeds.yaml"
    # The shipped samples plus one unreachable real-looking feed, as on a machine without internet.
    feeds.write_text((ROOT / "feeds.yaml").read_text().replace("file:samples/", f"file:{ROOT}/samples/")
                     + "- {name: Offline, url: 'http://127.0.0.1:9/rss', language: en, interval: 30}\n")
    port = _free_port()
    env = {**os.environ, "FACTCHECK_INSTANCE": str(tmp_path / "inst"), "FACTCHECK_FEEDS": str(feeds),
           "FACTCHECK_DATABASE_URL": database_url}
    env.pop("FACTCHECK_ADMIN_PASSWORD", None)
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "run", "--port", str(port)], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out_lines: list[str] = []
        password = None
        deadline = time.monotonic() + 60
        while password is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            out_lines.append(line)
            m = re.search(r"created user 'admin' with password: (\S+)", line)
            if m:
                password = m.group(1)
        assert password, "first run prints the generated admin password:\n" + "".join(out_lines)
        base = f"http://127.0.0.1:{port}"
        # 30 s, not 5: the login's write waits for the poller's transaction of the article it is
        # importing (SQLite has one writer), which took over 5 s on a CI machine loaded 7 processes a core.
        with httpx.Client(base_url=base, timeout=30) as c:
            for _ in range(100):
                try:
                    if c.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            page = c.get("/login").text
            token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
            r = c.post("/login", data={"username": "admin", "password": password, "csrf_token": token})
            assert r.status_code == 302
            deadline = time.monotonic() + 60  # "within a minute"
            while time.monotonic() < deadline:
                queue = c.get("/queue").text
                if queue.count("/claims/") >= 10 and "conflict" in queue:
                    break
                time.sleep(1)
            assert "Baladi News (sample)" in queue and "World Desk (sample)" in queue
            assert "conflict" in queue, "conflicting reports are flagged in the queue"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
