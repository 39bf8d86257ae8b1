"""Making a mentor an ECT's mentor (participants-and-schools §3.3 AssignMentor, §2.6): the
ECT's current or next mentorship makes way, the new one starts on the later of both
school starts and today, and both sides are recorded."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from ecf2.domain.participants.mentor_registration import MentorshipStart, ect_never_mentored
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import (
    ECTAtSchoolPeriod,
    MentorAtSchoolPeriod,
    MentorPlacement,
)
from ecf2.domain.participants.register_mentor_events import mentor_assigned_events
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.events import DomainEvent


class EctRepository(Protocol):
    def save(self, teacher: Teacher) -> Teacher: ...


def mentorship_start(
    ect: Teacher,
    ect_placement: ECTAtSchoolPeriod,
    mentor_placement: MentorAtSchoolPeriod,
    mentor_transferring: bool,
) -> MentorshipStart:
    return MentorshipStart(
        ect_placement.started_on,
        mentor_placement.started_on,
        mentor_transferring=mentor_transferring,
        ect_never_mentored=ect_never_mentored(ect),
    )


def assign(
    teachers: EctRepository,
    ect: Teacher,
    ect_placement: ECTAtSchoolPeriod,
    mentor: Teacher,
    mentor_placement: MentorAtSchoolPeriod,
    starts_on: date,
    by: Actor,
    now: datetime,
) -> list[DomainEvent]:
    """The ECT is saved; the caller saves the mentor (before, if new, so the mentorship
    can take its placement's id)."""
    change = ect.assign_mentor(
        ect_placement, MentorPlacement.of(mentor.id, mentor_placement), starts_on
    )
    teachers.save(ect)
    return list(mentor_assigned_events(mentor, ect, change, by, now))
