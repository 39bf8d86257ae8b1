"""GET /participant-declarations and /participant-declarations/{id}: a lead provider's own
declarations and its predecessor's live ones (lead-provider-api-v3 §2.3; scenario 36)."""

from __future__ import annotations

from datetime import date

import pytest

from ecf2.domain.payments.declarations import PaymentStatus
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import TOKEN_B, Api, Providers
from tests.e2e.api.declaration_world import DeclarationWorld, declaration_world


@pytest.fixture
def world(app, build: Builder, providers: Providers) -> DeclarationWorld:
    return declaration_world(app, build, providers)


def test_a_declaration_is_shown_with_its_participant_course_and_state(
    api: Api, world: DeclarationWorld
) -> None:
    teacher = world.ect(2024)
    statement = world.build.statement(world.contracts[2024], 2025, 1)
    declaration = world.declaration(
        teacher,
        "started",
        at(date(2024, 10, 1)),
        payment_status=PaymentStatus.ELIGIBLE,
        payment_statement_id=statement.id,
    )

    shown = api.data(f"/participant-declarations/{declaration.api_id}")

    assert shown["type"] == "participant-declaration"
    attributes = shown["attributes"]
    assert attributes["participant_id"] == str(teacher.api_id)
    assert attributes["course_identifier"] == "ecf-induction"
    assert attributes["declaration_date"] == "2024-10-01T09:00:00Z"
    assert attributes["state"] == "eligible"
    assert attributes["statement_id"] == str(statement.api_id)
    assert attributes["delivery_partner_id"] == str(world.partner.api_id)
    assert attributes["lead_provider_name"] == "Ambition Institute"
    assert list(attributes)[:4] == [
        "participant_id",
        "declaration_type",
        "course_identifier",
        "declaration_date",
    ]


def test_the_list_runs_oldest_first_and_filters_by_participant_and_delivery_partner(
    api: Api, world: DeclarationWorld
) -> None:
    first, second = world.ect(2024), world.mentor(2024)
    later = world.declaration(second, "started", at(date(2024, 10, 2)))
    earlier = world.declaration(first, "started", at(date(2024, 10, 1)))

    everything = api.data("/participant-declarations")
    one = api.data("/participant-declarations", {"filter[participant_id]": str(first.api_id)})
    by_partner = api.data(
        "/participant-declarations", {"filter[delivery_partner_id]": str(world.partner.api_id)}
    )

    assert [each["id"] for each in everything] == [str(earlier.api_id), str(later.api_id)]
    assert [each["id"] for each in one] == [str(earlier.api_id)]
    assert len(by_partner) == 2
    assert everything[1]["attributes"]["course_identifier"] == "ecf-mentor"


def test_a_filter_value_that_is_not_a_uuid_finds_nothing(api: Api, world: DeclarationWorld) -> None:
    world.declaration(world.ect(2024), "started", at(date(2024, 10, 1)))

    assert api.data("/participant-declarations", {"filter[participant_id]": "not-a-uuid"}) == []


def test_another_lead_providers_declaration_is_not_found(api: Api, world: DeclarationWorld) -> None:
    declaration = world.declaration(world.ect(2024), "started", at(date(2024, 10, 1)))

    response = api.as_(TOKEN_B).get(f"/participant-declarations/{declaration.api_id}")

    assert response.status_code == 404
    assert api.as_(TOKEN_B).data("/participant-declarations") == []


def test_the_delivery_partner_filter_matches_the_partner_when_the_declaration_was_made(
    api: Api, world: DeclarationWorld, build: Builder
) -> None:
    earlier = build.delivery_partner("Cedar Partnership", created_at=at(date(2023, 1, 1)))
    declaration = world.declaration(
        world.ect(2024),
        "started",
        at(date(2024, 10, 1)),
        delivery_partner_when_created_id=earlier.id,
    )

    by_then = api.data(
        "/participant-declarations", {"filter[delivery_partner_id]": str(earlier.api_id)}
    )
    by_now = api.data(
        "/participant-declarations", {"filter[delivery_partner_id]": str(world.partner.api_id)}
    )

    assert [each["id"] for each in by_then] == [str(declaration.api_id)]
    assert by_then[0]["attributes"]["delivery_partner_id"] == str(earlier.api_id)
    assert by_now == []
