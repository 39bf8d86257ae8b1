"""A lead provider's output statements (lead-provider-api-v3 §2.4)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

import attrs
from sqlalchemy import Row, Select, select

from ecf2.adapters.db.contracts_rows import ActiveLeadProviderRow
from ecf2.adapters.db.payments_rows import StatementRow
from ecf2.adapters.db.queries.listing import Page, ReadModel, at_or_after, paged, within
from ecf2.domain.payments.model import FeeType, StatementStatus


@attrs.frozen
class StatementView:
    api_id: uuid.UUID
    month: int
    year: int
    cohort: int
    cut_off_date: date
    payment_date: date
    paid: bool
    created_at: datetime
    updated_at: datetime


@attrs.frozen
class StatementFilters:
    cohorts: Collection[int] | None = None
    updated_since: datetime | None = None


def _statements(lead_provider_id: int) -> Select[Any]:
    # Service-fee statements are never shown to lead providers (§2.4).
    return (
        select(
            StatementRow.api_id,
            StatementRow.month,
            StatementRow.year,
            ActiveLeadProviderRow.contract_period_year,
            StatementRow.deadline_date,
            StatementRow.payment_date,
            StatementRow.status,
            StatementRow.created_at,
            StatementRow.api_updated_at,
        )
        .join(
            ActiveLeadProviderRow,
            ActiveLeadProviderRow.id == StatementRow.active_lead_provider_id,
        )
        .where(
            ActiveLeadProviderRow.lead_provider_id == lead_provider_id,
            StatementRow.fee_type == FeeType.OUTPUT,
        )
    )


def _view(row: Row[Any]) -> StatementView:
    api_id, month, year, cohort, deadline, payment_date, status, created_at, updated_at = row
    return StatementView(
        api_id=api_id,
        month=month,
        year=year,
        cohort=cohort,
        cut_off_date=deadline,
        payment_date=payment_date,
        paid=status == StatementStatus.PAID,
        created_at=created_at,
        updated_at=updated_at,
    )


class SqlStatementReads(ReadModel):
    def page(
        self, lead_provider_id: int, filters: StatementFilters, page: Page
    ) -> list[StatementView]:
        """Always by payment date, earliest first (§1.6)."""
        statement = _statements(lead_provider_id).where(
            within(ActiveLeadProviderRow.contract_period_year, filters.cohorts),
            at_or_after(StatementRow.api_updated_at, filters.updated_since),
        )
        ordered = statement.order_by(StatementRow.payment_date, StatementRow.id)
        return [_view(row) for row in self._rows(paged(ordered, page))]

    def one(self, lead_provider_id: int, api_id: uuid.UUID) -> StatementView | None:
        row = self._row(_statements(lead_provider_id).where(StatementRow.api_id == api_id))
        return None if row is None else _view(row)
