"""Time is a port: every "now" and "today" comes from a Clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

# Day boundaries follow England's calendar (lead-provider-api-v3 §1.9).
LONDON = ZoneInfo("Europe/London")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, UTC-aware."""
        ...

    def today(self) -> date:
        """The current day in England."""
        ...


def london_day(instant: datetime) -> date:
    return instant.astimezone(LONDON).date()


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return london_day(self.now())


class FixedClock:
    """A clock that stands still until moved: for tests and scenarios."""

    def __init__(self, instant: datetime | date) -> None:
        self.set(instant)

    def set(self, instant: datetime | date) -> None:
        if not isinstance(instant, datetime):
            instant = datetime(instant.year, instant.month, instant.day, 12, tzinfo=LONDON)
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self._now = instant.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return london_day(self._now)


class TimeTravelClock:
    """Real time, shifted by an offset: the sandbox and the admin console's time travel."""

    def __init__(self, base: Clock | None = None, offset: timedelta = timedelta(0)) -> None:
        self._base = base or SystemClock()
        self.offset = offset

    def travel_to(self, instant: datetime) -> None:
        self.offset = instant - self._base.now()

    def return_to_present(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return self._base.now() + self.offset

    def today(self) -> date:
        return london_day(self.now())
