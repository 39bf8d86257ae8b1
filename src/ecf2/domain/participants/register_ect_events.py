"""The audit trail of registering an ECT and of their leaving a school
(participants-and-schools §5)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.moves import EctLeaving
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.school import School
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import LONDON
from ecf2.domain.shared.events import DomainEvent


def registration_events(
    teacher: Teacher,
    school: School,
    placement: ECTAtSchoolPeriod,
    training: TrainingPeriod,
    leavings: list[EctLeaving],
    newly_eligible: bool,
    by: Actor,
    now: datetime,
) -> Iterator[DomainEvent]:
    name = teacher.display_name
    for leaving in leavings:
        yield from leaving_events(teacher, leaving, by)
    ids = {"teacher": teacher, "school": school, "ect_at_school_period": placement}
    yield DomainEvent(
        "teacher_registered_as_ect",
        f"{name} was registered as an ECT at {_school_name(school)}",
        now,
        by,
        {**ids, "training_period": training, "schedule": training.schedule_id},
    )
    yield _training_started(name, training, ids, by, now)
    if training.schedule_id is not None:
        yield DomainEvent(
            "teacher_schedule_assigned_to_training_period",
            f"{name} was given a schedule for their training",
            now,
            by,
            {"teacher": teacher, "training_period": training, "schedule": training.schedule_id},
        )
    if teacher.corrected_name:
        yield DomainEvent(
            "teacher_name_updated_by_user",
            f"{name}'s name was corrected by their school",
            now,
            by,
            {"teacher": teacher},
            metadata={"corrected_name": teacher.corrected_name},
        )
    if newly_eligible:
        yield DomainEvent(
            "teacher_funding_eligibility_set",
            f"{name} became eligible for funded training as an ECT",
            now,
            by,
            {"teacher": teacher},
        )


def leaving_events(teacher: Teacher, leaving: EctLeaving, by: Actor) -> Iterator[DomainEvent]:
    """`teacher_left_school_as_ect` on the last day, and what finished with it (§2.9)."""
    name, at = teacher.display_name, _start_of(leaving.on)
    ids = {
        "teacher": teacher,
        "school": leaving.placement.school_id,
        "ect_at_school_period": leaving.placement,
    }
    yield DomainEvent(
        "teacher_left_school_as_ect", f"{name} left a school as an ECT", at, by, dict(ids)
    )
    for training in leaving.finished_training:
        yield DomainEvent(
            "teacher_finishes_training_period",
            f"{name} finished a training period",
            at,
            by,
            {**ids, "training_period": training},
        )
    for mentorship in leaving.finished_mentorships:
        yield DomainEvent(
            "teacher_finishes_being_mentored",
            f"{name} finished being mentored",
            at,
            by,
            {**ids, "mentorship_period": mentorship},
        )


def _training_started(
    name: str, training: TrainingPeriod, ids: dict[str, object], by: Actor, now: datetime
) -> DomainEvent:
    return DomainEvent(
        "teacher_starts_training_period",
        f"{name} started {training.training_programme.replace('_', '-')} training",
        now,
        by,
        {**ids, "training_period": training},  # type: ignore[dict-item]
    )


def _school_name(school: School) -> str:
    return school.gias_school.name if school.gias_school is not None else f"URN {school.urn}"


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), LONDON)


def partnership_reused_events(
    school_id: int, earlier_id: int, new_id: int, by: Actor, now: datetime
) -> list[DomainEvent]:
    """Scenario 15: a partnership re-created from an earlier year's."""
    subjects: dict[str, int | None] = {"school": school_id, "school_partnership": new_id}
    return [
        DomainEvent(
            "school_partnership_created", "A school partnership was created", now, by, subjects
        ),
        DomainEvent(
            "school_partnership_reused",
            "A school partnership from an earlier year was used again",
            now,
            by,
            subjects,
            metadata={"reused_school_partnership_id": earlier_id},
        ),
    ]
