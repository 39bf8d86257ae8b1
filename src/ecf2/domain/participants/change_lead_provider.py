"""A school changes the lead provider of an ECT's or a mentor's provider-led training
(participants-and-schools §3.5, §2.5): training not yet begun is changed in place; training
under way is finished yesterday if confirmed, or removed if only an expression of interest,
and new training with the new lead provider starts today (or at the school start)."""

from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Protocol

from ecf2.domain.participants import provider_led_change as change
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod, MentorAtSchoolPeriod
from ecf2.domain.participants.provider_led_change import LeadProviderFacts, Placement
from ecf2.domain.participants.registration_values import LeadProviderOption
from ecf2.domain.participants.report_leaving import LeavingTeacherRepository, placement_at
from ecf2.domain.participants.report_mentor_leaving import mentor_placement_at
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingRole
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import RuleBroken
from ecf2.domain.shared.events import DomainEvent, describe_change
from ecf2.domain.shared.unit_of_work import UnitOfWork


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


def mentor_training(placement: MentorAtSchoolPeriod) -> TrainingPeriod:
    """§3.5: the mentor's latest training at the school (mentor training is provider-led)."""
    latest = max(placement.training_periods, key=lambda tp: tp.started_on, default=None)
    if latest is None:
        raise RuleBroken(
            "Only a mentor with mentor training has a lead provider to change",
            field="lead_provider_id",
            rule="lead_provider_change_needs_provider_led_training",
        )
    return latest


class LeadProviderChangeService(ABC):
    """`lead_providers_for` and `check_lead_provider` answer the question; only
    `change_lead_provider` writes."""

    def __init__(self, uow: Callable[[], EctLeadProviderUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    @abstractmethod
    def _found(self, teacher: Teacher, school_id: int) -> tuple[Placement, TrainingPeriod]:
        """The teacher's placement at the school and the training whose provider changes."""

    def lead_providers_for(
        self, school_id: int, teacher_api_id: uuid.UUID
    ) -> list[LeadProviderOption]:
        """Those the school may change to: active in the training's period, not current."""
        with self._uow() as uow:
            _teacher, _placement, training = self._training(uow, school_id, teacher_api_id)
            facts = uow.ect_registration_facts
            period = change.change_period(facts, training, self._clock.today())
            return change.lead_provider_choices(facts, training, period)

    def check_lead_provider(
        self, school_id: int, teacher_api_id: uuid.UUID, lead_provider_id: int
    ) -> LeadProviderOption:
        with self._uow() as uow:
            _teacher, _placement, training = self._training(uow, school_id, teacher_api_id)
            facts = uow.ect_registration_facts
            period = change.change_period(facts, training, self._clock.today())
            return change.checked_lead_provider(facts, training, period, lead_provider_id)

    def change_lead_provider(
        self, school_id: int, teacher_api_id: uuid.UUID, lead_provider_id: int, by: Actor
    ) -> LeadProviderOption:
        today = self._clock.today()
        with self._uow() as uow:
            facts = uow.ect_registration_facts
            teacher, placement, training = self._training(uow, school_id, teacher_api_id)
            period = change.change_period(facts, training, today)
            chosen = change.checked_lead_provider(facts, training, period, lead_provider_id)
            old = change.lead_provider_name(facts, training)
            starts = change.transition_date(placement, today)
            links = change.new_links(facts, school_id, chosen.id, training, period, today, starts)
            if period.reassigned:
                # §3.5, §2.4: moved out of a frozen contract period, whose year is remembered.
                teacher.ect_payments_frozen_year = facts.schedule_year(training.schedule_id)
            changed = change.switch_lead_provider(teacher, placement, training, links, today)
            uow.teachers.save(teacher)
            uow.record(_event(teacher, placement, changed, (old, chosen), by, self._clock))
            uow.commit()
        return chosen

    def _training(
        self, uow: EctLeadProviderUnitOfWork, school_id: int, api_id: uuid.UUID
    ) -> tuple[Teacher, Placement, TrainingPeriod]:
        teacher = uow.teachers.get_by_api_id(api_id)
        return teacher, *self._found(teacher, school_id)


class EctLeadProviderService(LeadProviderChangeService):
    def _found(self, teacher: Teacher, school_id: int) -> tuple[Placement, TrainingPeriod]:
        placement = placement_at(teacher, school_id, self._clock.today())
        return placement, provider_led_training(placement)


class MentorLeadProviderService(LeadProviderChangeService):
    def _found(self, teacher: Teacher, school_id: int) -> tuple[Placement, TrainingPeriod]:
        placement = mentor_placement_at(teacher, school_id, self._clock.today())
        return placement, mentor_training(placement)


def _event(
    teacher: Teacher,
    placement: Placement,
    training: TrainingPeriod,
    lead_providers: tuple[str, LeadProviderOption],
    by: Actor,
    clock: Clock,
) -> DomainEvent:
    name, (old, chosen) = teacher.display_name, lead_providers
    key = "ect_at_school_period" if training.role is TrainingRole.ECT else "mentor_at_school_period"
    return DomainEvent(
        "teacher_training_lead_provider_updated",
        f"{name}'s lead provider was changed by their school to {chosen.name}",
        clock.now(),
        by,
        {
            "teacher": teacher,
            "school": placement.school_id,
            key: placement,
            "training_period": training,
            "lead_provider": chosen.id,
            "schedule": training.schedule_id,
        },
        (describe_change("Lead provider", old, chosen.name),),
    )
