"""The words and tags of a teacher's pages in the DfE staff console."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ecf2.adapters.db.queries.admin_teacher_views import (
    InductionHistory,
    SchoolRole,
    TeacherRecord,
)
from ecf2.entrypoints.web.finance.statement_view import long_date
from ecf2.entrypoints.web.induction_status import Tag, induction_status_badge
from ecf2.entrypoints.web.schools.tags import PROGRAMMES

ROLES = {"ect": "ECT", "mentor": "Mentor"}
OUTCOMES = {"pass": Tag("Passed", "green"), "fail": Tag("Failed", "red")}
WITHDRAWN, DEFERRED = Tag("Withdrawn", "red"), Tag("Deferred", "yellow")


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return long_date(value.date() if isinstance(value, datetime) else value)


def words(value: str | None) -> str:
    """An enum value such as "left_teaching_profession" as "Left teaching profession"."""
    return (value or "").replace("_", " ").capitalize()


def dates(started_on: date, finished_on: date | None) -> str:
    return f"{day(started_on)} to {day(finished_on) if finished_on else 'now'}"


def at_school(placement: SchoolRole, today: date) -> str:
    """ "ECT at Ashdown Primary School", with when a placement still to come starts."""
    text = f"{ROLES[placement.role]} at {placement.school}"
    return f"{text} (from {day(placement.started_on)})" if placement.started_on > today else text


def induction_badge(teacher: TeacherRecord) -> Tag:
    open_period = any(induction.finished_on is None for induction in teacher.inductions)
    return induction_status_badge(teacher.trs_induction_status, open_period)


def outcome(induction: InductionHistory) -> list[Tag]:
    return [OUTCOMES[induction.outcome]] if induction.outcome else []


def terms(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


HELPERS = {
    "roles": ROLES,
    "programmes": PROGRAMMES,
    "day": day,
    "words": words,
    "dates": dates,
    "at_school": at_school,
    "withdrawn": WITHDRAWN,
    "deferred": DEFERRED,
    "induction_badge": induction_badge,
    "outcome": outcome,
    "terms": terms,
}
