"""Alembic environment: one history for SQLite and PostgreSQL."""

from alembic import context
from sqlalchemy import TypeDecorator

from ecf2.adapters.db.engine import is_sqlite, make_engine
from ecf2.adapters.db.metadata import metadata
from ecf2.adapters.db.migrations import database_url_for_alembic

config = context.config
url = database_url_for_alembic(config)


# Indexes on expressions are written by hand in revisions: PostgreSQL gives their SQL back
# rewritten, so autogenerate cannot compare them with the tables' definitions.
EXPRESSION_INDEXES = {"ix_teachers_name_order"}


def include_object(obj, name, type_, reflected, compare_to):
    # Exclusion constraints live only on PostgreSQL and are written by hand in revisions.
    if type_ == "index" and name in EXPRESSION_INDEXES:
        return False
    return not (type_ == "table" and name == "alembic_version")


def render_item(type_, obj, autogen_context):
    # Our column types are plain SQL types underneath; revisions must not import ecf2.
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection") or make_engine(url)
    if hasattr(connectable, "connect"):
        with connectable.connect() as connection:
            _run(connection)
    else:
        _run(connectable)


def _run(connection) -> None:
    sqlite = is_sqlite(str(connection.engine.url))
    if sqlite:
        # SQLite alters a table by rebuilding it, and the rows of other tables that refer
        # to it would stop the old one being dropped: their keys are checked afterwards.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    try:
        _migrate(connection, sqlite)
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def _migrate(connection, sqlite: bool) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=sqlite,
        compare_type=True,
        include_object=include_object,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
            raise RuntimeError("The migration left rows referring to rows that are gone")


run_migrations_online()
