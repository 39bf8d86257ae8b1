"""Every read of the contract, each list and each single resource, with the conventions of
lead-provider-api-v3 §1 (§7 scenarios 1 to 7, 42 to 44); the ids the writes need are
gathered on the way."""

from __future__ import annotations

from typing import Any

import attrs

from tests.e2e.api.acceptance.replay import Replay, unknown_id

ALL = {"page[per_page]": "3000"}


@attrs.frozen
class Seen:
    """What the lead provider can read, as the writes need it."""

    participants: list[dict[str, Any]]
    declarations: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    partnerships: list[dict[str, Any]]
    delivery_partners: list[dict[str, Any]]
    schools: dict[str, list[dict[str, Any]]]  # by cohort


def replay_reads(replay: Replay) -> Seen:
    _conventions(replay)
    participants = _resource(replay, "/participants")
    _out_of_reach(replay, participants)
    _transfers(replay)
    declarations = _resource(replay, "/participant-declarations")
    statements = _resource(replay, "/statements")
    partnerships = _resource(replay, "/partnerships")
    partners = _resource(replay, "/delivery-partners")
    _resource(replay, "/unfunded-mentors")
    cohorts = sorted({item["attributes"]["cohort"] for item in partnerships})
    schools = {cohort: _schools(replay, cohort) for cohort in cohorts}
    return Seen(participants, declarations, statements, partnerships, partners, schools)


def _resource(replay: Replay, path: str) -> list[dict[str, Any]]:
    """The whole list, its first item shown alone as listed, and an unknown id refused."""
    listed = replay.data(f"GET {path}", path, ALL) or []
    if listed:
        first = listed[0]
        shown = replay.data(f"GET {path}/{{id}}", f"{path}/{first['id']}")
        replay.expect(shown == first, f"GET {path}/{{id}} shows the item as listed", shown)
    else:
        replay.missing(f"GET {path}/{{id}}")
    replay.call(f"GET {path}/{{id}}", f"{path}/{unknown_id()}", status=404, scenario="unknown id")
    replay.call(f"GET {path}", path, status=401, token=None, scenario="§7.1 no token")
    return listed


def _conventions(replay: Replay) -> None:
    op, path = "GET /participants", "/participants"
    replay.call(op, path, status=401, token="not-a-token", scenario="§7.1 wrong token")
    page = replay.data(op, path, {"page[per_page]": "5", "page[page]": "1"}) or []
    replay.expect(len(page) <= 5, "§7.2 five a page", len(page))
    past = replay.data(op, path, {"page[per_page]": "3000", "page[page]": "1000"})
    replay.expect(past == [], "§7.2 a page past the end is empty", past)
    for params in ({"page[page]": "-1"}, {"page[per_page]": "abc"}):
        replay.call(op, path, status=400, title="Bad request", params=params, scenario="§7.3")
    replay.call(op, path, status=400, title="Bad parameter", params={"filter": "abc"})
    date_only = {"filter[updated_since]": "2025-01-01"}
    replay.call(op, path, status=400, title="Bad request", params=date_only, scenario="§7.5")
    for odd in ({"filter[cohort]": "abc"}, {"filter[training_status]": "paused"}):
        empty = replay.data(op, path, odd)
        replay.expect(empty == [], f"§7.6 {odd} finds nothing", empty)


def _out_of_reach(replay: Replay, mine: list[dict[str, Any]]) -> None:
    """Another lead provider's participant is unknown to this one (§7.7)."""
    if replay.other_token is None:
        return
    response = replay.call(
        "GET /participants", "/participants", status=200, params=ALL, token=replay.other_token
    )
    theirs = response.json()["data"] if response.status_code == 200 else []
    known = {each["id"] for each in mine}
    stranger = next((each["id"] for each in theirs if each["id"] not in known), None)
    if stranger is None:
        replay.missing("§7.7 a participant only another lead provider trains")
        return
    path = f"/participants/{stranger}"
    replay.call("GET /participants/{id}", path, status=404, title="Resource not found")


def _transfers(replay: Replay) -> None:
    path = "/participants/transfers"
    listed = replay.data(f"GET {path}", path, ALL) or []
    single = "GET /participants/{id}/transfers"
    if listed:
        first = listed[0]
        shown = replay.data(single, f"/participants/{first['id']}/transfers")
        replay.expect(shown == first, f"{single} shows the item as listed", shown)
    else:
        replay.missing(single)
    replay.call(single, f"/participants/{unknown_id()}/transfers", status=404)


def _schools(replay: Replay, cohort: str) -> list[dict[str, Any]]:
    """Schools need a cohort (§7.4, §7.42)."""
    replay.call("GET /schools", "/schools", status=400, title="Bad parameter", scenario="§7.4")
    listed = replay.data("GET /schools", "/schools", {**ALL, "filter[cohort]": cohort}) or []
    if listed:
        first = listed[0]
        params = {"filter[cohort]": cohort}
        shown = replay.data("GET /schools/{id}", f"/schools/{first['id']}", params)
        replay.expect(shown == first, "GET /schools/{id} shows the school as listed", shown)
        replay.call(
            "GET /schools/{id}",
            f"/schools/{first['id']}",
            status=404,
            params={"filter[cohort]": "1999"},
            scenario="§7.42 unknown cohort",
        )
    return listed
