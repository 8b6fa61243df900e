"""Claims as plain rows for the report writers (the JSON contract's shape), filtered.

Streams in keyset batches with Core queries (no ORM identity map): an export of
any size holds one batch of claims, their matches and decisions in memory. Each
batch is three statements (claims, then their matches and decisions by id range)
read as the driver's tuples; see _Queries and _tuples.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable, Iterator

from sqlalchemy import and_, bindparam, exists, func, null, select
from sqlalchemy.orm import Session

from ..export import FORMATS, ExportConfig, ReportContext
from ..i18n import stored_reason
from ..messages import N_, Explained, Message
from .models import CLAIM_KINDS, CLAIM_STATUSES, Article, Claim, Decision, Feed, Match, User

BATCH = 2000

# The order of the groups in a printed report: what needs attention first.
REPORT_ORDER = ("disputed", "corroborated", "unverifiable", "pending", "skipped")


class FilterError(Explained, ValueError):
    """A filter that cannot be applied (unknown value, end before start...).

    Raised with a template and its values (factcheck.messages): the templates
    are the keys of their Arabic in factcheck.i18n, as the web shows them.
    """


# ---------------------------------------------------------------- filters


@dataclass(frozen=True)
class ExportFilters:
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    editor: str | None = None
    since: date | None = None  # inclusive
    until: date | None = None  # inclusive (the whole day)
    by: str = "article"  # the date ranged over: the article's publication or a decision's time

    def __post_init__(self) -> None:
        bad = [s for s in self.statuses if s not in CLAIM_STATUSES]
        if bad:
            raise FilterError("unknown status {value}; use one of {choices}", value=repr(bad[0]),
                              choices=", ".join(CLAIM_STATUSES))
        bad = [k for k in self.kinds if k not in CLAIM_KINDS]
        if bad:
            raise FilterError("unknown kind {value}; use one of {choices}", value=repr(bad[0]),
                              choices=", ".join(CLAIM_KINDS))
        if self.by not in ("article", "decision"):
            raise FilterError("unknown date basis {value}; use article or decision", value=repr(self.by))
        for lang in self.languages:
            if not (1 < len(lang) <= 8 and lang.replace("-", "").isalpha()):
                raise FilterError("{value} is not a language code (e.g. ar, en)", value=repr(lang))
        if self.since and self.until and self.until < self.since:
            raise FilterError("the end date {until} is before the start date {since}",
                              until=str(self.until), since=str(self.since))

    @classmethod
    def parse(cls, *, statuses: Iterable[str] = (), kinds: Iterable[str] = (), sources: Iterable[str] = (),
              languages: Iterable[str] = (), editor: str | None = None, since: str | None = None,
              until: str | None = None, by: str | None = None) -> ExportFilters:
        """From user input (CLI options, query strings): blanks ignored, dates as YYYY-MM-DD."""
        clean = lambda xs: tuple(dict.fromkeys(x.strip() for x in xs if x and x.strip()))  # noqa: E731
        return cls(statuses=clean(statuses), kinds=clean(kinds), sources=clean(sources),
                   languages=clean(x.lower() for x in languages), editor=(editor or "").strip() or None,
                   since=_parse_day(since, "start"), until=_parse_day(until, "end"), by=by or "article")

    @property
    def period_message(self) -> Message:
        """The period for a report's cover, as a template and values (a printed report is in the desk's language)."""
        if not (self.since or self.until):
            return Message("all dates")
        dates = {"since": str(self.since or "…"), "until": str(self.until or "…")}
        if self.by == "article":
            return Message("articles published {since} – {until}", dates)
        return Message("decisions taken {since} – {until}", dates)

    def describe(self) -> list[tuple[str, tuple[str, ...]]]:
        """The filters as (label, values) pairs for a report's cover."""
        out = []
        if self.since or self.until:
            out.append((N_("Dates by"), (N_("article publication") if self.by == "article" else N_("decision"),)))
        for label, values in ((N_("Status"), self.statuses), (N_("Kind"), self.kinds), (N_("Source"), self.sources),
                              (N_("Language"), self.languages)):
            if values:
                out.append((label, values))
        if self.editor:
            out.append((N_("Editor"), (self.editor,)))
        return out

    def filename(self, extension: str, today: date | None = None) -> str:
        """factcheck-claims-2025-11-01_2025-11-30.csv: named by period and format."""
        if self.since or self.until:
            start = self.since.isoformat() if self.since else "start"
            end = (self.until or today or datetime.now(timezone.utc).date()).isoformat()
            return f"factcheck-claims-{start}_{end}.{extension}"
        return f"factcheck-claims-all.{extension}"


