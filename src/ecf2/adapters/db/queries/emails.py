"""The email outbox as people read it: the demo, `ecf2 emails list` and tests (e.2)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import attrs
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecf2.adapters.db.emails import EmailRow
from ecf2.domain.shared.emails import Email


@attrs.frozen
class OutboxEmail:
    id: int
    email: Email
    status: str
    queued_at: datetime
    attempts: int
    sent_at: datetime | None
    provider_reference: str | None
    last_error: str | None


class SqlEmailOutboxReads:
    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def newest(self, count: int = 20, to: str | None = None) -> list[OutboxEmail]:
        """Newest first; only those to `to` when it is given."""
        statement = select(EmailRow).order_by(EmailRow.id.desc()).limit(count)
        if to is not None:
            statement = statement.where(EmailRow.email_address == to)
        with self._session_factory() as session:
            return [_view(row) for row in session.scalars(statement)]


def _view(row: EmailRow) -> OutboxEmail:
    return OutboxEmail(
        id=row.id,
        email=row.email(),
        status=str(row.status),
        queued_at=row.queued_at,
        attempts=row.attempts,
        sent_at=row.sent_at,
        provider_reference=row.provider_reference,
        last_error=row.last_error,
    )
