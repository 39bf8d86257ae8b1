"""The OpenAPI document of the routes an app serves under /api/v3: every handler there
that carries an `Operation` (see operation.py) becomes one operation of the document."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from litestar.handlers import HTTPRouteHandler
from litestar.routes import HTTPRoute

from ecf2.entrypoints.api.openapi.json_schema import Components
from ecf2.entrypoints.api.openapi.operation import OPT_KEY, Operation, Returns
from ecf2.entrypoints.api.openapi.parameters import parameters
from ecf2.entrypoints.api.openapi.responses import ERROR_SCHEMAS, responses

PREFIX = "/api/v3"
_METHODS = ["get", "post", "put", "patch", "delete"]
INFO = {
    "title": "Lead Provider API",
    "version": "v3",
    "description": (
        "Lead providers use this API to see the early career teachers and mentors they "
        "train, their schools, partnerships and statements, and to make declarations. "
        "Guidance: /api/guidance."
    ),
}


def documented_handlers(
    routes: Iterable[Any],
) -> Iterable[tuple[HTTPRoute, str, HTTPRouteHandler, Operation | None]]:
    """(route, method, handler, its operation or None) for every API operation served."""
    for route in routes:
        if not isinstance(route, HTTPRoute) or not route.path.startswith(PREFIX + "/"):
            continue
        for handler in route.route_handlers:
            if not handler.include_in_schema:
                continue
            for method in sorted(handler.http_methods - {"OPTIONS", "HEAD"}):
                yield route, method.lower(), handler, handler.opt.get(OPT_KEY)


def openapi_document(routes: Iterable[Any]) -> dict[str, Any]:
    components = Components()
    components.schemas.update(ERROR_SCHEMAS)
    paths: dict[str, dict[str, Any]] = {}
    for route, method, _handler, operation in documented_handlers(routes):
        if operation is not None:
            entry = _operation(route, method, operation, components)
            paths.setdefault(route.path_format, {})[method] = entry
    in_order = {
        path: dict(sorted(methods.items(), key=lambda item: _METHODS.index(item[0])))
        for path, methods in sorted(paths.items())
    }
    return {
        "openapi": "3.1.0",
        "info": INFO,
        "security": [{"bearerAuth": []}],
        "paths": in_order,
        "components": {
            "schemas": components.schemas,
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The API token DfE gave your organisation.",
                }
            },
        },
    }


def _operation(
    route: HTTPRoute, method: str, operation: Operation, components: Components
) -> dict[str, Any]:
    path = route.path_format
    entry: dict[str, Any] = {
        "operationId": _operation_id(method, path, operation.returns.many),
        "summary": operation.summary,
        "tags": [_tag(path)],
    }
    if operation.description:
        entry["description"] = operation.description
    entry["parameters"] = parameters(route, operation)
    if operation.body is not None:
        entry["requestBody"] = _request_body(operation, components)
    success = _envelope(operation.returns, components)
    entry["responses"] = responses(operation, success, has_id=bool(route.path_parameters))
    return entry


def _resource(returns: Returns, components: Components) -> dict[str, Any]:
    name = returns.attributes.__name__.removesuffix("Attributes")
    resource = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "type": {"type": "string", "enum": [returns.type]},
            "attributes": components.of_class(returns.attributes),
        },
        "required": ["id", "type", "attributes"],
    }
    return components.add(name, resource)


def _envelope(returns: Returns, components: Components) -> dict[str, Any]:
    resource = _resource(returns, components)
    name = returns.attributes.__name__.removesuffix("Attributes")
    if returns.many:
        data: dict[str, Any] = {"type": "array", "items": resource}
        name = f"{name}sResponse" if not name.endswith("s") else f"{name}esResponse"
    else:
        data, name = resource, f"{name}Response"
    envelope = {"type": "object", "properties": {"data": data}, "required": ["data"]}
    return components.add(name, envelope)


def _request_body(operation: Operation, components: Components) -> dict[str, Any]:
    assert operation.body is not None
    name = operation.body.__name__.removesuffix("Attributes") + "Request"
    data = {
        "type": "object",
        "properties": {
            "type": {"type": "string", "example": operation.returns.type},
            "attributes": components.of_class(operation.body),
        },
        "required": ["attributes"],
    }
    request = {"type": "object", "properties": {"data": data}, "required": ["data"]}
    schema = components.add(name, request)
    return {"required": True, "content": {"application/json": {"schema": schema}}}


# The last part of these paths is what is done to the resource before it.
ACTIONS = frozenset({"void", "withdraw", "defer", "resume", "change-schedule"})
VERBS = {"get": "get", "post": "create", "put": "update"}


def _camel(words: str) -> str:
    return "".join(word.capitalize() for word in words.split("-"))


def _operation_id(method: str, path: str, many: bool) -> str:
    """As lead providers' generated clients know them: getParticipants, getParticipant,
    withdrawParticipant, createDeclaration and so on."""
    parts = [part for part in path.removeprefix(PREFIX).split("/") if part]
    action = parts[-1] if parts[-1] in ACTIONS else None
    nouns = [part for part in parts if not part.startswith("{") and part not in ACTIONS]
    plural = _camel(nouns[-1].removeprefix("participant-"))
    singular = plural.removesuffix("s")
    if action is not None:
        verb, noun = action, singular
    else:
        verb, noun = VERBS[method], plural if many else singular
    head = _camel(verb)
    return head[0].lower() + head[1:] + noun


def _tag(path: str) -> str:
    first = path.removeprefix(PREFIX + "/").split("/")[0]
    return first.replace("-", " ").capitalize()
