"""Bands (finance-and-payments §1.3; inductions-trs-sign-in-admin (d.1), scenario 38)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ecf2.domain.contracts import (
    ActiveLeadProvider,
    Band,
    BandCoverage,
    ContractPeriod,
    band_coverage,
    band_letter,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from tests.unit.contracts.builders import a_contract_period

pytestmark = pytest.mark.contracts

BEFORE_START = date(2027, 5, 31)
NOW = datetime(2027, 5, 31, 12, tzinfo=UTC)


@pytest.fixture
def contract_period() -> ContractPeriod:
    return a_contract_period(2027)


@pytest.fixture
def alp(contract_period: ContractPeriod) -> ActiveLeadProvider:
    """A=200, B=300, no contracts, and a period not yet started."""
    alp = ActiveLeadProvider(lead_provider_id=1, contract_period_year=2027)
    for capacity in (200, 300):
        alp.add_band(
            capacity, has_contracts=False, contract_period=contract_period, today=BEFORE_START
        )
    return alp


@pytest.mark.parametrize(
    ("order", "letter"), [(1, "A"), (2, "B"), (3, "C"), (4, "D"), (5, "E"), (6, "F")]
)
def test_bands_are_lettered_by_allocation_order_beyond_d(order: int, letter: str) -> None:
    assert band_letter(order) == letter
    assert Band(allocation_order=order, capacity=1).letter == letter


def test_a_band_starts_after_the_earlier_bands_and_spans_its_capacity() -> None:
    assert band_coverage([200, 300, 1]) == [
        BandCoverage("A", 1, 200),
        BandCoverage("B", 201, 500),
        BandCoverage("C", 501, 501),
    ]


@pytest.mark.parametrize("capacity", [0, -1])
def test_a_band_capacity_is_above_zero(capacity: int) -> None:
    with pytest.raises(InvalidValue) as refused:
        Band(allocation_order=1, capacity=capacity)
    assert refused.value.rule == "band_capacity_above_zero"


def test_a_band_allocation_order_is_above_zero() -> None:
    with pytest.raises(InvalidValue) as refused:
        Band(allocation_order=0, capacity=10)
    assert refused.value.rule == "band_order_above_zero"


def test_added_bands_take_the_next_allocation_order(alp: ActiveLeadProvider) -> None:
    assert [(band.letter, band.capacity) for band in alp.bands] == [("A", 200), ("B", 300)]
    assert alp.band_coverage()[1] == BandCoverage("B", 201, 500)


def test_bands_must_be_numbered_in_sequence() -> None:
    with pytest.raises(InvalidValue) as refused:
        ActiveLeadProvider(
            lead_provider_id=1,
            contract_period_year=2027,
            bands=[Band(allocation_order=1, capacity=1), Band(allocation_order=3, capacity=1)],
        )
    assert refused.value.rule == "band_orders_in_sequence"


def test_the_last_band_capacity_may_increase(
    alp: ActiveLeadProvider, contract_period: ContractPeriod
) -> None:
    alp.change_band_capacity(2, 301, contract_period=contract_period, now=NOW)
    assert alp.band(2).capacity == 301


def test_reducing_the_last_band_fails(
    alp: ActiveLeadProvider, contract_period: ContractPeriod
) -> None:
    with pytest.raises(RuleBroken) as refused:
        alp.change_band_capacity(2, 299, contract_period=contract_period, now=NOW)
    assert refused.value.rule == "band_capacity_only_increases"


def test_editing_an_earlier_band_fails(
    alp: ActiveLeadProvider, contract_period: ContractPeriod
) -> None:
    with pytest.raises(RuleBroken) as refused:
        alp.change_band_capacity(1, 250, contract_period=contract_period, now=NOW)
    assert refused.value.rule == "only_last_band_changes"


def test_bands_cannot_change_once_payments_are_frozen(alp: ActiveLeadProvider) -> None:
    frozen = a_contract_period(2027, payments_frozen_at=NOW)
    with pytest.raises(RuleBroken) as refused:
        alp.change_band_capacity(2, 400, contract_period=frozen, now=NOW)
    assert refused.value.rule == "contract_period_payments_frozen"


def test_only_the_last_band_can_be_removed(
    alp: ActiveLeadProvider, contract_period: ContractPeriod
) -> None:
    with pytest.raises(RuleBroken) as refused:
        alp.remove_band(1, has_contracts=False, contract_period=contract_period, today=BEFORE_START)
    assert refused.value.rule == "only_last_band_changes"
    removed = alp.remove_band(
        2, has_contracts=False, contract_period=contract_period, today=BEFORE_START
    )
    assert removed.letter == "B"
    assert [band.letter for band in alp.bands] == ["A"]


def test_once_a_contract_exists_adding_or_removing_a_band_fails(
    alp: ActiveLeadProvider,
    contract_period: ContractPeriod,
) -> None:
    with pytest.raises(RuleBroken) as refused:
        alp.add_band(100, has_contracts=True, contract_period=contract_period, today=BEFORE_START)
    assert refused.value.rule == "bands_fixed_once_contracted"
    with pytest.raises(RuleBroken):
        alp.remove_band(2, has_contracts=True, contract_period=contract_period, today=BEFORE_START)


@pytest.mark.parametrize(("today", "open_"), [(date(2027, 5, 31), True), (date(2027, 6, 1), False)])
def test_bands_are_fixed_from_the_day_the_contract_period_starts(
    alp: ActiveLeadProvider,
    contract_period: ContractPeriod,
    today: date,
    open_: bool,
) -> None:
    if open_:
        alp.add_band(50, has_contracts=False, contract_period=contract_period, today=today)
        assert alp.bands[-1].letter == "C"
        return
    with pytest.raises(RuleBroken) as refused:
        alp.add_band(50, has_contracts=False, contract_period=contract_period, today=today)
    assert refused.value.rule == "bands_fixed_once_contract_period_started"


def test_bands_are_changed_only_with_their_own_contract_period(alp: ActiveLeadProvider) -> None:
    with pytest.raises(InvalidValue):
        alp.add_band(
            1, has_contracts=False, contract_period=a_contract_period(2028), today=BEFORE_START
        )
