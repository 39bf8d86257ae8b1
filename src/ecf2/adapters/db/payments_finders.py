"""Which statement a declaration lands on, in SQL (finance-and-payments §4.2, §4.3): the
output statement of the active lead provider with the earliest deadline on or after today.
For a training period, the active lead provider is its lead provider (through its school
partnership, else its expression of interest) in the contract period of its schedule."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, and_, func, select
from sqlalchemy.orm import aliased

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    LeadProviderDeliveryPartnershipRow,
    ScheduleRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_teacher_rows import TrainingPeriodRow
from ecf2.adapters.db.payments_rows import StatementRow
from ecf2.domain.payments.model import FeeType


def next_output_condition(
    active_lead_provider: int | ScalarSelect[Any], today: date
) -> list[ColumnElement[bool]]:
    """Earliest deadline first is the repository's order; any status (§4.2, §13)."""
    return [
        StatementRow.active_lead_provider_id == active_lead_provider,
        StatementRow.fee_type == FeeType.OUTPUT,
        StatementRow.deadline_date >= today,
    ]


def active_lead_provider_of_training(training_period_id: int) -> ScalarSelect[Any]:
    training = TrainingPeriodRow
    by_partnership = aliased(ActiveLeadProviderRow)
    by_interest = aliased(ActiveLeadProviderRow)
    paying = aliased(ActiveLeadProviderRow)
    lead_provider = func.coalesce(by_partnership.lead_provider_id, by_interest.lead_provider_id)
    return (
        select(paying.id)
        .select_from(training)
        .join(ScheduleRow, ScheduleRow.id == training.schedule_id)
        .outerjoin(SchoolPartnershipRow, SchoolPartnershipRow.id == training.school_partnership_id)
        .outerjoin(
            LeadProviderDeliveryPartnershipRow,
            LeadProviderDeliveryPartnershipRow.id
            == SchoolPartnershipRow.lead_provider_delivery_partnership_id,
        )
        .outerjoin(
            by_partnership,
            by_partnership.id == LeadProviderDeliveryPartnershipRow.active_lead_provider_id,
        )
        .outerjoin(by_interest, by_interest.id == training.expression_of_interest_id)
        .join(
            paying,
            and_(
                paying.lead_provider_id == lead_provider,
                paying.contract_period_year == ScheduleRow.contract_period_year,
            ),
        )
        .where(training.id == training_period_id)
        .scalar_subquery()
    )
