"""`ecf2 emails list|deliver`: the email outbox (inductions-trs-sign-in-admin (e.2))."""

from __future__ import annotations

import click
from sqlalchemy import select

from ecf2.adapters.db.emails import EmailRow


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
    with _container().session_factory()() as session:
        rows = session.scalars(select(EmailRow).order_by(EmailRow.id.desc()).limit(last)).all()
    for row in rows:
        click.echo(
            f"{row.id}\t{row.queued_at:%Y-%m-%d %H:%M}\t{row.status}\t{row.template}\t"
            f"{row.email_address}"
        )


@emails.command()
def deliver() -> None:
    """Send every email still waiting, for example after GOV.UK Notify was unreachable."""
    sent = _container().email_delivery().deliver_pending()
    click.echo(f"{sent} email{'s' if sent != 1 else ''} sent.")
