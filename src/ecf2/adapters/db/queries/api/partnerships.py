"""A lead provider's school partnerships (lead-provider-api-v3 §2.6)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

import attrs
from sqlalchemy import ColumnElement, Row, Select, func, or_, select

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
    SchoolPartnershipRow,
)
from ecf2.adapters.db.participants_school_rows import GiasSchoolRow, SchoolRow
from ecf2.adapters.db.participants_teacher_rows import TrainingPeriodRow
from ecf2.adapters.db.queries.listing import (
    Page,
    ReadModel,
    Sort,
    at_or_after,
    ordered,
    paged,
    within,
)

ALP = ActiveLeadProviderRow
LPDP = LeadProviderDeliveryPartnershipRow
DP = DeliveryPartnerRow
SP = SchoolPartnershipRow
TP = TrainingPeriodRow
SORTABLE = {"created_at": SP.created_at, "updated_at": SP.api_updated_at}


@attrs.frozen
class PartnershipView:
    api_id: uuid.UUID
    cohort: int
    urn: str
    school_id: uuid.UUID
    delivery_partner_id: uuid.UUID
    delivery_partner_name: str
    induction_tutor_name: str | None
    induction_tutor_email: str | None
    participants_currently_training: int
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class PartnershipFilters:
    cohorts: Collection[int] | None = None
    delivery_partner_ids: Collection[uuid.UUID] | None = None
    updated_since: datetime | None = None


def induction_tutor_email() -> ColumnElement[str | None]:
    """The school's induction tutor, else the contacts GIAS publishes (§2.6)."""
    return func.coalesce(
        SchoolRow.induction_tutor_email,
        GiasSchoolRow.primary_contact_email,
        GiasSchoolRow.secondary_contact_email,
    )


def _training_on(today: date) -> ColumnElement[int]:
    return (
        select(func.count(TP.id))
        .where(
            TP.school_partnership_id == SP.id,
            TP.started_on <= today,
            or_(TP.finished_on.is_(None), TP.finished_on >= today),
        )
        .scalar_subquery()
    )


def _partnerships(lead_provider_id: int, today: date) -> Select[Any]:
    return (
        select(
            SP.api_id,
            ALP.contract_period_year,
            SchoolRow.urn,
            SchoolRow.api_id,
            DP.api_id,
            DP.name,
            SchoolRow.induction_tutor_name,
            induction_tutor_email(),
            _training_on(today),
            SP.created_at,
            SP.api_updated_at,
        )
        .join(LPDP, LPDP.id == SP.lead_provider_delivery_partnership_id)
        .join(ALP, ALP.id == LPDP.active_lead_provider_id)
        .join(DP, DP.id == LPDP.delivery_partner_id)
        .join(SchoolRow, SchoolRow.id == SP.school_id)
        .join(GiasSchoolRow, GiasSchoolRow.urn == SchoolRow.urn)
        .where(ALP.lead_provider_id == lead_provider_id)
    )


def _view(row: Row[Any]) -> PartnershipView:
    return PartnershipView(*row)


class SqlPartnershipReads(ReadModel):
    def page(
        self,
        lead_provider_id: int,
        filters: PartnershipFilters,
        sort: Sort,
        page: Page,
        *,
        today: date,
    ) -> list[PartnershipView]:
        statement = _partnerships(lead_provider_id, today).where(
            within(ALP.contract_period_year, filters.cohorts),
            within(DP.api_id, filters.delivery_partner_ids),
            at_or_after(SP.api_updated_at, filters.updated_since),
        )
        statement = ordered(statement, sort, SORTABLE, SP.id)
        return [_view(row) for row in self._rows(paged(statement, page))]

    def one(
        self, lead_provider_id: int, api_id: uuid.UUID, *, today: date
    ) -> PartnershipView | None:
        row = self._row(_partnerships(lead_provider_id, today).where(SP.api_id == api_id))
        return None if row is None else _view(row)
