"""Who a signed-in user acts for: their school (and whether it may use the service), their
appropriate body, or their DfE staff account (inductions-trs-sign-in-admin (c.2), (c.3))."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import attrs
from sqlalchemy import ColumnElement, Row, Select, exists, or_, select
from sqlalchemy.orm import Session

from ecf2.adapters.db.inductions_rows import AppropriateBodyRow
from ecf2.adapters.db.participants_school_rows import GiasSchoolRow, SchoolRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.staff import DfeStaffUserRow
from ecf2.domain.participants.sign_in import SchoolAccess

TP = TrainingPeriodRow


@attrs.frozen
class Organisation:
    id: int
    name: str


@attrs.frozen
class StaffAccount:
    id: int
    name: str
    email: str
    role: str


def _unfinished_training_at_school() -> ColumnElement[bool]:
    """Some ECT's or mentor's training at the school has no finish date (§1.6)."""
    ect, mentor = ECTAtSchoolPeriodRow, MentorAtSchoolPeriodRow
    unfinished = TP.finished_on.is_(None)
    return or_(
        exists(
            select(TP.id)
            .join(ect, ect.id == TP.ect_at_school_period_id)
            .where(ect.school_id == SchoolRow.id, unfinished)
        ),
        exists(
            select(TP.id)
            .join(mentor, mentor.id == TP.mentor_at_school_period_id)
            .where(mentor.school_id == SchoolRow.id, unfinished)
        ),
    )


def school_access_query(urn: str) -> Select[Any]:
    """The school with this URN as GIAS knows it, and its id here if it has one."""
    gias = GiasSchoolRow
    return (
        select(
            gias.urn,
            gias.name,
            gias.status,
            gias.type_name,
            gias.section_41_approved,
            SchoolRow.id,
            _unfinished_training_at_school(),
        )
        .outerjoin(SchoolRow, SchoolRow.urn == gias.urn)
        .where(gias.urn == urn)
        .limit(1)
    )


def school_access_from(found: Row[Any]) -> SchoolAccess:
    urn, name, status, type_name, s41, school_id, unfinished = found[:7]
    return SchoolAccess(
        urn=urn,
        name=name,
        gias_status=status,
        type_name=type_name,
        section_41_approved=s41,
        has_unfinished_training=bool(unfinished),
        school_id=school_id,
    )


class SqlSignInReads:
    """Each look-up is one query in a short session of its own."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def _row(self, statement: Select[Any]) -> Row[Any] | None:
        with self._session_factory() as session:
            return session.execute(statement.limit(1)).first()

    def school_access(self, urn: str) -> SchoolAccess | None:
        found = self._row(school_access_query(urn))
        return None if found is None else school_access_from(found)

    def appropriate_body_named(self, name: str) -> Organisation | None:
        body = AppropriateBodyRow
        found = self._row(select(body.id, body.name).where(body.name == name))
        return None if found is None else Organisation(found.id, found.name)

    def appropriate_body(self, appropriate_body_id: int) -> Organisation | None:
        body = AppropriateBodyRow
        found = self._row(select(body.id, body.name).where(body.id == appropriate_body_id))
        return None if found is None else Organisation(found.id, found.name)

    def appropriate_body_for_dsi_organisation(
        self, organisation_id: uuid.UUID | None
    ) -> Organisation | None:
        """The appropriate body whose DfE Sign-in organisation this is (c.2)."""
        if organisation_id is None:
            return None
        body = AppropriateBodyRow
        found = self._row(
            select(body.id, body.name).where(body.dfe_sign_in_organisation_id == organisation_id)
        )
        return None if found is None else Organisation(found.id, found.name)

    def staff_account(self, email: str) -> StaffAccount | None:
        user = DfeStaffUserRow
        found = self._row(
            select(user.id, user.name, user.email, user.role).where(user.email == email.lower())
        )
        return None if found is None else StaffAccount(*found)
