"""An app on a migrated database, for tests over HTTP: a SQLite file of its own per test,
or, when ECF2_TEST_POSTGRES_URL is set, that PostgreSQL database (migrated once per run)
emptied after each test."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import Engine

from ecf2.adapters.db.metadata import metadata
from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.container import build_container
from ecf2.entrypoints.app import create_app
from ecf2.settings import Settings

POSTGRES_URL = os.environ.get("ECF2_TEST_POSTGRES_URL")


def _empty_every_table(engine: Engine) -> None:
    # A test leaves a few rows: deleting them is much quicker than truncating every table.
    with engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("e2e") / "migrated.sqlite3"
    upgrade_to_head(f"sqlite:///{path}")
    # Fold the write-ahead log into the file itself, so that a copy of the file is whole.
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if POSTGRES_URL:
        engine = request.getfixturevalue("postgres_engine")
        yield POSTGRES_URL
        _empty_every_table(engine)
        return
    copy = tmp_path / "e2e.sqlite3"
    shutil.copy(request.getfixturevalue("migrated_sqlite_file"), copy)
    yield f"sqlite:///{copy}"


@pytest.fixture
def app(database_url: str) -> Iterator[Litestar]:
    settings = Settings.from_environment({"ECF2_DATABASE_URL": database_url})
    container = build_container(settings)
    yield create_app(container)
    # Let go of every connection before the database is emptied or deleted.
    container.engine().dispose()


@pytest.fixture
def client(app: Litestar) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
