"""A school switches an ECT between school-led and provider-led training
(participants-and-schools §3.6, §2.5, §2.8): the training they have now goes or finishes
yesterday, new training starts from the transition date, and a mentor eligible for funding
starts provider-led training with them. One unit of work."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from ecf2.domain.participants import training_programme as rules
from ecf2.domain.participants.mentor_registration import RegistrationClosed, mentor_changes_closed
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.programme_switch import (
    ProgrammeChanged,
    ProgrammeFacts,
    ProgrammeSwitch,
    ProgrammeUnitOfWork,
    lead_provider_in,
    new_period,
    programme_event,
)
from ecf2.domain.participants.provider_led_change import transition_date
from ecf2.domain.participants.registration_values import LeadProviderOption, RegistrationPeriod
from ecf2.domain.participants.report_leaving import placement_at
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import RuleBroken

__all__ = ["EctProgrammeService", "ProgrammeChanged"]


class EctProgrammeService:
    """`check_` methods and `lead_providers_for` answer the journey's questions; only
    `change_training_programme` writes."""

    def __init__(self, uow: Callable[[], ProgrammeUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def changes_closed(self) -> RegistrationClosed | None:
        """§2.8: changing the programme closes with registration each June."""
        return mentor_changes_closed(self._clock.today())

    def check_programme(
        self, school_id: int, teacher_api_id: uuid.UUID, programme: str
    ) -> TrainingProgramme:
        with self._uow() as uow:
            placement = self._placement(uow.teachers.get_by_api_id(teacher_api_id), school_id)
        return rules.new_programme(programme, self._current(placement))

    def lead_providers_for(
        self, school_id: int, teacher_api_id: uuid.UUID
    ) -> list[LeadProviderOption]:
        """§3.6: lead providers active in the contract period the new training goes in.
        The reference draws this list from the period of the school start but puts the
        training in the period of the transition date (§8); both use the latter here."""
        with self._uow() as uow:
            teacher = uow.teachers.get_by_api_id(teacher_api_id)
            period = self._period(uow.mentor_registration_facts, teacher, school_id)
            return uow.mentor_registration_facts.lead_providers_active_in(period.year)

    def check_lead_provider(
        self, school_id: int, teacher_api_id: uuid.UUID, lead_provider_id: int
    ) -> LeadProviderOption:
        with self._uow() as uow:
            teacher = uow.teachers.get_by_api_id(teacher_api_id)
            period = self._period(uow.mentor_registration_facts, teacher, school_id)
            return lead_provider_in(uow.mentor_registration_facts, period, lead_provider_id)

    def change_training_programme(
        self,
        school_id: int,
        teacher_api_id: uuid.UUID,
        programme: str,
        lead_provider_id: int | None,
        by: Actor,
    ) -> ProgrammeChanged:
        today, now = self._clock.today(), self._clock.now()
        if self.changes_closed() is not None:
            raise RuleBroken(
                "Training programmes cannot be changed while registration is closed",
                field="training_programme",
                rule="programme_changes_closed",
            )
        with self._uow() as uow:
            ect = uow.teachers.get_by_api_id(teacher_api_id)
            placement = self._placement(ect, school_id)
            current = self._current(placement)
            to = rules.new_programme(programme, current)
            starts = transition_date(placement, today)
            switch = ProgrammeSwitch(uow, ect, placement, starts, by, now)
            if current is not None:
                rules.end_for_switch(ect, current, to, starts, today)
            if to is TrainingProgramme.SCHOOL_LED:
                new = ect.add_training_period(
                    placement, rules.school_led_training(starts, placement.finished_on)
                )
                changed = ProgrammeChanged(ect.display_name, to, starts)
            else:
                new, changed = switch.to_provider_led(lead_provider_id, today)
            uow.teachers.save(ect)
            switch.events.insert(0, programme_event(switch, current, new, changed))
            for event in switch.events:
                uow.record(event)
            uow.commit()
        return changed

    def _placement(self, teacher: Teacher, school_id: int) -> ECTAtSchoolPeriod:
        return placement_at(teacher, school_id, self._clock.today())

    def _current(self, placement: ECTAtSchoolPeriod) -> TrainingPeriod | None:
        return rules.current_or_next_training(placement, self._clock.today())

    def _period(
        self, facts: ProgrammeFacts, teacher: Teacher, school_id: int
    ) -> RegistrationPeriod:
        today = self._clock.today()
        starts = transition_date(self._placement(teacher, school_id), today)
        return new_period(facts, teacher, starts, today)[0]
