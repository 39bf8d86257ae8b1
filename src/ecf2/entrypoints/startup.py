"""What `ecf2 serve` does before serving on the embedded default."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import attrs
import click

from ecf2.adapters.db.migrations import current_revision, head_revision, upgrade_to_head
from ecf2.adapters.dfe_sign_in.fake_data import FakeDsiClient, FakeDsiData
from ecf2.adapters.dfe_sign_in.fake_server import run_fake_dfe_sign_in
from ecf2.adapters.trs.fake_server import run_fake_trs
from ecf2.container import Container
from ecf2.entrypoints.demo.dfe_sign_in_users import demo_dfe_sign_in_users
from ecf2.settings import DfeSignInSettings, Settings, SignInMode, TrsMode

# The fake TRS wants a bearer token, any token.
FAKE_TRS_API_KEY = "fake-trs"


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


@contextmanager
def trs_for_serving(settings: Settings, echo: Callable[[str], object]) -> Iterator[Settings]:
    """In fake TRS mode with no ECF2_TRS_URL, serve the fake TRS on loopback in this process
    while the service runs, and give back settings that point the TRS client at it."""
    if settings.trs_mode is not TrsMode.FAKE:
        yield settings
        return
    api_key = settings.trs_api_key or FAKE_TRS_API_KEY
    if settings.trs_url:
        yield attrs.evolve(settings, trs_api_key=api_key)
        return
    base_url, stop = run_fake_trs()
    echo(f"Fake TRS serving at {base_url}.")
    try:
        yield attrs.evolve(settings, trs_url=base_url, trs_api_key=api_key)
    finally:
        stop()


@contextmanager
def dfe_sign_in_for_serving(
    settings: Settings, host: str, port: int, echo: Callable[[str], object]
) -> Iterator[Settings]:
    """In DfE Sign-in mode with no ECF2_DFE_SIGN_IN_ISSUER, serve a fake DfE Sign-in on
    loopback while the service runs, offering the demo's people, and point the service at it."""
    if settings.sign_in_mode is not SignInMode.DFE_SIGN_IN or settings.dfe_sign_in is not None:
        yield settings
        return
    client = FakeDsiClient(
        client_id="ecf2-fake",
        client_secret=secrets.token_urlsafe(32),
        redirect_uri=f"http://{host}:{port}/auth/dfe/callback",
        api_secret=secrets.token_urlsafe(32),
        post_logout_redirect_uri=f"http://{host}:{port}/auth/dfe_sign_in/logout",
    )
    issuer, stop = run_fake_dfe_sign_in(FakeDsiData(client, demo_dfe_sign_in_users()))
    echo(f"Fake DfE Sign-in serving at {issuer}.")
    dfe_sign_in = DfeSignInSettings(
        issuer=issuer,
        client_id=client.client_id,
        client_secret=client.client_secret,
        redirect_uri=client.redirect_uri,
        api_url=issuer,
        api_secret=client.api_secret,
    )
    try:
        yield attrs.evolve(settings, dfe_sign_in=dfe_sign_in)
    finally:
        stop()
