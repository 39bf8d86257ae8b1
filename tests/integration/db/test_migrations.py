"""The migration history on a database that holds data: SQLite alters a table by
rebuilding it, which the rows of the tables that refer to it must survive."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from ecf2.adapters.db.engine import make_engine, make_session_factory
from ecf2.adapters.db.migrations import alembic_config, current_revision, head_revision
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.shared.clock import FixedClock
from ecf2.entrypoints.demo import DEMO_TODAY, seed_demo

# The revision before training periods were rebuilt to record their date changes.
BEFORE_REBUILD = "b314be241ba9"


def test_a_populated_sqlite_database_is_migrated_down_and_up_again(tmp_path):
    url = f"sqlite:///{tmp_path}/populated.sqlite3"
    command.upgrade(alembic_config(url), "head")
    engine = make_engine(url)
    clock = FixedClock(DEMO_TODAY)
    seed_demo(lambda: SqlAlchemyUnitOfWork(make_session_factory(engine), clock), clock)
    with engine.connect() as connection:
        before = connection.scalar(text("SELECT count(*) FROM training_periods"))

    command.downgrade(alembic_config(url), BEFORE_REBUILD)
    command.upgrade(alembic_config(url), "head")

    assert current_revision(engine) == head_revision(url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM training_periods")) == before > 0
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
