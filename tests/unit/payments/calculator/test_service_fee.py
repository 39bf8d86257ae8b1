"""The monthly service fee (finance-and-payments §5.7; finance-vectors A1-A3, A22, A23)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecf2.domain.payments.calculator import (
    derived_monthly_service_fee,
    in_pounds,
    monthly_service_fee,
)
from tests.unit.payments.calculator.builders import (
    D,
    banded,
    bands,
    exactly,
    minimal_bands_contract,
)

pytestmark = pytest.mark.payments


def one_band_of_100_at_800(**overrides: object) -> Decimal:
    structure = banded(bands("800", capacity=100), **overrides)
    return derived_monthly_service_fee(structure)


def test_a1_the_service_share_less_the_setup_fee_is_spread_over_29_months() -> None:
    fee = one_band_of_100_at_800(recruitment_target=100, setup_fee=D(500))
    assert fee == exactly(31_500, 29)
    assert str(fee).startswith("1086.2068965517241379")
    assert in_pounds(fee) == "£1,086.21"


def test_a2_a_second_band_adds_its_share_and_the_setup_fee_comes_off_band_a_only() -> None:
    structure = banded(
        [*bands("800", capacity=100, output="0.60"), *bands("600", capacity=100)],
        recruitment_target=150,
        setup_fee=D(500),
    )
    assert derived_monthly_service_fee(structure) == D(1500)


def test_a3_a_target_below_band_a_takes_the_setup_fee_pro_rata() -> None:
    fee = one_band_of_100_at_800(recruitment_target=50, setup_fee=D(500))
    assert fee == exactly(15_750, 29)
    assert str(fee).startswith("543.1034482758620689")
    assert in_pounds(fee) == "£543.10"


def ecf1_default_contract(**overrides: object) -> object:
    return banded(
        bands("995", "979", "966", capacity=2000),
        recruitment_target=6000,
        setup_fee=D(149_651),
        **overrides,
    )


def test_a22_ecf1s_default_contract_derives_the_same_fee() -> None:
    fee = monthly_service_fee(ecf1_default_contract())  # type: ignore[arg-type]
    assert fee.quantize(D("0.00001")) == D("75943.06897")
    assert in_pounds(fee) == "£75,943.07"


def test_a22_a_monthly_service_fee_on_the_contract_is_used_as_it_is() -> None:
    contract = ecf1_default_contract(monthly_service_fee=D("123.45"))
    assert monthly_service_fee(contract) == D("123.45")  # type: ignore[arg-type]


def test_an_explicit_monthly_service_fee_of_zero_stops_the_fee() -> None:
    assert monthly_service_fee(minimal_bands_contract(monthly_service_fee=D(0))) == 0


def test_a23_a_setup_fee_larger_than_band_as_service_share_makes_the_fee_negative() -> None:
    fee = monthly_service_fee(minimal_bands_contract())
    assert fee == exactly(-148_851, 29)
    assert fee.quantize(D("0.0000001")) == D("-5132.7931034")
