"""What every dated participants entity answers about "today" (participants-and-schools
§2.3). One meaning of "current" throughout: `started_on <= today <= finished_on`, both ends
inclusive; RECT's instance-level `contains_today?` (which ignores the start and treats a
period finishing today as over) is not copied."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from ecf2.domain.shared.period import Period


class Dated:
    __slots__ = ()
    started_on: date
    finished_on: date | None

    @property
    def period(self) -> Period:
        return Period(self.started_on, self.finished_on)

    @property
    def unfinished(self) -> bool:
        return self.finished_on is None

    @property
    def finished(self) -> bool:
        """Has a finish date, even one still in the future."""
        return self.finished_on is not None

    def contains(self, today: date) -> bool:
        return self.period.includes(today)

    def starting_after(self, today: date) -> bool:
        return self.started_on > today

    def current_or_future(self, today: date) -> bool:
        return self.contains(today) or self.starting_after(today)

    def leaving_today_or_in_future(self, today: date) -> bool:
        return self.finished_on is not None and self.finished_on >= today


D = TypeVar("D", bound=Dated)


def current_or_next(items: Iterable[D], today: date) -> D | None:
    """The earliest-starting item that is current or still to come."""
    candidates = [item for item in items if item.current_or_future(today)]
    return min(candidates, key=lambda item: item.started_on, default=None)
