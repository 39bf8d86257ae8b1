"""Steps for the moves between schools lead providers are told about (lead-provider-api-v3
§2.2, §5.2), read from the transfers read model on a real database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from attrs import define, field
from parse import with_pattern
from pytest_bdd import given, parsers, then, when
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.queries.api.transfers import (
    ParticipantTransfersView,
    SqlTransferReads,
    TransferFilters,
)
from ecf2.adapters.db.queries.listing import Page
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import LeadProvider, Schedule, SchoolPartnership
from ecf2.domain.participants import School, Teacher
from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.participant_world import Enrolments
from tests.features.steps.days import DAY

PROVIDERS = ("Ambition Institute", "Best Practice Network")
SCHOOLS = ("Oak Primary", "Elm Academy")
KINDS = {"a new provider": "new_provider", "a new school": "new_school"}
KINDS["an unknown destination"] = "unknown"


@with_pattern("|".join(PROVIDERS))
def _provider(text: str) -> str:
    return text


TYPES = DAY | {"Provider": _provider}


def _step(text: str) -> Any:
    return parsers.parse(text.replace("{provider}", "{provider:Provider}"), extra_types=TYPES)


@define
class MovesWorld:
    uow: Callable[[], SqlAlchemyUnitOfWork]
    clock: FixedClock
    reads: SqlTransferReads
    people: Enrolments
    providers: dict[str, LeadProvider] = field(factory=dict)
    schools: dict[str, School] = field(factory=dict)
    partnerships: dict[tuple[str, str], SchoolPartnership] = field(factory=dict)
    schedule: Schedule | None = None
    ect: Teacher | None = None

    def record(self, change: Callable[[Teacher], None]) -> None:
        """Make the change to the ECT and save it, now: first recording, or a later one."""
        if self.ect is None:
            self.ect = self.people.teacher()
            change(self.ect)
            self.people.save(self.ect)
            return
        with self.uow() as uow:
            teacher = uow.teachers.get(self.ect.id)
            change(teacher)
            uow.teachers.save(teacher)
            uow.commit()
        self.ect = teacher

    def moves_told_to(self, provider: str, since: date | None = None) -> list[Any]:
        assert self.ect is not None
        return [
            transfer
            for view in self._views(provider, since)
            if view.api_id == self.ect.api_id
            for transfer in view.transfers
        ]

    def _views(self, provider: str, since: date | None) -> list[ParticipantTransfersView]:
        lead_provider_id = self.providers[provider].id
        assert lead_provider_id is not None
        instant = None if since is None else datetime.combine(since, time(), tzinfo=UTC)
        return self.reads.page(
            lead_provider_id,
            TransferFilters(updated_since=instant),
            (),
            Page(),
            today=self.clock.today(),
        )

    def view_of_the_move(self, provider: str) -> ParticipantTransfersView:
        assert self.ect is not None
        assert self.providers[provider].id is not None
        found = self.reads.one(
            self.providers[provider].id, self.ect.api_id, today=self.clock.today()
        )
        assert found is not None
        return found


@pytest.fixture
def moves_world(session_factory: sessionmaker[Session], clock: FixedClock) -> MovesWorld:
    def uow() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(session_factory, clock)

    return MovesWorld(uow, clock, SqlTransferReads(session_factory), Enrolments(uow))


@given(
    "Ambition Institute and Best Practice Network both work with Oak Primary and Elm Academy "
    "in 2025"
)
def both_work_with_both_schools(moves_world: MovesWorld) -> None:
    build, world = Builder(moves_world.uow), moves_world
    build.contract_period(2025)
    partner = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2025, 1, 1)))
    world.schools = {name: build.school(name) for name in SCHOOLS}
    for provider in PROVIDERS:
        world.providers[provider] = build.lead_provider(provider)
        link = build.works_with(
            build.active_lead_provider(world.providers[provider], 2025), partner
        )
        for name, school in world.schools.items():
            created = at(date(2025, 6, 1))
            world.partnerships[(provider, name)] = build.partnership(school, link, created)
    world.schedule = build.schedule(2025)


def _stint(
    world: MovesWorld, provider: str, school: str, started_on: date, finished_on: date | None
) -> Callable[[Teacher], None]:
    def add(teacher: Teacher) -> None:
        assert world.schedule is not None
        partnership = world.partnerships[(provider, school)]
        world.people.ect(
            teacher, world.schools[school], partnership, world.schedule, started_on, finished_on
        )

    return add


@given(_step("an ECT trained with {provider} at {school} from {start:Day} to {end:Day}"))
def trained_until(moves_world: MovesWorld, provider: str, school: str, start: date, end: date):
    moves_world.record(_stint(moves_world, provider, school, start, end))


@given(_step("the ECT then trains with {provider} at {school} from {start:Day}"))
def then_trains(moves_world: MovesWorld, provider: str, school: str, start: date) -> None:
    moves_world.record(_stint(moves_world, provider, school, start, None))


@given(_step("the ECT passed their induction on {day:Day}"))
def passed_induction(moves_world: MovesWorld, day: date) -> None:
    assert moves_world.ect is not None
    moves_world.people.induction(
        moves_world.ect, started_on=date(2023, 9, 1), finished_on=day, outcome="pass"
    )


@when(_step("the ECT's training with {provider} is to finish on {day:Day}"))
def training_to_finish(moves_world: MovesWorld, provider: str, day: date) -> None:
    def finish(teacher: Teacher) -> None:
        training = max(teacher.training_periods(), key=lambda each: each.started_on)
        teacher.finish_training_period(training, day)

    moves_world.record(finish)


def _told(moves: list[Any], kind: str, completeness: str) -> None:
    assert [(move.transfer_type, move.status) for move in moves] == [(KINDS[kind], completeness)]


@then(_step("{provider} is told of a move to {kind}, {completeness}"))
def told_of_a_move(moves_world: MovesWorld, provider: str, kind: str, completeness: str) -> None:
    _told(moves_world.moves_told_to(provider), kind, completeness)


@then(_step("{provider} is told of no moves"))
def told_of_no_moves(moves_world: MovesWorld, provider: str) -> None:
    assert moves_world.moves_told_to(provider) == []


@then(_step("asked for changes since {day:Day}, {provider} is told of no moves"))
def no_moves_since(moves_world: MovesWorld, day: date, provider: str) -> None:
    assert moves_world.moves_told_to(provider, since=day) == []


@then(_step("asked for changes since {day:Day}, {provider} is told of a move to {kind}, {state}"))
def a_move_since(moves_world: MovesWorld, day: date, provider: str, kind: str, state: str) -> None:
    _told(moves_world.moves_told_to(provider, since=day), kind, state)


@then(_step("both lead providers are told the move last changed on {day:Day}"))
def last_changed(moves_world: MovesWorld, day: date) -> None:
    for provider in PROVIDERS:
        changed = moves_world.view_of_the_move(provider).updated_at
        assert changed == moves_world.clock.now()
        assert changed.date() == day
