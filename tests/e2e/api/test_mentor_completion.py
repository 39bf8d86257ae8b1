"""A mentor's completed declaration ends their funded training, and voiding it undoes that
(lead-provider-api-v3 §3.6), seen through the participant the API shows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from ecf2.adapters.db.events import EventRow
from ecf2.adapters.db.participants_teacher_rows import MentorAtSchoolPeriodRow
from tests.e2e.api.conftest import Api
from tests.e2e.api.declaration_world import DeclarationWorld
from tests.e2e.api.test_declaration_recording import (
    ENGAGED,
    accepted,
    declare,
    eligible,
    execute,
)
from tests.e2e.api.test_declaration_recording import world as recording_world
from tests.e2e.api.test_declaration_voids import void

world = recording_world


def mentor_enrolment(api: Api, teacher: object) -> dict[str, object]:
    return api.data(f"/participants/{teacher.api_id}")["attributes"]["ecf_enrolments"][0]


@pytest.fixture
def mentor(world: DeclarationWorld):
    world.build.statement(world.contracts[2025], 2025, 12)
    teacher = world.mentor(2025)
    eligible(world, teacher)
    # The reference requires an email for every enrolment the API shows.
    execute(
        world,
        update(MentorAtSchoolPeriodRow)
        .where(MentorAtSchoolPeriodRow.teacher_id == teacher.id)
        .values(email="max.mentor@example.com"),
    )
    return teacher


def test_a_completed_declaration_ends_a_mentors_funded_training_until_voided(
    api: Api, world: DeclarationWorld, mentor
) -> None:
    declared = accepted(
        declare(
            api, mentor, "completed", "2025-11-03T10:00:00Z", "ecf-mentor", evidence_held=ENGAGED
        )
    )
    shown = mentor_enrolment(api, mentor)
    assert shown["mentor_funding_end_date"] == "2025-11-03"
    assert shown["mentor_ineligible_for_funding_reason"] == "completed_declaration_received"
    assert shown["participant_status"] == "active"
    with world.uow() as uow:
        (training,) = uow.teachers.get(mentor.id).training_periods()
        assert training.finished_on == date(2025, 11, 3)
        kinds = list(uow.session.scalars(select(EventRow.event_type)))
    assert "mentor_completion_status_change" in kinds

    assert void(api, declared["id"]).status_code == 200
    shown = mentor_enrolment(api, mentor)
    assert shown["mentor_funding_end_date"] is None
    assert shown["mentor_ineligible_for_funding_reason"] is None
    with world.uow() as uow:
        periods = sorted(
            uow.teachers.get(mentor.id).training_periods(), key=lambda tp: tp.started_on
        )
    # The ended training carries on from the day after it ended.
    assert [(tp.started_on, tp.finished_on) for tp in periods] == [
        (date(2025, 9, 1), date(2025, 11, 3)),
        (date(2025, 11, 4), None),
    ]


def test_an_ects_completed_declaration_changes_nothing_for_mentoring(
    api: Api, world: DeclarationWorld
) -> None:
    world.build.statement(world.contracts[2025], 2025, 12)
    ect = world.ect(2025)
    eligible(world, ect)
    accepted(
        declare(api, ect, "completed", "2025-11-03T10:00:00Z", evidence_held="one-term-induction")
    )
    with world.uow() as uow:
        teacher = uow.teachers.get(ect.id)
        assert teacher.mentor_became_ineligible_for_funding_on is None
        assert teacher.training_periods()[0].finished_on is None
