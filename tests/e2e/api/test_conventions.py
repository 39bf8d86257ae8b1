"""What every endpoint shares: the envelope, formats, pagination, filters, sorting and
errors (lead-provider-api-v3 §1.3-§1.7, scenarios 2 to 6)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ecf2.adapters.db.queries.listing import Page, SortKey
from ecf2.domain.contracts import SchoolPartnership
from ecf2.entrypoints.api.errors import BadParameter, BadRequest
from ecf2.entrypoints.api.params import ApiQuery, nested
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import Api, Providers

BAD_PAGE = {
    "errors": [
        {
            "title": "Bad request",
            "detail": "The '#/page[page]' and '#/page[per_page]' parameter values must be a "
            "valid positive number",
        }
    ]
}
BAD_UPDATED_SINCE = {
    "errors": [
        {
            "title": "Bad request",
            "detail": "The filter '#/updated_since' must be a valid ISO 8601 date",
        }
    ]
}
NOT_A_HASH = {"errors": [{"title": "Bad parameter", "detail": "Filter must be a hash"}]}
NOT_FOUND = {
    "errors": [
        {"title": "Resource not found", "detail": "Nothing could be found for the provided details"}
    ]
}


@pytest.fixture
def partnerships(build: Builder, providers: Providers) -> list[SchoolPartnership]:
    """Eight partnerships, one a day from 1 June 2025, in 2024 and 2025 alternately."""
    partner = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2023, 1, 1)))
    links = {year: build.works_with(providers.a_years[year], partner) for year in (2024, 2025)}
    made = []
    for number in range(8):
        school = build.school(f"School {number}")
        created_at = datetime(2025, 6, 1 + number, 9, 0, 0, 654321, tzinfo=UTC)
        link = links[2024 + number % 2]
        made.append(build.partnership(school, link, created_at=created_at))
    return made


def ids(data) -> list[str]:
    return [item["id"] for item in data]


def ids_of(partnerships) -> list[str]:
    return [str(each.api_id) for each in partnerships]


def test_a_list_is_data_and_nothing_else_in_json_with_a_charset(api: Api, partnerships):
    response = api.get("/partnerships")
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert list(response.json()) == ["data"]
    assert all(list(item) == ["id", "type", "attributes"] for item in response.json()["data"])


def test_datetimes_are_utc_to_the_second(api: Api, partnerships):
    data = api.data(f"/partnerships/{partnerships[0].api_id}")
    assert data["attributes"]["created_at"] == "2025-06-01T09:00:00Z"


def test_pages_are_counted_from_one_and_a_page_past_the_end_is_empty(api: Api, partnerships):
    first = api.data("/partnerships", {"page[per_page]": "5"})
    second = api.data("/partnerships", {"page[per_page]": "5", "page[page]": "2"})
    assert ids(first) == ids_of(partnerships[:5])
    assert ids(second) == ids_of(partnerships[5:])
    assert api.data("/partnerships", {"page[per_page]": "5", "page[page]": "3"}) == []


def test_a_page_larger_than_the_limit_is_cut_to_the_limit(api: Api, partnerships):
    assert len(api.data("/partnerships", {"page[per_page]": "5000"})) == 8
    query = ApiQuery(nested([("page[per_page]", "5000")]), {})
    assert query.page() == Page(number=1, size=3000)


def test_pages_default_to_the_first_hundred():
    assert ApiQuery({}, {}).page() == Page(number=1, size=100)


@pytest.mark.parametrize(
    "params",
    [
        {"page[page]": "-1"},
        {"page[page]": "0"},
        {"page[per_page]": "abc"},
        {"page[per_page]": "0.8"},
        {"page[per_page]": ""},
        {"page": "2"},
    ],
)
def test_a_page_that_is_not_a_positive_number_is_a_bad_request(api: Api, partnerships, params):
    response = api.get("/partnerships", params)
    assert response.status_code == 400
    assert response.json() == BAD_PAGE


def test_page_numbers_are_read_as_rails_reads_them(api: Api, partnerships):
    assert len(api.data("/partnerships", {"page[per_page]": "3abc", "page[page]": "+1"})) == 3


@pytest.mark.parametrize("path", ["/partnerships", "/statements", "/delivery-partners", "/schools"])
def test_a_filter_that_is_not_a_hash_is_a_bad_parameter(api: Api, providers, path):
    response = api.get(path, {"filter": "abc"})
    assert response.status_code == 400
    assert response.json() == NOT_A_HASH


def test_filter_must_be_a_hash_on_single_resources_too(api: Api, partnerships):
    response = api.get(f"/partnerships/{partnerships[0].api_id}", {"filter": "abc"})
    assert response.json() == NOT_A_HASH


@pytest.mark.parametrize(
    "value",
    [
        "2025-01-01",
        "yesterday",
        "2025-13-01T00:00:00Z",
        "2025-06-01 09:00:00Z",
        "2025-06-01T09:00:00 01:00",
    ],
)
def test_updated_since_must_be_an_iso_8601_date_and_time(api: Api, partnerships, value):
    response = api.get("/partnerships", {"filter[updated_since]": value})
    assert response.status_code == 400
    assert response.json() == BAD_UPDATED_SINCE


@pytest.mark.parametrize(
    ("value", "count"),
    [
        ("2025-06-05T09:00:00.654321Z", 4),
        ("2025-06-05T09:00:00Z", 4),
        ("2025-06-05T10:00:00+01:00", 4),
        ("2025-06-05T09:00:01Z", 3),
        ("2025-06-05T09:00:00", 4),
        ("", 8),
    ],
)
def test_updated_since_keeps_what_changed_at_or_after_the_instant(
    api: Api, partnerships, value, count
):
    assert len(api.data("/partnerships", {"filter[updated_since]": value})) == count


def test_cohort_filters_keep_only_years(api: Api, partnerships):
    assert api.data("/partnerships", {"filter[cohort]": "abc"}) == []
    assert len(api.data("/partnerships", {"filter[cohort]": "2024"})) == 4
    assert len(api.data("/partnerships", {"filter[cohort]": "2024,2025"})) == 8
    assert len(api.data("/partnerships", {"filter[cohort]": "2024,abc"})) == 4
    assert len(api.data("/partnerships", {"filter[cohort][]": ["2024", "2025"]})) == 8


def test_an_unknown_filter_is_ignored(api: Api, partnerships):
    assert len(api.data("/partnerships", {"filter[colour]": "blue"})) == 8


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("bogus", list(range(8))),
        ("-created_at", list(reversed(range(8)))),
        ("+created_at", list(range(8))),
        ("-updated_at", list(reversed(range(8)))),
        ("-bogus,-created_at", list(reversed(range(8)))),
    ],
)
def test_sorting(api: Api, partnerships, sort, order):
    assert ids(api.data("/partnerships", {"sort": sort})) == ids_of(partnerships[i] for i in order)


@pytest.mark.parametrize("resource", ["statements", "delivery-partners", "partnerships", "schools"])
@pytest.mark.parametrize(
    "resource_id", ["not-a-uuid", "12345", "d0b4a32e-a272-489e-b30a-cb17131457fc"]
)
def test_an_id_that_names_nothing_is_not_found(api: Api, providers, resource, resource_id):
    response = api.get(f"/{resource}/{resource_id}", {"filter[cohort]": "2025"})
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


# The query string, parsed as Rails parses it.


def test_nested_parameters_become_hashes_and_lists():
    pairs = [
        ("filter[cohort]", "2024"),
        ("filter[ids][]", "a"),
        ("filter[ids][]", "b"),
        ("sort", "x"),
    ]
    assert nested(pairs) == {"filter": {"cohort": "2024", "ids": ["a", "b"]}, "sort": "x"}


def test_a_parameter_given_in_two_shapes_is_a_bad_request():
    with pytest.raises(BadRequest):
        nested([("filter", "abc"), ("filter[cohort]", "2024")])


def test_several_missing_filters_are_each_named():
    class Request:
        query_params = type("Params", (), {"multi_items": lambda self: []})()

    with pytest.raises(BadParameter) as refused:
        ApiQuery.of(Request(), required=("cohort", "urn"))  # type: ignore[arg-type]
    assert refused.value.details == (
        "The filter '#/cohort' must be included in your request",
        "The filter '#/urn' must be included in your request",
    )


def test_sort_keys_carry_their_direction():
    query = ApiQuery({"sort": "-updated_at, created_at,,+name"}, {})
    assert query.sort() == (
        SortKey("updated_at", descending=True),
        SortKey("created_at"),
        SortKey("name"),
    )