def _parse_day(value: str | None, what: str) -> date | None:
    if value is None or not value.strip():
        return None
    v = value.strip()
    try:
        # A date-time is accepted and read as its day: ranges are whole days.
        if len(v) > 10 and v[10] not in "T ":
            raise ValueError
        return date.fromisoformat(v[:10])
    except ValueError:
        if what == "start":
            raise FilterError("the start date {value} is not a date like 2025-11-30", value=repr(value)) from None
        raise FilterError("the end date {value} is not a date like 2025-11-30", value=repr(value)) from None


def check_filters(session: Session, f: ExportFilters) -> None:
    """Names that must exist: a typo in a source or editor should not silently export nothing."""
    if f.sources:
        known = set(session.scalars(select(Feed.name).where(Feed.name.in_(f.sources))))
        missing = [s for s in f.sources if s not in known]
        if missing:
            raise FilterError("no source named {value}", value=repr(missing[0]))
    if f.editor and session.scalar(select(User.id).where(User.name == f.editor)) is None:
        raise FilterError("no editor named {value}", value=repr(f.editor))


def _bounds(f: ExportFilters) -> tuple[datetime | None, datetime | None]:
    lo = datetime.combine(f.since, time.min, tzinfo=timezone.utc) if f.since else None
    hi = datetime.combine(f.until + timedelta(days=1), time.min, tzinfo=timezone.utc) if f.until else None
    return lo, hi


def _conditions(f: ExportFilters) -> list:
    conds = []
    if f.statuses:
        conds.append(Claim.status.in_(f.statuses))
    if f.kinds:
        conds.append(Claim.kind.in_(f.kinds))
    if f.sources:
        conds.append(Claim.feed_id.in_(select(Feed.id).where(Feed.name.in_(f.sources))))
    if f.languages:
        conds.append(Claim.language.in_(f.languages))
    lo, hi = _bounds(f)
    if f.by == "article":
        if lo:
            conds.append(Claim.published >= lo)
        if hi:
            conds.append(Claim.published < hi)
    # Editor and decision dates describe the same decision: "decided by Mona in November".
    dec = []
    if f.editor:
        dec.append(Decision.user_id.in_(select(User.id).where(User.name == f.editor)))
    if f.by == "decision":
        if lo:
            dec.append(Decision.at >= lo)
        if hi:
            dec.append(Decision.at < hi)
    if dec:
        conds.append(exists().where(Decision.claim_id == Claim.id, *dec))
    return conds


# ---------------------------------------------------------------- rows


def count_by_status(session: Session, f: ExportFilters) -> dict[str, int]:
    """Claims per status under the filters, in report order."""
    stmt = select(Claim.status, func.count()).group_by(Claim.status)
    conds = _conditions(f)
    if conds:
        stmt = stmt.where(and_(*conds))
    found = dict(session.execute(stmt).all())
    order = [s for s in REPORT_ORDER if s in found] + sorted(s for s in found if s not in REPORT_ORDER)
    return {s: found[s] for s in order}


def _number(value):
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def _iso(value) -> str | None:
    """A stored UTC time as the contract writes it: 2025-11-07T22:13:00Z.

    The export reads times raw (see _tuples): SQLite hands back SQLAlchemy's storage text
    "2025-11-07 22:13:00.000000", PostgreSQL a naive datetime. Both are naive UTC
    (models.UTCDateTime). The SQLite text is rewritten by slicing; anything else
    goes through datetime, so the output is what datetime.isoformat() gives.
    """
    if value is None:
        return None
    if type(value) is str:
        if len(value) == 26 and value[10] == " " and value[19] == ".":
            if value.endswith("000000"):
                return f"{value[:10]}T{value[11:19]}Z"
            return f"{value[:10]}T{value[11:]}Z"
        value = datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.isoformat() + "Z"


@lru_cache(maxsize=1)
def _aliases() -> tuple:
    """The aliased tables of _Queries, made once: aliasing them (and their column collections) cost
    about 10 ms a statement set, nothing for an export but most of an API page (factcheck.web.api)."""
    c = Claim.__table__
    return (*(t.__table__.alias(n) for t, n in ((Article, "a"), (Feed, "fd"), (Match, "m"), (Decision, "d"),
                                                 (User, "u"))),
            c.alias("other"), Feed.__table__.alias("other_feed"))


