"""The SQLAlchemy unit of work: one session, one explicit commit (STYLE.md §3.3)."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ecf2.adapters.db.constraints import refusal_for
from ecf2.adapters.db.events import EventRow, event_values
from ecf2.adapters.db.participants_api_stamps import stamp_api_changes
from ecf2.adapters.db.registry import repository_classes
from ecf2.adapters.db.repository import SqlRepository
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import ConcurrentUpdate
from ecf2.domain.shared.events import DomainEvent


class SqlAlchemyUnitOfWork:
    """Satisfies every context's UnitOfWork protocol; repositories are attributes
    named as each context's ports name them (`uow.teachers`, `uow.statements`, ...)."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        clock: Clock,
        deliver_emails: Callable[[list[int]], None] | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        # Given the outbox ids of the emails a use case queued, once it has committed.
        self._deliver_emails = deliver_emails
        self.committed_events: list[DomainEvent] = []

    def __enter__(self) -> Self:
        self.session = self._session_factory()
        stamp_api_changes(self.session, self._clock)
        self._repositories: dict[str, SqlRepository] = {
            name: cls(self.session) for name, cls in repository_classes().items()
        }
        self._recorded: list[DomainEvent] = []
        self._committed = False
        return self

    def __getattr__(self, name: str) -> Any:
        repositories = self.__dict__.get("_repositories")
        if repositories is None or name not in repositories:
            raise AttributeError(name)
        return repositories[name]

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._committed:
            self.session.rollback()
        self.session.close()

    def record(self, event: DomainEvent) -> None:
        self._recorded.append(event)

    def commit(self) -> None:
        try:
            self._flush_and_write_events()
            self.session.commit()
        except StaleDataError as error:
            self.session.rollback()
            raise ConcurrentUpdate(
                "This record was changed by someone else while you were working on it"
            ) from error
        except IntegrityError as error:
            self.session.rollback()
            raise refusal_for(error) from error
        self._committed = True
        self._hand_over_emails()

    def rollback(self) -> None:
        self.session.rollback()

    def _hand_over_emails(self) -> None:
        email_ids = self._repositories["emails"].queued_ids()  # type: ignore[attr-defined]
        if email_ids and self._deliver_emails is not None:
            self._deliver_emails(email_ids)

    def _flush_and_write_events(self) -> None:
        self.session.flush()
        for repository in self._repositories.values():
            repository.write_back_ids()
        events = [*self._recorded]
        for repository in self._repositories.values():
            events.extend(repository.collect_events())
        now = self._clock.now()
        if events:
            # One INSERT for them all, past the ORM: nothing reads the rows back.
            rows = [event_values(event, created_at=now) for event in events]
            self.session.execute(insert(EventRow.__table__), rows)
        self.committed_events = events
