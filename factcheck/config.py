"""Settings from the environment (FACTCHECK_*) and the instance folder.

One place decides every default, so the CLI, the web app and the worker agree.
Imports nothing of ours but the matcher (pure code, which imports no settings),
for its thresholds' names and ranges, and that only when settings are loaded: a
mistyped threshold stops every command that loads them.
"""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the matcher is imported where a threshold is read: `factcheck extract` never loads it
    from .match.types import MatchConfig


def _root() -> Path:
    """Where feeds.yaml, samples/, templates/, static/ and migrations/ live: the package itself when
    installed from a wheel (which ships them inside it, see pyproject.toml), else the top of the
    repository the package sits in (a checkout, or an editable install of one)."""
    package = Path(__file__).resolve().parent
    return package if (package / "migrations" / "env.py").is_file() else package.parent


# The project root: every file of the project that is not Python code is found from here.
ROOT = _root()


def _env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be an integer, got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise SystemExit(f"{name} must be an integer of at least {minimum}, got {raw!r}")
    return value


def _env_number(name: str, default: float, *, minimum: float) -> float:
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a number, got {raw!r}") from None
    if not value >= minimum or value == float("inf"):
        raise SystemExit(f"{name} must be a number of at least {minimum:g}, got {raw!r}")
    return value


def _env_switch(name: str, default: bool) -> bool:
    """A yes/no setting where a typo must not silently mean "no" (robots.txt, say)."""
    raw = (os.environ.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise SystemExit(f"{name} must be 1/true/yes/on or 0/false/no/off, got {os.environ.get(name)!r}")


_MATCH_PREFIX = "FACTCHECK_MATCH_"


def _match_thresholds() -> dict[str, float | int]:
    """FACTCHECK_MATCH_<NAME> variables (but the window's own) as MatchConfig values."""
    raw = {k[len(_MATCH_PREFIX):].lower(): v for k, v in os.environ.items()
           if k.startswith(_MATCH_PREFIX) and k != "FACTCHECK_MATCH_WINDOW_DAYS" and v != ""}
    try:
        from .match.types import MatchConfig

        return MatchConfig.thresholds(raw, label=_MATCH_PREFIX + "{}")
    except ValueError as e:
        raise SystemExit(str(e)) from None


def _trusted_proxies(raw: str) -> int | tuple[str, ...]:
    """FACTCHECK_TRUSTED_PROXIES: a count of proxy hops, or proxies' addresses/networks separated by commas."""
    raw = raw.strip()
    if not raw:
        return 0
    if raw.isdigit():
        return int(raw)
    out = []
    for part in (p.strip() for p in raw.split(",")):
        try:
            out.append(str(ipaddress.ip_network(part, strict=False)))
        except ValueError:
            raise SystemExit("FACTCHECK_TRUSTED_PROXIES must be a number of proxy hops or proxy addresses "
                             f"separated by commas (e.g. 1, or 10.0.0.5,10.0.1.0/24), got {raw!r}") from None
    return tuple(out)


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
    # Who may say which address a client has (X-Forwarded-For): 0 trusts no one (the socket's
    # address counts); a number N trusts N proxy hops in front of the app; a tuple lists the
    # proxies' own addresses or networks, honoured only when the request comes from one of them.
    trusted_proxies: int | tuple[str, ...] = 0
    # Session and language cookies only over HTTPS (FACTCHECK_SECURE_COOKIES=1, behind HTTPS).
    secure_cookies: bool = False
    # Fetching the pages behind teaser entries and `import --url` (FACTCHECK_FULLTEXT_*): requests
    # at a time per host, seconds between two request starts to a host, robots.txt obeyed.
    fulltext_per_host: int = 2
    fulltext_delay: float = 1.0
    fulltext_robots: bool = True
    # An ingest.pages.FullTextConfig used as is instead of the three above (tests).
    fulltext: Any = field(default=None, repr=False, compare=False)
    # Webhook deliveries (FACTCHECK_WEBHOOK_*): the wait after a first failed attempt, doubled after
    # each further one up to the cap, and the attempts made before a delivery is given up (with
    # the defaults, about five hours of trying: a receiver down for a night's deploy still gets it).
    webhook_retry_seconds: float = 30.0
    webhook_retry_max_seconds: float = 3600.0
    webhook_attempts: int = 12
    # Requests each API token may make per minute (FACTCHECK_API_RATE_LIMIT), then 429.
    api_rate_limit: int = 600

    @property
    def match(self) -> MatchConfig:
        """The matcher's settings: the window and the thresholds set in the environment."""
        from .match.types import MatchConfig

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
        trusted_proxies=_trusted_proxies(os.environ.get("FACTCHECK_TRUSTED_PROXIES", "")),
        secure_cookies=_env_bool("FACTCHECK_SECURE_COOKIES"),
        fulltext_per_host=_env_int("FACTCHECK_FULLTEXT_PER_HOST", 2, minimum=1),
        fulltext_delay=_env_number("FACTCHECK_FULLTEXT_DELAY", 1.0, minimum=0.0),
        fulltext_robots=_env_switch("FACTCHECK_FULLTEXT_ROBOTS", True),
        webhook_retry_seconds=_env_number("FACTCHECK_WEBHOOK_RETRY_SECONDS", 30.0, minimum=0.0),
        webhook_retry_max_seconds=_env_number("FACTCHECK_WEBHOOK_RETRY_MAX_SECONDS", 3600.0, minimum=0.0),
        webhook_attempts=_env_int("FACTCHECK_WEBHOOK_ATTEMPTS", 12, minimum=1),
        api_rate_limit=_env_int("FACTCHECK_API_RATE_LIMIT", 600, minimum=1),
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
    several web processes on one machine share it.  A folder factcheck creates is 0700 (it holds
    the secret key and, by default, the database with the password hashes).
    """
    try:
        settings.instance.mkdir(mode=0o700, parents=True)
    except FileExistsError:
        # A folder the user made or pointed at: its mode is theirs (a group that backs it up, say),
        # so it is not chmod-ed; the files factcheck creates in it are 0600 all the same.
        if not settings.instance.is_dir():
            raise
    if settings.secret_key:
        return
    key_file = settings.instance / "secret_key"
    if not key_file.exists():
        import secrets  # here: hashlib's start-up is paid only by the first run of an instance


        # Several processes may start at once (gunicorn's workers): the key is written whole under
        # a name of this process's own, then linked into place, which fails if another process's
        # key got there first; that one is then everyone's. No process ever reads a half-written key.
        draft = settings.instance / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
            os.link(draft, key_file)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    settings.secret_key = key_file.read_text().strip()
