"""Which of a school's placements its lists show (participants-and-schools §2.3: current
or still to come), in name order, a page at a time; and the current or next period linked
to each of them. The lists' statements are built once, with the parameters below, and
reused: building one took longer than PostgreSQL takes to run it."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    Subquery,
    bindparam,
    func,
    or_,
    select,
)
from sqlalchemy.orm import aliased

from ecf2.adapters.db.participants_teacher_rows import TeacherRow
from ecf2.domain.participants.rules import UNKNOWN_NAME

SCHOOL_ID: BindParameter[int] = bindparam("school_id", type_=Integer)
TODAY: BindParameter[date] = bindparam("today", type_=Date)
TEACHER_API_ID: BindParameter[Any] = bindparam("teacher_api_id", type_=TeacherRow.api_id.type)
LIMIT: BindParameter[int] = bindparam("limit", type_=Integer)
OFFSET: BindParameter[int] = bindparam("offset", type_=Integer)


def current_or_future(period: Any, today: ColumnElement[date]) -> ColumnElement[bool]:
    """Contains today or starts after it: with closed ranges, not finished before today."""
    return or_(period.finished_on.is_(None), period.finished_on >= today)


def _trimmed(column: Any, *blanks: str) -> ColumnElement[str | None]:
    trimmed: ColumnElement[Any] = func.trim(column)
    for blank in blanks:
        trimmed = func.nullif(trimmed, blank, type_=String)
    return trimmed


def sort_name(teacher: Any) -> ColumnElement[str]:
    """The name `teacher_display_name` shows, in lower case: the corrected name, else the
    TRS names without blank or "." parts, else "Unknown"."""
    first = func.coalesce(_trimmed(teacher.trs_first_name, "", ".") + " ", "")
    trs_name = func.trim(first + func.coalesce(_trimmed(teacher.trs_last_name, "", "."), ""))
    shown = func.coalesce(
        _trimmed(teacher.corrected_name, ""), func.nullif(trs_name, ""), UNKNOWN_NAME
    )
    return func.lower(shown)


def seen_placements(row_class: Any, one_teacher: bool = False) -> Select[Any]:
    """The ids of the school's placements of this kind that are current or still to come
    (only TEACHER_API_ID's when `one_teacher`), in order of the teacher's name. Each name
    is a subquery by primary key: joined, PostgreSQL would read every teacher."""
    placement, teacher = aliased(row_class), aliased(TeacherRow)
    name = select(sort_name(teacher)).where(teacher.id == placement.teacher_id)
    statement = (
        select(placement.id)
        .where(placement.school_id == SCHOOL_ID, current_or_future(placement, TODAY))
        .order_by(name.scalar_subquery(), placement.started_on, placement.id)
    )
    if not one_teacher:
        return statement
    teacher_id = select(teacher.id).where(teacher.api_id == TEACHER_API_ID).scalar_subquery()
    return statement.where(placement.teacher_id == teacher_id)


def how_many(placements: Select[Any]) -> ColumnElement[int]:
    """How many placements the whole list holds, as a column of each row of its page."""
    counted = select(func.count()).select_from(placements.order_by(None).subquery())
    return counted.scalar_subquery().label("total")


def current_or_next(row_class: Any, placement: str, placements: Select[Any]) -> Subquery:
    """For each of the placements, the id of its earliest-starting linked period that is
    current or still to come: ranked over these placements only, so that PostgreSQL reads
    their periods by index rather than every period in the table."""
    inner = aliased(row_class)
    link = getattr(inner, placement)
    rank = func.row_number().over(partition_by=link, order_by=(inner.started_on, inner.id))
    ranked = (
        select(inner.id, link.label("placement_id"), rank.label("rank"))
        .where(link.in_(placements), current_or_future(inner, TODAY))
        .subquery()
    )
    return select(ranked.c.id, ranked.c.placement_id).where(ranked.c.rank == 1).subquery()
