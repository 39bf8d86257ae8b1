"""A sandbox declaration dated after today is accepted when `X-With-Server-Date` puts the
request later still (lead-provider-api-v3 §1.9, §4 rule 8; scenario 23)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from litestar import Litestar
from sqlalchemy import update

from ecf2.adapters.db.contracts_rows import ContractPeriodRow
from ecf2.domain.shared.clock import FixedClock
from tests.e2e.api.builders import Builder
from tests.e2e.api.conftest import Api, Providers
from tests.e2e.api.declaration_world import DeclarationWorld, declaration_world
from tests.e2e.api.sandbox_app import app_with
from tests.e2e.api.test_declaration_recording import SIMPLE, declare, execute


@pytest.fixture
def app(database_url: str, clock: FixedClock) -> Iterator[Litestar]:
    yield from app_with(database_url, clock, ECF2_TIME_TRAVEL="true")


@pytest.fixture
def world(app: Litestar, build: Builder, providers: Providers) -> DeclarationWorld:
    made = declaration_world(app, build, providers)
    flags = {"detailed_evidence_types_enabled": True}
    execute(made, update(ContractPeriodRow).where(ContractPeriodRow.year == 2025).values(flags))
    return made


def test_tomorrows_declaration_is_accepted_two_days_ahead(
    api: Api, world: DeclarationWorld
) -> None:
    teacher, tomorrow = world.ect(2025), "2025-11-21T10:00:00Z"
    later = {"X-With-Server-Date": "2025-11-22T10:00:00Z"}

    today = declare(api, teacher, "started", tomorrow, evidence_held=SIMPLE)
    ahead = declare(api, teacher, "started", tomorrow, headers=later, evidence_held=SIMPLE)

    assert today.status_code == 422
    assert ahead.status_code == 200, ahead.text
    assert ahead.json()["data"]["attributes"]["declaration_date"] == tomorrow
