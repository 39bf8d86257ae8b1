"""A school reports that a mentor is leaving it (participants-and-schools §3.7, §2.9): the
same leaving date rules as an ECT's; only their time at this school finishes, with their
training there and their mentorships of its ECTs."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Protocol

from ecf2.domain.participants.mentor_leaving import MenteeRepository, mentor_leaves
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import MentorAtSchoolPeriod
from ecf2.domain.participants.report_leaving import EctLeft, check_leaving_date
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import NotFound
from ecf2.domain.shared.unit_of_work import UnitOfWork


class MentorLeavingUnitOfWork(UnitOfWork, Protocol):
    teachers: MenteeRepository


def mentor_placement_at(teacher: Teacher, school_id: int, today: date) -> MentorAtSchoolPeriod:
    """The mentor's placement at the school that has not ended before today."""
    placements = [
        p
        for p in teacher.mentor_at_school_periods
        if p.school_id == school_id and (p.finished_on is None or p.finished_on >= today)
    ]
    if not placements:
        raise NotFound("This mentor is not at your school", field="teacher")
    return min(placements, key=lambda p: p.started_on)


class MentorLeavingService:
    """Records a school's report that one of its mentors is leaving (§3.7)."""

    def __init__(self, uow: Callable[[], MentorLeavingUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def check_leaving_date(
        self, school_id: int, teacher_api_id: uuid.UUID, leaving_on: date
    ) -> date:
        today = self._clock.today()
        with self._uow() as uow:
            teacher = uow.teachers.get_by_api_id(teacher_api_id)
            placement = mentor_placement_at(teacher, school_id, today)
        return check_leaving_date(leaving_on, placement, today)

    def report_leaving(
        self, school_id: int, teacher_api_id: uuid.UUID, leaving_on: date, by: Actor
    ) -> EctLeft:
        """One transaction: the mentor, and each ECT they mentor at this school."""
        today = self._clock.today()
        with self._uow() as uow:
            teacher = uow.teachers.get_by_api_id(teacher_api_id)
            placement = mentor_placement_at(teacher, school_id, today)
            check_leaving_date(leaving_on, placement, today)
            events = mentor_leaves(uow.teachers, teacher, placement, leaving_on, by, school_id)
            uow.teachers.save(teacher)
            for event in events:
                uow.record(event)
            uow.commit()
        return EctLeft(teacher.display_name, leaving_on)
