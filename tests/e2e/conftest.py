"""An app on a migrated SQLite file, for tests over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.container import build_container
from ecf2.entrypoints.app import create_app
from ecf2.settings import Settings


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/e2e.sqlite3"


@pytest.fixture
def app(database_url: str) -> Litestar:
    upgrade_to_head(database_url)
    settings = Settings.from_environment({"ECF2_DATABASE_URL": database_url})
    return create_app(build_container(settings))


@pytest.fixture
def client(app: Litestar) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
