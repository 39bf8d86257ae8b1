"""What every context's steps share: trying an action and keeping what happened."""

from __future__ import annotations

from calendar import month_name
from collections.abc import Callable
from datetime import date
from typing import Any

from attrs import define

from ecf2.domain.shared.errors import DomainError


@define
class Outcome:
    value: Any = None
    error: DomainError | None = None


_MONTHS = {name: number for number, name in enumerate(month_name) if name}


def a_day(text: str) -> date:
    """A day as people write it in the scenarios: "1 September 2025"."""
    day, month, year = text.split()
    return date(int(year), _MONTHS[month], int(day))


def attempt(action: Callable[[], Any]) -> Outcome:
    try:
        return Outcome(value=action())
    except DomainError as error:
        return Outcome(error=error)
