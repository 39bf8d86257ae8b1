"""Eight identical declarations racing: the partial unique index lets exactly one be
stored, and every request is answered with it (lead-provider-api-v3 §2.3)."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.payments_rows import DeclarationRow
from ecf2.adapters.db.queries.declaration_facts import SqlDeclarationFacts
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import LeadProvider
from ecf2.domain.payments.declaration_facts import DeclarationRequest, Participant
from ecf2.domain.payments.recording import DeclarationRecording
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.builders import Builder
from tests.e2e.api.declaration_world import declaration_world

RACERS = 8


class _Providers:
    def __init__(self, build: Builder) -> None:
        for year in (2024, 2025):
            build.contract_period(year)
        self.a: LeadProvider = build.lead_provider("Ambition Institute")
        b = build.lead_provider("Best Practice Network")
        self.a_years = {year: build.active_lead_provider(self.a, year) for year in (2024, 2025)}
        self.b_2025 = build.active_lead_provider(b, 2025)


class _App:
    """declaration_world reads the unit of work from the app's container."""

    def __init__(self, uow: Any) -> None:
        self.state = type("State", (), {"container": type("C", (), {"uow": uow})})()


class _AllReadFirst:
    """Every racer reads the participant before any of them stores: a real race."""

    def __init__(self, facts: SqlDeclarationFacts) -> None:
        self._facts, self._barrier = facts, threading.Barrier(RACERS, timeout=30)
        self._waited = threading.local()

    def participant(self, *args: Any) -> Participant | None:
        found = self._facts.participant(*args)
        if not getattr(self._waited, "done", False):
            self._waited.done = True
            self._barrier.wait()
        return found


@pytest.mark.postgres
def test_identical_racing_declarations_store_exactly_one(
    session_factory: sessionmaker[Session],
) -> None:
    clock = FixedClock(datetime(2025, 11, 20, 10, 30, tzinfo=UTC))

    def uow() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(session_factory, clock)

    build = Builder(uow)
    providers = _Providers(build)
    world = declaration_world(_App(uow), build, providers)
    teacher = world.ect(2024)
    recording = DeclarationRecording(
        uow, _AllReadFirst(SqlDeclarationFacts(session_factory)), clock
    )
    request = DeclarationRequest(
        participant_id=str(teacher.api_id),
        declaration_type="started",
        declaration_date="2024-10-01T10:00:00Z",
        course_identifier="ecf-induction",
    )
    by = Actor.lead_provider(providers.a.id, "Ambition Institute")

    with ThreadPoolExecutor(RACERS) as pool:
        answers = list(
            pool.map(
                lambda _: recording.record_declaration(providers.a.id, request, by), range(RACERS)
            )
        )

    with session_factory() as session:
        stored = session.scalars(select(DeclarationRow.api_id)).all()
    assert len(stored) == 1
    assert set(answers) == {stored[0]}
    assert isinstance(stored[0], uuid.UUID)
