"""The kinds of declaration a lead provider makes, in their canonical order
(finance-and-payments §1.11, lead-provider-api-v3 §3.5): the order is meaningful."""

from __future__ import annotations

from enum import StrEnum


class DeclarationType(StrEnum):
    STARTED = "started"
    RETAINED_1 = "retained-1"
    RETAINED_2 = "retained-2"
    RETAINED_3 = "retained-3"
    RETAINED_4 = "retained-4"
    COMPLETED = "completed"
    EXTENDED_1 = "extended-1"
    EXTENDED_2 = "extended-2"
    EXTENDED_3 = "extended-3"

    @property
    def position(self) -> int:
        """Where the type falls in the canonical order, from 0 for `started`."""
        return list(DeclarationType).index(self)


# The types every schedule carries; extended schedules add the three extended ones.
STARTED_TO_COMPLETED = tuple(DeclarationType)[:6]
