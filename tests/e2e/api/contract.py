"""Checks a response against the reference OpenAPI document of the Lead Provider API
(shared/reference/lead-provider-api-v3.openapi.yaml beside the repository, or the file
ECF2_API_REFERENCE names). Without the document there is nothing to check against."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_schema_validator import OAS30Validator
from werkzeug.datastructures import Headers, ImmutableMultiDict

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_REFERENCE = PROJECT_ROOT.parent / "shared/reference/lead-provider-api-v3.openapi.yaml"
REFERENCE = Path(os.environ.get("ECF2_API_REFERENCE", DEFAULT_REFERENCE))
# Error bodies the reference defines once, for statuses some operations leave undocumented.
ERROR_SCHEMAS = {400: "BadRequestResponse", 401: "UnauthorisedResponse", 404: "NotFoundResponse"}


@functools.cache
def reference() -> OpenAPI | None:
    if not REFERENCE.exists():
        return None
    document = yaml.safe_load(REFERENCE.read_text())
    _null_in_nullable_enums(document)
    _transfer_providers_nullable(document)
    return OpenAPI.from_dict(document)


def _null_in_nullable_enums(node: Any) -> None:
    """The reference marks enums such as a participant's `working_pattern` nullable without
    listing null among their values, which OpenAPI 3.0.3 reads as null forbidden; the API
    sends null for them (lead-provider-api-v3 §2.1), as the reference's own intent is."""
    if isinstance(node, dict):
        if node.get("nullable") is True and None not in node.get("enum", [None]):
            node["enum"] = [*node["enum"], None]
        for child in node.values():
            _null_in_nullable_enums(child)
    elif isinstance(node, list):
        for child in node:
            _null_in_nullable_enums(child)


def _transfer_providers_nullable(document: dict[str, Any]) -> None:
    """A transfer's end names no provider when its training had none (school-led, or an
    expression of interest alone): the API sends null (lead-provider-api-v3 §2.2, "LP name
    or null"), which the reference does not mark as allowed."""
    transfer = document["components"]["schemas"].get("ParticipantTransfersTransfer", {})
    for end in ("leaving", "joining"):
        provider = transfer.get("properties", {}).get(end, {}).get("properties", {}).get("provider")
        if provider is not None:
            provider["nullable"] = True


class _Request:
    def __init__(self, request: httpx.Request) -> None:
        url = urlsplit(str(request.url))
        self.host_url = f"{url.scheme}://{url.netloc}"
        self.path = url.path
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(request.url.params.multi_items())),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )


class _Response:
    def __init__(self, response: httpx.Response) -> None:
        self.data = response.content
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(dict(response.headers))


def check(response: httpx.Response) -> None:
    """Raises when the response breaks the reference; does nothing without it."""
    openapi = reference()
    if openapi is None:
        return
    try:
        openapi.validate_response(_Request(response.request), _Response(response))
    except ResponseNotFound:
        _check_error_body(response)


def _check_error_body(response: httpx.Response) -> None:
    name = ERROR_SCHEMAS.get(response.status_code)
    openapi = reference()
    if name is None or openapi is None:
        raise AssertionError(f"The reference has no {response.status_code} response for this")
    schema = (openapi.spec / "components" / "schemas" / name).read_value()
    OAS30Validator(schema).validate(json.loads(response.content))
