"""Everything that touches the database: the schema, engines and sessions, the matching index,
the pipeline that ties the pure stages to the database, polling, review, and the export rows.

Only this package (and the web, worker and CLI above it) imports SQLAlchemy; the pipeline is the
one place where extraction and matching meet stored rows."""
