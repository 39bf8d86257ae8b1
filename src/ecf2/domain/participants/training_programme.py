"""The rules of a school switching an ECT's training programme (participants-and-schools
§3.6): what happens to the training they have now, and when their mentor starts training
too."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TypeVar

from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorshipPeriod,
)
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme, TrainingRole
from ecf2.domain.shared.errors import InvalidValue, RuleBroken

PROGRAMME_WORDS = {
    TrainingProgramme.PROVIDER_LED: "Provider-led",
    TrainingProgramme.SCHOOL_LED: "School-led",
}


Dated = TypeVar("Dated", TrainingPeriod, MentorshipPeriod)


def _current_or_next(items: list[Dated], today: date) -> Dated | None:
    """§2.3: the earliest-starting one that is current or still to come."""
    ongoing = [item for item in items if item.finished_on is None or item.finished_on >= today]
    return min(ongoing, key=lambda item: item.started_on, default=None)


def current_or_next_training(placement: ECTAtSchoolPeriod, today: date) -> TrainingPeriod | None:
    return _current_or_next(placement.training_periods, today)


def current_or_next_mentorship(
    placement: ECTAtSchoolPeriod, today: date
) -> MentorshipPeriod | None:
    return _current_or_next(placement.mentorship_periods, today)


def new_programme(chosen: str, current: TrainingPeriod | None) -> TrainingProgramme:
    """One of the two programmes, and not the one the ECT is on now."""
    try:
        programme = TrainingProgramme(chosen)
    except ValueError:
        raise InvalidValue(
            "Select the training programme",
            field="training_programme",
            rule="training_programme_given",
        ) from None
    if current is not None and current.training_programme is programme:
        raise RuleBroken(
            f"{PROGRAMME_WORDS[programme]} is already their training programme",
            field="training_programme",
            rule="training_programme_must_change",
        )
    return programme


def end_for_switch(
    teacher: Teacher,
    training: TrainingPeriod,
    to: TrainingProgramme,
    transition_on: date,
    today: date,
) -> None:
    """§3.6: the training goes if it started today or later, if the switch takes effect on
    a day still to come, or if it is switching to school-led and no lead provider ever
    confirmed it; otherwise it finishes yesterday. School-led training is always kept."""
    unconfirmed = to is TrainingProgramme.SCHOOL_LED and training.provider_led
    unconfirmed = unconfirmed and not training.confirmed
    if training.started_on >= today or transition_on > today or unconfirmed:
        teacher.remove_training_period(training)
    else:
        teacher.finish_training_period(training, today - timedelta(days=1))


def school_led_training(starts: date, finished_on: date | None) -> TrainingPeriod:
    return TrainingPeriod(
        role=TrainingRole.ECT,
        training_programme=TrainingProgramme.SCHOOL_LED,
        started_on=starts,
        finished_on=finished_on,
    )


def mentor_needs_training(mentor: Teacher, placement: MentorAtSchoolPeriod, starts: date) -> bool:
    """§3.6: the ECT's mentor starts provider-led training with them when eligible for
    funding and without provider-led training in that placement; and, as a teacher trains
    as a mentor in one place at a time, without mentor training elsewhere then."""
    if not mentor.mentor_eligible_for_funding or placement.training_periods:
        return False
    return not any(
        tp.finished_on is None or tp.finished_on >= starts
        for tp in mentor.training_periods(TrainingRole.MENTOR)
    )


def latest_provider_led_schedule_id(teacher: Teacher, role: TrainingRole) -> int | None:
    """The schedule of the teacher's latest provider-led training in the role (§2.4)."""
    provider_led = [tp for tp in teacher.training_periods(role) if tp.provider_led]
    latest = max(provider_led, key=lambda tp: tp.started_on, default=None)
    return None if latest is None else latest.schedule_id
