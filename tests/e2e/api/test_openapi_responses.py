"""Real responses on the demo data are what our own OpenAPI document says they are: every
list and one record of each, and the errors (lead-provider-api-v3 §1.7)."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_core import OpenAPI

from ecf2.entrypoints.demo.providers import DEMO_TOKENS
from tests.e2e.api.our_contract import check_ours, our_document
from tests.e2e.web.demo_site import (
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
)

AUTHORISED = {"Authorization": f"Bearer {DEMO_TOKENS['Ambition Institute']}"}
LISTS = [
    ("/statements", {}),
    ("/delivery-partners", {}),
    ("/partnerships", {}),
    ("/schools", {"filter[cohort]": "2025"}),
    ("/participants", {}),
    ("/participant-declarations", {}),
]


@pytest.fixture
def openapi(client) -> OpenAPI:
    return our_document(client)


def _get(client, path: str, params: dict[str, Any] | None = None, **headers: str):
    return client.get(f"/api/v3{path}", params=params, headers=AUTHORISED | headers)


@pytest.mark.parametrize(("path", "params"), LISTS)
def test_lists_and_their_records_are_as_documented(client, openapi, path, params):
    listed = _get(client, path, params | {"page[per_page]": "3000"})
    assert listed.status_code == 200
    check_ours(openapi, listed)
    records = listed.json()["data"]
    assert records, f"the demo has no {path}"
    shown = _get(client, f"{path}/{records[-1]['id']}", params)
    assert shown.status_code == 200
    check_ours(openapi, shown)


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/statements", {"page[page]": "0"}, 400),
        ("/schools", {}, 400),
        ("/partnerships", {"filter": "2025"}, 400),
        ("/participants/6f1d1e64-3c0a-4a55-9bb6-7a8f1c7e0c11", {}, 404),
    ],
)
def test_errors_are_as_documented(client, openapi, path, params, status):
    response = _get(client, path, params)
    assert response.status_code == status
    check_ours(openapi, response)


def test_refusals_are_as_documented(client, openapi):
    unknown = {"data": {"attributes": {"participant_id": "6f1d1e64-3c0a-4a55-9bb6-7a8f1c7e0c11"}}}
    refused = client.post("/api/v3/participant-declarations", json=unknown, headers=AUTHORISED)
    assert refused.status_code == 422
    check_ours(openapi, refused)
    malformed = client.post("/api/v3/participant-declarations", json={}, headers=AUTHORISED)
    assert malformed.status_code == 400
    check_ours(openapi, malformed)
    denied = client.get("/api/v3/statements", headers={"Authorization": "Bearer wrong"})
    assert denied.status_code == 401
    check_ours(openapi, denied)
