"""PUT change-schedule (lead-provider-api-v3 §2.1, §3.7; acceptance scenarios 16-19): the
schedule, the cohort and the participant checked in that order, then training changed in
place or ended yesterday and started again today."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update

from ecf2.adapters.db.participants_teacher_rows import TeacherRow
from ecf2.domain.payments.declarations import Declaration
from tests.e2e.api.action_world import (
    SEPTEMBER_2025,
    TODAY,
    ActionWorld,
    action_world,
    body,
    days_ago,
    errors,
    put,
    titles,
)
from tests.e2e.api.builders import Builder
from tests.e2e.api.conftest import NOW, Api, Providers

YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
def world(app, build: Builder, providers: Providers) -> ActionWorld:
    return action_world(app, build, providers)


def change(api: Api, teacher: Any, **attributes: Any) -> Any:
    attributes.setdefault("course_identifier", "ecf-induction")
    return put(api, f"/participants/{teacher.api_id}/change-schedule", body(**attributes))


def enrolment(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    return response.json()["data"]["attributes"]["ecf_enrolments"][0]


def refused(response: Any, title: str, words: str) -> None:
    assert response.status_code == 422, response.text
    assert titles(response) == [title]
    assert words in errors(response)[0][1], errors(response)


# Scenario 16: the schedule asked for.


def test_a_schedule_that_is_current_unknown_or_wrong_for_the_role_is_refused(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect(started_on=days_ago(30))
    refused(
        change(api, ect, schedule_identifier="ecf-standard-september"),
        "schedule_identifier",
        "already on",
    )
    refused(change(api, ect, schedule_identifier="ecf-foo"), "schedule_identifier", "valid")
    refused(change(api, ect, schedule_identifier=""), "schedule_identifier", "must be present")
    refused(
        change(api, ect, schedule_identifier="ecf-replacement-january"),
        "schedule_identifier",
        "not valid for the '#/course_identifier'",
    )
    # Known, but not in the participant's cohort.
    refused(
        change(api, ect, schedule_identifier="ecf-reduced-april"),
        "schedule_identifier",
        "must be present",
    )

    mentor = world.mentor(started_on=days_ago(30))
    refused(
        change(
            api, mentor, schedule_identifier="ecf-reduced-september", course_identifier="ecf-mentor"
        ),
        "schedule_identifier",
        "reduced",
    )
    assert world.teacher(ect).training_periods()[0].schedule_id == world.schedule(2025).id


# Scenario 17: the cohort.


def test_a_cohort_without_a_partnership_at_the_school_is_refused(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect("elm_2024", started_on=date(2024, 9, 2))
    response = change(api, ect, schedule_identifier="ecf-standard-september", cohort="2025")
    refused(response, "cohort", "contract_period")


def test_a_frozen_cohort_the_participant_never_belonged_to_is_refused(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect(started_on=days_ago(30))
    response = change(api, ect, schedule_identifier="ecf-standard-september", cohort="2022")
    refused(response, "cohort", "frozen")


def test_a_new_schedule_within_a_frozen_cohort_is_refused(api: Api, world: ActionWorld) -> None:
    """§2.1 step 4 looks at the target cohort whether or not it changes."""
    ect = world.ect("oak_2022", started_on=date(2022, 9, 1))
    response = change(api, ect, schedule_identifier="ecf-extended-september")
    refused(response, "cohort", "frozen")


def test_leaving_a_frozen_cohort_is_remembered_and_returning_forgets_it(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect("oak_2022", started_on=date(2022, 9, 1))
    moved = enrolment(change(api, ect, schedule_identifier="ecf-standard-september", cohort="2025"))
    assert (moved["cohort"], moved["cohort_changed_after_payments_frozen"]) == ("2025", True)
    assert world.teacher(ect).ect_payments_frozen_year == 2022

    back = enrolment(change(api, ect, schedule_identifier="ecf-standard-september", cohort="2022"))
    assert (back["cohort"], back["cohort_changed_after_payments_frozen"]) == ("2022", False)


def test_a_cohort_change_finds_the_same_delivery_partner_in_the_new_year(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect(started_on=days_ago(30))
    moved = enrolment(change(api, ect, schedule_identifier="ecf-extended-september", cohort="2024"))
    assert (moved["cohort"], moved["schedule_identifier"]) == ("2024", "ecf-extended-september")
    latest = max(world.teacher(ect).training_periods(), key=lambda tp: tp.started_on)
    assert latest.school_partnership_id == world.partnerships["oak_2024"].id


def test_an_expression_of_interest_moves_with_training_changed_in_place(
    api: Api, world: ActionWorld, providers: Providers
) -> None:
    """Training yet to start changes cohort where it stands; the school's expression of
    interest in the lead provider follows it to the new cohort, as the reference does."""
    ect = world.ect(started_on=TODAY, expression_of_interest_id=providers.a_years[2025].id)

    enrolment(change(api, ect, schedule_identifier="ecf-extended-september", cohort="2024"))

    (training,) = world.teacher(ect).training_periods()
    assert training.school_partnership_id == world.partnerships["oak_2024"].id
    assert training.expression_of_interest_id == providers.a_years[2024].id


@pytest.mark.parametrize("cohort", ["1999", "99999999999999999999"])
def test_an_unknown_cohort_means_the_current_one(api: Api, world: ActionWorld, cohort) -> None:
    ect = world.ect(started_on=days_ago(30))
    moved = enrolment(change(api, ect, schedule_identifier="ecf-standard-january", cohort=cohort))
    assert (moved["cohort"], moved["schedule_identifier"]) == ("2025", "ecf-standard-january")


# Scenario 18: the participant.


def test_a_participant_who_has_left_cannot_change_schedule(api: Api, world: ActionWorld) -> None:
    ect = world.ect(
        started_on=days_ago(60),
        finished_on=YESTERDAY,
        withdrawn_at=NOW - timedelta(days=1),
        withdrawal_reason="other",
    )
    refused(change(api, ect, schedule_identifier="ecf-standard-january"), "participant_id", "left")


def test_a_completed_ect_moves_only_to_a_reduced_schedule_in_place(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect(started_on=days_ago(60))
    world.people.induction(ect, started_on=SEPTEMBER_2025, finished_on=days_ago(5), outcome="pass")
    extended = change(api, ect, schedule_identifier="ecf-extended-september")
    refused(extended, "participant_id", "completed")

    reduced = enrolment(change(api, ect, schedule_identifier="ecf-reduced-september"))
    assert reduced["schedule_identifier"] == "ecf-reduced-september"
    (training,) = world.teacher(ect).training_periods()
    assert (training.started_on, training.finished_on) == (days_ago(60), None)
    assert training.schedule_id == world.schedule(2025, "ecf-reduced-september").id


def test_a_completion_only_trs_knows_of_does_not_stop_a_schedule_change(
    api: Api, world: ActionWorld
) -> None:
    """§2.1 step 5: completed means an appropriate body recorded the induction's outcome."""
    ect = world.ect(started_on=days_ago(60))
    with world.uow() as uow:
        uow.session.execute(
            update(TeacherRow)
            .where(TeacherRow.id == ect.id)
            .values(trs_induction_completed_date=days_ago(5))
        )
        uow.commit()

    moved = enrolment(change(api, ect, schedule_identifier="ecf-extended-september"))

    assert moved["schedule_identifier"] == "ecf-extended-september"


