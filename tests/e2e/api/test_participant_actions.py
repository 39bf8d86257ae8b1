"""PUT withdraw, defer and resume (lead-provider-api-v3 §2.1, §3.1, §3.2; acceptance
scenarios 9-15): the body first, then the participant, then the checks in order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from ecf2.adapters.db.events import EventRow
from ecf2.domain.participants import (
    ECTAtSchoolPeriod,
    Teacher,
)
from ecf2.domain.shared.clock import FixedClock
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
from tests.e2e.api.conftest import NOW, TOKEN_B, Api, Providers

WITHDRAW = {"reason": "moved-school", "course_identifier": "ecf-induction"}
DEFER = {"reason": "parental-leave", "course_identifier": "ecf-induction"}
ECT = {"course_identifier": "ecf-induction"}


@pytest.fixture
def world(app, build: Builder, providers: Providers) -> ActionWorld:
    return action_world(app, build, providers)


def enrolment(response: Any, index: int = 0) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    return response.json()["data"]["attributes"]["ecf_enrolments"][index]


def event_types(world: ActionWorld) -> list[str]:
    with world.uow() as uow:
        return list(uow.session.scalars(select(EventRow.event_type).order_by(EventRow.id)))


def event_count(world: ActionWorld) -> int:
    with world.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(EventRow)) or 0


# Scenario 9 and bad input: 400 before anything else, nothing written.


@pytest.mark.parametrize("action", ["withdraw", "defer", "resume", "change-schedule"])
@pytest.mark.parametrize(
    "sent",
    [
        {},
        b"{not json",
        b"",
        {"data": None},
        {"data": {"type": "participant"}},
        {"data": {"attributes": "moved-school"}},
        [1, 2],
    ],
)
def test_a_body_without_data_attributes_is_a_bad_request_even_for_unknown_ids(
    api: Api, world: ActionWorld, action: str, sent: Any
) -> None:
    teacher = world.ect(started_on=days_ago(30))
    before = event_count(world)
    for participant_id in (teacher.api_id, "2f1f3a53-8d1a-4b5e-9c56-5b0a31f3f0aa", "not-a-uuid"):
        response = put(api, f"/participants/{participant_id}/{action}", sent)
        assert response.status_code == 400, response.text
        assert titles(response) == ["Bad request"]
        assert "correct json data structure required" in errors(response)[0][1]
    assert world.teacher(teacher).training_periods()[0].withdrawn_at is None
    assert event_count(world) == before


@pytest.mark.parametrize("action", ["withdraw", "defer", "resume", "change-schedule"])
def test_an_id_that_is_no_uuid_or_another_providers_participant_is_not_found(
    api: Api, world: ActionWorld, action: str
) -> None:
    theirs = world.ect("oak_b_2025", started_on=days_ago(30))
    for participant_id in ("not-a-uuid", theirs.api_id):
        response = put(api, f"/participants/{participant_id}/{action}", body(**WITHDRAW))
        assert response.status_code == 404, response.text
        assert titles(response) == ["Resource not found"]
    assert world.teacher(theirs).training_periods()[0].withdrawn_at is None


def test_without_a_token_nothing_is_done(api: Api, world: ActionWorld) -> None:
    teacher = world.ect(started_on=days_ago(30))
    response = put(api.as_(None), f"/participants/{teacher.api_id}/withdraw", body(**WITHDRAW))
    assert response.status_code == 401
    assert response.json() == {"error": "HTTP Token: Access denied"}


# Scenario 10: withdraw, then again.


def test_an_active_ect_is_withdrawn_once(api: Api, world: ActionWorld) -> None:
    teacher = world.ect(started_on=days_ago(30))
    response = put(api, f"/participants/{teacher.api_id}/withdraw", body(**WITHDRAW))
    shown = enrolment(response)
    assert shown["training_status"] == "withdrawn"
    assert shown["participant_status"] == "left"
    assert shown["withdrawal"] == {"reason": "moved-school", "date": "2025-11-20T10:30:00Z"}
    assert shown["deferral"] is None
    assert response.json()["data"]["attributes"]["updated_at"] == "2025-11-20T10:30:00Z"
    assert response.json()["data"] == api.data(f"/participants/{teacher.api_id}")
    training = world.teacher(teacher).training_periods()[0]
    assert training.finished_on == TODAY
    assert str(training.withdrawal_reason) == "moved_school"
    assert event_types(world)[-1] == "teacher_withdraws_training_period"

    again = put(api, f"/participants/{teacher.api_id}/withdraw", body(**WITHDRAW))
    assert again.status_code == 422
    assert titles(again) == ["participant_id"]
    assert "already withdrawn" in errors(again)[0][1]


def test_withdrawal_keeps_an_earlier_finish(api: Api, world: ActionWorld) -> None:
    teacher = world.ect(started_on=days_ago(60), finished_on=days_ago(10))
    put(api, f"/participants/{teacher.api_id}/withdraw", body(**WITHDRAW))
    assert world.teacher(teacher).training_periods()[0].finished_on == days_ago(10)


def test_a_deferred_participant_can_be_withdrawn(api: Api, world: ActionWorld) -> None:
    teacher = world.ect(
        started_on=days_ago(60),
        finished_on=days_ago(5),
        deferred_at=datetime(2025, 11, 15, 9, tzinfo=UTC),
        deferral_reason="career_break",
    )
    shown = enrolment(put(api, f"/participants/{teacher.api_id}/withdraw", body(**WITHDRAW)))
    assert shown["training_status"] == "withdrawn"
    assert shown["deferral"] is None


# Scenario 11: the mentor-only reason.


def test_an_ect_cannot_be_withdrawn_for_no_longer_mentoring_but_a_mentor_can(
    api: Api, world: ActionWorld
) -> None:
    ect = world.ect(started_on=days_ago(30))
    reason = "mentor-no-longer-being-mentor"
    refused = put(
        api,
        f"/participants/{ect.api_id}/withdraw",
        body(reason=reason, course_identifier="ecf-induction"),
    )
    assert refused.status_code == 422
    assert titles(refused) == ["reason"]

    mentor = world.mentor(started_on=days_ago(30))
    response = put(
        api,
        f"/participants/{mentor.api_id}/withdraw",
        body(reason=reason, course_identifier="ecf-mentor"),
    )
    assert enrolment(response)["withdrawal"]["reason"] == reason
    assert enrolment(response)["participant_type"] == "mentor"


# Scenario 12: not yet training for a day.


@pytest.mark.parametrize(("action", "sent"), [("withdraw", WITHDRAW), ("defer", DEFER)])
def test_training_not_yet_a_day_old_cannot_be_withdrawn_or_deferred(
    api: Api, world: ActionWorld, action: str, sent: dict[str, str]
) -> None:
    next_week = world.ect(started_on=TODAY + timedelta(days=7))
    joining = put(api, f"/participants/{next_week.api_id}/{action}", body(**sent))
    assert joining.status_code == 422
    assert titles(joining) == ["participant_id"]
    assert "at least one day" in errors(joining)[0][1]

    today = world.ect(started_on=TODAY)
    starting = put(api, f"/participants/{today.api_id}/{action}", body(**sent))
    assert starting.status_code == 422
    assert titles(starting) == ["participant_id"]
    assert "Try again tomorrow" in errors(starting)[0][1]


# Scenario 13: the course.


@pytest.mark.parametrize("action", ["withdraw", "defer", "resume"])
def test_a_course_not_trained_or_not_known_is_refused(
    api: Api, world: ActionWorld, action: str
) -> None:
    teacher = world.ect(started_on=days_ago(30))
    path = f"/participants/{teacher.api_id}/{action}"
    not_trained = put(api, path, body(reason="other", course_identifier="ecf-mentor"))
    assert not_trained.status_code == 422
    assert titles(not_trained) == ["course_identifier"]
    assert "not recognised" in errors(not_trained)[0][1]

    unknown = put(api, path, body(reason="other", course_identifier="npq-x"))
    assert unknown.status_code == 422
    assert titles(unknown) == ["course_identifier"]
    assert "Enter a '#/course_identifier'" in errors(unknown)[0][1]


def test_every_field_with_a_problem_is_reported(api: Api, world: ActionWorld) -> None:
    teacher = world.ect(started_on=days_ago(30))
    response = put(api, f"/participants/{teacher.api_id}/withdraw", body(reason=""))
    assert response.status_code == 422
    assert titles(response) == ["reason", "course_identifier"]


# Scenario 14: defer.


def test_deferral_reasons_and_repeats(api: Api, world: ActionWorld) -> None:
    teacher = world.ect(started_on=days_ago(30))
    path = f"/participants/{teacher.api_id}/defer"
    before = event_count(world)
    holiday = put(api, path, body(reason="holiday", course_identifier="ecf-induction"))
    assert holiday.status_code == 422
    assert titles(holiday) == ["reason"]
    assert "not recognised" in errors(holiday)[0][1]
    assert event_count(world) == before
    assert world.teacher(teacher).training_periods()[0].deferred_at is None

    shown = enrolment(put(api, path, body(**DEFER)))
    assert shown["training_status"] == "deferred"
    assert shown["deferral"] == {"reason": "parental-leave", "date": "2025-11-20T10:30:00Z"}
    assert event_types(world)[-1] == "teacher_defers_training_period"

    again = put(api, path, body(**DEFER))
    assert again.status_code == 422
    assert titles(again) == ["participant_id"]
    assert "already deferred" in errors(again)[0][1]


def test_a_withdrawn_participant_cannot_be_deferred(api: Api, world: ActionWorld) -> None:
    teacher = world.ect(started_on=days_ago(30))
    put(api, f"/participants/{teacher.api_id}/withdraw", body(**WITHDRAW))
    response = put(api, f"/participants/{teacher.api_id}/defer", body(**DEFER))
    assert response.status_code == 422
    assert "already withdrawn" in errors(response)[0][1]


# Scenario 15: resume.


def test_a_deferred_participant_resumes_the_next_day_with_new_training(
    api: Api, world: ActionWorld, clock: FixedClock
) -> None:
    teacher = world.ect(started_on=days_ago(30))
    path = f"/participants/{teacher.api_id}"
    put(api, f"{path}/defer", body(**DEFER))

    same_day = put(api, f"{path}/resume", body(**ECT))
    assert same_day.status_code == 422
    assert titles(same_day) == ["participant_id"]
    assert "Try again tomorrow" in errors(same_day)[0][1]

    clock.set(NOW + timedelta(days=1))
    shown = enrolment(put(api, f"{path}/resume", body(**ECT)))
    assert shown["training_status"] == "active"
    assert shown["participant_status"] == "active"
    assert shown["deferral"] is None
    old, new = sorted(world.teacher(teacher).training_periods(), key=lambda tp: tp.started_on)
    assert (old.finished_on, old.deferral_reason) == (TODAY, "parental_leave")
    assert (new.started_on, new.finished_on) == (TODAY + timedelta(days=1), None)
    assert (new.school_partnership_id, new.schedule_id) == (
        old.school_partnership_id,
        old.schedule_id,
    )
    assert event_types(world)[-1] == "teacher_resumes_training_period"

    active = put(api, f"{path}/resume", body(**ECT))
    assert active.status_code == 422
    assert "already active" in errors(active)[0][1]


def test_a_participant_no_longer_at_the_school_cannot_resume(api: Api, world: ActionWorld) -> None:
    teacher = world.people.teacher()
    world.people.ect(
        teacher,
        world.oak,
        world.partnerships["oak_2025"],
        world.schedule(2025),
        SEPTEMBER_2025,
        days_ago(10),
        withdrawn_at=datetime(2025, 11, 10, 9, tzinfo=UTC),
        withdrawal_reason="other",
    )
    _finish_placement(teacher, days_ago(10))
    world.people.save(teacher)
    response = put(api, f"/participants/{teacher.api_id}/resume", body(**ECT))
    assert response.status_code == 422
    assert "no longer at the school" in errors(response)[0][1]


def test_a_participant_training_with_another_provider_cannot_resume(
    api: Api, world: ActionWorld
) -> None:
    teacher = world.people.teacher()
    placement = teacher.add_ect_placement(
        ECTAtSchoolPeriod(school_id=world.oak.id, started_on=SEPTEMBER_2025)
    )
    deferred = world.training("oak_2025", SEPTEMBER_2025, days_ago(20))
    deferred.deferred_at, deferred.deferral_reason = NOW - timedelta(days=20), "other"
    teacher.add_training_period(placement, deferred)
    teacher.add_training_period(placement, world.training("oak_b_2025", days_ago(19), None))
    world.people.save(teacher)
    response = put(api, f"/participants/{teacher.api_id}/resume", body(**ECT))
    assert response.status_code == 422
    assert titles(response) == ["participant_id"]
    assert "already training" in errors(response)[0][1]


def _finish_placement(teacher: Teacher, on: date) -> None:
    placement = teacher.ect_at_school_periods[0]
    placement.finished_on = on


def test_another_providers_action_leaves_the_participant_as_it_was(
    api: Api, world: ActionWorld
) -> None:
    teacher = world.ect(started_on=days_ago(30))
    response = put(api.as_(TOKEN_B), f"/participants/{teacher.api_id}/withdraw", body(**WITHDRAW))
    assert response.status_code == 404
    assert enrolment(put(api, f"/participants/{teacher.api_id}/withdraw", body(**WITHDRAW)))
