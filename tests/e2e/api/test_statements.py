"""GET /statements: a lead provider's output statements by payment date
(lead-provider-api-v3 §2.4, scenario 43)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ecf2.domain.payments.model import FeeType, Statement, StatementStatus
from tests.e2e.api.builders import Builder
from tests.e2e.api.conftest import TOKEN_B, Api, Providers


@pytest.fixture
def statements(build: Builder, providers: Providers) -> dict[str, Statement]:
    contract_2023 = build.contract(providers.a_years[2023])
    contract_2025 = build.contract(providers.a_years[2025])
    contract_b = build.contract(providers.b_2025)
    return {
        "a 2026-02": build.statement(contract_2025, 2026, 2),
        "a 2023-07": build.statement(
            contract_2023,
            2023,
            7,
            status=StatementStatus.PAID,
            created_at=datetime(2023, 1, 5, 8, 15, 30, 123456, tzinfo=UTC),
            api_updated_at=datetime(2023, 8, 1, 12, tzinfo=UTC),
        ),
        "a 2025-12": build.statement(contract_2025, 2025, 12),
        "a service fee": build.statement(contract_2025, 2026, 1, fee_type=FeeType.SERVICE),
        "b 2025-12": build.statement(contract_b, 2025, 12),
    }


def ids(data: list[dict]) -> list[str]:
    return [item["id"] for item in data]


def test_only_the_lead_providers_output_statements_are_listed_by_payment_date(api: Api, statements):
    data = api.data("/statements")
    expected = [statements[key].api_id for key in ("a 2023-07", "a 2025-12", "a 2026-02")]
    assert ids(data) == [str(api_id) for api_id in expected]


def test_a_statement_shows_its_attributes_in_the_specified_order_and_formats(api: Api, statements):
    statement = statements["a 2023-07"]
    data = api.data(f"/statements/{statement.api_id}")
    assert data == {
        "id": str(statement.api_id),
        "type": "statement",
        "attributes": {
            "month": "July",
            "year": "2023",
            "cohort": "2023",
            "cut_off_date": "2023-07-01",
            "payment_date": "2023-07-25",
            "paid": True,
            "created_at": "2023-01-05T08:15:30Z",
            "updated_at": "2023-08-01T12:00:00Z",
        },
    }
    assert list(data["attributes"]) == [
        "month",
        "year",
        "cohort",
        "cut_off_date",
        "payment_date",
        "paid",
        "created_at",
        "updated_at",
    ]


def test_an_open_statement_is_not_paid(api: Api, statements):
    data = api.data(f"/statements/{statements['a 2025-12'].api_id}")
    assert data["attributes"]["paid"] is False
    assert data["attributes"]["cohort"] == "2025"


@pytest.mark.parametrize("key", ["a service fee", "b 2025-12"])
def test_service_fee_and_other_providers_statements_are_not_found(api: Api, statements, key):
    response = api.get(f"/statements/{statements[key].api_id}")
    assert response.status_code == 404
    assert response.json() == {
        "errors": [
            {
                "title": "Resource not found",
                "detail": "Nothing could be found for the provided details",
            }
        ]
    }


def test_the_other_lead_provider_sees_only_its_own(api: Api, statements):
    assert ids(api.as_(TOKEN_B).data("/statements")) == [str(statements["b 2025-12"].api_id)]


@pytest.mark.parametrize(
    ("cohort", "expected"),
    [
        ("2025", ["a 2025-12", "a 2026-02"]),
        ("2023,2025", ["a 2023-07", "a 2025-12", "a 2026-02"]),
        ("2024", []),
        ("abc", []),
        ("", ["a 2023-07", "a 2025-12", "a 2026-02"]),
    ],
)
def test_statements_filter_by_cohort(api: Api, statements, cohort, expected):
    data = api.data("/statements", {"filter[cohort]": cohort})
    assert ids(data) == [str(statements[key].api_id) for key in expected]


def test_statements_filter_by_cohorts_given_as_an_array(api: Api, statements):
    data = api.data("/statements", {"filter[cohort][]": ["2023", "2025"]})
    assert len(data) == 3


def test_statements_updated_since_include_the_instant_itself(api: Api, statements):
    data = api.data("/statements", {"filter[updated_since]": "2023-08-01T12:00:00Z"})
    assert ids(data) == [
        str(statements[key].api_id) for key in ("a 2023-07", "a 2025-12", "a 2026-02")
    ]
    later = api.data("/statements", {"filter[updated_since]": "2023-08-01T12:00:01Z"})
    assert str(statements["a 2023-07"].api_id) not in ids(later)


def test_statements_keep_payment_date_order_whatever_sort_is_asked(api: Api, statements):
    data = api.data("/statements", {"sort": "-created_at"})
    assert [item["attributes"]["payment_date"] for item in data] == [
        "2023-07-25",
        "2025-12-25",
        "2026-02-25",
    ]


def test_statements_are_paged(api: Api, statements):
    assert len(api.data("/statements", {"page[per_page]": "2"})) == 2
    page_two = api.data("/statements", {"page[per_page]": "2", "page[page]": "2"})
    assert [item["attributes"]["payment_date"] for item in page_two] == ["2026-02-25"]


def test_a_statement_payment_date_is_a_plain_date(api: Api, statements):
    data = api.data(f"/statements/{statements['a 2026-02'].api_id}")
    assert date.fromisoformat(data["attributes"]["payment_date"]) == date(2026, 2, 25)
