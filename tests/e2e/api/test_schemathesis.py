"""Schemathesis over every operation of our own OpenAPI document, in-process on the demo
data with a demo lead provider's token: no request, however odd, gets a server error, and
every response is one the document describes.

Bounded for CI: a fixed seed, a few valid and a few invalid requests per operation. Writes
stay harmless: generated IDs are random UUIDs, so a declaration or a void names nothing in
the demo and is refused without changing anything."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from litestar import Litestar
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from ecf2.container import build_container
from ecf2.entrypoints.api.openapi.document import openapi_document
from ecf2.entrypoints.app import create_app
from ecf2.entrypoints.demo.providers import DEMO_TOKENS
from ecf2.settings import Settings
from tests.e2e.web.demo_site import (
    demo_database_url,  # noqa: F401 (fixture)
)

AUTHORISED = {"Authorization": f"Bearer {DEMO_TOKENS['Ambition Institute']}"}
# More for a deeper search by hand: ECF2_FUZZ_EXAMPLES=200.
EXAMPLES = settings(
    max_examples=int(os.environ.get("ECF2_FUZZ_EXAMPLES", "15")),
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _app(database_url: str) -> Litestar:
    # Every example counts towards one token's rate limit, on a clock that stands still.
    environment = {"ECF2_DATABASE_URL": database_url, "ECF2_API_RATE_LIMIT": "1000000"}
    return create_app(build_container(Settings.from_environment(environment)))


def _operations() -> list[tuple[str, str]]:
    paths = openapi_document(_app("sqlite://").routes)["paths"]
    return [(method.upper(), path) for path, methods in paths.items() for method in methods]


@pytest.fixture(scope="module")
def fuzzed_app(demo_database_url: str) -> Iterator[Litestar]:  # noqa: F811
    app = _app(demo_database_url)
    yield app
    app.state.container.engine().dispose()


@pytest.fixture(scope="module")
def api_schema(fuzzed_app: Litestar) -> Any:
    return schemathesis.openapi.from_asgi("/api/v3/openapi.json", fuzzed_app)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), _operations())
def test_every_operation_answers_as_documented(api_schema, method, path, mode):
    operation = api_schema[path][method]

    @EXAMPLES
    @given(case=operation.as_strategy(generation_mode=mode))
    def answers_as_documented(case: Any) -> None:
        case.call_and_validate(headers=AUTHORISED, checks=CHECKS)

    answers_as_documented()
