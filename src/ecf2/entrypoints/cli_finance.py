"""`ecf2 finance calculate FILE`: the scenario calculator (docs/finance-scenario-calculator.md);
`ecf2 finance mark-payable`: the daily step that makes statements payable."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from ecf2.domain.shared.errors import DomainError
from ecf2.entrypoints.finance_scenario import ScenarioError, load_scenario, statement_json


@click.group()
def finance() -> None:
    """Lead providers' statements and payments."""


@finance.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def calculate(file: Path) -> None:
    """Read one self-contained scenario and print its statement as JSON."""
    try:
        scenario = load_scenario(file.read_text(encoding="utf-8"))
    except (ScenarioError, UnicodeDecodeError) as error:
        raise click.ClickException(str(error)) from error
    statement = statement_json(scenario.statement, scenario.calculate())
    click.echo(json.dumps(statement, indent=2))


@finance.command("mark-payable")
@click.option(
    "--on",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The day to run as, YYYY-MM-DD (default: today in England).",
)
def mark_payable(day: datetime | None) -> None:
    """The daily task: declarations whose funding eligibility arrived without them being
    made eligible catch up (finance-and-payments §4.2); then open output statements whose
    deadline has passed become payable, with their eligible declarations (§3.3)."""
    from ecf2.container import build_container
    from ecf2.entrypoints.cli_settings import cli_settings

    container = build_container(cli_settings())
    service = container.finance_statements()
    try:
        container.late_eligibility().catch_up(day.date() if day else None)
        marked = service.mark_statements_payable(day.date() if day else None)
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Marked {len(marked)} statement{'' if len(marked) == 1 else 's'} payable.")
