"""A whole statement: the banded calculator, then the flat-rate one for `ittecf_ectp`
contracts, each with its subtotal and VAT (finance-and-payments §5.1, §5.8, §5.9)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import StrEnum

import attrs

from ecf2.domain.payments.calculator.band_allocation import (
    Allocations,
    allocate_each_type,
    previous_statements,
)
from ecf2.domain.payments.calculator.banded import (
    BandedFeeStructure,
    Uplifts,
    banded_outputs,
    monthly_service_fee,
)
from ecf2.domain.payments.calculator.bands import ratio
from ecf2.domain.payments.calculator.counts import (
    NO_DECLARATIONS,
    DeclarationCounts,
    DeclarationSet,
    StatementCounts,
)
from ecf2.domain.payments.calculator.flat_rate import FlatRateFeeStructure, flat_rate_outputs
from ecf2.domain.payments.calculator.outputs import Outputs
from ecf2.domain.payments.calculator.precision import ZERO, exact
from ecf2.domain.shared.errors import InvalidValue

DEFAULT_VAT_RATE = Decimal("0.20")


class ContractType(StrEnum):
    ECF = "ecf"
    ITTECF_ECTP = "ittecf_ectp"


@attrs.frozen(kw_only=True)
class ContractTerms:
    """What the calculator needs of the statement's contract and its lead provider (§1.4)."""

    contract_type: ContractType = attrs.field(converter=ContractType)
    banded: BandedFeeStructure
    flat_rate: FlatRateFeeStructure | None = None
    vat_rate: Decimal = attrs.field(default=DEFAULT_VAT_RATE, validator=ratio)
    lead_provider_vat_registered: bool = True

    def __attrs_post_init__(self) -> None:
        if (self.flat_rate is None) != (self.contract_type is ContractType.ECF):
            raise InvalidValue(
                "An ittecf_ectp contract has a flat rate for mentors and an ecf contract has none",
                field="flat_rate",
                rule="flat_rate_only_on_ittecf_ectp",
            )

    @property
    def applicable_vat_rate(self) -> Decimal:
        return self.vat_rate if self.lead_provider_vat_registered else ZERO


@attrs.frozen(kw_only=True)
class BandedCalculation:
    allocations: Allocations
    outputs: Outputs
    uplifts: Uplifts
    monthly_service_fee: Decimal
    # Shown on the statement, never added to it (its share is inside the service fee).
    setup_fee: Decimal
    total_manual_adjustments: Decimal
    vat_rate: Decimal
    voided_count: int = 0

    @property
    @exact
    def subtotal(self) -> Decimal:
        return (
            self.outputs.total_net
            + self.uplifts.total_net
            + self.monthly_service_fee
            + self.total_manual_adjustments
        )

    @property
    @exact
    def vat(self) -> Decimal:
        # On the signed subtotal: a negative statement has negative VAT (§5.9).
        return self.subtotal * self.vat_rate

    @property
    @exact
    def total(self) -> Decimal:
        return self.subtotal + self.vat


@attrs.frozen(kw_only=True)
class FlatRateCalculation:
    outputs: Outputs
    vat_rate: Decimal
    voided_count: int = 0

    @property
    def subtotal(self) -> Decimal:
        return self.outputs.total_net

    @property
    @exact
    def vat(self) -> Decimal:
        return self.subtotal * self.vat_rate

    @property
    @exact
    def total(self) -> Decimal:
        return self.subtotal + self.vat


@attrs.frozen
class StatementCalculation:
    banded: BandedCalculation
    flat_rate: FlatRateCalculation | None = None

    @property
    def calculations(self) -> list[BandedCalculation | FlatRateCalculation]:
        return [self.banded] if self.flat_rate is None else [self.banded, self.flat_rate]

    @property
    @exact
    def vat(self) -> Decimal:
        return sum((calculation.vat for calculation in self.calculations), ZERO)

    @property
    @exact
    def total(self) -> Decimal:
        return sum((calculation.total for calculation in self.calculations), ZERO)


@exact
def total_manual_adjustments(amounts: Iterable[Decimal]) -> Decimal:
    return sum(amounts, ZERO)


def calculate_banded(
    structure: BandedFeeStructure,
    *,
    previous: DeclarationCounts,
    current: DeclarationCounts,
    adjustments: Iterable[Decimal] = (),
    vat_rate: Decimal = DEFAULT_VAT_RATE,
) -> BandedCalculation:
    allocations = allocate_each_type(structure.capacities, previous, current)
    return BandedCalculation(
        allocations=allocations,
        outputs=banded_outputs(structure.bands, allocations),
        uplifts=Uplifts.on(current, structure.uplift_fee_per_declaration),
        monthly_service_fee=monthly_service_fee(structure),
        setup_fee=structure.setup_fee,
        total_manual_adjustments=total_manual_adjustments(adjustments),
        vat_rate=vat_rate,
        voided_count=current.total(DeclarationSet.VOIDED),
    )


def calculate_flat_rate(
    structure: FlatRateFeeStructure,
    current: DeclarationCounts,
    vat_rate: Decimal = DEFAULT_VAT_RATE,
) -> FlatRateCalculation:
    return FlatRateCalculation(
        outputs=flat_rate_outputs(structure, current),
        vat_rate=vat_rate,
        voided_count=current.total(DeclarationSet.VOIDED),
    )


Selector = Callable[[StatementCounts], DeclarationCounts]


def _everyone(statement: StatementCounts) -> DeclarationCounts:
    return statement.everyone


def _ects(statement: StatementCounts) -> DeclarationCounts:
    return statement.ects


def _selected(statements: Iterable[StatementCounts], selector: Selector) -> DeclarationCounts:
    return sum((selector(statement) for statement in statements), NO_DECLARATIONS)


def calculate_statement(
    contract: ContractTerms,
    statement: StatementCounts,
    statements: Iterable[StatementCounts] = (),
    adjustments: Iterable[Decimal] = (),
) -> StatementCalculation:
    """`statements` are all of the active lead provider's statements (the current one may be
    among them); those paid strictly earlier place this statement's declarations in bands.
    `ecf` bands ECTs and mentors together; `ittecf_ectp` bands ECTs and pays mentors a flat
    rate (§5.1)."""
    banded_selector = _everyone if contract.contract_type is ContractType.ECF else _ects
    previous = previous_statements(statements, statement.payment_date)
    banded = calculate_banded(
        contract.banded,
        previous=_selected(previous, banded_selector),
        current=banded_selector(statement),
        adjustments=adjustments,
        vat_rate=contract.applicable_vat_rate,
    )
    if contract.flat_rate is None:
        return StatementCalculation(banded)
    flat_rate = calculate_flat_rate(
        contract.flat_rate, statement.mentors, contract.applicable_vat_rate
    )
    return StatementCalculation(banded, flat_rate)
