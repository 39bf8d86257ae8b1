"""Finding a teacher in the DfE staff console: by TRN, by one of their API ids, or by any
part of their name, one page of teachers and their schools in one SQL query
(inductions-trs-sign-in-admin (d.1) "Teachers")."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, literal, or_, select, union_all

from ecf2.adapters.db.participants_school_rows import GiasSchoolRow, SchoolRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    TeacherRow,
)
from ecf2.adapters.db.queries.admin_teacher_views import SchoolRole, TeacherFound
from ecf2.adapters.db.queries.listing import Page
from ecf2.domain.participants.rules import teacher_display_name
from ecf2.domain.participants.values import TrainingRole

T = TeacherRow
_TRN = re.compile(r"\d{7}")
_LIKE_ESCAPE = "\\"


def _api_id(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _name_contains(text: str) -> ColumnElement[bool]:
    """Any part of the corrected name or of the name TRS holds, whatever its case."""
    escaped = re.sub(r"([\\%_])", r"\\\1", " ".join(text.lower().split()))
    pattern = f"%{escaped}%"
    trs_name = func.coalesce(T.trs_first_name, "") + " " + func.coalesce(T.trs_last_name, "")
    return or_(
        func.lower(T.corrected_name).like(pattern, escape=_LIKE_ESCAPE),
        func.lower(trs_name).like(pattern, escape=_LIKE_ESCAPE),
    )


def matching(text: str) -> ColumnElement[bool]:
    """Seven digits are a TRN; a UUID is one of the teacher's API ids; anything else is
    part of a name (d.1)."""
    text = text.strip()
    if _TRN.fullmatch(text):
        return T.trn == text
    api_id = _api_id(text)
    if api_id is not None:
        return or_(
            T.api_id == api_id,
            T.api_ect_training_record_id == api_id,
            T.api_mentor_training_record_id == api_id,
        )
    return _name_contains(text)


def _sort_name() -> ColumnElement[Any]:
    shown = func.coalesce(T.corrected_name, T.trs_first_name + " " + T.trs_last_name)
    return func.lower(shown)


def _placements(role: TrainingRole, row: Any, teachers: Any, today: date) -> Select[Any]:
    """Placements that are current or still to come, as the school home lists them."""
    return select(
        row.teacher_id,
        literal(role.value).label("role"),
        row.school_id,
        row.started_on,
        row.finished_on,
    ).where(
        row.teacher_id.in_(select(teachers.c.id)),
        or_(row.finished_on.is_(None), row.finished_on >= today),
    )


def search_statement(text: str, page: Page, today: date) -> Select[Any]:
    teachers = (
        select(T.id, _sort_name().label("sort_name"), func.count().over().label("total"))
        .where(matching(text))
        .order_by(_sort_name(), T.id)
        .limit(page.size)
        .offset(page.offset)
        .cte("teachers_on_page")
    )
    placements = union_all(
        _placements(TrainingRole.ECT, ECTAtSchoolPeriodRow, teachers, today),
        _placements(TrainingRole.MENTOR, MentorAtSchoolPeriodRow, teachers, today),
    ).subquery("placements")
    return (
        select(
            T.api_id,
            T.corrected_name,
            T.trs_first_name,
            T.trs_last_name,
            T.trn,
            teachers.c.total,
            placements.c.role,
            placements.c.started_on,
            placements.c.finished_on,
            GiasSchoolRow.name.label("school"),
            SchoolRow.urn,
        )
        .select_from(teachers)
        .join(T, T.id == teachers.c.id)
        .outerjoin(placements, placements.c.teacher_id == T.id)
        .outerjoin(SchoolRow, SchoolRow.id == placements.c.school_id)
        .outerjoin(GiasSchoolRow, GiasSchoolRow.urn == SchoolRow.urn)
        .order_by(teachers.c.sort_name, T.id, placements.c.started_on, placements.c.role)
    )


def teachers_from_rows(rows: list[Row[Any]]) -> tuple[TeacherFound, ...]:
    grouped: dict[uuid.UUID, list[Row[Any]]] = {}
    for row in rows:
        grouped.setdefault(row.api_id, []).append(row)
    return tuple(_teacher(group) for group in grouped.values())


def _teacher(rows: list[Row[Any]]) -> TeacherFound:
    first = rows[0]
    schools = tuple(
        SchoolRole(TrainingRole(row.role), row.school, row.urn, row.started_on, row.finished_on)
        for row in rows
        if row.role is not None
    )
    name = teacher_display_name(first.corrected_name, first.trs_first_name, first.trs_last_name)
    return TeacherFound(first.api_id, name, first.trn, schools)
