"""`ecf2 seed benchmark` at a tiny scale, so the benchmarks' data keeps in step with the
schema: the lead provider's token sees its participants and can declare for one."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy import text

from ecf2.entrypoints.benchmark_data import TOKENS
from ecf2.entrypoints.cli import main

HEADERS = {"Authorization": f"Bearer {TOKENS[0]}"}


@pytest.fixture
def seeded(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ECF2_DATABASE_URL", database_url)
    arguments = ["seed", "benchmark", "--teachers", "60", "--large-school-ects", "6", "--yes"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert "60 teachers at 2 schools" in result.output
    return database_url


def _count(app: Any, sql: str) -> int:
    with app.state.container.engine().connect() as connection:
        return int(connection.scalar(text(sql)))


def test_the_seeded_teachers_are_visible_to_their_lead_provider(seeded, client, app):
    assert _count(app, "SELECT count(*) FROM teachers") == 60
    assert _count(app, "SELECT count(*) FROM mentorship_periods") > 0
    response = client.get("/api/v3/participants", params={"page[per_page]": 100}, headers=HEADERS)
    assert response.status_code == 200, response.text
    enrolments = [e for p in response.json()["data"] for e in p["attributes"]["ecf_enrolments"]]
    # Provider A trains the large school (9 teachers) and every other school after it.
    assert len(enrolments) == 9
    assert {e["participant_type"] for e in enrolments} == {"ect", "mentor"}


def test_a_participant_without_declarations_can_be_declared_for(
    seeded, client: TestClient[Any], app
):
    participant = client.get("/api/v3/participants", headers=HEADERS).json()["data"][0]
    assert participant["attributes"]["ecf_enrolments"][0]["participant_type"] == "ect"
    attributes = {
        "participant_id": participant["id"],
        "declaration_type": "started",
        "declaration_date": "2025-10-01T10:00:00Z",
        "course_identifier": "ecf-induction",
        "evidence_held": "training-event-attended",
    }
    response = client.post(
        "/api/v3/participant-declarations",
        json={"data": {"type": "participant-declaration", "attributes": attributes}},
        headers=HEADERS,
    )
    assert response.status_code == 200, response.text
