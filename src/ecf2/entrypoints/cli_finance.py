"""`ecf2 finance calculate FILE`: the scenario calculator (docs/finance-scenario-calculator.md)."""

from __future__ import annotations

import json
from pathlib import Path

import click

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
