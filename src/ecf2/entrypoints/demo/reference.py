"""What every part of the demo shares: its fixed "today", stable ids and times of day.

The demo is built for 23 November 2026 whatever the clock says, so every run makes the
same data; ids the API shows are derived from each record's natural key, not random."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from ecf2.domain.shared.clock import LONDON

DEMO_TODAY = date(2026, 11, 23)
DEMO_SEED = "ecf2-demo"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://ecf2.example/demo")
ONE_DAY = timedelta(days=1)


def demo_uuid(kind: str, *key: object) -> uuid.UUID:
    """The same UUID for the same record on every run."""
    return uuid.uuid5(_NAMESPACE, ":".join([kind, *(str(part) for part in key)]))


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """A moment of a day in England, UTC-aware as the database stores it."""
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


DEMO_NOW = at(DEMO_TODAY, 9)


def slug(name: str) -> str:
    """ "Ambition Institute" -> "ambition-institute"."""
    words = "".join(c if c.isalnum() else " " for c in name.lower()).split()
    return "-".join(words)
