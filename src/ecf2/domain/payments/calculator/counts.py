"""What the calculator reads: for each statement, how many declarations fall in each
(declaration type, set, uplift) group. One GROUP BY returns this shape; the calculator
never sees a declaration row (finance-and-payments §5.2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum

import attrs

from ecf2.domain.shared.declaration_types import DeclarationType
from ecf2.domain.shared.errors import InvalidValue


class DeclarationSet(StrEnum):
    """The sets of §5.2, seen from the statement that holds them."""

    # payment statement is this one and payment status eligible, payable or paid
    BILLABLE = "billable"
    # clawback statement is this one and clawback status awaiting_clawback or clawed_back
    REFUNDABLE = "refundable"
    # payment statement is this one and payment status voided
    VOIDED = "voided"


@attrs.frozen
class CountKey:
    declaration_type: DeclarationType = attrs.field(converter=DeclarationType)
    declaration_set: DeclarationSet = attrs.field(converter=DeclarationSet)
    uplift: bool = False


def _counts(counts: Mapping[CountKey, int]) -> dict[CountKey, int]:
    for key, count in counts.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InvalidValue(
                f"The count of {key.declaration_set} {key.declaration_type} declarations "
                "must be a whole number, 0 or more",
                field="count",
                rule="count_not_negative",
            )
    return {key: count for key, count in counts.items() if count}


@attrs.frozen
class DeclarationCounts:
    """How many of one statement's declarations fall in each group."""

    by_key: Mapping[CountKey, int] = attrs.field(factory=dict, converter=_counts)

    @classmethod
    def of(cls, groups: Iterable[tuple[str, str, bool, int]]) -> DeclarationCounts:
        """From (declaration type, set, uplift, count) rows; repeated groups add up."""
        totals: dict[CountKey, int] = {}
        for declaration_type, declaration_set, uplift, count in groups:
            key = CountKey(declaration_type, declaration_set, uplift)
            totals[key] = totals.get(key, 0) + count
        return cls(totals)

    def count(self, declaration_type: DeclarationType, declaration_set: DeclarationSet) -> int:
        return sum(
            count
            for key, count in self.by_key.items()
            if (key.declaration_type, key.declaration_set) == (declaration_type, declaration_set)
        )

    def uplifted(self, declaration_set: DeclarationSet) -> int:
        # Only `started` declarations carry uplift flags (§1.11, §5.6; ECF1 counts only them).
        key = CountKey(DeclarationType.STARTED, declaration_set, uplift=True)
        return self.by_key.get(key, 0)

    def total(self, declaration_set: DeclarationSet) -> int:
        return sum(c for key, c in self.by_key.items() if key.declaration_set == declaration_set)

    def __add__(self, other: DeclarationCounts) -> DeclarationCounts:
        totals = dict(self.by_key)
        for key, count in other.by_key.items():
            totals[key] = totals.get(key, 0) + count
        return DeclarationCounts(totals)


NO_DECLARATIONS = DeclarationCounts()


@attrs.frozen(kw_only=True)
class StatementCounts:
    """One statement of the active lead provider: its payment date, which orders the
    statements for banding (§3.2), and the counts of its ECTs' and mentors' declarations."""

    payment_date: date
    ects: DeclarationCounts = NO_DECLARATIONS
    mentors: DeclarationCounts = NO_DECLARATIONS

    @property
    def everyone(self) -> DeclarationCounts:
        return self.ects + self.mentors
