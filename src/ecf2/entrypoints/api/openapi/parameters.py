"""An operation's parameters: the route's path parameters, then `filter[...]`, `page[...]`
and `sort` as the operation declares them (lead-provider-api-v3 §1.4-§1.6)."""

from __future__ import annotations

from typing import Any

from litestar.routes import HTTPRoute

from ecf2.adapters.db.queries.listing import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from ecf2.entrypoints.api.openapi.operation import Filter, Operation

PAGE = [
    {
        "name": "page[page]",
        "in": "query",
        "description": "The page to return, from 1. A page past the last is empty.",
        "schema": {"type": "integer", "minimum": 1, "default": 1},
    },
    {
        "name": "page[per_page]",
        "in": "query",
        "description": (
            f"How many records a page holds, {DEFAULT_PAGE_SIZE} unless you say; "
            f"more than {MAX_PAGE_SIZE} counts as {MAX_PAGE_SIZE}."
        ),
        "schema": {"type": "integer", "minimum": 1, "default": DEFAULT_PAGE_SIZE},
    },
]
SORT = {
    "name": "sort",
    "in": "query",
    "description": (
        "The order of the records: created_at or updated_at, a leading - for newest first. "
        "Several, comma-separated, sort by each in turn. Unless you say, oldest first."
    ),
    "schema": {"type": "string", "example": "-updated_at"},
}


def _path_parameter(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": "The record's ID.",
        "schema": {"type": "string", "format": "uuid"},
    }


def _filter(each: Filter) -> dict[str, Any]:
    parameter = {
        "name": f"filter[{each.name}]",
        "in": "query",
        "description": each.description,
        "schema": each.schema,
    }
    return parameter | ({"required": True} if each.required else {})


def parameters(route: HTTPRoute, operation: Operation) -> list[dict[str, Any]]:
    found = [_path_parameter(name) for name in route.path_parameters]
    found += [_filter(each) for each in operation.filters]
    found += PAGE if operation.paginated else []
    found += [SORT] if operation.sortable else []
    return found
