"""What the contracts context needs from the outside world."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from ecf2.domain.contracts.api_tokens import ApiToken
from ecf2.domain.contracts.expressions_of_interest import InterestedTraining
from ecf2.domain.contracts.lead_providers import LeadProvider
from ecf2.domain.contracts.partnerships import SchoolPartnership
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


class SchoolPartnershipRepository(Protocol):
    def add(self, partnership: SchoolPartnership) -> None: ...

    def save(self, partnership: SchoolPartnership) -> None: ...

    def get(self, id: int) -> SchoolPartnership: ...


class InterestedTrainingRepository(Protocol):
    """Training periods under an expression of interest, from the participants context."""

    def at_school(
        self, school_id: int, active_lead_provider_id: int
    ) -> list[InterestedTraining]: ...

    def save(self, training: InterestedTraining) -> None: ...


class PartnershipDependants(Protocol):
    """What shows a partnership to lead providers and must look changed when it changes:
    its participants and their declarations (lead-provider-api-v3 §2.6 PUT)."""

    def touch(self, school_partnership_id: int, now: datetime) -> None: ...


class PartnershipsUnitOfWork(UnitOfWork, Protocol):
    school_partnerships: SchoolPartnershipRepository
    interested_training: InterestedTrainingRepository
    partnership_dependants: PartnershipDependants
