"""POST and PUT /partnerships: a lead provider confirms a partnership with a school and
changes its delivery partner (lead-provider-api-v3 §2.6, §5.1, scenarios 37-41;
participants-and-schools §3.10)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import attrs
import httpx
import pytest
from dependency_injector.providers import Object
from sqlalchemy import func, select

from ecf2.adapters.db.contracts_rows import SchoolPartnershipRow
from ecf2.adapters.db.events import EventRow
from ecf2.domain.contracts import (
    DeliveryPartner,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
)
from ecf2.domain.participants import School, Teacher
from ecf2.domain.payments.declarations import Declaration
from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import NOW, TOKEN_B, Api, Providers
from tests.e2e.api.contract import check
from tests.e2e.api.declaration_world import teacher_training_period


@attrs.frozen
class World:
    alpha: DeliveryPartner
    beta: DeliveryPartner
    stranger: DeliveryPartner
    alpha_2025: LeadProviderDeliveryPartnership
    beta_2025: LeadProviderDeliveryPartnership
    oak: School
    ineligible: School
    school_led: School
    interested_ect: Teacher
    interested_mentor: Teacher
    interested_in_b: Teacher
    b_partnership: SchoolPartnership


@pytest.fixture
def world(build: Builder, providers: Providers) -> World:
    build.contract_period(2022, enabled=False)
    build.contract_period(2026)
    created = at(date(2023, 1, 1))
    alpha = build.delivery_partner("Alpha Teaching Alliance", created_at=created)
    beta = build.delivery_partner("Beta Schools Trust", created_at=created)
    stranger = build.delivery_partner("Gamma Learning", created_at=created)
    alpha_2025 = build.works_with(providers.a_years[2025], alpha)
    beta_2025 = build.works_with(providers.a_years[2025], beta)
    build.works_with(providers.a_years[2024], stranger)
    beta_with_b = build.works_with(providers.b_2025, beta)
    oak = build.school("Oak Primary", tutor=("Olive Oak", "olive@oak.sch.uk"))
    ineligible = build.school("Closed School", eligible=False)
    school_led = build.school("Willow School")
    build.ect(school_led, date(2025, 9, 1))
    elm = build.school("Elm Academy")
    schedule = build.schedule(2025)
    interest_a, interest_b = providers.a_years[2025], providers.b_2025
    ect = build.ect(
        oak, date(2025, 9, 1), interest=interest_a, schedule=schedule, email="ect@oak.sch.uk"
    )
    mentor = build.mentor(
        oak, date(2025, 9, 1), interest=interest_a, schedule=schedule, email="mentor@oak.sch.uk"
    )
    in_b = build.ect(oak, date(2025, 9, 2), interest=interest_b, schedule=schedule)
    b_partnership = build.partnership(elm, beta_with_b, created_at=at(date(2025, 6, 1)))
    return World(
        alpha, beta, stranger, alpha_2025, beta_2025, oak, ineligible, school_led, ect, mentor,
        in_b, b_partnership,
    )  # fmt: skip


def send(api: Api, method: str, path: str, body: Any) -> httpx.Response:
    content = body if isinstance(body, bytes | str) else json.dumps(body)
    response = api.client.request(
        method,
        f"/api/v3{path}",
        content=content,
        headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"},
    )
    check(response)
    return response


def confirm(api: Api, **attributes: Any) -> httpx.Response:
    return send(
        api, "POST", "/partnerships", {"data": {"type": "partnership", "attributes": attributes}}
    )


def change(api: Api, partnership_id: object, delivery_partner_id: Any) -> httpx.Response:
    body = {
        "data": {"type": "partnership", "attributes": {"delivery_partner_id": delivery_partner_id}}
    }
    return send(api, "PUT", f"/partnerships/{partnership_id}", body)


def oak_with(world: World, partner: DeliveryPartner, cohort: str = "2025") -> dict[str, str]:
    return {
        "cohort": cohort,
        "school_id": str(world.oak.api_id),
        "delivery_partner_id": str(partner.api_id),
    }


def errors(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.status_code == 422, response.text
    return [(error["title"], error["detail"]) for error in response.json()["errors"]]


def titles(response: httpx.Response) -> list[str]:
    return [title for title, _ in errors(response)]


def partnership_count(app) -> int:
    with app.state.container.uow() as uow:
        return uow.session.scalar(select(func.count(SchoolPartnershipRow.id)))


def events_of(app, event_type: str) -> int:
    with app.state.container.uow() as uow:
        statement = select(func.count(EventRow.id)).where(EventRow.event_type == event_type)
        return uow.session.scalar(statement)


# Scenario 37.
def test_a_confirmed_partnership_takes_in_the_schools_interested_participants(
    api: Api, app, world: World
):
    response = confirm(api, **oak_with(world, world.alpha))

    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert data["type"] == "partnership"
    assert list(data["attributes"]) == [
        "cohort", "urn", "school_id", "delivery_partner_id", "delivery_partner_name",
        "induction_tutor_name", "induction_tutor_email", "participants_currently_training",
        "created_at", "updated_at",
    ]  # fmt: skip
    assert data["attributes"]["cohort"] == "2025"
    assert data["attributes"]["school_id"] == str(world.oak.api_id)
    assert data["attributes"]["delivery_partner_id"] == str(world.alpha.api_id)
    # The ECT and the mentor interested in this provider join; the one interested in B does not.
    assert data["attributes"]["participants_currently_training"] == 2
    assert data["attributes"]["created_at"] == "2025-11-20T10:30:00Z"
    assert api.data(f"/partnerships/{data['id']}") == data
    seen = {item["id"] for item in api.data("/participants")}
    assert seen == {str(world.interested_ect.api_id), str(world.interested_mentor.api_id)}
    assert events_of(app, "school_partnership_created") == 1
    assert events_of(app, "training_period_assigned_to_school_partnership") == 2


# Scenario 38.
def test_a_second_partnership_with_the_school_that_cohort_is_refused_whatever_the_partner(
    api: Api, world: World
):
    assert confirm(api, **oak_with(world, world.alpha)).status_code == 200
    again = confirm(api, **oak_with(world, world.beta))
    assert titles(again) == ["school_id"]
    assert "already" in errors(again)[0][1]


def test_another_lead_provider_may_partner_the_same_school_that_cohort(api: Api, world: World):
    assert confirm(api, **oak_with(world, world.alpha)).status_code == 200
    theirs = confirm(api.as_(TOKEN_B), **oak_with(world, world.beta))
    assert theirs.status_code == 200, theirs.text
    # B's interested ECT joins B's partnership.
    assert theirs.json()["data"]["attributes"]["participants_currently_training"] == 1


# Scenario 39.
def test_an_unknown_cohort_is_refused_with_the_delivery_partner(api: Api, world: World):
    response = confirm(api, **oak_with(world, world.alpha, cohort="2030"))
    assert titles(response) == ["cohort", "delivery_partner_id"]
    assert all("#/contract_period_year" not in detail for _, detail in errors(response))


def test_a_closed_cohort_is_refused(api: Api, world: World):
    response = confirm(api, **oak_with(world, world.alpha, cohort="2022"))
    assert ("cohort", "This cohort is closed: you cannot partner with a school for it.") in errors(
        response
    )


def test_a_cohort_that_has_not_started_is_refused(api: Api, world: World):
    response = confirm(api, **oak_with(world, world.alpha, cohort="2026"))
    assert errors(response)[0] == (
        "cohort",
        "You cannot partner with a school for a cohort that has not started yet.",
    )


def test_every_missing_attribute_is_reported(api: Api, app, world: World):
    response = confirm(api)
    assert errors(response) == [
        ("cohort", "Enter a '#/cohort'."),
        ("school_id", "Enter a '#/school_id'."),
        ("delivery_partner_id", "Enter a '#/delivery_partner_id'."),
    ]
    assert partnership_count(app) == 1


# Scenario 40.
def test_an_ineligible_school_is_refused(api: Api, world: World):
    attributes = oak_with(world, world.alpha) | {"school_id": str(world.ineligible.api_id)}
    assert titles(confirm(api, **attributes)) == ["school_id"]


def test_an_ineligible_school_already_partnered_is_refused_on_both_counts(
    api: Api, world: World, build: Builder
):
    """§1.7: every message for a field; §5.1 checks the partnership whatever else fails."""
    build.partnership(world.ineligible, world.beta_2025, created_at=at(date(2025, 6, 1)))
    attributes = oak_with(world, world.alpha) | {"school_id": str(world.ineligible.api_id)}

    found = errors(confirm(api, **attributes))

    assert [title for title, _ in found] == ["school_id", "school_id"]
    assert "eligible" in found[0][1]
    assert "already" in found[1][1]


def test_a_school_with_only_school_led_participants_that_cohort_is_refused(api: Api, world: World):
    attributes = oak_with(world, world.alpha) | {"school_id": str(world.school_led.api_id)}
    response = confirm(api, **attributes)
    assert titles(response) == ["school_id"]
    assert "school-led" in errors(response)[0][1]


def test_an_unknown_school_is_refused(api: Api, world: World):
    for school_id in ("not-a-uuid", "6c0a5c9e-0b5c-4e47-9c7e-1b1b1b1b1b1b"):
        attributes = oak_with(world, world.alpha) | {"school_id": school_id}
        assert titles(confirm(api, **attributes)) == ["school_id"]


def test_a_delivery_partner_not_working_with_the_provider_that_cohort_is_refused(
    api: Api, world: World
):
    response = confirm(api, **oak_with(world, world.stranger))
    assert titles(response) == ["delivery_partner_id"]
    unknown = oak_with(world, world.alpha) | {"delivery_partner_id": "nope"}
    assert titles(confirm(api, **unknown)) == ["delivery_partner_id"]


# Scenario 41.
def test_a_partnership_moves_to_another_delivery_partner_working_with_the_provider(
    api: Api, app, world: World
):
    created = confirm(api, **oak_with(world, world.alpha)).json()["data"]
    response = change(api, created["id"], str(world.beta.api_id))

    assert response.status_code == 200, response.text
    attributes = response.json()["data"]["attributes"]
    assert attributes["delivery_partner_id"] == str(world.beta.api_id)
    assert attributes["delivery_partner_name"] == "Beta Schools Trust"
    assert attributes["updated_at"] == "2025-11-20T10:30:00Z"
    assert events_of(app, "school_partnership_updated") == 1


def test_moving_a_partnership_shows_it_and_its_participants_as_changed(api: Api, app, world: World):
    created = confirm(api, **oak_with(world, world.alpha)).json()["data"]
    app.state.container.clock.override(Object(FixedClock(NOW.replace(hour=15))))
    attributes = change(api, created["id"], str(world.beta.api_id)).json()["data"]["attributes"]
    assert attributes["updated_at"] == "2025-11-20T15:30:00Z"
    participant = api.data(f"/participants/{world.interested_ect.api_id}")
    assert participant["attributes"]["updated_at"] == "2025-11-20T15:30:00Z"


def test_moving_a_partnership_shows_its_declarations_as_changed_but_keeps_their_partner(
    api: Api, app, world: World
):
    created = confirm(api, **oak_with(world, world.alpha)).json()["data"]
    declaration = Declaration(
        training_period_id=teacher_training_period(world.interested_ect),
        declaration_type="started",
        declaration_date=at(date(2025, 9, 20)),
        created_at=at(date(2025, 9, 20)),
        delivery_partner_when_created_id=world.alpha.id,
    )
    with app.state.container.uow() as uow:
        uow.declarations.add(declaration)
        uow.commit()
    app.state.container.clock.override(Object(FixedClock(NOW.replace(hour=16))))

    assert change(api, created["id"], str(world.beta.api_id)).status_code == 200

    shown = api.data(f"/participant-declarations/{declaration.api_id}")["attributes"]
    assert shown["updated_at"] == "2025-11-20T16:30:00Z"
    assert shown["delivery_partner_id"] == str(world.alpha.api_id)


def test_moving_a_partnership_to_its_own_or_an_unlinked_partner_is_refused(api: Api, world: World):
    created = confirm(api, **oak_with(world, world.alpha)).json()["data"]
    assert titles(change(api, created["id"], str(world.alpha.api_id))) == ["delivery_partner_id"]
    assert titles(change(api, created["id"], str(world.stranger.api_id))) == ["delivery_partner_id"]
    assert titles(change(api, created["id"], "")) == ["delivery_partner_id"]
    assert titles(change(api, created["id"], 12)) == ["delivery_partner_id"]


def test_another_providers_partnership_cannot_be_changed(api: Api, world: World):
    response = change(api, world.b_partnership.api_id, str(world.alpha.api_id))
    assert response.status_code == 404
    assert response.json()["errors"][0]["title"] == "Resource not found"


# Bad input: the envelope, never a 500, nothing written.
@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        b"[]",
        {"data": {}},
        {"data": {"attributes": "cohort"}},
        {"data": []},
        {"attributes": {}},
    ],
)
def test_a_body_of_the_wrong_shape_is_a_bad_request(api: Api, app, world: World, body):
    for method, path in (
        ("POST", "/partnerships"),
        ("PUT", f"/partnerships/{world.b_partnership.api_id}"),
    ):
        response = send(api, method, path, body)
        assert response.status_code == 400, response.text
        assert response.json()["errors"][0]["title"] == "Bad request"
    assert partnership_count(app) == 1


@pytest.mark.parametrize(
    "attributes",
    [
        {"cohort": 2025, "school_id": ["x"], "delivery_partner_id": {"a": 1}},
        {"cohort": True, "school_id": 7, "delivery_partner_id": None},
        {"cohort": ["2025"], "school_id": {}, "delivery_partner_id": []},
    ],
)
def test_attributes_of_the_wrong_type_are_refused_not_crashed_on(
    api: Api, app, world: World, attributes
):
    response = confirm(api, **attributes)
    assert response.status_code == 422, response.text
    assert partnership_count(app) == 1


def test_a_partnership_id_that_is_not_a_uuid_is_not_found(api: Api, world: World):
    response = change(api, "not-a-uuid", str(world.beta.api_id))
    assert response.status_code == 404
