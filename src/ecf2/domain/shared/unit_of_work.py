"""The unit of work every application service opens: one use case, one commit."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from ecf2.domain.shared.events import DomainEvent


class UnitOfWork(Protocol):
    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None:
        """Write every change and every recorded event in one transaction."""
        ...

    def rollback(self) -> None: ...

    def record(self, event: DomainEvent) -> None:
        """Record an event to be written with the next commit."""
        ...
