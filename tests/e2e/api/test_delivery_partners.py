"""GET /delivery-partners: the partners a lead provider works with, and the years it
works with each (lead-provider-api-v3 §2.5, scenario 44)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ecf2.domain.contracts import DeliveryPartner
from tests.e2e.api.builders import Builder
from tests.e2e.api.conftest import TOKEN_B, Api, Providers


@pytest.fixture
def partners(build: Builder, providers: Providers) -> dict[str, DeliveryPartner]:
    alpha = build.delivery_partner(
        "Alpha Teaching Alliance",
        created_at=datetime(2023, 3, 1, 9, tzinfo=UTC),
        api_updated_at=datetime(2025, 9, 1, 9, tzinfo=UTC),
    )
    beta = build.delivery_partner("Beta Schools Trust", created_at=datetime(2024, 3, 1, tzinfo=UTC))
    gamma = build.delivery_partner("Gamma Hub", created_at=datetime(2022, 3, 1, tzinfo=UTC))
    for year in (2023, 2025):
        build.works_with(providers.a_years[year], alpha)
    build.works_with(providers.a_years[2024], beta)
    build.works_with(providers.b_2025, alpha)
    build.works_with(providers.b_2025, gamma)
    return {"alpha": alpha, "beta": beta, "gamma": gamma}


def names(data: list[dict]) -> list[str]:
    return [item["attributes"]["name"] for item in data]


def test_a_delivery_partner_lists_only_the_years_it_works_with_this_provider(api: Api, partners):
    alpha = partners["alpha"]
    data = api.data(f"/delivery-partners/{alpha.api_id}")
    assert data == {
        "id": str(alpha.api_id),
        "type": "delivery-partner",
        "attributes": {
            "name": "Alpha Teaching Alliance",
            "created_at": "2023-03-01T09:00:00Z",
            "updated_at": "2025-09-01T09:00:00Z",
            "cohort": ["2023", "2025"],
        },
    }
    other = api.as_(TOKEN_B).data(f"/delivery-partners/{alpha.api_id}")
    assert other["attributes"]["cohort"] == ["2025"]


def test_only_the_lead_providers_delivery_partners_are_listed_oldest_first(api: Api, partners):
    assert names(api.data("/delivery-partners")) == [
        "Alpha Teaching Alliance",
        "Beta Schools Trust",
    ]
    assert names(api.as_(TOKEN_B).data("/delivery-partners")) == [
        "Gamma Hub",
        "Alpha Teaching Alliance",
    ]


def test_another_providers_delivery_partner_is_not_found(api: Api, partners):
    response = api.get(f"/delivery-partners/{partners['gamma'].api_id}")
    assert response.status_code == 404
    assert response.json()["errors"][0]["title"] == "Resource not found"


@pytest.mark.parametrize(
    ("cohort", "expected"),
    [
        ("2024", ["Beta Schools Trust"]),
        ("2023,2024", ["Alpha Teaching Alliance", "Beta Schools Trust"]),
        ("2022", []),
        ("twenty", []),
        (" ", ["Alpha Teaching Alliance", "Beta Schools Trust"]),
    ],
)
def test_delivery_partners_filter_by_cohort(api: Api, partners, cohort, expected):
    data = api.data("/delivery-partners", {"filter[cohort]": cohort})
    assert names(data) == expected


def test_a_cohort_filter_does_not_narrow_the_years_shown(api: Api, partners):
    data = api.data("/delivery-partners", {"filter[cohort]": "2025"})
    assert data[0]["attributes"]["cohort"] == ["2023", "2025"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-created_at", ["Beta Schools Trust", "Alpha Teaching Alliance"]),
        ("updated_at", ["Beta Schools Trust", "Alpha Teaching Alliance"]),
        ("-updated_at", ["Alpha Teaching Alliance", "Beta Schools Trust"]),
        ("bogus", ["Alpha Teaching Alliance", "Beta Schools Trust"]),
        ("bogus,-created_at", ["Beta Schools Trust", "Alpha Teaching Alliance"]),
    ],
)
def test_delivery_partners_sort(api: Api, partners, sort, expected):
    assert names(api.data("/delivery-partners", {"sort": sort})) == expected
