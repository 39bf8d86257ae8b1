"""The JSON Schemas the API's OpenAPI document gives its attribute classes, read from the
classes' type hints and the field vocabulary."""

from __future__ import annotations

import attrs
import pytest

from ecf2.entrypoints.api.openapi.json_schema import Components
from ecf2.entrypoints.api.openapi.operation import documented, many


@attrs.frozen
class LeafAttributes:
    reason: str
    date: str


@attrs.frozen
class SampleAttributes:
    school_id: str
    cohort: str
    created_at: str
    induction_end_date: str | None
    count: int
    paid: bool
    leaf: LeafAttributes | None
    cohorts: list[str]
    training_status: str
    evidence_held: str | None = None


@pytest.fixture
def schemas() -> dict:
    components = Components()
    assert components.of_class(SampleAttributes) == {
        "$ref": "#/components/schemas/SampleAttributes"
    }
    return components.schemas


def test_fields_without_a_default_are_required(schemas):
    required = schemas["SampleAttributes"]["required"]
    assert "evidence_held" not in required
    assert required[:3] == ["school_id", "cohort", "created_at"]


def test_names_say_what_strings_hold(schemas):
    fields = schemas["SampleAttributes"]["properties"]
    assert fields["school_id"] == {"type": "string", "format": "uuid"}
    assert fields["created_at"]["format"] == "date-time"
    assert fields["cohort"]["pattern"] == r"^\d{4}$"
    assert fields["cohorts"] == {"type": "array", "items": {"type": "string"}}
    assert fields["training_status"]["enum"] == ["active", "withdrawn", "deferred"]


def test_optional_values_may_be_null(schemas):
    fields = schemas["SampleAttributes"]["properties"]
    assert fields["induction_end_date"] == {"type": ["string", "null"], "format": "date"}
    assert None in fields["evidence_held"]["enum"]
    assert fields["leaf"] == {
        "anyOf": [{"$ref": "#/components/schemas/LeafAttributes"}, {"type": "null"}]
    }


def test_nested_classes_become_components_of_their_own(schemas):
    assert schemas["LeafAttributes"]["properties"]["reason"] == {"type": "string"}
    assert schemas["SampleAttributes"]["properties"]["count"] == {"type": "integer"}
    assert schemas["SampleAttributes"]["properties"]["paid"] == {"type": "boolean"}


def test_a_type_without_a_schema_is_refused():
    @attrs.frozen
    class Unknown:
        when: complex

    with pytest.raises(TypeError, match=r"Unknown\.when"):
        Components().of_class(Unknown)


def test_an_operation_is_declared_in_the_route_options():
    options = documented(summary="Retrieve samples", returns=many(SampleAttributes, "sample"))
    operation = options["openapi"]
    assert operation.returns.many
    assert not operation.may_refuse
