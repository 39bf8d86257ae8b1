"""What every read model's list shares: one page of rows, in a requested order, from one
SQL query run in a short-lived session (lead-provider-api-v3 §1.4-§1.6)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs
from sqlalchemy import ColumnElement, Row, Select, false, true
from sqlalchemy.orm import Session

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 3000
# Far beyond any list's length, yet within the 64-bit integer SQL takes for OFFSET: a page
# number further than this is past the end like any other, not a database error.
MAX_OFFSET = 2**62


@attrs.frozen
class Page:
    """Countless pagination: a page past the end is simply empty."""

    number: int = 1
    size: int = DEFAULT_PAGE_SIZE

    @property
    def offset(self) -> int:
        return min((self.number - 1) * self.size, MAX_OFFSET)


@attrs.frozen
class SortKey:
    name: str
    descending: bool = False


Sort = Sequence[SortKey]
Sortable = Mapping[str, ColumnElement[Any]]


def ordered(
    statement: Select[Any], sort: Sort, columns: Sortable, tiebreak: ColumnElement[Any]
) -> Select[Any]:
    """Unknown keys are ignored; with none left the list runs oldest first (§1.6). The
    tiebreak keeps pages stable when timestamps are equal."""
    keys = [
        columns[key.name].desc() if key.descending else columns[key.name].asc()
        for key in sort
        if key.name in columns
    ]
    return statement.order_by(*(keys or [columns["created_at"].asc()]), tiebreak.asc())


def paged(statement: Select[Any], page: Page) -> Select[Any]:
    return statement.limit(page.size).offset(page.offset)


def within(column: ColumnElement[Any], values: Collection[Any] | None) -> ColumnElement[bool]:
    """None: no filter. Empty: a filter none of whose values could match, so nothing."""
    if values is None:
        return true()
    if not values:
        return false()
    return column.in_(list(values))


def at_or_after(column: ColumnElement[Any], instant: datetime | None) -> ColumnElement[bool]:
    """`updated_since` includes the instant itself (§1.5)."""
    return true() if instant is None else column >= instant


class ReadModel:
    """A read model runs each query in its own short session and returns view records."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def _rows(
        self, statement: Select[Any], params: Mapping[str, Any] | None = None
    ) -> list[Row[Any]]:
        with self._session_factory() as session:
            return list(session.execute(statement, params))

    def _row(self, statement: Select[Any]) -> Row[Any] | None:
        rows = self._rows(statement.limit(1))
        return rows[0] if rows else None
