"""Band allocation (finance-and-payments §5.3; finance-vectors A4, A20, A21)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecf2.domain.payments.calculator import (
    BandAllocation,
    StatementCounts,
    allocate,
    allocate_each_type,
    calculate_statement,
    previous_statements,
)
from ecf2.domain.shared.declaration_types import DeclarationType
from tests.unit.payments.calculator.builders import (
    counts,
    ecf,
    minimal_bands_contract,
    month,
    started,
)

pytestmark = pytest.mark.payments

CAPACITIES = [2, 2, 2]
_ = None  # a counter the vector leaves unstated ("·")

# A4: (previous billable, previous refundable, billable, refundable) in; per band
# (previous_billable, previous_refundable, billable, refundable) out.
A4 = {
    "2 one eligible": ((0, 0, 1, 0), [(_, _, 1, _), (_, _, 0, _), (_, _, 0, _)]),
    "3 three current": ((0, 0, 3, 0), [(_, _, 2, _), (_, _, 1, _), (_, _, 0, _)]),
    "4 one previous two current": ((1, 0, 2, 0), [(1, _, 1, _), (0, _, 1, _), (0, _, 0, _)]),
    "5 two awaiting clawback": ((3, 0, 2, 2), [(2, _, 0, 0), (1, _, 1, 1), (_, _, 1, 1)]),
    "6 three previous three current": ((3, 0, 3, 0), [(2, _, 0, _), (1, _, 1, _), (0, _, 2, _)]),
    "7 refunds before and now": ((4, 1, 4, 1), [(2, 0, 0, 0), (2, 1, 1, 0), (0, 0, 2, 1)]),
    "8 more than every band": ((0, 0, 8, 0), [(_, _, 2, _), (_, _, 2, _), (_, _, 2, _)]),
    "9 three awaiting clawback": ((1, 0, 3, 3), [(1, _, 1, 1), (_, _, 2, 2), (_, _, _, 0)]),
}


@pytest.mark.parametrize(("given_counts", "expected"), A4.values(), ids=A4.keys())
def test_a4_declarations_fill_the_bands_as_the_reference_allocator_does(
    given_counts: tuple[int, int, int, int], expected: list[tuple[int | None, ...]]
) -> None:
    previous_billable, previous_refundable, billable, refundable = given_counts
    allocation = allocate(
        CAPACITIES,
        previous_billable=previous_billable,
        previous_refundable=previous_refundable,
        billable=billable,
        refundable=refundable,
    )
    for band, wanted in zip(allocation, expected, strict=True):
        actual = (band.previous_billable, band.previous_refundable, band.billable, band.refundable)
        assert [a for a, w in zip(actual, wanted, strict=True) if w is not None] == [
            w for w in wanted if w is not None
        ]


def test_a4_1_with_no_declarations_every_type_and_band_is_empty() -> None:
    allocations = allocate_each_type(CAPACITIES, counts(), counts())
    assert set(allocations) == set(DeclarationType)
    assert all(band == BandAllocation() for bands in allocations.values() for band in bands)


def test_a4_8_declarations_beyond_the_last_band_are_dropped() -> None:
    assert sum(band.billable for band in allocate(CAPACITIES, billable=8)) == 6


def test_a4_10_each_declaration_type_is_banded_on_its_own() -> None:
    current = counts(("started", "billable", 3), ("completed", "billable", 1))
    allocations = allocate_each_type(CAPACITIES, counts(), current)
    assert [band.billable for band in allocations[DeclarationType.STARTED]] == [2, 1, 0]
    assert [band.billable for band in allocations[DeclarationType.COMPLETED]] == [1, 0, 0]


# A20: ECF1's (count, additions, subtractions) per band is (billable - refundable, billable,
# refundable); minimal bands A-D of two; ECTs and mentors banded together on `ecf`.
def ecf1_bands(
    current: StatementCounts, *earlier: StatementCounts, kind: str = "started"
) -> list[tuple[int, int, int]]:
    calculation = calculate_statement(ecf(minimal_bands_contract()), current, [*earlier, current])
    return [
        (band.billable - band.refundable, band.billable, band.refundable)
        for band in calculation.banded.allocations[DeclarationType(kind)]
    ]


NONE = (0, 0, 0)
A20 = {
    "no declarations": ([], [NONE] * 4),
    "1 current": ([1], [(1, 1, 0), NONE, NONE, NONE]),
    "3 current": ([3], [(2, 2, 0), (1, 1, 0), NONE, NONE]),
    "9 current": ([9], [(2, 2, 0)] * 4),
    "1 previous, 0 current": ([1, 0], [NONE] * 4),
    "1 previous, 1 current": ([1, 1], [(1, 1, 0), NONE, NONE, NONE]),
    "1 previous, 2 current": ([1, 2], [(1, 1, 0), (1, 1, 0), NONE, NONE]),
    "2 previous, 1 current": ([2, 1], [NONE, (1, 1, 0), NONE, NONE]),
    "4 previous, 3 current": ([4, 3], [NONE, NONE, (2, 2, 0), (1, 1, 0)]),
}


@pytest.mark.parametrize(("billable_per_month", "expected"), A20.values(), ids=A20.keys())
def test_a20_bands_fill_across_the_providers_statements(
    billable_per_month: list[int], expected: list[tuple[int, int, int]]
) -> None:
    history = [month(n + 1, started(billable=b)) for n, b in enumerate(billable_per_month)]
    current = history.pop() if history else month(1)
    assert ecf1_bands(current, *history) == expected


def test_a20_clawbacks_of_earlier_declarations_come_off_the_highest_band_holding_them() -> None:
    paid = month(1, started(billable=4))
    assert ecf1_bands(paid) == [(2, 2, 0), (2, 2, 0), NONE, NONE]
    assert ecf1_bands(month(2, started(refundable=2)), paid) == [NONE, (-2, 0, 2), NONE, NONE]
    assert ecf1_bands(month(2, started(billable=3, refundable=2)), paid) == [
        NONE,
        NONE,
        (1, 2, 1),
        (0, 1, 1),
    ]


def test_a20_three_statements_with_clawbacks_in_the_last_two() -> None:
    two_months_ago = month(1, started(billable=4))
    last_month = month(2, started(billable=4, refundable=1))
    this_month = month(3, started(billable=4, refundable=2))
    assert ecf1_bands(two_months_ago) == [(2, 2, 0), (2, 2, 0), NONE, NONE]
    assert ecf1_bands(last_month, two_months_ago) == [NONE, NONE, (2, 2, 0), (1, 2, 1)]
    assert ecf1_bands(this_month, two_months_ago, last_month) == [NONE, NONE, NONE, (-1, 1, 2)]


def test_a20_a_clawed_back_participant_declared_again_takes_band_a_again() -> None:
    paid, clawed_back = month(1, started(billable=1)), month(2, started(refundable=1))
    assert ecf1_bands(paid) == [(1, 1, 0), NONE, NONE, NONE]
    assert ecf1_bands(clawed_back, paid) == [(-1, 0, 1), NONE, NONE, NONE]
    assert ecf1_bands(month(3, started(billable=1)), paid, clawed_back) == [
        (1, 1, 0),
        NONE,
        NONE,
        NONE,
    ]


@pytest.mark.parametrize("kind", [kind.value for kind in DeclarationType])
def test_a20_an_ect_and_a_mentor_share_band_a_on_an_ecf_contract(kind: str) -> None:
    one = counts((kind, "billable", 1))
    assert ecf1_bands(month(1, one, mentors=one), kind=kind)[0] == (2, 2, 0)


A21 = {
    "100": (100, 0, [100, 0, 0]),
    "2000": (2000, 0, [2000, 0, 0]),
    "2001": (2001, 0, [2000, 1, 0]),
    "10000": (10_000, 0, [2000, 2000, 2000]),
    "2000 after 2100": (2000, 2100, [0, 1900, 100]),
    "2500 after 1900": (2500, 1900, [100, 2000, 400]),
}


@pytest.mark.parametrize(("current", "previous", "expected"), A21.values(), ids=A21.keys())
def test_a21_participants_in_each_band_of_two_thousand(
    current: int, previous: int, expected: list[int]
) -> None:
    allocation = allocate([2000, 2000, 2000], previous_billable=previous, billable=current)
    assert [band.billable for band in allocation] == expected


def test_previous_statements_are_those_paid_strictly_earlier() -> None:
    may, june = StatementCounts(payment_date=date(2025, 5, 25)), month(6)
    same_day = StatementCounts(payment_date=june.payment_date, ects=started(billable=1))
    assert previous_statements([may, june, same_day, month(7)], june.payment_date) == [may]


# Properties ------------------------------------------------------------------------------

capacities = st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=6)
amount = st.integers(min_value=0, max_value=400)


@given(capacities, amount, amount, amount, amount)
def test_no_band_ever_holds_more_than_its_capacity(
    caps: list[int], pb: int, pr: int, cb: int, cr: int
) -> None:
    allocation = allocate(
        caps, previous_billable=pb, previous_refundable=pr, billable=cb, refundable=cr
    )
    for band, capacity in zip(allocation, caps, strict=True):
        assert 0 <= band.net <= capacity
        assert band.previous_billable + band.billable <= capacity + band.previous_refundable


@given(capacities, amount, amount, amount, amount)
def test_net_counts_are_billable_less_refundable_within_the_total_capacity(
    caps: list[int], pb: int, pr: int, cb: int, cr: int
) -> None:
    allocation = allocate(
        caps, previous_billable=pb, previous_refundable=pr, billable=cb, refundable=cr
    )
    total = sum(caps)
    previous_net = max(min(pb, total) - pr, 0)
    placed = min(cb, total - previous_net)
    refunded = min(cr, previous_net + placed)
    assert sum(band.billable for band in allocation) == placed
    assert sum(band.refundable for band in allocation) == refunded
    assert sum(band.net for band in allocation) == previous_net + placed - refunded


@given(capacities, amount)
def test_a_single_statement_nets_its_billable_less_refundable_up_to_the_total_capacity(
    caps: list[int], cb: int
) -> None:
    allocation = allocate(caps, billable=cb, refundable=cb // 3)
    net = sum(band.billable - band.refundable for band in allocation)
    assert net == min(cb, sum(caps)) - min(cb // 3, min(cb, sum(caps)))
