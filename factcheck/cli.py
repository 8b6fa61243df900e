"""The `factcheck` command: thin wrappers over pipeline, worker, review and export."""
from __future__ import annotations

import json
import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from .config import Settings, ensure_instance, load_settings

log = logging.getLogger("factcheck")


class Ctx:
    """Lazily opened database, so `factcheck extract` never needs one."""

    def __init__(self) -> None:
        self.settings: Settings = load_settings()
        self._factory = None

    @property
    def factory(self):
        if self._factory is None:
            from .store.db import make_engine, make_sessionmaker

            ensure_instance(self.settings)
            self._factory = make_sessionmaker(make_engine(self.settings.database_url))
        return self._factory

    def upgrade(self) -> None:
        from .store.db import upgrade_database

        ensure_instance(self.settings)
        upgrade_database(self.settings.database_url)


pass_ctx = click.make_pass_decorator(Ctx, ensure=True)


def _parse_iso(value: str | None, what: str = "--published") -> datetime | None:
    if value is None:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date or date-time (e.g. 2025-11-07T22:13)",
                                 param_hint=what) from None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what the poller and pipeline do.")
def main(verbose: bool) -> None:
    """factcheck: feeds in, claims out, matched across sources, reviewed, exported."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


# ---------------------------------------------------------------- run


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, metavar="HOST")
@click.option("--port", default=5000, show_default=True, type=int, metavar="PORT")
@click.option("--threads", default=8, show_default=True, type=int, metavar="N", help="Web server threads.")
@click.option("--no-poller", is_flag=True, help="Serve the web UI only (run `factcheck worker` elsewhere).")
@pass_ctx
def run(ctx: Ctx, host: str, port: int, threads: int, no_poller: bool) -> None:
    """Migrate, create `admin` on first run, load feeds.yaml, serve the web UI with the poller in the background,
    on one database (SQLite in the instance folder by default); SIGTERM and Ctrl-C stop it cleanly."""
    import signal

    from waitress import serve

    from . import deliverer
    from .app import create_app
    from .worker import start_background

    # SIGTERM (systemd, docker stop, kill) ends the server as Ctrl-C does: waitress stops serving and
    # the interpreter exits normally, shutting down the poller's parse processes. Left to the default
    # action, the process died at once and multiprocessing's resource tracker reported the pool's
    # semaphores as leaked.
    signal.signal(signal.SIGTERM, _interrupt)
    ctx.upgrade()
    _first_run_admin(ctx)
    _sync_feeds_or_exit(ctx, missing_ok=True)
    if not no_poller:
        start_background(ctx.factory, ctx.settings)
        deliverer.start_background(ctx.factory, ctx.settings)
        click.echo("poller and webhook deliveries: started in the background")
    app = create_app(ctx.settings, factory=ctx.factory)
    click.echo(f"factcheck: http://{host}:{port}/  (database: {_redact(ctx.settings.database_url)})")
    serve(app, host=host, port=port, threads=threads, ident="factcheck")


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _first_run_admin(ctx: Ctx) -> None:
    from .store.db import transaction
    from .store.review import ReviewError, ensure_admin

    try:
        with transaction(ctx.factory) as s:
            generated = ensure_admin(s, ctx.settings.admin_password)
    except ReviewError as exc:  # FACTCHECK_ADMIN_PASSWORD too short: nothing was created
        click.echo(f"error: cannot create the user 'admin' with FACTCHECK_ADMIN_PASSWORD: {exc}", err=True)
        sys.exit(2)
    if generated:
        click.echo(f"created user 'admin' with password: {generated}  (shown once; set FACTCHECK_ADMIN_PASSWORD to choose)")


def _sync_feeds_or_exit(ctx: Ctx, missing_ok: bool = False) -> dict | None:
    from .store.db import transaction
    from .ingest.feeds_yaml import FeedsFileError, load_feeds_file
    from .store.polling import sync_feeds

    path = ctx.settings.feeds_file
    if missing_ok and not path.exists():
        click.echo(f"feeds: {path} not found, no feeds loaded", err=True)
        return None
    try:
        specs = load_feeds_file(path)
    except FeedsFileError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    with transaction(ctx.factory) as s:
        counts = sync_feeds(s, specs)
    click.echo(f"feeds: {counts['added']} added, {counts['updated']} updated from {path}")
    return counts


# ---------------------------------------------------------------- db, feeds, poll, worker


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@pass_ctx
def db_upgrade(ctx: Ctx) -> None:
    """Run the migrations up to the newest (`alembic upgrade head`)."""
    ctx.upgrade()
    click.echo(f"database at newest schema: {_redact(ctx.settings.database_url)}")


@db.command("reindex")
@pass_ctx
def db_reindex(ctx: Ctx) -> None:
    """Rebuild the matching index (after changing the spelling-variants table or the gazetteer of names and
    places, `factcheck/match/names.py`)."""
    from .store.db import transaction
    from .store.retrieval import reindex_all

    ctx.upgrade()
    with transaction(ctx.factory) as s:
        n = reindex_all(s)
    click.echo(f"matching index rebuilt for {n} claims")


@db.command("rematch")
@click.option("--since", metavar="YYYY-MM-DD", help="Only claims published from this day, YYYY-MM-DD (default: every claim).")
@pass_ctx
def db_rematch(ctx: Ctx, since: str | None) -> None:
    """Match stored claims again with today's settings (after changing a `FACTCHECK_MATCH_*` threshold or
    upgrading factcheck's matcher); one transaction per 200 claims, safe beside a running poller; prints the
    stored matches by relation before and after."""
    from .store.pipeline import rematch_claims

    day = _parse_iso(since, "--since")
    ctx.upgrade()
    result = rematch_claims(ctx.factory, ctx.settings, since=day,
                            progress=lambda n: click.echo(f"matched {n} claims again", err=True))
    change = ", ".join(f"{rel} {result.before[rel]} -> {result.after[rel]}"
                       for rel in ("conflicts", "supports", "related"))
    click.echo(f"matched {result.claims} claims again; stored matches: {change}")
    if result.failed:
        click.echo(f"not matched again (another writer kept taking their pairs; run it again): "
                   f"{', '.join(map(str, result.failed))}", err=True)
        sys.exit(1)


@main.group()
def feeds() -> None:
    """The feeds the desk follows."""


@feeds.command("sync")
@pass_ctx
def feeds_sync(ctx: Ctx) -> None:
    """Upsert feeds.yaml (`FACTCHECK_FEEDS`) into the database by URL; a broken entry is reported with its file,
    line and problem (exit status 2) and nothing is written."""
    ctx.upgrade()
    _sync_feeds_or_exit(ctx)


@feeds.command("status")
@pass_ctx
def feeds_status(ctx: Ctx) -> None:
    """Each feed's health: state, last poll and success, errors, next poll, pending redirect, lease."""
    from sqlalchemy import select

    from .store.models import Feed, utcnow

    ctx.upgrade()
    now = utcnow()

    def when(d) -> str:  # noqa: ANN001
        return d.strftime("%Y-%m-%d %H:%M") if d else "never"

    def due(d) -> str:  # noqa: ANN001
        if d is None or d <= now:
            return "due now"
        minutes = int((d - now).total_seconds() // 60)
        return f"in {minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"in {minutes} min"

    with ctx.factory() as s:
        rows = s.scalars(select(Feed).where(Feed.kind == "feed").order_by(Feed.name)).all()
        if not rows:
            click.echo("no feeds (add them to feeds.yaml, then `factcheck feeds sync`)")
            return
        counts: dict[str, int] = {}
        for f in rows:
            if not f.enabled:
                state = "GONE" if f.disabled_reason and "410" in f.disabled_reason else "disabled"
            elif f.error_count:
                state = "FAILING"
            elif f.last_error:
                state = "warning"  # polled fine, something needs a look (a redirect not adopted)
            elif f.last_success_at is None:
                state = "new"
            else:
                state = "ok"
            counts[state] = counts.get(state, 0) + 1
            status = f" HTTP {f.last_status}" if f.last_status else ""
            click.echo(f"{state:8} #{f.id} {f.name}  {f.url}")
            click.echo(f"         last poll {when(f.last_polled_at)}{status}, last success {when(f.last_success_at)}, "
                       f"next poll {due(f.next_poll_at) if f.enabled else '-'}, every {f.interval_minutes} min")
            if f.error_count:
                click.echo(f"         {f.error_count} consecutive error(s), backing off: {f.last_error}")
            elif f.last_error:
                click.echo(f"         note: {f.last_error}")
            if f.page_error_count:
                click.echo(f"         {f.page_error_count} article page(s) not fetched (full text {f.full_text}; "
                           f"the feed's text kept): {f.last_page_error}")
            if f.disabled_reason:
                click.echo(f"         disabled: {f.disabled_reason}")
            if f.redirect_url:
                click.echo(f"         moved permanently to {f.redirect_url} "
                           f"(seen on {f.redirect_count} consecutive poll(s))")
            if f.lease_owner and f.lease_expires_at and f.lease_expires_at > now:
                click.echo(f"         being polled by {f.lease_owner} (lease until {when(f.lease_expires_at)})")
        click.echo(", ".join(f"{n} {state}" for state, n in sorted(counts.items())))


@feeds.command("import-opml")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_ctx
def feeds_import_opml(ctx: Ctx, file: Path) -> None:
    """Add the feeds of an OPML file (exported by Miniflux, FreshRSS, Feedly, ...), each outline's category kept
    as the feed's tag; feeds already followed are left as they are; bad OPML is reported naming the problem
    (exit status 2) and nothing is written."""
    from .store.db import transaction
    from .ingest.opml import OpmlError, parse_opml
    from .store.polling import import_opml

    try:
        items = parse_opml(file.read_bytes(), source=str(file))
    except OpmlError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    ctx.upgrade()
    with transaction(ctx.factory) as s:
        counts = import_opml(s, items)
    click.echo(f"feeds: {counts['added']} added, {counts['existing']} already followed, from {file}")


@feeds.command("export-opml")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write to FILE (default: standard output).")
@pass_ctx
def feeds_export_opml(ctx: Ctx, out: Path | None) -> None:
    """Write every http(s) feed as OPML 2.0, grouped by tag, with factcheck's own settings (language, interval,
    full text) that `import-opml` reads back and other readers ignore."""
    from .store.polling import export_opml

    ctx.upgrade()
    with ctx.factory() as s:
        data = export_opml(s)
    if out is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        out.write_bytes(data)
        click.echo(f"feeds written to {out}", err=True)


@main.command()
@click.option("--once", is_flag=True, required=True, help="One round, then exit.")
@click.option("--force", is_flag=True, help="Poll every enabled feed now, due or not.")
@pass_ctx
def poll(ctx: Ctx, once: bool, force: bool) -> None:
    """Poll the due feeds (every enabled feed with --force) once and print the round's summary; exit 1 when a
    feed of the round failed, naming each failed feed and its error on stderr."""
    from sqlalchemy import select

    from .store.models import Feed
    from .worker import poll_round

    ctx.upgrade()
    outcomes = poll_round(ctx.factory, ctx.settings, force=force)
    new = sum(o.new for o in outcomes)
    failed = [o for o in outcomes if o.error]
    click.echo(f"polled {len(outcomes)} feeds: {new} new articles, {len(failed)} failing")
    if failed:
        with ctx.factory() as s:
            feeds = {f.id: f for f in s.scalars(select(Feed).where(Feed.id.in_([o.feed_id for o in failed])))}
        for o in failed:
            feed = feeds.get(o.feed_id)
            where = f"{feed.name} ({feed.url})" if feed is not None else "(feed since deleted)"
            click.echo(f"failed: #{o.feed_id} {where}: {o.error}", err=True)
        sys.exit(1)


@main.command()
@pass_ctx
def worker(ctx: Ctx) -> None:
    """Poll feeds and deliver webhooks forever (beside `factcheck run --no-poller` or gunicorn, on as many
    machines as you like); SIGTERM stops it cleanly."""
    import signal
    import threading

    from . import deliverer
    from .worker import run_forever

    ctx.upgrade()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    sender, sender_stop = deliverer.start_background(ctx.factory, ctx.settings)
    try:
        run_forever(ctx.factory, ctx.settings, stop)
    except KeyboardInterrupt:
        stop.set()
    finally:
        # A POST under way ends within its timeout; its lease lets another worker send it if not.
        sender_stop.set()
        sender.join(15)


# ---------------------------------------------------------------- local articles


@main.command("import")
@click.argument("files", nargs=-1, required=False, metavar="[FILE…]",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--source", metavar="NAME", help="The outlet's name (articles of one source never corroborate each other); "
              "required for files, for pages the site's name by default.")
@click.option("--published", metavar="ISO", help="Publication time, ISO 8601 (default: now).")
@click.option("--lang", type=click.Choice(["ar", "en"]), help="Language (default: detected).")
@click.option("--title", metavar="TITLE", help="Title (default: the first line).")
@click.option("--url", "urls", metavar="URL", multiple=True,
              help="With one FILE: the article's URL. Without FILEs: fetch these pages (repeatable) and import "
                   "their main text.")
@pass_ctx
def import_(ctx: Ctx, files: tuple[Path, ...], source: str | None, published: str | None, lang: str | None,
            title: str | None, urls: tuple[str, ...]) -> None:
    """Ingest plain-text or HTML article files, archives in JSON Lines (FILE.jsonl or .jsonl.gz: one {source,
    published, url, title, text} object a line; --source, --published and --lang fill in what a line leaves out),
    or with --url alone fetch article pages (their main text, through the feeds' guarded fetcher), through the same
    pipeline as polled articles (a bad file stores nothing; a bad archive line is named and skipped, the others are
    stored; a page that cannot be fetched is named and stores nothing; exit status 1 for either)."""
    from .ingest.archive import is_archive
    from .store.db import transaction
    from .store.pipeline import ImportError_, import_article, read_article_file

    if not files:
        if not urls:
            raise click.UsageError("give FILE… or --url URL…")
        _import_pages(ctx, list(urls), source, lang)
        return
    archives = [p for p in files if is_archive(p)]
    files = tuple(p for p in files if not is_archive(p))
    if archives and (title is not None or urls):
        raise click.UsageError("--title and --url name one article: they do not apply to archives")
    if not files:
        _import_archives(ctx, archives, source, _parse_iso(published), lang)
        return
    if source is None:
        raise click.UsageError("--source NAME is required to import files")
    if len(urls) > 1:
        raise click.UsageError("with FILEs, --url names one file's article URL")
    url = urls[0] if urls else None
    when = _parse_iso(published)
    loaded = []
    for path in files:  # read everything first: a bad file stores nothing
        try:
            loaded.append((path, *read_article_file(path)))
        except ImportError_ as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
    ctx.upgrade()
    with transaction(ctx.factory) as s:
        for path, text, html in loaded:
            art, changed = import_article(s, ctx.settings, source=source, text=text, html=html, title=title,
                                          url=url if len(files) == 1 else None, published=when, language=lang)
            state = "imported" if changed else "unchanged"
            click.echo(f"{state} {path}: article {art.id}, {len(art.claims)} claims")
    if archives:
        _import_archives(ctx, archives, source, when, lang)


def _import_archives(ctx: Ctx, paths: list[Path], source: str | None, published: datetime | None,
                     lang: str | None) -> None:
    """Each JSON Lines archive through ``import_archive``, with a progress bar on stderr; exit 1 after a bad line."""
    from .ingest.archive import Archive
    from .store.pipeline import import_archive

    ctx.upgrade()
    bad = 0
    for path in paths:
        archive = Archive(path, source=source, published=published, language=lang)
        with click.progressbar(length=archive.size, label=f"importing {path.name}", file=sys.stderr,
                               show_eta=True) as bar:
            done = [0]

            def advance() -> None:
                bar.update(archive.position - done[0])
                done[0] = archive.position

            result = import_archive(ctx.factory, ctx.settings, archive, progress=advance)
            advance()
        for err in result.errors:
            click.echo(f"error: {path}:{err.line}: {err.message}", err=True)
        bad += len(result.errors)
        click.echo(f"imported {path}: {result.new} new articles, {result.updated} updated, {result.unchanged} "
                   f"unchanged, {result.claims} claims; {len(result.errors)} bad lines skipped")
    if bad:
        sys.exit(1)


def _import_pages(ctx: Ctx, urls: list[str], source: str | None, lang: str | None) -> None:
    from .store.polling import import_pages

    for url in urls:
        if not url.lower().startswith(("http://", "https://")):
            click.echo(f"error: {url}: a page URL must start with http:// or https://", err=True)
            sys.exit(2)
    ctx.upgrade()
    failed = 0
    for url, art_id, claims, error in import_pages(ctx.factory, ctx.settings, urls, source=source, language=lang):
        if error:
            failed += 1
            click.echo(f"failed {url}: {error}", err=True)
        else:
            click.echo(f"imported {url}: article {art_id}, {claims} claims")
    if failed:
        sys.exit(1)


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--published", metavar="ISO", help="Publication time, ISO 8601, to resolve relative dates.")
@click.option("--lang", type=click.Choice(["ar", "en"]))
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
def extract(file, published: str | None, lang: str | None, fmt: str) -> None:
    """Print the claims of one text (FILE, or - for stdin) as JSON, storing nothing."""
    from .extract import extract_claims

    text = file.read()
    claims = extract_claims(text, published=_parse_iso(published), lang=lang)
    click.echo(json.dumps({"claims": [c.to_json() for c in claims]}, ensure_ascii=False, indent=2))


@main.command()
@click.option("--reference", required=True, metavar="ISO", help="Reference time, ISO 8601 (the article's publication).")
@click.option("--lang", type=click.Choice(["ar", "en"]))
def dates(reference: str, lang: str | None) -> None:
    """Tag the dates of each line of stdin, resolved against --reference; print one JSON list per line."""
    from .extract import find_dates

    ref = _parse_iso(reference, "--reference")
    for line in sys.stdin:
        found = find_dates(line.rstrip("\n"), ref, lang)
        click.echo(json.dumps([m.to_json() for m in found], ensure_ascii=False))


@main.command("compare")
@click.option("--as", "mode", type=click.Choice(["statements", "articles"]), required=True,
              help="statements: each text is one statement; articles: both go through the extractor.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@pass_ctx
def compare_(ctx: Ctx, mode: str, fmt: str) -> None:
    """Why two texts are paired: read pairs {"a": {"text", "lang", "published", "source", "speaker"}, "b": {...}}
    as JSON lines on stdin and print, one JSON line per pair, {"relation": "supports"|"conflicts"|"related"|"none",
    "score", "reason"}, the verdict the pipeline would store; with --as articles both texts go through the
    extractor and the line is the strongest match between their claims. Stores nothing."""
    from .extract import extract_claims
    from .ingest.parse import content_hash
    from .match.pairing import PairError, compare_pair

    config = ctx.settings.match
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            out = compare_pair(json.loads(line), mode, config, extract=extract_claims,
                               article_hash=lambda text: content_hash("", text))
        except (ValueError, PairError) as exc:  # json.JSONDecodeError is a ValueError
            click.echo(f"error: line {n}: {exc}", err=True)
            sys.exit(2)
        click.echo(json.dumps(out, ensure_ascii=False))


# ---------------------------------------------------------------- export


@main.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl", "claimreview", "html"]), required=True,
              help="csv (spreadsheets), json (the contract), jsonl (one claim a line), "
                   "claimreview (schema.org JSON-LD, decided claims only), html (printable report).")
@click.option("--status", "statuses", multiple=True, metavar="STATUS", help="Only claims with this status (repeatable).")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="quote, date or figure (repeatable).")
@click.option("--source", "sources", multiple=True, metavar="NAME", help="Only claims from this source's name (repeatable).")
@click.option("--lang", "languages", multiple=True, metavar="LANG", help="Only claims in this language, e.g. ar (repeatable).")
@click.option("--editor", metavar="USER", help="Only claims with a decision by this editor.")
@click.option("--since", metavar="YYYY-MM-DD", help="From this day, YYYY-MM-DD (inclusive).")
@click.option("--until", metavar="YYYY-MM-DD", help="Up to this day, YYYY-MM-DD (inclusive).")
@click.option("--by", type=click.Choice(["article", "decision"]), default="article", show_default=True,
              help="Date range over the article's publication or over decision times.")
