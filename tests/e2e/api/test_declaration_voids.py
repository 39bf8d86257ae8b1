"""PUT /participant-declarations/{id}/void: unpaid declarations are voided, paid ones await
clawback, a predecessor's are not the provider's to void (lead-provider-api-v3 §2.3;
scenarios 22, 33-35)."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from ecf2.domain.participants import (
    ECTAtSchoolPeriod,
    TrainingPeriod,
    TrainingProgramme,
    TrainingRole,
)
from ecf2.domain.payments.declarations import PaymentStatus
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import Api, Providers
from tests.e2e.api.contract import check
from tests.e2e.api.declaration_world import DeclarationWorld, declaration_world
from tests.e2e.api.test_declaration_recording import declare


@pytest.fixture
def world(app, build: Builder, providers: Providers) -> DeclarationWorld:
    return declaration_world(app, build, providers)


def void(api: Api, api_id: object) -> httpx.Response:
    response = api.client.put(
        f"/api/v3/participant-declarations/{api_id}/void",
        headers={"Authorization": f"Bearer {api.token}"},
    )
    check(response)
    return response


def test_an_eligible_declaration_is_voided_once(api: Api, world: DeclarationWorld) -> None:
    statement = world.build.statement(world.contracts[2024], 2025, 12)
    declaration = world.declaration(
        world.ect(2024),
        "started",
        at(date(2024, 10, 1)),
        payment_status=PaymentStatus.ELIGIBLE,
        payment_statement_id=statement.id,
    )

    voided = void(api, declaration.api_id)
    again = void(api, declaration.api_id)

    assert voided.status_code == 200, voided.text
    assert voided.json()["data"]["attributes"]["state"] == "voided"
    assert voided.json()["data"]["attributes"]["statement_id"] is None
    assert again.status_code == 422
    assert again.json()["errors"][0]["title"] == "participant_declaration_id"


def test_a_paid_declaration_awaits_clawback_on_the_next_output_statement(
    api: Api, world: DeclarationWorld
) -> None:
    paid_on = world.build.statement(world.contracts[2024], 2025, 10)
    upcoming = world.build.statement(world.contracts[2024], 2025, 12)
    declaration = world.declaration(
        world.ect(2024),
        "started",
        at(date(2024, 10, 1)),
        payment_status=PaymentStatus.PAID,
        payment_statement_id=paid_on.id,
    )

    clawed = void(api, declaration.api_id)
    again = void(api, declaration.api_id)

    assert clawed.status_code == 200, clawed.text
    attributes = clawed.json()["data"]["attributes"]
    assert attributes["state"] == "awaiting-clawback"
    assert attributes["clawback_statement_id"] == str(upcoming.api_id)
    assert again.status_code == 422
    assert again.json()["errors"][0]["title"] == "participant_declaration_id"


def test_after_voiding_a_declaration_the_event_can_be_declared_again(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.ect(2024)
    first = declare(api, teacher, "started", "2024-10-01T10:00:00Z").json()["data"]

    assert void(api, first["id"]).status_code == 200
    second = declare(api, teacher, "started", "2024-10-01T10:00:00Z")

    assert second.status_code == 200, second.text
    assert second.json()["data"]["id"] != first["id"]


def test_a_predecessors_declaration_is_shown_but_cannot_be_voided(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.build._teacher()
    placement = teacher.add_ect_placement(
        ECTAtSchoolPeriod(school_id=world.school.id, started_on=date(2025, 9, 1))
    )
    for partnership, started, finished in (
        (world.partnership_b, date(2025, 9, 1), date(2025, 9, 30)),
        (world.partnerships[2025], date(2025, 10, 1), None),
    ):
        teacher.add_training_period(placement, _training(partnership.id, world, started, finished))
    with world.uow() as uow:
        uow.teachers.add(teacher)
        uow.commit()
    declaration = world.declaration(teacher, "started", at(date(2025, 9, 15)))

    shown = api.data(f"/participant-declarations/{declaration.api_id}")

    assert shown["attributes"]["lead_provider_name"] == "Best Practice Network"
    assert void(api, declaration.api_id).status_code == 404


def _training(
    partnership_id: int | None, world: DeclarationWorld, started: date, finished: date | None
) -> TrainingPeriod:
    return TrainingPeriod(
        role=TrainingRole.ECT,
        training_programme=TrainingProgramme.PROVIDER_LED,
        started_on=started,
        finished_on=finished,
        school_partnership_id=partnership_id,
        schedule_id=world.schedules[2025].id,
    )


def test_a_successors_declarations_after_the_providers_training_ended_are_not_shown(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.build._teacher()
    placement = teacher.add_ect_placement(
        ECTAtSchoolPeriod(school_id=world.school.id, started_on=date(2025, 9, 1))
    )
    for partnership, started, finished in (
        (world.partnerships[2025], date(2025, 9, 1), date(2025, 9, 30)),
        (world.partnership_b, date(2025, 10, 1), None),
    ):
        teacher.add_training_period(placement, _training(partnership.id, world, started, finished))
    with world.uow() as uow:
        uow.teachers.add(teacher)
        uow.commit()
    successors = teacher.training_periods()[1].id
    during = world.declaration(teacher, "started", at(date(2025, 9, 30)))
    after = world.declaration(teacher, "retained-1", at(date(2025, 10, 5)))
    with world.uow() as uow:
        for each in (during, after):
            declaration = uow.declarations.get(each.id)
            declaration.training_period_id = successors
            uow.declarations.save(declaration)
        uow.commit()

    shown = api.data("/participant-declarations", {"filter[participant_id]": str(teacher.api_id)})

    assert [each["id"] for each in shown] == [str(during.api_id)]
