"""The calculator's Decimal arithmetic: nothing is rounded on the way (finance-and-payments §6)."""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import ParamSpec, TypeVar

# §6: precision of at least 34 digits, so a service fee divided by 29 keeps its decimals.
CALCULATION = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_EVEN)
ZERO = Decimal(0)

P = ParamSpec("P")
R = TypeVar("R")


def exact(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` at the calculator's precision, whatever the caller's context."""

    @functools.wraps(function)
    def at_calculation_precision(*args: P.args, **kwargs: P.kwargs) -> R:
        with decimal.localcontext(CALCULATION):
            return function(*args, **kwargs)

    return at_calculation_precision
