"""Schedule for a new provider-led training period (participants-and-schools §2.7)."""

from __future__ import annotations

from datetime import date

import pytest

from ecf2.domain.contracts import (
    RegistrationRole,
    ScheduleChoice,
    ScheduleIdentifier,
    ScheduleMonth,
    check_schedule_allowed_for,
    schedule_for,
    schedule_month_for,
    schedule_to_reuse,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from tests.unit.contracts.builders import a_contract_period, production_like_periods

pytestmark = pytest.mark.contracts

SEPTEMBER, JANUARY, APRIL = ScheduleMonth.SEPTEMBER, ScheduleMonth.JANUARY, ScheduleMonth.APRIL
PERIODS = [*production_like_periods(), a_contract_period(2027)]
LONG_AGO = date(2020, 1, 1)
ECT, MENTOR = RegistrationRole.ECT, RegistrationRole.MENTOR


@pytest.mark.parametrize(
    ("day", "month"),
    [
        (date(2026, 5, 31), APRIL),
        (date(2026, 6, 1), SEPTEMBER),
        (date(2026, 10, 31), SEPTEMBER),
        (date(2026, 11, 1), JANUARY),
        (date(2027, 2, 28), JANUARY),
        (date(2028, 2, 29), JANUARY),
        (date(2027, 3, 1), APRIL),
    ],
)
def test_the_schedule_month_boundaries(day: date, month: ScheduleMonth) -> None:
    assert schedule_month_for(day) is month


@pytest.mark.parametrize(
    ("started_on", "expected"),
    [
        (date(2026, 10, 31), ScheduleChoice(2026, ScheduleIdentifier.ECF_STANDARD_SEPTEMBER)),
        (date(2026, 11, 1), ScheduleChoice(2026, ScheduleIdentifier.ECF_STANDARD_JANUARY)),
        (date(2027, 2, 28), ScheduleChoice(2026, ScheduleIdentifier.ECF_STANDARD_JANUARY)),
        (date(2027, 3, 1), ScheduleChoice(2026, ScheduleIdentifier.ECF_STANDARD_APRIL)),
        (date(2027, 5, 31), ScheduleChoice(2026, ScheduleIdentifier.ECF_STANDARD_APRIL)),
        (date(2027, 6, 1), ScheduleChoice(2027, ScheduleIdentifier.ECF_STANDARD_SEPTEMBER)),
    ],
)
def test_a_standard_schedule_in_the_period_containing_the_start(
    started_on: date, expected: ScheduleChoice
) -> None:
    assert schedule_for(started_on, LONG_AGO, contract_periods=PERIODS) == expected


def test_the_later_of_training_start_and_today_decides() -> None:
    choice = schedule_for(date(2025, 12, 1), date(2026, 8, 21), contract_periods=PERIODS)
    assert choice == ScheduleChoice(2026, ScheduleIdentifier.ECF_STANDARD_SEPTEMBER)


def test_a_given_contract_period_is_used_as_it_is() -> None:
    choice = schedule_for(date(2026, 11, 1), LONG_AGO, contract_period_year=2025)
    assert choice == ScheduleChoice(2025, ScheduleIdentifier.ECF_STANDARD_JANUARY)


@pytest.mark.parametrize("started_on", [date(2026, 9, 1), date(2026, 12, 1), date(2027, 4, 1)])
def test_scenario_14_a_reassigned_ect_goes_on_extended_september_in_2024(started_on: date) -> None:
    choice = schedule_for(
        started_on, date(2026, 8, 21), contract_period_year=2024, ect_reassigned=True
    )
    assert choice == ScheduleChoice(2024, ScheduleIdentifier.ECF_EXTENDED_SEPTEMBER)


def test_a_replacement_mentor_goes_on_a_replacement_schedule() -> None:
    choice = schedule_for(
        date(2027, 1, 5), date(2026, 8, 21), contract_periods=PERIODS, replacement_mentor=True
    )
    assert choice == ScheduleChoice(2026, ScheduleIdentifier.ECF_REPLACEMENT_JANUARY)


def test_a_teacher_cannot_be_both_reassigned_and_a_replacement() -> None:
    with pytest.raises(InvalidValue):
        schedule_for(
            date(2026, 9, 1), LONG_AGO, contract_period_year=2026, ect_reassigned=True,
            replacement_mentor=True,
        )  # fmt: skip


def test_without_a_contract_period_no_schedule_can_be_chosen() -> None:
    with pytest.raises(RuleBroken) as refused:
        schedule_for(date(2031, 9, 1), LONG_AGO, contract_periods=PERIODS)
    assert refused.value.rule == "no_contract_period_for_schedule"


PREVIOUS = ScheduleChoice(2025, ScheduleIdentifier.ECF_EXTENDED_JANUARY)


def test_the_latest_schedule_is_reused_when_already_in_that_year() -> None:
    assert schedule_to_reuse(PREVIOUS, 2025, available=[]) == PREVIOUS


def test_otherwise_its_identifier_is_reused_in_that_year_when_it_exists() -> None:
    moved = ScheduleChoice(2026, ScheduleIdentifier.ECF_EXTENDED_JANUARY)
    assert schedule_to_reuse(PREVIOUS, 2026, available=[moved]) == moved


def test_otherwise_the_computed_schedule_is_used() -> None:
    assert schedule_to_reuse(PREVIOUS, 2026, available=[]) is None
    assert schedule_to_reuse(None, 2026, available=[]) is None


@pytest.mark.parametrize(
    ("role", "identifier", "rule"),
    [
        (ECT, ScheduleIdentifier.ECF_REPLACEMENT_JANUARY, "ect_not_on_replacement_schedule"),
        (MENTOR, ScheduleIdentifier.ECF_REDUCED_APRIL, "mentor_not_on_reduced_schedule"),
    ],
)
def test_ects_are_never_on_replacement_and_mentors_never_on_reduced_schedules(
    role: RegistrationRole, identifier: ScheduleIdentifier, rule: str
) -> None:
    with pytest.raises(RuleBroken) as refused:
        check_schedule_allowed_for(role, identifier)
    assert refused.value.rule == rule


def test_ects_may_be_on_reduced_and_mentors_on_replacement_schedules() -> None:
    check_schedule_allowed_for(ECT, ScheduleIdentifier.ECF_REDUCED_APRIL)
    check_schedule_allowed_for(MENTOR, ScheduleIdentifier.ECF_REPLACEMENT_APRIL)