@click.option("--no-bom", is_flag=True, help="CSV without the UTF-8 byte-order mark Excel needs for Arabic.")
@click.option("--report-lang", type=click.Choice(["en", "ar"]), default="en", show_default=True,
              help="Language of the printable report (html): its headings and the matches' reasons. "
                   "The data formats are the same in every language.")
@click.option("--by-story", is_flag=True, help="The printable report (html) with the claims under a heading per story "
                                               "(its headline claim, outlets and dates), in the story queue's order.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE", help="Write here (default: stdout).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: for exports to a file of 5000+ claims).")
@pass_ctx
def export(ctx: Ctx, fmt: str, statuses: tuple[str, ...], kinds: tuple[str, ...], sources: tuple[str, ...],
           languages: tuple[str, ...], editor: str | None, since: str | None, until: str | None, by: str,
           no_bom: bool, report_lang: str, by_story: bool, out: Path | None, progress: bool | None) -> None:
    """Export claim reports, filtered (filters repeatable), streamed at any size, written to a temporary file
    and renamed; --report-lang is the printable report's language."""
    from .export import ExportConfigError, load_export_config, write_report
    from .store.reports import ExportFilters, FilterError, prepare_export

    def fail(message: str) -> None:
        click.echo(f"error: {message}", err=True)
        sys.exit(2)

    # Everything that can be wrong with the request is checked before a file is touched.
    try:
        filters = ExportFilters.parse(statuses=statuses, kinds=kinds, sources=sources, languages=languages,
                                      editor=editor, since=since, until=until, by=by)
        config = load_export_config()
    except (FilterError, ExportConfigError) as exc:
        fail(str(exc))
    out_dir = out.resolve().parent if out is not None else None
    if out is not None and not out_dir.is_dir():
        fail(f"cannot write {out}: folder {out_dir} does not exist")
    if out is not None and not os.access(out_dir, os.W_OK | os.X_OK):
        fail(f"cannot write {out}: folder {out_dir} is not writable")
    ctx.upgrade()
    with ctx.factory() as s:
        try:
            job = prepare_export(s, fmt, filters, config, bom=not no_bom, lang=report_lang, by_story=by_story)
        except FilterError as exc:
            fail(str(exc))
        if out is None:
            write_report(fmt, job.rows, sys.stdout, job.context)
            return
        # Write beside the target and rename, so a failed export leaves no partial file.
        import tempfile  # here: it costs every command's start-up (random, shutil), and only export needs it

        try:
            fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{out.name}.", suffix=".part")
        except OSError as exc:
            fail(f"cannot write {out}: {exc.strerror}")
        # Below a few thousand claims the export is over before a bar helps.
        show = progress if progress is not None else job.total >= 5000
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                if show:
                    with click.progressbar(job.rows, length=job.total, label=f"exporting {fmt}",
                                           file=sys.stderr, show_pos=True) as bar:
                        n = write_report(fmt, bar, fh, job.context)
                else:
                    n = write_report(fmt, job.rows, fh, job.context)
            os.replace(tmp, out)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            fail(f"cannot write {out}: {exc.strerror or exc}")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written = "decided claims published" if fmt == "claimreview" else "claims"
        click.echo(f"exported {n} {written} to {out}", err=True)


