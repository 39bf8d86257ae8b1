"""Every endpoint answers as the reference OpenAPI document says, successes and errors
alike. (Every response the other API tests receive is checked the same way.)"""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from openapi_core.exceptions import OpenAPIError

from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import Api, Providers
from tests.e2e.api.contract import REFERENCE, check, reference

pytestmark = pytest.mark.skipif(
    reference() is None, reason=f"the reference OpenAPI document is not at {REFERENCE}"
)


@pytest.fixture
def ids(build: Builder, providers: Providers) -> dict[str, str]:
    partner = build.delivery_partner("Alpha Teaching Alliance", created_at=at(date(2023, 1, 1)))
    link = build.works_with(providers.a_years[2025], partner)
    school = build.school("Oak Primary", tutor=("Tess Tutor", "tess@oak.sch.uk"))
    plain = build.school("Elm Academy")
    partnership = build.partnership(school, link, created_at=at(date(2025, 6, 1)))
    build.partnership(plain, link, created_at=at(date(2025, 6, 2)))
    build.ect(school, date(2025, 9, 1), partnership=partnership, schedule=build.schedule(2025))
    statement = build.statement(build.contract(providers.a_years[2025]), 2025, 12)
    return {
        "statements": str(statement.api_id),
        "delivery-partners": str(partner.api_id),
        "partnerships": str(partnership.api_id),
        "schools": str(school.api_id),
    }


COHORT = {"filter[cohort]": "2025"}


@pytest.mark.parametrize("resource", ["statements", "delivery-partners", "partnerships", "schools"])
def test_lists_and_single_resources_match_the_reference(api: Api, ids, resource):
    listed = api.get(f"/{resource}", COHORT)
    shown = api.get(f"/{resource}/{ids[resource]}", COHORT)
    assert (listed.status_code, shown.status_code) == (200, 200)
    assert len(listed.json()["data"]) >= 1


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/statements", {"page[page]": "0"}, 400),
        ("/partnerships", {"filter": "abc"}, 400),
        ("/schools", {}, 400),
        ("/delivery-partners", {"filter[updated_since]": "x"}, 200),
        ("/partnerships", {"filter[updated_since]": "2025"}, 400),
        ("/statements/d0b4a32e-a272-489e-b30a-cb17131457fc", {}, 404),
        ("/schools/nope", COHORT, 404),
    ],
)
def test_errors_match_the_reference(api: Api, ids, path, params, status):
    assert api.get(path, params).status_code == status


def test_refusals_match_the_reference(api: Api, ids):
    assert api.as_("wrong").get("/partnerships").status_code == 401


def test_a_response_the_reference_does_not_allow_is_caught():
    request = httpx.Request("GET", "http://testserver.local/api/v3/statements")
    wrong = {"data": [{"id": "not-a-uuid", "type": "statement", "attributes": {"paid": "yes"}}]}
    response = httpx.Response(200, json=wrong, request=request)
    with pytest.raises(OpenAPIError):
        check(response)
