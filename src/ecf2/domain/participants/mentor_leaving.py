"""Finishing a mentor's time at a school, both sides of it (participants-and-schools
§2.9): the mentor's placement and training, and the mentorships of the ECTs they mentor
there, which are those ECTs' own. Used when a school reports a mentor leaving (§3.7) and
when a mentor moves to mentor at one school only (§3.2 step 8)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Protocol

from ecf2.domain.participants.mentor_moves import MentorLeaving
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import MentorAtSchoolPeriod, MentorshipPeriod
from ecf2.domain.participants.register_mentor_events import mentor_leaving_events
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.events import DomainEvent


class MenteeRepository(Protocol):
    def get_by_api_id(self, api_id: uuid.UUID) -> Teacher: ...

    def mentored_through(self, mentor_at_school_period_id: int) -> list[Teacher]: ...

    def save(self, teacher: Teacher) -> Teacher: ...


def end_mentees_mentorships(
    teachers: MenteeRepository, leaving: MentorLeaving
) -> list[tuple[Teacher, MentorshipPeriod]]:
    """Each mentee's mentorships under the placement end with it; the mentees are saved."""
    placement_id = leaving.placement.id
    if placement_id is None:
        return []
    ended: list[tuple[Teacher, MentorshipPeriod]] = []
    for mentee in teachers.mentored_through(placement_id):
        finished, _removed = mentee.end_mentorships_with(placement_id, leaving.on)
        ended.extend((mentee, mentorship) for mentorship in finished)
        teachers.save(mentee)
    return ended


def mentor_leaves(
    teachers: MenteeRepository,
    mentor: Teacher,
    placement: MentorAtSchoolPeriod,
    on: date,
    by: Actor,
    reported_by_school_id: int | None = None,
) -> list[DomainEvent]:
    """Finish the mentor at the school on `on` (their last day) and every mentorship with
    them there; returns the events. The caller saves the mentor."""
    leaving = mentor.leave_school_as_mentor(placement, on, reported_by_school_id)
    return finished_elsewhere_events(teachers, mentor, leaving, by)


def finished_elsewhere_events(
    teachers: MenteeRepository, mentor: Teacher, leaving: MentorLeaving, by: Actor
) -> list[DomainEvent]:
    ended = end_mentees_mentorships(teachers, leaving)
    return list(mentor_leaving_events(mentor, leaving, ended, by))
