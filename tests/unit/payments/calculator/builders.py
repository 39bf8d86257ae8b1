"""Contracts and counts the finance vectors use (finance-vectors.md, "Conventions used below")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ecf2.domain.payments.calculator import (
    Band,
    BandedFeeStructure,
    ContractTerms,
    DeclarationCounts,
    StatementCounts,
)
from ecf2.domain.payments.calculator.precision import CALCULATION

D = Decimal


def exactly(numerator: int | Decimal, denominator: int) -> Decimal:
    """A quotient at the calculator's precision (finance-and-payments §6)."""
    return CALCULATION.divide(D(numerator), D(denominator))


def bands(*prices: str, capacity: int = 2, output: str = "0.60") -> list[Band]:
    return [
        Band(
            capacity=capacity,
            fee_per_declaration=D(price),
            output_fee_ratio=D(output),
            service_fee_ratio=1 - D(output),
        )
        for price in prices
    ]


def banded(band_list: list[Band], **overrides: object) -> BandedFeeStructure:
    values: dict[str, object] = {
        "bands": band_list,
        "recruitment_target": 100,
        "setup_fee": D(500),
        "uplift_fee_per_declaration": D(100),
        "monthly_service_fee": None,
    }
    return BandedFeeStructure(**(values | overrides))  # type: ignore[arg-type]


def minimal_bands_contract(**overrides: object) -> BandedFeeStructure:
    """ECF1's `:with_minimal_bands` call-off contract: A-D of two, £400/£300/£200/£100."""
    values: dict[str, object] = {
        "recruitment_target": 6000,
        "setup_fee": D(149_651),
        "uplift_fee_per_declaration": D(100),
    }
    return banded(bands("400", "300", "200", "100"), **(values | overrides))


def ecf(structure: BandedFeeStructure, **overrides: object) -> ContractTerms:
    return ContractTerms(contract_type="ecf", banded=structure, **overrides)  # type: ignore[arg-type]


def counts(*groups: tuple[str, str, int] | tuple[str, str, int, bool]) -> DeclarationCounts:
    """Groups as (declaration type, set, count[, uplift])."""
    return DeclarationCounts.of(
        (group[0], group[1], bool(group[3]) if len(group) > 3 else False, group[2])  # type: ignore[misc]
        for group in groups
    )


def started(billable: int = 0, refundable: int = 0) -> DeclarationCounts:
    return counts(("started", "billable", billable), ("started", "refundable", refundable))


def month(
    number: int, ects: DeclarationCounts | None = None, **kw: DeclarationCounts
) -> StatementCounts:
    """A statement paid on the 25th of `number` (1 = January 2025, 13 = January 2026)."""
    year, month_index = divmod(number - 1, 12)
    return StatementCounts(
        payment_date=date(2025 + year, month_index + 1, 25),
        ects=ects or DeclarationCounts(),
        **kw,
    )
