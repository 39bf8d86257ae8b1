"""Parameters at the edges of what numbers and dates can hold still get the answers §1.4
and §1.5 give (found by fuzzing the API against its OpenAPI document)."""

from __future__ import annotations

import pytest

from ecf2.adapters.db.queries.listing import MAX_OFFSET, Page
from tests.e2e.api.conftest import Api
from tests.e2e.api.test_conventions import partnerships  # noqa: F401 (fixture)


@pytest.mark.parametrize("number", ["4611686018427387905", "337746124491825929519104"])
def test_a_page_beyond_any_database_number_is_past_the_end(api: Api, partnerships, number):  # noqa: F811
    assert api.data("/partnerships", {"page[page]": number, "page[per_page]": "3000"}) == []


def test_a_page_offset_never_leaves_what_sql_can_hold():
    assert Page(number=10**30, size=3000).offset == MAX_OFFSET
    assert Page(number=3, size=5).offset == 10


@pytest.mark.parametrize(
    ("value", "count"),
    [("0001-01-01T00:00:00+01:00", 8), ("9999-12-31T23:59:59-01:00", 0)],
)
def test_updated_since_at_the_edges_of_the_calendar_is_still_a_date(
    api: Api,
    partnerships,  # noqa: F811
    value,
    count,
):
    assert len(api.data("/partnerships", {"filter[updated_since]": value})) == count


@pytest.mark.parametrize("cohort", ["3000000000", "99999999999999999999"])
@pytest.mark.parametrize("path", ["/participants", "/partnerships", "/participant-declarations"])
def test_a_cohort_too_long_to_be_a_year_matches_nothing(api: Api, partnerships, path, cohort):  # noqa: F811
    assert api.data(path, {"filter[cohort]": cohort}) == []
