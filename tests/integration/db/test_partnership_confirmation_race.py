"""Eight requests racing to confirm a partnership with the same school in the same cohort,
half with one delivery partner and half with another: the unique constraint lets exactly
one be stored, and every other request is refused as already confirmed (lead-provider-api-v3
§5.1), as it would have been had it come second."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ecf2.adapters.db.contracts_rows import SchoolPartnershipRow
from ecf2.adapters.db.queries.partnership_facts import SqlPartnershipFacts
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts.partnership_facts import NewPartnershipFacts, PartnershipRequest
from ecf2.domain.contracts.partnership_rules import ALREADY_CONFIRMED
from ecf2.domain.contracts.provider_partnerships import PartnershipRefused, ProviderPartnerships
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.builders import Builder, at

RACERS = 8


class _AllCheckFirst:
    """Every racer gathers its facts before any of them stores: a real race."""

    def __init__(self, facts: SqlPartnershipFacts) -> None:
        self._facts, self._barrier = facts, threading.Barrier(RACERS, timeout=30)

    def for_new_partnership(self, *args: Any) -> NewPartnershipFacts:
        found = self._facts.for_new_partnership(*args)
        self._barrier.wait()
        return found

    def for_change(self, *args: Any) -> Any:
        return self._facts.for_change(*args)


@pytest.mark.postgres
def test_racing_confirmations_for_one_school_and_cohort_store_exactly_one(
    session_factory: sessionmaker[Session],
) -> None:
    clock = FixedClock(datetime(2025, 11, 20, 10, 30, tzinfo=UTC))

    def uow() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(session_factory, clock)

    build = Builder(uow)
    build.contract_period(2025)
    provider = build.lead_provider("Ambition Institute")
    active = build.active_lead_provider(provider, 2025)
    created = at(date(2023, 1, 1))
    partners = [
        build.delivery_partner(name, created_at=created)
        for name in ("Alpha Teaching Alliance", "Beta Schools Trust")
    ]
    for partner in partners:
        build.works_with(active, partner)
    school = build.school("Oak Primary")
    confirming = ProviderPartnerships(
        uow, _AllCheckFirst(SqlPartnershipFacts(session_factory)), clock
    )
    by = Actor.lead_provider(provider.id, "Ambition Institute")

    def confirm(n: int) -> uuid.UUID | PartnershipRefused:
        request = PartnershipRequest(
            cohort="2025",
            school_id=str(school.api_id),
            delivery_partner_id=str(partners[n % 2].api_id),
        )
        try:
            return confirming.confirm_partnership(provider.id, request, by)
        except PartnershipRefused as refused:
            return refused

    with ThreadPoolExecutor(RACERS) as pool:
        answers = list(pool.map(confirm, range(RACERS)))

    with session_factory() as session:
        stored = session.scalars(select(SchoolPartnershipRow.api_id)).all()
    assert len(stored) == 1
    assert [answer for answer in answers if isinstance(answer, uuid.UUID)] == stored
    refusals = [answer.problems for answer in answers if isinstance(answer, PartnershipRefused)]
    assert refusals == [[ALREADY_CONFIRMED]] * (RACERS - 1)
