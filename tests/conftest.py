"""Fixtures every test may use: a database (SQLite, or PostgreSQL when
ECF2_TEST_POSTGRES_URL is set), a fixed clock and a unit of work."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.engine import make_engine, make_session_factory
from ecf2.adapters.db.metadata import metadata
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.shared.clock import FixedClock


def _a_database_for_this_worker() -> None:
    """With pytest-xdist, each worker gets a fresh PostgreSQL database of its own, named
    after the given one: tests empty tables, so workers cannot share one."""
    url, worker = os.environ.get("ECF2_TEST_POSTGRES_URL"), os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return
    import psycopg
    from sqlalchemy.engine import make_url

    given = make_url(url)
    name = f"{given.database}_{worker}"
    admin = given.set(drivername="postgresql", database="postgres")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')
    own = given.set(database=name).render_as_string(hide_password=False)
    os.environ["ECF2_TEST_POSTGRES_URL"] = own


_a_database_for_this_worker()

pytest_plugins = [
    "tests.features.steps.shared",
    "tests.features.steps.contracts",
    "tests.features.steps.partnerships",
    "tests.features.steps.participants",
    "tests.features.steps.lead_provider_actions",
    "tests.features.steps.school_transfers",
    "tests.features.steps.declaring",
    "tests.features.steps.register_ect",
    "tests.features.steps.register_ect_outcomes",
    "tests.features.steps.register_mentor",
    "tests.features.steps.induction_tutor",
    "tests.features.steps.change_ect_details",
    "tests.features.steps.change_training_programme",
    "tests.features.steps.audit_trail",
    "tests.features.steps.payments",
    "tests.features.steps.payments_outcomes",
    "tests.features.steps.funding_eligibility",
    "tests.features.steps.contracts_console",
    "tests.features.steps.sign_in",
    "tests.features.steps.payments_statement_pages",
]

POSTGRES_URL = os.environ.get("ECF2_TEST_POSTGRES_URL")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if POSTGRES_URL:
        return
    skip = pytest.mark.skip(reason="needs ECF2_TEST_POSTGRES_URL")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    assert POSTGRES_URL
    engine = make_engine(POSTGRES_URL)
    from ecf2.adapters.db.migrations import upgrade_to_head

    upgrade_to_head(POSTGRES_URL)
    yield engine
    engine.dispose()


def _empty_every_table(engine: Engine) -> None:
    names = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    if POSTGRES_URL:
        engine = request.getfixturevalue("postgres_engine")
        yield engine
        _empty_every_table(engine)
        return
    engine = make_engine("sqlite://")
    metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 8, 21, 9, 0, tzinfo=UTC))


@pytest.fixture
def uow(session_factory: sessionmaker[Session], clock: FixedClock) -> SqlAlchemyUnitOfWork:
    return SqlAlchemyUnitOfWork(session_factory, clock)
