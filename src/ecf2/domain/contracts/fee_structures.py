"""How a contract prices declarations: per-band terms for ECTs (and, before 2025,
mentors), and a flat rate for mentors (finance-and-payments §1.5-§1.7)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.money import to_money

ONE = Decimal(1)
Number = Decimal | int
Check = Callable[[object, "attrs.Attribute[Any]", Number | None], None]


def _label(field: attrs.Attribute[Any]) -> str:
    return field.name.replace("_", " ").capitalize()


def _fits(amount: Decimal, digits: int, places: int) -> bool:
    if abs(amount) >= Decimal(10) ** (digits - places):
        return False
    return amount == amount.quantize(Decimal(1).scaleb(-places))


def fixed_decimal(digits: int, places: int) -> attrs.Converter[Any, Decimal | None]:
    """Convert to a Decimal that fits the column (`digits` in all, `places` after the
    point): a value the database would round or refuse is refused here instead."""

    def convert(value: Number | str | None, field: attrs.Attribute[Any]) -> Decimal | None:
        if value is None:
            return None
        amount = to_money(value, field=field.name)
        if not _fits(amount, digits, places):
            raise InvalidValue(
                f"{_label(field)} must have at most {digits - places} digits before the "
                f"decimal point and {places} after it",
                field=field.name,
                rule="decimal_fits_column",
            )
        return amount

    return attrs.Converter(convert, takes_field=True)  # type: ignore[arg-type]


def in_range(minimum: Number, *, above: bool = False, maximum: Number | None = None) -> Check:
    def check(_instance: object, field: attrs.Attribute[Any], value: Number | None) -> None:
        if value is None:
            return
        low_ok = value > minimum if above else value >= minimum
        if low_ok and (maximum is None or value <= maximum):
            return
        bound = f"more than {minimum}" if above else f"at least {minimum}"
        upper = "" if maximum is None else f" and at most {maximum}"
        raise InvalidValue(
            f"{_label(field)} must be {bound}{upper}",
            field=field.name,
            rule=f"{field.name}_in_range",
        )

    return check


money = fixed_decimal(12, 2)
ratio = fixed_decimal(3, 2)
POSITIVE = in_range(0, above=True)
NOT_NEGATIVE = in_range(0)
BETWEEN_0_AND_1 = in_range(0, maximum=1)


@attrs.define(kw_only=True)
class BandTerm:
    """The price of one active-lead-provider band under one contract."""

    band_id: int
    fee_per_declaration: Decimal = attrs.field(converter=money, validator=POSITIVE)
    output_fee_ratio: Decimal = attrs.field(converter=ratio, validator=BETWEEN_0_AND_1)
    service_fee_ratio: Decimal = attrs.field(converter=ratio, validator=BETWEEN_0_AND_1)
    id: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.output_fee_ratio + self.service_fee_ratio != ONE:
            raise InvalidValue(
                "The output fee and service fee ratios must add up to exactly 1",
                field="service_fee_ratio",
                rule="fee_ratios_sum_to_one",
            )

    @classmethod
    def from_output_percentage(
        cls, band_id: int, fee_per_declaration: Decimal, output_fee_percentage: int
    ) -> BandTerm:
        """The admin form takes a whole "Output fee (%)"; the service ratio is the rest."""
        output = Decimal(output_fee_percentage) / 100
        return cls(
            band_id=band_id,
            fee_per_declaration=fee_per_declaration,
            output_fee_ratio=output,
            service_fee_ratio=ONE - output,
        )


@attrs.define(kw_only=True)
class BandedFeeStructure:
    recruitment_target: int = attrs.field(validator=NOT_NEGATIVE)
    uplift_fee_per_declaration: Decimal = attrs.field(converter=money, validator=NOT_NEGATIVE)
    setup_fee: Decimal = attrs.field(converter=money, validator=NOT_NEGATIVE)
    # Display only (§1.5).
    uplift_target_ratio: Decimal | None = attrs.field(
        default=None, converter=fixed_decimal(5, 4), validator=BETWEEN_0_AND_1
    )
    # When set, overrides the derived monthly service fee; 0 is a real override (§1.5).
    monthly_service_fee: Decimal | None = attrs.field(
        default=None, converter=money, validator=NOT_NEGATIVE
    )
    band_terms: list[BandTerm] = attrs.field(factory=list)
    id: int | None = None

    def __attrs_post_init__(self) -> None:
        terms, self.band_terms = self.band_terms, []
        for term in terms:
            self.add_band_term(term)

    def add_band_term(self, term: BandTerm) -> BandTerm:
        if self.term_for(term.band_id) is not None:
            raise RuleBroken(
                "This contract already prices that band",
                field="band_id",
                rule="one_band_term_per_band",
            )
        self.band_terms.append(term)
        self.band_terms.sort(key=lambda each: each.band_id)
        return term

    def term_for(self, band_id: int) -> BandTerm | None:
        return next((term for term in self.band_terms if term.band_id == band_id), None)


@attrs.define(kw_only=True)
class FlatRateFeeStructure:
    recruitment_target: int = attrs.field(validator=POSITIVE)
    fee_per_declaration: Decimal = attrs.field(converter=money, validator=POSITIVE)
    id: int | None = None
