"""A school reports that an ECT is leaving it (participants-and-schools §3.7, §2.9): the
leaving date is their last day there; their training and mentorships there finish then."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Protocol

import attrs

from ecf2.domain.participants.ect_registration import (
    BOUNDARY_GAP,
    FUTURE_LIMIT_MONTHS,
    months_after,
)
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod, MentorAtSchoolPeriod
from ecf2.domain.participants.register_ect_events import leaving_events
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import NotFound, RuleBroken
from ecf2.domain.shared.unit_of_work import UnitOfWork


class LeavingTeacherRepository(Protocol):
    def get_by_api_id(self, api_id: uuid.UUID) -> Teacher: ...

    def save(self, teacher: Teacher) -> Teacher: ...


class EctLeavingUnitOfWork(UnitOfWork, Protocol):
    teachers: LeavingTeacherRepository


def placement_at(teacher: Teacher, school_id: int, today: date) -> ECTAtSchoolPeriod:
    """The ECT's placement at the school that has not ended before today."""
    placements = [
        p
        for p in teacher.ect_at_school_periods
        if p.school_id == school_id and (p.finished_on is None or p.finished_on >= today)
    ]
    if not placements:
        raise NotFound("This ECT is not at your school", field="teacher")
    return min(placements, key=lambda p: p.started_on)


def check_leaving_date(
    leaving_on: date, placement: ECTAtSchoolPeriod | MentorAtSchoolPeriod, today: date
) -> date:
    """§3.7: no more than four months from today, and at least two days after the school
    start and after the start of their latest training that has begun (scenario 25)."""
    latest = months_after(today, FUTURE_LIMIT_MONTHS)
    if leaving_on > latest:
        raise RuleBroken(
            f"The date they leave must be no later than {_day(latest)}, four months from today",
            field="leaving_on",
            rule="leaving_within_four_months",
        )
    started = [tp.started_on for tp in placement.training_periods if tp.started_on <= today]
    earliest = max([placement.started_on, *started]) + BOUNDARY_GAP
    if leaving_on < earliest:
        raise RuleBroken(
            f"The date they leave must be on or after {_day(earliest)}, two days after they "
            "started at your school and their latest training",
            field="leaving_on",
            rule="leaving_after_start",
        )
    return leaving_on


@attrs.frozen
class EctLeft:
    name: str
    leaving_on: date


class EctLeavingService:
    """Records a school's report that one of its ECTs is leaving (§3.7)."""

    def __init__(self, uow: Callable[[], EctLeavingUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def check_leaving_date(
        self, school_id: int, teacher_api_id: uuid.UUID, leaving_on: date
    ) -> date:
        today = self._clock.today()
        with self._uow() as uow:
            placement = placement_at(uow.teachers.get_by_api_id(teacher_api_id), school_id, today)
        return check_leaving_date(leaving_on, placement, today)

    def report_ect_leaving(
        self, school_id: int, teacher_api_id: uuid.UUID, leaving_on: date, by: Actor
    ) -> EctLeft:
        today = self._clock.today()
        with self._uow() as uow:
            teacher = uow.teachers.get_by_api_id(teacher_api_id)
            placement = placement_at(teacher, school_id, today)
            check_leaving_date(leaving_on, placement, today)
            leaving = teacher.leave_school_as_ect(placement, leaving_on, school_id)
            uow.teachers.save(teacher)
            for event in leaving_events(teacher, leaving, by):
                uow.record(event)
            uow.commit()
        return EctLeft(teacher.display_name, leaving_on)

    report_leaving = report_ect_leaving


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
