"""The Export page: editors pick filters and a format and download a streamed report."""
from __future__ import annotations

from typing import NoReturn

from flask import Blueprint, Response, abort, current_app, g, render_template, request
from flask_login import login_required
from sqlalchemy import select

from .context import db
from ..export import EXTENSIONS, FORMATS, MEDIA_TYPES, ExportConfigError, iter_report, load_export_config
from ..i18n import explain, translate
from ..messages import N_
from ..store.models import CLAIM_KINDS, CLAIM_STATUSES, Claim, Feed, User
from ..store.reports import ExportFilters, FilterError, prepare_export

bp = Blueprint("exports", __name__)

# English titles; the page shows them through t() (factcheck.i18n has the Arabic).
FORMAT_TITLES = {
    "csv": N_("CSV (Excel, LibreOffice)"),
    "json": N_("JSON"),
    "jsonl": N_("JSON Lines"),
    "claimreview": N_("ClaimReview JSON-LD (decided claims only)"),
    "html": N_("Printable report (HTML)"),
}
CHUNK = 64 * 1024  # bytes of text per response chunk: fewer, larger writes to the socket


def _bad_request(exc: FilterError | ExportConfigError) -> NoReturn:
    # Both carry their template and values: translated by key, never by reading the English back.
    abort(400, explain(g.get("lang", "en"), exc))


def _filters_from_request() -> ExportFilters:
    a = request.args
    return ExportFilters.parse(statuses=a.getlist("status"), kinds=a.getlist("kind"), sources=a.getlist("source"),
                               languages=a.getlist("lang"), editor=a.get("editor"), since=a.get("since"),
                               until=a.get("until"), by=a.get("by") or "article")


@bp.get("/exports")
@login_required
def index():
    s = db()
    sources = s.scalars(select(Feed.name).distinct().order_by(Feed.name)).all()
    editors = s.scalars(select(User.name).order_by(User.name)).all()
    languages = [x for x in s.scalars(select(Claim.language).distinct()) if x]
    return render_template("exports/index.html", formats=FORMAT_TITLES, statuses=CLAIM_STATUSES, kinds=CLAIM_KINDS,
                           sources=sources, editors=editors, languages=sorted(languages))


def _coalesce(chunks, size: int = CHUNK):
    buf: list[str] = []
    n = 0
    for c in chunks:
        buf.append(c)
        n += len(c)
        if n >= size:
            yield "".join(buf).encode("utf-8")
            buf.clear()
            n = 0
    if buf:
        yield "".join(buf).encode("utf-8")


@bp.get("/exports/download")
@login_required
def download():
    fmt = request.args.get("format", "")
    if fmt not in FORMATS:
        abort(400, translate(g.get("lang", "en"), "unknown format {value}; use one of {choices}",
                             value=repr(fmt), choices=", ".join(FORMATS)))
    try:
        filters = _filters_from_request()
        config = load_export_config()
    except (FilterError, ExportConfigError) as exc:
        _bad_request(exc)
    bom = request.args.get("bom", "1") not in ("0", "false", "off")
    group = request.args.get("group") or "status"
    if group not in ("status", "story"):
        abort(400, translate(g.get("lang", "en"), "unknown grouping {value}; use status or story", value=repr(group)))
    factory = current_app.extensions["factcheck.sessions"]
    session = factory()  # its own session: the response outlives the request's
    try:
        # The printed report in the editor's interface language; the data formats are the same in every one.
        job = prepare_export(session, fmt, filters, config, bom=bom, lang=g.get("lang", "en"),
                             by_story=group == "story")
    except FilterError as exc:
        session.close()
        _bad_request(exc)

    def body():
        try:
            yield from _coalesce(iter_report(fmt, job.rows, job.context))
        finally:
            session.close()

    resp = Response(body(), mimetype=MEDIA_TYPES[fmt].split(";")[0], direct_passthrough=True)
    resp.headers["Content-Type"] = MEDIA_TYPES[fmt] if "charset" in MEDIA_TYPES[fmt] else \
        MEDIA_TYPES[fmt] + "; charset=utf-8"
    resp.headers["Content-Disposition"] = f'attachment; filename="{filters.filename(EXTENSIONS[fmt])}"'
    resp.headers["Cache-Control"] = "no-store"
    resp.headers["X-Claim-Count"] = str(job.total)
    if fmt == "html":
        # The report carries its own <style> and never a script.
        resp.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return resp
