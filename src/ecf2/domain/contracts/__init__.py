"""Contracts: lead providers, delivery partners, contract periods, bands, partnerships,
schedules and milestones, contracts and their fee structures, API tokens."""

from ecf2.domain.contracts.model import *  # noqa: F403
from ecf2.domain.contracts.model import __all__ as _model_names
from ecf2.domain.contracts.rules import (
    REASSIGNMENT_CONTRACT_YEAR,
    BandCoverage,
    PreviousTraining,
    RegistrationContractPeriod,
    RegistrationRole,
    band_coverage,
    band_letter,
    check_ect_start_date,
    check_schedule_allowed_for,
    contract_period_for_registration,
    ect_start_date_floor,
    registration_contract_period,
    schedule_for,
    schedule_month_for,
    schedule_to_reuse,
)

__all__ = [
    *_model_names,
    "REASSIGNMENT_CONTRACT_YEAR",
    "BandCoverage",
    "PreviousTraining",
    "RegistrationContractPeriod",
    "RegistrationRole",
    "band_coverage",
    "band_letter",
    "check_ect_start_date",
    "check_schedule_allowed_for",
    "contract_period_for_registration",
    "ect_start_date_floor",
    "registration_contract_period",
    "schedule_for",
    "schedule_month_for",
    "schedule_to_reuse",
]
