"""Every web page handler says what it answers: Litestar serves a handler typed `Any` as
JSON, templates included, which a browser shows as text."""

from __future__ import annotations

from typing import Any

from ecf2.entrypoints.app import create_app
from ecf2.settings import Settings


def _web_handlers() -> list[Any]:
    app = create_app_without_database()
    return [
        handler
        for route in app.routes
        if not route.path.startswith(("/api", "/static", "/assets"))
        for handler in getattr(route, "route_handlers", [])
    ]


def create_app_without_database() -> Any:
    from ecf2.container import build_container

    return create_app(build_container(Settings.from_environment({})))


def test_no_page_handler_is_typed_any() -> None:
    untyped = [
        f"{handler.handler_name} ({', '.join(sorted(handler.paths))})"
        for handler in _web_handlers()
        if handler.parsed_fn_signature.return_type.annotation is Any
    ]
    assert not untyped
