"""Partnerships confirmed and moved to another delivery partner (lead-provider-api-v3
§2.6, §5.1; §7 scenarios 37 to 41), with a school the lead provider has no partnership
with yet in the latest cohort it works in."""

from __future__ import annotations

from typing import Any

from tests.e2e.api.acceptance.reads import Seen
from tests.e2e.api.acceptance.replay import Replay, unknown_id

POST, PUT, SHOW = "POST /partnerships", "PUT /partnerships/{id}", "GET /partnerships/{id}"


def replay_partnerships(replay: Replay, seen: Seen) -> None:
    replay.call(POST, "/partnerships", status=400, body={}, scenario="§1.7 no data")
    replay.call(PUT, f"/partnerships/{unknown_id()}", status=400, body={}, scenario="no data")
    sent = _body(delivery_partner_id=unknown_id())
    replay.call(PUT, f"/partnerships/{unknown_id()}", status=404, body=sent, scenario="unknown")
    cohort = max(seen.schools, default=None)
    partners = _partners_in(seen, cohort)
    school = _unpartnered_school(seen, cohort)
    if cohort is None or school is None or not partners:
        replay.missing("§7.37 a school with no partnership in the latest cohort")
        return
    wanted = {"cohort": cohort, "school_id": school["id"], "delivery_partner_id": partners[0]}
    made = _confirm(replay, wanted)
    for year, titles in (("2030", ("cohort", "delivery_partner_id")), ("2022", ("cohort",))):
        for title in titles:
            refused = _body(**{**wanted, "cohort": year})
            replay.call(POST, "/partnerships", status=422, title=title, body=refused)
    if made is not None and len(partners) > 1:
        _move(replay, made["id"], partners[1])
    if replay.other_token is not None:
        replay.call(
            PUT,
            f"/partnerships/{seen.partnerships[0]['id']}",
            status=404,
            body=_body(delivery_partner_id=partners[0]),
            token=replay.other_token,
            scenario="§7.41 another provider's partnership",
        )


def _confirm(replay: Replay, wanted: dict[str, str]) -> dict[str, Any] | None:
    response = replay.call(POST, "/partnerships", status=200, body=_body(**wanted))
    made = response.json()["data"] if response.status_code == 200 else None
    if made is not None:
        shown = replay.data(SHOW, f"/partnerships/{made['id']}")
        replay.expect(shown == made, "§7.37 the new partnership is shown as made", shown)
        got = {name: made["attributes"][name] for name in wanted}
        replay.expect(got == wanted, "§7.37 the partnership asked for", got)
    again = _body(**wanted)
    replay.call(POST, "/partnerships", status=422, title="school_id", body=again, scenario="§7.38")
    return made


def _move(replay: Replay, partnership_id: str, partner_id: str) -> None:
    path, sent = f"/partnerships/{partnership_id}", _body(delivery_partner_id=partner_id)
    response = replay.call(PUT, path, status=200, body=sent, scenario="§7.41")
    if response.status_code == 200:
        got = response.json()["data"]["attributes"]["delivery_partner_id"]
        replay.expect(got == partner_id, "§7.41 the new delivery partner", got)
    replay.call(PUT, path, status=422, title="delivery_partner_id", body=sent, scenario="§7.41")


def _partners_in(seen: Seen, cohort: str | None) -> list[str]:
    return [each["id"] for each in seen.delivery_partners if cohort in each["attributes"]["cohort"]]


def _unpartnered_school(seen: Seen, cohort: str | None) -> dict[str, Any] | None:
    """One this lead provider has no partnership with that year and whose ECTs are not all
    school-led (§5.1); one with an expression of interest in it first (§7.37)."""
    partnered = {
        each["attributes"]["school_id"]
        for each in seen.partnerships
        if each["attributes"]["cohort"] == cohort
    }
    free = [
        each
        for each in seen.schools.get(cohort or "", [])
        if each["id"] not in partnered
        and each["attributes"]["induction_programme_choice"] != "school_led"
    ]
    free.sort(key=lambda each: not each["attributes"]["expression_of_interest"])
    return free[0] if free else None


def _body(**attributes: str) -> dict[str, Any]:
    return {"data": {"type": "partnership", "attributes": attributes}}
