"""A participant's enrolments: the lead provider's latest ECT and mentor training periods,
every field of lead-provider-api-v3 §2.1, for a whole page of teachers in one query."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

import attrs
from sqlalchemy import ColumnElement, Row, Select, Subquery, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ContractPeriodRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    ScheduleRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.inductions_rows import InductionPeriodRow
from ecf2.adapters.db.participants_school_rows import SchoolFundingEligibilityRow, SchoolRow
from ecf2.adapters.db.participants_teacher_rows import (
    ECTAtSchoolPeriodRow,
    MentorAtSchoolPeriodRow,
    MentorshipPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.queries.api.participant_statuses import (
    eligible_for_funding,
    participant_status,
    training_status,
)
from ecf2.domain.participants.values import TrainingRole

TP = TrainingPeriodRow
ECT = ECTAtSchoolPeriodRow
MENTOR = MentorAtSchoolPeriodRow
IP = InductionPeriodRow
SFE = SchoolFundingEligibilityRow
MentorTeacher = aliased(TeacherRow, name="mentor_teacher")


@attrs.frozen
class Reason:
    reason: str
    date: datetime


@attrs.frozen
class EnrolmentView:
    training_record_id: uuid.UUID
    email: str | None
    mentor_id: uuid.UUID | None
    school_urn: str
    participant_type: str
    cohort: int
    training_status: str
    participant_status: str
    eligible_for_funding: bool | None
    pupil_premium_uplift: bool
    sparsity_uplift: bool
    schedule_identifier: str
    delivery_partner_id: uuid.UUID
    withdrawal: Reason | None
    deferral: Reason | None
    created_at: datetime
    induction_end_date: date | None
    most_recent_induction_period_end_date: date | None
    overall_induction_start_date: date | None
    mentor_funding_end_date: date | None
    mentor_ineligible_for_funding_reason: str | None
    cohort_changed_after_payments_frozen: bool
    working_pattern: str | None

    @classmethod
    def from_rows(
        cls, rows: Sequence[Row[Any]], today: date
    ) -> Iterator[tuple[int, EnrolmentView]]:
        for row in rows:
            yield row.teacher_id, _enrolment(row._mapping, today)


def _mentor_now_or_next(today: ColumnElement[date]) -> ColumnElement[uuid.UUID | None]:
    """The ECT's mentor today, else the next one to start (§2.1): periods of one ECT
    placement never overlap, so the earliest not yet finished is the one."""
    mentorship, placement = aliased(MentorshipPeriodRow), aliased(MENTOR)
    return (
        select(MentorTeacher.api_id)
        .select_from(mentorship)
        .join(placement, placement.id == mentorship.mentor_at_school_period_id)
        .join(MentorTeacher, MentorTeacher.id == placement.teacher_id)
        .where(
            mentorship.ect_at_school_period_id == TP.ect_at_school_period_id,
            or_(mentorship.finished_on.is_(None), mentorship.finished_on >= today),
        )
        .order_by(mentorship.started_on)
        .limit(1)
        .scalar_subquery()
    )


def _first_placement_start() -> ColumnElement[date]:
    """The role's earliest school period: when the participant was first recorded (§2.1)."""
    ects, mentors = aliased(ECT), aliased(MENTOR)
    # The first by start date rather than min(): PostgreSQL then reads the btree index on
    # (teacher_id, started_on) instead of the exclusion constraint's slower GiST index.
    ect_start = (
        select(ects.started_on)
        .where(ects.teacher_id == TP.teacher_id)
        .order_by(ects.started_on)
        .limit(1)
    )
    mentor_start = (
        select(mentors.started_on)
        .where(mentors.teacher_id == TP.teacher_id)
        .order_by(mentors.started_on)
        .limit(1)
    )
    return case(
        (TP.role == TrainingRole.ECT, ect_start.scalar_subquery()),
        else_=mentor_start.scalar_subquery(),
    )


def _induction_columns() -> list[ColumnElement[Any]]:
    of_teacher = IP.teacher_id == TP.teacher_id
    completed = select(IP.finished_on).where(of_teacher, IP.outcome.is_not(None)).limit(1)
    latest = select(IP.finished_on).where(of_teacher).order_by(IP.started_on.desc()).limit(1)
    first = select(IP.started_on).where(of_teacher).order_by(IP.started_on).limit(1)
    return [
        func.coalesce(completed.scalar_subquery(), TeacherRow.trs_induction_completed_date).label(
            "induction_end_date"
        ),
        latest.scalar_subquery().label("latest_induction_end"),
        func.coalesce(first.scalar_subquery(), TeacherRow.trs_induction_start_date).label(
            "induction_start_date"
        ),
    ]


