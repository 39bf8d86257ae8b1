"""A school registers an ECT (participants-and-schools §3.1, §3.8): the checks each question
makes as the school answers it, then one unit of work that places the ECT at the school,
finishing their placement elsewhere, and starts their training."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

import attrs

from ecf2.domain.participants import ect_registration as rules
from ecf2.domain.participants.email_address import notify_email
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.ports import EctRegistrationFacts, TeacherRecordLookup
from ecf2.domain.participants.register_ect_commands import (
    DateOfBirthDoesNotMatch,
    FoundEct,
    RegisterEct,
    RegisteredEct,
)
from ecf2.domain.participants.register_ect_events import (
    partnership_reused_events,
    registration_events,
)
from ecf2.domain.participants.registration_emails import ect_registered_email, school_name
from ecf2.domain.participants.registration_values import (
    AppropriateBodyOption,
    LeadProviderOption,
    PreviousChoices,
    RegistrationPeriod,
    check_appropriate_body,
)
from ecf2.domain.participants.school import School
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import (
    TrainingProgramme,
    TrainingRole,
)
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.emails import Email, EmailOutbox
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn
from ecf2.domain.shared.unit_of_work import UnitOfWork


class TeacherRepository(Protocol):
    def find_by_trn(self, trn: Trn) -> Teacher | None: ...

    def add(self, teacher: Teacher) -> Teacher: ...

    def save(self, teacher: Teacher) -> Teacher: ...


class SchoolRepository(Protocol):
    def get(self, school_id: int) -> School: ...

    def save(self, school: School) -> School: ...


class EctRegistrationUnitOfWork(UnitOfWork, Protocol):
    teachers: TeacherRepository
    schools: SchoolRepository
    ect_registration_facts: EctRegistrationFacts
    emails: EmailOutbox


class EctRegistrationService:
    """Registers ECTs for schools; each `check_` method answers one question of the
    journey, and `register_ect` is the one use case that writes."""

    def __init__(
        self,
        uow: Callable[[], EctRegistrationUnitOfWork],
        trs: TeacherRecordLookup,
        clock: Clock,
    ) -> None:
        self._uow, self._trs, self._clock = uow, trs, clock

    def registration_closed(self, school_id: int) -> rules.RegistrationClosed | None:
        """Whether the school can start registering an ECT today (§2.8, §1.6)."""
        with self._uow() as uow:
            school = uow.schools.get(school_id)
            training = uow.ect_registration_facts.school_has_unfinished_training(school_id)
        return rules.registration_closed(self._clock.today(), school, training)

    def find_ect(
        self,
        school_id: int,
        trn: Trn,
        date_of_birth: date,
        national_insurance_number: NationalInsuranceNumber | None = None,
    ) -> FoundEct:
        """§3.1 steps 1-3 and (b.3): by TRN alone, then by TRN and NINO when TRS holds
        another date of birth. Raises the TRS look-up's errors."""
        today = self._clock.today()
        rules.check_date_of_birth(date_of_birth, today)
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
            teacher = uow.teachers.find_by_trn(record.trn)
        block = rules.ect_registration_block(record, teacher, school_id, today)
        return FoundEct(record, block, rules.registered_before(teacher))

    def check_email(self, trn: Trn, email: str) -> str:
        with self._uow() as uow:
            return _checked_email(uow, trn, email)

    def check_start_date(self, trn: Trn, started_on: date) -> RegistrationPeriod:
        with self._uow() as uow:
            teacher = uow.teachers.find_by_trn(trn)
            return self._registration_period(uow, teacher, started_on)

    def appropriate_bodies_for(self, school_id: int) -> list[AppropriateBodyOption]:
        with self._uow() as uow:
            independent = uow.schools.get(school_id).independent
            options = uow.ect_registration_facts.appropriate_bodies()
        return [option for option in options if option.allowed_for(independent)]

    def lead_providers_for(self, trn: Trn, started_on: date) -> list[LeadProviderOption]:
        """§3.1 step 11: lead providers active in the contract period the ECT goes into."""
        period = self.check_start_date(trn, started_on)
        with self._uow() as uow:
            return uow.ect_registration_facts.lead_providers_active_in(period.year)

    def previous_choices(
        self, school_id: int, trn: Trn, started_on: date
    ) -> PreviousChoices | None:
        """§3.1 step 9: the school's last choices, if this ECT may have them too."""
        with self._uow() as uow:
            facts = uow.ect_registration_facts
            school = uow.schools.get(school_id)
            period = self._registration_period(uow, uow.teachers.find_by_trn(trn), started_on)
            lead_provider_id = school.last_chosen_lead_provider_id
            partnership = has_interest = None
            if lead_provider_id is not None:
                partnership = facts.reusable_partnership(school_id, lead_provider_id, period)
                has_interest = facts.school_has_expression_of_interest(
                    school_id, lead_provider_id, period.year
                )
            return rules.reusable_choices(
                school,
                facts.appropriate_bodies(),
                facts.lead_providers_active_in(period.year),
                partnership,
                bool(has_interest),
                period.year,
            )

    def register_ect(self, command: RegisterEct, by: Actor) -> RegisteredEct:
        """One transaction (§3.1 step 12, §3.8)."""
        today, now = self._clock.today(), self._clock.now()
        with self._uow() as uow:
            facts = uow.ect_registration_facts
            school = uow.schools.get(command.school_id)
            teacher = uow.teachers.find_by_trn(command.record.trn)
            new_teacher = teacher is None
            if teacher is None:
                teacher = rules.teacher_from_record(command.record, command.corrected_name, now)
            self._refuse_blocked(command, teacher, today)
            check_appropriate_body(
                command.appropriate_body_id, facts.appropriate_bodies(), school.independent
            )
            period = self._registration_period(uow, teacher, command.started_on)
            training = self._training(uow, command, teacher, period, by)
            placement = ECTAtSchoolPeriod(
                school_id=command.school_id,
                started_on=command.started_on,
                email=_checked_email(uow, command.record.trn, command.email),
                working_pattern=command.working_pattern,
                school_reported_appropriate_body_id=command.appropriate_body_id,
            )
            leavings = teacher.register_as_ect(placement, training)
            school.record_last_choices(
                command.appropriate_body_id, command.training_programme, command.lead_provider_id
            )
            # §4.2: funded once they are in induction and placed; a new teacher has no
            # induction period recorded yet.
            in_induction = teacher.id is not None and facts.in_induction_on(teacher.id, today)
            newly_eligible = in_induction and teacher.record_ect_eligibility_for_training(now)
            (uow.teachers.add if new_teacher else uow.teachers.save)(teacher)
            uow.schools.save(school)
            for event in registration_events(
                teacher, school, placement, training, leavings, newly_eligible, by, now
            ):
                uow.record(event)
            if placement.email:
                uow.emails.queue(
                    _ect_registered_email(facts, command, teacher, school, placement, period)
                )
            uow.commit()  # the email goes only once the registration has committed
        return RegisteredEct(
            str(teacher.api_id),
            teacher.display_name,
            placement.email or "",
            training.training_programme,
        )

    def _recreate_partnership(
        self,
        uow: EctRegistrationUnitOfWork,
        command: RegisterEct,
        period: RegistrationPeriod,
        by: Actor,
    ) -> None:
        earlier_id, now = command.recreate_partnership_id, self._clock.now()
        assert earlier_id is not None
        new_id = uow.ect_registration_facts.recreate_partnership(earlier_id, period.year, now)
        if new_id != earlier_id:
            for event in partnership_reused_events(command.school_id, earlier_id, new_id, by, now):
                uow.record(event)

    def _refuse_blocked(self, command: RegisterEct, teacher: Teacher, today: date) -> None:
        block = rules.ect_registration_block(command.record, teacher, command.school_id, today)
        if block is not None:
            raise RuleBroken(
                "This teacher cannot be registered as an ECT at your school",
                field="trn",
                rule=f"ect_registration_blocked_{block}",
            )

    def _registration_period(
        self, uow: EctRegistrationUnitOfWork, teacher: Teacher | None, started_on: date
    ) -> RegistrationPeriod:
        today, facts = self._clock.today(), uow.ect_registration_facts
        limits = rules.start_date_limits(teacher, facts.start_date_floor(today), today)
        rules.check_start_date(started_on, attrs.evolve(limits, after_previous=None, latest=None))
        period = facts.registration_period(
            started_on, today, rules.previous_provider_led_schedule_id(teacher)
        )
        rules.check_start_date(started_on, limits)
        return period

    def _training(
        self,
        uow: EctRegistrationUnitOfWork,
        command: RegisterEct,
        teacher: Teacher,
        period: RegistrationPeriod,
        by: Actor,
    ) -> TrainingPeriod:
        today = self._clock.today()
        started_on = rules.ect_training_start(command.started_on, today, period.reassigned_from)
        if command.training_programme is TrainingProgramme.SCHOOL_LED:
            return TrainingPeriod(
                role=TrainingRole.ECT,
                training_programme=TrainingProgramme.SCHOOL_LED,
                started_on=started_on,
            )
        if command.lead_provider_id is None:
            raise RuleBroken(
                "Choose a lead provider", field="lead_provider_id", rule="lead_provider_given"
            )
        if command.recreate_partnership_id is not None:
            self._recreate_partnership(uow, command, period, by)
        links = uow.ect_registration_facts.provider_led_training(
            command.school_id,
            command.lead_provider_id,
            period,
            started_on,
            today,
            rules.previous_provider_led_schedule_id(teacher)
            if period.reuses_previous_schedule
            else None,
        )
        return TrainingPeriod(
            role=TrainingRole.ECT,
            training_programme=TrainingProgramme.PROVIDER_LED,
            started_on=started_on,
            school_partnership_id=links.school_partnership_id,
            expression_of_interest_id=links.expression_of_interest_id,
            schedule_id=links.schedule_id,
        )


def _checked_email(uow: EctRegistrationUnitOfWork, trn: Trn, email: str) -> str:
    """§3.1 step 6: given, in Notify's format, and not another teacher's."""
    address = notify_email(email)
    if address is None:
        raise RuleBroken("Enter the email address", field="email", rule="email_given")
    rules.refuse_email_in_use(
        uow.ect_registration_facts.email_in_use_by_another_teacher(address, trn)
    )
    return address


def _ect_registered_email(
    facts: EctRegistrationFacts,
    command: RegisterEct,
    teacher: Teacher,
    school: School,
    placement: ECTAtSchoolPeriod,
    period: RegistrationPeriod,
) -> Email:
    assert placement.email
    lead_provider_name = next(
        (
            option.name
            for option in facts.lead_providers_active_in(period.year)
            if option.id == command.lead_provider_id
        ),
        None,
    )
    return ect_registered_email(
        placement.email,
        teacher.display_name,
        school_name(school),
        placement.started_on,
        command.training_programme,
        lead_provider_name,
    )
