"""Engine and session factory; SQLite gets the pragmas a multi-threaded app needs."""
from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker


def _create_private_sqlite_file(url: str) -> None:
    """Create a new SQLite database file 0600 (it holds the password hashes), before SQLite would
    create it with the umask's mode (0644 under the usual 022).

    The file is made empty with os.open's mode argument, which concerns this one file: changing the
    umask around SQLite's own creation would change it for every thread of the process at once.
    SQLite opens an empty file as a new database, and gives its -wal and -shm files the main
    file's permissions.  An existing file is left as it is.
    """
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return  # in memory, or a URI filename SQLite opens itself
    try:
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except (FileExistsError, FileNotFoundError, PermissionError):
        pass  # already there, or SQLite will report why it cannot open it


def make_engine(url: str, **kwargs) -> Engine:
    if url.startswith("sqlite"):
        _create_private_sqlite_file(url)
        # The poller threads and the web threads share one file: WAL lets readers
        # run beside the writer, busy_timeout makes writers wait instead of failing.
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


_write_locks: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()
_write_locks_guard = threading.Lock()


def writer_lock(factory: sessionmaker[Session]) -> AbstractContextManager[object]:
    """Hold around a write transaction that many threads of this process run at once.

    SQLite admits one writer at a time, and a writer that finds the file locked sleeps in
    SQLite's busy handler in growing steps (up to 100 ms) however soon the lock frees: with
    dozens of poller threads the core then sat idle while they slept.  Queued on a Python lock
    instead, the next writer starts the moment the previous one commits.  PostgreSQL locks rows,
    so there it is a no-op.
    """
    engine = factory.kw["bind"]
    if engine.dialect.name != "sqlite":
        return nullcontext()
    with _write_locks_guard:
        lock = _write_locks.get(engine)
        if lock is None:
            lock = _write_locks[engine] = threading.Lock()
    return lock


BUSY_RETRIES = 3


def is_busy(exc: BaseException) -> bool:
    """A database that could not take this write now (SQLite locked, a PostgreSQL deadlock or
    serialization failure): nothing was written, and the same write may succeed a moment later."""
    if not isinstance(exc, OperationalError):
        return False
    orig = exc.orig
    if isinstance(orig, sqlite3.OperationalError):
        return "locked" in str(orig) or "busy" in str(orig)
    return getattr(orig, "sqlstate", None) in ("40P01", "40001")


def begin_write(session: Session) -> None:
    """Start the session's transaction as a writer now, on SQLite (BEGIN IMMEDIATE).

    The sqlite3 driver opens a transaction only at the first INSERT/UPDATE/DELETE, which then
    takes the write lock from a fresh snapshot, waiting in the busy handler while another writer
    holds it. A transaction opened by a SAVEPOINT (``begin_nested``) and read in first is another
    matter: when another writer commits before it writes, its snapshot is stale and SQLite refuses
    the upgrade at once ("database is locked"), however long busy_timeout is. Taken up front, the
    lock is ours before the first read. Refused attempts are retried a bounded number of times
    (each already waited busy_timeout); the last refusal propagates as the caller's error, with
    nothing written. PostgreSQL locks rows: there it does nothing.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite" or conn.connection.dbapi_connection.in_transaction:
        return
    for attempt in range(BUSY_RETRIES):
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if not is_busy(exc) or attempt == BUSY_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits on success and rolls back on any exception."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def upgrade_database(url: str) -> None:
    """Bring the schema to the newest migration (`alembic upgrade head`).

    The app never calls create_all: the migrations are the only description of
    the schema that a deployed database sees, on SQLite and PostgreSQL alike.
    """
    from alembic import command
    from alembic.config import Config

    from ..config import ROOT

    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    # Percent signs in a password would be read as interpolation by configparser.
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")