class _Queries:
    """The three statements of a batch, built once per export and run on the bare
    connection: the ORM's per-row machinery would cost more than the database.

    A batch is a run of claim ids (keyset on claims.id); its matches and
    decisions are read with one statement each over that id range, joined back
    to `claims` under the same filters only when there are filters, so a
    sparse selection does not drag in its neighbours' matches. Only `claims`
    keeps its table name: the filters (factcheck.store.reports._conditions) refer to
    it and correlate their subqueries on decisions, users and feeds, which
    are therefore aliased here so that they are never correlated by mistake.
    """

    def __init__(self, conds: list, reason_data: bool = False) -> None:
        c = Claim.__table__
        a, fd, m, d, u, o, of = _aliases()
        self.claims = (
            select(c.c.id, c.c.kind, c.c.text, c.c.sentence, c.c.start, c.c.end, c.c.speaker, c.c.verb, c.c.direct,
                   c.c.date_value, c.c.date_grain, c.c.date_text, c.c.value, c.c.unit, c.c.status, fd.c.name,
                   a.c.title, a.c.url, a.c.published, a.c.language, a.c.story_id)
            .select_from(c.join(a, a.c.id == c.c.article_id).join(fd, fd.c.id == a.c.feed_id))
            .where(c.c.id > bindparam("last_id"), *conds)
            .order_by(c.c.id)
            .limit(bindparam("batch"))
        )
        in_batch = m.c.claim_id.between(bindparam("lo"), bindparam("hi"))
        matches = m.join(o, o.c.id == m.c.other_claim_id).join(of, of.c.id == o.c.feed_id)
        self.matches = (
            select(m.c.claim_id, m.c.other_claim_id, of.c.name, o.c.text, o.c.sentence, m.c.score, m.c.relation,
                   # The reason's template and values only for a report that translates it (~270 bytes a match).
                   m.c.reason, m.c.reason_data if reason_data else null())
            .select_from(matches.join(c, c.c.id == m.c.claim_id) if conds else matches)
            .where(in_batch, *conds)
            .order_by(m.c.claim_id, m.c.score.desc(), m.c.id)
        )
        decisions = d.outerjoin(u, u.c.id == d.c.user_id)
        self.decisions = (
            select(d.c.claim_id, d.c.status, u.c.name, d.c.note, d.c.at, d.c.token_id, d.c.story_id)
            .select_from(decisions.join(c, c.c.id == d.c.claim_id) if conds else decisions)
            .where(d.c.claim_id.between(bindparam("lo"), bindparam("hi")), *conds)
            .order_by(d.c.claim_id, d.c.id)
        )


@lru_cache(maxsize=2)
def _unfiltered(reason_data: bool) -> _Queries:
    """The statements without filters, built once per process: an API page or claim has none, and
    building the three statements cost about 1.5 ms of CPU a request (a sixth of a page)."""
    return _Queries([], reason_data=reason_data)


def _tuples(result) -> list[tuple]:
    """The statement's rows as the driver returns them.

    Read from the DBAPI cursor, not as SQLAlchemy Rows: no Row objects and no
    per-value result processing (UTCDateTime, Boolean), a tenth of an export's
    time. The few conversions the contract needs are done in _rows_for.
    """
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def _rows_for(conn, q: _Queries, claims: list, reason_lang: str | None) -> list[dict]:
    span = {"lo": claims[0][0], "hi": claims[-1][0]}
    matches: dict[int, list] = {}
    for cid, oid, src, text, sentence, score, relation, reason, data in _tuples(conn.execute(q.matches, span)):
        if reason_lang:
            reason = stored_reason(reason_lang, data, reason)
        item = {"claim_id": oid, "source": src, "text": text, "sentence": sentence, "score": round(score, 1),
                "relation": relation, "reason": reason}
        if cid in matches:
            matches[cid].append(item)
        else:
            matches[cid] = [item]
    decisions: dict[int, list] = {}
    for cid, status, editor, note, at, token_id, story_id in _tuples(conn.execute(q.decisions, span)):
        # token_id: the API token the editor decided with (None: the web or the CLI); story_id: the story
        # whose fact was decided at once (None: the claim decided on its own).
        item = {"status": status, "editor": editor, "note": note, "at": _iso(at), "token_id": token_id,
                "story_id": story_id}
        if cid in decisions:
            decisions[cid].append(item)
        else:
            decisions[cid] = [item]
    return [{
        "id": cid, "kind": kind, "text": text, "sentence": sentence, "start": start, "end": end,
        "speaker": speaker, "verb": verb, "direct": None if direct is None else bool(direct),  # SQLite: 0/1
        "date": date_value, "grain": grain, "date_text": date_text, "value": _number(value), "unit": unit, "status": status,
        "story": story,  # the article's story (factcheck.store.stories); None: in no story
        "article": {"source": source, "title": title, "url": url, "published": _iso(published),
                    "language": language},
        "matches": matches.get(cid, []),
        "decisions": decisions.get(cid, []),
    } for (cid, kind, text, sentence, start, end, speaker, verb, direct, date_value, grain, date_text, value, unit,
           status, source, title, url, published, language, story) in claims]


