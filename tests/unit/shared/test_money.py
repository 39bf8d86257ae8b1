from decimal import Decimal

import pytest

from ecf2.domain.shared.errors import InvalidValue
from ecf2.domain.shared.money import pounds, to_money, to_pennies


def test_half_a_penny_rounds_up():
    assert to_pennies(Decimal("0.005")) == Decimal("0.01")
    assert to_pennies(Decimal("-0.005")) == Decimal("-0.01")


def test_money_is_never_a_float():
    with pytest.raises(InvalidValue):
        to_money(0.1)


def test_pounds_are_shown_with_pence_and_commas():
    assert pounds(Decimal("1234567.891")) == "£1,234,567.89"


def test_a_negative_amount_shows_its_sign_before_the_pound_sign():
    assert pounds(Decimal("-150")) == "-£150.00"
    assert pounds(Decimal("-0.001")) == "£0.00"
