"""The instance folder holds the password hashes (the SQLite file) and the session secret: only the
user factcheck runs as may read them, whatever the umask (here the common 022)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

from sqlalchemy import text

from factcheck.config import ROOT
from factcheck.store.db import make_engine


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def db_upgrade(tmp_path, instance):
    """The real `factcheck db upgrade`, in a process of its own started with umask 022."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("FACTCHECK_DATABASE_URL", "FACTCHECK_SECRET_KEY", "FACTCHECK_FEEDS")}
    env["FACTCHECK_INSTANCE"] = str(instance)
    result = subprocess.run([sys.executable, "-m", "factcheck", "db", "upgrade"], env=env, cwd=ROOT,
                            capture_output=True, text=True, umask=0o022, timeout=120)
    assert result.returncode == 0, result.stderr
    return f"sqlite:///{instance / 'factcheck.sqlite3'}"


def test_a_new_instance_folder_and_its_files_are_private(tmp_path):
    instance = tmp_path / "srv" / "instance"  # its parent does not exist either
    url = db_upgrade(tmp_path, instance)
    assert mode(instance) == 0o700
    assert mode(instance / "factcheck.sqlite3") == 0o600
    assert mode(instance / "secret_key") == 0o600
    # The WAL and shared-memory files SQLite adds beside a database in use are no more open.
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            c.execute(text("CREATE TABLE wal_probe (x INTEGER)"))
            c.commit()
            for side in ("factcheck.sqlite3-wal", "factcheck.sqlite3-shm"):
                assert (instance / side).exists(), side
                assert mode(instance / side) == 0o600, side
    finally:
        engine.dispose()


def test_a_folder_the_user_made_keeps_its_mode_but_the_files_are_private(tmp_path):
    instance = tmp_path / "mine"
    instance.mkdir()
    instance.chmod(0o750)  # chosen by the user (a group that backs it up, say): not factcheck's to change
    db_upgrade(tmp_path, instance)
    assert mode(instance) == 0o750
    assert mode(instance / "factcheck.sqlite3") == 0o600
    assert mode(instance / "secret_key") == 0o600


def _start_worker(instance: str, barrier, out) -> None:
    from factcheck.config import ensure_instance, load_settings

    s = load_settings(instance=instance, database_url="sqlite://")
    s.secret_key = ""
    barrier.wait()
    try:
        ensure_instance(s)
        out.put(s.secret_key)
    except Exception as exc:  # reported to the test
        out.put(f"error: {exc!r}")


def test_web_workers_starting_at_once_share_one_whole_secret_key(tmp_path, monkeypatch):
    """gunicorn starts its workers together, each creating the app on a fresh instance folder: every
    one must end with the same key (sessions signed by one are read by the others), none with an error."""
    import multiprocessing

    monkeypatch.delenv("FACTCHECK_SECRET_KEY", raising=False)
    ctx = multiprocessing.get_context("spawn")
    n = 6
    barrier, out = ctx.Barrier(n), ctx.Queue()
    procs = [ctx.Process(target=_start_worker, args=(str(tmp_path / "instance"), barrier, out)) for _ in range(n)]
    for p in procs:
        p.start()
    keys = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)
    assert not [k for k in keys if k.startswith("error")], keys
    assert len(set(keys)) == 1 and len(keys[0]) == 64
    assert sorted(os.listdir(tmp_path / "instance")) == ["secret_key"], "no draft left behind"
    assert mode(tmp_path / "instance" / "secret_key") == 0o600
