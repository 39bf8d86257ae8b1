"""Band letters and limits, provider targets and displayed figures (finance-and-payments §1.3,
§6; finance-vectors A18)."""

from __future__ import annotations

import pytest

from ecf2.domain.payments.calculator import (
    Band,
    as_percentage,
    band_letters,
    band_limits,
    in_pounds,
    to_pennies,
)
from ecf2.domain.shared.errors import InvalidValue
from tests.unit.payments.calculator.builders import D, banded, bands

pytestmark = pytest.mark.payments


def test_a18_the_revised_recruitment_target_is_150_percent_truncated() -> None:
    assert banded(bands("100"), recruitment_target=2500).revised_recruitment_target == 3750
    assert banded(bands("100"), recruitment_target=3).revised_recruitment_target == 4


def test_a18_provider_targets_as_shown() -> None:
    assert (as_percentage(D("0.33")), as_percentage(D("0.4"))) == ("33%", "40%")
    assert (in_pounds(D(50)), in_pounds(D(5000))) == ("£50.00", "£5,000.00")


@pytest.mark.parametrize(
    ("capacities", "limits"),
    [
        ([50, 50, 50], [(1, 50), (51, 100), (101, 150)]),
        ([100, 50, 200], [(1, 100), (101, 150), (151, 350)]),
        ([100], [(1, 100)]),
    ],
)
def test_a18_each_band_starts_above_the_bands_before_it(
    capacities: list[int], limits: list[tuple[int, int]]
) -> None:
    assert [(b.min_declarations, b.max_declarations) for b in band_limits(capacities)] == limits


def test_a18_six_bands_are_lettered_a_to_f() -> None:
    assert band_letters([1] * 6) == ["A", "B", "C", "D", "E", "F"]


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("1086.2068965", "£1,086.21"),
        ("0.005", "£0.01"),
        ("-0.005", "-£0.01"),
        ("-0.004", "£0.00"),
        ("0", "£0.00"),
        ("-150", "-£150.00"),
    ],
)
def test_figures_are_rounded_half_up_to_the_penny_only_when_shown(amount: str, shown: str) -> None:
    assert in_pounds(D(amount)) == shown


def test_a_rounded_zero_is_never_negative() -> None:
    assert str(to_pennies(D("-0.001"))) == "0.00"


def test_a_bands_ratios_add_up_to_one() -> None:
    with pytest.raises(InvalidValue, match="add up to exactly 1"):
        Band(
            capacity=2,
            fee_per_declaration=D(100),
            output_fee_ratio=D("0.6"),
            service_fee_ratio=D("0.5"),
        )
