"""The rows of a page of participants' enrolments: each teacher's latest ECT and mentor
training periods with a lead provider, every field of lead-provider-api-v3 §2.1, for a
whole page of teachers in one query."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, and_, case, func, or_, select
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
from ecf2.domain.participants.values import TrainingRole

TP = TrainingPeriodRow
ECT = ECTAtSchoolPeriodRow
MENTOR = MentorAtSchoolPeriodRow
IP = InductionPeriodRow
SFE = SchoolFundingEligibilityRow
ALP = ActiveLeadProviderRow
LPDP = LeadProviderDeliveryPartnershipRow
MentorTeacher = aliased(TeacherRow, name="mentor_teacher")


def _mentor_now_or_next(
    latest: Subquery, today: ColumnElement[date]
) -> ColumnElement[uuid.UUID | None]:
    """The ECT's mentor today, else the next one to start (§2.1): periods of one ECT
    placement never overlap, so the earliest not yet finished is the one."""
    mentorship, placement = aliased(MentorshipPeriodRow), aliased(MENTOR)
    return (
        select(MentorTeacher.api_id)
        .select_from(mentorship)
        .join(placement, placement.id == mentorship.mentor_at_school_period_id)
        .join(MentorTeacher, MentorTeacher.id == placement.teacher_id)
        .where(
            mentorship.ect_at_school_period_id == latest.c.ect_at_school_period_id,
            or_(mentorship.finished_on.is_(None), mentorship.finished_on >= today),
        )
        .order_by(mentorship.started_on)
        .limit(1)
        .scalar_subquery()
    )


def _first_placement_start(latest: Subquery) -> ColumnElement[date]:
    """The role's earliest school period: when the participant was first recorded (§2.1)."""
    ects, mentors = aliased(ECT), aliased(MENTOR)
    # The first by start date rather than min(): PostgreSQL then reads the btree index on
    # (teacher_id, started_on) instead of the exclusion constraint's slower GiST index.
    ect_start = (
        select(ects.started_on)
        .where(ects.teacher_id == latest.c.teacher_id)
        .order_by(ects.started_on)
        .limit(1)
    )
    mentor_start = (
        select(mentors.started_on)
        .where(mentors.teacher_id == latest.c.teacher_id)
        .order_by(mentors.started_on)
        .limit(1)
    )
    return case(
        (latest.c.role == TrainingRole.ECT, ect_start.scalar_subquery()),
        else_=mentor_start.scalar_subquery(),
    )


def _induction_columns(latest: Subquery) -> list[ColumnElement[Any]]:
    of_teacher = IP.teacher_id == latest.c.teacher_id
    completed = select(IP.finished_on).where(of_teacher, IP.outcome.is_not(None)).limit(1)
    last = select(IP.finished_on).where(of_teacher).order_by(IP.started_on.desc()).limit(1)
    first = select(IP.started_on).where(of_teacher).order_by(IP.started_on).limit(1)
    return [
        func.coalesce(completed.scalar_subquery(), TeacherRow.trs_induction_completed_date).label(
            "induction_end_date"
        ),
        last.scalar_subquery().label("latest_induction_end"),
        func.coalesce(first.scalar_subquery(), TeacherRow.trs_induction_start_date).label(
            "induction_start_date"
        ),
    ]


def latest_periods(lead_provider_id: ColumnElement[int], teacher_ids: Select[Any]) -> Subquery:
    """These teachers' latest training period per role with this lead provider, with the
    period's cohort and delivery partner."""
    rank = func.row_number().over(
        partition_by=(TP.teacher_id, TP.role), order_by=(TP.started_on.desc(), TP.id.desc())
    )
    ranked = (
        select(
            TP.teacher_id,
            TP.role,
            TP.started_on,
            TP.finished_on,
            TP.withdrawn_at,
            TP.withdrawal_reason,
            TP.deferred_at,
            TP.deferral_reason,
            TP.ect_at_school_period_id,
            TP.mentor_at_school_period_id,
            TP.schedule_id,
            ALP.contract_period_year.label("year"),
            LPDP.delivery_partner_id,
            rank.label("rank"),
        )
        .join(SchoolPartnershipRow, SchoolPartnershipRow.id == TP.school_partnership_id)
        .join(
            LeadProviderDeliveryPartnershipRow,
            LPDP.id == SchoolPartnershipRow.lead_provider_delivery_partnership_id,
        )
        .join(
            ActiveLeadProviderRow,
            ALP.id == LPDP.active_lead_provider_id,
        )
        .where(
            ALP.lead_provider_id == lead_provider_id,
            TP.teacher_id.in_(teacher_ids),
        )
        .subquery("ranked")
    )
    columns = [column for column in ranked.c if column.key != "rank"]
    return select(*columns).where(ranked.c.rank == 1).subquery("latest")


def enrolments_of(latest: Subquery, today: ColumnElement[date]) -> Select[Any]:
    """The enrolments of the `latest` training periods, one row each. `latest` carries the
    period's own columns with its cohort (`year`) and `delivery_partner_id`, so the
    partnership chain is not joined twice. `today` may be a bound parameter, so a statement
    built once has its compiled form reused."""
    return (
        select(
            latest.c.teacher_id,
            latest.c.role,
            latest.c.started_on,
            latest.c.finished_on,
            latest.c.withdrawn_at,
            latest.c.withdrawal_reason,
            latest.c.deferred_at,
            latest.c.deferral_reason,
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
            latest.c.year,
            *_lookups(latest),
            _mentor_now_or_next(latest, today).label("mentor_api_id"),
            _first_placement_start(latest).label("first_started_on"),
            *_induction_columns(latest),
        )
        .select_from(latest)
        .join(TeacherRow, TeacherRow.id == latest.c.teacher_id)
        .outerjoin(ECT, ECT.id == latest.c.ect_at_school_period_id)
        .outerjoin(MENTOR, MENTOR.id == latest.c.mentor_at_school_period_id)
        .join(SchoolRow, SchoolRow.id == func.coalesce(ECT.school_id, MENTOR.school_id))
    )


def _lookups(latest: Subquery) -> list[ColumnElement[Any]]:
    """Values looked up by key, each a scalar subquery rather than a join: PostgreSQL plans
    every request afresh, and each join multiplies the orders it weighs (planning took
    longer than running the query)."""
    eligibility = and_(
        SFE.gias_school_urn == SchoolRow.urn, SFE.contract_period_year == latest.c.year
    )
    return [
        select(ContractPeriodRow.uplift_fees_enabled)
        .where(ContractPeriodRow.year == latest.c.year)
        .scalar_subquery()
        .label("uplift_fees_enabled"),
        select(SFE.pupil_premium_uplift)
        .where(eligibility)
        .scalar_subquery()
        .label("pupil_premium_uplift"),
        select(SFE.sparsity_uplift).where(eligibility).scalar_subquery().label("sparsity_uplift"),
        select(ScheduleRow.identifier)
        .where(ScheduleRow.id == latest.c.schedule_id)
        .scalar_subquery()
        .label("identifier"),
        select(DeliveryPartnerRow.api_id)
        .where(DeliveryPartnerRow.id == latest.c.delivery_partner_id)
        .scalar_subquery()
        .label("delivery_partner_api_id"),
    ]
