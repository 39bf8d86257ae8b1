"""What the participants context needs from the outside world."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date, datetime
from typing import Protocol

from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.provider_facts import (
    CohortFact,
    DeclarationFact,
    PartnershipFact,
    ScheduleFact,
)
from ecf2.domain.participants.teacher_record import TeacherRecord
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn
from ecf2.domain.shared.unit_of_work import UnitOfWork


class TeacherRecordLookup(Protocol):
    """Finds a teacher in the Teaching Record System (inductions-trs (b.2), (b.3)).

    Schools look up by TRN alone, then by TRN and National Insurance number when the date
    of birth TRS holds differs from the one entered (participants-and-schools §3.1 steps
    1-2); appropriate bodies by TRN and date of birth. A record counts as found only when
    it has a first name. Raises TeacherNotFound (also when a given date of birth or NINO
    does not match), TeacherDeactivated, TeacherMerged (with the surviving TRN) or
    TeacherRecordUnavailable when TRS cannot be asked. Call it before opening a unit of
    work, never inside one."""

    def find(
        self,
        trn: Trn,
        *,
        date_of_birth: date | None = None,
        national_insurance_number: NationalInsuranceNumber | None = None,
    ) -> TeacherRecord: ...


class ProviderTrainingFacts(Protocol):
    """What lead providers' actions on training need to know from the other contexts
    (lead-provider-api-v3 §2.1): facts, never the other contexts' entities."""

    def partnerships(
        self, lead_provider_id: int, partnership_ids: Collection[int]
    ) -> dict[int, PartnershipFact]:
        """Those of the partnerships that belong to the lead provider, by id."""
        ...

    def partnerships_at(
        self, lead_provider_id: int, school_id: int, year: int
    ) -> list[PartnershipFact]:
        """The lead provider's partnerships with the school in the contract period."""
        ...

    def schedule(self, schedule_id: int) -> ScheduleFact: ...

    def schedule_in(self, year: int, identifier: str) -> ScheduleFact | None: ...

    def cohort(self, year: int, now: datetime) -> CohortFact | None: ...

    def declarations_of(self, training_period_id: int) -> list[DeclarationFact]:
        """The training's declarations that are still billable or changeable."""
        ...

    def induction_completed_on(self, teacher_id: int) -> date | None:
        """When the teacher's induction was completed, as an appropriate body or TRS says."""
        ...


class TeacherRepository(Protocol):
    def get_by_api_id(self, api_id: uuid.UUID) -> Teacher: ...

    def get(self, teacher_id: int) -> Teacher: ...

    def save(self, teacher: Teacher) -> Teacher: ...


class ParticipantsUnitOfWork(UnitOfWork, Protocol):
    teachers: TeacherRepository
