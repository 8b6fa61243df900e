"""The database schema as SQLAlchemy 2.0 typed models.

The schema itself only ever changes through an Alembic migration in
migrations/; these classes must describe what the migrations create.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ..messages import N_

CLAIM_KINDS = ("quote", "date", "figure")
# N_: shown through a variable, translated by factcheck.i18n (the catalog finds them here).
CLAIM_STATUSES = (N_("pending"), N_("corroborated"), N_("disputed"), N_("unverifiable"), N_("skipped"))
DECISION_STATUSES = ("corroborated", "disputed", "unverifiable", "skipped", "pending")
RELATIONS = ("supports", "conflicts", "related")
ROLES = (N_("editor"), N_("admin"))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def utc_iso(value: datetime | None) -> str | None:
    """A stored time as the API and the webhooks write every time: UTC, ISO 8601 with Z."""
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z") if value else None


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in Python, naive UTC in the database.

    SQLite has no time zones and PostgreSQL's timestamptz would convert on
    read; storing naive UTC everywhere keeps both engines returning the same
    values, which the tests compare.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="editor")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Flask-Login protocol, kept here so the web layer needs no wrapper class.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class Feed(Base):
    """A source: a polled RSS/Atom feed, or the outlet named by `factcheck import --source`."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="feed")  # feed | import
    language: Mapped[str | None] = mapped_column(String(8))
    interval_minutes: Mapped[int] = mapped_column(Integer, default=30)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    allow_private: Mapped[bool] = mapped_column(Boolean, default=False)
    from_config: Mapped[bool] = mapped_column(Boolean, default=False)  # listed in feeds.yaml (file: URLs allowed)
    etag: Mapped[str | None] = mapped_column(String(1000))
    last_modified: Mapped[str | None] = mapped_column(String(200))
    next_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_status: Mapped[int | None] = mapped_column(Integer)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    redirect_url: Mapped[str | None] = mapped_column(String(2000))  # pending permanent redirect
    redirect_count: Mapped[int] = mapped_column(Integer, default=0)
    ttl_minutes: Mapped[int | None] = mapped_column(Integer)  # the feed's <ttl>, as last downloaded
    lease_owner: Mapped[str | None] = mapped_column(String(200))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # 0011: the OPML category the feed was filed under; whether the page behind an entry's link is
    # fetched (auto | always | never, factcheck.ingest.fulltext); the health of those page fetches.
    tag: Mapped[str | None] = mapped_column(String(200))
    full_text: Mapped[str] = mapped_column(String(8), server_default="auto", default="auto")
    page_error_count: Mapped[int] = mapped_column(Integer, server_default="0", default=0)
    last_page_error: Mapped[str | None] = mapped_column(Text)

    articles: Mapped[list[Article]] = relationship(back_populates="feed")

    __table_args__ = (Index("ix_feeds_due", "enabled", "next_poll_at"),)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    # guid, else link, else content hash: what makes an entry "the same" within its feed.
    dedup_key: Mapped[str] = mapped_column(String(2000))
    guid: Mapped[str | None] = mapped_column(String(2000))
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[datetime] = mapped_column(UTCDateTime)
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text, default="")
    html: Mapped[str | None] = mapped_column(Text)  # sanitised
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # 0011: the page behind the link (fetched | failed | skipped; None: not tried), why it failed
    # (the feed's text is kept), when it was last tried and how often; the page's canonical URL.
    page_status: Mapped[str | None] = mapped_column(String(16))
    page_error: Mapped[str | None] = mapped_column(Text)
    page_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    page_attempts: Mapped[int] = mapped_column(Integer, server_default="0", default=0)
    canonical_url: Mapped[str | None] = mapped_column(String(2000))
    feed_hash: Mapped[str | None] = mapped_column(String(64))  # content_hash of the entry as the feed gave it
    # 0017: the story (event) the article reports, kept by factcheck.store.stories whenever its
    # matches are stored; None while it has no claims. No foreign key: stories are never deleted
    # (a merged one stays, empty), and on SQLite a key would need the table copied, which the
    # claims' ON DELETE CASCADE turns into deleting every claim.
    story_id: Mapped[int | None] = mapped_column(Integer)
    # 0019: an editor put the article in its story (factcheck.store.story_edits): regrouping
    # leaves it there, whatever its links say.
    story_pinned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    feed: Mapped[Feed] = relationship(back_populates="articles")
    claims: Mapped[list[Claim]] = relationship(back_populates="article", cascade="all, delete-orphan")

    __table_args__ = (
        UniqueConstraint("feed_id", "dedup_key", name="uq_articles_feed_key"),
        Index("ix_articles_published", "published"),
        Index("ix_articles_hash", "content_hash"),
        Index("ix_articles_canonical", "canonical_url"),
        Index("ix_articles_story", "story_id"),
    )


