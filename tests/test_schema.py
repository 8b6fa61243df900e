"""The migrations are the schema: they must create exactly what the models describe."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from factcheck.store.db import make_engine
from factcheck.store.models import Base


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


def test_upgrading_a_database_of_0007_copies_each_articles_hash_onto_its_claims(factory, database_url, settings):
    from alembic import command
    from sqlalchemy import text

    from factcheck.store.db import transaction
    from factcheck.store.pipeline import import_article
    from tests.match.test_stored_prefilter_key import _alembic

    with transaction(factory) as s:
        for source, body in (("Outlet A", 'وقال الوزير إن "الجسر سيفتح يوم الاثنين".'),
                             ("Outlet B", 'Minister Sami said: "The bridge will reopen on Monday."')):
            import_article(s, settings, source=source, text=body, language=None)
    triggers = ("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'" if database_url.startswith("sqlite")
                else "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")
    with transaction(factory) as s:
        before = s.scalar(text(triggers))
    cfg = _alembic(database_url)
    command.downgrade(cfg, "0007")
    command.upgrade(cfg, "head")
    with transaction(factory) as s:
        assert s.scalar(text(triggers)) == before >= 1, "the queue's ranking triggers survive both ways"
        rows = s.execute(text("SELECT c.article_hash, a.content_hash FROM claims c "
                              "JOIN articles a ON a.id = c.article_id")).all()
        # Matches stored before 0008 have no reason data: the page shows their English reason.
        assert s.scalar(text("SELECT count(*) FROM matches WHERE reason_data IS NOT NULL")) == 0
    assert len(rows) >= 2 and all(mine == theirs and mine for mine, theirs in rows)
