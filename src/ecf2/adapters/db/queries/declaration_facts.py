"""The DeclarationFacts port in SQL: the participant's training, schedule, cohort flags,
funding eligibility, statements and live declarations (lead-provider-api-v3 §4)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, func, select
from sqlalchemy.orm import Session, aliased

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
    MilestoneWindow,
    Participant,
    Training,
)
from ecf2.domain.payments.declarations import CHANGEABLE_OR_BILLABLE, ClawbackStatus
from ecf2.domain.payments.model import FeeType, StatementStatus

_by_partnership = aliased(ActiveLeadProviderRow)
_by_interest = aliased(ActiveLeadProviderRow)


def _trainings(teacher_id: int) -> Any:
    """Each training period with its lead provider, by partnership else by interest."""
    training = TrainingPeriodRow
    return (
        select(
            training,
            func.coalesce(_by_partnership.lead_provider_id, _by_interest.lead_provider_id),
            func.coalesce(
                ScheduleRow.contract_period_year,
                _by_partnership.contract_period_year,
                _by_interest.contract_period_year,
            ),
            LeadProviderDeliveryPartnershipRow.delivery_partner_id,
            SchoolPartnershipRow.school_id,
        )
        .outerjoin(ScheduleRow, ScheduleRow.id == training.schedule_id)
        .outerjoin(SchoolPartnershipRow, SchoolPartnershipRow.id == training.school_partnership_id)
        .outerjoin(
            LeadProviderDeliveryPartnershipRow,
            LeadProviderDeliveryPartnershipRow.id
            == SchoolPartnershipRow.lead_provider_delivery_partnership_id,
        )
        .outerjoin(
            _by_partnership,
            _by_partnership.id == LeadProviderDeliveryPartnershipRow.active_lead_provider_id,
        )
        .outerjoin(_by_interest, _by_interest.id == training.expression_of_interest_id)
        .where(training.teacher_id == teacher_id)
    )


def _covers(row: TrainingPeriodRow, today: date) -> bool:
    return row.started_on <= today and (row.finished_on is None or row.finished_on >= today)


class SqlDeclarationFacts(ReadModel):
    def participant(
        self, lead_provider_id: int, participant_id: uuid.UUID, role: str | None, today: date
    ) -> Participant | None:
        with self._session_factory() as session:
            teacher = session.scalars(
                select(TeacherRow).where(TeacherRow.api_id == participant_id)
            ).one_or_none()
            if teacher is None:
                return None
            rows = list(session.execute(_trainings(teacher.id)))
            return _participant(session, teacher, rows, lead_provider_id, role, today)

    def mentorship_period(self, training_period_id: int, on: date) -> int | None:
        """The one covering the date, else the nearest (§2.3 mentor_id)."""
        with self._session_factory() as session:
            periods = session.execute(
                select(MentorshipPeriodRow.id, MentorshipPeriodRow.started_on)
                .join(
                    TrainingPeriodRow,
                    TrainingPeriodRow.ect_at_school_period_id
                    == MentorshipPeriodRow.ect_at_school_period_id,
                )
                .where(TrainingPeriodRow.id == training_period_id)
            ).all()
        if not periods:
            return None
        return min(periods, key=lambda each: abs((each[1] - on).days))[0]


def _participant(
    session: Session,
    teacher: TeacherRow,
    rows: list[Row[Any]],
    lead_provider_id: int,
    role: str | None,
    today: date,
) -> Participant:
    own = [row for row in rows if row[1] == lead_provider_id]
    in_role = [row for row in own if str(row[0].role) == role]
    latest = max(in_role, key=lambda row: row[0].started_on, default=None)
    role_rows = [row for row in rows if str(row[0].role) == role]
    return Participant(
        teacher_id=teacher.id,
        trained_by_provider=bool(own),
        training=None if latest is None else _training(session, latest, lead_provider_id, today),
        trained_in_other_role=bool(own) and not in_role,
        funding_eligible=_funding_eligible(teacher, role),
        frozen_cohort=_frozen_cohort(session, role_rows, today),
        live_declarations=_live(session, teacher.id, role),
    )


def _funding_eligible(teacher: TeacherRow, role: str | None) -> bool:
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


def _frozen_cohort(session: Session, rows: list[Row[Any]], today: date) -> int | None:
    """The cohort of the role's training covering today, when its payments are frozen."""
    years = [row[2] for row in rows if _covers(row[0], today) and row[2] is not None]
    if not years:
        return None
    frozen = session.scalars(
        select(ContractPeriodRow.year).where(
            ContractPeriodRow.year.in_(years), ContractPeriodRow.payments_frozen_at.is_not(None)
        )
    ).first()
    return frozen


