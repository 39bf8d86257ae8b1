"""The email outbox: emails go only once their change commits, each is sent once however
many deliverers try, and one that cannot be sent waits to be tried again (e.2)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.emails import EmailRow, EmailStatus
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.adapters.notify.delivery import EmailDelivery
from ecf2.domain.shared.emails import Email, EmailNotSent, EmailTemplate

TUTOR_CONFIRMED = Email(
    EmailTemplate.INDUCTION_TUTOR_CONFIRMED,
    "ava.thomas@ashdown.example.org",
    {"name": "Ava Thomas", "school_name": "Ashdown Primary School"},
)


class RecordingSender:
    """Notes what it was asked to send, and whether the email's row was committed then."""

    def __init__(self, session_factory: sessionmaker[Session], fail: bool = False) -> None:
        self.session_factory = session_factory
        self.fail = fail
        self.sent: list[tuple[Email, str, bool]] = []

    def send(self, email: Email, reference: str) -> str | None:
        with self.session_factory() as session:
            committed = session.scalar(
                select(EmailRow.id).where(EmailRow.email_address == email.to)
            )
        if self.fail:
            raise EmailNotSent("Notify is down")
        self.sent.append((email, reference, committed is not None))
        return "notify-id-1"


@pytest.fixture
def sender(session_factory: sessionmaker[Session]) -> RecordingSender:
    return RecordingSender(session_factory)


@pytest.fixture
def delivery(session_factory, sender, clock) -> EmailDelivery:
    return EmailDelivery(session_factory, sender, clock)


@pytest.fixture
def delivering_uow(session_factory, clock, delivery) -> SqlAlchemyUnitOfWork:
    return SqlAlchemyUnitOfWork(session_factory, clock, deliver_emails=delivery.deliver)


def _rows(session_factory: sessionmaker[Session]) -> list[EmailRow]:
    with session_factory() as session:
        return list(session.scalars(select(EmailRow).order_by(EmailRow.id)))


def test_an_email_is_sent_after_its_change_commits(delivering_uow, sender, session_factory, clock):
    with delivering_uow as uow:
        uow.emails.queue(TUTOR_CONFIRMED)
        assert sender.sent == []
        uow.commit()
    [(email, reference, committed_when_sent)] = sender.sent
    assert email == TUTOR_CONFIRMED
    assert committed_when_sent
    [row] = _rows(session_factory)
    assert reference == f"ecf2-email-{row.id}"
    assert row.status is EmailStatus.SENT
    assert row.provider_reference == "notify-id-1"
    assert row.sent_at == clock.now()
    assert row.attempts == 1


def test_an_email_whose_change_rolls_back_is_never_sent(delivering_uow, sender, session_factory):
    with delivering_uow as uow:
        uow.emails.queue(TUTOR_CONFIRMED)
    assert sender.sent == []
    assert _rows(session_factory) == []


def test_without_delivery_the_email_waits_in_the_outbox(uow, session_factory):
    with uow:
        uow.emails.queue(TUTOR_CONFIRMED)
        uow.commit()
    [row] = _rows(session_factory)
    assert row.status is EmailStatus.PENDING
    assert row.email() == TUTOR_CONFIRMED
    assert row.queued_at <= datetime.now(UTC)


def test_an_email_is_sent_once_however_often_it_is_delivered(uow, delivery, sender):
    with uow:
        uow.emails.queue(TUTOR_CONFIRMED)
        uow.commit()
    [email_id] = uow.emails.queued_ids()
    assert delivery.deliver([email_id, email_id]) == 1
    assert delivery.deliver_pending() == 0
    assert len(sender.sent) == 1


def test_an_email_that_could_not_be_sent_is_tried_again(uow, session_factory, clock):
    failing = RecordingSender(session_factory, fail=True)
    with uow:
        uow.emails.queue(TUTOR_CONFIRMED)
        uow.commit()
    assert EmailDelivery(session_factory, failing, clock).deliver_pending() == 0
    [row] = _rows(session_factory)
    assert (row.status, row.attempts, row.last_error) == (EmailStatus.PENDING, 1, "Notify is down")
    failing.fail = False
    assert EmailDelivery(session_factory, failing, clock).deliver_pending() == 1
    [row] = _rows(session_factory)
    assert (row.status, row.attempts, row.last_error) == (EmailStatus.SENT, 2, None)


def test_a_failing_email_does_not_undo_the_change(session_factory, clock):
    failing = RecordingSender(session_factory, fail=True)
    delivery = EmailDelivery(session_factory, failing, clock)
    uow = SqlAlchemyUnitOfWork(session_factory, clock, deliver_emails=delivery.deliver)
    with uow:
        uow.emails.queue(TUTOR_CONFIRMED)
        uow.commit()
    assert len(_rows(session_factory)) == 1
