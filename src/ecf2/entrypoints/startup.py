"""What `ecf2 serve` does before serving on the embedded default."""

from __future__ import annotations

from collections.abc import Callable

import click

from ecf2.adapters.db.migrations import current_revision, head_revision, upgrade_to_head
from ecf2.container import Container


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
