"""One e2e app per test module on the demo data, at the demo's "today": on SQLite a copy
of a file seeded once per run; on PostgreSQL the test database, seeded for the module and
emptied when it is done. The module's tests share the app (its templates compile once) and
the database: tests that change rows do it through `alter`, which puts them back. Import
the fixtures into a test module to use them."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from dependency_injector.providers import Object
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import Engine, func, select, text, update

from ecf2.adapters.db.engine import make_engine, make_session_factory
from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.metadata import metadata
from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.adapters.db.queries.emails import SqlEmailOutboxReads
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.container import build_container
from ecf2.domain.shared.clock import FixedClock
from ecf2.domain.shared.emails import Email
from ecf2.entrypoints.app import create_app
from ecf2.entrypoints.demo import seed_demo
from ecf2.settings import Settings

POSTGRES_URL = os.environ.get("ECF2_TEST_POSTGRES_URL")
# A Monday morning in the demo's world (23 November 2026).
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
AVA = "ava.thomas@ashdown-primary-school.sch.uk"  # induction tutor, Ashdown Primary School
ASHDOWN_URN = "100101"


def _seed(engine: Engine) -> None:
    session_factory, clock = make_session_factory(engine), FixedClock(NOW)
    seed_demo(lambda: SqlAlchemyUnitOfWork(session_factory, clock), clock)


def _empty_every_table(engine: Engine) -> None:
    names = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


_SEEDED_SQLITE: list[Path] = []


def _seeded_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated and seeded once per run, whichever module asks first."""
    if not _SEEDED_SQLITE:
        path = tmp_path_factory.mktemp("demo-seeded") / "demo.sqlite3"
        upgrade_to_head(f"sqlite:///{path}")
        engine = make_engine(f"sqlite:///{path}")
        _seed(engine)
        engine.dispose()
        # Fold the write-ahead log into the file, so that a copy of the file is whole.
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _SEEDED_SQLITE.append(path)
    return _SEEDED_SQLITE[0]


@pytest.fixture(scope="module")
def demo_database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if POSTGRES_URL:
        engine = request.getfixturevalue("postgres_engine")
        _seed(engine)
        yield POSTGRES_URL
        _empty_every_table(engine)
        return
    seeded = _seeded_sqlite_file(tmp_path_factory)
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copy(seeded, path)
    yield f"sqlite:///{path}"


@pytest.fixture(scope="module")
def demo_app(demo_database_url: str) -> Iterator[Litestar]:
    # A TRS that answers nothing: tests that look teachers up start the fake TRS themselves.
    settings = Settings.from_environment(
        {"ECF2_DATABASE_URL": demo_database_url, "ECF2_TRS_URL": "http://127.0.0.1:9"}
    )
    container = build_container(settings)
    yield create_app(container)
    container.engine().dispose()


@pytest.fixture
def database_url(demo_database_url: str) -> str:
    return demo_database_url


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


# Providers a test may override; put back after each test.
OVERRIDABLE = ("clock", "school_sign_ins")


@pytest.fixture
def app(demo_app: Litestar, clock: FixedClock) -> Iterator[Litestar]:
    container = demo_app.state.container
    container.clock.override(Object(clock))
    yield demo_app
    for name in OVERRIDABLE:
        getattr(container, name).reset_override()


@pytest.fixture
def engine(app: Litestar) -> Engine:
    return app.state.container.engine()


Alter = Callable[..., None]


@pytest.fixture
def alter(engine: Engine) -> Iterator[Alter]:
    """`alter("table", {"id": 1}, column=value)`: changed for this test only."""
    undo: list[tuple[Any, dict[str, Any], dict[str, Any]]] = []

    def change(table_name: str, key: dict[str, Any], **values: Any) -> None:
        table = metadata.tables[table_name]
        where = [table.c[name] == value for name, value in key.items()]
        with engine.begin() as connection:
            before = connection.execute(select(*(table.c[n] for n in values)).where(*where)).one()
            undo.append((table, key, dict(zip(values, before, strict=True))))
            connection.execute(update(table).where(*where).values(**values))

    yield change
    with engine.begin() as connection:
        for table, key, values in reversed(undo):
            where = [table.c[name] == value for name, value in key.items()]
            connection.execute(update(table).where(*where).values(**values))


def scalar(engine: Engine, sql: str, **params: Any) -> Any:
    with engine.connect() as connection:
        return connection.execute(text(sql), params).scalar_one()


def sign_ins_recorded(engine: Engine, email: str) -> int:
    with engine.connect() as connection:
        return connection.execute(
            select(func.count())
            .select_from(EventRow)
            .where(EventRow.event_type == "school_user_signs_in", EventRow.author_email == email)
        ).scalar_one()


def emails_to(engine: Engine, address: str) -> list[Email]:
    """The emails queued to an address, newest first."""
    reads = SqlEmailOutboxReads(make_session_factory(engine))
    return [kept.email for kept in reads.newest(to=address)]


def csrf_token(page: httpx.Response) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def sign_in(client: TestClient[Any], email: str = AVA) -> httpx.Response:
    token = csrf_token(client.get("/personas"))
    return client.post(
        "/personas", data={"persona": email, "csrf_token": token}, follow_redirects=False
    )


def post_form(client: TestClient[Any], path: str, page: str = "/", **data: str) -> httpx.Response:
    """Post a form with the token from a page of this session, as a browser would."""
    token = csrf_token(client.get(page))
    return client.post(path, data={**data, "csrf_token": token}, follow_redirects=False)


def is_gov_uk_page(page: httpx.Response) -> bool:
    return "govuk-frontend.min.css" in page.text and "govuk-header" in page.text
