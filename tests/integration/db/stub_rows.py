"""Rows that other contexts own, inserted only so that foreign keys hold: every required
column gets a plain value, and every required parent is inserted first."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from attrs import frozen
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Enum,
    Integer,
    Numeric,
    String,
    Uuid,
    insert,
)

from ecf2.adapters.db.metadata import metadata
from ecf2.domain.participants.rules import GIAS_ESTABLISHMENT_TYPES

_counter = itertools.count(1)


@frozen
class Parent:
    """Insert a stub row into this table and use its key."""

    table_name: str


# Values that satisfy other contexts' check constraints; parents named by their table.
_KNOWN: dict[str, dict[str, Any]] = {
    "teachers": {"trnless": False, "trn": lambda: str(1_000_000 + next(_counter))},
    "gias_schools": {"type_name": sorted(GIAS_ESTABLISHMENT_TYPES)[0]},
    "training_periods": {
        "role": "ect",
        "training_programme": "school_led",
        "ect_at_school_period_id": Parent("ect_at_school_periods"),
    },
    "contracts": {"contract_type": "ecf", "vat_rate": Decimal("0.2")},
}


def insert_stub(connection: Connection, table_name: str, **values: Any) -> Any:
    """Insert a row into `table_name` and return its primary key."""
    table = metadata.tables[table_name]
    row = _KNOWN.get(table_name, {}) | values
    for column in table.columns:
        if callable(row.get(column.name)) and not isinstance(row[column.name], Parent):
            row[column.name] = row[column.name]()
        if isinstance(row.get(column.name), Parent):
            row[column.name] = insert_stub(connection, row[column.name].table_name)
        elif column.name not in row and _needs_value(column):
            row[column.name] = _value_for(connection, column)
    result = connection.execute(insert(table).values(**row))
    return result.inserted_primary_key[0]


def _needs_value(column: Column[Any]) -> bool:
    if column.primary_key:
        return not isinstance(column.type, Integer) or column.autoincrement is False
    has_default = column.default is not None or column.server_default is not None
    return not column.nullable and not has_default


def _value_for(connection: Connection, column: Column[Any]) -> Any:
    if column.foreign_keys:
        foreign_key = next(iter(column.foreign_keys))
        return insert_stub(connection, foreign_key.column.table.name)
    return _plain_value(column)


def _plain_value(column: Column[Any]) -> Any:
    number = next(_counter)
    kind = column.type
    if column.name in ("trn", "urn"):
        return str(1_000_000 + number)
    if column.name == "year":
        return 2020 + number
    simple: list[tuple[type, Any]] = [
        (Enum, lambda: kind.enums[0]),  # type: ignore[attr-defined]
        (Uuid, uuid.uuid4),
        (Boolean, lambda: False),
        (DateTime, lambda: datetime(2024, 9, 1, tzinfo=UTC)),
        (Date, lambda: date(2024, 9, 1)),
        (Numeric, lambda: Decimal(0)),
        (Integer, lambda: number),
        (JSON, dict),
        (String, lambda: f"{column.name}-{number}"[: kind.length or 255]),  # type: ignore[attr-defined]
    ]
    implementation = getattr(kind, "impl_instance", kind)
    return next(make() for type_, make in simple if isinstance(implementation, type_))
