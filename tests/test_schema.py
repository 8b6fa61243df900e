"""The migrations are the schema: they must create exactly what the models describe."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from factcheck.db import make_engine
from factcheck.models import Base


def test_migrations_create_every_table(database_url):
    engine = make_engine(database_url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"feeds", "articles", "claims", "matches", "decisions", "users", "alembic_version"} <= names


def test_models_and_migrations_agree(database_url):
    engine = make_engine(database_url)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    # Index/constraint naming differences would show up here too: a model change
    # without its migration must fail this test.
    assert diffs == [], f"models differ from migrations: {diffs}"
