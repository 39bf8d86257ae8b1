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
from ecf2.domain.participants.registration_values import (
    AppropriateBodyOption,
    LeadProviderOption,
    ProviderLedLinks,
    RegistrationPeriod,
    ReusablePartnership,
    TrainingProviders,
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

    def induction_period_completed(self, teacher_id: int) -> bool:
        """An appropriate body recorded the outcome of one of the teacher's inductions."""
        ...


class TeacherRepository(Protocol):
    def get_by_api_id(self, api_id: uuid.UUID) -> Teacher: ...

    def get(self, teacher_id: int) -> Teacher: ...

    def save(self, teacher: Teacher) -> Teacher: ...


class ParticipantsUnitOfWork(UnitOfWork, Protocol):
    teachers: TeacherRepository


class EctRegistrationFacts(Protocol):
    """What registering an ECT needs to know of other contexts: contract periods, lead
    providers active in them, partnerships, schedules, appropriate bodies and inductions
    (participants-and-schools §2.4, §2.7, §3.1). Read inside the registration's unit of
    work; `provider_led_training` may also re-create a school partnership there."""

    def start_date_floor(self, today: date) -> date | None:
        """The start of the contract period two before the current one (§2.4)."""
        ...

    def registration_period(
        self, start_date: date, today: date, previous_schedule_id: int | None
    ) -> RegistrationPeriod:
        """§2.4, given the schedule of the ECT's previous provider-led training, if any.
        Raises RuleBroken `registration_not_open_yet` for a future start date whose
        contract period is missing or not open for registration."""
        ...

    def email_in_use_by_another_teacher(self, email: str, trn: Trn) -> bool:
        """The address (in any case) is on an unfinished ECT or mentor placement of a
        teacher with another TRN (§3.1 step 6)."""
        ...

    def appropriate_bodies(self) -> list[AppropriateBodyOption]: ...

    def lead_providers_active_in(self, contract_period_year: int) -> list[LeadProviderOption]: ...

    def provider_led_training(
        self,
        school_id: int,
        lead_provider_id: int,
        period: RegistrationPeriod,
        training_started_on: date,
        today: date,
        previous_schedule_id: int | None,
    ) -> ProviderLedLinks:
        """The school's earliest partnership with the lead provider in the period, else an
        expression of interest in the lead provider there; and the schedule (§2.7).
        Raises RuleBroken when the lead provider is not active in the period."""
        ...

    def reusable_partnership(
        self, school_id: int, lead_provider_id: int, period: RegistrationPeriod
    ) -> ReusablePartnership | None:
        """The school's partnership with the lead provider whose delivery partner is still
        paired with it in the period: one in the period's year first, else the latest
        year's; under reassignment only one in the period's year (§3.1 step 9)."""
        ...

    def school_has_expression_of_interest(
        self, school_id: int, lead_provider_id: int, contract_period_year: int
    ) -> bool:
        """An ECT's training at the school names the lead provider by an expression of
        interest and started by the end of the contract period (§3.1 step 9)."""
        ...

    def recreate_partnership(
        self, partnership_id: int, contract_period_year: int, now: datetime
    ) -> int:
        """The school's partnership with the same lead provider and delivery partner in
        the given year, made from an earlier year's; returns its id (§3.1 step 12)."""
        ...

    def school_has_unfinished_training(self, school_id: int) -> bool: ...

    def in_induction_on(self, teacher_id: int, day: date) -> bool:
        """An induction period of the teacher contains the day (§4.2)."""
        ...


class MentorRegistrationFacts(EctRegistrationFacts, Protocol):
    """What registering or assigning a mentor needs besides what an ECT's registration
    reads (participants-and-schools §2.4, §3.2, §3.3)."""

    def mentor_registration_period(
        self, start_date: date, today: date, previous_schedule_id: int | None
    ) -> RegistrationPeriod:
        """§2.4 for a mentor: previous provider-led training keeps its contract period
        unless payments there are frozen; mentors are never moved to 2024."""
        ...

    def providers_of_training(
        self, school_partnership_id: int | None, expression_of_interest_id: int | None
    ) -> TrainingProviders | None:
        """The lead provider a training period names, through its partnership (with its
        delivery partner), else its expression of interest."""
        ...
