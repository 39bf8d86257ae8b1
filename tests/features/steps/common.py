"""What every context's steps share: trying an action and keeping what happened."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import define

from ecf2.domain.shared.errors import DomainError


@define
class Outcome:
    value: Any = None
    error: DomainError | None = None


def attempt(action: Callable[[], Any]) -> Outcome:
    try:
        return Outcome(value=action())
    except DomainError as error:
        return Outcome(error=error)
