"""The flat-rate calculator for mentors on `ittecf_ectp` contracts: half the fee when they
start, half when they complete; no bands, no history, no cap (finance-and-payments §5.5)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from ecf2.domain.payments.calculator.bands import not_negative
from ecf2.domain.payments.calculator.counts import DeclarationCounts, DeclarationSet
from ecf2.domain.payments.calculator.outputs import (
    DeclarationTypeOutput,
    Outputs,
    no_fee_proportion,
)
from ecf2.domain.payments.calculator.precision import exact
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue

HALF = Decimal("0.5")
MENTOR_FEE_PROPORTIONS: Mapping[DeclarationType, Decimal] = MappingProxyType(
    {DeclarationType.STARTED: HALF, DeclarationType.COMPLETED: HALF}
)


def _proportions(proportions: Mapping[DeclarationType, Decimal]) -> dict[DeclarationType, Decimal]:
    if sum(proportions.values()) != 1:
        raise InvalidValue(
            "Sum of proportions must be 1",
            field="fee_proportions",
            rule="fee_proportions_sum_to_one",
        )
    return {kind: proportions[kind] for kind in DeclarationType if kind in proportions}


@attrs.frozen(kw_only=True)
class FlatRateFeeStructure:
    """The full per-mentor price, paid in the given proportions per declaration type (§1.7)."""

    fee_per_declaration: Decimal = attrs.field(validator=not_negative)
    fee_proportions: Mapping[DeclarationType, Decimal] = attrs.field(
        default=MENTOR_FEE_PROPORTIONS, converter=_proportions
    )

    @exact
    def type_adjusted_fee(self, declaration_type: DeclarationType) -> Decimal:
        if declaration_type not in self.fee_proportions:
            raise no_fee_proportion(declaration_type)
        return self.fee_proportions[declaration_type] * self.fee_per_declaration


def flat_rate_outputs(structure: FlatRateFeeStructure, counts: DeclarationCounts) -> Outputs:
    """This statement's declarations of the types the proportions name; the others are not
    paid at this rate."""
    return Outputs(
        DeclarationTypeOutput(
            declaration_type=declaration_type,
            billable=counts.count(declaration_type, DeclarationSet.BILLABLE),
            refundable=counts.count(declaration_type, DeclarationSet.REFUNDABLE),
            type_adjusted_fee=structure.type_adjusted_fee(declaration_type),
        )
        for declaration_type in structure.fee_proportions
    )
