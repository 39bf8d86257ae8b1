"""GET /partnerships: a lead provider's school partnerships (lead-provider-api-v3 §2.6,
scenarios 36 and 41 for what applies to reading them)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import attrs
import pytest

from ecf2.domain.contracts import (
    DeliveryPartner,
    LeadProviderDeliveryPartnership,
    SchoolPartnership,
)
from ecf2.domain.participants import School
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import NOW, TOKEN_B, Api, Providers


@attrs.frozen
class World:
    alpha: DeliveryPartner
    beta: DeliveryPartner
    alpha_2025: LeadProviderDeliveryPartnership
    beta_2025: LeadProviderDeliveryPartnership
    oak: School
    elm: School
    oak_2025: SchoolPartnership
    oak_2024: SchoolPartnership
    elm_2025: SchoolPartnership
    elm_with_b: SchoolPartnership


@pytest.fixture
def world(build: Builder, providers: Providers) -> World:
    alpha = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2023, 1, 1)))
    beta = build.delivery_partner("Beta Schools Trust", created_at=at(date(2023, 1, 1)))
    alpha_2024 = build.works_with(providers.a_years[2024], alpha)
    alpha_2025 = build.works_with(providers.a_years[2025], alpha)
    beta_2025 = build.works_with(providers.a_years[2025], beta)
    beta_with_b = build.works_with(providers.b_2025, beta)
    oak = build.school(
        "Oak Primary", tutor=("Olive Oak", "olive@oak.sch.uk"), contact="office@oak.sch.uk"
    )
    elm = build.school("Elm Academy", contact="office@elm.sch.uk")
    oak_2025 = build.partnership(
        oak,
        alpha_2025,
        created_at=datetime(2025, 6, 10, 8, 0, 0, 999999, tzinfo=UTC),
        api_updated_at=datetime(2025, 7, 1, 12, tzinfo=UTC),
    )
    oak_2024 = build.partnership(oak, alpha_2024, created_at=at(date(2024, 6, 10)))
    elm_2025 = build.partnership(elm, beta_2025, created_at=at(date(2025, 6, 20)))
    elm_with_b = build.partnership(elm, beta_with_b, created_at=at(date(2025, 6, 21)))
    schedule = build.schedule(2025)
    today = NOW.date()
    build.ect(oak, date(2025, 9, 1), partnership=oak_2025, schedule=schedule)
    build.ect(oak, today, partnership=oak_2025, schedule=schedule, finished_on=today)
    build.ect(
        oak,
        date(2025, 9, 1),
        partnership=oak_2025,
        schedule=schedule,
        finished_on=date(2025, 11, 19),
    )
    build.ect(oak, date(2025, 11, 21), partnership=oak_2025, schedule=schedule)
    build.mentor(oak, date(2025, 9, 1), partnership=oak_2025, schedule=schedule)
    return World(
        alpha, beta, alpha_2025, beta_2025, oak, elm, oak_2025, oak_2024, elm_2025, elm_with_b
    )


def ids(data: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in data]


def ids_of(*partnerships: SchoolPartnership) -> list[str]:
    return [str(partnership.api_id) for partnership in partnerships]


def test_a_partnership_shows_its_school_delivery_partner_and_who_trains_today(
    api: Api, world: World
):
    data = api.data(f"/partnerships/{world.oak_2025.api_id}")
    assert data == {
        "id": str(world.oak_2025.api_id),
        "type": "partnership",
        "attributes": {
            "cohort": "2025",
            "urn": world.oak.urn.value,
            "school_id": str(world.oak.api_id),
            "delivery_partner_id": str(world.alpha.api_id),
            "delivery_partner_name": "Alpha Teaching Alliance",
            "induction_tutor_name": "Olive Oak",
            "induction_tutor_email": "olive@oak.sch.uk",
            # Two ECTs and a mentor train today; one finished yesterday, one starts tomorrow.
            "participants_currently_training": 3,
            "created_at": "2025-06-10T08:00:00Z",
            "updated_at": "2025-07-01T12:00:00Z",
        },
    }


def test_without_an_induction_tutor_the_schools_gias_contact_is_given(api: Api, world: World):
    attributes = api.data(f"/partnerships/{world.elm_2025.api_id}")["attributes"]
    assert attributes["induction_tutor_name"] is None
    assert attributes["induction_tutor_email"] == "office@elm.sch.uk"
    assert attributes["participants_currently_training"] == 0


def test_only_the_lead_providers_partnerships_are_listed_oldest_first(api: Api, world: World):
    assert ids(api.data("/partnerships")) == ids_of(world.oak_2024, world.oak_2025, world.elm_2025)
    assert ids(api.as_(TOKEN_B).data("/partnerships")) == ids_of(world.elm_with_b)


def test_another_providers_partnership_is_not_found(api: Api, world: World):
    response = api.get(f"/partnerships/{world.elm_with_b.api_id}")
    assert response.status_code == 404
    assert response.json()["errors"] == [
        {"title": "Resource not found", "detail": "Nothing could be found for the provided details"}
    ]


def test_partnerships_filter_by_cohort(api: Api, world: World):
    assert ids(api.data("/partnerships", {"filter[cohort]": "2024"})) == ids_of(world.oak_2024)
    assert len(api.data("/partnerships", {"filter[cohort]": "2024,2025"})) == 3
    assert api.data("/partnerships", {"filter[cohort]": "abc"}) == []


def test_partnerships_filter_by_delivery_partner(api: Api, world: World):
    beta = {"filter[delivery_partner_id]": str(world.beta.api_id)}
    assert ids(api.data("/partnerships", beta)) == ids_of(world.elm_2025)
    both = {"filter[delivery_partner_id]": f"{world.beta.api_id},{world.alpha.api_id}"}
    assert len(api.data("/partnerships", both)) == 3
    assert api.data("/partnerships", {"filter[delivery_partner_id]": "not-a-uuid"}) == []


def test_a_partnership_moved_to_another_delivery_partner_is_found_under_the_new_one(
    api: Api, app, world: World
):
    with app.state.container.uow() as uow:
        partnership = uow.school_partnerships.get(world.oak_2025.id)
        partnership.move_to(world.beta_2025.id, now=NOW)
        uow.school_partnerships.save(partnership)
        uow.commit()
    data = api.data("/partnerships", {"filter[delivery_partner_id]": str(world.beta.api_id)})
    assert ids(data) == ids_of(world.oak_2025, world.elm_2025)
    moved = api.data(f"/partnerships/{world.oak_2025.api_id}")["attributes"]
    assert moved["delivery_partner_name"] == "Beta Schools Trust"
    assert moved["updated_at"] == "2025-11-20T10:30:00Z"


def test_partnerships_updated_since(api: Api, world: World):
    data = api.data("/partnerships", {"filter[updated_since]": "2025-06-20T09:00:00Z"})
    assert ids(data) == ids_of(world.oak_2025, world.elm_2025)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-created_at", ["elm_2025", "oak_2025", "oak_2024"]),
        ("-updated_at", ["oak_2025", "elm_2025", "oak_2024"]),
        ("updated_at", ["oak_2024", "elm_2025", "oak_2025"]),
        ("bogus", ["oak_2024", "oak_2025", "elm_2025"]),
        (" updated_at", ["oak_2024", "elm_2025", "oak_2025"]),
    ],
)
def test_partnerships_sort(api: Api, world: World, sort, expected):
    data = api.data("/partnerships", {"sort": sort})
    assert ids(data) == ids_of(*(getattr(world, name) for name in expected))
