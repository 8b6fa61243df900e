"""How `factcheck run` ends: a bad admin password at start, SIGTERM or Ctrl-C later (a real process)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import psutil
import pytest
from sqlalchemy import func, select

from factcheck.store.models import User


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(tmp_path, database_url, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env.update(FACTCHECK_INSTANCE=str(tmp_path / "inst"), FACTCHECK_FEEDS=str(tmp_path / "feeds.yaml"),
               FACTCHECK_DATABASE_URL=database_url, **extra)
    (tmp_path / "feeds.yaml").write_text("[]\n")
    return env


def test_a_short_admin_password_stops_run_with_one_line_and_status_2(tmp_path, database_url, factory):
    env = _env(tmp_path, database_url, FACTCHECK_ADMIN_PASSWORD="short")
    r = subprocess.run([sys.executable, "-m", "factcheck", "run", "--port", str(_free_port())], env=env,
                       cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stderr.splitlines() == ["error: cannot create the user 'admin' with FACTCHECK_ADMIN_PASSWORD: "
                                     "passwords need at least 8 characters"], r.stderr
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 0, "no admin with a refused password"


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=lambda s: s.name)
def test_run_stops_cleanly_with_its_parse_processes(tmp_path, database_url, sig):
    env = _env(tmp_path, database_url, FACTCHECK_ADMIN_PASSWORD="a long enough password", FACTCHECK_PARSE_PROCESSES="1")
    port = _free_port()
    log = (tmp_path / "run.log").open("w+")
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "run", "--port", str(port)], env=env, cwd=tmp_path,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        parent = psutil.Process(proc.pid)
        deadline = time.monotonic() + 60
        up = False
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as c:
            while not up and time.monotonic() < deadline and proc.poll() is None:
                try:
                    up = c.get("/health").status_code == 200
                except httpx.TransportError:
                    time.sleep(0.2)
        # the poller's parse process and multiprocessing's resource tracker
        while len(children := parent.children(recursive=True)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        log.seek(0)
        assert up and len(children) >= 2, log.read()
        proc.send_signal(sig)
        assert proc.wait(30) == 0
        gone, alive = psutil.wait_procs(children, timeout=10)
        assert not alive, f"left running: {alive}"
        log.seek(0)
        out = log.read()
        assert "leaked" not in out and "Traceback" not in out, out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
