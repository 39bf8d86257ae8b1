"""The payment calculator: from counts of declarations per statement and a contract's terms to
a statement's output payments, uplifts, service fee, adjustments and VAT
(finance-and-payments §5). Pure: it reads counts, never declarations, and rounds nothing."""

from ecf2.domain.payments.calculator.band_allocation import (
    BandAllocation,
    allocate,
    allocate_each_type,
    previous_statements,
)
from ecf2.domain.payments.calculator.banded import (
    BANDED_FEE_PROPORTIONS,
    SERVICE_FEE_PAYMENTS,
    BandedFeeStructure,
    Uplifts,
    banded_outputs,
    derived_monthly_service_fee,
    fee_proportion,
    monthly_service_fee,
    type_adjusted_fee,
)
from ecf2.domain.payments.calculator.bands import (
    Band,
    BandLimits,
    band_letter,
    band_letters,
    band_limits,
)
from ecf2.domain.payments.calculator.counts import (
    NO_DECLARATIONS,
    CountKey,
    DeclarationCounts,
    DeclarationSet,
    StatementCounts,
)
from ecf2.domain.payments.calculator.display import as_percentage, in_pounds
from ecf2.domain.payments.calculator.flat_rate import (
    MENTOR_FEE_PROPORTIONS,
    FlatRateFeeStructure,
    flat_rate_outputs,
)
from ecf2.domain.payments.calculator.outputs import DeclarationTypeOutput, Outputs
from ecf2.domain.payments.calculator.statement import (
    BandedCalculation,
    ContractTerms,
    ContractType,
    FlatRateCalculation,
    StatementCalculation,
    calculate_banded,
    calculate_flat_rate,
    calculate_statement,
    total_manual_adjustments,
)
from ecf2.domain.shared.money import to_pennies

__all__ = [
    "BANDED_FEE_PROPORTIONS",
    "MENTOR_FEE_PROPORTIONS",
    "NO_DECLARATIONS",
    "SERVICE_FEE_PAYMENTS",
    "Band",
    "BandAllocation",
    "BandLimits",
    "BandedCalculation",
    "BandedFeeStructure",
    "ContractTerms",
    "ContractType",
    "CountKey",
    "DeclarationCounts",
    "DeclarationSet",
    "DeclarationTypeOutput",
    "FlatRateCalculation",
    "FlatRateFeeStructure",
    "Outputs",
    "StatementCalculation",
    "StatementCounts",
    "Uplifts",
    "allocate",
    "allocate_each_type",
    "as_percentage",
    "band_letter",
    "band_letters",
    "band_limits",
    "banded_outputs",
    "calculate_banded",
    "calculate_flat_rate",
    "calculate_statement",
    "derived_monthly_service_fee",
    "fee_proportion",
    "flat_rate_outputs",
    "in_pounds",
    "monthly_service_fee",
    "previous_statements",
    "to_pennies",
    "total_manual_adjustments",
    "type_adjusted_fee",
]
