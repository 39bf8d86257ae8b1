"""Emails through the service's own wiring: queued by a use case's unit of work, dealt
with once it commits, listed and retried with `ecf2 emails`, and shown by the demo."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient

from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.adapters.db.queries.emails import SqlEmailOutboxReads
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.adapters.notify.senders import OUTBOX_ONLY
from ecf2.container import build_container
from ecf2.domain.shared.emails import Email, EmailTemplate
from ecf2.entrypoints.app import create_app
from ecf2.entrypoints.cli import main
from ecf2.settings import Settings

TUTOR = Email(
    EmailTemplate.INDUCTION_TUTOR_CONFIRMED,
    "ava.thomas@ashdown.example.org",
    {"name": "Ava Thomas", "school_name": "Ashdown Primary School"},
)


@pytest.fixture
def url(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path}/emails.sqlite3"
    monkeypatch.setenv("ECF2_DATABASE_URL", url)
    upgrade_to_head(url)
    return url


def test_by_default_an_email_is_kept_in_the_outbox_and_listed(url):
    container = build_container(Settings.from_environment({"ECF2_DATABASE_URL": url}))
    with container.uow() as uow:
        uow.emails.queue(TUTOR)
        uow.commit()
    [kept] = SqlEmailOutboxReads(container.session_factory()).newest(to=TUTOR.to)
    assert (kept.email, kept.status, kept.provider_reference) == (TUTOR, "sent", OUTBOX_ONLY)
    container.engine().dispose()
    listed = CliRunner().invoke(main, ["emails", "list"])
    assert listed.exit_code == 0, listed.output
    assert "induction_tutor_confirmed\tava.thomas@ashdown.example.org\toutbox-only" in listed.output


def test_emails_left_waiting_are_delivered_by_the_command(url):
    container = build_container(Settings.from_environment({"ECF2_DATABASE_URL": url}))
    # As if the process had stopped between committing and delivering.
    undelivered = SqlAlchemyUnitOfWork(container.session_factory(), container.clock())
    with undelivered as uow:
        uow.emails.queue(TUTOR)
        uow.emails.queue(TUTOR)
        uow.commit()
    assert {e.status for e in SqlEmailOutboxReads(container.session_factory()).newest()} == {
        "pending"
    }
    container.engine().dispose()
    delivered = CliRunner().invoke(main, ["emails", "deliver"])
    assert delivered.exit_code == 0, delivered.output
    assert "2 emails sent." in delivered.output


def test_the_embedded_demo_shows_the_emails_as_they_read(url):
    container = build_container(Settings.from_environment({"ECF2_DATABASE_URL": url}))
    naughty = Email(TUTOR.template, TUTOR.to, {**TUTOR.personalisation, "name": "<b>Ava</b>"})
    with container.uow() as uow:
        uow.emails.queue(naughty)
        uow.commit()
    with TestClient(create_app(container)) as client:
        page = client.get("/demo/emails")
    container.engine().dispose()
    assert page.status_code == 200
    assert "You are the induction tutor for your school" in page.text
    assert "Dear &lt;b&gt;Ava&lt;/b&gt;,<br>" in page.text
    assert "ava.thomas@ashdown.example.org" in page.text


def test_outside_the_embedded_demo_the_emails_are_not_shown(url):
    environ = {"ECF2_DATABASE_URL": url, "ECF2_ENV": "sandbox"}
    container = build_container(Settings.from_environment(environ))
    with TestClient(create_app(container)) as client:
        assert client.get("/demo/emails").status_code == 404
    container.engine().dispose()
