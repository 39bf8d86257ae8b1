"""The Lead Provider API's acceptance check: replay every operation of the reference
contract and the spec's scenarios (lead-provider-api-v3 §7) against a running ECF2, and
list every difference. The writes change the data: run it on a copy, or on the demo."""

from __future__ import annotations

import attrs
import httpx

from tests.e2e.api.acceptance.declarations import replay_declarations
from tests.e2e.api.acceptance.participants import replay_participant_actions
from tests.e2e.api.acceptance.partnerships import replay_partnerships
from tests.e2e.api.acceptance.reads import replay_reads
from tests.e2e.api.acceptance.replay import Replay, contract_operations


@attrs.frozen
class Outcome:
    differences: list[str]
    unexercised: list[str]  # scenarios the data held nothing to run on
    unanswered: set[str]  # operations of the contract the replay never reached
    requests: int


def accept(
    base_url: str, token: str, *, other_token: str | None = None, server_date: str | None = None
) -> Outcome:
    with httpx.Client(base_url=base_url, timeout=60) as client:
        replay = Replay(client, token, server_date=server_date, other_token=other_token)
        seen = replay_reads(replay)
        replay_declarations(replay, seen)
        replay_participant_actions(replay, seen)
        replay_partnerships(replay, seen)
    unanswered = contract_operations() - replay.answered
    return Outcome(replay.differences, replay.unexercised, unanswered, replay.requests)
