"""GET /participants on the seeded demo data: every lead provider sees its participants,
each enrolment well formed by the reference contract (lead-provider-api-v3 §2.1)."""

from __future__ import annotations

from ecf2.entrypoints.demo.providers import DEMO_TOKENS
from tests.e2e.api.conftest import Api
from tests.e2e.web.demo_site import (
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
)

AMBITION = DEMO_TOKENS["Ambition Institute"]


def test_ambition_institute_lists_its_participants_on_the_demo_data(api: Api):
    data = api.as_(AMBITION).data("/participants", {"page[per_page]": "3000"})
    assert data
    assert all(item["type"] == "participant" for item in data)
    enrolments = [each for item in data for each in item["attributes"]["ecf_enrolments"]]
    assert {each["participant_type"] for each in enrolments} == {"ect", "mentor"}
    first = data[0]
    assert api.as_(AMBITION).data(f"/participants/{first['id']}") == first


def test_lead_providers_see_different_participants_on_the_demo_data(api: Api):
    names = sorted(DEMO_TOKENS)
    seen = [
        {
            item["id"]
            for item in api.as_(DEMO_TOKENS[name]).data("/participants", {"page[per_page]": "3000"})
        }
        for name in names
    ]
    assert all(seen)
    assert seen[0] != seen[1]
