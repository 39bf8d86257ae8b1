"""The Lead Provider API's acceptance check (lead-provider-api-v3 §7) against a real
`ecf2 serve`: a process of its own on a free loopback port, on a fresh copy of an embedded
database holding the demo data (seeded once per run, as the demo-site tests do), asked over
HTTP with the demo lead providers' tokens on the demo's day. Every operation of the
reference contract is replayed, the writes built from what the reads return, and no
response may differ."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ecf2.entrypoints.demo.providers import DEMO_TOKENS
from ecf2.entrypoints.demo.reference import DEMO_TODAY
from tests.e2e.api.acceptance import accept
from tests.e2e.api.acceptance.replay import Replay
from tests.e2e.api.contract import REFERENCE, reference
from tests.e2e.web.demo_site import _seeded_sqlite_file

pytestmark = pytest.mark.skipif(
    reference() is None, reason=f"the reference OpenAPI document is not at {REFERENCE}"
)
ECF2 = Path(sys.executable).with_name("ecf2")
STARTED_WITHIN_SECONDS = 90


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(base_url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTED_WITHIN_SECONDS
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"{base_url}/healthcheck", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"ecf2 serve did not answer within {STARTED_WITHIN_SECONDS} s")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of `ecf2 serve` on a fresh embedded database with the demo data."""
    folder = tmp_path_factory.mktemp("served")
    shutil.copy(_seeded_sqlite_file(tmp_path_factory), folder / "ecf2.sqlite3")
    port = _free_port()
    environment = os.environ | {
        "ECF2_ENV": "development",
        "ECF2_DATABASE_URL": f"sqlite:///{folder / 'ecf2.sqlite3'}",
        "ECF2_TIME_TRAVEL": "true",
        "ECF2_API_RATE_LIMIT": "100000",
    }
    environment.pop("ECF2_TRS_URL", None)
    log = (folder / "serve.log").open("wb")
    server = subprocess.Popen(
        [str(ECF2), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=environment,
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}", server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_every_operation_answers_as_the_spec_says_on_the_demo_data(served: str):
    outcome = accept(
        served,
        DEMO_TOKENS["Ambition Institute"],
        other_token=DEMO_TOKENS["Best Practice Network"],
        server_date=f"{DEMO_TODAY.isoformat()}T12:00:00Z",
    )

    assert outcome.differences == []
    assert outcome.unexercised == []
    assert outcome.unanswered == set()


def _answering(status: int, body: dict[str, object]) -> Replay:
    transport = httpx.MockTransport(lambda _request: httpx.Response(status, json=body))
    return Replay(httpx.Client(transport=transport, base_url="http://ecf2.test"), "token")


def test_the_check_reports_a_status_other_than_the_spec_says():
    replay = _answering(200, {"data": []})

    replay.call("GET /statements", "/statements", status=401, token=None)

    assert len(replay.differences) == 1
    assert "answered 200, expected 401" in replay.differences[0]


def test_the_check_reports_a_body_the_reference_does_not_allow():
    replay = _answering(200, {"data": [{"id": "not-a-uuid", "type": "statement"}]})

    replay.call("GET /statements", "/statements", status=200)

    assert len(replay.differences) == 1
    assert "breaks the reference contract" in replay.differences[0]
    assert replay.answered == {"GET /statements"}
