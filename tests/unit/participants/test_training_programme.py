"""The rules of switching an ECT's training programme (participants-and-schools §3.6)."""

from __future__ import annotations

from datetime import date

import pytest

from ecf2.domain.participants import TrainingProgramme
from ecf2.domain.participants.training_programme import (
    current_or_next_training,
    end_for_switch,
    mentor_needs_training,
    new_programme,
)
from ecf2.domain.participants.values import MentorIneligibilityReason, TrainingRole
from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from tests.unit.participants.builders import (
    a_mentor_placement,
    a_teacher,
    an_ect_placement,
    provider_led,
    school_led,
)

TODAY = date(2026, 8, 21)
YESTERDAY = date(2026, 8, 20)
SCHOOL_LED, PROVIDER_LED = TrainingProgramme.SCHOOL_LED, TrainingProgramme.PROVIDER_LED


def _ect_with(training):
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(date(2025, 9, 1)))
    teacher.add_training_period(placement, training)
    return teacher, placement


@pytest.mark.parametrize(
    ("training", "to", "kept_until"),
    [
        (provider_led(date(2025, 9, 1), school_partnership_id=7), SCHOOL_LED, YESTERDAY),
        (provider_led(date(2025, 9, 1)), SCHOOL_LED, None),
        (provider_led(date(2025, 9, 1)), PROVIDER_LED, YESTERDAY),
        (school_led(date(2025, 9, 1)), PROVIDER_LED, YESTERDAY),
        (provider_led(TODAY, school_partnership_id=7), SCHOOL_LED, None),
        (school_led(TODAY), PROVIDER_LED, None),
    ],
    ids=[
        "confirmed provider-led finishes yesterday",
        "unconfirmed provider-led going school-led goes",
        "unconfirmed provider-led switching otherwise finishes yesterday",
        "school-led is kept until yesterday",
        "begun today goes",
        "school-led begun today goes",
    ],
)
def test_the_training_they_have_now(training, to, kept_until):
    teacher, placement = _ect_with(training)
    end_for_switch(teacher, training, to, TODAY, TODAY)
    if kept_until is None:
        assert placement.training_periods == []
    else:
        assert [tp.finished_on for tp in placement.training_periods] == [kept_until]


def test_a_switch_still_to_come_removes_the_training():
    teacher, placement = _ect_with(school_led(date(2025, 9, 1)))
    end_for_switch(teacher, placement.training_periods[0], PROVIDER_LED, date(2026, 9, 1), TODAY)
    assert placement.training_periods == []


def test_the_same_programme_is_no_change():
    with pytest.raises(RuleBroken) as refused:
        new_programme("school_led", school_led(date(2025, 9, 1)))
    assert refused.value.rule == "training_programme_must_change"
    assert new_programme("provider_led", school_led(date(2025, 9, 1))) is PROVIDER_LED


def test_a_programme_is_one_of_the_two():
    with pytest.raises(InvalidValue):
        new_programme("design_our_own", None)


def test_the_current_or_next_training_is_the_earliest_not_yet_over():
    teacher = a_teacher()
    placement = teacher.add_ect_placement(an_ect_placement(date(2025, 9, 1)))
    teacher.add_training_period(placement, school_led(date(2025, 9, 1), date(2026, 1, 1)))
    ongoing = teacher.add_training_period(placement, provider_led(date(2026, 1, 2)))
    assert current_or_next_training(placement, TODAY) is ongoing


def test_a_mentor_trains_with_the_ect_only_when_eligible_and_untrained():
    mentor = a_teacher()
    placement = mentor.add_mentor_placement(a_mentor_placement(date(2024, 9, 1)))
    assert mentor_needs_training(mentor, placement, TODAY)
    mentor.record_mentor_ineligibility(
        date(2021, 4, 19), MentorIneligibilityReason.COMPLETED_DURING_EARLY_ROLL_OUT
    )
    assert not mentor_needs_training(mentor, placement, TODAY)


def test_a_mentor_already_training_does_not_start_again():
    mentor = a_teacher()
    placement = mentor.add_mentor_placement(a_mentor_placement(date(2024, 9, 1)))
    mentor.add_training_period(placement, provider_led(date(2024, 9, 1), role=TrainingRole.MENTOR))
    assert not mentor_needs_training(mentor, placement, TODAY)
