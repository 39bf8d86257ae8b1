"""The active lead provider's bands with the current contract's price for each
(finance-and-payments §1.3, §1.6)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from ecf2.domain.shared.errors import InvalidValue

ONE = Decimal(1)


def _label(field: attrs.Attribute[Any]) -> str:
    return field.name.replace("_", " ").capitalize().replace("Vat ", "VAT ")


def not_negative(_instance: object, field: attrs.Attribute[Any], value: Decimal | int) -> None:
    if value < 0:
        raise InvalidValue(
            f"{_label(field)} must be 0 or more",
            field=field.name,
            rule=f"{field.name}_not_negative",
        )


def ratio(_instance: object, field: attrs.Attribute[Any], value: Decimal) -> None:
    if not 0 <= value <= 1:
        raise InvalidValue(
            f"{_label(field)} must be between 0 and 1",
            field=field.name,
            rule=f"{field.name}_in_range",
        )


def _positive(_instance: object, field: attrs.Attribute[Any], value: int) -> None:
    if value <= 0:
        raise InvalidValue(
            "Capacity must be more than 0", field=field.name, rule="capacity_positive"
        )


@attrs.frozen(kw_only=True)
class Band:
    """One band: its capacity (the active lead provider's) and its band term (the contract's).
    `fee_per_declaration` is the full per-participant price, not a per-declaration amount."""

    capacity: int = attrs.field(validator=_positive)
    fee_per_declaration: Decimal = attrs.field(validator=not_negative)
    output_fee_ratio: Decimal = attrs.field(validator=ratio)
    service_fee_ratio: Decimal = attrs.field(validator=ratio)

    def __attrs_post_init__(self) -> None:
        if self.output_fee_ratio + self.service_fee_ratio != ONE:
            raise InvalidValue(
                "The output fee and service fee ratios must add up to exactly 1",
                field="service_fee_ratio",
                rule="fee_ratios_sum_to_one",
            )


def band_letter(position: int) -> str:
    """A, B, C ... from position 0; not limited to four bands (§1.3)."""
    return chr(ord("A") + position)


def band_letters(bands: Sequence[object]) -> list[str]:
    return [band_letter(position) for position in range(len(bands))]


@attrs.frozen
class BandLimits:
    min_declarations: int
    max_declarations: int


def band_limits(capacities: Sequence[int]) -> list[BandLimits]:
    """Each band starts one above the capacities of the bands before it (§1.3)."""
    limits, below = [], 0
    for capacity in capacities:
        limits.append(BandLimits(below + 1, below + capacity))
        below += capacity
    return limits
