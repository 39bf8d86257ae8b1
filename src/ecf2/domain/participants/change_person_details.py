"""A school changes the name or the email address of one of its ECTs or mentors
(participants-and-schools §3.4). Each change is one unit of work with its event (§5)."""

from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, Protocol

import attrs

from ecf2.domain.participants import ect_details as rules
from ecf2.domain.participants.ect_registration import refuse_email_in_use
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod, MentorAtSchoolPeriod
from ecf2.domain.participants.registration_values import AppropriateBodyOption
from ecf2.domain.participants.report_leaving import LeavingTeacherRepository
from ecf2.domain.participants.school import School
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


class DetailsUnitOfWork(UnitOfWork, Protocol):
    teachers: LeavingTeacherRepository
    schools: SchoolRepository
    ect_registration_facts: DetailFacts


@attrs.frozen
class NameChange:
    old: str
    new: str
    significant: bool


@attrs.frozen
class PersonAt:
    teacher: Teacher
    placement: ECTAtSchoolPeriod | MentorAtSchoolPeriod


_HEADINGS = {
    "teacher_appropriate_body_changed": "{name}'s appropriate body was changed by their school",
    "teacher_name_updated_by_user": "{name}'s name was changed by their school",
    "teacher_email_address_updated": "{name}'s email address was changed by their school",
    "teacher_working_pattern_updated": "{name}'s working pattern was changed by their school",
}


class PersonDetailsService(ABC):
    """`check_` methods answer a question without writing; `change_` methods write."""

    # How the email rule names the person, and the event's link to their placement.
    role_name: str
    placement_subject: str

    def __init__(self, uow: Callable[[], DetailsUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    @abstractmethod
    def _placement(
        self, teacher: Teacher, school_id: int
    ) -> ECTAtSchoolPeriod | MentorAtSchoolPeriod:
        """Their placement at the school that has not ended before today."""

    def check_name(self, school_id: int, teacher_api_id: uuid.UUID, name: str) -> NameChange:
        with self._uow() as uow:
            found = self._found(uow, school_id, teacher_api_id)
        return _name_change(found.teacher, name)

    def change_name(
        self, school_id: int, teacher_api_id: uuid.UUID, name: str, by: Actor
    ) -> NameChange:
        with self._uow() as uow:
            found = self._found(uow, school_id, teacher_api_id)
            change = _name_change(found.teacher, name)
            found.teacher.corrected_name = change.new
            self._save(uow, found, "teacher_name_updated_by_user", by, change)
        return change

    def check_email(self, school_id: int, teacher_api_id: uuid.UUID, email: str) -> str:
        with self._uow() as uow:
            found = self._found(uow, school_id, teacher_api_id)
            return self._checked_email(uow, found, email)

    def change_email(self, school_id: int, teacher_api_id: uuid.UUID, email: str, by: Actor) -> str:
        with self._uow() as uow:
            found = self._found(uow, school_id, teacher_api_id)
            address = self._checked_email(uow, found, email)
            old, found.placement.email = found.placement.email, address
            change = describe_change("Email address", old or "", address)
            self._save(uow, found, "teacher_email_address_updated", by, change)
        return address

    def _found(self, uow: DetailsUnitOfWork, school_id: int, api_id: uuid.UUID) -> PersonAt:
        teacher = uow.teachers.get_by_api_id(api_id)
        return PersonAt(teacher, self._placement(teacher, school_id))

    def _checked_email(self, uow: DetailsUnitOfWork, found: PersonAt, email: str) -> str:
        address = rules.new_email(email, found.placement.email)
        # The rule registration uses: an address on another teacher's ongoing placement is
        # theirs.
        if found.teacher.trn is not None:
            facts = uow.ect_registration_facts
            in_use = facts.email_in_use_by_another_teacher(address, found.teacher.trn)
            refuse_email_in_use(in_use, self.role_name)
        return address

    def _save(
        self,
        uow: DetailsUnitOfWork,
        found: PersonAt,
        event_type: str,
        by: Actor,
        change: str | NameChange,
        more_subjects: dict[str, Any] | None = None,
    ) -> None:
        uow.teachers.save(found.teacher)
        uow.record(self._event(found, event_type, by, change, more_subjects or {}))
        uow.commit()

    def _event(
        self,
        found: PersonAt,
        event_type: str,
        by: Actor,
        change: str | NameChange,
        more_subjects: dict[str, Any],
    ) -> DomainEvent:
        subjects = {
            "teacher": found.teacher,
            "school": found.placement.school_id,
            self.placement_subject: found.placement,
            **more_subjects,
        }
        if isinstance(change, NameChange):
            described = describe_change("Name", change.old, change.new)
            metadata = {"old_name": change.old, "new_name": change.new}
        else:
            described, metadata = change, {}
        heading = _HEADINGS[event_type].format(name=found.teacher.display_name)
        now = self._clock.now()
        return DomainEvent(event_type, heading, now, by, subjects, (described,), metadata)


def _name_change(teacher: Teacher, name: str) -> NameChange:
    old = teacher.display_name
    new = rules.new_name(name, old)
    return NameChange(old, new, rules.significant_name_change(old, new))
