"""The API's envelope and wire formats (lead-provider-api-v3 §1.3): `{"data": resource}` or
`{"data": [resources]}`, keys in the order the attribute classes define them, datetimes in
UTC to the second with `Z`, dates as YYYY-MM-DD, years and URNs as strings."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, Generic, TypeVar

import attrs
import msgspec
from litestar import Response

JSON = "application/json; charset=utf-8"
A = TypeVar("A")
# Litestar's own encoder sorts keys; the API keeps the order the attributes are defined in.
_encoder = msgspec.json.Encoder()


@attrs.frozen
class Resource(Generic[A]):
    id: str
    type: str
    attributes: A


def api_datetime(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def api_optional_datetime(value: datetime | None) -> str | None:
    return None if value is None else api_datetime(value)


def api_date(value: date) -> str:
    return value.isoformat()


def api_optional_date(value: date | None) -> str | None:
    return None if value is None else api_date(value)


def api_uuid(value: uuid.UUID) -> str:
    return str(value)


def api_optional_uuid(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def json_response(body: Any, *, status_code: int = 200) -> Response[bytes]:
    return Response(_encoder.encode(body), media_type=JSON, status_code=status_code)


def document(data: Resource[Any] | Sequence[Resource[Any]]) -> Response[bytes]:
    """The success envelope: no meta, links or counts (§1.3)."""
    if isinstance(data, Resource):
        return json_response({"data": attrs.asdict(data)})
    return json_response({"data": [attrs.asdict(resource) for resource in data]})
