"""What one POST /participant-declarations costs the database from a client already at
work (its token's holder was looked up by its request before): the participant's facts in
two statements, the declaration and its event, and the answer read back. A count, not a
timing, so it keeps the lead provider API benchmark's gains."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, insert

from ecf2.adapters.db.participants_teacher_rows import MentorshipPeriodRow
from ecf2.domain.participants import Teacher
from tests.e2e.api.conftest import Api, Providers
from tests.e2e.api.declaration_world import DeclarationWorld, declaration_world
from tests.e2e.api.test_declaration_recording import accepted, declare, eligible, execute

STATEMENTS_PER_DECLARATION = 5


@pytest.fixture
def world(app, build, providers: Providers) -> DeclarationWorld:
    return declaration_world(app, build, providers)


@pytest.fixture
def statements(app) -> Iterator[list[str]]:
    issued: list[str] = []
    engine = app.state.container.engine()

    def seen(_connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        issued.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    yield issued
    event.remove(engine, "before_cursor_execute", seen)


def mentored(
    world: DeclarationWorld, ect: Teacher, mentor: Teacher, started_on: date, **more: Any
) -> None:
    execute(
        world,
        insert(MentorshipPeriodRow).values(
            ect_at_school_period_id=ect.ect_at_school_periods[0].id,
            mentor_at_school_period_id=mentor.mentor_at_school_periods[0].id,
            started_on=started_on,
            **more,
        ),
    )


def test_recording_a_declaration_runs_five_sql_statements(
    api: Api, world: DeclarationWorld, statements: list[str]
) -> None:
    world.build.statement(world.contracts[2024], 2025, 12)
    teacher = world.ect(2024)
    eligible(world, teacher)
    earlier, nearer = world.mentor(2024), world.mentor(2024)
    mentored(world, teacher, earlier, date(2024, 9, 1), finished_on=date(2024, 9, 20))
    mentored(world, teacher, nearer, date(2024, 10, 3))
    api.get("/statements")  # looks the token up, and notes its first use
    statements.clear()

    made = accepted(declare(api, teacher, "started", "2024-10-01T10:00:00Z"))

    assert made["attributes"]["state"] == "eligible"
    # The ECT's mentor is the one whose mentorship started nearest the declaration (§2.3).
    assert made["attributes"]["mentor_id"] == str(nearer.api_id)
    assert len(statements) == STATEMENTS_PER_DECLARATION, statements
