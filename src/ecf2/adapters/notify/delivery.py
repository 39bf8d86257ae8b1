"""Delivering the outbox's emails once their transaction has committed: each email is
claimed (pending to sending) in a transaction of its own before it is sent, so however
many processes deliver, none sends an email another has claimed; one that cannot be sent
goes back to pending, to be tried again by `ecf2 emails deliver`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ecf2.adapters.db.emails import EmailRow, EmailStatus
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.emails import EmailNotSent, EmailSender

logger = logging.getLogger("ecf2")


class EmailDelivery:
    def __init__(
        self, session_factory: Callable[[], Session], sender: EmailSender, clock: Clock
    ) -> None:
        self._session_factory = session_factory
        self._sender = sender
        self._clock = clock

    def deliver(self, email_ids: Iterable[int]) -> int:
        """Send each pending email among `email_ids`; returns how many were sent. Never
        raises for an email that could not be sent: the change that queued it stands."""
        return sum(self._deliver_one(email_id) for email_id in email_ids)

    def deliver_pending(self, limit: int = 100) -> int:
        with self._session_factory() as session:
            ids = session.scalars(
                select(EmailRow.id)
                .where(EmailRow.status == EmailStatus.PENDING)
                .order_by(EmailRow.id)
                .limit(limit)
            ).all()
        return self.deliver(ids)

    def _deliver_one(self, email_id: int) -> bool:
        row = self._claim(email_id)
        if row is None:
            return False
        try:
            reference = self._sender.send(row.email(), reference=f"ecf2-email-{email_id}")
        except (EmailNotSent, OSError) as error:
            logger.warning("Email %s was not sent: %s", email_id, error)
            self._finish(email_id, status=EmailStatus.PENDING, last_error=str(error)[:1000])
            return False
        self._finish(
            email_id,
            status=EmailStatus.SENT,
            sent_at=self._clock.now(),
            provider_reference=reference,
            last_error=None,
        )
        return True

    def _claim(self, email_id: int) -> EmailRow | None:
        with self._session_factory() as session, session.begin():
            claimed = session.execute(
                update(EmailRow)
                .where(EmailRow.id == email_id, EmailRow.status == EmailStatus.PENDING)
                .values(status=EmailStatus.SENDING, attempts=EmailRow.attempts + 1)
            )
            if claimed.rowcount != 1:  # type: ignore[attr-defined]
                return None
            return session.get(EmailRow, email_id)

    def _finish(self, email_id: int, **values: object) -> None:
        with self._session_factory() as session, session.begin():
            session.execute(update(EmailRow).where(EmailRow.id == email_id).values(**values))
