"""What a demo seeding run reports: how many of each kind the demo holds, and how many
of them this run created (none on a repeat run)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

import attrs

# progress(description, steps_done, steps_in_all)
Progress = Callable[[str, int, int], object]


@attrs.frozen
class Tally:
    kind: str
    in_demo: int
    created: int


def tally(kind: str, in_demo: int, created: int) -> Tally:
    return Tally(kind=kind, in_demo=in_demo, created=created)


@attrs.frozen
class DemoSummary:
    tallies: tuple[Tally, ...]
    today: date
    seeded_at: datetime
    seconds: float

    @property
    def created(self) -> int:
        return sum(each.created for each in self.tallies)

    def in_demo(self, kind: str) -> int:
        return sum(each.in_demo for each in self.tallies if each.kind == kind)

    @classmethod
    def of(
        cls, tallies: Iterable[Tally], today: date, seeded_at: datetime, seconds: float
    ) -> DemoSummary:
        return cls(tuple(tallies), today, seeded_at, seconds)
