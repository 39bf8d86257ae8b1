"""What `ecf2 serve` does before serving on the embedded default."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import attrs
import click

from ecf2.adapters.db.migrations import current_revision, head_revision, upgrade_to_head
from ecf2.adapters.trs.fake_server import run_fake_trs
from ecf2.container import Container
from ecf2.settings import Settings, TrsMode

# The fake TRS wants a bearer token, any token.
FAKE_TRS_API_KEY = "fake-trs"


def prepare_embedded_database(container: Container, echo: Callable[[str], object]) -> None:
    settings = container.settings()
    upgrade_to_head(settings.database_url)
    echo("Database migrated to the head revision.")
    if settings.seed_demo_data and not _has_contract_periods(container):
        from ecf2.entrypoints.demo import seed_demo

        summary = seed_demo(container.uow, container.clock())
        echo(f"Demo data loaded ({summary.created} records in {summary.seconds:.1f} s).")


def _has_contract_periods(container: Container) -> bool:
    with container.uow() as uow:
        return bool(uow.contract_periods.list_all())


def refuse_pending_migrations(container: Container) -> None:
    """A shared database is migrated on purpose, never by a starting web process."""
    engine = container.engine()
    current, head = current_revision(engine), head_revision(str(engine.url))
    if current != head:
        raise click.ClickException(
            f"The database is at migration {current or 'none'} but this version of ECF2 needs "
            f"{head}: run `ecf2 db upgrade` first"
        )


@contextmanager
def trs_for_serving(settings: Settings, echo: Callable[[str], object]) -> Iterator[Settings]:
    """In fake TRS mode with no ECF2_TRS_URL, serve the fake TRS on loopback in this process
    while the service runs, and give back settings that point the TRS client at it."""
    if settings.trs_mode is not TrsMode.FAKE:
        yield settings
        return
    api_key = settings.trs_api_key or FAKE_TRS_API_KEY
    if settings.trs_url:
        yield attrs.evolve(settings, trs_api_key=api_key)
        return
    base_url, stop = run_fake_trs()
    echo(f"Fake TRS serving at {base_url}.")
    try:
        yield attrs.evolve(settings, trs_url=base_url, trs_api_key=api_key)
    finally:
        stop()
