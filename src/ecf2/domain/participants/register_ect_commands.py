"""What a school sends to register an ECT, and what it gets back (participants-and-schools
§3.1)."""

from __future__ import annotations

from datetime import date

import attrs

from ecf2.domain.participants.ect_registration import RegistrationBlock
from ecf2.domain.participants.teacher_record import TeacherRecord
from ecf2.domain.participants.values import TrainingProgramme, WorkingPattern
from ecf2.domain.shared.errors import DomainError


class DateOfBirthDoesNotMatch(DomainError):
    """TRS holds another date of birth: ask for the National Insurance number (§3.1.2)."""

    rule = "date_of_birth_does_not_match"


@attrs.frozen
class FoundEct:
    """A teacher found in TRS for a school, and whether (and why not) they can register."""

    record: TeacherRecord
    block: RegistrationBlock | None
    registered_before: bool


@attrs.frozen(kw_only=True)
class RegisterEct:
    school_id: int
    record: TeacherRecord
    corrected_name: str | None
    email: str
    started_on: date
    working_pattern: WorkingPattern = attrs.field(converter=WorkingPattern)
    appropriate_body_id: int
    training_programme: TrainingProgramme = attrs.field(converter=TrainingProgramme)
    lead_provider_id: int | None = None
    # The school reused its last choices, with a partnership from an earlier year (§3.1.9).
    recreate_partnership_id: int | None = None


@attrs.frozen
class RegisteredEct:
    teacher_api_id: str
    name: str
    email: str
    training_programme: TrainingProgramme
