"""Sandbox time travel: `X-With-Server-Date` runs one request at another instant
(lead-provider-api-v3 §1.9), leaving every other request on the service's clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from litestar import Litestar

from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.builders import Builder, at
from tests.e2e.api.conftest import NOW, Api, Providers
from tests.e2e.api.sandbox_app import app_with


@pytest.fixture
def app(database_url: str, clock: FixedClock) -> Iterator[Litestar]:
    yield from app_with(database_url, clock, ECF2_TIME_TRAVEL="true")


@pytest.fixture
def partnership_id(build: Builder, providers: Providers) -> str:
    school = build.school("Oak Primary")
    partner = build.delivery_partner("Alpha", created_at=at(date(2023, 1, 1)))
    link = build.works_with(providers.a_years[2025], partner)
    partnership = build.partnership(school, link, created_at=at(date(2025, 6, 1)))
    schedule = build.schedule(2025)
    build.ect(school, date(2025, 12, 1), partnership=partnership, schedule=schedule)
    return str(partnership.api_id)


def training_on(api: Api, partnership_id: str, server_date: str | None = None) -> int:
    headers = {} if server_date is None else {"X-With-Server-Date": server_date}
    response = api.get(f"/partnerships/{partnership_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["data"]["attributes"]["participants_currently_training"]


def test_a_request_with_a_server_date_runs_at_that_instant(api: Api, partnership_id: str):
    # The ECT starts on 1 December 2025; the service's today is 20 November.
    assert training_on(api, partnership_id) == 0
    assert training_on(api, partnership_id, "2025-12-02T09:00:00Z") == 1
    assert training_on(api, partnership_id, "2025-12-02T09:00:00+01:00") == 1


def test_the_services_clock_is_not_moved(api: Api, app: Litestar, partnership_id: str):
    training_on(api, partnership_id, "2026-01-10T09:00:00Z")
    assert app.state.container.clock().now() == NOW
    assert training_on(api, partnership_id) == 0


@pytest.mark.parametrize("value", ["tomorrow", "2025-12-02", "2025-12-02T09:00:00"])
def test_a_malformed_server_date_is_a_bad_request(api: Api, providers: Providers, value: str):
    response = api.get("/statements", headers={"X-With-Server-Date": value})
    assert response.status_code == 400
    assert response.json()["errors"][0]["title"] == "Bad request"