# ---------------------------------------------------------------- stories

MAX_ID = 2**31 - 1  # ids are INTEGER columns: PostgreSQL's hold 32 bits (factcheck.web.params.MAX_ID)


@main.group(invoke_without_command=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--since", metavar="YYYY-MM-DD", help="Stories with an article published on this day or after.")
@click.option("--until", metavar="YYYY-MM-DD", help="Stories with an article published on this day or before.")
@click.option("--outlet", "outlets", multiple=True, metavar="NAME",
              help="Stories one of these outlets reported (a source's name; repeatable).")
@click.option("--min-outlets", default=1, show_default=True, type=int, metavar="N",
              help="Stories reported by at least N outlets.")
@click.option("--limit", default=50, show_default=True, type=int, metavar="N", help="At most N stories.")
@click.option("--order", default="need", show_default=True, metavar="need|newest",
              help="need: a contradiction between outlets first, then more independent outlets, then the newest "
                   "(the story queue's order); newest: by last report.")
@click.pass_context
def stories(click_ctx: click.Context, fmt: str, since: str | None, until: str | None, outlets: tuple[str, ...],
            min_outlets: int, limit: int, order: str) -> None:
    """List stories in the story queue's order: id, first and last article, outlets, articles, claims, the
    headline claim and how many claims other outlets agree with or contradict."""
    if click_ctx.invoked_subcommand is not None:
        return  # a correction subcommand: the listing's options do not apply
    from .store.reports import FilterError
    from .store.story_list import StoryFilters, list_stories, story_record

    ctx = click_ctx.ensure_object(Ctx)
    try:
        filters = StoryFilters.parse(since=since, until=until, outlets=outlets, min_outlets=min_outlets,
                                     limit=limit, order=order)
        ctx.upgrade()
        with ctx.factory() as s:
            rows = list_stories(s, filters)
    except FilterError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps({"stories": [story_record(r) for r in rows]}, ensure_ascii=False, indent=1))
        return
    for r in rows:
        click.echo(f"story {r.id}  {_day_time(r.first)} – {_day_time(r.last)}  {len(r.outlets)} outlets, "
                   f"{r.n_articles} articles, {r.n_claims} claims, {r.n_agreeing} agreeing, "
                   f"{r.n_diverging} diverging")
        click.echo(f"  outlets: {', '.join(r.outlets)}")
        if r.headline_id is not None:
            click.echo(f"  headline (claim {r.headline_id}): {r.headline}")


