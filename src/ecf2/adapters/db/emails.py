"""The email outbox: each email a use case asks for is a row written in that use case's
transaction, so it is sent only if the change commits and is never lost once it has
(ARCHITECTURE: side effects go through an outbox). Delivery claims a row before sending,
so two deliverers never send the same email."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ecf2.adapters.db.base import Base, enum_column
from ecf2.adapters.db.repository import SqlRepository
from ecf2.domain.shared.emails import Email, EmailTemplate


class EmailStatus(StrEnum):
    PENDING = "pending"
    # Claimed by a deliverer; if it stops before it hears back the email stays here,
    # for someone to look at, rather than risk being sent twice.
    SENDING = "sending"
    SENT = "sent"


def _now() -> datetime:
    return datetime.now(UTC)


class EmailRow(Base):
    __tablename__ = "email_outbox"
    __table_args__ = (
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        Index("ix_email_outbox_status_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    template: Mapped[EmailTemplate] = mapped_column(enum_column(EmailTemplate, "email_template"))
    email_address: Mapped[str] = mapped_column(String(320))
    personalisation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[EmailStatus] = mapped_column(
        enum_column(EmailStatus, "email_status"), default=EmailStatus.PENDING
    )
    queued_at: Mapped[datetime] = mapped_column(default=_now)
    attempts: Mapped[int] = mapped_column(default=0)
    sent_at: Mapped[datetime | None]
    # The deliverer's own id for the email (GOV.UK Notify's notification id).
    provider_reference: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)

    def email(self) -> Email:
        return Email(self.template, self.email_address, self.personalisation)


class SqlEmailOutbox(SqlRepository):
    """`uow.emails`: the EmailOutbox port."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._queued: list[EmailRow] = []

    def queue(self, email: Email) -> None:
        row = EmailRow(
            template=email.template,
            email_address=email.to,
            personalisation=dict(email.personalisation),
            status=EmailStatus.PENDING,
            attempts=0,
        )
        self._session.add(row)
        self._queued.append(row)

    def queued_ids(self) -> list[int]:
        """The ids of this unit of work's emails, once it has flushed."""
        return [row.id for row in self._queued]


REPOSITORIES: dict[str, type[SqlRepository]] = {"emails": SqlEmailOutbox}
