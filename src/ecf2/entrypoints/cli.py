"""The `ecf2` command: serve, migrate, seed and manage API tokens."""

from __future__ import annotations

import sys

import click

from ecf2.entrypoints.cli_finance import finance
from ecf2.entrypoints.cli_seed import seed
from ecf2.entrypoints.cli_settings import cli_settings
from ecf2.entrypoints.cli_tokens import api_token


@click.group()
def main() -> None:
    """Register early career teachers."""


@main.command()
@click.option("--host", default=None, help="Address to listen on (default ECF2_HOST).")
@click.option("--port", default=None, type=int, help="Port to listen on (default ECF2_PORT).")
def serve(host: str | None, port: int | None) -> None:
    """Run the service. On the embedded database it migrates and seeds demo data first."""
    import uvicorn

    from ecf2.container import build_container
    from ecf2.entrypoints.app import create_app
    from ecf2.entrypoints.startup import (
        prepare_embedded_database,
        refuse_pending_migrations,
        trs_for_serving,
    )

    with trs_for_serving(cli_settings(), echo=click.echo) as settings:
        container = build_container(settings)
        if settings.embedded:
            prepare_embedded_database(container, echo=click.echo)
        else:
            refuse_pending_migrations(container)
        app = create_app(container)
        uvicorn.run(app, host=host or settings.host, port=port or settings.port, log_level="info")


@main.group()
def db() -> None:
    """The database."""


@db.command()
def upgrade() -> None:
    """Apply every migration up to the head revision."""
    from ecf2.adapters.db.migrations import upgrade_to_head

    upgrade_to_head(cli_settings().database_url)
    click.echo("The database is at the head revision.")


main.add_command(seed)
main.add_command(api_token)
main.add_command(finance)

if __name__ == "__main__":
    sys.exit(main())