def _day_time(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M")


@stories.command("move")
@click.argument("article_id", type=click.IntRange(1, MAX_ID), metavar="ARTICLE_ID")
@click.option("--to", "target", required=True, metavar="STORY_ID|new",
              help="The story to put the article in, or new: a story of its own.")
@click.option("--as", "as_user", required=True, metavar="USER", help="The editor correcting the grouping.")
@pass_ctx
def stories_move(ctx: Ctx, article_id: int, target: str, as_user: str) -> None:
    """Move an article (with its claims) to another story, or split it off into a new one; regrouping
    and rematching leave it there. The same rules and history as the story page's form."""
    from sqlalchemy import select

    from .store.db import transaction
    from .store.models import Article, User
    from .store.story_edits import StoryEditError, move_article

    if target != "new" and not (target.isascii() and target.isdigit() and 1 <= int(target) <= MAX_ID):
        click.echo(f"error: --to must be a story id (1 to {MAX_ID}) or new, got {target!r}", err=True)
        sys.exit(2)
    ctx.upgrade()
    try:
        with transaction(ctx.factory) as s:
            user = s.scalar(select(User).where(User.name == as_user))
            if user is None:
                click.echo(f"error: no user named {as_user!r}", err=True)
                sys.exit(2)
            source = s.scalar(select(Article.story_id).where(Article.id == article_id))
            into = move_article(s, article_id, None if target == "new" else int(target), user)
    except StoryEditError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"article {article_id}: moved from story {source} to story {into}")


