"""Settings from the environment (FACTCHECK_*) and the instance folder.

One place decides every default, so the CLI, the web app and the worker agree.
Imports nothing of ours but the matcher (pure code, which imports no settings),
for its thresholds' names and ranges: a mistyped threshold stops every command
at start-up.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from .match.types import MatchConfig

# The project root (where feeds.yaml, samples/, templates/ and migrations/ live).
ROOT = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be an integer, got {raw!r}") from None


_MATCH_PREFIX = "FACTCHECK_MATCH_"


def _match_thresholds() -> dict[str, float | int]:
    """FACTCHECK_MATCH_<NAME> variables (but the window's own) as MatchConfig values."""
    raw = {k[len(_MATCH_PREFIX):].lower(): v for k, v in os.environ.items()
           if k.startswith(_MATCH_PREFIX) and k != "FACTCHECK_MATCH_WINDOW_DAYS" and v != ""}
    try:
        return MatchConfig.thresholds(raw, label=_MATCH_PREFIX + "{}")
    except ValueError as e:
        raise SystemExit(str(e)) from None


def _default_parse_processes() -> int:
    """One fewer than the cores this process may use (the poller keeps one), at most 2."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(0, min(2, cores - 1))


@dataclass
class Settings:
    instance: Path
    database_url: str
    feeds_file: Path
    admin_password: str | None
    allow_private_networks: bool
    match_window_days: int
    poll_threads: int
    secret_key: str = field(repr=False, default="")
    # How long a worker's claim on a feed lasts: longer than any poll takes (fetch deadline 20 s
    # plus storing), short enough that a killed worker's feeds come back within minutes.
    poll_lease_seconds: int = 300
    # Processes that parse fetched feeds beside the poller's threads (0: parse in the poller).
    parse_processes: int = 0
    # Matcher thresholds set through FACTCHECK_MATCH_<NAME> (e.g. FACTCHECK_MATCH_QUOTE_SAME=65),
    # checked at load; the others keep MatchConfig's measured defaults.
    match_thresholds: dict[str, float | int] = field(default_factory=dict)

    @property
    def match(self) -> MatchConfig:
        """The matcher's settings: the window and the thresholds set in the environment."""
        return MatchConfig(window_days=self.match_window_days, **self.match_thresholds)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def load_settings(**overrides) -> Settings:
    """Read the environment once; keyword overrides win (tests, CLI flags)."""
    instance = Path(overrides.pop("instance", None) or os.environ.get("FACTCHECK_INSTANCE") or "instance").resolve()
    database_url = overrides.pop("database_url", None) or os.environ.get("FACTCHECK_DATABASE_URL") or (
        f"sqlite:///{instance / 'factcheck.sqlite3'}"
    )
    # A plain postgresql:// URL means psycopg 3 (the driver the postgres extra installs).
    if database_url.startswith("postgresql://") or database_url.startswith("postgres://"):
        database_url = "postgresql+psycopg://" + database_url.split("://", 1)[1]
    s = Settings(
        instance=instance,
        database_url=database_url,
        feeds_file=Path(overrides.pop("feeds_file", None) or os.environ.get("FACTCHECK_FEEDS") or "feeds.yaml").resolve(),
        admin_password=os.environ.get("FACTCHECK_ADMIN_PASSWORD") or None,
        allow_private_networks=_env_bool("FACTCHECK_ALLOW_PRIVATE_NETWORKS"),
        match_window_days=_env_int("FACTCHECK_MATCH_WINDOW_DAYS", 14),
        poll_threads=_env_int("FACTCHECK_POLL_THREADS", 8),
        poll_lease_seconds=max(1, _env_int("FACTCHECK_POLL_LEASE_SECONDS", 300)),
        parse_processes=max(0, _env_int("FACTCHECK_PARSE_PROCESSES", _default_parse_processes())),
    )
    for key, value in overrides.items():
        setattr(s, key, value)
    if "match_thresholds" not in overrides:
        s.match_thresholds = _match_thresholds()
    s.secret_key = os.environ.get("FACTCHECK_SECRET_KEY") or ""
    return s


def ensure_instance(settings: Settings) -> None:
    """Create the instance folder and a persistent secret key when none is configured.

    The key is kept in the instance folder so sessions survive restarts and so
    several web processes on one machine share it.
    """
    settings.instance.mkdir(parents=True, exist_ok=True)
    if settings.secret_key:
        return
    key_file = settings.instance / "secret_key"
    if not key_file.exists():
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    settings.secret_key = key_file.read_text().strip()
