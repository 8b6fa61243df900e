"""Engine and session factory; SQLite gets the pragmas a multi-threaded app needs."""
from __future__ import annotations

import threading
import weakref
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str, **kwargs) -> Engine:
    if url.startswith("sqlite"):
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

    from .config import ROOT

    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    # Percent signs in a password would be read as interpolation by configparser.
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")