def _live(session: Session, teacher_id: int, role: str | None) -> tuple[LiveDeclaration, ...]:
    rows = session.execute(
        select(
            DeclarationRow.id,
            DeclarationRow.training_period_id,
            DeclarationRow.declaration_type,
            DeclarationRow.declaration_date,
            DeclarationRow.evidence_type,
        )
        .join(TrainingPeriodRow, TrainingPeriodRow.id == DeclarationRow.training_period_id)
        .where(
            TrainingPeriodRow.teacher_id == teacher_id,
            TrainingPeriodRow.role == role,
            _billable_or_changeable(),
        )
        .order_by(DeclarationRow.id)
    )
    return tuple(LiveDeclaration(*row) for row in rows)


def _billable_or_changeable() -> ColumnElement[bool]:
    return and_(
        DeclarationRow.payment_status.in_([str(status) for status in CHANGEABLE_OR_BILLABLE]),
        DeclarationRow.clawback_status == ClawbackStatus.NO_CLAWBACK,
    )


def _training(session: Session, row: Row[Any], lead_provider_id: int, today: date) -> Training:
    training, _, cohort, delivery_partner_id, school_id = row
    period = session.get(ContractPeriodRow, cohort)
    return Training(
        training_period_id=training.id,
        cohort=cohort,
        milestones=_milestones(session, training.schedule_id),
        withdrawn_at=training.withdrawn_at,
        deferred_at=training.deferred_at,
        mentor_funding_enabled=bool(period and period.mentor_funding_enabled),
        detailed_evidence_types_enabled=bool(period and period.detailed_evidence_types_enabled),
        uplift_fees_enabled=bool(period and period.uplift_fees_enabled),
        **_uplifts(session, school_id, cohort),
        delivery_partner_id=delivery_partner_id,
        next_open_statement_id=_next_open_statement(session, lead_provider_id, cohort, today),
    )


def _milestones(session: Session, schedule_id: int | None) -> dict[Any, MilestoneWindow]:
    rows = session.execute(
        select(
            MilestoneRow.declaration_type, MilestoneRow.start_date, MilestoneRow.milestone_date
        ).where(MilestoneRow.schedule_id == schedule_id)
    )
    return {kind: MilestoneWindow(start, deadline) for kind, start, deadline in rows}


def _uplifts(session: Session, school_id: int | None, cohort: int) -> dict[str, bool]:
    flags = session.execute(
        select(
            SchoolFundingEligibilityRow.pupil_premium_uplift,
            SchoolFundingEligibilityRow.sparsity_uplift,
        )
        .join(SchoolRow, SchoolRow.urn == SchoolFundingEligibilityRow.gias_school_urn)
        .where(
            SchoolRow.id == school_id, SchoolFundingEligibilityRow.contract_period_year == cohort
        )
    ).first()
    pupil_premium, sparsity = flags if flags is not None else (False, False)
    return {"pupil_premium_uplift": bool(pupil_premium), "sparsity_uplift": bool(sparsity)}


def _next_open_statement(
    session: Session, lead_provider_id: int, cohort: int, today: date
) -> int | None:
    """The open output statement with the earliest deadline on or after today (§4 rule 15)."""
    return session.scalars(
        select(StatementRow.id)
        .join(
            ActiveLeadProviderRow, ActiveLeadProviderRow.id == StatementRow.active_lead_provider_id
        )
        .where(
            and_(
                ActiveLeadProviderRow.lead_provider_id == lead_provider_id,
                ActiveLeadProviderRow.contract_period_year == cohort,
                StatementRow.fee_type == FeeType.OUTPUT,
                StatementRow.status == StatementStatus.OPEN,
                StatementRow.deadline_date >= today,
            )
        )
        .order_by(StatementRow.deadline_date, StatementRow.id)
        .limit(1)
    ).first()