def enrolments_of(
    latest: Subquery, teacher_ids: ColumnElement[Any], today: ColumnElement[date]
) -> Select[Any]:
    """ECT first, then mentor, for each of the teachers: `teacher_ids` and `today` are bound
    parameters, so the statement is built once and its compiled form reused."""
    return (
        select(
            TP.teacher_id,
            TP.role,
            TP.started_on,
            TP.finished_on,
            TP.withdrawn_at,
            TP.withdrawal_reason,
            TP.deferred_at,
            TP.deferral_reason,
            TeacherRow.api_ect_training_record_id,
            TeacherRow.api_mentor_training_record_id,
            TeacherRow.ect_first_became_eligible_for_training_at,
            TeacherRow.ect_became_ineligible_for_funding_on,
            TeacherRow.ect_payments_frozen_year,
            TeacherRow.mentor_first_became_eligible_for_training_at,
            TeacherRow.mentor_became_ineligible_for_funding_on,
            TeacherRow.mentor_became_ineligible_for_funding_reason,
            TeacherRow.mentor_payments_frozen_year,
            func.coalesce(ECT.email, MENTOR.email).label("email"),
            ECT.working_pattern,
            SchoolRow.urn,
            ActiveLeadProviderRow.contract_period_year.label("year"),
            ContractPeriodRow.uplift_fees_enabled,
            SFE.pupil_premium_uplift,
            SFE.sparsity_uplift,
            ScheduleRow.identifier,
            DeliveryPartnerRow.api_id.label("delivery_partner_api_id"),
            _mentor_now_or_next(today).label("mentor_api_id"),
            _first_placement_start().label("first_started_on"),
            *_induction_columns(),
        )
        .join(latest, latest.c.training_period_id == TP.id)
        .join(TeacherRow, TeacherRow.id == TP.teacher_id)
        .outerjoin(ECT, ECT.id == TP.ect_at_school_period_id)
        .outerjoin(MENTOR, MENTOR.id == TP.mentor_at_school_period_id)
        .join(SchoolRow, SchoolRow.id == func.coalesce(ECT.school_id, MENTOR.school_id))
        .join(SchoolPartnershipRow, SchoolPartnershipRow.id == TP.school_partnership_id)
        .join(
            LeadProviderDeliveryPartnershipRow,
            LeadProviderDeliveryPartnershipRow.id
            == SchoolPartnershipRow.lead_provider_delivery_partnership_id,
        )
        .join(
            ActiveLeadProviderRow,
            ActiveLeadProviderRow.id == LeadProviderDeliveryPartnershipRow.active_lead_provider_id,
        )
        .join(
            DeliveryPartnerRow,
            DeliveryPartnerRow.id == LeadProviderDeliveryPartnershipRow.delivery_partner_id,
        )
        .join(
            ContractPeriodRow, ContractPeriodRow.year == ActiveLeadProviderRow.contract_period_year
        )
        .join(ScheduleRow, ScheduleRow.id == TP.schedule_id)
        .outerjoin(
            SFE,
            and_(
                SFE.gias_school_urn == SchoolRow.urn,
                SFE.contract_period_year == ActiveLeadProviderRow.contract_period_year,
            ),
        )
        .where(TP.teacher_id.in_(teacher_ids))
        .order_by(TP.teacher_id, TP.role)
    )


def _reason(at: datetime | None, reason: Any, status: str, wanted: str) -> Reason | None:
    """Shown only while it is the training status; reasons are stored underscored (§3.1)."""
    if status != wanted or at is None or reason is None:
        return None
    return Reason(reason=str(reason).replace("_", "-"), date=at)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _enrolment(row: Any, today: date) -> EnrolmentView:
    ect = row["role"] == TrainingRole.ECT
    training = training_status(row["withdrawn_at"], row["deferred_at"])
    mentor_funding_end = None if ect else row["mentor_became_ineligible_for_funding_on"]
    mentor_reason = None if ect else row["mentor_became_ineligible_for_funding_reason"]
    induction_end = row["induction_end_date"] if ect else None
    uplifts = bool(row["uplift_fees_enabled"])
    prefix = "ect" if ect else "mentor"
    return EnrolmentView(
        training_record_id=row[f"api_{prefix}_training_record_id"],
        email=row["email"],
        mentor_id=row["mentor_api_id"] if ect else None,
        school_urn=row["urn"],
        participant_type=str(row["role"]),
        cohort=row["year"],
        training_status=training,
        participant_status=participant_status(
            training=training,
            started_on=row["started_on"],
            finished_on=row["finished_on"],
            completed_on=induction_end if ect else mentor_funding_end,
            today=today,
        ),
        eligible_for_funding=eligible_for_funding(
            row[f"{prefix}_first_became_eligible_for_training_at"],
            row[f"{prefix}_became_ineligible_for_funding_on"],
        ),
        pupil_premium_uplift=uplifts and bool(row["pupil_premium_uplift"]),
        sparsity_uplift=uplifts and bool(row["sparsity_uplift"]),
        schedule_identifier=str(row["identifier"]),
        delivery_partner_id=row["delivery_partner_api_id"],
        withdrawal=_reason(row["withdrawn_at"], row["withdrawal_reason"], training, "withdrawn"),
        deferral=_reason(row["deferred_at"], row["deferral_reason"], training, "deferred"),
        created_at=datetime.combine(row["first_started_on"], time(), tzinfo=UTC),
        induction_end_date=induction_end,
        most_recent_induction_period_end_date=row["latest_induction_end"] if ect else None,
        overall_induction_start_date=row["induction_start_date"] if ect else None,
        mentor_funding_end_date=mentor_funding_end,
        mentor_ineligible_for_funding_reason=_text(mentor_reason),
        cohort_changed_after_payments_frozen=row[f"{prefix}_payments_frozen_year"] is not None,
        working_pattern=None
        if not ect or row["working_pattern"] is None
        else str(row["working_pattern"]),
    )
