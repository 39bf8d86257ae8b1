"""The POST body of a declaration (lead-provider-api-v3 §1.3, §2.3): `data.attributes`
must be an object; `data.type` is never checked and unknown attributes are dropped."""

from __future__ import annotations

import json
from typing import Any

import attrs

from ecf2.domain.payments.declaration_facts import DeclarationRequest
from ecf2.entrypoints.api.errors import BadRequest

BODY_STRUCTURE = "correct json data structure required. See API docs for reference."


@attrs.frozen
class DeclarationCreateAttributes:
    """What the body's `data.attributes` may hold; evidence_held is required for every
    type but `started` before 2025, and for every type from 2025 (§4 rule 12)."""

    participant_id: str
    declaration_type: str
    declaration_date: str
    course_identifier: str
    evidence_held: str | None = None


_ATTRIBUTES = ("participant_id", "declaration_type", "declaration_date", "course_identifier")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def text_of(value: Any) -> str | None:
    """An attribute as text: numbers as written, an empty list or object as nothing, any
    other list or object as text that names nothing (never a 500 for a wrong type)."""
    if isinstance(value, list | dict):
        return json.dumps(value) if value else None
    if isinstance(value, bool):
        return json.dumps(value)
    return _text(value)


def attributes_of(body: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(body or b"null")
    except ValueError:
        raise BadRequest(BODY_STRUCTURE) from None
    data = parsed.get("data") if isinstance(parsed, dict) else None
    attributes = data.get("attributes") if isinstance(data, dict) else None
    if not isinstance(attributes, dict):
        raise BadRequest(BODY_STRUCTURE)
    return attributes


def declaration_request(body: bytes) -> DeclarationRequest:
    attributes = attributes_of(body)
    values = {name: _text(attributes.get(name)) for name in _ATTRIBUTES}
    return DeclarationRequest(evidence_held=_text(attributes.get("evidence_held")), **values)