# ---------------------------------------------------------------- users and decisions


@main.group()
def users() -> None:
    """Accounts."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["editor", "admin"]), default="editor", show_default=True)
@pass_ctx
def users_add(ctx: Ctx, name: str, role: str) -> None:
    """Add a user (an editor unless --role says admin); the password comes from `FACTCHECK_PASSWORD` or a
    prompt, never the command line."""
    from .store.db import transaction
    from .store.review import ReviewError, create_user

    password = os.environ.get("FACTCHECK_PASSWORD") or click.prompt("Password", hide_input=True,
                                                                     confirmation_prompt=True)
    ctx.upgrade()
    try:
        with transaction(ctx.factory) as s:
            create_user(s, name, password, role)
    except ReviewError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"user {name!r} added as {role}")


@users.command("passwd")
@click.argument("name")
@pass_ctx
def users_passwd(ctx: Ctx, name: str) -> None:
    """Set a user's password (from `FACTCHECK_PASSWORD` or a prompt) and end all their sessions; users change
    their own at /password, and an admin signs a user out everywhere on the Users page."""
    from sqlalchemy import select

    from .store.db import transaction
    from .store.models import User
    from .store.review import ReviewError, change_password

    ctx.upgrade()
    with transaction(ctx.factory) as s:
        if s.scalar(select(User).where(User.name == name.strip())) is None:
            click.echo(f"error: no user named {name!r}", err=True)
            sys.exit(2)
    password = os.environ.get("FACTCHECK_PASSWORD") or click.prompt("New password", hide_input=True,
                                                                     confirmation_prompt=True)
    try:
        with transaction(ctx.factory) as s:
            ended = change_password(s, s.scalar(select(User).where(User.name == name.strip())), password)
    except ReviewError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"password of {name!r} changed; sessions ended: {ended}")


@main.group()
def tokens() -> None:
    """API tokens (for /api/v1/)."""


def _token_user(s, name: str):  # noqa: ANN001, ANN202
    from sqlalchemy import select

    from .store.models import User

    user = s.scalar(select(User).where(User.name == name.strip()))
    if user is None:
        click.echo(f"error: no user named {name!r}", err=True)
        sys.exit(2)
    return user


@tokens.command("add")
@click.option("--user", "user_name", required=True, metavar="NAME", help="The user the token acts as (with their role).")
@click.option("--scope", type=click.Choice(["read", "write"]), default="read", show_default=True,
              help="read: GET requests only; write: decisions, articles and polls too.")
@click.option("--name", "label", default="", metavar="LABEL", help="What the token is for (shown in lists).")
@pass_ctx
def tokens_add(ctx: Ctx, user_name: str, scope: str, label: str) -> None:
    """Make an API token and print it once (only its hash is stored)."""
    from .store.db import transaction
    from .store.tokens import TokenError, create_token

    ctx.upgrade()
    try:
        with transaction(ctx.factory) as s:
            row, secret = create_token(s, _token_user(s, user_name), scope, label)
            token_id = row.id
    except TokenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"token {token_id} for {user_name!r} ({scope}); shown once, keep it now:", err=True)
    click.echo(secret)


@tokens.command("list")
@click.option("--user", "user_name", metavar="NAME", help="Only this user's tokens.")
@pass_ctx
def tokens_list(ctx: Ctx, user_name: str | None) -> None:
    """List API tokens: id, user, scope, the secret's first characters, created, last used, revoked."""
    from .store.tokens import user_tokens

    def when(d) -> str:  # noqa: ANN001
        return d.strftime("%Y-%m-%d %H:%M") if d else "-"

    ctx.upgrade()
    with ctx.factory() as s:
        rows = user_tokens(s, _token_user(s, user_name) if user_name else None)
        click.echo("id\tuser\tscope\tprefix\tcreated\tlast used\trevoked\tname")
        for r in rows:
            click.echo(f"{r.id}\t{r.user.name}\t{r.scope}\t{r.prefix}…\t{when(r.created_at)}\t{when(r.last_used_at)}\t"
                       f"{when(r.revoked_at)}\t{r.name}")


