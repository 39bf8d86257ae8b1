"""Schedules and milestones (participants-and-schools §1.11, lead-provider-api-v3 §3.7)."""

from __future__ import annotations

from datetime import date

import pytest

from ecf2.domain.contracts import (
    DeclarationType,
    Milestone,
    Schedule,
    ScheduleIdentifier,
    ScheduleMonth,
    ScheduleType,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken

pytestmark = pytest.mark.contracts


def test_there_are_twelve_schedule_identifiers_of_four_types_and_three_months() -> None:
    assert len(ScheduleIdentifier) == 12
    for identifier in ScheduleIdentifier:
        rebuilt = ScheduleIdentifier.of(identifier.schedule_type, identifier.month)
        assert rebuilt is identifier
    assert ScheduleIdentifier.of(ScheduleType.EXTENDED, ScheduleMonth.SEPTEMBER) == (
        "ecf-extended-september"
    )


def test_ects_cannot_be_on_replacement_and_mentors_cannot_be_on_reduced_schedules() -> None:
    assert not ScheduleIdentifier.ECF_REPLACEMENT_APRIL.allowed_for_ects
    assert ScheduleIdentifier.ECF_REPLACEMENT_APRIL.allowed_for_mentors
    assert not ScheduleIdentifier.ECF_REDUCED_JANUARY.allowed_for_mentors
    assert ScheduleIdentifier.ECF_REDUCED_JANUARY.allowed_for_ects


def test_declaration_types_keep_their_stored_values_in_canonical_order() -> None:
    assert [member.value for member in DeclarationType] == [
        "started", "retained-1", "retained-2", "retained-3", "retained-4",
        "completed", "extended-1", "extended-2", "extended-3",
    ]  # fmt: skip
    assert DeclarationType.COMPLETED.position == 5


@pytest.mark.parametrize(
    ("milestone_date", "valid"),
    [(None, True), (date(2026, 6, 2), True), (date(2026, 6, 1), False), (date(2026, 5, 1), False)],
)
def test_a_milestone_date_is_after_its_start_date(milestone_date: date | None, valid: bool) -> None:
    def make() -> Milestone:
        return Milestone(
            declaration_type=DeclarationType.STARTED,
            start_date=date(2026, 6, 1),
            milestone_date=milestone_date,
        )

    if valid:
        assert make().milestone_date == milestone_date
        return
    with pytest.raises(InvalidValue) as refused:
        make()
    assert refused.value.rule == "milestone_date_after_start_date"


@pytest.mark.parametrize(
    ("start_date", "valid"), [(date(2026, 5, 31), False), (date(2026, 6, 1), True)]
)
def test_a_milestone_starts_on_or_after_1_june_of_the_contract_period_year(
    start_date: date, valid: bool
) -> None:
    schedule = Schedule(
        contract_period_year=2026, identifier=ScheduleIdentifier.ECF_STANDARD_SEPTEMBER
    )
    if valid:
        schedule.add_milestone(DeclarationType.STARTED, start_date, date(2026, 12, 31))
        assert schedule.milestone_for(DeclarationType.STARTED) is not None
        return
    with pytest.raises(InvalidValue) as refused:
        schedule.add_milestone(DeclarationType.STARTED, start_date)
    assert refused.value.rule == "milestone_starts_in_contract_period"


def test_a_schedule_has_one_milestone_per_declaration_type() -> None:
    schedule = Schedule(
        contract_period_year=2026, identifier=ScheduleIdentifier.ECF_EXTENDED_JANUARY
    )
    schedule.add_milestone(DeclarationType.STARTED, date(2027, 1, 1))
    with pytest.raises(RuleBroken) as refused:
        schedule.add_milestone(DeclarationType.STARTED, date(2027, 2, 1))
    assert refused.value.rule == "one_milestone_per_declaration_type"


def test_a_schedule_built_with_milestones_checks_them_too() -> None:
    milestone = Milestone(declaration_type=DeclarationType.STARTED, start_date=date(2025, 9, 1))
    with pytest.raises(InvalidValue):
        Schedule(
            contract_period_year=2026,
            identifier=ScheduleIdentifier.ECF_STANDARD_SEPTEMBER,
            milestones=[milestone],
        )


def test_milestones_are_kept_in_declaration_type_order() -> None:
    schedule = Schedule(contract_period_year=2025, identifier=ScheduleIdentifier.ECF_STANDARD_APRIL)
    schedule.add_milestone(DeclarationType.COMPLETED, date(2026, 4, 1))
    schedule.add_milestone(DeclarationType.STARTED, date(2026, 4, 1))
    assert [m.declaration_type for m in schedule.milestones] == [
        DeclarationType.STARTED,
        DeclarationType.COMPLETED,
    ]


@pytest.mark.parametrize(
    ("day", "open_"),
    [(date(2025, 5, 31), False), (date(2025, 6, 1), True), (date(2025, 12, 31), True),
     (date(2026, 1, 1), False)],
)  # fmt: skip
def test_a_milestone_window_includes_its_start_and_milestone_dates(day: date, open_: bool) -> None:
    milestone = Milestone(
        declaration_type=DeclarationType.STARTED,
        start_date=date(2025, 6, 1),
        milestone_date=date(2025, 12, 31),
    )
    assert milestone.open_on(day) is open_
