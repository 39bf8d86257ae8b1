"""Steps for the shared kernel's scenarios: periods of time."""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers, then, when

from ecf2.domain.shared.errors import DomainError
from ecf2.domain.shared.period import Period
from tests.features.steps.common import Outcome, a_day, attempt


def _day(text: str) -> date | None:
    return None if text == "ongoing" else a_day(text)


@given(parsers.parse("a period from {start} to {finish}"), target_fixture="first_period")
def a_period(start: str, finish: str) -> Period:
    return Period(a_day(start), _day(finish))


@when(parsers.parse("a period runs from {start} to {finish}"), target_fixture="outcome")
def a_period_runs(start: str, finish: str) -> Outcome:
    return attempt(lambda: Period(a_day(start), _day(finish)))


@when(parsers.parse("another period runs from {start} to {finish}"), target_fixture="second_period")
def another_period(start: str, finish: str) -> Period:
    return Period(a_day(start), _day(finish))


@then("the period is accepted")
def accepted(outcome: Outcome) -> None:
    assert outcome.error is None


@then("the period is refused because it finishes before it starts")
def refused(outcome: Outcome) -> None:
    assert isinstance(outcome.error, DomainError)
    assert outcome.error.rule == "period_finishes_before_it_starts"
    assert outcome.error.field == "finished_on"


@then(parsers.parse("the two periods {verdict}"))
def overlap(first_period: Period, second_period: Period, verdict: str) -> None:
    expected = verdict == "overlap"
    assert first_period.overlaps(second_period) is expected
    assert second_period.overlaps(first_period) is expected


@then(parsers.parse("the first period {verdict} the second"))
def containment(first_period: Period, second_period: Period, verdict: str) -> None:
    assert first_period.contains(second_period) is (verdict == "contains")


@then(parsers.parse("on {day} the period {verdict}"))
def current_on(first_period: Period, day: str, verdict: str) -> None:
    assert first_period.current_on(a_day(day)) is (verdict == "is current")
