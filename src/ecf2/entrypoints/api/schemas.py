"""The API's envelope and wire formats (lead-provider-api-v3 §1.3): `{"data": resource}` or
`{"data": [resources]}`, keys in the order the attribute classes define them, datetimes in
UTC to the second with `Z`, dates as YYYY-MM-DD, years and URNs as strings."""

from __future__ import annotations

import types
import typing
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import cache
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
        return json_response({"data": _plain(data)})
    return json_response({"data": [_plain(resource) for resource in data]})


_JSON_NATIVE = (str, int, bool, float, types.NoneType)


def _is_json_native(hint: Any) -> bool:
    """A field typed with these alone (or lists, dicts and unions of them) is encoded as is."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType, list, dict):
        return all(_is_json_native(arg) for arg in args)
    return hint in _JSON_NATIVE


@cache
def _fields(cls: type) -> tuple[tuple[str, bool], ...] | None:
    """An attrs class's field names in definition order, each with whether it is native."""
    if not attrs.has(cls):
        return None
    hints = typing.get_type_hints(cls)
    return tuple((field.name, _is_json_native(hints[field.name])) for field in attrs.fields(cls))


def _plain(value: Any) -> Any:
    """What `attrs.asdict` gives, without visiting the fields whose type says they are
    already plain: a page of 3000 participants is about 200,000 values."""
    fields = _fields(type(value))
    if fields is not None:
        return {
            name: getattr(value, name) if native else _plain(getattr(value, name))
            for name, native in fields
        }
    if isinstance(value, list | tuple):
        return [_plain(each) for each in value]
    if isinstance(value, dict):
        return {key: _plain(each) for key, each in value.items()}
    return value
