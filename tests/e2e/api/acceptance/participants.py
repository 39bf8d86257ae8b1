"""Withdraw, defer, resume and change-schedule (lead-provider-api-v3 §2.1; §7 scenarios 9
to 16 and 19) on participants the lead provider reads as active: a different one for
each action, so that each starts from an active training period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import attrs

from tests.e2e.api.acceptance.reads import Seen
from tests.e2e.api.acceptance.replay import Replay, unknown_id

ACTIONS = ("withdraw", "defer", "resume", "change-schedule")
COURSES = {"ect": "ecf-induction", "mentor": "ecf-mentor"}


def replay_participant_actions(replay: Replay, seen: Seen) -> None:
    for action in ACTIONS:
        operation = f"PUT /participants/{{id}}/{action}"
        path = f"/participants/{unknown_id()}/{action}"
        replay.call(operation, path, status=400, body={}, scenario="§7.9 no data, unknown id")
        sent = _body(course_identifier="ecf-induction", reason="other")
        replay.call(operation, path, status=404, body=sent, scenario="unknown id")
    active = _active(seen)
    _withdraw_an_ect(replay, _next(active, "ect"))
    _withdraw_a_mentor(replay, _next(active, "mentor"))
    _defer_and_resume(replay, _next(active, "ect"))
    in_use = _schedules_in_use(seen)
    movable = (each for each in active.get("ect", iter(())) if _other_schedules(each, in_use))
    _change_schedule(replay, next(movable, None), "ect", in_use)
    _change_schedule(replay, _next(active, "mentor"), "mentor", in_use)


def _withdraw_an_ect(replay: Replay, found: Candidate | None) -> None:
    if found is None:
        replay.missing("§7.10 an active ECT")
        return
    act = _actor(replay, "withdraw", found.participant_id)
    mentor_course = _body(reason="moved-school", course_identifier="ecf-mentor")
    if found.roles == {"ect"}:
        act(mentor_course, 422, "course_identifier", "§7.13 not a mentor")
    act(_body(reason="moved-school", course_identifier="npq-x"), 422, "course_identifier", "§7.13")
    ect_as_mentor = _body(reason="mentor-no-longer-being-mentor", course_identifier="ecf-induction")
    act(ect_as_mentor, 422, "reason", "§7.11")
    withdrawn = act(_body(reason="moved-school", course_identifier="ecf-induction"), 200)
    got = _enrolment(withdrawn, "ect")
    replay.expect(
        got is not None
        and (got["training_status"], got["participant_status"]) == ("withdrawn", "left")
        and got["withdrawal"]["reason"] == "moved-school",
        "§7.10 withdrawn and left",
        got,
    )
    act(_body(reason="moved-school", course_identifier="ecf-induction"), 422, "participant_id")


def _withdraw_a_mentor(replay: Replay, found: Candidate | None) -> None:
    if found is None:
        replay.missing("§7.11 an active mentor")
        return
    act = _actor(replay, "withdraw", found.participant_id)
    act(_body(reason="mentor-no-longer-being-mentor", course_identifier="ecf-mentor"), 200)


def _defer_and_resume(replay: Replay, found: Candidate | None) -> None:
    if found is None:
        replay.missing("§7.14 an active ECT")
        return
    defer = _actor(replay, "defer", found.participant_id)
    resume = _actor(replay, "resume", found.participant_id)
    defer(_body(reason="holiday", course_identifier="ecf-induction"), 422, "reason", "§7.14")
    deferred = defer(_body(reason="career-break", course_identifier="ecf-induction"), 200)
    got = _enrolment(deferred, "ect")
    replay.expect(
        got is not None
        and got["training_status"] == "deferred"
        and got["deferral"]["reason"] == "career-break",
        "§7.14 deferred",
        got,
    )
    again = _body(reason="career-break", course_identifier="ecf-induction")
    defer(again, 422, "participant_id", "§7.14 already deferred")
    resume(_body(course_identifier="ecf-induction"), 422, "participant_id", "§7.15 same day")
    if replay.server_date is None:
        replay.missing("§7.15 resuming the next day (needs --server-date)")
        return
    tomorrow = f"{replay.today() + timedelta(days=1)}T12:00:00Z"
    resume = _actor(replay, "resume", found.participant_id, at=tomorrow)
    got = _enrolment(resume(_body(course_identifier="ecf-induction"), 200, None, "§7.15"), "ect")
    replay.expect(got is not None and got["training_status"] == "active", "§7.15 active", got)
    resume(_body(course_identifier="ecf-induction"), 422, "participant_id", "§7.15 already active")


def _change_schedule(
    replay: Replay, found: Candidate | None, role: str, in_use: dict[str, set[str]]
) -> None:
    if found is None:
        replay.missing(f"§7.16 an active {role} whose schedule can change")
        return
    enrolment = found.enrolment
    act, course = _actor(replay, "change-schedule", found.participant_id), COURSES[role]
    current = enrolment["schedule_identifier"]
    for schedule, scenario in (
        (current, "§7.16 the schedule it is on"),
        ("ecf-foo", "§7.16 unknown"),
        ("ecf-replacement-january" if role == "ect" else "ecf-reduced-september", "§7.16"),
    ):
        sent = _body(schedule_identifier=schedule, course_identifier=course)
        act(sent, 422, "schedule_identifier", scenario)
    if role != "ect":
        return
    other = min(_other_schedules(found, in_use))
    changed = act(_body(schedule_identifier=other, course_identifier=course), 200, None, "§7.19")
    got = _enrolment(changed, role)
    replay.expect(got is not None and got["schedule_identifier"] == other, "§7.19", got)


@attrs.frozen
class Candidate:
    participant_id: str
    enrolment: dict[str, Any]
    roles: set[str]


def _next(active: dict[str, Iterator[Candidate]], role: str) -> Candidate | None:
    return next(active.get(role, iter(())), None)


def _other_schedules(candidate: Candidate, in_use: dict[str, set[str]]) -> set[str]:
    """Schedules in use in the ECT's cohort that it could move to (not replacement, §3.7)."""
    enrolment = candidate.enrolment
    others = in_use.get(enrolment["cohort"], set()) - {enrolment["schedule_identifier"]}
    return {each for each in others if "replacement" not in each}


