"""What a school is shown when it chooses who trains a mentor (participants-and-schools
§3.2 steps 5-7, §3.3): the ECT's current or next training, and the mentor's own latest
mentor training."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from ecf2.domain.participants.mentor_registration import latest_mentor_training
from ecf2.domain.participants.model import Teacher
from ecf2.domain.participants.ports import MentorRegistrationFacts
from ecf2.domain.participants.register_mentor_commands import EctTraining, PreviousMentorTraining
from ecf2.domain.participants.registration_emails import school_name
from ecf2.domain.participants.report_leaving import placement_at
from ecf2.domain.participants.school import School


class Schools(Protocol):
    def get(self, school_id: int) -> School: ...


def ect_training_at(
    facts: MentorRegistrationFacts, ect: Teacher, school_id: int, today: date
) -> EctTraining:
    """The ECT's current or next training at the school, with who provides it."""
    placement = placement_at(ect, school_id, today)
    going = [
        tp for tp in placement.training_periods if tp.finished_on is None or tp.finished_on >= today
    ]
    training = min(going, key=lambda tp: tp.started_on) if going else None
    if training is None or not training.provider_led:
        return EctTraining(provider_led=False)
    providers = facts.providers_of_training(
        training.school_partnership_id, training.expression_of_interest_id
    )
    if providers is None:
        return EctTraining(provider_led=True)
    lead_provider = providers.lead_provider
    return EctTraining(True, lead_provider.id, lead_provider.name, providers.delivery_partner_name)


def previous_mentor_training(
    mentor: Teacher | None, facts: MentorRegistrationFacts, schools: Schools
) -> PreviousMentorTraining | None:
    """Where the mentor last trained as a mentor, and with whom (§3.2 step 7)."""
    latest = latest_mentor_training(mentor)
    if latest is None:
        return None
    placement, training = latest
    providers = facts.providers_of_training(
        training.school_partnership_id, training.expression_of_interest_id
    )
    return PreviousMentorTraining(
        school_name(schools.get(placement.school_id)),
        None if providers is None else providers.lead_provider.name,
        None if providers is None else providers.delivery_partner_name,
    )