@tokens.command("revoke")
@click.argument("token_ids", nargs=-1, type=int, metavar="ID…")
@click.option("--user", "user_name", metavar="NAME", help="Whose tokens: with IDs they must be this user's; "
              "without, every token of the user is revoked.")
@pass_ctx
def tokens_revoke(ctx: Ctx, token_ids: tuple[int, ...], user_name: str | None) -> None:
    """Revoke API tokens at once (the next request with one is refused)."""
    from .store.db import transaction
    from .store.tokens import TokenError, revoke_token, user_tokens

    if not token_ids and not user_name:
        raise click.UsageError("give ID… or --user NAME")
    ctx.upgrade()
    try:
        with transaction(ctx.factory) as s:
            user = _token_user(s, user_name) if user_name else None
            ids = list(token_ids) or [r.id for r in user_tokens(s, user) if r.revoked_at is None]
            for tid in ids:
                revoke_token(s, tid, user)
    except TokenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"revoked {len(ids)} token(s)" + (f": {', '.join(map(str, ids))}" if ids else ""))


@main.group()
def webhooks() -> None:
    """Webhooks: URLs told about new conflicts and decisions."""


@webhooks.command("add")
@click.argument("url")
@click.option("--event", "events", multiple=True, required=True, type=click.Choice(["claim.conflict", "claim.decided"]),
              help="What the URL hears about (repeatable).")
