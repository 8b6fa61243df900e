"""`factcheck tokens add|list|revoke`: a token printed once, listed by its first characters, revoked."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from factcheck.cli import main
from factcheck.store.db import transaction
from factcheck.store.models import ApiToken
from factcheck.store.review import create_user
from factcheck.store.tokens import authenticate_token, hash_token


@pytest.fixture
def cli(settings, monkeypatch, factory):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    with transaction(factory) as s:
        create_user(s, "rana", "long password 1", "editor")
        create_user(s, "omar", "long password 1", "editor")

    def invoke(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_add_prints_the_token_once_and_stores_only_its_hash(cli, factory):
    r = cli("tokens", "add", "--user", "rana", "--scope", "write", "--name", "CMS")
    assert r.exit_code == 0, r.output
    secret = r.stdout.strip().splitlines()[-1]
    assert secret.startswith("fc_") and len(secret) > 40
    with factory() as s:
        row = s.scalar(select(ApiToken))
        assert row.token_hash == hash_token(secret) and row.scope == "write" and row.user.name == "rana"
        caller = authenticate_token(s, secret)
        assert caller.user.name == "rana" and caller.can_write
    listed = cli("tokens", "list", "--user", "rana")
    assert listed.exit_code == 0 and secret[:10] in listed.output and secret not in listed.output
    assert "CMS" in listed.output and "write" in listed.output


def test_revoke_by_id_or_every_token_of_a_user(cli, factory):
    secrets = [cli("tokens", "add", "--user", "rana").stdout.strip().splitlines()[-1] for _ in range(2)]
    mine = cli("tokens", "add", "--user", "omar").stdout.strip().splitlines()[-1]
    with factory() as s:
        first = s.scalar(select(ApiToken.id).where(ApiToken.token_hash == hash_token(secrets[0])))
    # Another user's token is not revoked under --user rana.
    omar_id = None
    with factory() as s:
        omar_id = s.scalar(select(ApiToken.id).where(ApiToken.token_hash == hash_token(mine)))
    r = cli("tokens", "revoke", str(omar_id), "--user", "rana")
    assert r.exit_code == 2 and f"token {omar_id} does not exist" in r.output
    assert cli("tokens", "revoke", str(first)).exit_code == 0
    with factory() as s:
        assert authenticate_token(s, secrets[0]) is None and authenticate_token(s, secrets[1]) is not None
    r = cli("tokens", "revoke", "--user", "rana")
    assert r.exit_code == 0 and "revoked 1 token" in r.output
    with factory() as s:
        assert authenticate_token(s, secrets[1]) is None
        assert authenticate_token(s, mine) is not None, "omar's token is untouched"


def test_bad_input_is_named(cli):
    r = cli("tokens", "add", "--user", "nobody")
    assert r.exit_code == 2 and "no user named 'nobody'" in r.output
    r = cli("tokens", "add", "--user", "rana", "--scope", "admin")
    assert r.exit_code == 2 and "admin" in r.output
    r = cli("tokens", "revoke")
    assert r.exit_code == 2 and "give ID… or --user NAME" in r.output
