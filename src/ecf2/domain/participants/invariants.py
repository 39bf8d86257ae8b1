"""Checks the participants entities share: pairs of fields, overlap and containment of
periods (participants-and-schools §2.1, §2.2)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.period import Period, first_overlap


def require_both_or_neither(
    first: tuple[str, object], second: tuple[str, object], *, rule: str, message: str
) -> None:
    """Two fields that only make sense together: both are set, or neither is."""
    (first_name, first_value), (second_name, second_value) = first, second
    if (first_value is None) != (second_value is None):
        missing = first_name if first_value is None else second_name
        raise InvalidValue(message, field=missing, rule=rule)


def describe(period: Period) -> str:
    start = _day(period.started_on)
    if period.finished_on is None:
        return f"from {start}, ongoing"
    return f"from {start} to {_day(period.finished_on)}"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def refuse_overlap(
    candidate: Period, siblings: Iterable[Period], *, subject: str, rule: str
) -> None:
    """Refuse a period that shares a day with a sibling; the error names the field that
    lands inside the sibling, as the reference service reports it (§2.2)."""
    sibling = first_overlap(candidate, siblings)
    if sibling is None:
        return
    raise RuleBroken(
        f"{subject} cannot overlap another one ({describe(sibling)})",
        field=_overlapping_field(candidate, sibling),
        rule=rule,
    )


def _overlapping_field(candidate: Period, sibling: Period) -> str | None:
    if sibling.includes(candidate.started_on):
        return "started_on"
    if candidate.finished_on is None or sibling.includes(candidate.finished_on):
        return "finished_on"
    return None  # the candidate envelops the sibling


def refuse_outside(inner: Period, outer: Period, *, subject: str, within: str, rule: str) -> None:
    """Refuse a period that does not lie wholly inside the one that must contain it."""
    if outer.contains(inner):
        return
    field = "started_on" if inner.started_on < outer.started_on else "finished_on"
    raise RuleBroken(
        f"{subject} must be within {within} ({describe(outer)})", field=field, rule=rule
    )
