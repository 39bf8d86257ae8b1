"""What every SQL repository shares: pairing domain objects with their rows.

A repository copies each domain object onto a row; after the unit of work flushes, the
ids (and versions) the database assigned are written back onto the domain objects, so
events recorded against new entities can name them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from ecf2.domain.shared.errors import ConcurrentUpdate
from ecf2.domain.shared.events import DomainEvent


class SqlRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._pairs: list[tuple[Any, Any]] = []
        self._roots: list[Any] = []

    def _pair(self, entity: Any, row: Any) -> Any:
        """Remember that `row` stores `entity`; returns the row for chaining."""
        self._pairs.append((entity, row))
        return row

    def _paired_row(self, entity: Any) -> Any | None:
        """The row this unit of work already gave the entity, even before a flush."""
        return next((row for mine, row in reversed(self._pairs) if mine is entity), None)

    def _seen(self, root: Any) -> Any:
        """Remember an aggregate root this unit of work loaded or saved."""
        if not any(root is seen for seen in self._roots):
            self._roots.append(root)
        return root

    def write_back_ids(self) -> None:
        for entity, row in self._pairs:
            entity.id = row.id
            if hasattr(entity, "version") and hasattr(row, "version"):
                entity.version = row.version

    def collect_events(self) -> Iterator[DomainEvent]:
        for root in self._roots:
            pending = getattr(root, "pending_events", None)
            while pending:
                yield pending.pop(0)


def bump_version(row: Any) -> None:
    """Make the root row's version move even when only its children changed, so that a
    concurrent writer of the same aggregate loses with ConcurrentUpdate."""
    mapper = inspect(row).mapper
    version = mapper.version_id_col
    key = next(
        attribute.key
        for attribute in mapper.column_attrs
        if attribute.columns[0] is not version and not attribute.columns[0].primary_key
    )
    flag_modified(row, key)


def field_values(source: Any, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(source, name) for name in names}


def copy_fields(source: Any, target: Any, names: Iterable[str]) -> None:
    for name in names:
        setattr(target, name, getattr(source, name))


def check_version(entity: Any, row: Any) -> None:
    """Refuse to save an aggregate read at an older version than the stored one."""
    if row.version is not None and row.version != entity.version:
        raise ConcurrentUpdate(
            "This record was changed by someone else while you were working on it"
        )
