"""Participants for the declarations tests: lead provider A trains ECTs and mentors at Oak
in 2024 and 2025 on standard-september schedules with the seeded milestones (§3.7)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import attrs

from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import (
    Contract,
    DeliveryPartner,
    Schedule,
    ScheduleIdentifier,
    SchoolPartnership,
)
from ecf2.domain.participants import School, Teacher
from ecf2.domain.payments.declarations import Declaration
from ecf2.domain.shared.declaration_types import DeclarationType
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import Providers

# Standard september, cohort Y (api §3.7): (start, deadline) per type as offsets of Y.
_STANDARD = {
    DeclarationType.STARTED: ((0, 6, 1), (0, 12, 31)),
    DeclarationType.RETAINED_1: ((1, 1, 1), (1, 3, 31)),
    DeclarationType.RETAINED_2: ((1, 4, 1), (1, 7, 31)),
    DeclarationType.RETAINED_3: ((1, 8, 1), (1, 12, 31)),
    DeclarationType.RETAINED_4: ((2, 1, 1), (2, 3, 31)),
    DeclarationType.COMPLETED: ((2, 4, 1), (2, 7, 31)),
}


def _day(year: int, offset: tuple[int, int, int]) -> date:
    return date(year + offset[0], offset[1], offset[2])


def standard_september(year: int) -> Schedule:
    schedule = Schedule(
        contract_period_year=year, identifier=ScheduleIdentifier("ecf-standard-september")
    )
    for kind, (start, deadline) in _STANDARD.items():
        if year >= 2025:
            # From 2025 every milestone opens on 1 June and none has a deadline (§3.7).
            schedule.add_milestone(kind, date(year, 6, 1))
        else:
            schedule.add_milestone(kind, _day(year, start), _day(year, deadline))
    return schedule


@attrs.frozen
class DeclarationWorld:
    build: Builder
    uow: Callable[[], SqlAlchemyUnitOfWork]
    school: School
    partner: DeliveryPartner
    partnerships: dict[int, SchoolPartnership]
    partnership_b: SchoolPartnership
    schedules: dict[int, Schedule]
    contracts: dict[int, Contract]

    def ect(self, year: int, **values: Any) -> Teacher:
        return self._trainee("ect", year, **values)

    def mentor(self, year: int, **values: Any) -> Teacher:
        return self._trainee("mentor", year, **values)

    def _trainee(self, role: str, year: int, **values: Any) -> Teacher:
        add = self.build.ect if role == "ect" else self.build.mentor
        return add(
            self.school,
            values.pop("started_on", date(year, 9, 1)),
            partnership=values.pop("partnership", self.partnerships[year]),
            schedule=self.schedules[year],
        )

    def declaration(self, teacher: Teacher, kind: str, on: datetime, **values: Any) -> Declaration:
        training = teacher_training_period(teacher)
        declaration = Declaration(
            training_period_id=training,
            declaration_type=kind,
            declaration_date=on,
            created_at=values.pop("created_at", on),
            **({"delivery_partner_when_created_id": self.partner.id} | values),
        )
        with self.uow() as uow:
            uow.declarations.add(declaration)
            uow.commit()
        return declaration


def teacher_training_period(teacher: Teacher) -> int:
    training = teacher.training_periods()[0]
    assert training.id is not None
    return training.id


def declaration_world(app: Any, build: Builder, providers: Providers) -> DeclarationWorld:
    uow = app.state.container.uow
    alpha = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2023, 1, 1)))
    beta = build.delivery_partner("Beta Schools Trust", created_at=at(date(2023, 1, 1)))
    oak = build.school("Oak Primary")
    partnerships = {
        year: build.partnership(
            oak, build.works_with(providers.a_years[year], alpha), created_at=at(date(year, 6, 1))
        )
        for year in (2024, 2025)
    }
    partnership_b = build.partnership(
        oak, build.works_with(providers.b_2025, beta), created_at=at(date(2025, 6, 1))
    )
    schedules = {}
    for year in (2024, 2025):
        schedules[year] = standard_september(year)
        with uow() as unit:
            unit.schedules.add(schedules[year])
            unit.commit()
    contracts = {year: build.contract(providers.a_years[year]) for year in (2024, 2025)}
    return DeclarationWorld(
        build, uow, oak, alpha, partnerships, partnership_b, schedules, contracts
    )
