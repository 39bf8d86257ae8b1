"""Builders shared by the contracts repository tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import ActiveLeadProvider, Band, ContractPeriod, LeadProvider

NOW = datetime(2026, 8, 21, 9, tzinfo=UTC)


def a_contract_period(year: int, **overrides: Any) -> ContractPeriod:
    values = {"year": year, "started_on": date(year, 6, 1), "finished_on": date(year + 1, 5, 31)}
    return ContractPeriod(**(values | overrides))


def added(uow: SqlAlchemyUnitOfWork, repository: str, *entities: Any) -> None:
    with uow:
        for entity in entities:
            getattr(uow, repository).add(entity)
        uow.commit()


def an_active_lead_provider(uow: SqlAlchemyUnitOfWork) -> ActiveLeadProvider:
    """Ambition Institute in 2025, with bands A=200 and B=300."""
    lead_provider = LeadProvider(name="Ambition Institute")
    added(uow, "contract_periods", a_contract_period(2025, enabled=True))
    added(uow, "lead_providers", lead_provider)
    assert lead_provider.id is not None
    alp = ActiveLeadProvider(
        lead_provider_id=lead_provider.id,
        contract_period_year=2025,
        bands=[Band(allocation_order=1, capacity=200), Band(allocation_order=2, capacity=300)],
    )
    added(uow, "active_lead_providers", alp)
    return alp
