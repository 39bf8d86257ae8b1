"""Figures as the finance console shows them: each rounded on its own, half up to the penny,
from its exact value, so shown parts may not add up to the shown total (finance-and-payments §6)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")


def to_pennies(amount: Decimal) -> Decimal:
    rounded = amount.quantize(PENNY, rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def in_pounds(amount: Decimal) -> str:
    """ "£1,086.21", "-£150.00"; a figure that rounds to nothing shows "£0.00", never "-£0.00"."""
    rounded = to_pennies(amount)
    sign = "-" if rounded < 0 else ""
    return f"{sign}£{abs(rounded):,.2f}"


def as_percentage(ratio: Decimal) -> str:
    """An uplift target ratio of 0.33 shows as "33%" (no decimals)."""
    return f"{(ratio * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"
