"""Switching an ECT to provider-led training (participants-and-schools §3.6, §2.4): the
contract period and lead provider of the new training, the mentor who starts training with
them, and what the switch records (§5)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Protocol

import attrs

from ecf2.domain.participants import training_programme as rules
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.provider_led_change import LeadProviderFacts, provider_led_period
from ecf2.domain.participants.register_mentor_events import mentor_training_events
from ecf2.domain.participants.registration_values import LeadProviderOption, RegistrationPeriod
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme, TrainingRole
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.events import DomainEvent, describe_change
from ecf2.domain.shared.unit_of_work import UnitOfWork


class ProgrammeFacts(LeadProviderFacts, Protocol):
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


def new_period(
    facts: ProgrammeFacts, teacher: Teacher, starts: date, today: date
) -> tuple[RegistrationPeriod, int | None]:
    """§2.4 at the transition date, given the schedule of the ECT's latest provider-led
    training, which comes back too."""
    previous = rules.latest_provider_led_schedule_id(teacher, TrainingRole.ECT)
    return facts.registration_period(starts, today, previous), previous


@attrs.define
class ProgrammeSwitch:
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
        period, previous = new_period(facts, self.ect, self.starts, today)
        chosen = lead_provider_in(facts, period, lead_provider_id)
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


def lead_provider_in(
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


def programme_event(
    switch: ProgrammeSwitch,
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
