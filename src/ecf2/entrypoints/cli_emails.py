"""`ecf2 emails list|deliver`: the email outbox (inductions-trs-sign-in-admin (e.2))."""

from __future__ import annotations

import click

from ecf2.adapters.db.queries.emails import SqlEmailOutboxReads


def _container():  # type: ignore[no-untyped-def]
    from ecf2.container import build_container
    from ecf2.entrypoints.cli_settings import cli_settings

    return build_container(cli_settings())


@click.group("emails")
def emails() -> None:
    """Emails the service has queued and sent."""


@emails.command("list")
@click.option("--last", default=20, show_default=True, help="How many, newest first.")
def list_emails(last: int) -> None:
    """The newest emails in the outbox, with where each has got to."""
    reads = SqlEmailOutboxReads(_container().session_factory())
    for outbox in reads.newest(last):
        click.echo(
            f"{outbox.id}\t{outbox.queued_at:%Y-%m-%d %H:%M}\t{outbox.status}\t"
            f"{outbox.email.template}\t{outbox.email.to}\t{outbox.provider_reference or ''}"
        )


@emails.command()
def deliver() -> None:
    """Send every email still waiting, for example after GOV.UK Notify was unreachable."""
    sent = _container().email_delivery().deliver_pending()
    click.echo(f"{sent} email{'s' if sent != 1 else ''} sent.")
