"""`pip install .` as a deployment does it: a wheel, a plain virtualenv, factcheck run from elsewhere.

The templates, static files, migrations and samples stay at the top of the repository; the wheel
must carry them inside the package, and the installed factcheck must find them there.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import zipfile
from importlib import metadata
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
DATA_DIRS = ("templates", "static", "migrations", "samples")
DATA_FILES = ("feeds.yaml", "alembic.ini")
# What a checkout holds that a build never reads (and `build/` must not be written into the repository).
_NOT_SOURCE = {".git", ".venv", "build", "dist", "instance", "test-artifacts", ".hypothesis", ".pytest_cache",
               ".import_linter_cache", "__pycache__"}
# pip's words when no index answered for the build's or the install's requirements ("versions: none":
# not one release seen, as with no index at all; a release that exists but does not fit is a failure).
_OFFLINE = ("(from versions: none)", "NewConnectionError", "Failed to establish a new connection",
            "Temporary failure in name resolution", "Network is unreachable")

pytestmark = pytest.mark.slow


def _files(top: Path) -> set[str]:
    return {p.relative_to(top).as_posix() for p in top.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def _can_build_offline() -> bool:
    """This interpreter can build the wheel itself: setuptools as new as pyproject.toml asks, with
    bdist_wheel (built in from setuptools 70.1, else the wheel package)."""
    try:
        version = tuple(int(x) for x in metadata.version("setuptools").split(".")[:2])
    except (metadata.PackageNotFoundError, ValueError):
        return False
    if version < (69, 0):
        return False
    if version >= (70, 1):
        return True
    try:
        metadata.version("wheel")
    except metadata.PackageNotFoundError:
        return False
    return True


def _pip(python: Path | str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
    r = subprocess.run([str(python), "-m", "pip", *args], cwd=cwd, env=env, capture_output=True, text=True,
                       timeout=600)
    if r.returncode and any(m in r.stdout + r.stderr for m in _OFFLINE):
        pytest.skip(f"no package index reachable for `pip {args[0]}` (building or installing the wheel needs "
                    f"setuptools>=69 or factcheck's dependencies from an index):\n{r.stderr[-2000:]}")
    assert r.returncode == 0, f"pip {' '.join(args)} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """A copy of the working tree to build from (a build writes build/ beside the sources)."""
    src = tmp_path_factory.mktemp("source") / "factcheck"
    shutil.copytree(REPO, src, ignore=lambda d, names: [n for n in names
                                                         if n in _NOT_SOURCE or n.endswith(".egg-info")])
    return src


@pytest.fixture(scope="module")
def wheel(source, tmp_path_factory) -> Path:
    """The wheel `pip install .` builds: offline with this interpreter's setuptools when it can,
    else in pip's isolated build environment (setuptools and wheel from the index)."""
    dist = tmp_path_factory.mktemp("dist")
    isolation = ["--no-build-isolation"] if _can_build_offline() else []
    _pip(sys.executable, "wheel", "--no-deps", *isolation, "-w", str(dist), str(source), cwd=dist)
    (built,) = dist.glob("factcheck-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A plain virtualenv (it cannot see this one's editable factcheck) with the wheel and its dependencies."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    _pip(python, "install", "--quiet", str(wheel), cwd=venv)
    return venv


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_") and k != "PYTHONPATH"}
    env.update(FACTCHECK_INSTANCE=str(tmp_path / "instance"), FACTCHECK_ADMIN_PASSWORD="package test password")
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_wheel_carries_every_template_static_file_migration_and_sample(source, wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for top in DATA_DIRS:
        want = {f"factcheck/{top}/{f}" for f in _files(source / top)}
        assert want and want <= names, sorted(want - names)
    for name in DATA_FILES:
        assert f"factcheck/{name}" in names
    # every module, so a new subpackage missing from pyproject.toml's list fails here, not on a server
    code = {f"factcheck/{f}" for f in _files(source / "factcheck") if f.endswith(".py")}
    assert code <= names, sorted(code - names)
    assert not [n for n in names if not n.startswith(("factcheck/", "factcheck-"))], "nothing outside the package"


def test_the_installed_wheel_migrates_and_serves_the_ui(source, installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"  # not the repository: nothing of the checkout to fall back on
    elsewhere.mkdir()
    env = _env(tmp_path)
    python, factcheck = installed / "bin" / "python", installed / "bin" / "factcheck"

    where = subprocess.run([str(python), "-c", "import factcheck.config as c; print(c.ROOT)"], cwd=elsewhere,
                           env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed) and Path(where).name == "factcheck", where

    r = subprocess.run([str(factcheck), "db", "upgrade"], cwd=elsewhere, env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "database at newest schema" in r.stdout
    newest = sorted(p.name.split("_")[0] for p in (source / "migrations" / "versions").glob("*.py"))[-1]
    with sqlite3.connect(tmp_path / "instance" / "factcheck.sqlite3") as db:
        (version,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version == newest

    # the printable report's template comes from the package too
    r = subprocess.run([str(factcheck), "export", "--format", "html", "--out", str(tmp_path / "report.html")],
                       cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")

    # the shipped feeds.yaml reads the shipped samples beside it
    r = subprocess.run([str(factcheck), "feeds", "sync"], cwd=elsewhere, capture_output=True, text=True,
                       env={**env, "FACTCHECK_FEEDS": str(Path(where) / "feeds.yaml")}, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "added" in r.stdout and not r.stdout.startswith("feeds: 0 added"), r.stdout

    port = _free_port()
    log = (tmp_path / "run.log").open("w+")
    proc = subprocess.Popen([str(factcheck), "run", "--no-poller", "--host", "127.0.0.1", "--port", str(port)],
                            cwd=elsewhere, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as c:
            deadline = time.monotonic() + 60
            health = None
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    health = c.get("/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            log.seek(0)
            assert health is not None and health.status_code == 200, log.read()
            login = c.get("/login")
            assert login.status_code == 200
            assert 'name="csrf_token"' in login.text and 'name="password"' in login.text, login.text[:500]
            css = c.get("/static/app.css")
            assert css.status_code == 200
            assert css.content == (source / "static" / "app.css").read_bytes()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