class Story(Base):
    """One event as several outlets report it: a group of articles (factcheck.match.grouping).

    ``first``/``last``: the publication times of its first and last article (its span);
    ``n_articles`` 0: merged into another or emptied (story_events says where its articles went).
    ``conflicted``, ``n_conflicts``, ``n_outlets`` (0019): what the queue's order needs, kept by
    ``stories.refresh``: whether one outlet contradicts another, how many claims are contradicted,
    how many independent outlets report it. ``headline_claim_id``, ``n_claims``, ``n_agreeing``
    (0020): what a row of the queue shows, kept by the same refresh: the claim most outlets back,
    how many claims the story holds, how many of them another outlet of the story supports.
    """

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    first: Mapped[datetime] = mapped_column(UTCDateTime)
    last: Mapped[datetime] = mapped_column(UTCDateTime)
    n_articles: Mapped[int] = mapped_column(Integer, default=0)
    conflicted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    n_conflicts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_outlets: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # A plain id, not a foreign key: a claim deleted meanwhile leaves it until the refresh that follows.
    headline_claim_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    n_claims: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_agreeing: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    # ix_stories_need: the queue's order ("needs a human most") read in index order, a page a bounded read.
    __table_args__ = (Index("ix_stories_last", "last"),
                      Index("ix_stories_need", "conflicted", "n_outlets", "last", "id"))


class StoryEvent(Base):
    """A story merged into another or split off one: the grouping's history, kept after the stories go.

    ``kind``: merged (``story_id`` went into ``into_id``) or split (``into_id`` was split off
    ``story_id``) by the grouping, or moved (an editor moved ``article_id`` from ``story_id`` to
    ``into_id``, ``user_id`` the editor; 0019). Plain ids: the history is read, never joined.
    """

    __tablename__ = "story_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(16))
    story_id: Mapped[int] = mapped_column(Integer)
    into_id: Mapped[int] = mapped_column(Integer)
    articles: Mapped[int] = mapped_column(Integer, default=0)  # how many articles moved
    article_id: Mapped[int | None] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_story_events_story", "story_id"), Index("ix_story_events_into", "into_id"))


