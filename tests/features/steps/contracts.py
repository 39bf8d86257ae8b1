"""Steps for the contracts scenarios: the contract period a registration goes into and
the schedule training goes on (participants-and-schools §2.4, §2.7)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from attrs import define
from pytest_bdd import given, parsers, then, when

from ecf2.domain.contracts import (
    ContractPeriod,
    PreviousTraining,
    RegistrationContractPeriod,
    RegistrationRole,
    ScheduleChoice,
    ScheduleIdentifier,
    ScheduleMonth,
    ScheduleType,
    check_ect_start_date,
    check_schedule_allowed_for,
    contract_period_for_registration,
    schedule_for,
)
from tests.features.steps.common import Outcome, attempt
from tests.features.steps.days import DAY, written

ROLES = {"an ECT": RegistrationRole.ECT, "a mentor": RegistrationRole.MENTOR}
SCHEDULE_REFUSALS = {
    "ECTs are never on a replacement schedule": "ect_not_on_replacement_schedule",
    "mentors are never on a reduced schedule": "mentor_not_on_reduced_schedule",
}


def _step(text: str) -> parsers.parse:
    return parsers.parse(text, extra_types=DAY)


def _schedule(kind: str, month: str) -> ScheduleIdentifier:
    return ScheduleIdentifier.of(ScheduleType(kind.lower()), ScheduleMonth(month.lower()))


NOT_OPEN_YET = (
    "the registration is refused because registration for that contract period has not opened yet"
)


def _refused(outcome: Outcome, rule: str) -> str:
    assert outcome.error is not None, f"expected a refusal ({rule}), got {outcome.value}"
    assert outcome.error.rule == rule
    return outcome.error.message


@define
class Registered:
    starting_on: date
    contract_period: RegistrationContractPeriod


@define
class ScheduleSituation:
    """What, besides the dates, decides a schedule: set by the givens."""

    contract_period_year: int | None = None
    ect_reassigned: bool = False
    replacement_mentor: bool = False


@pytest.fixture
def previous_training() -> PreviousTraining | None:
    return None


@pytest.fixture
def schedule_situation() -> ScheduleSituation:
    return ScheduleSituation()


# Givens: today and the contract periods.


@given(_step("today is {today:Day}"), target_fixture="today")
def today_is(today: date) -> date:
    return today


@given(
    _step(
        "contract periods from {first:d} to {last:d}, "
        "each running from 1 June to the following 31 May"
    ),
    target_fixture="contract_periods",
)
def contract_periods_from(first: int, last: int) -> dict[int, ContractPeriod]:
    return {year: _a_contract_period(year, enabled=True) for year in range(first, last + 1)}


def _a_contract_period(year: int, *, enabled: bool) -> ContractPeriod:
    return ContractPeriod(
        year=year, started_on=date(year, 6, 1), finished_on=date(year + 1, 5, 31), enabled=enabled
    )


@given(_step("payments for the {year:d} contract period were frozen on {day:Day}"))
def payments_frozen(contract_periods: dict[int, ContractPeriod], year: int, day: date) -> None:
    frozen_at = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
    contract_periods[year].freeze_payments(frozen_at)


@given(_step("registration for the {year:d} contract period is open"))
def registration_open(contract_periods: dict[int, ContractPeriod], year: int) -> None:
    contract_periods.setdefault(year, _a_contract_period(year, enabled=True)).enabled = True


@given(_step("registration for the {year:d} contract period is closed"))
def registration_closed(contract_periods: dict[int, ContractPeriod], year: int) -> None:
    contract_periods[year].enabled = False


@given(_step("there is a {year:d} contract period, not yet open for registration"))
def not_yet_open(contract_periods: dict[int, ContractPeriod], year: int) -> None:
    contract_periods[year] = _a_contract_period(year, enabled=False)


@given(_step("there is no {year:d} contract period"))
def no_contract_period(contract_periods: dict[int, ContractPeriod], year: int) -> None:
    contract_periods.pop(year, None)


# The contract period for a registration (§2.4).


@given(
    _step(
        "the teacher's previous training with a lead provider was in the {year:d} contract period"
    ),
    target_fixture="previous_training",
)
def previous_training_in(year: int) -> PreviousTraining:
    return PreviousTraining(year)


@when(
    _step("a school registers {teacher} starting at the school on {start:Day}"),
    target_fixture="outcome",
)
def registers(
    teacher: str,
    start: date,
    today: date,
    contract_periods: dict[int, ContractPeriod],
    previous_training: PreviousTraining | None,
) -> Outcome:
    role, periods = ROLES[teacher], list(contract_periods.values())

    def register() -> Registered:
        if role is RegistrationRole.ECT:
            check_ect_start_date(start, today, periods)
        found = contract_period_for_registration(
            start, today, periods, previous_training, role=role
        )
        return Registered(start, found)

    return attempt(register)


@then(_step("the registration goes into the {year:d} contract period"))
def goes_into(outcome: Outcome, year: int) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.value.contract_period.year == year


@then(
    "the registration is refused because registration for that contract period has not opened yet"
)
def not_open_yet(outcome: Outcome) -> None:
    _refused(outcome, "registration_not_open_yet")


@then(_step("the registration is refused because the start date is before {floor:Day}"))
@then(_step("the start date is refused as earlier than {floor:Day}"))
def too_early(outcome: Outcome, floor: date) -> None:
    assert written(floor) in _refused(outcome, "ect_start_date_too_early")
    assert outcome.error is not None
    assert outcome.error.field == "start_date"


@then("the start date is accepted")
@then("the schedule is accepted")
def accepted(outcome: Outcome) -> None:
    assert outcome.error is None, outcome.error


@then("the ECT keeps the schedule of their previous training")
def keeps_schedule(outcome: Outcome) -> None:
    assert outcome.value.contract_period.reuses_previous_schedule


@then("the mentor does not keep the schedule of their previous training")
def does_not_keep_schedule(outcome: Outcome) -> None:
    assert not outcome.value.contract_period.reuses_previous_schedule


@then("the ECT is moved out of the frozen contract period")
def moved(outcome: Outcome) -> None:
    assert outcome.value.contract_period.reassigned


@then("the mentor is not moved out of the frozen contract period")
def not_moved(outcome: Outcome) -> None:
    assert not outcome.value.contract_period.reassigned


@then(
    _step(
        "the ECT's training goes on the {kind:w} {month:w} schedule of the {year:d} contract period"
    )
)
def registered_schedule(outcome: Outcome, today: date, kind: str, month: str, year: int) -> None:
    registered: Registered = outcome.value
    found = registered.contract_period
    chosen = schedule_for(
        max(registered.starting_on, today),
        today,
        contract_period_year=found.year,
        ect_reassigned=found.reassigned,
    )
    assert chosen == ScheduleChoice(year, _schedule(kind, month))


# The schedule for new training with a lead provider (§2.7).


@given(
    _step(
        "the ECT has been moved to the {year:d} contract period because payments for their "
        "previous training are frozen"
    )
)
def ect_moved(schedule_situation: ScheduleSituation, year: int) -> None:
    schedule_situation.contract_period_year = year
    schedule_situation.ect_reassigned = True


@given(
    "the mentor takes over an ECT whose lead provider has already declared training "
    "with an earlier mentor"
)
def replacement_mentor(schedule_situation: ScheduleSituation) -> None:
    schedule_situation.replacement_mentor = True


@when(
    _step("{teacher}'s training with a lead provider starts on {start:Day}"),
    target_fixture="outcome",
)
def training_starts(
    teacher: str,
    start: date,
    today: date,
    contract_periods: dict[int, ContractPeriod],
    schedule_situation: ScheduleSituation,
) -> Outcome:
    ect = ROLES[teacher] is RegistrationRole.ECT
    return attempt(
        lambda: schedule_for(
            start,
            today,
            contract_period_year=schedule_situation.contract_period_year,
            contract_periods=contract_periods.values(),
            ect_reassigned=ect and schedule_situation.ect_reassigned,
            replacement_mentor=not ect and schedule_situation.replacement_mentor,
        )
    )


@then(_step("the training goes on the {kind:w} {month:w} schedule of the {year:d} contract period"))
def training_schedule(outcome: Outcome, kind: str, month: str, year: int) -> None:
    assert outcome.error is None, outcome.error
    assert outcome.value == ScheduleChoice(year, _schedule(kind, month))


@then(_step("no schedule is chosen because there is no contract period for {day:Day}"))
def no_schedule(outcome: Outcome, day: date) -> None:
    assert written(day) in _refused(outcome, "no_contract_period_for_schedule")


@when(
    _step("a lead provider moves {teacher} onto the {kind:w} {month:w} schedule"),
    target_fixture="outcome",
)
def moves_onto_schedule(teacher: str, kind: str, month: str) -> Outcome:
    return attempt(lambda: check_schedule_allowed_for(ROLES[teacher], _schedule(kind, month)))


@then(parsers.parse("the schedule is refused because {reason}"))
def schedule_refused(outcome: Outcome, reason: str) -> None:
    _refused(outcome, SCHEDULE_REFUSALS[reason])
