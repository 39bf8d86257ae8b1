"""The DeclarationFacts port in SQL: the participant's training, schedule, cohort flags,
funding eligibility, statements, mentorships and live declarations (lead-provider-api-v3
§4), in two statements built once: every training period of the teacher with what §4 asks
of it, then the role's live declarations."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, and_, bindparam, func, select
from sqlalchemy.orm import Session

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    ContractPeriodRow,
    LeadProviderDeliveryPartnershipRow,
    MilestoneRow,
    ScheduleRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_school_rows import SchoolFundingEligibilityRow, SchoolRow
from ecf2.adapters.db.participants_teacher_rows import (
    MentorshipPeriodRow,
    TeacherRow,
    TrainingPeriodRow,
)
from ecf2.adapters.db.payments_rows import DeclarationRow, StatementRow
from ecf2.adapters.db.queries.api.participant_statuses import eligible_for_funding
from ecf2.adapters.db.queries.listing import ReadModel
from ecf2.domain.payments.declaration_facts import (
    LiveDeclaration,
    MentorshipDates,
    MilestoneWindow,
    Participant,
    Training,
)
from ecf2.domain.payments.declarations import CHANGEABLE_OR_BILLABLE, ClawbackStatus
from ecf2.domain.payments.model import FeeType, StatementStatus

_teacher = TeacherRow.__table__.c
_training = TrainingPeriodRow.__table__.alias("training")
_schedule = ScheduleRow.__table__.alias("schedule")
_school_partnership = SchoolPartnershipRow.__table__.alias("school_partnership")
_lpdp = LeadProviderDeliveryPartnershipRow.__table__.alias("lpdp")
_by_partnership = ActiveLeadProviderRow.__table__.alias("by_partnership")
_by_interest = ActiveLeadProviderRow.__table__.alias("by_interest")
_period = ContractPeriodRow.__table__.alias("period")
_school = SchoolRow.__table__.alias("school")
_uplifts = SchoolFundingEligibilityRow.__table__.alias("uplifts")
_milestone = MilestoneRow.__table__.alias("milestone")
_mentorship = MentorshipPeriodRow.__table__.alias("mentorship")
_statement = StatementRow.__table__.alias("statement")
_statement_alp = ActiveLeadProviderRow.__table__.alias("statement_alp")
_declaration = DeclarationRow.__table__.c
_trainings = TrainingPeriodRow.__table__.c

_cohort = func.coalesce(
    _schedule.c.contract_period_year,
    _by_partnership.c.contract_period_year,
    _by_interest.c.contract_period_year,
)
# The open output statement with the earliest deadline on or after today (§4 rule 15).
_next_open_statement = (
    select(_statement.c.id)
    .join(_statement_alp, _statement_alp.c.id == _statement.c.active_lead_provider_id)
    .where(
        _statement_alp.c.lead_provider_id == bindparam("lead_provider_id"),
        _statement_alp.c.contract_period_year == _cohort,
        _statement.c.fee_type == FeeType.OUTPUT,
        _statement.c.status == StatementStatus.OPEN,
        _statement.c.deadline_date >= bindparam("today"),
    )
    .order_by(_statement.c.deadline_date, _statement.c.id)
    .limit(1)
    .scalar_subquery()
)

# One row per training period, milestone of its schedule and mentorship of its ECT
# placement (a handful per teacher); a teacher without training gives one row of nulls.
_PARTICIPANT = (
    select(
        _teacher.id,
        _teacher.ect_first_became_eligible_for_training_at,
        _teacher.ect_became_ineligible_for_funding_on,
        _teacher.mentor_first_became_eligible_for_training_at,
        _teacher.mentor_became_ineligible_for_funding_on,
        _training.c.id.label("training_period_id"),
        _training.c.role,
        _training.c.started_on,
        _training.c.finished_on,
        _training.c.withdrawn_at,
        _training.c.deferred_at,
        # A period under an expression of interest alone belongs to no lead provider (§0).
        _by_partnership.c.lead_provider_id,
        _cohort.label("cohort"),
        _lpdp.c.delivery_partner_id,
        _period.c.payments_frozen_at,
        _period.c.mentor_funding_enabled,
        _period.c.detailed_evidence_types_enabled,
        _period.c.uplift_fees_enabled,
        _uplifts.c.pupil_premium_uplift,
        _uplifts.c.sparsity_uplift,
        _next_open_statement.label("next_open_statement_id"),
        _milestone.c.declaration_type.label("milestone_type"),
        _milestone.c.start_date.label("milestone_start"),
        _milestone.c.milestone_date,
        _mentorship.c.id.label("mentorship_period_id"),
        _mentorship.c.started_on.label("mentorship_started_on"),
        _mentorship.c.finished_on.label("mentorship_finished_on"),
    )
    .select_from(TeacherRow.__table__)
    .outerjoin(_training, _training.c.teacher_id == _teacher.id)
    .outerjoin(_schedule, _schedule.c.id == _training.c.schedule_id)
    .outerjoin(_school_partnership, _school_partnership.c.id == _training.c.school_partnership_id)
    .outerjoin(_lpdp, _lpdp.c.id == _school_partnership.c.lead_provider_delivery_partnership_id)
    .outerjoin(_by_partnership, _by_partnership.c.id == _lpdp.c.active_lead_provider_id)
    .outerjoin(_by_interest, _by_interest.c.id == _training.c.expression_of_interest_id)
    .outerjoin(_period, _period.c.year == _cohort)
    .outerjoin(_school, _school.c.id == _school_partnership.c.school_id)
    .outerjoin(
        _uplifts,
        and_(
            _uplifts.c.gias_school_urn == _school.c.urn,
            _uplifts.c.contract_period_year == _cohort,
        ),
    )
    .outerjoin(_milestone, _milestone.c.schedule_id == _training.c.schedule_id)
    .outerjoin(
        _mentorship,
        _mentorship.c.ect_at_school_period_id == _training.c.ect_at_school_period_id,
    )
    .where(_teacher.api_id == bindparam("participant_id"))
    .order_by(_training.c.id, _mentorship.c.id)
)

_LIVE = (
    select(
        _declaration.id,
        _declaration.training_period_id,
        _declaration.declaration_type,
        _declaration.declaration_date,
        _declaration.evidence_type,
    )
    .join(TrainingPeriodRow.__table__, _trainings.id == _declaration.training_period_id)
    .where(
        _trainings.teacher_id == bindparam("teacher_id"),
        _trainings.role == bindparam("role"),
        _declaration.payment_status.in_([str(status) for status in CHANGEABLE_OR_BILLABLE]),
        _declaration.clawback_status == ClawbackStatus.NO_CLAWBACK,
    )
    .order_by(_declaration.id)
)


class SqlDeclarationFacts(ReadModel):
    def participant(
        self,
        lead_provider_id: int,
        participant_id: uuid.UUID,
        role: str | None,
        today: date,
        now: datetime,
    ) -> Participant | None:
        params = {"participant_id": participant_id, "lead_provider_id": lead_provider_id}
        with self._session_factory() as session:
            rows = session.execute(_PARTICIPANT, params | {"today": today}).all()
            if not rows:
                return None
            return _participant(session, rows, lead_provider_id, role, now, today)


def _participant(
    session: Session,
    rows: Sequence[Row[Any]],
    lead_provider_id: int,
    role: str | None,
    now: datetime,
    today: date,
) -> Participant:
    teacher = rows[0]
    trainings = [row for row in rows if row.training_period_id is not None]
    own = [row for row in trainings if row.lead_provider_id == lead_provider_id]
    in_role = [row for row in own if str(row.role) == role]
    latest = max(in_role, key=lambda row: row.started_on, default=None)
    live = session.execute(_LIVE, {"teacher_id": teacher.id, "role": role})
    return Participant(
        teacher_id=teacher.id,
        trained_by_provider=bool(own),
        training=None if latest is None else _training_of(latest, rows),
        trained_in_other_role=bool(own) and not in_role,
        funding_eligible=_funding_eligible(teacher, role),
        frozen_cohort=_frozen_cohort(
            [row for row in trainings if str(row.role) == role], now, today
        ),
        live_declarations=tuple(LiveDeclaration(*row) for row in live),
    )


def _funding_eligible(teacher: Row[Any], role: str | None) -> bool:
    if role == "ect":
        eligible = eligible_for_funding(
            teacher.ect_first_became_eligible_for_training_at,
            teacher.ect_became_ineligible_for_funding_on,
        )
    elif role == "mentor":
        eligible = eligible_for_funding(
            teacher.mentor_first_became_eligible_for_training_at,
            teacher.mentor_became_ineligible_for_funding_on,
        )
    else:
        eligible = None
    return eligible is True


def _covers(row: Row[Any], today: date) -> bool:
    return row.started_on <= today and (row.finished_on is None or row.finished_on >= today)


def _frozen_cohort(rows: list[Row[Any]], now: datetime, today: date) -> int | None:
    """The cohort of the role's training covering today, when its payments are frozen
    (from the moment they freeze: finance-and-payments §1.1)."""
    frozen = (
        row.cohort
        for row in rows
        if _covers(row, today)
        and row.cohort is not None
        and row.payments_frozen_at is not None
        and row.payments_frozen_at <= now
    )
    return next(frozen, None)


def _training_of(latest: Row[Any], rows: Sequence[Row[Any]]) -> Training:
    mine = [row for row in rows if row.training_period_id == latest.training_period_id]
    milestones = {
        row.milestone_type: MilestoneWindow(row.milestone_start, row.milestone_date)
        for row in mine
        if row.milestone_type is not None
    }
    mentorships = {
        row.mentorship_period_id: MentorshipDates(
            row.mentorship_period_id, row.mentorship_started_on, row.mentorship_finished_on
        )
        for row in mine
        if row.mentorship_period_id is not None
    }
    return Training(
        training_period_id=latest.training_period_id,
        cohort=latest.cohort,
        milestones=milestones,
        withdrawn_at=latest.withdrawn_at,
        deferred_at=latest.deferred_at,
        mentor_funding_enabled=bool(latest.mentor_funding_enabled),
        detailed_evidence_types_enabled=bool(latest.detailed_evidence_types_enabled),
        uplift_fees_enabled=bool(latest.uplift_fees_enabled),
        pupil_premium_uplift=bool(latest.pupil_premium_uplift),
        sparsity_uplift=bool(latest.sparsity_uplift),
        delivery_partner_id=latest.delivery_partner_id,
        next_open_statement_id=latest.next_open_statement_id,
        mentorships=tuple(mentorships.values()),
    )