def test_a_participant_due_to_start_with_another_provider_keeps_their_schedule(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect(started_on=days_ago(60), finished_on=days_ago(1))
    teacher = world.teacher(ect)
    placement = teacher.ect_at_school_periods[0]
    placement.finished_on = None
    teacher.add_training_period(placement, world.training("oak_b_2025", TODAY + timedelta(7), None))
    with world.uow() as uow:
        uow.teachers.save(teacher)
        uow.commit()
    response = change(api, ect, schedule_identifier="ecf-standard-january")
    assert response.status_code == 422
    assert "participant_id" in titles(response)


# Step 3: training changed in place keeps its declarations.


def test_on_its_first_day_training_cannot_leave_its_declarations_outside_the_schedule(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect(started_on=TODAY, year=2025)
    teacher = world.teacher(ect)
    (training,) = teacher.training_periods()
    training.schedule_id = world.schedule(2025, "ecf-extended-september").id
    with world.uow() as uow:
        uow.teachers.save(teacher)
        uow.declarations.add(
            Declaration(
                training_period_id=training.id,
                declaration_type="extended-1",
                declaration_date=datetime(2025, 11, 20, 9, tzinfo=UTC),
                created_at=NOW,
            )
        )
        uow.commit()
    refused(
        change(api, ect, schedule_identifier="ecf-standard-january"),
        "schedule_identifier",
        "declaration",
    )
    kept = enrolment(change(api, ect, schedule_identifier="ecf-extended-september", cohort="2024"))
    assert kept["cohort"] == "2024"
    (changed,) = world.teacher(ect).training_periods()
    assert changed.started_on == TODAY


# Scenario 19: the usual case.


def test_training_that_started_last_month_ends_yesterday_and_starts_again_today(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect(started_on=days_ago(30))
    shown = enrolment(change(api, ect, schedule_identifier="ecf-standard-january"))
    assert shown["schedule_identifier"] == "ecf-standard-january"
    assert shown["training_status"] == "active"
    old, new = sorted(world.teacher(ect).training_periods(), key=lambda tp: tp.started_on)
    assert (old.started_on, old.finished_on) == (days_ago(30), YESTERDAY)
    assert old.schedule_id == world.schedule(2025).id
    assert (new.started_on, new.finished_on) == (TODAY, None)
    assert new.schedule_id == world.schedule(2025, "ecf-standard-january").id
    assert new.school_partnership_id == old.school_partnership_id


def test_new_training_ends_when_the_old_would_have(api: Api, world: ActionWorld) -> None:
    ect = world.ect(started_on=days_ago(30), finished_on=TODAY + timedelta(days=40))
    change(api, ect, schedule_identifier="ecf-standard-january")
    new = max(world.teacher(ect).training_periods(), key=lambda tp: tp.started_on)
    assert (new.started_on, new.finished_on) == (TODAY, TODAY + timedelta(days=40))
