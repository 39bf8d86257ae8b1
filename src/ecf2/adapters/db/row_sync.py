"""Copying domain objects onto rows: fields that changed, and child lists kept by id."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ecf2.adapters.db.repository import SqlRepository, field_values
from ecf2.domain.shared.errors import ConcurrentUpdate


class PairingRepository(SqlRepository):
    """A repository that can find the row it already gave an entity in this unit of work,
    even before the flush that gives the entity its id."""

    def _row_of(self, entity: Any, row_class: Any) -> Any:
        row = self._paired_row(entity)
        if row is None and entity.id is not None:
            row = self._session.get(row_class, entity.id)
        return row


def copy_values(row: Any, values: Mapping[str, Any]) -> bool:
    """Set the values that differ from the row's; returns whether anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def copy_changed_fields(row: Any, entity: Any, fields: Sequence[str]) -> bool:
    """Copy the entity's fields that differ onto the row; returns whether any did."""
    return copy_values(row, field_values(entity, fields))


def sync_children(
    rows: list[Any],
    entities: Sequence[Any],
    make_row: Callable[[], Any],
    fields: Sequence[str],
    pair: Callable[[Any, Any], Any],
) -> bool:
    """Make `rows` (a relationship list) store `entities`: update rows by id, add a row for
    each new entity, drop rows whose entity is gone. Returns whether anything changed."""
    by_id = {row.id: row for row in rows}
    kept: list[Any] = []
    changed = False
    for entity in entities:
        is_new = entity.id is None
        row = _row_for(entity, by_id, make_row, rows)
        copied = copy_changed_fields(row, entity, fields)
        changed = changed or is_new or copied
        kept.append(pair(entity, row))
    for row in [row for row in rows if not any(row is mine for mine in kept)]:
        rows.remove(row)
        changed = True
    return changed


def _row_for(
    entity: Any, by_id: dict[int, Any], make_row: Callable[[], Any], rows: list[Any]
) -> Any:
    if entity.id is None:
        row = make_row()
        rows.append(row)
        return row
    if entity.id not in by_id:
        raise ConcurrentUpdate("Part of this record was removed by someone else")
    return by_id[entity.id]
