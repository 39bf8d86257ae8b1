"""Contract period for a registration (participants-and-schools §2.4; scenarios 1, 2, 3,
11 and 14 of §7, where today is 21 August 2026 and contract periods run 1 June-31 May)."""

from __future__ import annotations

from datetime import date

import pytest

from ecf2.domain.contracts import (
    PreviousTraining,
    RegistrationContractPeriod,
    RegistrationRole,
    ScheduleIdentifier,
    check_ect_start_date,
    contract_period_for_registration,
    ect_start_date_floor,
)
from ecf2.domain.shared.errors import RuleBroken
from tests.unit.contracts.builders import a_contract_period, production_like_periods

pytestmark = pytest.mark.contracts

TODAY = date(2026, 8, 21)
MENTOR = RegistrationRole.MENTOR


def test_scenario_1_a_start_in_an_earlier_period_lands_in_the_current_one() -> None:
    periods = [a_contract_period(2025), a_contract_period(2026)]
    assert contract_period_for_registration(
        date(2025, 9, 1), TODAY, periods
    ) == RegistrationContractPeriod(2026)


def test_scenario_3_a_future_start_in_a_disabled_period_cannot_register_yet() -> None:
    periods = [a_contract_period(2026), a_contract_period(2027, enabled=False)]
    with pytest.raises(RuleBroken) as refused:
        contract_period_for_registration(date(2027, 7, 1), TODAY, periods)
    assert refused.value.rule == "registration_not_open_yet"


def test_scenario_3_once_enabled_the_future_start_lands_in_that_period() -> None:
    periods = [a_contract_period(2026), a_contract_period(2027, enabled=True)]
    result = contract_period_for_registration(date(2027, 7, 1), TODAY, periods)
    assert result == RegistrationContractPeriod(2027)


def test_a_future_start_with_no_contract_period_cannot_register_yet() -> None:
    with pytest.raises(RuleBroken) as refused:
        contract_period_for_registration(date(2027, 7, 1), TODAY, [a_contract_period(2026)])
    assert refused.value.rule == "registration_not_open_yet"


@pytest.mark.parametrize("start_date", [date(2026, 6, 1), TODAY])
def test_past_and_today_starts_ignore_whether_registration_is_enabled(start_date: date) -> None:
    periods = [a_contract_period(2026, enabled=False)]
    result = contract_period_for_registration(start_date, TODAY, periods)
    assert result.year == 2026


@pytest.mark.parametrize(
    ("start_date", "year"),
    [
        (date(2019, 9, 1), 2026),  # no contract period contains it
        (date(2024, 9, 1), 2026),  # earlier than the current one
        (date(2026, 6, 1), 2026),
        (date(2027, 5, 31), 2026),
        (date(2027, 6, 1), 2027),  # next year's, which is open
    ],
)
def test_step_3_the_period_containing_the_start_date_or_the_current_one(
    start_date: date, year: int
) -> None:
    periods = [*production_like_periods(), a_contract_period(2027)]
    assert contract_period_for_registration(start_date, TODAY, periods).year == year


def test_scenario_14_an_ect_from_a_frozen_period_is_reassigned_to_2024() -> None:
    previous = PreviousTraining(2022, ScheduleIdentifier.ECF_STANDARD_SEPTEMBER)
    result = contract_period_for_registration(
        date(2026, 9, 1), TODAY, production_like_periods(), previous
    )
    assert result == RegistrationContractPeriod(2024, reassigned=True)


def test_mentors_are_never_reassigned() -> None:
    result = contract_period_for_registration(
        date(2026, 9, 1), TODAY, production_like_periods(), PreviousTraining(2021), role=MENTOR
    )
    assert result == RegistrationContractPeriod(2026)


def test_a_period_frozen_after_today_is_not_frozen_yet() -> None:
    periods = production_like_periods()
    result = contract_period_for_registration(date(2025, 6, 16), date(2025, 6, 15), periods,
                                              PreviousTraining(2022))  # fmt: skip
    assert result == RegistrationContractPeriod(2022, reuses_previous_schedule=True)


def test_scenario_11_an_ect_keeps_the_previous_period_and_schedule_when_not_frozen() -> None:
    previous = PreviousTraining(2025, ScheduleIdentifier.ECF_STANDARD_SEPTEMBER)
    result = contract_period_for_registration(
        date(2026, 10, 1), TODAY, production_like_periods(), previous
    )
    assert result == RegistrationContractPeriod(2025, reuses_previous_schedule=True)


def test_a_mentor_keeps_the_previous_period_but_not_its_schedule() -> None:
    result = contract_period_for_registration(
        date(2026, 10, 1), TODAY, production_like_periods(), PreviousTraining(2025), role=MENTOR
    )
    assert result == RegistrationContractPeriod(2025)


def test_keeping_the_previous_period_still_needs_registration_to_be_open() -> None:
    periods = [*production_like_periods(), a_contract_period(2027, enabled=False)]
    with pytest.raises(RuleBroken) as refused:
        contract_period_for_registration(date(2027, 7, 1), TODAY, periods, PreviousTraining(2025))
    assert refused.value.rule == "registration_not_open_yet"


def test_with_no_current_contract_period_a_past_start_cannot_be_placed() -> None:
    with pytest.raises(RuleBroken) as refused:
        contract_period_for_registration(date(2019, 1, 1), TODAY, [a_contract_period(2024)])
    assert refused.value.rule == "no_current_contract_period"


@pytest.mark.parametrize(
    ("today", "floor"),
    [
        (TODAY, date(2024, 6, 1)),  # scenario 2: a start on 31 May 2024 is too early
        (date(2026, 5, 31), date(2023, 6, 1)),
        (date(2026, 6, 1), date(2024, 6, 1)),
    ],
)
def test_the_ect_start_date_floor_is_the_start_of_the_period_two_before_current(
    today: date, floor: date
) -> None:
    assert ect_start_date_floor(today, production_like_periods()) == floor


def test_there_is_no_floor_without_a_current_period_or_its_predecessor() -> None:
    assert ect_start_date_floor(date(2030, 1, 1), production_like_periods()) is None
    assert ect_start_date_floor(TODAY, [a_contract_period(2026)]) is None


def test_scenario_2_an_ect_start_before_the_floor_is_refused() -> None:
    with pytest.raises(RuleBroken) as refused:
        check_ect_start_date(date(2024, 5, 31), TODAY, production_like_periods())
    assert (refused.value.rule, refused.value.field) == ("ect_start_date_too_early", "start_date")
    assert "1 June 2024" in refused.value.message


def test_an_ect_start_on_the_floor_or_with_no_floor_is_accepted() -> None:
    check_ect_start_date(date(2024, 6, 1), TODAY, production_like_periods())
    check_ect_start_date(date(2019, 1, 1), TODAY, [a_contract_period(2026)])
