"""`factcheck webhooks add|list|remove`: a secret printed once, the address guard, deliveries counted."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from factcheck.cli import main
from factcheck.store.db import transaction
from factcheck.store.models import User, Webhook, WebhookDelivery
from factcheck.store.review import create_user, decide

from .web import data


@pytest.fixture
def cli(settings, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    monkeypatch.delenv("FACTCHECK_ALLOW_PRIVATE_NETWORKS", raising=False)

    def invoke(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_add_prints_the_secret_once_and_list_counts_the_deliveries(cli, factory, monkeypatch):
    r = cli("webhooks", "add", "http://127.0.0.1:9/hook", "--event", "claim.decided")
    assert r.exit_code == 2 and "refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address" in r.output
    assert "FACTCHECK_ALLOW_PRIVATE_NETWORKS" in r.output
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Webhook)) == 0
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_NETWORKS", "1")
    r = cli("webhooks", "add", "http://127.0.0.1:9/hook", "--event", "claim.decided", "--event", "claim.conflict")
    assert r.exit_code == 0, r.output
    secret = r.stdout.strip().splitlines()[-1]
    assert secret.startswith("whsec_") and len(secret) > 40
    with transaction(factory) as s:
        hook = s.scalar(select(Webhook))
        assert hook.secret == secret and hook.event_names == ("claim.conflict", "claim.decided")
        user = create_user(s, "rana", "long password 1")
        c = data.claim(s, "Outlet A", "The bridge reopens on Monday.")
        s.flush()
        decide(s, c.id, user, "disputed")
    listed = cli("webhooks", "list")
    assert listed.exit_code == 0 and secret not in listed.output, "the secret is shown once"
    row = listed.output.splitlines()[1].split("\t")
    assert row[:5] == [str(hook.id), "claim.conflict,claim.decided", "1", "0", "0"]
    assert row[-1] == "http://127.0.0.1:9/hook"


def test_remove_takes_the_deliveries_with_it_and_names_an_unknown_id(cli, factory, monkeypatch):
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_NETWORKS", "1")
    cli("webhooks", "add", "http://127.0.0.1:9/hook", "--event", "claim.decided")
    with transaction(factory) as s:
        hook_id = s.scalar(select(Webhook.id))
        c = data.claim(s, "Outlet A", "The bridge reopens on Monday.")
        s.flush()
        decide(s, c.id, s.scalar(select(User)) or create_user(s, "rana", "long password 1"), "disputed")
    r = cli("webhooks", "remove", str(hook_id), "999")
    assert r.exit_code == 2 and "webhook 999 does not exist" in r.output
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Webhook)) == 1, "nothing removed when one id is wrong"
    assert cli("webhooks", "remove", str(hook_id)).exit_code == 0
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(WebhookDelivery)) == 0


def test_an_unknown_event_is_refused_by_the_command_line(cli):
    r = cli("webhooks", "add", "http://192.0.2.1/x", "--event", "claim.deleted")
    assert r.exit_code == 2 and "claim.deleted" in r.output
