"""The banded calculator's prices: output payments per band (§5.4), uplifts (§5.6) and the
monthly service fee (§5.7) of finance-and-payments."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from ecf2.domain.payments.calculator.band_allocation import Allocations
from ecf2.domain.payments.calculator.bands import Band, band_letters, not_negative
from ecf2.domain.payments.calculator.counts import DeclarationCounts, DeclarationSet
from ecf2.domain.payments.calculator.outputs import (
    DeclarationTypeOutput,
    Outputs,
    no_fee_proportion,
)
from ecf2.domain.payments.calculator.precision import ZERO, exact
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue

_STARTED_OR_COMPLETED = Decimal("0.20")
_RETAINED_OR_EXTENDED = Decimal("0.15")
BANDED_FEE_PROPORTIONS = {
    declaration_type: _STARTED_OR_COMPLETED
    if declaration_type in (DeclarationType.STARTED, DeclarationType.COMPLETED)
    else _RETAINED_OR_EXTENDED
    for declaration_type in DeclarationType
}
# The number of monthly service payments a contract's service fee is spread over (§5.7).
SERVICE_FEE_PAYMENTS = 29


def fee_proportion(declaration_type: DeclarationType | str) -> Decimal:
    try:
        return BANDED_FEE_PROPORTIONS[DeclarationType(declaration_type)]
    except ValueError:
        raise no_fee_proportion(declaration_type) from None


@exact
def type_adjusted_fee(declaration_type: DeclarationType | str, band: Band) -> Decimal:
    return fee_proportion(declaration_type) * band.output_fee_ratio * band.fee_per_declaration


def banded_outputs(bands: Sequence[Band], allocations: Allocations) -> Outputs:
    """One line per declaration type and band, priced by the current contract's terms."""
    return Outputs(
        DeclarationTypeOutput(
            declaration_type=declaration_type,
            band=letter,
            billable=allocation.billable,
            refundable=allocation.refundable,
            type_adjusted_fee=type_adjusted_fee(declaration_type, band),
        )
        for declaration_type in DeclarationType
        for letter, band, allocation in zip(
            band_letters(bands), bands, allocations[declaration_type], strict=True
        )
    )


@attrs.frozen(kw_only=True)
class Uplifts:
    """One fee per uplifted declaration on this statement, even with both flags; not banded,
    not cumulative, no cap (§5.6)."""

    billable_count: int
    refundable_count: int
    fee_per_declaration: Decimal

    @classmethod
    def on(cls, counts: DeclarationCounts, fee_per_declaration: Decimal) -> Uplifts:
        return cls(
            billable_count=counts.uplifted(DeclarationSet.BILLABLE),
            refundable_count=counts.uplifted(DeclarationSet.REFUNDABLE),
            fee_per_declaration=fee_per_declaration,
        )

    @property
    def net_count(self) -> int:
        return self.billable_count - self.refundable_count

    @property
    @exact
    def total_billable(self) -> Decimal:
        return self.billable_count * self.fee_per_declaration

    @property
    @exact
    def total_refundable(self) -> Decimal:
        return self.refundable_count * self.fee_per_declaration

    @property
    @exact
    def total_net(self) -> Decimal:
        return self.net_count * self.fee_per_declaration


def _some_bands(_instance: object, _field: object, bands: tuple[Band, ...]) -> None:
    if not bands:
        raise InvalidValue("A contract needs at least one band", field="bands", rule="has_bands")


def _optional_not_negative(instance: object, field: attrs.Attribute[object], value: object) -> None:
    if value is not None:
        not_negative(instance, field, value)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True)
class BandedFeeStructure:
    """How a contract prices the declarations it bands (§1.5, §1.6)."""

    bands: tuple[Band, ...] = attrs.field(converter=tuple, validator=_some_bands)
    recruitment_target: int = attrs.field(validator=not_negative)
    setup_fee: Decimal = attrs.field(validator=not_negative)
    uplift_fee_per_declaration: Decimal = attrs.field(validator=not_negative)
    # None means "derive it"; 0 is a real override that stops service fees (§5.7).
    monthly_service_fee: Decimal | None = attrs.field(
        default=None, validator=_optional_not_negative
    )

    @property
    def capacities(self) -> list[int]:
        return [band.capacity for band in self.bands]

    @property
    def revised_recruitment_target(self) -> int:
        # Shown as "150%"; RECT truncates (§6).
        return self.recruitment_target * 3 // 2


def monthly_service_fee(structure: BandedFeeStructure) -> Decimal:
    if structure.monthly_service_fee is not None:
        return structure.monthly_service_fee
    return derived_monthly_service_fee(structure)


@exact
def derived_monthly_service_fee(structure: BandedFeeStructure) -> Decimal:
    """The service share of the recruitment target, less the set-up fee, over 29 months. The
    set-up fee is subtracted, pro rata when band A is not full (§5.7, §13)."""
    remaining, service_total = structure.recruitment_target, ZERO
    for band in structure.bands:
        filled = min(remaining, band.capacity)
        remaining -= filled
        service_total += filled * band.fee_per_declaration * band.service_fee_ratio
    first_capacity = structure.bands[0].capacity
    setup_deduction = (
        min(structure.recruitment_target, first_capacity) * structure.setup_fee / first_capacity
    )
    return (service_total - setup_deduction) / SERVICE_FEE_PAYMENTS
