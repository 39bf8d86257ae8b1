"""The API tests' world: the e2e app on a fixed clock, builders on its database, and a
client that checks every response against the reference OpenAPI document."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import attrs
import httpx
import pytest
from dependency_injector.providers import Object
from litestar import Litestar
from litestar.testing import TestClient

from ecf2.domain.contracts import ActiveLeadProvider, LeadProvider
from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.builders import Builder
from tests.e2e.api.contract import check

NOW = datetime(2025, 11, 20, 10, 30, tzinfo=UTC)
TOKEN_A = "token-of-ambition-institute-0001"
TOKEN_B = "token-of-best-practice-network-02"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def app(app: Litestar, clock: FixedClock) -> Litestar:
    app.state.container.clock.override(Object(clock))
    return app


@pytest.fixture
def build(app: Litestar) -> Builder:
    return Builder(app.state.container.uow)


@attrs.define
class Api:
    """GETs with a lead provider's token; every response must match the reference."""

    client: TestClient[Any]
    token: str | None = TOKEN_A

    def get(
        self, path: str, params: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        sent = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = self.client.get(f"/api/v3{path}", params=params, headers=sent | (headers or {}))
        check(response)
        return response

    def data(self, path: str, params: dict[str, Any] | None = None) -> Any:
        response = self.get(path, params)
        assert response.status_code == 200, response.text
        return response.json()["data"]

    def as_(self, token: str | None) -> Api:
        return Api(self.client, token)


@pytest.fixture
def api(client: TestClient[Any]) -> Api:
    return Api(client)


@attrs.frozen
class Providers:
    """Lead providers A (2023 to 2025) and B (2025 only), each with a token."""

    a: LeadProvider
    b: LeadProvider
    a_years: dict[int, ActiveLeadProvider]
    b_2025: ActiveLeadProvider


@pytest.fixture
def providers(build: Builder) -> Providers:
    for year in (2023, 2024, 2025):
        build.contract_period(year)
    a, b = build.lead_provider("Ambition Institute"), build.lead_provider("Best Practice Network")
    build.token(a, TOKEN_A)
    build.token(b, TOKEN_B)
    a_years = {year: build.active_lead_provider(a, year) for year in (2023, 2024, 2025)}
    return Providers(a, b, a_years, build.active_lead_provider(b, 2025))
