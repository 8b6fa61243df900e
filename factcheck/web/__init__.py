"""Flask blueprints: auth, the review queue, feeds and users admin, exports, health."""
from __future__ import annotations

import time

from flask import Flask, g, request
from flask_babel import Babel

from ..i18n import direction, format_when, pick_language, translate, translate_plural
from ..translations import DIR as TRANSLATIONS, DOMAIN


def register(app: Flask) -> None:
    from . import admin, auth, dashboard, health, queue
    from .params import StrictInt

    # Before any blueprint adds its rules: every <int:...> in every route is then strict.
    app.url_map.converters["int"] = StrictInt
    app.register_blueprint(health.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(queue.bp)
    from . import exports; app.register_blueprint(exports.bp)  # noqa: E702
    app.register_blueprint(admin.bp)
    app.register_blueprint(dashboard.bp)
    from . import stories; app.register_blueprint(stories.bp)  # noqa: E702
    from . import fact_decisions; app.register_blueprint(fact_decisions.bp)  # noqa: E702
    from . import story_edits; app.register_blueprint(story_edits.bp)  # noqa: E702
    from . import api, tokens, webhooks

    app.register_blueprint(tokens.bp)
    app.register_blueprint(webhooks.bp)
    app.register_blueprint(api.bp)
    app.extensions["csrf"].exempt(api.bp)  # tokens only, never the browser's session: no CSRF surface
    from . import errors

    errors.register(app)  # error pages in the app's layout and language
    from ..text.urls import safe_url

    # {{ url|http_url }}: the URL if it may be a link (absolute http/https with a host), else None.
    app.jinja_env.filters["http_url"] = safe_url

    # Flask-Babel reads the same catalogs for the request's language (get_locale(), Jinja's
    # gettext/ngettext, format_* helpers); t()/tn() below stay the templates' calls because
    # factcheck's messages use {named} placeholders, filled after translation.
    Babel(app, locale_selector=lambda: g.get("lang", "en"),
          default_translation_directories=str(TRANSLATIONS), default_domain=DOMAIN, default_timezone="UTC")

    @app.before_request
    def _start():
        g.t0 = time.perf_counter()
        g.lang = pick_language(request.cookies.get("lang"), request.accept_languages)

    @app.context_processor
    def _i18n():
        lang = g.get("lang", "en")
        # t('text') looks a fixed text up; t('template {n}', n=…) fills a template; tn('{n} day',
        # '{n} days', n) picks the language's plural form for n (factcheck.i18n).
        return {"t": lambda s, **values: translate(lang, s, **values),
                "tn": lambda singular, plural, n, **values: translate_plural(lang, singular, plural, n, **values),
                # when(dt): a stored UTC time in the language's CLDR pattern.
                "when": lambda dt, seconds=False: format_when(lang, dt, seconds=seconds),
                "lang": lang, "dir": direction(lang)}

    @app.after_request
    def _security_headers(resp):
        # Feed content is hostile: no inline script may ever run, whatever slips through.
        resp.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        )
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.vary.add("Cookie")
        resp.vary.add("Accept-Language")
        if "t0" in g:
            # Server time per response, read by bench/web.py and by browsers' dev tools.
            resp.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - g.t0) * 1000:.2f}"
        return resp
