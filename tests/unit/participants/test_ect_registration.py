"""The rules of registering an ECT that need no database (participants-and-schools §2.9,
§3.1): ages, start date limits, and leaving a school."""

from __future__ import annotations

from datetime import date

import pytest

from ecf2.domain.participants.ect_registration import (
    StartDateLimits,
    check_date_of_birth,
    check_start_date,
    months_after,
    start_date_limits,
)
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from tests.unit.participants.builders import a_teacher, an_ect_placement, school_led

TODAY = date(2026, 8, 21)


def test_four_months_after_the_end_of_a_month_is_that_months_last_day():
    assert months_after(date(2026, 10, 31), 4) == date(2027, 2, 28)
    assert months_after(date(2026, 8, 21), -12 * 18) == date(2008, 8, 21)


@pytest.mark.parametrize(
    ("born", "allowed"),
    [
        (date(2008, 8, 21), True),
        (date(2008, 8, 22), False),
        (date(1926, 8, 21), True),
        (date(1926, 8, 20), False),
    ],
)
def test_an_ect_is_18_to_100_years_old(born: date, allowed: bool):
    if allowed:
        assert check_date_of_birth(born, TODAY) == born
    else:
        with pytest.raises(InvalidValue):
            check_date_of_birth(born, TODAY)


def test_a_first_time_ect_has_only_the_floor():
    assert start_date_limits(None, date(2024, 6, 1), TODAY) == StartDateLimits(date(2024, 6, 1))


def test_limits_come_from_the_latest_placement_and_its_started_training():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(date(2025, 9, 1)))
    teacher.add_training_period(placement, school_led(date(2026, 1, 5)))
    limits = start_date_limits(teacher, None, TODAY)
    assert limits.after_previous == date(2026, 1, 7)
    assert limits.latest == date(2026, 12, 21)
    with pytest.raises(RuleBroken) as refused:
        check_start_date(date(2026, 1, 6), limits)
    assert refused.value.rule == "start_date_after_previous_placement"


def test_leaving_removes_what_starts_on_or_after_the_day_and_finishes_the_rest():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(date(2025, 9, 1)))
    early = teacher.add_training_period(placement, school_led(date(2025, 9, 1), date(2026, 3, 31)))
    current = teacher.add_training_period(placement, school_led(date(2026, 4, 1)))
    leaving = teacher.leave_school_as_ect(placement, date(2026, 4, 1), reported_by_school_id=11)
    assert leaving.removed_training == (current,)
    assert placement.training_periods == [early]
    assert placement.finished_on == date(2026, 4, 1)
    assert placement.reported_leaving_by_school_id == 11


def test_registering_at_a_new_school_finishes_the_old_placement_the_day_before():
    teacher = a_teacher()
    old = teacher.add_ect_placement(an_ect_placement(date(2025, 9, 1)))
    teacher.add_training_period(old, school_led(date(2025, 9, 1)))
    new = an_ect_placement(date(2026, 10, 1), school_id=12)
    (leaving,) = teacher.register_as_ect(new, school_led(date(2026, 10, 1)))
    assert old.finished_on == date(2026, 9, 30)
    assert old.reported_leaving_by_school_id is None
    assert [tp.finished_on for tp in old.training_periods] == [date(2026, 9, 30)]
    assert leaving.finished_training == tuple(old.training_periods)


def test_an_ect_cannot_be_registered_twice_at_the_same_school():
    teacher = a_teacher()
    teacher.add_ect_placement(an_ect_placement(date(2025, 9, 1)))
    with pytest.raises(RuleBroken) as refused:
        teacher.register_as_ect(an_ect_placement(date(2026, 10, 1)), school_led(date(2026, 10, 1)))
    assert refused.value.rule == "ect_already_active_at_school"
