"""A lead provider confirms a partnership with a school, or changes its delivery partner
(lead-provider-api-v3 §2.6, §5.1; participants-and-schools §3.10): the checks first,
then one unit of work that stores the change and its events."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from ecf2.domain.contracts.expressions_of_interest import InterestedTraining, joining
from ecf2.domain.contracts.partnership_facts import PartnershipFacts, PartnershipRequest
from ecf2.domain.contracts.partnership_rules import (
    ALREADY_CONFIRMED,
    ONE_CONFIRMED_PER_LEAD_PROVIDER,
    ONE_PER_DELIVERY_PARTNER,
    Problem,
    problems_with_new_partnership,
    problems_with_partnership_change,
    uuid_of,
    year_of,
)
from ecf2.domain.contracts.partnerships import SchoolPartnership
from ecf2.domain.contracts.ports import PartnershipsUnitOfWork
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.domain.shared.errors import DomainError, NotFound, RuleBroken
from ecf2.domain.shared.events import DomainEvent

UowFactory = Callable[[], PartnershipsUnitOfWork]


class PartnershipRefused(DomainError):
    """Every problem found with the request, as (field, message) pairs."""

    rule = "partnership_refused"

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(message for _, message in problems), field=problems[0][0])
        self.problems = problems


class ProviderPartnerships:
    def __init__(self, uow: UowFactory, facts: PartnershipFacts, clock: Clock) -> None:
        self._uow, self._facts, self._clock = uow, facts, clock

    def confirm_partnership(
        self, lead_provider_id: int, request: PartnershipRequest, by: Actor
    ) -> uuid.UUID:
        """The api id of the new partnership; the school's training under an expression
        of interest in this lead provider and year joins it (§3.10)."""
        facts = self._facts.for_new_partnership(
            lead_provider_id,
            year_of(request.cohort),
            uuid_of(request.school_id),
            uuid_of(request.delivery_partner_id),
        )
        problems = problems_with_new_partnership(request, facts, self._clock.today())
        if problems:
            raise PartnershipRefused(problems)
        assert facts.school is not None
        assert facts.active_lead_provider_id is not None
        assert facts.lead_provider_delivery_partnership_id is not None
        now = self._clock.now()
        partnership = SchoolPartnership(
            school_id=facts.school.school_id,
            lead_provider_delivery_partnership_id=facts.lead_provider_delivery_partnership_id,
            created_at=now,
            confirmed_by_id=facts.active_lead_provider_id,
        )
        with self._uow() as uow:
            uow.school_partnerships.add(partnership)
            uow.record(_created(partnership, by))
            interested = uow.interested_training.at_school(
                partnership.school_id, facts.active_lead_provider_id
            )
            for training in joining(interested, facts.active_lead_provider_id):
                training.join(partnership, now=now)
                uow.interested_training.save(training)
                uow.record(_assigned(training, partnership, by))
            _commit_unless_raced(uow)
        return partnership.api_id

    def change_delivery_partner(
        self,
        lead_provider_id: int,
        partnership_api_id: uuid.UUID,
        delivery_partner_id: str | None,
        by: Actor,
    ) -> None:
        """Declarations keep the delivery partner they were made with (§2.6 PUT)."""
        facts = self._facts.for_change(
            lead_provider_id, partnership_api_id, uuid_of(delivery_partner_id)
        )
        if facts is None:
            raise NotFound("There is no such partnership")
        problems = problems_with_partnership_change(delivery_partner_id, facts)
        if problems:
            raise PartnershipRefused(problems)
        assert facts.lead_provider_delivery_partnership_id is not None
        now = self._clock.now()
        with self._uow() as uow:
            partnership = uow.school_partnerships.get(facts.school_partnership_id)
            before = partnership.lead_provider_delivery_partnership_id
            partnership.move_to(facts.lead_provider_delivery_partnership_id, now=now)
            uow.school_partnerships.save(partnership)
            uow.partnership_dependants.touch(partnership.id or 0, now)
            uow.record(_moved(partnership, before, by))
            uow.commit()


def _commit_unless_raced(uow: PartnershipsUnitOfWork) -> None:
    """A request that loses a race to another for the same school and cohort is refused
    as the check would have refused it, had it come second (§5.1)."""
    try:
        uow.commit()
    except RuleBroken as error:
        if error.rule not in (ONE_CONFIRMED_PER_LEAD_PROVIDER, ONE_PER_DELIVERY_PARTNER):
            raise
        raise PartnershipRefused([ALREADY_CONFIRMED]) from error


def _created(partnership: SchoolPartnership, by: Actor) -> DomainEvent:
    return DomainEvent(
        event_type="school_partnership_created",
        heading="The lead provider confirmed a partnership with the school",
        happened_at=partnership.created_at,
        author=by,
        subjects={
            "school_partnership": partnership,
            "school": partnership.school_id,
            "lead_provider": by.lead_provider_id,
            "lead_provider_delivery_partnership": partnership.lead_provider_delivery_partnership_id,
        },
        metadata={"school_partnership_api_id": str(partnership.api_id)},
    )


def _assigned(
    training: InterestedTraining, partnership: SchoolPartnership, by: Actor
) -> DomainEvent:
    return DomainEvent(
        event_type="training_period_assigned_to_school_partnership",
        heading="Training joined the school's new partnership",
        happened_at=partnership.created_at,
        author=by,
        subjects={
            "training_period": training.training_period_id,
            "teacher": training.teacher_id,
            "school_partnership": partnership,
            "school": partnership.school_id,
        },
    )


def _moved(partnership: SchoolPartnership, before: int, by: Actor) -> DomainEvent:
    return DomainEvent(
        event_type="school_partnership_updated",
        heading="The lead provider changed the partnership's delivery partner",
        happened_at=partnership.api_updated_at,
        author=by,
        subjects={
            "school_partnership": partnership,
            "school": partnership.school_id,
            "lead_provider": by.lead_provider_id,
            "lead_provider_delivery_partnership": partnership.lead_provider_delivery_partnership_id,
        },
        modifications=(
            f"Lead provider and delivery partner partnership changed from '{before}' to "
            f"'{partnership.lead_provider_delivery_partnership_id}'",
        ),
    )
