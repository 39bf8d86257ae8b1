"""The audit trail of registering a mentor, of a mentor leaving a school and of an ECT
being given a mentor (participants-and-schools §5)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

from ecf2.domain.participants.mentor_moves import MentorChange, MentorLeaving
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import MentorAtSchoolPeriod, MentorshipPeriod
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import LONDON
from ecf2.domain.shared.events import DomainEvent


def mentor_registered_events(
    mentor: Teacher,
    placement: MentorAtSchoolPeriod,
    training: TrainingPeriod | None,
    lead_provider_id: int | None,
    newly_eligible: bool,
    by: Actor,
    now: datetime,
) -> Iterator[DomainEvent]:
    name = mentor.display_name
    ids = {"teacher": mentor, "school": placement.school_id, "mentor_at_school_period": placement}
    yield DomainEvent(
        "teacher_registered_as_mentor",
        f"{name} was registered as a mentor",
        now,
        by,
        {**ids, "training_period": training, "lead_provider": lead_provider_id},
    )
    if training is not None:
        yield from mentor_training_events(mentor, placement, training, by, now)
    if mentor.corrected_name:
        yield DomainEvent(
            "teacher_name_updated_by_user",
            f"{name}'s name was corrected by their school",
            now,
            by,
            {"teacher": mentor},
            metadata={"corrected_name": mentor.corrected_name},
        )
    if newly_eligible:
        yield DomainEvent(
            "teacher_funding_eligibility_set",
            f"{name} became eligible for funded training as a mentor",
            now,
            by,
            {"teacher": mentor},
        )


def mentor_training_events(
    mentor: Teacher,
    placement: MentorAtSchoolPeriod,
    training: TrainingPeriod,
    by: Actor,
    now: datetime,
) -> Iterator[DomainEvent]:
    ids = {"teacher": mentor, "school": placement.school_id, "mentor_at_school_period": placement}
    yield DomainEvent(
        "teacher_starts_training_period",
        f"{mentor.display_name} started provider-led mentor training",
        now,
        by,
        {**ids, "training_period": training},
    )
    yield DomainEvent(
        "teacher_schedule_assigned_to_training_period",
        f"{mentor.display_name} was given a schedule for their training",
        now,
        by,
        {"teacher": mentor, "training_period": training, "schedule": training.schedule_id},
    )


def mentor_leaving_events(
    mentor: Teacher,
    leaving: MentorLeaving,
    mentorships: list[tuple[Teacher, MentorshipPeriod]],
    by: Actor,
) -> Iterator[DomainEvent]:
    """`teacher_left_school_as_mentor` on the last day, and what finished with it (§2.9)."""
    name, at = mentor.display_name, _start_of(leaving.on)
    ids = {
        "teacher": mentor,
        "school": leaving.placement.school_id,
        "mentor_at_school_period": leaving.placement,
    }
    yield DomainEvent(
        "teacher_left_school_as_mentor", f"{name} left a school as a mentor", at, by, dict(ids)
    )
    for training in leaving.finished_training:
        yield DomainEvent(
            "teacher_finishes_training_period",
            f"{name} finished a training period",
            at,
            by,
            {**ids, "training_period": training},
        )
    for mentee, mentorship in mentorships:
        yield from _mentorship_finished(mentor, mentee, mentorship, by, at)


def mentor_assigned_events(
    mentor: Teacher, ect: Teacher, change: MentorChange, by: Actor, now: datetime
) -> Iterator[DomainEvent]:
    """§3.3: the new pair starts; a mentorship it replaces finishes (a removed one, never
    started, leaves only its removal)."""
    if change.finished is not None:
        yield from _mentorship_finished(None, ect, change.finished, by, now)
    subjects = {"teacher": ect, "mentorship_period": change.mentorship}
    yield DomainEvent(
        "teacher_starts_being_mentored",
        f"{ect.display_name} started being mentored by {mentor.display_name}",
        now,
        by,
        subjects,
    )
    yield DomainEvent(
        "teacher_starts_mentoring",
        f"{mentor.display_name} started mentoring {ect.display_name}",
        now,
        by,
        {"teacher": mentor, "mentorship_period": change.mentorship},
    )


def _mentorship_finished(
    mentor: Teacher | None,
    mentee: Teacher,
    mentorship: MentorshipPeriod,
    by: Actor,
    at: datetime,
) -> Iterator[DomainEvent]:
    yield DomainEvent(
        "teacher_finishes_being_mentored",
        f"{mentee.display_name} finished being mentored",
        at,
        by,
        {"teacher": mentee, "mentorship_period": mentorship},
    )
    if mentor is not None:
        yield DomainEvent(
            "teacher_finishes_mentoring",
            f"{mentor.display_name} finished mentoring {mentee.display_name}",
            at,
            by,
            {"teacher": mentor, "mentorship_period": mentorship},
        )


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), LONDON)
