"""Bulk inserts through the tables the row classes declare, so the benchmark data keeps in
step with the schema: many rows a statement, ids handed back in the order given."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, insert

from ecf2.adapters.db.metadata import metadata

BATCH = 5000


def _batches(rows: Sequence[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Every row of a batch names the same columns (a row may leave out one it has no value
    for), as one multi-row INSERT needs."""
    names = set().union(*rows) if rows else set()
    for start in range(0, len(rows), BATCH):
        yield [dict.fromkeys(names) | row for row in rows[start : start + BATCH]]


def insert_rows(connection: Connection, table: str, rows: Sequence[dict[str, Any]]) -> None:
    for batch in _batches(rows):
        connection.execute(insert(metadata.tables[table]), batch)


def insert_ids(connection: Connection, table: str, rows: Sequence[dict[str, Any]]) -> list[int]:
    """The new rows' ids, in the order of `rows`."""
    target = metadata.tables[table]
    statement = insert(target).returning(target.c.id, sort_by_parameter_order=True)
    ids: list[int] = []
    for batch in _batches(rows):
        ids += connection.execute(statement, batch).scalars().all()
    return ids


def insert_one(connection: Connection, table: str, **values: Any) -> Any:
    return connection.execute(insert(metadata.tables[table]).values(**values)).inserted_primary_key[
        0
    ]
