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
    """Round half up to the penny (finance-and-payments §6)."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def pounds(amount: Decimal) -> str:
    return f"£{to_pennies(amount):,.2f}"
