"""JSON Schemas (OpenAPI 3.1) of the API's attrs attribute classes, read from their type
hints: each class becomes a named component; a field with no default is required."""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs

from ecf2.entrypoints.api.openapi.fields import string_field

_SCALARS = {int: "integer", bool: "boolean", float: "number"}


def component_ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


class Components:
    """The named schemas of one document, each class added once, however often used."""

    def __init__(self) -> None:
        self.schemas: dict[str, dict[str, Any]] = {}

    def add(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        self.schemas.setdefault(name, schema)
        return component_ref(name)

    def of_class(self, cls: type) -> dict[str, Any]:
        if cls.__name__ not in self.schemas:
            self.schemas[cls.__name__] = {}  # taken first, so a class may refer to itself
            self.schemas[cls.__name__] = self._object(cls)
        return component_ref(cls.__name__)

    def _object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        return {
            "type": "object",
            "properties": {
                field.name: self._of_hint(hints[field.name], cls.__name__, field.name)
                for field in fields
            },
            "required": [field.name for field in fields if field.default is attrs.NOTHING],
        }

    def _of_hint(self, hint: Any, owner: str, name: str) -> dict[str, Any]:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            present = [arg for arg in args if arg is not types.NoneType]
            return _nullable([self._of_hint(arg, owner, name) for arg in present])
        if origin is list:
            return {"type": "array", "items": self._of_hint(args[0], owner, name)}
        if origin is dict:
            return {"type": "object", "additionalProperties": self._of_hint(args[1], owner, name)}
        if hint is str:
            return string_field(owner, name)
        if hint in _SCALARS:
            return {"type": _SCALARS[hint]}
        if attrs.has(hint):
            return self.of_class(hint)
        raise TypeError(f"{owner}.{name}: no JSON Schema for {hint!r}")


def _nullable(choices: list[dict[str, Any]]) -> dict[str, Any]:
    """`X | None`: a plain type gains "null"; a named schema becomes "either that or null"."""
    (schema,) = choices
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    nullable = {**schema, "type": [schema["type"], "null"]}
    if "enum" in nullable:
        nullable["enum"] = [*nullable["enum"], None]
    return nullable
