"""Declarations made and voided (lead-provider-api-v3 §2.3, §4; §7 scenarios 22 to 24,
32 to 35), built from declarations the lead provider can already read: voiding one frees
its event, so the same declaration can be made again; repeating it exactly answers with it, and a
different one for the same event is refused as a duplicate."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from tests.e2e.api.acceptance.reads import Seen
from tests.e2e.api.acceptance.replay import Replay, unknown_id

POST = "POST /participant-declarations"
VOID = "PUT /participant-declarations/{id}/void"
SHOW = "GET /participant-declarations/{id}"
PATH = "/participant-declarations"
ROLES = {"ecf-induction": "ect", "ecf-mentor": "mentor"}


def replay_declarations(replay: Replay, seen: Seen) -> None:
    replay.call(POST, PATH, status=400, body={}, scenario="§1.7 no data")
    stranger = {"participant_id": unknown_id(), "declaration_type": "started"}
    replay.call(POST, PATH, status=422, title="participant_id", body=_body(stranger))
    replay.call(VOID, f"{PATH}/{unknown_id()}/void", status=404, scenario="unknown id")
    mine = _own_provider(seen.declarations)
    ours = [each for each in seen.declarations if _attributes(each)["lead_provider_name"] == mine]
    _void_and_declare_again(replay, seen, ours)
    _claw_back(replay, seen, ours)
    theirs = [each for each in seen.declarations if each not in ours]
    if theirs:
        path = f"{PATH}/{theirs[0]['id']}/void"
        replay.call(VOID, path, status=404, scenario="§7.35 another provider's declaration")


def _void_and_declare_again(replay: Replay, seen: Seen, ours: list[dict[str, Any]]) -> None:
    found = next((each for each in ours if _redeclarable(each, seen)), None)
    if found is None:
        replay.missing("§7.22 a submitted declaration of an active participant")
        return
    voided = _void(replay, found["id"], "§7.33")
    replay.expect(
        voided is not None and (voided["state"], voided["statement_id"]) == ("voided", None),
        "§7.33 voided, on no statement",
        voided,
    )
    again = f"{PATH}/{found['id']}/void"
    replay.call(VOID, again, status=422, title="participant_declaration_id", scenario="§7.33")
    made = _attributes(found)
    tomorrow = f"{replay.today() + timedelta(days=1)}T10:00:00Z"
    for date, scenario in (("2024-11-15 10:00:00 +0000", "§7.24"), (tomorrow, "§7.23")):
        body = _body({**made, "declaration_date": date})
        replay.call(POST, PATH, status=422, title="declaration_date", body=body, scenario=scenario)
    odd_course = _body({**made, "course_identifier": "npq-x"})
    replay.call(POST, PATH, status=422, title="course_identifier", body=odd_course)
    _declare_again(replay, made)


def _declare_again(replay: Replay, made: dict[str, Any]) -> None:
    response = replay.call(POST, PATH, status=200, body=_body(made), scenario="§7.22 after void")
    if response.status_code == 200:
        again = response.json()["data"]
        replay.expect(again["attributes"]["state"] == made["state"], "§7.22 state", again)
        shown = replay.data(SHOW, f"{PATH}/{again['id']}")
        replay.expect(shown == again, "the new declaration is shown as made", shown)
        # The contract's idempotency: an exact resubmission answers with the original.
        repeat = replay.call(POST, PATH, status=200, body=_body(made), scenario="resubmission")
        if repeat.status_code == 200:
            replay.expect(repeat.json()["data"] == again, "the original is returned", repeat)
    earlier = _one_second_earlier(made["declaration_date"])
    conflicting = _body({**made, "declaration_date": earlier})
    replay.call(
        POST, PATH, status=422, title="declaration_type", body=conflicting, scenario="§7.22"
    )


def _one_second_earlier(stamp: str) -> str:
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) - timedelta(seconds=1)
    return moment.isoformat().replace("+00:00", "Z")


def _claw_back(replay: Replay, seen: Seen, ours: list[dict[str, Any]]) -> None:
    """A paid declaration is clawed back on the cohort's next output statement (§7.34)."""
    found = next((each for each in ours if _clawable(each, seen, replay)), None)
    if found is None:
        replay.missing("§7.34 a paid declaration in a cohort with a statement to come")
        return
    clawed = _void(replay, found["id"], "§7.34")
    replay.expect(
        clawed is not None
        and clawed["state"] == "awaiting-clawback"
        and clawed["clawback_statement_id"] is not None,
        "§7.34 awaiting clawback on a statement",
        clawed,
    )
    again = f"{PATH}/{found['id']}/void"
    replay.call(VOID, again, status=422, title="participant_declaration_id", scenario="§7.34")


def _void(replay: Replay, declaration_id: str, scenario: str) -> dict[str, Any] | None:
    path = f"{PATH}/{declaration_id}/void"
    response = replay.call(VOID, path, status=200, scenario=scenario)
    return response.json()["data"]["attributes"] if response.status_code == 200 else None


def _redeclarable(declaration: dict[str, Any], seen: Seen) -> bool:
    """Submitted (so no statement is needed to make it again) for a participant whose
    training with this lead provider in that role is still active."""
    made = _attributes(declaration)
    if made["state"] != "submitted":
        return False
    enrolment = _enrolment(seen, made["participant_id"], ROLES[made["course_identifier"]])
    return enrolment is not None and enrolment["training_status"] == "active"


def _clawable(declaration: dict[str, Any], seen: Seen, replay: Replay) -> bool:
    made = _attributes(declaration)
    if made["state"] != "paid":
        return False
    statements = {each["id"]: each["attributes"] for each in seen.statements}
    cohort = statements.get(made["statement_id"], {}).get("cohort")
    today = str(replay.today())
    return any(
        each["cohort"] == cohort and each["cut_off_date"] >= today for each in statements.values()
    )


def _enrolment(seen: Seen, participant_id: str, role: str) -> dict[str, Any] | None:
    for participant in seen.participants:
        if participant["id"] == participant_id:
            enrolments = participant["attributes"]["ecf_enrolments"]
            return next((each for each in enrolments if each["participant_type"] == role), None)
    return None


def _own_provider(declarations: list[dict[str, Any]]) -> str | None:
    """The lead provider behind the token: the one most of its declarations name (a new
    lead provider also sees its predecessors' declarations, §2.3)."""
    names = Counter(_attributes(each)["lead_provider_name"] for each in declarations)
    return names.most_common(1)[0][0] if names else None


def _attributes(declaration: dict[str, Any]) -> dict[str, Any]:
    return declaration["attributes"]  # type: ignore[no-any-return]


def _body(made: dict[str, Any]) -> dict[str, Any]:
    fields = ("participant_id", "declaration_type", "declaration_date", "course_identifier")
    attributes = {name: made.get(name) for name in fields}
    attributes["course_identifier"] = attributes["course_identifier"] or "ecf-induction"
    attributes["declaration_date"] = attributes["declaration_date"] or "2025-10-01T10:00:00Z"
    if made.get("evidence_held") is not None:
        attributes["evidence_held"] = made["evidence_held"]
    return {"data": {"type": "participant-declaration", "attributes": attributes}}
