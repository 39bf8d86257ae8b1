"""An API app on settings of the test's choosing, on the API tests' fixed clock."""

from __future__ import annotations

from collections.abc import Iterator

from dependency_injector.providers import Object
from litestar import Litestar

from ecf2.container import build_container
from ecf2.domain.shared.clock import FixedClock
from ecf2.entrypoints.app import create_app
from ecf2.settings import Settings


def app_with(database_url: str, clock: FixedClock, **environ: str) -> Iterator[Litestar]:
    settings = Settings.from_environment({"ECF2_DATABASE_URL": database_url, **environ})
    container = build_container(settings)
    container.clock.override(Object(clock))
    yield create_app(container)
    container.engine().dispose()