@pass_ctx
def webhooks_add(ctx: Ctx, url: str, events: tuple[str, ...]) -> None:
    """Register a URL for events and print its signing secret once (loopback and private addresses only with
    FACTCHECK_ALLOW_PRIVATE_NETWORKS)."""
    from .store.db import transaction
    from .store.webhooks import WebhookError, create_hook

    ctx.upgrade()
    try:
        with transaction(ctx.factory) as s:
            row, secret = create_hook(s, url, list(events), allow_private=ctx.settings.allow_private_networks)
            hook_id, names = row.id, row.events
    except WebhookError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"webhook {hook_id} for {names}; its signing secret, shown once, keep it now:", err=True)
    click.echo(secret)


@webhooks.command("list")
@pass_ctx
def webhooks_list(ctx: Ctx) -> None:
    """List webhooks: id, events, deliveries pending/delivered/failed, the last attempt and its outcome, URL."""
    from .store.webhooks import hook_list

    ctx.upgrade()
    with ctx.factory() as s:
        click.echo("id\tevents\tpending\tdelivered\tfailed\tlast attempt\tlast outcome\turl")
        for h in hook_list(s):
            last = h.last
            when = last.last_attempt_at.strftime("%Y-%m-%d %H:%M:%S") if last is not None else "-"
            outcome = "-" if last is None else (last.last_error or f"HTTP {last.last_status}")[:80]
            click.echo(f"{h.hook.id}\t{h.hook.events}\t{h.counts.get('pending', 0)}\t{h.counts.get('delivered', 0)}\t"
                       f"{h.counts.get('failed', 0)}\t{when}\t{outcome}\t{h.hook.url}")


