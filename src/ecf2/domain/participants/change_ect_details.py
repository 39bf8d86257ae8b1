"""A school changes an ECT's name, email address or working pattern
(participants-and-schools §3.4). Each change is one unit of work with its event (§5)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Protocol

import attrs

from ecf2.domain.participants import ect_details as rules
from ecf2.domain.participants.ect_registration import refuse_email_in_use
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.registration_values import AppropriateBodyOption
from ecf2.domain.participants.report_leaving import LeavingTeacherRepository, placement_at
from ecf2.domain.participants.school import School
from ecf2.domain.participants.values import WorkingPattern
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.events import DomainEvent, describe_change
from ecf2.domain.shared.identifiers import Trn
from ecf2.domain.shared.unit_of_work import UnitOfWork


class DetailFacts(Protocol):
    def email_in_use_by_another_teacher(self, email: str, trn: Trn) -> bool: ...

    def appropriate_bodies(self) -> list[AppropriateBodyOption]: ...


class SchoolRepository(Protocol):
    def get(self, school_id: int) -> School: ...


class EctDetailsUnitOfWork(UnitOfWork, Protocol):
    teachers: LeavingTeacherRepository
    schools: SchoolRepository
    ect_registration_facts: DetailFacts


@attrs.frozen
class NameChange:
    old: str
    new: str
    significant: bool


@attrs.frozen
class EctAt:
    teacher: Teacher
    placement: ECTAtSchoolPeriod


class EctDetailsService:
    """`check_` methods answer a question without writing; `change_` methods write."""

    def __init__(self, uow: Callable[[], EctDetailsUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def check_name(self, school_id: int, teacher_api_id: uuid.UUID, name: str) -> NameChange:
        with self._uow() as uow:
            found = self._ect(uow, school_id, teacher_api_id)
        return _name_change(found.teacher, name)

    def change_name(
        self, school_id: int, teacher_api_id: uuid.UUID, name: str, by: Actor
    ) -> NameChange:
        with self._uow() as uow:
            found = self._ect(uow, school_id, teacher_api_id)
            change = _name_change(found.teacher, name)
            found.teacher.corrected_name = change.new
            self._save(uow, found, "teacher_name_updated_by_user", by, change)
        return change

    def check_email(self, school_id: int, teacher_api_id: uuid.UUID, email: str) -> str:
        with self._uow() as uow:
            found = self._ect(uow, school_id, teacher_api_id)
            return _checked_email(uow, found, email)

    def change_email(self, school_id: int, teacher_api_id: uuid.UUID, email: str, by: Actor) -> str:
        with self._uow() as uow:
            found = self._ect(uow, school_id, teacher_api_id)
            address = _checked_email(uow, found, email)
            old, found.placement.email = found.placement.email, address
            change = describe_change("Email address", old or "", address)
            self._save(uow, found, "teacher_email_address_updated", by, change)
        return address

    def change_working_pattern(
        self, school_id: int, teacher_api_id: uuid.UUID, pattern: str, by: Actor
    ) -> WorkingPattern:
        with self._uow() as uow:
            found = self._ect(uow, school_id, teacher_api_id)
            new = rules.new_working_pattern(pattern, found.placement.working_pattern)
            old, found.placement.working_pattern = found.placement.working_pattern, new
            change = describe_change("Working pattern", _words(old), _words(new))
            self._save(uow, found, "teacher_working_pattern_updated", by, change)
        return new

    def appropriate_bodies_for(
        self, school_id: int, teacher_api_id: uuid.UUID
    ) -> list[AppropriateBodyOption]:
        """The bodies the school may choose for this ECT now: allowed, and not the current."""
        with self._uow() as uow:
            found = self._ect(uow, school_id, teacher_api_id)
            options, independent = _body_options(uow, school_id)
        current = found.placement.school_reported_appropriate_body_id
        return [o for o in options if o.allowed_for(independent) and o.id != current]

    def check_appropriate_body(
        self, school_id: int, teacher_api_id: uuid.UUID, body_id: int
    ) -> AppropriateBodyOption:
        with self._uow() as uow:
            found = self._ect(uow, school_id, teacher_api_id)
            return _checked_body(uow, found, body_id)

    def change_appropriate_body(
        self, school_id: int, teacher_api_id: uuid.UUID, body_id: int, by: Actor
    ) -> AppropriateBodyOption:
        with self._uow() as uow:
            found = self._ect(uow, school_id, teacher_api_id)
            body = _checked_body(uow, found, body_id)
            old = _body_name(uow, found.placement.school_reported_appropriate_body_id)
            found.placement.school_reported_appropriate_body_id = body.id
            change = describe_change("Appropriate body", old, body.name)
            self._save(uow, found, "teacher_appropriate_body_changed", by, change, body.id)
        return body

    def _ect(self, uow: EctDetailsUnitOfWork, school_id: int, api_id: uuid.UUID) -> EctAt:
        teacher = uow.teachers.get_by_api_id(api_id)
        return EctAt(teacher, placement_at(teacher, school_id, self._clock.today()))

    def _save(
        self,
        uow: EctDetailsUnitOfWork,
        found: EctAt,
        event_type: str,
        by: Actor,
        change: str | NameChange,
        body_id: int | None = None,
    ) -> None:
        uow.teachers.save(found.teacher)
        event = _event(found, event_type, by, change, self._clock)
        if body_id is not None:
            event = attrs.evolve(event, subjects={**event.subjects, "appropriate_body": body_id})
        uow.record(event)
        uow.commit()


def _name_change(teacher: Teacher, name: str) -> NameChange:
    old = teacher.display_name
    new = rules.new_name(name, old)
    return NameChange(old, new, rules.significant_name_change(old, new))


def _checked_email(uow: EctDetailsUnitOfWork, found: EctAt, email: str) -> str:
    address = rules.new_email(email, found.placement.email)
    # The rule registration uses: an address on another teacher's ongoing placement is theirs.
    if found.teacher.trn is not None:
        refuse_email_in_use(
            uow.ect_registration_facts.email_in_use_by_another_teacher(address, found.teacher.trn)
        )
    return address


def _body_options(
    uow: EctDetailsUnitOfWork, school_id: int
) -> tuple[list[AppropriateBodyOption], bool]:
    return uow.ect_registration_facts.appropriate_bodies(), uow.schools.get(school_id).independent


def _checked_body(uow: EctDetailsUnitOfWork, found: EctAt, body_id: int) -> AppropriateBodyOption:
    options, independent = _body_options(uow, found.placement.school_id)
    current = found.placement.school_reported_appropriate_body_id
    return rules.new_appropriate_body(body_id, options, independent, current)


def _body_name(uow: EctDetailsUnitOfWork, body_id: int | None) -> str:
    options = uow.ect_registration_facts.appropriate_bodies()
    return next((option.name for option in options if option.id == body_id), "")


_HEADINGS = {
    "teacher_appropriate_body_changed": "{name}'s appropriate body was changed by their school",
    "teacher_name_updated_by_user": "{name}'s name was changed by their school",
    "teacher_email_address_updated": "{name}'s email address was changed by their school",
    "teacher_working_pattern_updated": "{name}'s working pattern was changed by their school",
}


def _event(
    found: EctAt, event_type: str, by: Actor, change: str | NameChange, clock: Clock
) -> DomainEvent:
    subjects = {
        "teacher": found.teacher,
        "school": found.placement.school_id,
        "ect_at_school_period": found.placement,
    }
    if isinstance(change, NameChange):
        described = describe_change("Name", change.old, change.new)
        metadata = {"old_name": change.old, "new_name": change.new}
    else:
        described, metadata = change, {}
    heading = _HEADINGS[event_type].format(name=found.teacher.display_name)
    return DomainEvent(event_type, heading, clock.now(), by, subjects, (described,), metadata)


def _words(pattern: WorkingPattern | None) -> str:
    return "" if pattern is None else pattern.value.replace("_", " ")
