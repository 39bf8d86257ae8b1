"""`ecf2 api-token issue|revoke LEAD_PROVIDER`."""

from __future__ import annotations

import click

from ecf2.domain.contracts.services import ApiTokenService
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.errors import DomainError


def _service() -> ApiTokenService:
    from ecf2.container import build_container
    from ecf2.entrypoints.cli_settings import cli_settings

    return build_container(cli_settings()).api_tokens()


@click.group("api-token")
def api_token() -> None:
    """Lead providers' API tokens."""


@api_token.command()
@click.argument("lead_provider")
@click.option("--description", default="Issued from the command line")
def issue(lead_provider: str, description: str) -> None:
    """Issue a new token: it is printed once and only its SHA-256 digest is kept."""
    try:
        issued = _service().issue(lead_provider, description, by=Actor.system())
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"A new API token for {issued.lead_provider_name}. It will not be shown again:")
    click.echo(issued.token)


@api_token.command()
@click.argument("lead_provider")
def revoke(lead_provider: str) -> None:
    """Revoke every live token of a lead provider."""
    try:
        count = _service().revoke_all(lead_provider, by=Actor.system())
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Revoked {count} API token{'s' if count != 1 else ''} of {lead_provider}.")
