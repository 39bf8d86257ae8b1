"""At most N requests in five minutes per Authorization header (lead-provider-api-v3 §1.8,
scenario 47, here with N = 3), and no time travel unless the setting allows it (§1.9)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from litestar import Litestar

from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.conftest import TOKEN_A, TOKEN_B, Api, Providers
from tests.e2e.api.sandbox_app import app_with


@pytest.fixture
def app(database_url: str, clock: FixedClock) -> Iterator[Litestar]:
    yield from app_with(database_url, clock, ECF2_API_RATE_LIMIT="3", ECF2_TIME_TRAVEL="false")


def test_the_request_beyond_the_limit_is_refused_with_429(api: Api, providers: Providers):
    for _ in range(3):
        assert api.client.get("/api/v3/statements", headers=_bearer()).status_code == 200
    refused = api.client.get("/api/v3/statements", headers=_bearer())
    assert refused.status_code == 429
    assert refused.headers["content-type"].startswith("text/plain")
    assert refused.text


def test_each_authorization_header_has_its_own_count(api: Api, providers: Providers):
    for _ in range(3):
        api.client.get("/api/v3/statements", headers=_bearer())
    assert api.as_(TOKEN_B).get("/statements").status_code == 200


def test_the_count_starts_again_after_five_minutes(
    api: Api, providers: Providers, clock: FixedClock
):
    for _ in range(4):
        api.client.get("/api/v3/statements", headers=_bearer())
    clock.advance(timedelta(minutes=5))
    assert api.client.get("/api/v3/statements", headers=_bearer()).status_code == 200


def test_the_server_date_header_is_ignored_without_time_travel(api: Api, providers: Providers):
    response = api.get("/statements", headers={"X-With-Server-Date": "not a date"})
    assert response.status_code == 200


def _bearer() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN_A}"}
