"""Checks a response against OUR OpenAPI document, the one the app serves at
/api/v3/openapi.json, as contract.py checks it against the reference."""

from __future__ import annotations

from typing import Any

import httpx
from litestar.testing import TestClient
from openapi_core import OpenAPI

from tests.e2e.api.contract import _Request, _Response


def our_document(client: TestClient[Any]) -> OpenAPI:
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return OpenAPI.from_dict(response.json())


def check_ours(openapi: OpenAPI, response: httpx.Response) -> None:
    """Raises when the response is not one our document describes for its request."""
    openapi.validate_response(_Request(response.request), _Response(response))
