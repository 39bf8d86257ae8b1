"""A school assigns one of its mentors to an ECT, or changes the ECT's mentor
(participants-and-schools §3.3): a mentor eligible for funding with no mentor training
anywhere, for a provider-led ECT, first gets provider-led training (the eligibility step)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Protocol

import attrs

from ecf2.domain.participants import mentor_registration as rules
from ecf2.domain.participants.assign_mentor import assign, mentorship_start
from ecf2.domain.participants.mentor_leaving import MenteeRepository
from ecf2.domain.participants.mentor_training_choices import ect_training_at
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import MentorAtSchoolPeriod
from ecf2.domain.participants.ports import MentorRegistrationFacts
from ecf2.domain.participants.register_mentor_commands import EctTraining
from ecf2.domain.participants.register_mentor_events import mentor_training_events
from ecf2.domain.participants.registration_emails import long_date
from ecf2.domain.participants.registration_values import LeadProviderOption
from ecf2.domain.participants.report_leaving import placement_at
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme, TrainingRole
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import NotFound, RuleBroken
from ecf2.domain.shared.unit_of_work import UnitOfWork


class MentorAssignmentUnitOfWork(UnitOfWork, Protocol):
    teachers: MenteeRepository
    mentor_registration_facts: MentorRegistrationFacts


@attrs.frozen(kw_only=True)
class AssignMentor:
    school_id: int
    ect_api_id: uuid.UUID
    mentor_api_id: uuid.UUID
    # Chosen on the eligibility step; None where that step is not asked.
    lead_provider_id: int | None = None


@attrs.frozen
class MentorAssigned:
    mentor_name: str
    ect_name: str
    started_on: date
    provider_led_training: bool


def mentor_placement_at(mentor: Teacher, school_id: int) -> MentorAtSchoolPeriod:
    placement = rules.unfinished_mentor_placement_at(mentor, school_id)
    if placement is None:
        raise RuleBroken(
            "This mentor is not at your school",
            field="mentor_api_id",
            rule="mentor_at_school",
        )
    return placement


def needs_training_first(mentor: Teacher, ect_training: EctTraining) -> bool:
    """§3.3: the eligibility step is asked for a provider-led ECT's mentor who is eligible
    for funding and has no mentor training at any school."""
    return (
        ect_training.provider_led
        and mentor.mentor_eligible_for_funding
        and not mentor.training_periods(TrainingRole.MENTOR)
    )


class MentorAssignmentService:
    def __init__(self, uow: Callable[[], MentorAssignmentUnitOfWork], clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def registration_closed(self) -> rules.RegistrationClosed | None:
        return rules.mentor_changes_closed(self._clock.today())

    def eligibility_step(
        self, school_id: int, ect_api_id: uuid.UUID, mentor_api_id: uuid.UUID
    ) -> EctTraining | None:
        """The ECT's training when the eligibility step is asked, else None."""
        today = self._clock.today()
        with self._uow() as uow:
            ect = uow.teachers.get_by_api_id(ect_api_id)
            mentor = self._mentor(uow, mentor_api_id)
            mentor_placement_at(mentor, school_id)
            training = ect_training_at(uow.mentor_registration_facts, ect, school_id, today)
        return training if needs_training_first(mentor, training) else None

    def lead_providers_for(self, school_id: int, ect_api_id: uuid.UUID) -> list[LeadProviderOption]:
        """§3.3: lead providers active in the contract period containing the ECT's start."""
        today = self._clock.today()
        with self._uow() as uow:
            placement = placement_at(uow.teachers.get_by_api_id(ect_api_id), school_id, today)
            facts = uow.mentor_registration_facts
            period = facts.mentor_registration_period(placement.started_on, today, None)
            return facts.lead_providers_active_in(period.year)

    def assign_mentor(self, command: AssignMentor, by: Actor) -> MentorAssigned:
        """One transaction (§3.3 AssignMentor, SwitchMentor)."""
        today, now = self._clock.today(), self._clock.now()
        closed = self.registration_closed()
        if closed is not None:
            raise RuleBroken(
                f"You can assign mentors again from {long_date(closed.reopens_on)}",
                rule="mentor_changes_closed",
            )
        with self._uow() as uow:
            ect = uow.teachers.get_by_api_id(command.ect_api_id)
            ect_placement = placement_at(ect, command.school_id, today)
            mentor = self._mentor(uow, command.mentor_api_id)
            placement = mentor_placement_at(mentor, command.school_id)
            facts = uow.mentor_registration_facts
            changing = any(
                m.finished_on is None or m.finished_on >= today
                for m in ect_placement.mentorship_periods
            )
            events = []
            training = None
            ect_training = ect_training_at(facts, ect, command.school_id, today)
            if command.lead_provider_id is not None and needs_training_first(mentor, ect_training):
                # §2.5: from the mentor's school start when assigning, from today at the
                # earliest when changing the ECT's mentor.
                starts = max(today, placement.started_on) if changing else placement.started_on
                training = self._training(facts, command, starts)
                mentor.add_training_period(placement, training)
                events += mentor_training_events(mentor, placement, training, by, now)
            uow.teachers.save(mentor)
            starts_on = mentorship_start(ect, ect_placement, placement, False).on(today)
            events += assign(
                uow.teachers, ect, ect_placement, mentor, placement, starts_on, by, now
            )
            for event in events:
                uow.record(event)
            uow.commit()
        return MentorAssigned(
            mentor.display_name, ect.display_name, starts_on, training is not None
        )

    def _mentor(self, uow: MentorAssignmentUnitOfWork, mentor_api_id: uuid.UUID) -> Teacher:
        try:
            return uow.teachers.get_by_api_id(mentor_api_id)
        except NotFound:
            raise RuleBroken(
                "Choose a mentor from your school", field="mentor_api_id", rule="mentor_at_school"
            ) from None

    def _training(
        self, facts: MentorRegistrationFacts, command: AssignMentor, starts: date
    ) -> TrainingPeriod:
        assert command.lead_provider_id is not None
        today = self._clock.today()
        period = facts.mentor_registration_period(starts, today, None)
        links = facts.provider_led_training(
            command.school_id, command.lead_provider_id, period, starts, today, None
        )
        return TrainingPeriod(
            role=TrainingRole.MENTOR,
            training_programme=TrainingProgramme.PROVIDER_LED,
            started_on=starts,
            school_partnership_id=links.school_partnership_id,
            expression_of_interest_id=links.expression_of_interest_id,
            schedule_id=links.schedule_id,
        )
