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


@seed.command()
@click.option("--teachers", default=100_000, show_default=True, help="Teachers in all.")
@click.option(
    "--large-school-ects",
    default=300,
    show_default=True,
    help="ECTs (and half as many mentors) at the school the first school persona uses.",
)
@click.option("--yes", is_flag=True, help="Empty the database without asking.")
def benchmark(teachers: int, large_school_ects: int, yes: bool) -> None:
    """Empty the database and fill it in bulk for the benchmarks: about half the teachers
    are trained by Bench Provider A, whose API token is printed."""
    from datetime import UTC, datetime
    from time import perf_counter

    from ecf2.adapters.db.engine import make_engine
    from ecf2.adapters.db.migrations import upgrade_to_head
    from ecf2.entrypoints.benchmark_data import TOKENS, empty_database, seed_benchmark
    from ecf2.entrypoints.cli_settings import cli_settings

    settings = cli_settings()
    if settings.env is Environment.PRODUCTION:
        raise click.ClickException("Benchmark data is never loaded when ECF2_ENV=production")
    if not yes:
        click.confirm("This empties the database first. Go on?", abort=True)
    upgrade_to_head(settings.database_url)
    engine = make_engine(settings.database_url)
    started = perf_counter()
    empty_database(engine)
    summary = seed_benchmark(engine, teachers, large_school_ects, datetime.now(UTC).date())
    engine.dispose()
    click.echo(
        f"{summary.teachers:,} teachers at {summary.schools:,} schools with "
        f"{summary.declarations:,} declarations in {perf_counter() - started:.1f} s. "
        f"API tokens: {TOKENS[0]} (provider A), {TOKENS[1]} (provider B)."
    )
