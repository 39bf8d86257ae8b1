"""The contracts context's entities and value objects, one module per aggregate."""

from ecf2.domain.contracts.api_tokens import ApiToken, IssuedApiToken, issue_api_token, token_digest
from ecf2.domain.contracts.contract import DEFAULT_VAT_RATE, Contract, ContractType
from ecf2.domain.contracts.contract_periods import (
    ContractPeriod,
    check_no_overlap,
    contract_period_containing,
    contract_period_for_year,
    current_or_upcoming_contract_period,
    upcoming_contract_period,
)
from ecf2.domain.contracts.fee_structures import (
    BandedFeeStructure,
    BandTerm,
    FlatRateFeeStructure,
)
from ecf2.domain.contracts.lead_providers import ActiveLeadProvider, Band, LeadProvider
from ecf2.domain.contracts.partnerships import (
    DeliveryPartner,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
    same_name,
)
from ecf2.domain.contracts.schedules import (
    Milestone,
    Schedule,
    ScheduleChoice,
    ScheduleIdentifier,
    ScheduleMonth,
    ScheduleType,
)
from ecf2.domain.shared.declaration_types import DeclarationType

__all__ = [
    "DEFAULT_VAT_RATE",
    "ActiveLeadProvider",
    "ApiToken",
    "Band",
    "BandTerm",
    "BandedFeeStructure",
    "Contract",
    "ContractPeriod",
    "ContractType",
    "DeclarationType",
    "DeliveryPartner",
    "FlatRateFeeStructure",
    "IssuedApiToken",
    "LeadProvider",
    "LeadProviderDeliveryPartnership",
    "Milestone",
    "Schedule",
    "ScheduleChoice",
    "ScheduleIdentifier",
    "ScheduleMonth",
    "ScheduleType",
    "SchoolPartnership",
    "check_no_overlap",
    "contract_period_containing",
    "contract_period_for_year",
    "current_or_upcoming_contract_period",
    "issue_api_token",
    "same_name",
    "token_digest",
    "upcoming_contract_period",
]
