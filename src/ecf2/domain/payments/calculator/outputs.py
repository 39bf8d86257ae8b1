"""Output payments per declaration type (and band), and their totals
(finance-and-payments §5.4, §5.5)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from ecf2.domain.payments.calculator.precision import ZERO, exact
from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue


def no_fee_proportion(declaration_type: str) -> InvalidValue:
    return InvalidValue(
        f"No fee proportion defined for declaration type: {declaration_type}",
        field="declaration_type",
        rule="fee_proportion_defined",
    )


@attrs.frozen(kw_only=True)
class DeclarationTypeOutput:
    """This statement's billable and refundable declarations of one type (in one band, for
    the banded calculator) and the fee each is worth."""

    declaration_type: DeclarationType
    billable: int
    refundable: int
    type_adjusted_fee: Decimal
    band: str | None = None

    @property
    @exact
    def total_billable(self) -> Decimal:
        return self.billable * self.type_adjusted_fee

    @property
    @exact
    def total_refundable(self) -> Decimal:
        return self.refundable * self.type_adjusted_fee

    @property
    @exact
    def total_net(self) -> Decimal:
        return self.total_billable - self.total_refundable


@attrs.frozen
class Outputs:
    """Every (type, band) line of one calculator, in type order then band order."""

    lines: tuple[DeclarationTypeOutput, ...] = attrs.field(converter=tuple)

    def __iter__(self) -> Iterator[DeclarationTypeOutput]:
        return iter(self.lines)

    @property
    @exact
    def total_billable(self) -> Decimal:
        return sum((line.total_billable for line in self.lines), ZERO)

    @property
    @exact
    def total_refundable(self) -> Decimal:
        return sum((line.total_refundable for line in self.lines), ZERO)

    @property
    @exact
    def total_net(self) -> Decimal:
        return sum((line.total_net for line in self.lines), ZERO)

    @property
    def total_billable_count(self) -> int:
        return self.billable_count(*DeclarationType)

    @property
    def total_refundable_count(self) -> int:
        return sum(line.refundable for line in self.lines)

    def billable_count(self, *declaration_types: DeclarationType) -> int:
        return sum(
            line.billable for line in self.lines if line.declaration_type in declaration_types
        )

    def line(
        self, declaration_type: DeclarationType, band: str | None = None
    ) -> DeclarationTypeOutput:
        return next(
            line
            for line in self.lines
            if line.declaration_type is declaration_type and line.band == band
        )

    def clawed_back(self) -> list[DeclarationTypeOutput]:
        """The lines with refunds, in type order then band order (§8 item 7)."""
        return [line for line in self.lines if line.refundable]
