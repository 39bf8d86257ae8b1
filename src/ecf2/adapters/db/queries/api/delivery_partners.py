"""Delivery partners a lead provider works with, and in which years
(lead-provider-api-v3 §2.5)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime
from typing import Any

import attrs
from sqlalchemy import ColumnElement, Row, Select, String, cast, exists, func, select
from sqlalchemy.orm import aliased

from ecf2.adapters.db.contracts_rows import (
    ActiveLeadProviderRow,
    DeliveryPartnerRow,
    LeadProviderDeliveryPartnershipRow,
)
from ecf2.adapters.db.queries.listing import Page, ReadModel, Sort, ordered, paged, within

ALP = ActiveLeadProviderRow
LPDP = LeadProviderDeliveryPartnershipRow
DP = DeliveryPartnerRow
SORTABLE = {"created_at": DP.created_at, "updated_at": DP.api_updated_at}


@attrs.frozen
class DeliveryPartnerView:
    api_id: uuid.UUID
    name: str
    created_at: datetime
    updated_at: datetime
    cohorts: tuple[int, ...]


@attrs.frozen
class DeliveryPartnerFilters:
    cohorts: Collection[int] | None = None


def _delivery_partners(lead_provider_id: int) -> Select[Any]:
    # The years are those in which this partner works with *this* lead provider (§2.5).
    years = func.aggregate_strings(cast(ALP.contract_period_year, String), ",")
    columns = (DP.id, DP.api_id, DP.name, DP.created_at, DP.api_updated_at)
    return (
        select(*columns, years)
        .join(LPDP, LPDP.delivery_partner_id == DP.id)
        .join(ALP, ALP.id == LPDP.active_lead_provider_id)
        .where(ALP.lead_provider_id == lead_provider_id)
        .group_by(*columns)
    )


def _partnered_in(lead_provider_id: int, cohorts: Collection[int]) -> ColumnElement[bool]:
    lpdp, alp = aliased(LPDP), aliased(ALP)
    return exists(
        select(lpdp.id)
        .join(alp, alp.id == lpdp.active_lead_provider_id)
        .where(
            lpdp.delivery_partner_id == DP.id,
            alp.lead_provider_id == lead_provider_id,
            within(alp.contract_period_year, cohorts),
        )
    )


def _view(row: Row[Any]) -> DeliveryPartnerView:
    _id, api_id, name, created_at, updated_at, years = row
    return DeliveryPartnerView(
        api_id=api_id,
        name=name,
        created_at=created_at,
        updated_at=updated_at,
        cohorts=tuple(sorted({int(year) for year in years.split(",")})),
    )


class SqlDeliveryPartnerReads(ReadModel):
    def page(
        self, lead_provider_id: int, filters: DeliveryPartnerFilters, sort: Sort, page: Page
    ) -> list[DeliveryPartnerView]:
        statement = _delivery_partners(lead_provider_id)
        if filters.cohorts is not None:
            statement = statement.where(_partnered_in(lead_provider_id, filters.cohorts))
        statement = ordered(statement, sort, SORTABLE, DP.id)
        return [_view(row) for row in self._rows(paged(statement, page))]

    def one(self, lead_provider_id: int, api_id: uuid.UUID) -> DeliveryPartnerView | None:
        row = self._row(_delivery_partners(lead_provider_id).where(DP.api_id == api_id))
        return None if row is None else _view(row)
