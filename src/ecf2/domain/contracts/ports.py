"""What the contracts context needs from the outside world."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from ecf2.domain.contracts.api_tokens import ApiToken
from ecf2.domain.contracts.contract import Contract
from ecf2.domain.contracts.contract_periods import ContractPeriod
from ecf2.domain.contracts.expressions_of_interest import InterestedTraining
from ecf2.domain.contracts.lead_providers import ActiveLeadProvider, LeadProvider
from ecf2.domain.contracts.partnerships import SchoolPartnership
from ecf2.domain.contracts.schedules import Schedule, ScheduleIdentifier
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


class ContractPeriodRepository(Protocol):
    def get(self, year: int) -> ContractPeriod: ...

    def list_all(self) -> list[ContractPeriod]: ...

    def add(self, period: ContractPeriod) -> None: ...

    def save(self, period: ContractPeriod) -> None: ...


class ScheduleRepository(Protocol):
    def by_identifier(self, year: int, identifier: ScheduleIdentifier) -> Schedule | None: ...

    def save(self, schedule: Schedule) -> None: ...


class ActiveLeadProviderRepository(Protocol):
    def get(self, id: int) -> ActiveLeadProvider: ...

    def for_lead_provider(self, lead_provider_id: int, year: int) -> ActiveLeadProvider | None: ...

    def add(self, active_lead_provider: ActiveLeadProvider) -> None: ...

    def save(self, active_lead_provider: ActiveLeadProvider) -> None: ...


class LeadProviderLookup(Protocol):
    def get(self, id: int) -> LeadProvider: ...


class ContractRepository(Protocol):
    def get(self, id: int) -> Contract: ...

    def save(self, contract: Contract) -> None: ...

    def exist_for_active_lead_provider(self, active_lead_provider_id: int) -> bool: ...


class ContractsConsoleUnitOfWork(UnitOfWork, Protocol):
    """What the finance console's contract changes load and save."""

    lead_providers: LeadProviderLookup
    contract_periods: ContractPeriodRepository
    schedules: ScheduleRepository
    active_lead_providers: ActiveLeadProviderRepository
    contracts: ContractRepository


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
