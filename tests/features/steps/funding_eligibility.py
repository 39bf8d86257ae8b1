"""Steps for a teacher's funding eligibility arriving and the declarations that waited
for it (participants-and-schools §4.2, finance-and-payments §4.2). The teacher, placement
and training are stub rows; the services are wired as the container wires them."""

from __future__ import annotations

from datetime import date

import pytest
from pytest_bdd import given, parsers, then, when
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.queries.waiting_for_funding import SqlWaitingForFunding
from ecf2.domain.participants.funding import FundedRole, FundingEligibilityService
from ecf2.domain.payments.late_eligibility import LateEligibility
from ecf2.domain.payments.services import DeclarationService
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import london_day
from tests.features.steps.days import DAY
from tests.features.steps.payments_outcomes import THE_DECLARATION
from tests.features.steps.payments_world import FinanceWorld

ROLES = {"an ECT": FundedRole.ECT, "a mentor": FundedRole.MENTOR}


class NobodyListening:
    def funding_eligibility_set(self, teacher_id: int, role: str) -> None:
        """The notification that got lost."""


@pytest.fixture
def eligibility_teacher() -> dict[str, int]:
    return {}


def _late_eligibility(
    world: FinanceWorld, session_factory: sessionmaker[Session]
) -> LateEligibility:
    declarations = DeclarationService(lambda: world.uow, world.clock)
    return LateEligibility(SqlWaitingForFunding(session_factory), declarations)


def _funding(
    world: FinanceWorld, session_factory: sessionmaker[Session], listening: bool = True
) -> FundingEligibilityService:
    listener = _late_eligibility(world, session_factory) if listening else NobodyListening()
    return FundingEligibilityService(lambda: world.uow, world.clock, listener)


@given(
    parsers.parse(
        "an ECT training with {provider} has a started declaration submitted before they "
        "were eligible for funding"
    )
)
def declared_before_eligible(
    finance_world: FinanceWorld, provider: str, eligibility_teacher: dict[str, int]
) -> None:
    teacher_id = finance_world.stub("teachers")
    placement_id = finance_world.stub(
        "ect_at_school_periods", teacher_id=teacher_id, started_on=date(2025, 9, 1)
    )
    training = finance_world.stub(
        "training_periods",
        role="ect",
        training_programme="provider_led",
        schedule_id=finance_world._schedule(2025),
        expression_of_interest_id=finance_world.active_lead_providers[provider, 2025],
        ect_at_school_period_id=placement_id,
        started_on=date(2025, 9, 1),
    )
    finance_world.declarations[THE_DECLARATION] = finance_world.declaration(training)
    eligibility_teacher["id"] = teacher_id


@given(parsers.parse("the teacher first becomes eligible for funded training as {role}"))
@when(parsers.parse("the teacher first becomes eligible for funded training as {role}"))
def becomes_eligible(
    finance_world: FinanceWorld,
    session_factory: sessionmaker[Session],
    eligibility_teacher: dict[str, int],
    role: str,
) -> None:
    service = _funding(finance_world, session_factory)
    service.record_eligibility(eligibility_teacher["id"], ROLES[role], Actor.system())


@given(
    "the teacher's eligibility as an ECT was recorded without the waiting declarations being told"
)
def eligible_unheard(
    finance_world: FinanceWorld,
    session_factory: sessionmaker[Session],
    eligibility_teacher: dict[str, int],
) -> None:
    service = _funding(finance_world, session_factory, listening=False)
    service.record_eligibility(eligibility_teacher["id"], FundedRole.ECT, Actor.system())


@when("the daily catch-up of waiting declarations runs")
def catch_up(finance_world: FinanceWorld, session_factory: sessionmaker[Session]) -> None:
    _late_eligibility(finance_world, session_factory).catch_up()


@then(
    parsers.parse(
        "the teacher's first eligibility for funded training as an ECT is recorded as {day:Day}",
        extra_types=DAY,
    )
)
def first_eligible_on(
    finance_world: FinanceWorld, eligibility_teacher: dict[str, int], day: date
) -> None:
    with finance_world.uow as uow:
        teacher = uow.teachers.get(eligibility_teacher["id"])
    recorded = teacher.ect_first_became_eligible_for_training_at
    assert recorded is not None
    assert london_day(recorded) == day


@then("the teacher's funding eligibility is recorded once in the audit trail")
def recorded_once(
    session_factory: sessionmaker[Session], eligibility_teacher: dict[str, int]
) -> None:
    with session_factory() as session:
        count = session.scalar(
            select(func.count())
            .select_from(EventRow)
            .where(
                EventRow.event_type == "teacher_funding_eligibility_set",
                EventRow.teacher_id == eligibility_teacher["id"],
            )
        )
    assert count == 1
