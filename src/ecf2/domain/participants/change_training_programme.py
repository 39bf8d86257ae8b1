"""A school switches an ECT between school-led and provider-led training
(participants-and-schools §3.6, §2.4, §2.5): the training they have now goes or finishes
yesterday, new training starts from the transition date, and a mentor eligible for funding
starts provider-led training with them. One unit of work."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol

import attrs

from ecf2.domain.participants import training_programme as rules
from ecf2.domain.participants.mentor_registration import RegistrationClosed, mentor_changes_closed
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.provider_led_change import (
    LeadProviderFacts,
    provider_led_period,
    transition_date,
)
from ecf2.domain.participants.register_mentor_events import mentor_training_events
from ecf2.domain.participants.registration_values import LeadProviderOption, RegistrationPeriod
from ecf2.domain.participants.report_leaving import placement_at
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme, TrainingRole
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.events import DomainEvent, describe_change
from ecf2.domain.shared.unit_of_work import UnitOfWork


class ProgrammeFacts(LeadProviderFacts, Protocol):
    def registration_period(
        self, start_date: date, today: date, previous_schedule_id: int | None
    ) -> RegistrationPeriod: ...

    def mentor_registration_period(
        self, start_date: date, today: date, previous_schedule_id: int | None
    ) -> RegistrationPeriod: ...


class ProgrammeTeachers(Protocol):
    def get_by_api_id(self, api_id: uuid.UUID) -> Teacher: ...

    def get_by_mentor_placement(self, mentor_at_school_period_id: int) -> Teacher: ...

    def save(self, teacher: Teacher) -> Teacher: ...


class ProgrammeUnitOfWork(UnitOfWork, Protocol):
    teachers: ProgrammeTeachers
    mentor_registration_facts: ProgrammeFacts


@attrs.frozen
class ProgrammeChanged:
    name: str
    programme: TrainingProgramme
    started_on: date
    lead_provider: str | None = None
    mentor_training_started: bool = False


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
            return _lead_provider_in(uow.mentor_registration_facts, period, lead_provider_id)

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
            switch = _Switch(uow, ect, placement, starts, by, now)
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
            switch.events.insert(0, _programme_event(switch, current, new, changed))
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
        return _new_period(facts, teacher, starts, today)[0]


def _new_period(
    facts: ProgrammeFacts, teacher: Teacher, starts: date, today: date
) -> tuple[RegistrationPeriod, int | None]:
    """§2.4 at the transition date, given the schedule of the ECT's latest provider-led
    training, which comes back too."""
    previous = rules.latest_provider_led_schedule_id(teacher, TrainingRole.ECT)
    return facts.registration_period(starts, today, previous), previous


@attrs.define
class _Switch:
    """One switch to provider-led training under way: what it writes and records."""

    uow: ProgrammeUnitOfWork
    ect: Teacher
    placement: ECTAtSchoolPeriod
    starts: date
    by: Actor
    now: datetime
    events: list[DomainEvent] = attrs.field(factory=list)

    def to_provider_led(
        self, lead_provider_id: int | None, today: date
    ) -> tuple[TrainingPeriod, ProgrammeChanged]:
        if lead_provider_id is None:
            raise RuleBroken(
                "Select the lead provider", field="lead_provider_id", rule="lead_provider_given"
            )
        facts = self.uow.mentor_registration_facts
        school_id = self.placement.school_id
        period, previous = _new_period(facts, self.ect, self.starts, today)
        chosen = _lead_provider_in(facts, period, lead_provider_id)
        if period.reassigned:
            # §2.4: moved out of a frozen contract period, whose year is remembered.
            self.ect.ect_payments_frozen_year = facts.schedule_year(previous)
        reused = previous if period.reuses_previous_schedule else None
        links = facts.provider_led_training(
            school_id, chosen.id, period, self.starts, today, reused
        )
        training = provider_led_period(
            TrainingRole.ECT, self.starts, self.placement.finished_on, links
        )
        self.ect.add_training_period(self.placement, training)
        self.events.append(_schedule_event(self.ect, training, self.by, self.now))
        mentored = self._mentor_starts_training(chosen.id, today)
        changed = ProgrammeChanged(
            self.ect.display_name,
            TrainingProgramme.PROVIDER_LED,
            self.starts,
            chosen.name,
            mentored,
        )
        return training, changed

    def _mentor_starts_training(self, lead_provider_id: int, today: date) -> bool:
        mentorship = rules.current_or_next_mentorship(self.placement, today)
        if mentorship is None or mentorship.mentor_at_school_period_id is None:
            return False
        mentor = self.uow.teachers.get_by_mentor_placement(mentorship.mentor_at_school_period_id)
        placement = next(
            p
            for p in mentor.mentor_at_school_periods
            if p.id == mentorship.mentor_at_school_period_id
        )
        starts = max(placement.started_on, self.starts)
        if not rules.mentor_needs_training(mentor, placement, starts):
            return False
        facts = self.uow.mentor_registration_facts
        previous = rules.latest_provider_led_schedule_id(mentor, TrainingRole.MENTOR)
        period = facts.mentor_registration_period(starts, today, previous)
        if lead_provider_id not in {p.id for p in facts.lead_providers_active_in(period.year)}:
            # The mentor's contract period has no place for this lead provider: the
            # school assigns their training when it next changes their mentor (§3.3).
            return False
        links = facts.provider_led_training(
            placement.school_id, lead_provider_id, period, starts, today, None
        )
        training = provider_led_period(TrainingRole.MENTOR, starts, placement.finished_on, links)
        mentor.add_training_period(placement, training)
        self.uow.teachers.save(mentor)
        self.events += mentor_training_events(mentor, placement, training, self.by, self.now)
        return True


def _lead_provider_in(
    facts: ProgrammeFacts, period: RegistrationPeriod, lead_provider_id: int
) -> LeadProviderOption:
    options = facts.lead_providers_active_in(period.year)
    chosen = next((option for option in options if option.id == lead_provider_id), None)
    if chosen is None:
        raise RuleBroken(
            "Choose a lead provider that trains ECTs in their contract period",
            field="lead_provider_id",
            rule="lead_provider_active_in_contract_period",
        )
    return chosen


def _schedule_event(
    teacher: Teacher, training: TrainingPeriod, by: Actor, now: datetime
) -> DomainEvent:
    return DomainEvent(
        "teacher_schedule_assigned_to_training_period",
        f"{teacher.display_name} was given a schedule for their training",
        now,
        by,
        {"teacher": teacher, "training_period": training, "schedule": training.schedule_id},
    )


def _programme_event(
    switch: _Switch,
    old: TrainingPeriod | None,
    new: TrainingPeriod,
    changed: ProgrammeChanged,
) -> DomainEvent:
    old_words = "" if old is None else rules.PROGRAMME_WORDS[old.training_programme]
    new_words = rules.PROGRAMME_WORDS[changed.programme]
    return DomainEvent(
        "teacher_training_programme_updated",
        f"{changed.name}'s training programme was changed by their school to {new_words.lower()}",
        switch.now,
        switch.by,
        {
            "teacher": switch.ect,
            "school": switch.placement.school_id,
            "ect_at_school_period": switch.placement,
            "training_period": new,
            "schedule": new.schedule_id,
        },
        (describe_change("Training programme", old_words, new_words),),
    )
