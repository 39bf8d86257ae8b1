"""Schools, partnerships, schedules and teachers for the tests of lead providers' actions
on training (lead-provider-api-v3 §2.1 PUTs), and a client that sends them."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
import httpx

from ecf2.adapters.db.unit_of_work import SqlAlchemyUnitOfWork
from ecf2.domain.contracts import Schedule, ScheduleIdentifier, SchoolPartnership
from ecf2.domain.contracts.schedules import Milestone
from ecf2.domain.participants import (
    School,
    Teacher,
    TrainingPeriod,
    TrainingProgramme,
    TrainingRole,
)
from ecf2.domain.shared.declaration_types import DeclarationType
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import Api, Providers
from tests.e2e.api.contract import check
from tests.e2e.api.participant_world import Enrolments

TODAY = date(2025, 11, 20)
SEPTEMBER_2025 = date(2025, 9, 1)


def put(api: Api, path: str, body: Any) -> httpx.Response:
    content = body if isinstance(body, bytes | str) else json.dumps(body)
    response = api.client.put(
        f"/api/v3{path}",
        content=content,
        headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"},
    )
    check(response)
    return response


def body(**attributes: Any) -> dict[str, Any]:
    return {"data": {"type": "participant", "attributes": attributes}}


def errors(response: httpx.Response) -> list[tuple[str, str]]:
    return [(each["title"], each["detail"]) for each in response.json()["errors"]]


def titles(response: httpx.Response) -> list[str]:
    return [title for title, _ in errors(response)]


@attrs.define
class ActionWorld:
    """Oak has partnerships with A in 2022 (payments frozen), 2024 and 2025 and with B in
    2025; Elm with A in 2024 only."""

    build: Builder
    uow: Callable[[], SqlAlchemyUnitOfWork]
    people: Enrolments
    oak: School
    elm: School
    partnerships: dict[str, SchoolPartnership]
    schedules: dict[tuple[int, str], Schedule]

    def schedule(self, year: int, identifier: str = "ecf-standard-september") -> Schedule:
        return self.schedules[(year, identifier)]

    def ect(
        self,
        partnership: str = "oak_2025",
        started_on: date = SEPTEMBER_2025,
        finished_on: date | None = None,
        *,
        year: int | None = None,
        **training: Any,
    ) -> Teacher:
        teacher = self.people.teacher()
        school = self.elm if partnership.startswith("elm") else self.oak
        self.people.ect(
            teacher,
            school,
            self.partnerships[partnership],
            self.schedule(year or _year_of(partnership)),
            started_on,
            finished_on,
            **training,
        )
        return self.people.save(teacher)

    def mentor(self, started_on: date = SEPTEMBER_2025, **teacher: Any) -> Teacher:
        mentor = self.people.teacher("Max", "Mentor", **teacher)
        partnership = self.partnerships["oak_2025"]
        self.people.mentor(mentor, self.oak, partnership, self.schedule(2025), started_on)
        return self.people.save(mentor)

    def training(
        self, partnership: str, started_on: date, finished_on: date | None
    ) -> TrainingPeriod:
        """ECT training on the 2025 standard schedule, to add to a placement by hand."""
        return TrainingPeriod(
            role=TrainingRole.ECT,
            training_programme=TrainingProgramme.PROVIDER_LED,
            started_on=started_on,
            finished_on=finished_on,
            school_partnership_id=self.partnerships[partnership].id,
            schedule_id=self.schedule(2025).id,
        )

    def teacher(self, teacher: Teacher) -> Teacher:
        with self.uow() as uow:
            return uow.teachers.get(teacher.id)


def _year_of(partnership: str) -> int:
    return int(partnership.split("_")[-1])


def _milestones(year: int, identifier: str) -> list[Milestone]:
    # Every window wide open from the start of the contract period (§3.7 non-standard).
    start = date(year, 6, 1) if identifier == "ecf-standard-september" else date(year, 9, 1)
    kinds = list(DeclarationType) if "extended" in identifier else list(DeclarationType)[:6]
    return [Milestone(declaration_type=kind, start_date=start) for kind in kinds]


SCHEDULES = {
    2022: ("ecf-standard-september", "ecf-extended-september"),
    2024: ("ecf-standard-september", "ecf-extended-september"),
    2025: (
        "ecf-standard-september",
        "ecf-standard-january",
        "ecf-extended-september",
        "ecf-reduced-september",
        "ecf-replacement-january",
    ),
}


def action_world(app: Any, build: Builder, providers: Providers) -> ActionWorld:
    build.contract_period(2022, payments_frozen_at=at(date(2025, 6, 16)))
    a_2022 = build.active_lead_provider(providers.a, 2022)
    alpha = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2022, 1, 1)))
    beta = build.delivery_partner("Beta Schools Trust", created_at=at(date(2022, 1, 1)))
    oak, elm = build.school("Oak Primary"), build.school("Elm Academy")
    links = {
        "oak_2022": (oak, a_2022, alpha),
        "oak_2024": (oak, providers.a_years[2024], alpha),
        "oak_2025": (oak, providers.a_years[2025], alpha),
        "oak_b_2025": (oak, providers.b_2025, beta),
        "elm_2024": (elm, providers.a_years[2024], alpha),
    }
    pairs = {(alp.id, partner.id): (alp, partner) for _, alp, partner in links.values()}
    works = {key: build.works_with(alp, partner) for key, (alp, partner) in pairs.items()}
    partnerships = {
        name: build.partnership(school, works[(alp.id, partner.id)], at(date(2022, 6, 1)))
        for name, (school, alp, partner) in links.items()
    }
    schedules: dict[tuple[int, str], Schedule] = {}
    with app.state.container.uow() as uow:
        for year, identifiers in SCHEDULES.items():
            for identifier in identifiers:
                schedule = Schedule(
                    contract_period_year=year,
                    identifier=ScheduleIdentifier(identifier),
                    milestones=_milestones(year, identifier),
                )
                uow.schedules.add(schedule)
                schedules[(year, identifier)] = schedule
        uow.commit()
    uow_factory = app.state.container.uow
    return ActionWorld(
        build, uow_factory, Enrolments(uow_factory), oak, elm, partnerships, schedules
    )


def days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)
