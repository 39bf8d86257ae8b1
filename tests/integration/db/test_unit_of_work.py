"""The unit of work: one commit, events in the same transaction, lost races refused."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import LeadProvider
from ecf2.domain.contracts.services import ApiTokenService
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.errors import ConcurrentUpdate, NotFound, RuleBroken
from ecf2.domain.shared.events import DomainEvent


def _add_lead_provider(uow, name="Ambition Institute") -> LeadProvider:
    lead_provider = LeadProvider(name=name)
    with uow:
        uow.lead_providers.add(lead_provider)
        uow.commit()
    return lead_provider


def _events(session_factory) -> list[EventRow]:
    with session_factory() as session:
        return list(session.scalars(select(EventRow).order_by(EventRow.id)))


def test_nothing_is_written_without_an_explicit_commit(uow):
    with uow:
        uow.lead_providers.add(LeadProvider(name="Teach First"))
    with uow, pytest.raises(NotFound):
        uow.lead_providers.get_by_name("Teach First")


def test_an_event_names_an_entity_created_in_the_same_unit_of_work(uow, session_factory, clock):
    lead_provider = LeadProvider(name="Teach First")
    with uow:
        uow.lead_providers.add(lead_provider)
        uow.record(
            DomainEvent(
                event_type="lead_provider_created",
                heading="Teach First was added",
                happened_at=clock.now(),
                author=Actor(AuthorType.DFE_STAFF_USER, email="ada@education.gov.uk"),
                subjects={"lead_provider": lead_provider},
                modifications=("Name set to 'Teach First'",),
            )
        )
        uow.commit()
    [event] = _events(session_factory)
    assert lead_provider.id is not None
    assert event.lead_provider_id == lead_provider.id
    assert event.author_email == "ada@education.gov.uk"
    assert event.modifications == ["Name set to 'Teach First'"]
    assert event.happened_at == clock.now()


def test_an_event_is_not_written_when_the_change_is_refused(uow, session_factory, clock):
    _add_lead_provider(uow)
    with uow:
        uow.lead_providers.add(LeadProvider(name="Ambition Institute"))
        uow.record(DomainEvent("lead_provider_created", "A duplicate", clock.now(), Actor.system()))
        with pytest.raises(RuleBroken):
            uow.commit()
    assert _events(session_factory) == []


def test_saving_a_stale_copy_is_a_concurrent_update_not_a_silent_overwrite(uow):
    lead_provider = _add_lead_provider(uow)
    with uow:
        stale = uow.lead_providers.get(lead_provider.id)
    with uow:
        fresh = uow.lead_providers.get(lead_provider.id)
        fresh.vat_registered = False
        uow.lead_providers.save(fresh)
        uow.commit()
    stale.vat_registered = True
    with uow, pytest.raises(ConcurrentUpdate):
        uow.lead_providers.save(stale)


def test_of_two_overlapping_units_of_work_the_second_to_commit_loses(uow, session_factory, clock):
    lead_provider = _add_lead_provider(uow)
    other = SqlAlchemyUnitOfWork(session_factory, clock)
    with uow, other:
        mine = uow.lead_providers.get(lead_provider.id)
        theirs = other.lead_providers.get(lead_provider.id)
        theirs.vat_registered = False
        other.lead_providers.save(theirs)
        other.commit()
        mine.vat_registered = True
        uow.lead_providers.save(mine)
        with pytest.raises(ConcurrentUpdate):
            uow.commit()


def test_issuing_an_api_token_keeps_only_its_digest_and_records_an_event(
    uow, session_factory, clock
):
    lead_provider = _add_lead_provider(uow)
    service = ApiTokenService(lambda: uow, clock)
    issued = service.issue("Ambition Institute", "For the sandbox", by=Actor.system())
    with uow:
        [stored] = uow.api_tokens.for_lead_provider(lead_provider.id)
    assert len(issued.token) == 32
    assert issued.token not in stored.token_digest
    assert stored.token_digest == hashlib.sha256(issued.token.encode()).hexdigest()
    [event] = _events(session_factory)
    assert event.event_type == "lead_provider_api_token_created"
    assert event.api_token_id == stored.id
    assert event.lead_provider_id == lead_provider.id


def test_revoking_revokes_every_live_token_once(uow, session_factory, clock):
    _add_lead_provider(uow)
    service = ApiTokenService(lambda: uow, clock)
    service.issue("Ambition Institute", "one", by=Actor.system())
    service.issue("Ambition Institute", "two", by=Actor.system())
    assert service.revoke_all("Ambition Institute", by=Actor.system()) == 2
    assert service.revoke_all("Ambition Institute", by=Actor.system()) == 0
    types = [event.event_type for event in _events(session_factory)]
    assert types.count("lead_provider_api_token_revoked") == 2


def test_an_unknown_lead_provider_gets_no_token(uow, clock):
    service = ApiTokenService(lambda: uow, clock)
    with pytest.raises(NotFound, match="no lead provider called Nobody"):
        service.issue("Nobody", "x", by=Actor.system())
