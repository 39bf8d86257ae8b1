"""`ecf2 seed demo`: load the demo data with a progress bar and a summary of counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ecf2.settings import Environment

if TYPE_CHECKING:
    from rich.console import Console

    from ecf2.container import Container
    from ecf2.entrypoints.demo import DemoSummary


@click.group()
def seed() -> None:
    """Load data into the database."""


@seed.command()
def demo() -> None:
    """Load the demo data: the same every time, and safe to run again."""
    from rich.console import Console

    from ecf2.adapters.db.migrations import is_at_head, upgrade_to_head
    from ecf2.container import build_container
    from ecf2.entrypoints.cli_settings import cli_settings

    settings = cli_settings()
    if settings.env is Environment.PRODUCTION:
        raise click.ClickException("Demo data is never loaded when ECF2_ENV=production")
    container = build_container(settings)
    if settings.embedded:
        upgrade_to_head(settings.database_url)
    elif not is_at_head(container.engine()):
        raise click.ClickException("The database is not migrated yet: run `ecf2 db upgrade`")
    console = Console()
    _print_summary(_seed_with_progress(container, console), console)


def _seed_with_progress(container: Container, console: Console) -> DemoSummary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ecf2.entrypoints.demo import seed_demo

    columns = (
        TextColumn("{task.description:<40}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("Demo data", total=None)

        def progress(description: str, done: int, total: int) -> None:
            bar.update(task, description=description, completed=done, total=total)

        return seed_demo(container.uow, container.clock(), progress)


def _print_summary(summary: DemoSummary, console: Console) -> None:
    from rich.table import Table

    table = Table(title=f"Demo data for {summary.today.day} {summary.today:%B %Y}")
    table.add_column("Kind")
    table.add_column("In the demo", justify="right")
    table.add_column("Created now", justify="right")
    for each in summary.tallies:
        table.add_row(each.kind, str(each.in_demo), str(each.created))
    console.print(table)
    if summary.created:
        verdict = f"{summary.created} records created"
    else:
        verdict = "Nothing new: the demo data was already there"
    console.print(f"{verdict} in {summary.seconds:.1f} s.")
