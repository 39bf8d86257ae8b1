"""A school's ECTs and mentors as its home page lists them, a page of each list in one SQL
query (participants-and-schools §2.3), as view records."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Row, Select
from sqlalchemy.orm import Session

from ecf2.adapters.db.queries.listing import Page
from ecf2.adapters.db.queries.school_statements import (
    ect_list,
    mentor_list,
    one_ect,
    one_mentor,
)
from ecf2.adapters.db.queries.school_views import (
    EctAtSchool,
    MentorAtSchool,
    PeopleOnPage,
    PersonLink,
    Training,
)
from ecf2.domain.participants.rules import teacher_display_name

__all__ = [
    "EctAtSchool",
    "MentorAtSchool",
    "PeopleOnPage",
    "PersonLink",
    "SqlSchoolHomeReads",
    "Training",
]


def _name_of(row: Row[Any], prefix: str) -> str:
    values = row._mapping
    parts = [values[f"{prefix}_{part}"] for part in ("corrected_name", "first_name", "last_name")]
    return teacher_display_name(*parts)


def _training(row: Row[Any]) -> Training:
    values = row._mapping
    return Training(
        programme=values["programme"],
        lead_provider=values["lead_provider"],
        delivery_partner=values["delivery_partner"],
        awaiting_confirmation=bool(values["awaiting_confirmation"]),
    )


def _ect_from_row(row: Row[Any]) -> EctAtSchool:
    values = row._mapping
    mentor_api_id = values["mentor_api_id"]
    return EctAtSchool(
        api_id=values["api_id"],
        name=_name_of(row, "teacher"),
        trn=values["trn"],
        email=values["email"],
        working_pattern=values["working_pattern"],
        started_on=values["started_on"],
        finished_on=values["finished_on"],
        leaving=bool(values["leaving"]),
        training=_training(row),
        mentor=None
        if mentor_api_id is None
        else PersonLink(mentor_api_id, _name_of(row, "mentor")),
        appropriate_body=values["appropriate_body"],
        trs_induction_status=values["trs_induction_status"],
        trs_induction_start_date=values["trs_induction_start_date"],
        has_open_induction_period=bool(values["has_open_induction_period"]),
    )


def _mentors_from_rows(rows: list[Row[Any]]) -> list[MentorAtSchool]:
    placements: dict[int, list[Row[Any]]] = {}
    for row in rows:
        placements.setdefault(row._mapping["placement_id"], []).append(row)
    return [_mentor_from_rows(group) for group in placements.values()]


def _mentor_from_rows(rows: list[Row[Any]]) -> MentorAtSchool:
    first, values = rows[0], rows[0]._mapping
    mentees = tuple(
        PersonLink(row._mapping["mentee_api_id"], _name_of(row, "mentee"))
        for row in rows
        if row._mapping["mentee_api_id"] is not None
    )
    return MentorAtSchool(
        api_id=values["api_id"],
        name=_name_of(first, "teacher"),
        trn=values["trn"],
        email=values["email"],
        started_on=values["started_on"],
        finished_on=values["finished_on"],
        leaving=bool(values["leaving"]),
        training=_training(first),
        mentees=mentees,
    )


def _total(rows: list[Row[Any]]) -> int:
    return rows[0]._mapping["total"] if rows else 0


class SqlSchoolHomeReads:
    """Each read is one query in a short session of its own."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def _rows(self, statement: Select[Any], **parameters: Any) -> list[Row[Any]]:
        with self._session_factory() as session:
            return list(session.execute(statement, parameters))

    def ects(self, school_id: int, today: date, page: Page) -> PeopleOnPage[EctAtSchool]:
        """A page of the school's ECTs; a page past the end is empty, with a total of 0."""
        rows = self._rows(ect_list(), **_at(school_id, today), **_window(page))
        return PeopleOnPage([_ect_from_row(row) for row in rows], _total(rows))

    def ect(self, school_id: int, api_id: uuid.UUID, today: date) -> EctAtSchool | None:
        rows = self._rows(one_ect(), **_at(school_id, today), teacher_api_id=api_id)
        return _ect_from_row(rows[0]) if rows else None

    def mentors(
        self, school_id: int, today: date, page: Page | None = None
    ) -> PeopleOnPage[MentorAtSchool]:
        """A page of the school's mentors (all of them without a page); a page past the end
        is empty, with a total of 0."""
        window = {} if page is None else _window(page)
        rows = self._rows(mentor_list(page is None), **_at(school_id, today), **window)
        return PeopleOnPage(_mentors_from_rows(rows), _total(rows))

    def mentor(self, school_id: int, api_id: uuid.UUID, today: date) -> MentorAtSchool | None:
        rows = self._rows(one_mentor(), **_at(school_id, today), teacher_api_id=api_id)
        found = _mentors_from_rows(rows)
        return found[0] if found else None


def _at(school_id: int, today: date) -> dict[str, Any]:
    return {"school_id": school_id, "today": today}


def _window(page: Page) -> dict[str, int]:
    return {"limit": page.size, "offset": page.offset}
