"""What the contracts context needs from the outside world."""

from __future__ import annotations

from typing import Protocol

from ecf2.domain.contracts.api_tokens import ApiToken
from ecf2.domain.contracts.lead_providers import LeadProvider
from ecf2.domain.shared.unit_of_work import UnitOfWork


class LeadProviderRepository(Protocol):
    def get_by_name(self, name: str) -> LeadProvider: ...


class ApiTokenRepository(Protocol):
    def add(self, token: ApiToken) -> None: ...

    def save(self, token: ApiToken) -> None: ...

    def for_lead_provider(self, lead_provider_id: int) -> list[ApiToken]: ...


class ApiTokensUnitOfWork(UnitOfWork, Protocol):
    lead_providers: LeadProviderRepository
    api_tokens: ApiTokenRepository
