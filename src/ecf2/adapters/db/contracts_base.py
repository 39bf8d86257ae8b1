"""What the contracts context's repositories share: loading whole aggregates, adding
them, and saving them with a version check."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, ClassVar

from sqlalchemy import Select, inspect, select
from sqlalchemy.orm.interfaces import LoaderOption

from ecf2.adapters.db import contracts_mappers as mappers
from ecf2.adapters.db.repository import SqlRepository, bump_version, check_version
from ecf2.domain.shared.errors import NotFound


def checked(entity: Any, row: Any) -> Any:
    """A stored row whose version the entity was read at; its version will move even if
    only children change. A row added in this unit of work is not stored yet."""
    if not inspect(row).persistent:
        return row
    check_version(entity, row)
    bump_version(row)
    return row


class AggregateRepository(SqlRepository):
    """Loading, adding and saving one kind of aggregate root with an integer id."""

    row_class: ClassVar[type[Any]]
    what: ClassVar[str]
    fields: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[tuple[LoaderOption, ...]] = ()
    from_row: ClassVar[Callable[[Any], Any]]

    def get(self, id: int) -> Any:
        row = self._session.get(self.row_class, id, options=self.options)
        if row is None:
            raise NotFound(f"There is no {self.what} with id {id}")
        return self._load(row)

    def add(self, entity: Any) -> None:
        row = self.row_class()
        self._write(entity, row)
        self._session.add(row)

    def save(self, entity: Any) -> None:
        row = self._paired_row(entity)
        if row is None and entity.id is None:
            self.add(entity)
            return
        if row is None:
            row = self._session.get(self.row_class, entity.id, options=self.options)
        if row is None:
            raise NotFound(f"There is no {self.what} with id {entity.id}")
        self._write(entity, checked(entity, row))

    def _write(self, entity: Any, row: Any) -> None:
        for child, child_row in self._apply(entity, row):
            self._pair(child, child_row)
        self._pair(entity, row)
        self._seen(entity)

    def _apply(self, entity: Any, row: Any) -> mappers.Pairs:
        mappers.copy_fields(entity, row, self.fields)
        return []

    def _children(self, entity: Any, row: Any) -> mappers.Pairs:
        return []

    def _load(self, row: Any) -> Any:
        entity = type(self).from_row(row)
        for child, child_row in self._children(entity, row):
            self._pair(child, child_row)
        self._pair(entity, row)
        return self._seen(entity)

    def _select(self) -> Select[Any]:
        return select(self.row_class).options(*self.options)

    def _first(self, statement: Select[Any]) -> Any | None:
        row = self._session.scalars(statement).first()
        return None if row is None else self._load(row)

    def _all(self, statement: Select[Any]) -> list[Any]:
        return [self._load(row) for row in self._session.scalars(statement)]

    def _by_api_id(self, api_id: uuid.UUID) -> Any:
        found = self._first(self._select().where(self.row_class.api_id == api_id))
        if found is None:
            raise NotFound(f"There is no {self.what} with id {api_id}")
        return found
