"""What a school's changes to provider-led training share (participants-and-schools §3.5,
§3.6, §2.5): the lead providers it may choose, the new provider-led training from the
transition date, and changing the lead provider of training in place or by replacing it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.placements import ECTAtSchoolPeriod, MentorAtSchoolPeriod
from ecf2.domain.participants.registration_values import (
    LeadProviderOption,
    ProviderLedLinks,
    RegistrationPeriod,
)
from ecf2.domain.participants.training import TrainingPeriod
from ecf2.domain.participants.values import TrainingProgramme, TrainingRole
from ecf2.domain.shared.errors import RuleBroken

Placement = ECTAtSchoolPeriod | MentorAtSchoolPeriod


class LeadProviderFacts(Protocol):
    def schedule_year(self, schedule_id: int | None) -> int | None: ...

    def lead_provider_of(
        self, school_partnership_id: int | None, expression_of_interest_id: int | None
    ) -> int | None: ...

    def lead_providers_active_in(self, contract_period_year: int) -> list[LeadProviderOption]: ...

    def registration_period(
        self, start_date: date, today: date, previous_schedule_id: int | None
    ) -> RegistrationPeriod: ...

    def provider_led_training(
        self,
        school_id: int,
        lead_provider_id: int,
        period: RegistrationPeriod,
        training_started_on: date,
        today: date,
        previous_schedule_id: int | None,
    ) -> ProviderLedLinks: ...


def transition_date(placement: Placement, today: date) -> date:
    """§2.5: a change of lead provider or programme takes effect from the later of the
    school start and today."""
    return max(placement.started_on, today)


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
            "Choose a lead provider that trains in their contract period",
            field="lead_provider_id",
            rule="lead_provider_active_in_contract_period",
        )
    return chosen


def provider_led_period(
    role: TrainingRole, starts: date, finished_on: date | None, links: ProviderLedLinks
) -> TrainingPeriod:
    return TrainingPeriod(
        role=role,
        training_programme=TrainingProgramme.PROVIDER_LED,
        started_on=starts,
        finished_on=finished_on,
        school_partnership_id=links.school_partnership_id,
        expression_of_interest_id=links.expression_of_interest_id,
        schedule_id=links.schedule_id,
    )


def training_year(facts: LeadProviderFacts, training: TrainingPeriod) -> int:
    year = facts.schedule_year(training.schedule_id)
    if year is None:
        raise RuleBroken(
            "This training has no contract period yet",
            field="lead_provider_id",
            rule="lead_provider_change_needs_schedule",
        )
    return year


def current_lead_provider(facts: LeadProviderFacts, training: TrainingPeriod) -> int | None:
    return facts.lead_provider_of(
        training.school_partnership_id, training.expression_of_interest_id
    )


def change_period(
    facts: LeadProviderFacts, training: TrainingPeriod, today: date
) -> RegistrationPeriod:
    """§3.5: the training keeps its contract period and its schedule there, except that an
    ECT's training in a period whose payments are frozen moves to 2024 (§2.4)."""
    year = training_year(facts, training)
    if training.role is TrainingRole.ECT:
        # Only whether the previous training forces a move matters, which does not depend
        # on the day asked about; today always has a contract period to answer from.
        moved = facts.registration_period(today, today, training.schedule_id)
        if moved.reassigned:
            return moved
    return RegistrationPeriod(year, reuses_previous_schedule=True)


def lead_provider_choices(
    facts: LeadProviderFacts, training: TrainingPeriod, period: RegistrationPeriod
) -> list[LeadProviderOption]:
    """§3.5: the lead providers active in the change's contract period, but the current."""
    current = current_lead_provider(facts, training)
    options = facts.lead_providers_active_in(period.year)
    return [option for option in options if option.id != current]


def checked_lead_provider(
    facts: LeadProviderFacts,
    training: TrainingPeriod,
    period: RegistrationPeriod,
    lead_provider_id: int,
) -> LeadProviderOption:
    options = facts.lead_providers_active_in(period.year)
    return new_lead_provider(lead_provider_id, options, current_lead_provider(facts, training))


def lead_provider_name(facts: LeadProviderFacts, training: TrainingPeriod) -> str:
    current = current_lead_provider(facts, training)
    options = facts.lead_providers_active_in(training_year(facts, training))
    return next((option.name for option in options if option.id == current), "")


def switch_lead_provider(
    teacher: Teacher,
    placement: Placement,
    training: TrainingPeriod,
    links: ProviderLedLinks,
    today: date,
) -> TrainingPeriod:
    """§3.5: in place if not yet begun; else the old finishes yesterday (or goes, if never
    confirmed) and new training runs from the transition date to the end of the placement."""
    starts = transition_date(placement, today)
    if training.started_on >= today or not training.confirmed:
        if training.started_on < today:
            # Under way but never confirmed: §3.5 removes it and starts new training from
            # `starts`. Moving this one to start then, with the new links, is the same
            # outcome in one row.
            teacher.set_training_period_dates(training, starts, training.finished_on)
        training.school_partnership_id = links.school_partnership_id
        training.expression_of_interest_id = links.expression_of_interest_id
        training.schedule_id = links.schedule_id
        return training
    teacher.finish_training_period(training, today - timedelta(days=1))
    new = provider_led_period(training.role, starts, placement.finished_on, links)
    return teacher.add_training_period(placement, new)


def new_links(
    facts: LeadProviderFacts,
    school_id: int,
    lead_provider_id: int,
    training: TrainingPeriod,
    period: RegistrationPeriod,
    today: date,
    starts: date,
) -> ProviderLedLinks:
    """The new lead provider's links in the change's contract period, reusing the
    training's schedule unless it moved out of a frozen period (§2.7)."""
    reused = training.schedule_id if period.reuses_previous_schedule else None
    return facts.provider_led_training(school_id, lead_provider_id, period, starts, today, reused)
