"""The `ecf2` command: serve, migrate, seed and manage API tokens."""

from __future__ import annotations

import importlib
import sys

import click

from ecf2.entrypoints.cli_settings import cli_settings

# Command groups load only when asked for, so `ecf2 serve` starts without importing them.
_LAZY_GROUPS = {
    "seed": "ecf2.entrypoints.cli_seed:seed",
    "api-token": "ecf2.entrypoints.cli_tokens:api_token",
    "finance": "ecf2.entrypoints.cli_finance:finance",
    "emails": "ecf2.entrypoints.cli_emails:emails",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *_LAZY_GROUPS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in _LAZY_GROUPS:
            return super().get_command(ctx, name)
        module, attribute = _LAZY_GROUPS[name].split(":")
        return getattr(importlib.import_module(module), attribute)


@click.group(cls=_LazyGroup)
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
        dfe_sign_in_for_serving,
        prepare_embedded_database,
        refuse_pending_migrations,
        trs_for_serving,
    )

    configured = cli_settings()
    host, port = host or configured.host, port or configured.port
    with (
        trs_for_serving(configured, echo=click.echo) as with_trs,
        dfe_sign_in_for_serving(with_trs, host, port, echo=click.echo) as settings,
    ):
        container = build_container(settings)
        if settings.embedded:
            prepare_embedded_database(container, echo=click.echo)
        else:
            refuse_pending_migrations(container)
        app = create_app(container)
        uvicorn.run(app, host=host, port=port, log_level="info")


@main.group()
def db() -> None:
    """The database."""


@db.command()
def upgrade() -> None:
    """Apply every migration up to the head revision."""
    from ecf2.adapters.db.migrations import upgrade_to_head

    upgrade_to_head(cli_settings().database_url)
    click.echo("The database is at the head revision.")


if __name__ == "__main__":
    sys.exit(main())
