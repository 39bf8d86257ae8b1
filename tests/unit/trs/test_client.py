"""The TRS client's requests, timeouts and back-off, with no network (inductions-trs (b.1))."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from ecf2.adapters.trs.client import DEFAULT_TIMEOUT, RetryPolicy, TrsClient
from ecf2.adapters.trs.demo_data import special_trs_records
from ecf2.adapters.trs.payloads import person_to_json
from ecf2.domain.participants.teacher_record import (
    TeacherMerged,
    TeacherNotFound,
    TeacherRecordUnavailable,
)
from ecf2.domain.shared.identifiers import Trn

KIRSTY = special_trs_records()["7000006"].person
assert KIRSTY is not None

Answer = Callable[[httpx.Request], httpx.Response]
DEFAULT_RETRY = RetryPolicy()


def kirsty(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=person_to_json(KIRSTY))


def status(code: int, **headers: str) -> Answer:
    return lambda _: httpx.Response(code, headers=headers)


def refuse_connection(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def time_out(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("read timed out", request=request)


class ScriptedTrs:
    """Answers each request with the next scripted answer, keeping the requests."""

    def __init__(self, *answers: Answer) -> None:
        self._answers: Iterator[Answer] = iter(answers)
        self.requests: list[httpx.Request] = []
        self.waits: list[float] = []

    def client(self, retry: RetryPolicy = DEFAULT_RETRY) -> TrsClient:
        transport = httpx.MockTransport(self._answer)
        return TrsClient(
            "https://trs.example",
            "secret",
            retry=retry,
            sleep=self.waits.append,
            transport=transport,
        )

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return next(self._answers)(request)


def test_the_waits_double_from_the_base_delay_up_to_a_cap() -> None:
    policy = RetryPolicy(attempts=6, base_delay=0.5, max_delay=4.0)

    assert list(policy.delays()) == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert list(RetryPolicy(attempts=1).delays()) == []


def test_server_errors_and_broken_connections_are_retried_after_growing_waits() -> None:
    trs = ScriptedTrs(status(500), refuse_connection, time_out, kirsty)

    teacher = trs.client(RetryPolicy(attempts=4, base_delay=0.25)).find(Trn("7000006"))

    assert teacher.first_name == "Kirsty"
    assert trs.waits == [0.25, 0.5, 1.0]
    assert len(trs.requests) == 4


def test_the_last_failure_is_not_followed_by_a_wait() -> None:
    trs = ScriptedTrs(status(503), status(503), status(503))

    with pytest.raises(TeacherRecordUnavailable):
        trs.client(RetryPolicy(attempts=3, base_delay=1.0)).find(Trn("7000006"))

    assert trs.waits == [1.0, 2.0]


@pytest.mark.parametrize("code", [400, 401, 403, 404, 422, 429])
def test_a_client_error_is_asked_once(code: int) -> None:
    trs = ScriptedTrs(status(code))

    with pytest.raises((TeacherNotFound, TeacherRecordUnavailable)):
        trs.client().find(Trn("7000006"))

    assert (len(trs.requests), trs.waits) == (1, [])


def test_a_read_asks_for_everything_with_the_agreed_headers() -> None:
    trs = ScriptedTrs(kirsty)

    trs.client().find(Trn("7000006"))

    [request] = trs.requests
    assert request.url.path == "/v3/persons/7000006"
    assert request.url.params["include"] == (
        "Alerts,Induction,MandatoryQualifications,RoutesToProfessionalStatuses"
    )
    assert request.headers["Authorization"] == "Bearer secret"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Api-Version"] == "20260120"


def test_a_redirect_is_read_as_a_merge_not_followed() -> None:
    trs = ScriptedTrs(status(308, Location="/v3/persons/7000012?include=Alerts"))

    with pytest.raises(TeacherMerged) as raised:
        trs.client().find(Trn("7000011"))

    assert raised.value.new_trn == Trn("7000012")
    assert len(trs.requests) == 1


def test_a_redirect_to_nowhere_readable_makes_trs_unavailable() -> None:
    with pytest.raises(TeacherRecordUnavailable):
        ScriptedTrs(status(308, Location="/v3/persons/")).client().find(Trn("7000011"))


def test_an_unreadable_body_makes_trs_unavailable() -> None:
    trs = ScriptedTrs(lambda _: httpx.Response(200, text="<html>maintenance</html>"))

    with pytest.raises(TeacherRecordUnavailable):
        trs.client().find(Trn("7000006"))


def test_connecting_waits_two_seconds_and_reading_five() -> None:
    assert (DEFAULT_TIMEOUT.connect, DEFAULT_TIMEOUT.read) == (2.0, 5.0)


def test_a_client_needs_a_base_url() -> None:
    with pytest.raises(ValueError, match="ECF2_TRS_URL"):
        TrsClient("", "key")
