"""A school changes an ECT's name, email address, working pattern or appropriate body
(participants-and-schools §3.4). Each change is one unit of work with its event (§5)."""

from __future__ import annotations

import uuid

from ecf2.domain.participants import ect_details as rules
from ecf2.domain.participants.change_person_details import (
    DetailsUnitOfWork,
    NameChange,
    PersonAt,
    PersonDetailsService,
)
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.registration_values import AppropriateBodyOption
from ecf2.domain.participants.report_leaving import placement_at
from ecf2.domain.participants.values import WorkingPattern
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.events import describe_change

__all__ = ["EctDetailsService", "NameChange"]


class EctDetailsService(PersonDetailsService):
    role_name = "ECT"
    placement_subject = "ect_at_school_period"

    def _placement(self, teacher: Teacher, school_id: int) -> ECTAtSchoolPeriod:
        return placement_at(teacher, school_id, self._clock.today())

    def change_working_pattern(
        self, school_id: int, teacher_api_id: uuid.UUID, pattern: str, by: Actor
    ) -> WorkingPattern:
        with self._uow() as uow:
            found = self._found(uow, school_id, teacher_api_id)
            placement = _ect_placement(found)
            new = rules.new_working_pattern(pattern, placement.working_pattern)
            old, placement.working_pattern = placement.working_pattern, new
            change = describe_change("Working pattern", _words(old), _words(new))
            self._save(uow, found, "teacher_working_pattern_updated", by, change)
        return new

    def appropriate_bodies_for(
        self, school_id: int, teacher_api_id: uuid.UUID
    ) -> list[AppropriateBodyOption]:
        """The bodies the school may choose for this ECT now: allowed, and not the current."""
        with self._uow() as uow:
            found = self._found(uow, school_id, teacher_api_id)
            options, independent = _body_options(uow, school_id)
        current = _ect_placement(found).school_reported_appropriate_body_id
        return [o for o in options if o.allowed_for(independent) and o.id != current]

    def check_appropriate_body(
        self, school_id: int, teacher_api_id: uuid.UUID, body_id: int
    ) -> AppropriateBodyOption:
        with self._uow() as uow:
            found = self._found(uow, school_id, teacher_api_id)
            return _checked_body(uow, _ect_placement(found), body_id)

    def change_appropriate_body(
        self, school_id: int, teacher_api_id: uuid.UUID, body_id: int, by: Actor
    ) -> AppropriateBodyOption:
        with self._uow() as uow:
            found = self._found(uow, school_id, teacher_api_id)
            placement = _ect_placement(found)
            body = _checked_body(uow, placement, body_id)
            old = _body_name(uow, placement.school_reported_appropriate_body_id)
            placement.school_reported_appropriate_body_id = body.id
            change = describe_change("Appropriate body", old, body.name)
            more = {"appropriate_body": body.id}
            self._save(uow, found, "teacher_appropriate_body_changed", by, change, more)
        return body


def _ect_placement(found: PersonAt) -> ECTAtSchoolPeriod:
    assert isinstance(found.placement, ECTAtSchoolPeriod)
    return found.placement


def _body_options(
    uow: DetailsUnitOfWork, school_id: int
) -> tuple[list[AppropriateBodyOption], bool]:
    return uow.ect_registration_facts.appropriate_bodies(), uow.schools.get(school_id).independent


def _checked_body(
    uow: DetailsUnitOfWork, placement: ECTAtSchoolPeriod, body_id: int
) -> AppropriateBodyOption:
    options, independent = _body_options(uow, placement.school_id)
    current = placement.school_reported_appropriate_body_id
    return rules.new_appropriate_body(body_id, options, independent, current)


def _body_name(uow: DetailsUnitOfWork, body_id: int | None) -> str:
    options = uow.ect_registration_facts.appropriate_bodies()
    return next((option.name for option in options if option.id == body_id), "")


def _words(pattern: WorkingPattern | None) -> str:
    return "" if pattern is None else pattern.value.replace("_", " ")
