"""Closed date ranges: both `started_on` and `finished_on` are days inside the period.

An ongoing period has no `finished_on`. A period that follows another starts the day
after it finishes (participants-and-schools §2.1).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from attrs import frozen

from ecf2.domain.shared.errors import InvalidValue

ONE_DAY = timedelta(days=1)


@frozen
class Period:
    started_on: date
    finished_on: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.finished_on is not None and self.finished_on < self.started_on:
            raise InvalidValue(
                f"A period cannot finish ({self.finished_on:%d %B %Y}) before it starts "
                f"({self.started_on:%d %B %Y})",
                field="finished_on",
                rule="period_finishes_before_it_starts",
            )

    @property
    def ongoing(self) -> bool:
        return self.finished_on is None

    def includes(self, day: date) -> bool:
        return self.started_on <= day and (self.finished_on is None or day <= self.finished_on)

    current_on = includes

    def overlaps(self, other: Period) -> bool:
        return self.includes(other.started_on) or other.includes(self.started_on)

    def contains(self, other: Period) -> bool:
        if other.started_on < self.started_on:
            return False
        if self.finished_on is None:
            return True
        return other.finished_on is not None and other.finished_on <= self.finished_on

    def starts_after(self, day: date) -> bool:
        return self.started_on > day

    def finished_before(self, day: date) -> bool:
        return self.finished_on is not None and self.finished_on < day

    def finish_on(self, day: date) -> Period:
        return Period(self.started_on, day)

    def day_after(self) -> date | None:
        return None if self.finished_on is None else self.finished_on + ONE_DAY

    def __str__(self) -> str:
        end = "ongoing" if self.finished_on is None else self.finished_on.isoformat()
        return f"{self.started_on.isoformat()} to {end}"


def first_overlap(candidate: Period, siblings: Iterable[Period]) -> Period | None:
    """The first sibling that shares at least one day with the candidate."""
    return next((sibling for sibling in siblings if sibling.overlaps(candidate)), None)
