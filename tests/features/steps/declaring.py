"""Steps for lead providers' declarations (lead-provider-api-v3 §4), recorded through the
payments service on a real database."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from attrs import define, field
from pytest_bdd import given, parsers, then, when
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.contracts_rows import ContractPeriodRow
from ecf2.adapters.db.participants_teacher_rows import TrainingPeriodRow
from ecf2.adapters.db.payments_rows import DeclarationRow
from ecf2.adapters.db.queries.declaration_facts import SqlDeclarationFacts
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import ActiveLeadProvider, Schedule, SchoolPartnership
from ecf2.domain.participants import School, Teacher
from ecf2.domain.payments.declaration_facts import DeclarationRequest
from ecf2.domain.payments.recording import DeclarationRecording
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.declaration_world import standard_september
from tests.features.steps.common import Outcome, attempt
from tests.features.steps.days import DAY

PROVIDER = "Ambition Institute"
EVENTS = {
    "started": "started",
    "was retained (first)": "retained-1",
    "was retained (second)": "retained-2",
    "completed": "completed",
}
COURSES = {"ECT": "ecf-induction", "mentor": "ecf-mentor"}
# Evidence each event may be declared with, in every cohort.
EVIDENCE = {"completed": "75-percent-engagement-met", "retained-2": "training-event-attended"}
REASONS = {
    "the event was already declared": ("declaration_type", "already been submitted"),
    "it is dated in the future": ("declaration_date", "future"),
    "it is outside the schedule's window": ("declaration_date", "milestone"),
    "mentors from 2025 are paid for starting and completing only": (
        "declaration_type",
        "retained or extended",
    ),
    "it is out of order with the participant's other declarations": (
        "declaration_date",
        "sequence",
    ),
    "the participant is not recognised": ("participant_id", "not recognised"),
    "the participant withdrew before that date": ("participant_id", "withdrew"),
    "the cohort's payments are frozen": ("cohort", "cannot submit declarations"),
}


def _step(text: str) -> Any:
    return parsers.parse(text, extra_types=DAY)


@define
class DeclaringWorld:
    uow: Callable[[], SqlAlchemyUnitOfWork]
    recording: DeclarationRecording
    build: Builder
    school: School | None = None
    provider: ActiveLeadProvider | None = None
    actor: Actor | None = None
    partnerships: dict[int, SchoolPartnership] = field(factory=dict)
    interests: dict[int, ActiveLeadProvider] = field(factory=dict)
    schedules: dict[int, Schedule] = field(factory=dict)
    participant: Teacher | None = None
    role: str = "ECT"
    first: uuid.UUID | None = None

    def declare(self, event: str, on: str) -> uuid.UUID:
        assert self.participant is not None
        assert self.actor is not None
        assert self.actor.lead_provider_id is not None
        kind = EVENTS[event]
        request = DeclarationRequest(
            participant_id=str(self.participant.api_id),
            declaration_type=kind,
            declaration_date=on,
            course_identifier=COURSES[self.role],
            evidence_held=EVIDENCE.get(kind, "training-event-attended"),
        )
        return self.recording.record_declaration(self.actor.lead_provider_id, request, self.actor)

    def execute(self, statement: Any) -> None:
        with self.uow() as uow:
            uow.session.execute(statement)
            uow.commit()


@pytest.fixture
def declaring(session_factory: sessionmaker[Session], clock: FixedClock) -> DeclaringWorld:
    def uow() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(session_factory, clock)

    recording = DeclarationRecording(uow, SqlDeclarationFacts(session_factory), clock)
    return DeclaringWorld(uow, recording, Builder(uow))


@given(
    "Ambition Institute trains at Oak Primary in 2024 and 2025 on the standard September schedule"
)
def trains_at_oak(declaring: DeclaringWorld) -> None:
    build = declaring.build
    lead_provider = build.lead_provider(PROVIDER)
    partner = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2023, 1, 1)))
    declaring.school = build.school("Oak Primary")
    for year in (2024, 2025):
        build.contract_period(year)
        # From 2025 mentors are funded apart and evidence is detailed (§4 rules 11-12).
        later = year >= 2025
        declaring.execute(
            update(ContractPeriodRow)
            .where(ContractPeriodRow.year == year)
            .values(mentor_funding_enabled=later, detailed_evidence_types_enabled=later)
        )
        active = build.active_lead_provider(lead_provider, year)
        declaring.interests[year] = active
        link = build.works_with(active, partner)
        declaring.partnerships[year] = build.partnership(
            declaring.school, link, at(date(year, 6, 1))
        )
        declaring.schedules[year] = standard_september(year)
        with declaring.uow() as uow:
            uow.schedules.add(declaring.schedules[year])
            uow.commit()
    assert lead_provider.id is not None
    declaring.actor = Actor.lead_provider(lead_provider.id, PROVIDER)


def _trainee(declaring: DeclaringWorld, role: str, day: date, **training: Any) -> None:
    assert declaring.school is not None
    year = day.year
    add = declaring.build.ect if role == "ECT" else declaring.build.mentor
    training.setdefault("partnership", declaring.partnerships[year])
    declaring.participant = add(
        declaring.school, day, schedule=declaring.schedules[year], **training
    )
    declaring.role = role


@given(_step("an {role} has been training with Ambition Institute since {day:Day}"))
@given(_step("a {role} has been training with Ambition Institute since {day:Day}"))
def has_trained(declaring: DeclaringWorld, role: str, day: date) -> None:
    _trainee(declaring, role, day)


@given(
    _step(
        "an ECT has been training since {day:Day} with Ambition Institute chosen by the school but "
        "not yet confirmed"
    )
)
def awaiting_confirmation(declaring: DeclaringWorld, day: date) -> None:
    _trainee(declaring, "ECT", day, partnership=None, interest=declaring.interests[day.year])


@given(_step("Ambition Institute has declared that the {role} {event} on {day:Day}"))
def has_declared(declaring: DeclaringWorld, role: str, event: str, day: date) -> None:
    declaring.first = declaring.declare(event, f"{day.isoformat()}T10:00:00Z")


@given(_step("the ECT withdrew from training with Ambition Institute on {day:Day}"))
def withdrew(declaring: DeclaringWorld, day: date) -> None:
    assert declaring.participant is not None
    declaring.execute(
        update(TrainingPeriodRow)
        .where(TrainingPeriodRow.teacher_id == declaring.participant.id)
        .values(
            withdrawn_at=datetime(day.year, day.month, day.day, 10, tzinfo=UTC),
            withdrawal_reason="moved_school",
            finished_on=day,
        )
    )


@given(_step("payments for the {year:d} cohort froze on {day:Day}"))
@given(_step("payments for the {year:d} cohort will freeze on {day:Day}"))
def payments_freeze(declaring: DeclaringWorld, year: int, day: date) -> None:
    declaring.execute(
        update(ContractPeriodRow)
        .where(ContractPeriodRow.year == year)
        .values(payments_frozen_at=at(day))
    )


@when(
    _step("Ambition Institute declares that the {role} {event} on {day:Day}"),
    target_fixture="declared",
)
def declares(declaring: DeclaringWorld, role: str, event: str, day: date) -> Outcome:
    return attempt(lambda: declaring.declare(event, f"{day.isoformat()}T10:00:00Z"))


@when(
    _step(
        "Ambition Institute declares that the {role} {event} at 11.30pm on {day:Day}, with no "
        "time zone given"
    ),
    target_fixture="declared",
)
def declares_without_a_zone(declaring: DeclaringWorld, role: str, event: str, day: date):
    return attempt(lambda: declaring.declare(event, f"{day.isoformat()}T23:30:00"))


@then("the declaration is recorded")
def recorded(declared: Outcome) -> None:
    assert declared.error is None, declared.error
    assert isinstance(declared.value, uuid.UUID)


@then("the first declaration is given back")
def given_back(declaring: DeclaringWorld, declared: Outcome) -> None:
    assert declared.error is None, declared.error
    assert declared.value == declaring.first


@then(_step("the declaration is refused because {reason}"))
def refused(declared: Outcome, reason: str) -> None:
    field_name, words = REASONS[reason]
    problems = getattr(declared.error, "problems", None)
    assert problems is not None, declared
    assert [name for name, _ in problems] == [field_name]
    assert words in problems[0][1]


@then("nothing is recorded")
def nothing_recorded(declaring: DeclaringWorld) -> None:
    with declaring.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(DeclarationRow)) == 0
