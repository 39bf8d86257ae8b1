"""A school changes the lead provider of an ECT's provider-led training
(participants-and-schools §3.5, §2.5): training not yet begun is changed in place; training
under way is finished yesterday if confirmed, or removed if only an expression of interest,
and new training with the new lead provider starts today (or at the school start)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Protocol

from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod
from ecf2.domain.participants.registration_values import (
    LeadProviderOption,
    ProviderLedLinks,
    RegistrationPeriod,
)
from ecf2.domain.participants.report_leaving import LeavingTeacherRepository, placement_at
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme, TrainingRole
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.events import DomainEvent, describe_change
from ecf2.domain.shared.unit_of_work import UnitOfWork


class LeadProviderFacts(Protocol):
    def schedule_year(self, schedule_id: int | None) -> int | None: ...

    def lead_provider_of(
        self, school_partnership_id: int | None, expression_of_interest_id: int | None
    ) -> int | None: ...

    def lead_providers_active_in(self, contract_period_year: int) -> list[LeadProviderOption]: ...

    def provider_led_training(
        self,
        school_id: int,
        lead_provider_id: int,
        period: RegistrationPeriod,
        training_started_on: date,
        today: date,
        previous_schedule_id: int | None,
    ) -> ProviderLedLinks: ...


class EctLeadProviderUnitOfWork(UnitOfWork, Protocol):
    teachers: LeavingTeacherRepository
    ect_registration_facts: LeadProviderFacts


def provider_led_training(placement: ECTAtSchoolPeriod) -> TrainingPeriod:
    """§3.5: only an ECT whose latest training is provider-led can change lead provider."""
    latest = max(placement.training_periods, key=lambda tp: tp.started_on, default=None)
    if latest is None or not latest.provider_led:
        raise RuleBroken(
            "Only an ECT with provider-led training has a lead provider to change",
            field="lead_provider_id",
            rule="lead_provider_change_needs_provider_led_training",
        )
    return latest


def new_lead_provider(
    chosen_id: int, choices: list[LeadProviderOption], current_id: int | None
) -> LeadProviderOption:
    """One active in the training's contract period, other than the current one."""
    if chosen_id == current_id:
        raise RuleBroken(
            "The lead provider must be different from the current one",
            field="lead_provider_id",
            rule="lead_provider_must_change",
        )
    chosen = next((option for option in choices if option.id == chosen_id), None)
    if chosen is None:
        raise RuleBroken(
            "Choose a lead provider that trains ECTs in their contract period",
            field="lead_provider_id",
            rule="lead_provider_active_in_contract_period",
        )
    return chosen


