"""Figures as the finance console shows them: each rounded on its own, half up to the penny,
from its exact value, so shown parts may not add up to the shown total (finance-and-payments §6)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ecf2.domain.shared.money import pounds

# One rounding for the whole service: the shared kernel's.
in_pounds = pounds


def as_percentage(ratio: Decimal) -> str:
    """An uplift target ratio of 0.33 shows as "33%" (no decimals)."""
    return f"{(ratio * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"
