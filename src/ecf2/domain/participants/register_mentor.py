"""A school registers a new mentor for one of its ECTs (participants-and-schools §3.2): the
checks each question makes as the school answers it, then one unit of work that places the
mentor at the school (finishing their time at other schools when they will mentor here
only), starts their funded training where they get it, and makes them the ECT's mentor."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol

from ecf2.domain.participants import ect_registration as ect_rules
from ecf2.domain.participants import mentor_registration as rules
from ecf2.domain.participants.assign_mentor import assign, mentorship_start
from ecf2.domain.participants.email_address import notify_email
from ecf2.domain.participants.mentor_leaving import MenteeRepository, finished_elsewhere_events
from ecf2.domain.participants.mentor_training_choices import (
    ect_training_at,
    previous_mentor_training,
)
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import MentorAtSchoolPeriod
from ecf2.domain.participants.ports import MentorRegistrationFacts, TeacherRecordLookup
from ecf2.domain.participants.register_ect import SchoolRepository
from ecf2.domain.participants.register_ect_commands import DateOfBirthDoesNotMatch
from ecf2.domain.participants.register_mentor_commands import (
    EctTraining,
    FoundMentor,
    PreviousMentorTraining,
    RegisteredMentor,
    RegisterMentor,
)
from ecf2.domain.participants.register_mentor_events import mentor_registered_events
from ecf2.domain.participants.registration_emails import mentor_registered_email, school_name
from ecf2.domain.participants.registration_values import LeadProviderOption, RegistrationPeriod
from ecf2.domain.participants.report_leaving import placement_at
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme, TrainingRole
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.emails import EmailOutbox
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn
from ecf2.domain.shared.unit_of_work import UnitOfWork


class MentorTeacherRepository(MenteeRepository, Protocol):
    def find_by_trn(self, trn: Trn) -> Teacher | None: ...

    def add(self, teacher: Teacher) -> Teacher: ...


class MentorRegistrationUnitOfWork(UnitOfWork, Protocol):
    teachers: MentorTeacherRepository
    schools: SchoolRepository
    mentor_registration_facts: MentorRegistrationFacts
    emails: EmailOutbox


class MentorRegistrationService:
    """Registers mentors for schools' ECTs; each `check_` method answers one question of
    the journey, and `register_mentor` is the one use case that writes."""

    def __init__(
        self,
        uow: Callable[[], MentorRegistrationUnitOfWork],
        trs: TeacherRecordLookup,
        clock: Clock,
    ) -> None:
        self._uow, self._trs, self._clock = uow, trs, clock

    def registration_closed(self) -> ect_rules.RegistrationClosed | None:
        """§2.8: closed in the first fortnight of June, like registering an ECT."""
        return rules.mentor_changes_closed(self._clock.today())

    def ect_training(self, school_id: int, ect_api_id: uuid.UUID) -> EctTraining:
        """The ECT's current or next training at the school, and its lead provider."""
        with self._uow() as uow:
            ect, today = self._ect(uow, ect_api_id), self._clock.today()
            return ect_training_at(uow.mentor_registration_facts, ect, school_id, today)

    def find_mentor(
        self,
        school_id: int,
        ect_api_id: uuid.UUID,
        trn: Trn,
        date_of_birth: date,
        national_insurance_number: NationalInsuranceNumber | None = None,
    ) -> FoundMentor:
        """§3.2 steps 1-3: by TRN, then TRN and NINO when TRS holds another date of birth.
        Raises the TRS look-up's errors."""
        today = self._clock.today()
        ect_rules.check_date_of_birth(date_of_birth, today)
        if national_insurance_number is None:
            record = self._trs.find(trn)
            if record.date_of_birth != date_of_birth:
                raise DateOfBirthDoesNotMatch(
                    "The date of birth does not match the teacher's record",
                    field="date_of_birth",
                )
        else:
            record = self._trs.find(trn, national_insurance_number=national_insurance_number)
        with self._uow() as uow:
            ect = self._ect(uow, ect_api_id)
            mentor = uow.teachers.find_by_trn(record.trn)
        block = rules.mentor_registration_block(record, mentor, ect.trn, school_id, today)
        return FoundMentor(
            record,
            block,
            rules.mentor_history(mentor, school_id, today),
            rules.mentor_eligible_for_funding(mentor),
            mentor_api_id=None if mentor is None else mentor.api_id,
            previously_trained=rules.latest_mentor_training(mentor) is not None,
        )

    def previous_training(self, trn: Trn) -> PreviousMentorTraining | None:
        """§3.2 step 7: where the mentor last trained as a mentor, and with whom."""
        with self._uow() as uow:
            mentor = uow.teachers.find_by_trn(trn)
            return previous_mentor_training(mentor, uow.mentor_registration_facts, uow.schools)

    def check_email(self, trn: Trn, email: str) -> str:
        with self._uow() as uow:
            return _checked_email(uow, trn, email)

    def check_start_date(self, school_id: int, trn: Trn, started_on: date) -> RegistrationPeriod:
        with self._uow() as uow:
            mentor = uow.teachers.find_by_trn(trn)
            return self._registration_period(uow, mentor, school_id, started_on)

    def lead_providers_for(
        self, school_id: int, trn: Trn, started_on: date | None
    ) -> list[LeadProviderOption]:
        """Lead providers active in the contract period the mentor's training goes into."""
        day = started_on or self._clock.today()
        period = self.check_start_date(school_id, trn, day)
        with self._uow() as uow:
            return uow.mentor_registration_facts.lead_providers_active_in(period.year)

    def register_mentor(self, command: RegisterMentor, by: Actor) -> RegisteredMentor:
        """One transaction (§3.2 step 8)."""
        today, now = self._clock.today(), self._clock.now()
        with self._uow() as uow:
            ect = self._ect(uow, command.ect_api_id)
            ect_placement = placement_at(ect, command.school_id, today)
            found = uow.teachers.find_by_trn(command.record.trn)
            mentor = found or ect_rules.teacher_from_record(
                command.record, command.corrected_name, now
            )
            rules.refuse_block(
                rules.mentor_registration_block(
                    command.record, found, ect.trn, command.school_id, today
                )
            )
            history = rules.mentor_history(found, command.school_id, today)
            started_on = command.started_on or today
            period = self._registration_period(uow, found, command.school_id, started_on)
            only_here = command.only_this_school
            eligible = rules.mentor_eligible_for_funding(found)
            training = None
            if rules.mentor_gets_training(command.lead_provider_id, eligible, only_here):
                training = self._training(uow, command, mentor, period, started_on)
            placement = MentorAtSchoolPeriod(
                school_id=command.school_id,
                started_on=started_on,
                email=_checked_email(uow, command.record.trn, command.email),
            )
            leavings = mentor.register_as_mentor(placement, training, only_this_school=only_here)
            newly_eligible = _record_funding_eligibility(mentor, training, now)
            (uow.teachers.save if found else uow.teachers.add)(mentor)
            events = [
                event
                for leaving in leavings
                for event in finished_elsewhere_events(uow.teachers, mentor, leaving, by)
            ]
            events += mentor_registered_events(
                mentor, placement, training, command.lead_provider_id, newly_eligible, by, now
            )
            starts = mentorship_start(
                ect, ect_placement, placement, rules.mentor_transferring(history, only_here)
            )
            events += assign(
                uow.teachers, ect, ect_placement, mentor, placement, starts.on(today), by, now
            )
            for event in events:
                uow.record(event)
            if placement.email:
                uow.emails.queue(
                    mentor_registered_email(
                        placement.email,
                        mentor.display_name,
                        school_name(uow.schools.get(command.school_id)),
                        ect.display_name,
                    )
                )
            uow.commit()  # the email goes only once the registration has committed
        return RegisteredMentor(
            str(mentor.api_id),
            mentor.display_name,
            placement.email or "",
            ect.display_name,
            started_on,
            training is not None,
        )

    def _ect(self, uow: MentorRegistrationUnitOfWork, ect_api_id: uuid.UUID) -> Teacher:
        return uow.teachers.get_by_api_id(ect_api_id)

    def _registration_period(
        self,
        uow: MentorRegistrationUnitOfWork,
        mentor: Teacher | None,
        school_id: int,
        started_on: date,
    ) -> RegistrationPeriod:
        today, facts = self._clock.today(), uow.mentor_registration_facts
        limits = rules.mentor_start_date_limits(mentor, school_id, today)
        period = facts.mentor_registration_period(
            started_on, today, rules.previous_mentor_schedule_id(mentor)
        )
        ect_rules.check_start_date(started_on, limits)
        return period

    def _training(
        self,
        uow: MentorRegistrationUnitOfWork,
        command: RegisterMentor,
        mentor: Teacher,
        period: RegistrationPeriod,
        started_on: date,
    ) -> TrainingPeriod:
        """§2.5: from the mentor's school start; partnership else expression of interest."""
        assert command.lead_provider_id is not None
        links = uow.mentor_registration_facts.provider_led_training(
            command.school_id,
            command.lead_provider_id,
            period,
            started_on,
            self._clock.today(),
            rules.previous_mentor_schedule_id(mentor),
        )
        return TrainingPeriod(
            role=TrainingRole.MENTOR,
            training_programme=TrainingProgramme.PROVIDER_LED,
            started_on=started_on,
            school_partnership_id=links.school_partnership_id,
            expression_of_interest_id=links.expression_of_interest_id,
            schedule_id=links.schedule_id,
        )


def _record_funding_eligibility(
    mentor: Teacher, training: TrainingPeriod | None, now: datetime
) -> bool:
    """§4.3: the one place registration records a mentor's funding eligibility, set once
    when they have mentor training and no reason to be ineligible, in the registration's
    own transaction. A funding-eligibility service elsewhere may take this over."""
    if training is None or not mentor.mentor_eligible_for_funding:
        return False
    return mentor.record_mentor_eligibility_for_training(now)


def _checked_email(uow: MentorRegistrationUnitOfWork, trn: Trn, email: str) -> str:
    """§3.2 step 5: the same rules as an ECT's email."""
    address = notify_email(email)
    if address is None:
        raise RuleBroken("Enter the email address", field="email", rule="email_given")
    ect_rules.refuse_email_in_use(
        uow.mentor_registration_facts.email_in_use_by_another_teacher(address, trn),
        "mentor",
    )
    return address