class Claim(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    # Copied from the article so that retrieval can filter by source and time
    # window on the claims table alone.
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    published: Mapped[datetime] = mapped_column(UTCDateTime)
    language: Mapped[str | None] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[int] = mapped_column(Integer, default=0)
    end: Mapped[int] = mapped_column(Integer, default=0)
    speaker: Mapped[str | None] = mapped_column(String(500))
    verb: Mapped[str | None] = mapped_column(String(100))
    direct: Mapped[bool | None] = mapped_column(Boolean)
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_grain: Mapped[str | None] = mapped_column(String(8))
    date_text: Mapped[str | None] = mapped_column(String(500))
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(100))
    norm_text: Mapped[str] = mapped_column(Text, default="")  # normalised for matching/search
    # The matcher's tokens of text and sentence, and its pre-filter key (0007)
    # (factcheck.match.similarity.stored_tokens), written with the claim's index rows so a
    # lookup does not normalise its candidates (0004).
    match_key: Mapped[str | None] = mapped_column(Text)
    # The article's content_hash, copied when the claim is (re)filled from it (0009): the matcher
    # reads it for every candidate (syndicated copies share it), and on SQLite reading it from the
    # article walks the overflow pages of the article's text and html first.
    article_hash: Mapped[str | None] = mapped_column(String(64))
    # The day of the event the claim dates (days since 1970-01-01, like claim_terms.day), or None
    # (pipeline.event_day): the claim is also indexed under that day and looked up around it.
    event_day: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    # Optimistic concurrency: every decision bumps it in the same UPDATE that
    # checks it, so two editors cannot silently overwrite each other.
    version: Mapped[int] = mapped_column(Integer, default=1)
    locked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Queue rank, maintained by database triggers on `matches` (migration 0002):
    # how many matches conflict, and how many other outlets support or contradict.
    # Never written by the application.
    n_conflicts: Mapped[int] = mapped_column(Integer, server_default="0", default=0)
    n_sources: Mapped[int] = mapped_column(Integer, server_default="0", default=0)

    article: Mapped[Article] = relationship(back_populates="claims")
    locked_by: Mapped[User | None] = relationship(foreign_keys=[locked_by_id])
    matches: Mapped[list[Match]] = relationship(
        back_populates="claim", foreign_keys="Match.claim_id", cascade="all, delete-orphan",
        order_by="Match.score.desc()",
    )
    decisions: Mapped[list[Decision]] = relationship(back_populates="claim", order_by="Decision.id")

    __table_args__ = (
        Index("ix_claims_status_published", "status", "published"),
        Index("ix_claims_published", "published"),
        Index("ix_claims_article", "article_id"),
        Index("ix_claims_article_hash", "article_hash"),
        Index("ix_claims_queue", "status", "n_conflicts", "n_sources", "published", "id"),
    )


class Match(Base):
    """How one claim relates to a claim of another source (stored in both directions)."""

    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    other_claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    score: Mapped[float] = mapped_column(Float)
    relation: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")  # in English: exports, the CLI
    # The same reason as a template and its values (factcheck.messages.Message.to_data), which the
    # interface translates; None on rows stored before it was kept (they show ``reason``).
    reason_data: Mapped[dict | None] = mapped_column(JSON)
    diff: Mapped[list | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="matches", foreign_keys=[claim_id])
    other: Mapped[Claim] = relationship(foreign_keys=[other_claim_id])

    __table_args__ = (
        UniqueConstraint("claim_id", "other_claim_id", name="uq_matches_pair"),
        Index("ix_matches_other", "other_claim_id"),
    )


