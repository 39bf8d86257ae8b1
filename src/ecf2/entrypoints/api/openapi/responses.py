"""An operation's responses: its success, then the errors every API response may be
(lead-provider-api-v3 §1.7): 400, 401 and 429 always, 404 where a path names a record,
422 where the operation may refuse."""

from __future__ import annotations

from typing import Any

from ecf2.entrypoints.api.openapi.json_schema import component_ref
from ecf2.entrypoints.api.openapi.operation import Operation

ERROR_SCHEMAS: dict[str, dict[str, Any]] = {
    "ErrorsResponse": {
        "type": "object",
        "properties": {
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "title": {"type": "string", "example": "participant_id"},
                        "detail": {"type": "string"},
                    },
                    "required": ["title", "detail"],
                },
            }
        },
        "required": ["errors"],
    },
    "UnauthorisedResponse": {
        "type": "object",
        "properties": {"error": {"type": "string", "example": "HTTP Token: Access denied"}},
        "required": ["error"],
    },
}


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(description: str) -> dict[str, Any]:
    return _json(description, component_ref("ErrorsResponse"))


BAD_REQUEST = _errors(
    "The request is malformed: a body without data.attributes, a filter that is not a "
    "set of filters, a required filter missing, a page that is not a positive number or "
    "an updated_since that is not an ISO 8601 date and time."
)
UNAUTHORISED = _json(
    "The token is missing, unknown or revoked.", component_ref("UnauthorisedResponse")
)
NOT_FOUND = _errors("Nothing with this ID is visible to you.")
UNPROCESSABLE = _errors("Refused: one error for each reason, titled with the field it is about.")
TOO_MANY_REQUESTS = {
    "description": "More than 1,000 requests with this token in 5 minutes.",
    "content": {"text/plain": {"schema": {"type": "string"}}},
}


def responses(operation: Operation, success: dict[str, Any], *, has_id: bool) -> dict[str, Any]:
    found: dict[str, Any] = {
        str(operation.status): _json(operation.summary, success),
        "400": BAD_REQUEST,
        "401": UNAUTHORISED,
    }
    if has_id:
        found["404"] = NOT_FOUND
    if operation.may_refuse:
        found["422"] = UNPROCESSABLE
    found["429"] = TOO_MANY_REQUESTS
    return found
