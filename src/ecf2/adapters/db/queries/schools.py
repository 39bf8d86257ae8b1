"""A school's ECTs and mentors as its home page lists them, each list one SQL query
(participants-and-schools §2.3: placements that are current or still to come; training and
mentor are each the current or next one)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, Subquery, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    LeadProviderRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.inductions_rows import AppropriateBodyRow, InductionPeriodRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    MentorshipPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.queries.school_views import (
    EctAtSchool,
    MentorAtSchool,
    PersonLink,
    Training,
)
from ecf2.domain.participants.rules import teacher_display_name

__all__ = ["EctAtSchool", "MentorAtSchool", "PersonLink", "SqlSchoolHomeReads", "Training"]

ECT, MENTOR, MENTORSHIP = ECTAtSchoolPeriodRow, MentorAtSchoolPeriodRow, MentorshipPeriodRow
TP, SP, LPDP = TrainingPeriodRow, SchoolPartnershipRow, LeadProviderDeliveryPartnershipRow


def _current_or_future(period: Any, today: date) -> ColumnElement[bool]:
    """Contains today or starts after it: with closed ranges, not finished before today."""
    return or_(period.finished_on.is_(None), period.finished_on >= today)


def _current_or_next(
    row_class: Any, placement: str, placements: Select[Any], today: date
) -> Subquery:
    """For each of the placements, the id of its earliest-starting linked period that is
    current or still to come: ranked over these placements only, so that PostgreSQL reads
    their periods by index rather than every period in the table."""
    inner = aliased(row_class)
    link = getattr(inner, placement)
    rank = func.row_number().over(partition_by=link, order_by=(inner.started_on, inner.id))
    ranked = (
        select(inner.id, link.label("placement_id"), rank.label("rank"))
        .where(link.in_(placements), _current_or_future(inner, today))
        .subquery()
    )
    return select(ranked.c.id, ranked.c.placement_id).where(ranked.c.rank == 1).subquery()


def _name(teacher: Any, prefix: str) -> list[Any]:
    return [
        teacher.corrected_name.label(f"{prefix}_corrected_name"),
        teacher.trs_first_name.label(f"{prefix}_first_name"),
        teacher.trs_last_name.label(f"{prefix}_last_name"),
    ]


def _name_of(row: Row[Any], prefix: str) -> str:
    values = row._mapping
    parts = [values[f"{prefix}_{part}"] for part in ("corrected_name", "first_name", "last_name")]
    return teacher_display_name(*parts)


def _with_training(statement: Select[Any], first: Subquery, placement: Any) -> Select[Any]:
    """Join the training period and who delivers it: through the partnership when the lead
    provider has confirmed one, else through the expression of interest."""
    partnered_alp, interest_alp = aliased(ActiveLeadProviderRow), aliased(ActiveLeadProviderRow)
    partnered_lp, interest_lp = aliased(LeadProviderRow), aliased(LeadProviderRow)
    return (
        statement.add_columns(
            TP.training_programme.label("programme"),
            func.coalesce(partnered_lp.name, interest_lp.name).label("lead_provider"),
            DeliveryPartnerRow.name.label("delivery_partner"),
            and_(
                TP.school_partnership_id.is_(None), TP.expression_of_interest_id.is_not(None)
            ).label("awaiting_confirmation"),
        )
        .outerjoin(first, first.c.placement_id == placement.id)
        .outerjoin(TP, TP.id == first.c.id)
        .outerjoin(SP, SP.id == TP.school_partnership_id)
        .outerjoin(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
        .outerjoin(DeliveryPartnerRow, DeliveryPartnerRow.id == LPDP.delivery_partner_id)
        .outerjoin(partnered_alp, partnered_alp.id == LPDP.active_lead_provider_id)
        .outerjoin(partnered_lp, partnered_lp.id == partnered_alp.lead_provider_id)
        .outerjoin(interest_alp, interest_alp.id == TP.expression_of_interest_id)
        .outerjoin(interest_lp, interest_lp.id == interest_alp.lead_provider_id)
    )


def _training(row: Row[Any]) -> Training:
    values = row._mapping
    return Training(
        programme=values["programme"],
        lead_provider=values["lead_provider"],
        delivery_partner=values["delivery_partner"],
        awaiting_confirmation=bool(values["awaiting_confirmation"]),
    )


def _leaving(placement: Any, school_id: int) -> ColumnElement[bool]:
    """A finish date this school reported; every listed placement ends today or later."""
    return and_(
        placement.finished_on.is_not(None), placement.reported_leaving_by_school_id == school_id
    ).label("leaving")


def _ects(school_id: int, today: date) -> Select[Any]:
    mentor_placement, mentor = aliased(MENTOR), aliased(TeacherRow)
    placements = select(ECT.id).where(ECT.school_id == school_id)
    mentorship = _current_or_next(MENTORSHIP, "ect_at_school_period_id", placements, today)
    open_induction = exists(
        select(InductionPeriodRow.id).where(
            InductionPeriodRow.teacher_id == TeacherRow.id, InductionPeriodRow.finished_on.is_(None)
        )
    )
    statement = (
        select(
            TeacherRow.api_id,
            *_name(TeacherRow, "teacher"),
            TeacherRow.trn,
            ECT.email,
            ECT.working_pattern,
            ECT.started_on,
            ECT.finished_on,
            _leaving(ECT, school_id),
            mentor.api_id.label("mentor_api_id"),
            *_name(mentor, "mentor"),
            AppropriateBodyRow.name.label("appropriate_body"),
            TeacherRow.trs_induction_status,
            TeacherRow.trs_induction_start_date,
            open_induction.label("has_open_induction_period"),
        )
        .select_from(ECT)
        .join(TeacherRow, TeacherRow.id == ECT.teacher_id)
        .outerjoin(mentorship, mentorship.c.placement_id == ECT.id)
        .outerjoin(MENTORSHIP, MENTORSHIP.id == mentorship.c.id)
        .outerjoin(mentor_placement, mentor_placement.id == MENTORSHIP.mentor_at_school_period_id)
        .outerjoin(mentor, mentor.id == mentor_placement.teacher_id)
        .outerjoin(
            AppropriateBodyRow, AppropriateBodyRow.id == ECT.school_reported_appropriate_body_id
        )
        .where(ECT.school_id == school_id, _current_or_future(ECT, today))
        .order_by(ECT.started_on, ECT.id)
    )
    training = _current_or_next(TP, "ect_at_school_period_id", placements, today)
    return _with_training(statement, training, ECT)


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


def _mentors(school_id: int, today: date) -> Select[Any]:
    """One row per mentor and current or future mentee (or one with no mentee)."""
    mentee_placement, mentee = aliased(ECT), aliased(TeacherRow)
    statement = (
        select(
            MENTOR.id.label("placement_id"),
            TeacherRow.api_id,
            *_name(TeacherRow, "teacher"),
            TeacherRow.trn,
            MENTOR.email,
            MENTOR.started_on,
            MENTOR.finished_on,
            _leaving(MENTOR, school_id),
            mentee.api_id.label("mentee_api_id"),
            *_name(mentee, "mentee"),
        )
        .select_from(MENTOR)
        .join(TeacherRow, TeacherRow.id == MENTOR.teacher_id)
        .outerjoin(
            MENTORSHIP,
            and_(
                MENTORSHIP.mentor_at_school_period_id == MENTOR.id,
                _current_or_future(MENTORSHIP, today),
            ),
        )
        .outerjoin(mentee_placement, mentee_placement.id == MENTORSHIP.ect_at_school_period_id)
        .outerjoin(mentee, mentee.id == mentee_placement.teacher_id)
        .where(MENTOR.school_id == school_id, _current_or_future(MENTOR, today))
        .order_by(MENTOR.started_on, MENTOR.id, MENTORSHIP.started_on, MENTORSHIP.id)
    )
    placements = select(MENTOR.id).where(MENTOR.school_id == school_id)
    training = _current_or_next(TP, "mentor_at_school_period_id", placements, today)
    return _with_training(statement, training, MENTOR)


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


def _by_name(people: list[Any]) -> list[Any]:
    return sorted(people, key=lambda person: (person.name.casefold(), person.started_on))


class SqlSchoolHomeReads:
    """Each list is one query in a short session of its own."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def _rows(self, statement: Select[Any]) -> list[Row[Any]]:
        with self._session_factory() as session:
            return list(session.execute(statement))

    def ects(self, school_id: int, today: date) -> list[EctAtSchool]:
        return _by_name([_ect_from_row(row) for row in self._rows(_ects(school_id, today))])

    def ect(self, school_id: int, api_id: uuid.UUID, today: date) -> EctAtSchool | None:
        rows = self._rows(_ects(school_id, today).where(TeacherRow.api_id == api_id).limit(1))
        return _ect_from_row(rows[0]) if rows else None

    def mentors(self, school_id: int, today: date) -> list[MentorAtSchool]:
        return _by_name(_mentors_from_rows(self._rows(_mentors(school_id, today))))

    def mentor(self, school_id: int, api_id: uuid.UUID, today: date) -> MentorAtSchool | None:
        rows = self._rows(_mentors(school_id, today).where(TeacherRow.api_id == api_id))
        found = _mentors_from_rows(rows)
        return found[0] if found else None
