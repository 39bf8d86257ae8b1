"""Policy rules of the contracts context, named as the specifications name them:
which contract period and schedule a registration lands in (participants-and-schools
§2.4, §2.7) and how bands are lettered and cover declarations (finance-and-payments §1.3)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from enum import StrEnum

import attrs

from ecf2.domain.contracts.contract_periods import (
    ContractPeriod,
    contract_period_containing,
    contract_period_for_year,
)
from ecf2.domain.contracts.schedules import (
    ScheduleChoice,
    ScheduleIdentifier,
    ScheduleMonth,
    ScheduleType,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken

# ECTs whose earlier provider-led training sits in a frozen contract period move here
# (participants-and-schools §2.4 step 1).
REASSIGNMENT_CONTRACT_YEAR = 2024
REASSIGNMENT_SCHEDULE = ScheduleIdentifier.ECF_EXTENDED_SEPTEMBER
# The rule a future start date breaks while its contract period is missing or not open.
REGISTRATION_NOT_OPEN_YET = "registration_not_open_yet"


class RegistrationRole(StrEnum):
    ECT = "ect"
    MENTOR = "mentor"


@attrs.frozen
class PreviousTraining:
    """The teacher's previous provider-led training period: the latest one of the
    previous ECT placement, or the latest mentor training period (§2.4). Previous
    school-led training counts as none."""

    contract_period_year: int
    schedule_identifier: ScheduleIdentifier | None = None


@attrs.frozen
class RegistrationContractPeriod:
    """Where a registration lands: the contract period year, whether the ECT was moved
    out of a frozen period, and whether the previous schedule is kept."""

    year: int
    reassigned: bool = False
    reuses_previous_schedule: bool = False


def contract_period_for_registration(
    start_date: date,
    today: date,
    contract_periods: Iterable[ContractPeriod],
    previous_training: PreviousTraining | None = None,
    *,
    role: RegistrationRole = RegistrationRole.ECT,
) -> RegistrationContractPeriod:
    """The contract period a new ECT or mentor registration goes into (§2.4):

    1. an ECT whose previous provider-led training is in a contract period with payments
       frozen moves to 2024, on an extended schedule (mentors are never moved);
    2. otherwise previous provider-led training keeps its contract period (and an ECT
       keeps its schedule);
    3. otherwise the contract period containing the start date, or the current one when
       there is none or it is earlier than the current one.

    A start date after today whose contract period is missing or not enabled is refused
    with `registration_not_open_yet`, whatever the previous training.
    """
    periods = list(contract_periods)
    registration_year = registration_contract_period(start_date, today, periods).year
    if previous_training is None:
        return RegistrationContractPeriod(registration_year)
    previous_year = previous_training.contract_period_year
    previous = contract_period_for_year(previous_year, periods)
    if previous is None or not previous.payments_frozen_on(today):
        return RegistrationContractPeriod(
            previous_year, reuses_previous_schedule=role is RegistrationRole.ECT
        )
    if role is RegistrationRole.ECT:
        return RegistrationContractPeriod(REASSIGNMENT_CONTRACT_YEAR, reassigned=True)
    return RegistrationContractPeriod(registration_year)


def registration_contract_period(
    start_date: date, today: date, contract_periods: Iterable[ContractPeriod]
) -> ContractPeriod:
    """Step 3 of §2.4: the contract period containing the start date, unless there is
    none or it is earlier than the current one, when it is the current one."""
    periods = list(contract_periods)
    containing = contract_period_containing(start_date, periods)
    if start_date > today and (containing is None or not containing.enabled):
        raise RuleBroken(
            f"You cannot register someone starting on {_day(start_date)} yet: "
            "registration for that contract period has not opened",
            field="start_date",
            rule=REGISTRATION_NOT_OPEN_YET,
        )
    current = contract_period_containing(today, periods)
    if containing is not None and (current is None or containing.year >= current.year):
        return containing
    if current is None:
        raise RuleBroken(
            f"There is no contract period for {_day(today)}",
            field="start_date",
            rule="no_current_contract_period",
        )
    return current


def ect_start_date_floor(today: date, contract_periods: Iterable[ContractPeriod]) -> date | None:
    """The earliest start date a school may give an ECT: the start of the contract
    period two before the current one (current 2026: 1 June 2024). None when unknown."""
    periods = list(contract_periods)
    current = contract_period_containing(today, periods)
    if current is None:
        return None
    floor = contract_period_for_year(current.year - 2, periods)
    return None if floor is None else floor.started_on


def check_ect_start_date(
    start_date: date, today: date, contract_periods: Iterable[ContractPeriod]
) -> None:
    """Refuses an ECT start date before the floor (§2.4, scenario 2); no floor, no check."""
    floor = ect_start_date_floor(today, contract_periods)
    if floor is not None and start_date < floor:
        raise RuleBroken(
            f"The start date must be on or after {_day(floor)}",
            field="start_date",
            rule="ect_start_date_too_early",
        )


def schedule_month_for(day: date) -> ScheduleMonth:
    """June to October: september; November to February: january; March to May: april."""
    if 6 <= day.month <= 10:
        return ScheduleMonth.SEPTEMBER
    if day.month >= 11 or day.month <= 2:
        return ScheduleMonth.JANUARY
    return ScheduleMonth.APRIL


def schedule_for(
    training_started_on: date,
    today: date,
    *,
    contract_period_year: int | None = None,
    contract_periods: Iterable[ContractPeriod] = (),
    ect_reassigned: bool = False,
    replacement_mentor: bool = False,
) -> ScheduleChoice:
    """The schedule a new provider-led training period goes on (§2.7).

    The month comes from the later of the training start and today. The type is
    `extended` for an ECT reassigned out of a frozen contract period (always
    `ecf-extended-september`, §2.4 step 1), `replacement` for a mentor replacing one
    whose mentee already has a declaration, else `standard`. The year is the given
    contract period, or the one containing the later of the training start and today.
    """
    day = max(training_started_on, today)
    year = contract_period_year
    if year is None:
        year = _year_containing(day, contract_periods)
    if ect_reassigned and replacement_mentor:
        raise InvalidValue(
            "Only ECTs are reassigned and only mentors replace one another",
            field="schedule",
            rule="reassigned_or_replacement_not_both",
        )
    if ect_reassigned:
        return ScheduleChoice(year, REASSIGNMENT_SCHEDULE)
    schedule_type = ScheduleType.REPLACEMENT if replacement_mentor else ScheduleType.STANDARD
    return ScheduleChoice(year, ScheduleIdentifier.of(schedule_type, schedule_month_for(day)))


def check_schedule_allowed_for(role: RegistrationRole, identifier: ScheduleIdentifier) -> None:
    """ECTs are never on a replacement schedule, mentors never on a reduced one
    (lead-provider-api-v3 §3.7)."""
    if role is RegistrationRole.ECT and not identifier.allowed_for_ects:
        raise RuleBroken(
            "An ECT cannot be on a replacement schedule",
            field="schedule",
            rule="ect_not_on_replacement_schedule",
        )
    if role is RegistrationRole.MENTOR and not identifier.allowed_for_mentors:
        raise RuleBroken(
            "A mentor cannot be on a reduced schedule",
            field="schedule",
            rule="mentor_not_on_reduced_schedule",
        )


def schedule_to_reuse(
    previous: ScheduleChoice | None, year: int, available: Collection[ScheduleChoice]
) -> ScheduleChoice | None:
    """The teacher's latest provider-led schedule when it is already in `year`, else the
    same identifier in `year` when that exists; None means use the computed one (§2.7)."""
    if previous is None:
        return None
    if previous.contract_period_year == year:
        return previous
    same_identifier = ScheduleChoice(year, previous.identifier)
    return same_identifier if same_identifier in available else None


def _year_containing(day: date, contract_periods: Iterable[ContractPeriod]) -> int:
    period = contract_period_containing(day, contract_periods)
    if period is None:
        raise RuleBroken(
            f"There is no contract period for {_day(day)}, so no schedule can be chosen",
            field="schedule",
            rule="no_contract_period_for_schedule",
        )
    return period.year


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


@attrs.frozen
class BandCoverage:
    """Which declarations a band holds: from `min_declarations` to `max_declarations`,
    both included, counted across every band in allocation order."""

    letter: str
    min_declarations: int
    max_declarations: int


def band_letter(allocation_order: int) -> str:
    """A, B, C... by allocation order from 1, with no limit at D (§1.3)."""
    if allocation_order < 1:
        raise InvalidValue(
            "A band's allocation order starts at 1",
            field="allocation_order",
            rule="band_order_above_zero",
        )
    return chr(ord("A") + allocation_order - 1)


def band_coverage(capacities: Iterable[int]) -> list[BandCoverage]:
    """Each band starts after the sum of the earlier bands' capacities and spans its own
    capacity (§1.3): capacities 200, 300 give A 1-200 and B 201-500."""
    coverage: list[BandCoverage] = []
    filled = 0
    for order, capacity in enumerate(capacities, start=1):
        coverage.append(BandCoverage(band_letter(order), filled + 1, filled + capacity))
        filled += capacity
    return coverage
