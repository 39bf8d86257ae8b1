"""Small builders for the contracts context's tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from ecf2.domain.contracts import (
    BandedFeeStructure,
    BandTerm,
    ContractPeriod,
    FlatRateFeeStructure,
)


def a_contract_period(year: int, **overrides: Any) -> ContractPeriod:
    """A contract period running 1 June `year` to 31 May the year after."""
    values: dict[str, Any] = {
        "year": year,
        "started_on": date(year, 6, 1),
        "finished_on": date(year + 1, 5, 31),
        "enabled": True,
    }
    return ContractPeriod(**(values | overrides))


def frozen_on(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def production_like_periods() -> list[ContractPeriod]:
    """Seeded values (participants-and-schools §1.9): 2021 and 2022 disabled and frozen."""
    return [
        a_contract_period(2021, enabled=False, payments_frozen_at=frozen_on(date(2024, 6, 18))),
        a_contract_period(2022, enabled=False, payments_frozen_at=frozen_on(date(2025, 6, 16))),
        *(a_contract_period(year) for year in (2023, 2024, 2025, 2026)),
    ]


def a_banded_fee_structure(*band_ids: int, **overrides: Any) -> BandedFeeStructure:
    terms = [
        BandTerm(
            band_id=band_id,
            fee_per_declaration=Decimal("1000.00"),
            output_fee_ratio=Decimal("0.60"),
            service_fee_ratio=Decimal("0.40"),
        )
        for band_id in band_ids
    ]
    values: dict[str, Any] = {
        "recruitment_target": 1000,
        "uplift_fee_per_declaration": Decimal("100.00"),
        "setup_fee": Decimal("0"),
        "band_terms": terms,
    }
    return BandedFeeStructure(**(values | overrides))


def a_flat_rate_fee_structure() -> FlatRateFeeStructure:
    return FlatRateFeeStructure(recruitment_target=500, fee_per_declaration=Decimal("1000.00"))