class Decision(Base):
    """An editor's verdict on a claim. Append-only: the audit trail."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16))
    previous_status: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Undo is a new decision pointing at the one it reverses; history is never deleted.
    undoes_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="SET NULL",
                                                             name="fk_decisions_undoes"))
    # The API token the decision was made with (0016); None for the web and the CLI.
    token_id: Mapped[int | None] = mapped_column(ForeignKey("api_tokens.id", ondelete="SET NULL",
                                                            name="fk_decisions_token"))
    # 0018: the story a fact of which was decided at once, and that submission (the id of its first
    # decision), so "undo this fact" reverses exactly it; None for a decision on one claim.
    # Plain ids, as articles.story_id (stories are never deleted).
    story_id: Mapped[int | None] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(Integer)

    claim: Mapped[Claim] = relationship(back_populates="decisions")
    user: Mapped[User | None] = relationship()
    token: Mapped[ApiToken | None] = relationship()

    __table_args__ = (Index("ix_decisions_claim", "claim_id"), Index("ix_decisions_at", "at"),
                      Index("ix_decisions_user_at", "user_id", "at"),
                      Index("ix_decisions_story", "story_id", "user_id"), Index("ix_decisions_batch", "batch_id"))


class LoginThrottle(Base):
    """Failed logins counted per (client address, user name), and per address alone (username "").

    Never per user name alone: a stranger's guesses then slow the stranger down and cannot stop the
    account's owner logging in from their own address (factcheck.store.review.reserve_login, migration 0010).
    """

    __tablename__ = "login_throttle"

    ip: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the last try counted
    free_at: Mapped[datetime] = mapped_column(UTCDateTime)  # no try is checked before this time

    __table_args__ = (Index("ix_login_throttle_last_at", "last_at"),)


class UserSession(Base):
    """A signed-in browser: the session cookie carries a random token, this row its SHA-256.

    The user loader accepts a cookie only while its row exists, so logging out (the row deleted)
    ends the session wherever the cookie was copied, and a password change or an admin's "sign out
    everywhere" (all the user's rows deleted) ends every session of the user, in every process.
    """

    __tablename__ = "user_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_user_sessions_user", "user_id"), Index("ix_user_sessions_created", "created_at"))


# --- candidate retrieval index (factcheck.store.retrieval; migrations 0003 and 0004) ---
# Plain tables: only factcheck.store.retrieval reads or writes them, with Core statements.

claim_terms = Table(
    "claim_terms", Base.metadata,
    Column("term", String(64), nullable=False),
    Column("day", Integer, nullable=False),
    Column("claim_id", Integer, nullable=False),
    Column("feed_id", Integer, nullable=False),
    ForeignKeyConstraint(["claim_id"], ["claims.id"], name="fk_claim_terms_claim", ondelete="CASCADE"),
    PrimaryKeyConstraint("term", "day", "claim_id", "feed_id", name="pk_claim_terms"),
    Index("ix_claim_terms_claim", "claim_id"),
    sqlite_with_rowid=False,
)

# How many claims carry each term, per week (day // 7); the term "" counts all claims.
term_counts = Table(
    "term_counts", Base.metadata,
    Column("term", String(64), nullable=False),
    Column("week", Integer, nullable=False),
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("term", "week", name="pk_term_counts"),
    sqlite_with_rowid=False,
)


class ApiToken(Base):
    """A user's token for /api/v1/ (migration 0012): the SHA-256 of the secret, never the secret.

    The token acts with its user's role; ``scope`` read allows GET only, write also the POSTs.
    Requests are counted per token and per minute (window_start, window_count: factcheck.store.tokens).
    """

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100), default="")
    prefix: Mapped[str] = mapped_column(String(16))  # the secret's first characters, to tell tokens apart
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scope: Mapped[str] = mapped_column(String(8), default="read")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    window_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    window_count: Mapped[int] = mapped_column(Integer, server_default="0", default=0)

    user: Mapped[User] = relationship()

    __table_args__ = (Index("ix_api_tokens_user", "user_id"),)


class Webhook(Base):
    """A URL an admin registered for events (migration 0015; factcheck.store.webhooks).

    ``secret`` signs every delivery (HMAC-SHA256). It is shown once when the hook is made and kept
    here in the clear, because every delivery must be signed with it again (only a hash would
    sign nothing); the database is the deployment's secret already (password hashes, sessions).
    """

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    events: Mapped[str] = mapped_column(String(200))  # event names, comma-separated
    secret: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    created_by: Mapped[User | None] = relationship()

    @property
    def event_names(self) -> tuple[str, ...]:
        return tuple(e for e in self.events.split(",") if e)


class WebhookDelivery(Base):
    """One event for one hook: the outbox row, written in the event's own transaction.

    ``body`` is the JSON sent, fixed when the event happens (every retry sends the same bytes;
    each attempt signs them with its own timestamp). ``state``: pending (to be tried at
    ``next_attempt_at``), delivered, failed (gave up after the last attempt). A worker holds a
    delivery while it sends it (``lease_owner`` until ``lease_expires_at``), as the poller does feeds.
    """

    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(40))
    event_id: Mapped[str] = mapped_column(String(36))  # the X-Factcheck-Delivery header: a receiver's dedup key
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, server_default="0", default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_status: Mapped[int | None] = mapped_column(Integer)  # the receiver's HTTP status, None: no answer
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lease_owner: Mapped[str | None] = mapped_column(String(200))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    webhook: Mapped[Webhook] = relationship()

    __table_args__ = (Index("ix_webhook_deliveries_due", "state", "next_attempt_at"),
                      Index("ix_webhook_deliveries_hook", "webhook_id", "id"))
