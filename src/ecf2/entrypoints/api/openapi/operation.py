"""How a handler of the API describes itself for the OpenAPI document: pass
`opt=documented(...)` to its route decorator. The path, method and path parameters come
from the route itself; the statuses follow from what the operation does."""

from __future__ import annotations

from typing import Any

import attrs

OPT_KEY = "openapi"


@attrs.frozen
class Filter:
    """One `filter[name]` query parameter (lead-provider-api-v3 §1.5)."""

    name: str
    description: str
    schema: dict[str, Any] = attrs.field(factory=lambda: {"type": "string"})
    required: bool = False


@attrs.frozen
class Returns:
    """The `{"data": ...}` the operation answers with: resources of `type`, whose
    attributes are the attrs class `attributes`."""

    attributes: type
    type: str
    many: bool = False


def one(attributes: type, type_: str) -> Returns:
    return Returns(attributes, type_)


def many(attributes: type, type_: str) -> Returns:
    return Returns(attributes, type_, many=True)


@attrs.frozen
class Operation:
    summary: str
    returns: Returns
    description: str = ""
    filters: tuple[Filter, ...] = ()
    paginated: bool = False
    sortable: bool = False
    # The attrs class of the body's `data.attributes`, if the operation takes a body.
    body: type | None = None
    # True if it may refuse with 422 though it takes no body (a void, say).
    refuses: bool = False
    status: int = 200

    @property
    def may_refuse(self) -> bool:
        return self.refuses or self.body is not None


def documented(**operation: Any) -> dict[str, Operation]:
    """`@get(..., opt=documented(summary=..., returns=many(...), ...))`."""
    return {OPT_KEY: Operation(**operation)}


# Filters several resources share.
COHORT = Filter(
    "cohort",
    "Only records for these cohorts: one year or a comma-separated list, like 2024,2025.",
    {"type": "string", "example": "2025"},
)
UPDATED_SINCE = Filter(
    "updated_since",
    "Only records updated at or after this date and time (ISO 8601, such as "
    "2025-01-31T00:00:00Z; write a + in an offset as %2B).",
    {"type": "string", "format": "date-time"},
)
DELIVERY_PARTNER_IDS = Filter(
    "delivery_partner_id",
    "Only records for these delivery partners: one ID or a comma-separated list.",
)