@webhooks.command("remove")
@click.argument("hook_ids", nargs=-1, required=True, type=int, metavar="ID…")
@pass_ctx
def webhooks_remove(ctx: Ctx, hook_ids: tuple[int, ...]) -> None:
    """Remove webhooks with their deliveries (pending ones are not sent)."""
    from .store.db import transaction
    from .store.webhooks import WebhookError, remove_hook

    ctx.upgrade()
    try:
        with transaction(ctx.factory) as s:
            for hid in hook_ids:
                remove_hook(s, hid)
    except WebhookError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"removed {len(hook_ids)} webhook(s): {', '.join(map(str, hook_ids))}")


@main.command()
@click.argument("claim_ids", nargs=-1, type=int, metavar="ID…")
@click.option("--story", "story_id", type=int, metavar="ID",
              help="Decide a fact of this story (with --fact) or list its facts (with --list).")
@click.option("--fact", "fact", type=int, metavar="N", help="The fact's number, as the story page and --list show it.")
@click.option("--leave", multiple=True, type=int, metavar="CLAIM_ID",
              help="A claim of the fact to leave as it is (repeatable).")
@click.option("--list", "list_facts", is_flag=True, help="List the story's facts: number, outlets, claims, value.")
@click.option("--status", type=click.Choice(["corroborated", "disputed", "unverifiable"]))
@click.option("--note", default="", metavar="TEXT", help="Why (kept in the history).")
@click.option("--as", "as_user", metavar="USER", help="The editor deciding.")
@pass_ctx
def decide(ctx: Ctx, claim_ids: tuple[int, ...], story_id: int | None, fact: int | None, leave: tuple[int, ...],
           list_facts: bool, status: str | None, note: str, as_user: str | None) -> None:
    """Decide claims from the shell, with the same rules and history as the web; with --story ID --fact N, the claims of one fact of a story at once (all or nothing, --leave keeps one out), each its own decision naming the story; --story ID --list lists the story's facts.

    Claims, or a fact, need --status and --as.
    """
    from sqlalchemy import select

    from .store.db import transaction
    from .store.fact_decisions import StaleFact, decide_fact
    from .store.models import User
    from .store.review import ReviewError, StaleClaim, decide as decide_claim

    if list_facts:
        if story_id is None or claim_ids or fact is not None or leave or status:
            raise click.UsageError("--list takes --story ID alone")
        ctx.upgrade()
        _list_facts(ctx, story_id)
        return
    if story_id is not None:
        if claim_ids or fact is None:
            raise click.UsageError("--story decides one fact: give --fact N (the numbers: --story ID --list), no claim ids")
    elif not claim_ids or fact is not None or leave:
        raise click.UsageError("give claim ids, or --story ID --fact N")
    if status is None or not as_user:
        raise click.UsageError("--status and --as are needed to decide")

    ctx.upgrade()

    def editor(s):
        user = s.scalar(select(User).where(User.name == as_user))
        if user is None:
            click.echo(f"error: no user named {as_user!r}", err=True)
            sys.exit(2)
        return user

    if story_id is not None:
        try:
            with transaction(ctx.factory) as s:
                done = decide_fact(s, story_id, fact, editor(s), status, note, leave=leave)
                decided = [d.claim_id for d in done]
        except (ReviewError, StaleFact) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        for cid in decided:
            click.echo(f"claim {cid}: {status} (story {story_id}, fact {fact})")
        return
    failed = 0
    for cid in claim_ids:
        try:
            with transaction(ctx.factory) as s:
                decide_claim(s, cid, editor(s), status, note)
            click.echo(f"claim {cid}: {status}")
        except (ReviewError, StaleClaim) as exc:
            failed += 1
            click.echo(f"error: {exc}", err=True)
    if failed:
        sys.exit(2)


def _list_facts(ctx: Ctx, story_id: int) -> None:
    """`decide --story ID --list`: the story page's facts, in its order, by the numbers --fact takes."""
    from .store.fact_decisions import fact_forms
    from .store.story_facts import story_facts

    with ctx.factory() as s:
        facts = story_facts(s, story_id)
        if facts is None:
            click.echo(f"error: story {story_id} does not exist", err=True)
            sys.exit(2)
        forms = fact_forms(s, story_id, facts, None)
    click.echo("fact\toutlets\tclaims\tvalue\tother values (their facts)")
    for f in facts:
        claims = ", ".join(f"{t.claim_id} {t.status}" for t in forms[f.number].claims)
        others = "; ".join(f"{_said_value(o)} (fact {min(x.claim_id for x in o)})" for o in f.others)
        click.echo(f"{f.number}\t{', '.join(f.outlets)}\t{claims}\t{_said_value(f.said)}\t{others or '-'}")


def _said_value(said) -> str:
    """What a group of claims says, as the story page heads it: the figure, the date, or the text."""
    first = said[0]
    if first.value is not None:
        return f"{first.value:g} {first.unit or ''}".strip()
    if first.date_value:
        return first.date_value
    text = " ".join(first.text.split())
    return text if len(text) <= 80 else text[:79] + "…"
