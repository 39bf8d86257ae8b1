"""An in-memory world for the school partnership scenarios: the facts the service asks
for and a unit of work that keeps what it commits (lead-provider-api-v3 §5.1,
participants-and-schools §3.10)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Self

from attrs import define, field

from ecf2.domain.contracts import ContractPeriod, SchoolPartnership
from ecf2.domain.contracts.expressions_of_interest import InterestedTraining
from ecf2.domain.contracts.partnership_facts import (
    NewPartnershipFacts,
    PartnershipChangeFacts,
    SchoolStanding,
)
from ecf2.domain.shared.events import DomainEvent


@define
class SchoolInfo:
    id: int
    eligible: bool
    school_led_years: set[int] = field(factory=set)


@define
class PartnershipWorld:
    contract_periods: dict[int, ContractPeriod]
    api_ids: dict[str, uuid.UUID] = field(factory=dict)
    numbers: dict[str, int] = field(factory=dict)
    schools: dict[str, SchoolInfo] = field(factory=dict)
    # (lead provider, delivery partner, year) -> lead provider and delivery partner link id.
    links: dict[tuple[str, str, int], int] = field(factory=dict)
    partnerships: list[SchoolPartnership] = field(factory=list)
    interested: list[InterestedTraining] = field(factory=list)
    # Training period id -> the school it is at.
    training_schools: dict[int, int] = field(factory=dict)
    events: list[DomainEvent] = field(factory=list)
    touched: list[int] = field(factory=list)

    def number(self, name: str) -> int:
        return self.numbers.setdefault(name, len(self.numbers) + 1)

    def api_id(self, name: str) -> uuid.UUID:
        return self.api_ids.setdefault(name, uuid.uuid4())

    def named(self, api_id: uuid.UUID | None) -> str | None:
        return next((name for name, known in self.api_ids.items() if known == api_id), None)

    def active_lead_provider(self, lead_provider: str, year: int) -> int:
        return self.number(f"{lead_provider} in {year}")

    def link_of(self, link_id: int) -> tuple[str, str, int]:
        return next(key for key, known in self.links.items() if known == link_id)


class FakeFacts:
    def __init__(self, world: PartnershipWorld, lead_providers: dict[int, str]) -> None:
        self._world, self._lead_providers = world, lead_providers

    def for_new_partnership(
        self,
        lead_provider_id: int,
        year: int | None,
        school_api_id: uuid.UUID | None,
        delivery_partner_api_id: uuid.UUID | None,
    ) -> NewPartnershipFacts:
        world, lead_provider = self._world, self._lead_providers[lead_provider_id]
        period = world.contract_periods.get(year) if year is not None else None
        partner = world.named(delivery_partner_api_id)
        known_partner = partner is not None and any(key[1] == partner for key in world.links)
        alp = None if period is None else world.active_lead_provider(lead_provider, period.year)
        link = None if period is None else world.links.get((lead_provider, partner, period.year))
        return NewPartnershipFacts(
            contract_period=period,
            school=self._school(world.named(school_api_id), lead_provider, year),
            delivery_partner_known=known_partner,
            active_lead_provider_id=alp,
            lead_provider_delivery_partnership_id=link,
        )

    def _school(self, name: str | None, lead_provider: str, year: int | None) -> Any:
        info = self._world.schools.get(name or "")
        if info is None:
            return None
        partnered = any(
            partnership.school_id == info.id
            and self._world.link_of(partnership.lead_provider_delivery_partnership_id)[::2]
            == (lead_provider, year)
            for partnership in self._world.partnerships
        )
        return SchoolStanding(
            school_id=info.id,
            eligible=info.eligible,
            school_led_only=year in info.school_led_years,
            partnered_with_lead_provider=partnered,
        )

    def for_change(
        self,
        lead_provider_id: int,
        partnership_api_id: uuid.UUID,
        delivery_partner_api_id: uuid.UUID | None,
    ) -> PartnershipChangeFacts | None:
        world, lead_provider = self._world, self._lead_providers[lead_provider_id]
        partnership = next(p for p in world.partnerships if p.api_id == partnership_api_id)
        owner, _, year = world.link_of(partnership.lead_provider_delivery_partnership_id)
        if owner != lead_provider:
            return None
        partner = world.named(delivery_partner_api_id)
        link = world.links.get((lead_provider, partner, year))
        return PartnershipChangeFacts(
            school_partnership_id=partnership.id or 0,
            delivery_partner_known=partner is not None,
            lead_provider_delivery_partnership_id=link,
            school_already_with_delivery_partner=any(
                other.school_id == partnership.school_id
                and other.lead_provider_delivery_partnership_id == link
                for other in world.partnerships
            ),
        )


class _Partnerships:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow

    def add(self, partnership: SchoolPartnership) -> None:
        self._uow.added.append(partnership)

    def save(self, partnership: SchoolPartnership) -> None:
        pass

    def get(self, id: int) -> SchoolPartnership:
        return next(p for p in self._uow.world.partnerships if p.id == id)


class _Interested:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow

    def at_school(self, school_id: int, active_lead_provider_id: int) -> list[InterestedTraining]:
        return [
            training
            for training in self._uow.world.interested
            if self._uow.world.training_schools[training.training_period_id] == school_id
        ]

    def save(self, training: InterestedTraining) -> None:
        self._uow.saved_training.append(training)


class _Dependants:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow

    def touch(self, school_partnership_id: int, now: Any) -> None:
        self._uow.world.touched.append(school_partnership_id)


class FakeUnitOfWork:
    def __init__(self, world: PartnershipWorld) -> None:
        self.world = world
        self.added: list[SchoolPartnership] = []
        self.saved_training: list[InterestedTraining] = []
        self.recorded: list[DomainEvent] = []
        self.school_partnerships = _Partnerships(self)
        self.interested_training = _Interested(self)
        self.partnership_dependants = _Dependants(self)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        pass

    def record(self, event: DomainEvent) -> None:
        self.recorded.append(event)

    def rollback(self) -> None:
        pass

    def commit(self) -> None:
        for partnership in self.added:
            partnership.id = len(self.world.partnerships) + 1
            self.world.partnerships.append(partnership)
        self.world.events.extend(self.recorded)


def contract_period(year: int, *, enabled: bool = True) -> ContractPeriod:
    return ContractPeriod(
        year=year, started_on=date(year, 6, 1), finished_on=date(year + 1, 5, 31), enabled=enabled
    )