def _schedules_in_use(seen: Seen) -> dict[str, set[str]]:
    """The schedules the cohorts' participants are on: those exist (§3.7)."""
    found: dict[str, set[str]] = {}
    for participant in seen.participants:
        for enrolment in participant["attributes"]["ecf_enrolments"]:
            found.setdefault(enrolment["cohort"], set()).add(enrolment["schedule_identifier"])
    return found


def _active(seen: Seen) -> dict[str, Iterator[Candidate]]:
    """Per role, participants whose training in that role is active and under way: not
    yet through their induction or mentor training, whom §3.2 shows as active even once
    their training has finished."""
    found: dict[str, list[Candidate]] = {}
    for participant in seen.participants:
        for enrolment in participant["attributes"]["ecf_enrolments"]:
            status = (enrolment["training_status"], enrolment["participant_status"])
            completed = enrolment["induction_end_date"] or enrolment["mentor_funding_end_date"]
            if status == ("active", "active") and not completed:
                roles = _roles(participant["attributes"])
                found.setdefault(enrolment["participant_type"], []).append(
                    Candidate(participant["id"], enrolment, roles)
                )
    return {role: iter(each) for role, each in found.items()}


def _actor(replay: Replay, action: str, participant_id: str, at: str | None = None) -> Any:
    operation = f"PUT /participants/{{id}}/{action}"
    path = f"/participants/{participant_id}/{action}"

    def act(
        body: dict[str, Any], status: int, title: str | None = None, scenario: str = ""
    ) -> dict[str, Any] | None:
        response = replay.call(
            operation, path, status=status, title=title, body=body, scenario=scenario, at=at
        )
        return response.json()["data"] if response.status_code == 200 == status else None

    return act


def _roles(attributes: dict[str, Any]) -> set[str]:
    return {each["participant_type"] for each in attributes["ecf_enrolments"]}


def _enrolment(participant: dict[str, Any] | None, role: str) -> dict[str, Any] | None:
    if participant is None:
        return None
    enrolments = participant["attributes"]["ecf_enrolments"]
    return next((each for each in enrolments if each["participant_type"] == role), None)


def _body(**attributes: str) -> dict[str, Any]:
    return {"data": {"type": "participant", "attributes": attributes}}
