"""The records each step made or found, by natural key, so later steps can name them by
id: one step's output is the next step's input, whether it was created now or before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ecf2.domain.contracts import (
    ActiveLeadProvider,
    Contract,
    ContractPeriod,
    Schedule,
    ScheduleIdentifier,
)
from ecf2.domain.participants import Teacher
from ecf2.domain.shared import Trn

# A new SqlAlchemyUnitOfWork each call: `with uow_factory() as uow: ...; uow.commit()`.
UowFactory = Callable[[], Any]


def _id(entity: Any) -> int:
    if entity.id is None:
        raise ValueError(f"{type(entity).__name__} has no id yet: commit it first")
    return int(entity.id)


@attrs.define
class Refs:
    contract_periods: dict[int, ContractPeriod] = attrs.Factory(dict)
    schedules: dict[tuple[int, ScheduleIdentifier], Schedule] = attrs.Factory(dict)
    lead_providers: dict[str, int] = attrs.Factory(dict)
    # (lead provider name, year)
    active_lead_providers: dict[tuple[str, int], ActiveLeadProvider] = attrs.Factory(dict)
    delivery_partners: dict[str, int] = attrs.Factory(dict)
    # (lead provider name, delivery partner name, year)
    lead_provider_delivery_partnerships: dict[tuple[str, str, int], int] = attrs.Factory(dict)
    appropriate_bodies: dict[str, int] = attrs.Factory(dict)
    schools: dict[str, int] = attrs.Factory(dict)
    # (URN, lead provider name, delivery partner name, year)
    school_partnerships: dict[tuple[str, str, str, int], int] = attrs.Factory(dict)
    teachers: dict[str, Teacher] = attrs.Factory(dict)
    contracts: dict[tuple[str, int], Contract] = attrs.Factory(dict)
    # (lead provider name, contract year, statement year, statement month)
    statements: dict[tuple[str, int, int, int], int] = attrs.Factory(dict)

    def schedule_id(self, year: int, identifier: ScheduleIdentifier) -> int:
        return _id(self.schedules[year, identifier])

    def active_lead_provider_id(self, lead_provider: str, year: int) -> int:
        return _id(self.active_lead_providers[lead_provider, year])

    def teacher(self, uow: Any, trn: str) -> Teacher:
        """The teacher seeded or found earlier in this run, else loaded by TRN now."""
        if trn not in self.teachers:
            self.teachers[trn] = uow.teachers.get_by_trn(Trn(trn))
        return self.teachers[trn]


def id_of(entity: Any) -> int:
    return _id(entity)
