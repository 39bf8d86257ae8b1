"""Pure policy for inductions: dates and numbers of terms (inductions-trs (a.2)-(a.4))."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from ecf2.domain.shared.errors import InvalidValue

EARLIEST_INDUCTION_START = date(1999, 9, 1)
EARLIEST_CLAIM_START = date(2021, 9, 1)
MAX_TERMS = Decimal(16)
SMALLEST_EXTENSION = Decimal("0.1")
STANDARD_INDUCTION_TERMS = Decimal(6)
ONE_DECIMAL_PLACE = Decimal("0.1")
# National bodies are recognised by name (a.1): ISTIP and ESP.
_NATIONAL_BODY_NAME = re.compile(r"\b(ISTIP|ESP)\b|Independent Schools Teacher Induction Panel")


def _decimal(value: Decimal | int | float | str, field: str) -> Decimal:
    if isinstance(value, bool):
        raise InvalidValue("Number of terms must be a number", field=field, rule="terms_number")
    try:
        terms = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise InvalidValue(
            "Number of terms must be a number", field=field, rule="terms_number"
        ) from error
    if not terms.is_finite():
        raise InvalidValue("Number of terms must be a number", field=field, rule="terms_number")
    return terms


def _in_range(terms: Decimal, lowest: Decimal, field: str) -> Decimal:
    if not lowest <= terms <= MAX_TERMS:
        raise InvalidValue(
            f"Number of terms must be between {lowest} and {MAX_TERMS}",
            field=field,
            rule="terms_in_range",
        )
    if terms != terms.quantize(ONE_DECIMAL_PLACE):
        raise InvalidValue(
            "Number of terms can have at most one decimal place",
            field=field,
            rule="terms_one_decimal_place",
        )
    return terms


def period_terms(value: Decimal | int | float | str | None) -> Decimal | None:
    """Terms served in an induction period or submission: 0 to 16, one decimal place."""
    if value is None or value == "":
        return None
    return _in_range(_decimal(value, "number_of_terms"), Decimal(0), "number_of_terms")


def extension_terms(value: Decimal | int | float | str) -> Decimal:
    """Terms an extension adds: 0.1 to 16, one decimal place, always given."""
    if value is None or value == "":
        raise InvalidValue(
            "Enter the number of terms", field="number_of_terms", rule="terms_required"
        )
    return _in_range(_decimal(value, "number_of_terms"), SMALLEST_EXTENSION, "number_of_terms")


def terms_completed(terms: Iterable[Decimal | None]) -> Decimal:
    """X in "X of Y": the terms of every induction period (a.4)."""
    return sum((term for term in terms if term is not None), Decimal(0))


def terms_required(extension_terms: Iterable[Decimal]) -> Decimal:
    """Y in "X of Y": six terms plus every extension (a.4)."""
    return STANDARD_INDUCTION_TERMS + sum(extension_terms, Decimal(0))


def is_national_body_name(name: str) -> bool:
    return bool(_NATIONAL_BODY_NAME.search(name))


def check_not_in_future(day: date | None, today: date, field: str, what: str) -> None:
    if day is not None and day > today:
        raise InvalidValue(
            f"The {what} cannot be in the future", field=field, rule=f"{field}_not_in_future"
        )
