"""The API's OpenAPI document: valid OpenAPI, served without a token as YAML and JSON,
describing every operation the API serves and every operation of the reference contract."""

from __future__ import annotations

import re

import httpx
import pytest
import yaml
from openapi_core.exceptions import OpenAPIError
from openapi_spec_validator import validate

from ecf2.entrypoints.api.openapi.document import documented_handlers
from tests.e2e.api.contract import REFERENCE
from tests.e2e.api.our_contract import check_ours, our_document


def _operations(paths: dict) -> set[tuple[str, str]]:
    """(method, path) with path parameters unnamed, since ours are named differently."""
    return {
        (method, re.sub(r"\{[^}]*\}", "{}", path))
        for path, methods in paths.items()
        for method in methods
        if method != "parameters"
    }


def test_the_document_is_valid_openapi(client):
    response = client.get("/api/v3/openapi.yaml")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/yaml")
    document = yaml.safe_load(response.text)
    validate(document)
    assert client.get("/api/v3/openapi.json").json() == document


def test_the_document_needs_no_token_but_the_api_does(client):
    assert client.get("/api/v3/openapi.json").status_code == 200
    assert client.get("/api/v3/statements").status_code == 401


def test_every_operation_the_api_serves_is_documented(app):
    served = list(documented_handlers(app.routes))
    undocumented = [f"{method} {route.path}" for route, method, _, op in served if op is None]
    assert served
    assert undocumented == []


def test_the_document_describes_each_operation_in_full(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    void = paths["/api/v3/participant-declarations/{declaration_id}/void"]["put"]
    assert set(void["responses"]) == {"200", "400", "401", "404", "422", "429"}
    create = paths["/api/v3/participant-declarations"]["post"]
    assert create["requestBody"]["required"] is True
    assert "404" not in create["responses"]
    schools = paths["/api/v3/schools"]["get"]
    names = {each["name"]: each for each in schools["parameters"]}
    assert names["filter[cohort]"]["required"] is True
    assert {"page[page]", "page[per_page]", "sort", "filter[urn]"} <= set(names)


@pytest.mark.skipif(not REFERENCE.exists(), reason=f"no reference document at {REFERENCE}")
def test_every_operation_of_the_reference_is_served(client):
    reference = yaml.safe_load(REFERENCE.read_text())
    ours = _operations(client.get("/api/v3/openapi.json").json()["paths"])
    missing = _operations(reference["paths"]) - ours
    assert not missing


def test_a_response_our_document_does_not_allow_is_caught(client):
    openapi = our_document(client)
    request = httpx.Request("GET", "http://testserver.local/api/v3/statements")
    wrong = {"data": [{"id": "not-a-uuid", "type": "statement", "attributes": {"paid": "yes"}}]}
    with pytest.raises(OpenAPIError):
        check_ours(openapi, httpx.Response(200, json=wrong, request=request))


@pytest.mark.skipif(not REFERENCE.exists(), reason=f"no reference document at {REFERENCE}")
def test_operations_are_named_as_in_the_reference(client):
    """Clients generated from the reference call their methods by these names."""
    reference = yaml.safe_load(REFERENCE.read_text())["paths"]
    ours = client.get("/api/v3/openapi.json").json()["paths"]
    named = {
        (method, path.replace("{id}", "{}")): entry["operationId"]
        for path, methods in reference.items()
        for method, entry in methods.items()
        if isinstance(entry, dict) and "operationId" in entry
    }
    for path, methods in ours.items():
        general = re.sub(r"\{[a-z_]+\}", "{}", path)
        for method, entry in methods.items():
            assert entry["operationId"] == named[(method, general)], (method, path)