def _iter_where(session: Session, conds: list, batch: int, reason_lang: str | None,
                after: int = 0) -> Iterator[dict]:
    """Contract rows of the claims under ``conds`` with ids above ``after``, in id order, ``batch`` at a time.

    ``after`` (an API page's cursor) is where the keyset walk starts, never one more condition
    beside ``claims.id > :last_id``: SQLite ranges a rowid by one of two lower bounds, and with the
    cursor as a filter a page deep in 100,000 claims read every claim before it (PostgreSQL takes
    the tighter bound either way).
    """
    q = _Queries(conds, reason_data=reason_lang is not None) if conds else _unfiltered(reason_lang is not None)
    conn = session.connection()
    last_id = after
    while True:
        claims = _tuples(conn.execute(q.claims, {"last_id": last_id, "batch": batch}))
        if not claims:
            return
        yield from _rows_for(conn, q, claims, reason_lang)
        last_id = claims[-1][0]
        if len(claims) < batch:
            return


def iter_claim_rows(session: Session, filters: ExportFilters | None = None, *, status: str | None = None,
                    by_status: bool = False, batch: int = BATCH, reason_lang: str | None = None) -> Iterator[dict]:
    """Every claim under the filters as contract rows, in id order.

    by_status: grouped by status in REPORT_ORDER (id order within a group), for the printed report.
    status: the walking skeleton's single-status filter, kept for its callers.
    reason_lang: the matches' reasons in this language (the printed report); else the stored
    English, which the data formats keep whatever the desk's language.
    """
    f = filters or ExportFilters()
    if status:
        f = replace(f, statuses=(status,))
    conds = _conditions(f)
    if not by_status:
        yield from _iter_where(session, conds, batch, reason_lang)
        return
    wanted = f.statuses or CLAIM_STATUSES
    order = [s for s in REPORT_ORDER if s in wanted] + [s for s in wanted if s not in REPORT_ORDER]
    for st in order:
        yield from _iter_where(session, [*conds, Claim.status == st], batch, reason_lang)


# ---------------------------------------------------------------- one export, for the CLI, the web and the bench


@dataclass
class PreparedExport:
    rows: Iterator[dict]
    context: ReportContext
    total: int  # claims the rows will yield
    filters: ExportFilters


def prepare_export(session: Session, fmt: str, filters: ExportFilters, config: ExportConfig | None = None, *,
                   bom: bool = True, lang: str = "en", by_story: bool = False) -> PreparedExport:
    """Check the filters against the database and line up the rows and the report's context.

    ClaimReview only ever sees claims with a published verdict: pending and
    skipped claims are left out here and again in the writer. ``lang``: the
    language of the printed report (its headings and the matches' reasons). ``by_story``: the
    printed report's claims under a heading per story (factcheck.store.story_report) instead of
    per status.
    """
    if fmt not in FORMATS:
        raise FilterError("unknown format {value}; use one of {choices}", value=repr(fmt), choices=", ".join(FORMATS))
    if by_story and fmt != "html":
        raise FilterError("only the printable report (html) is grouped by story, not {value}", value=repr(fmt))
    config = config or ExportConfig()
    check_filters(session, filters)
    f = filters
    if fmt == "claimreview":
        published = config.published_statuses
        keep = tuple(s for s in (f.statuses or published) if s in published)
        if not keep:  # e.g. --status pending: nothing may be published
            ctx = ReportContext(config=config, bom=bom, filters=f.describe(), counts={}, lang=lang,
                                period_message=f.period_message)
            return PreparedExport(iter(()), ctx, 0, f)
        f = replace(f, statuses=keep)
    counts = count_by_status(session, f)
    ctx = ReportContext(config=config, bom=bom, filters=filters.describe(), counts=counts, lang=lang,
                        period_message=filters.period_message)
    if by_story:
        from .story_report import iter_rows_by_story  # it reads claims through this module's walk

        ctx.stories = {}
        rows = iter_rows_by_story(session, _conditions(f), lang, ctx.stories)
    else:
        rows = iter_claim_rows(session, f, by_status=(fmt == "html"), reason_lang=lang if fmt == "html" else None)
    return PreparedExport(rows, ctx, sum(counts.values()), f)
