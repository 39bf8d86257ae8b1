"""Money is Decimal, never float. Rounding to the penny happens only for display."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ecf2.domain.shared.errors import InvalidValue

PENNY = Decimal("0.01")
ZERO = Decimal(0)


def to_money(value: Decimal | int | str, *, field: str = "amount") -> Decimal:
    if isinstance(value, float):
        raise InvalidValue(f"{field} must be given as a decimal, not a float", field=field)
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError) as error:
        raise InvalidValue(f"{field} must be a number", field=field) from error
    if not amount.is_finite():
        raise InvalidValue(f"{field} must be a finite number", field=field)
    return amount


def to_pennies(amount: Decimal) -> Decimal:
    """Round half up to the penny (finance-and-payments §6); never a negative zero."""
    rounded = amount.quantize(PENNY, rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def pounds(amount: Decimal) -> str:
    """ "£1,086.21", "-£150.00"; a figure that rounds to nothing shows "£0.00"."""
    rounded = to_pennies(amount)
    sign = "-" if rounded < 0 else ""
    return f"{sign}£{abs(rounded):,.2f}"
