"""Which band each declaration of one type falls in (finance-and-payments §5.3).

Bands fill cumulatively over the active lead provider's history, one declaration type at a
time, in four steps: previous billable A→last, previous refunds last→A, current billable
A→last, current refunds last→A. Declarations beyond the last band are dropped: they are
neither paid nor counted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import attrs

from ecf2.domain.payments.calculator.counts import (
    DeclarationCounts,
    DeclarationSet,
    StatementCounts,
)
from ecf2.domain.shared.declaration_types import DeclarationType


@attrs.frozen
class BandAllocation:
    """One band's share of one declaration type. Only `billable` and `refundable` (this
    statement's) are priced; the previous counts only position them."""

    previous_billable: int = 0
    previous_refundable: int = 0
    billable: int = 0
    refundable: int = 0

    @property
    def net(self) -> int:
        return self.previous_billable + self.billable - self.previous_refundable - self.refundable


@attrs.define
class _Filling:
    capacity: int
    counts: list[int] = attrs.field(factory=lambda: [0, 0, 0, 0])

    @property
    def net(self) -> int:
        previous_billable, previous_refundable, billable, refundable = self.counts
        return previous_billable + billable - previous_refundable - refundable

    def take(self, step: int, remaining: int, room: int) -> int:
        taken = min(remaining, max(room, 0))
        self.counts[step] += taken
        return remaining - taken


PREVIOUS_BILLABLE, PREVIOUS_REFUNDABLE, BILLABLE, REFUNDABLE = range(4)


def _fill(bands: list[_Filling], step: int, count: int) -> None:
    for band in bands:
        count = band.take(step, count, band.capacity - band.net)


def _remove(bands: list[_Filling], step: int, count: int) -> None:
    for band in reversed(bands):
        count = band.take(step, count, band.net)


def allocate(
    capacities: Sequence[int],
    *,
    previous_billable: int = 0,
    previous_refundable: int = 0,
    billable: int = 0,
    refundable: int = 0,
) -> tuple[BandAllocation, ...]:
    bands = [_Filling(capacity) for capacity in capacities]
    _fill(bands, PREVIOUS_BILLABLE, previous_billable)
    _remove(bands, PREVIOUS_REFUNDABLE, previous_refundable)
    _fill(bands, BILLABLE, billable)
    _remove(bands, REFUNDABLE, refundable)
    return tuple(BandAllocation(*band.counts) for band in bands)


Allocations = Mapping[DeclarationType, tuple[BandAllocation, ...]]


def allocate_each_type(
    capacities: Sequence[int], previous: DeclarationCounts, current: DeclarationCounts
) -> Allocations:
    """Each declaration type separately: a started declaration never takes retained room."""
    return {
        declaration_type: allocate(
            capacities,
            previous_billable=previous.count(declaration_type, DeclarationSet.BILLABLE),
            previous_refundable=previous.count(declaration_type, DeclarationSet.REFUNDABLE),
            billable=current.count(declaration_type, DeclarationSet.BILLABLE),
            refundable=current.count(declaration_type, DeclarationSet.REFUNDABLE),
        )
        for declaration_type in DeclarationType
    }


def previous_statements(
    statements: Iterable[StatementCounts], payment_date: date
) -> list[StatementCounts]:
    """The statements paid strictly before `payment_date`, whatever their contract, fee
    type or status (§3.2)."""
    return [statement for statement in statements if statement.payment_date < payment_date]
