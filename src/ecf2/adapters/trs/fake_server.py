"""A fake TRS HTTP server for tests and the embedded default, served on loopback.

It answers `GET /v3/persons/{trn}` and `PUT /v3/persons/{trn}/cpd-induction` the way TRS does
(inductions-trs (b.1)), from a set of `TrsRecord`s, and can be told to fail for retry tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from attrs import evolve, frozen
from litestar import Litestar, Request, Response, Router, get, put
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from ecf2.adapters.loopback import serve_on_loopback
from ecf2.adapters.trs.demo_data import TrsOutcome, TrsRecord, demo_trs_records
from ecf2.adapters.trs.payloads import (
    TrsInduction,
    TrsPayloadError,
    TrsPerson,
    induction_update_from_json,
    person_to_json,
)

_PROBLEM = "application/problem+json"


@frozen
class ReceivedInductionUpdate:
    trn: str
    body: dict[str, Any]


class FakeTrsData:
    """The fake TRS's memory: its records, the induction updates it was sent, failures to come.

    Shared between the server's thread and the test, so every change takes the lock."""

    def __init__(self, records: Mapping[str, TrsRecord] | None = None) -> None:
        self._lock = threading.Lock()
        self.reset(records)

    def reset(self, records: Mapping[str, TrsRecord] | None = None) -> None:
        """Start again from `records` (default: the demo data set), forgetting what happened."""
        with self._lock:
            self._records = dict(demo_trs_records() if records is None else records)
            self._failures: list[int] = []
            self._updates: list[ReceivedInductionUpdate] = []

    @property
    def induction_updates(self) -> list[ReceivedInductionUpdate]:
        """Every `PUT .../cpd-induction` body accepted since the last reset, oldest first."""
        with self._lock:
            return list(self._updates)

    def record(self, trn: str) -> TrsRecord:
        with self._lock:
            return self._records.get(trn, TrsRecord.not_found())

    def put_record(self, trn: str, record: TrsRecord) -> None:
        with self._lock:
            self._records[trn] = record

    def fail_next(self, count: int = 1, status: int = 500) -> None:
        """Answer the next `count` TRS requests with `status` instead."""
        with self._lock:
            self._failures.extend([status] * count)

    def take_failure(self) -> int | None:
        with self._lock:
            return self._failures.pop(0) if self._failures else None

    def receive_induction_update(self, trn: str, body: dict[str, Any]) -> None:
        """Keep the body and, like TRS, show the new status on the next read."""
        update = induction_update_from_json(body)
        induction = TrsInduction(update.status, update.start_date, update.completed_date)
        with self._lock:
            self._updates.append(ReceivedInductionUpdate(trn, body))
            person = self._records[trn].person
            if person is not None:
                self._records[trn] = TrsRecord.found(evolve(person, induction=induction))


def create_fake_trs_app(records: Mapping[str, TrsRecord] | FakeTrsData | None = None) -> Litestar:
    """The fake TRS as a Litestar app; its `FakeTrsData` is on `app.state.fake_trs`."""
    data = records if isinstance(records, FakeTrsData) else FakeTrsData(records)
    v3 = Router(
        path="/v3",
        route_handlers=[get_person, put_cpd_induction],
        before_request=_authorise_then_maybe_fail,
    )
    return Litestar(
        route_handlers=[health, v3],
        state=State({"fake_trs": data}),
        openapi_config=None,
        debug=False,
    )


def _data(request: Request[Any, Any, Any]) -> FakeTrsData:
    data: FakeTrsData = request.app.state.fake_trs
    return data


async def _authorise_then_maybe_fail(request: Request[Any, Any, Any]) -> Response[Any] | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return _problem(401, "Unauthorized")
    status = _data(request).take_failure()
    return _problem(status, "Injected failure") if status else None


@get("/health", sync_to_thread=False)
def health() -> str:
    return "ok"


@get("/persons/{trn:str}", sync_to_thread=False)
def get_person(trn: FromPath[str], request: Request[Any, Any, Any]) -> Response[Any]:
    record = _data(request).record(trn)
    if record.outcome is not TrsOutcome.FOUND or record.person is None:
        return _not_a_person(record)
    query = request.query_params
    if not _matches(record.person, query.get("dateOfBirth"), query.get("nationalInsuranceNumber")):
        return _problem(404, "Person not found")
    return Response(person_to_json(record.person), status_code=200)


@put("/persons/{trn:str}/cpd-induction", sync_to_thread=False)
def put_cpd_induction(
    trn: FromPath[str], request: Request[Any, Any, Any], data: JSONBody[Any]
) -> Response[Any]:
    fake = _data(request)
    record = fake.record(trn)
    if record.outcome is not TrsOutcome.FOUND:
        return _not_a_person(record)
    try:
        fake.receive_induction_update(trn, data)
    except (TrsPayloadError, TypeError) as error:
        return _problem(400, str(error))
    return Response(None, status_code=204)


def _matches(person: TrsPerson, date_of_birth: str | None, nino: str | None) -> bool:
    """TRS finds the person when no identifier is given or any given one matches theirs."""
    checks = []
    if date_of_birth:
        checks.append(date_of_birth == person.date_of_birth.isoformat())
    if nino:
        theirs = person.national_insurance_number
        checks.append(theirs is not None and _normal_nino(nino) == theirs.value)
    return not checks or any(checks)


def _normal_nino(text: str) -> str:
    return "".join(text.split()).upper()


def _not_a_person(record: TrsRecord) -> Response[Any]:
    if record.outcome is TrsOutcome.GONE:
        return _problem(410, "Person is deactivated")
    if record.outcome is TrsOutcome.MERGED:
        location = f"/v3/persons/{record.merged_into}"
        return Response(b"", status_code=308, headers={"Location": location})
    return _problem(404, "Person not found")


def _problem(status: int, title: str) -> Response[Any]:
    return Response({"title": title, "status": status}, status_code=status, media_type=_PROBLEM)


def run_fake_trs(
    records: Mapping[str, TrsRecord] | FakeTrsData | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    startup_timeout: float = 10.0,
) -> tuple[str, Callable[[], None]]:
    """Serve the fake TRS on a background thread; port 0 picks a free port.

    Returns once it answers: its base URL and a function that stops it."""
    app = create_fake_trs_app(records)
    return serve_on_loopback(app, "fake TRS", host=host, port=port, startup_timeout=startup_timeout)