class EctLeadProviderService:
    def __init__(self, uow: Callable[[], EctLeadProviderUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def lead_providers_for(
        self, school_id: int, teacher_api_id: uuid.UUID
    ) -> list[LeadProviderOption]:
        """Those the school may change to: active in the training's period, not current."""
        with self._uow() as uow:
            _teacher, _placement, training = self._training(uow, school_id, teacher_api_id)
            year, current = _year_and_current(uow.ect_registration_facts, training)
            options = uow.ect_registration_facts.lead_providers_active_in(year)
        return [option for option in options if option.id != current]

    def check_lead_provider(
        self, school_id: int, teacher_api_id: uuid.UUID, lead_provider_id: int
    ) -> LeadProviderOption:
        with self._uow() as uow:
            _teacher, _placement, training = self._training(uow, school_id, teacher_api_id)
            return _checked(uow.ect_registration_facts, training, lead_provider_id)

    def change_lead_provider(
        self, school_id: int, teacher_api_id: uuid.UUID, lead_provider_id: int, by: Actor
    ) -> LeadProviderOption:
        today = self._clock.today()
        with self._uow() as uow:
            facts = uow.ect_registration_facts
            teacher, placement, training = self._training(uow, school_id, teacher_api_id)
            chosen = _checked(facts, training, lead_provider_id)
            old = _current_name(facts, training)
            starts = max(placement.started_on, today)
            year = facts.schedule_year(training.schedule_id) or today.year
            # §3.5: the training keeps its contract period (and reuses its schedule there).
            period = RegistrationPeriod(year, reuses_previous_schedule=True)
            links = facts.provider_led_training(
                school_id, chosen.id, period, starts, today, training.schedule_id
            )
            changed = _switch(teacher, placement, training, links, starts, today)
            uow.teachers.save(teacher)
            uow.record(_event(teacher, placement, changed, (old, chosen), by, self._clock))
            uow.commit()
        return chosen

    def _training(
        self, uow: EctLeadProviderUnitOfWork, school_id: int, api_id: uuid.UUID
    ) -> tuple[Teacher, ECTAtSchoolPeriod, TrainingPeriod]:
        teacher = uow.teachers.get_by_api_id(api_id)
        placement = placement_at(teacher, school_id, self._clock.today())
        return teacher, placement, provider_led_training(placement)


def _year_and_current(facts: LeadProviderFacts, training: TrainingPeriod) -> tuple[int, int | None]:
    year = facts.schedule_year(training.schedule_id)
    if year is None:
        raise RuleBroken(
            "This ECT's training has no contract period yet",
            field="lead_provider_id",
            rule="lead_provider_change_needs_schedule",
        )
    current = facts.lead_provider_of(
        training.school_partnership_id, training.expression_of_interest_id
    )
    return year, current


def _checked(
    facts: LeadProviderFacts, training: TrainingPeriod, lead_provider_id: int
) -> LeadProviderOption:
    year, current = _year_and_current(facts, training)
    return new_lead_provider(lead_provider_id, facts.lead_providers_active_in(year), current)


def _current_name(facts: LeadProviderFacts, training: TrainingPeriod) -> str:
    year, current = _year_and_current(facts, training)
    options = facts.lead_providers_active_in(year)
    return next((option.name for option in options if option.id == current), "")


def _switch(
    teacher: Teacher,
    placement: ECTAtSchoolPeriod,
    training: TrainingPeriod,
    links: ProviderLedLinks,
    starts: date,
    today: date,
) -> TrainingPeriod:
    """§3.5: in place if not yet begun; else the old finishes yesterday (or goes, if never
    confirmed) and new training runs from `starts` to the end of the placement."""
    if training.started_on >= today or not training.confirmed:
        if training.started_on < today:
            # Under way but never confirmed: §3.5 removes it and starts new training from
            # `starts`. Moving this one to start then, with the new links, is the same
            # outcome in one row, where the one-open-training-per-placement index would
            # refuse the new row before the old one is gone.
            teacher.set_training_period_dates(training, starts, training.finished_on)
        training.school_partnership_id = links.school_partnership_id
        training.expression_of_interest_id = links.expression_of_interest_id
        training.schedule_id = links.schedule_id
        return training
    teacher.finish_training_period(training, today - timedelta(days=1))
    new = TrainingPeriod(
        role=TrainingRole.ECT,
        training_programme=TrainingProgramme.PROVIDER_LED,
        started_on=starts,
        finished_on=placement.finished_on,
        school_partnership_id=links.school_partnership_id,
        expression_of_interest_id=links.expression_of_interest_id,
        schedule_id=links.schedule_id,
    )
    return teacher.add_training_period(placement, new)


def _event(
    teacher: Teacher,
    placement: ECTAtSchoolPeriod,
    training: TrainingPeriod,
    change: tuple[str, LeadProviderOption],
    by: Actor,
    clock: Clock,
) -> DomainEvent:
    name, (old, chosen) = teacher.display_name, change
    return DomainEvent(
        "teacher_training_lead_provider_updated",
        f"{name}'s lead provider was changed by their school to {chosen.name}",
        clock.now(),
        by,
        {
            "teacher": teacher,
            "school": placement.school_id,
            "ect_at_school_period": placement,
            "training_period": training,
            "lead_provider": chosen.id,
            "schedule": training.schedule_id,
        },
        (describe_change("Lead provider", old, chosen.name),),
    )
