"""Engines for the embedded SQLite default and for PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    if is_sqlite(url):
        return _sqlite_engine(url, echo=echo)
    return create_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        isolation_level="READ COMMITTED",
        # The app's queries are small, index-driven ones whose cost PostgreSQL overestimates:
        # compiling them just in time takes longer than running them. Set per connection,
        # so no request pays a statement for it.
        connect_args={"options": "-c jit=off"},
    )


def _sqlite_engine(url: str, *, echo: bool) -> Engine:
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    options: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if in_memory:
        # One shared connection, or each thread would see its own empty database.
        options["poolclass"] = StaticPool
    engine = create_engine(url, echo=echo, **options)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)


def make_read_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for read models. On PostgreSQL they run without a transaction of their
    own: under READ COMMITTED each statement sees what was committed when it began either
    way, a read saves the BEGIN and ROLLBACK round trips, and psycopg keeps the statements
    it has prepared on the connection (it forgets them all at every ROLLBACK)."""
    if engine.dialect.name == "sqlite":
        return make_session_factory(engine)
    reading = engine.execution_options(isolation_level="AUTOCOMMIT")
    return sessionmaker(bind=reading, expire_on_commit=False, autoflush=False)
