"""The Teaching Record System over HTTP (inductions-trs (b.1)): reads a teacher's record and
writes their induction status, with timeouts and retries."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from types import TracebackType
from typing import Any

import httpx
from attrs import frozen

from ecf2.adapters.trs.payloads import (
    PROHIBITED_FROM_TEACHING,
    TrsAlert,
    TrsInductionUpdate,
    TrsPayloadError,
    TrsPerson,
    induction_update_to_json,
    person_from_json,
)
from ecf2.adapters.trs.redaction import hide_private_parameters_in_httpx_logs
from ecf2.domain.inductions.ports import InductionStatusNotReported
from ecf2.domain.participants.teacher_record import (
    TeacherAlert,
    TeacherDeactivated,
    TeacherMerged,
    TeacherNotFound,
    TeacherRecord,
    TeacherRecordUnavailable,
)
from ecf2.domain.participants.values import TrsInductionStatus
from ecf2.domain.shared.errors import InvalidValue
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn

log = logging.getLogger(__name__)

DEFAULT_API_VERSION = "20260120"
INCLUDE = "Alerts,Induction,MandatoryQualifications,RoutesToProfessionalStatuses"
DEFAULT_TIMEOUT = httpx.Timeout(5.0, connect=2.0)


@frozen
class RetryPolicy:
    """How often to ask again when TRS fails or cannot be reached, and how long to wait."""

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0

    def delays(self) -> Iterator[float]:
        """The waits between attempts: base, 2 x base, 4 x base, ... (capped)."""
        for retry in range(max(self.attempts, 1) - 1):
            yield min(self.base_delay * 2**retry, self.max_delay)


class _TrsUnreachable(Exception):
    """Every attempt failed with a 5xx, a timeout or a broken connection."""


class TrsClient:
    """Serves TeacherRecordLookup (participants) and InductionStatusReporter (inductions)
    from TRS's API: `GET /v3/persons/{trn}` and `PUT /v3/persons/{trn}/cpd-induction`."""

    def __init__(
        self,
        base_url: str | None,
        api_key: str | None = None,
        *,
        api_version: str = DEFAULT_API_VERSION,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not base_url or not base_url.startswith(("http://", "https://")):
            raise ValueError(
                f"The TRS client needs an http(s) base URL (ECF2_TRS_URL), not {base_url!r}"
            )
        hide_private_parameters_in_httpx_logs()
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._http = httpx.Client(
            base_url=base_url,
            headers=_headers(api_key, api_version),
            timeout=timeout,
            transport=transport,
            follow_redirects=False,  # a 308 means "merged" (b.1): read it, never follow it
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> TrsClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # TeacherRecordLookup

    def find(
        self,
        trn: Trn,
        *,
        date_of_birth: date | None = None,
        national_insurance_number: NationalInsuranceNumber | None = None,
    ) -> TeacherRecord:
        params = {"include": INCLUDE}
        if date_of_birth is not None:
            params["dateOfBirth"] = date_of_birth.isoformat()
        if national_insurance_number is not None:
            params["nationalInsuranceNumber"] = national_insurance_number.value
        try:
            response = self._send("GET", f"/v3/persons/{trn.value}", params=params)
        except _TrsUnreachable as error:
            raise TeacherRecordUnavailable(trn) from error
        return _teacher_from(trn, response)

    # InductionStatusReporter: the (b.1) table, one method per action.

    def begin_induction(self, trn: Trn, *, started_on: date, modified_on: datetime) -> bool:
        return self._report(trn, TrsInductionStatus.IN_PROGRESS, started_on, None, modified_on)

    def pass_induction(
        self, trn: Trn, *, started_on: date, finished_on: date, modified_on: datetime
    ) -> bool:
        return self._report(trn, TrsInductionStatus.PASSED, started_on, finished_on, modified_on)

    def fail_induction(
        self, trn: Trn, *, started_on: date, finished_on: date, modified_on: datetime
    ) -> bool:
        return self._report(trn, TrsInductionStatus.FAILED, started_on, finished_on, modified_on)

    def reset_induction(self, trn: Trn, *, modified_on: datetime) -> bool:
        status = TrsInductionStatus.REQUIRED_TO_COMPLETE
        return self._report(trn, status, None, None, modified_on)

    def reopen_induction(self, trn: Trn, *, started_on: date, modified_on: datetime) -> bool:
        return self._report(trn, TrsInductionStatus.IN_PROGRESS, started_on, None, modified_on)

    def _report(
        self,
        trn: Trn,
        status: TrsInductionStatus,
        started_on: date | None,
        finished_on: date | None,
        modified_on: datetime,
    ) -> bool:
        # (b.1) says a failed write is logged and never raised, and (b.4) notes such a write
        # is then lost. We keep "refused" as False (a 4xx: sending it again cannot help) but
        # raise when TRS could not be reached at all, so the outbox that sends these can try
        # again later. Retrying is safe: the update replaces TRS's state, so it is idempotent.
        update = TrsInductionUpdate(status, started_on, finished_on, modified_on)
        path = f"/v3/persons/{trn.value}/cpd-induction"
        try:
            response = self._send("PUT", path, json=induction_update_to_json(update))
        except _TrsUnreachable as error:
            raise InductionStatusNotReported(trn) from error
        if response.is_success:
            return True
        log.error(
            "TRS refused the %s induction update for TRN %s: %s", status, trn, _said(response)
        )
        return False

    def _send(self, method: str, path: str, **options: Any) -> httpx.Response:
        """Ask, and ask again after a growing wait while TRS fails (5xx) or cannot be
        reached; any other answer, 4xx included, is final."""
        waits = self._retry.delays()
        while True:
            try:
                response = self._http.request(method, path, **options)
                if response.status_code < 500:
                    return response
                problem = f"TRS answered {_said(response)}"
            except httpx.TransportError as error:
                problem = f"{type(error).__name__}: {error}"
            wait = next(waits, None)
            if wait is None:
                log.error("TRS %s %s failed, giving up: %s", method, path, problem)
                raise _TrsUnreachable(problem)
            log.warning("TRS %s %s failed, retrying in %.2fs: %s", method, path, wait, problem)
            self._sleep(wait)


def _headers(api_key: str | None, api_version: str) -> dict[str, str]:
    headers = {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "X-Api-Version": api_version,
    }
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    return headers


def _said(response: httpx.Response) -> str:
    return f"{response.status_code} {response.text[:200]!r}"


def _teacher_from(trn: Trn, response: httpx.Response) -> TeacherRecord:
    status = response.status_code
    if status == 404:
        raise TeacherNotFound(trn)
    if status == 410:
        raise TeacherDeactivated(trn)
    if status == 308:
        raise TeacherMerged(trn, _merged_into(trn, response))
    if not response.is_success:
        log.error("TRS refused to read TRN %s: %s", trn, _said(response))
        raise TeacherRecordUnavailable(trn)
    return teacher_record_from_person(_person(trn, response))


def _merged_into(trn: Trn, response: httpx.Response) -> Trn:
    """TRS points at the surviving record: `Location: /v3/persons/NNNNNNN`."""
    location = response.headers.get("location", "")
    try:
        return Trn(httpx.URL(location).path.rstrip("/").rsplit("/", 1)[-1])
    except (InvalidValue, httpx.InvalidURL) as error:
        log.error("TRS merged TRN %s into an unreadable Location %r", trn, location)
        raise TeacherRecordUnavailable(trn) from error


def _person(trn: Trn, response: httpx.Response) -> TrsPerson:
    try:
        data = response.json()
    except ValueError as error:
        log.error("TRS sent TRN %s's record as something other than JSON", trn)
        raise TeacherRecordUnavailable(trn) from error
    # A TRN counts as found only when TRS returns a first name (b.3, schools step 3).
    if not isinstance(data, Mapping) or not data.get("firstName"):
        raise TeacherNotFound(trn)
    try:
        return person_from_json(data)
    except TrsPayloadError as error:
        log.error("TRS sent an unreadable record for TRN %s: %s", trn, error)
        raise TeacherRecordUnavailable(trn) from error


def teacher_record_from_person(person: TrsPerson) -> TeacherRecord:
    """TRS's view of a person, as the participants context needs it."""
    itt, qts = person.initial_teacher_training, person.qts
    return TeacherRecord(
        trn=person.trn,
        first_name=person.first_name,
        last_name=person.last_name,
        date_of_birth=person.date_of_birth,
        email_address=person.email_address,
        induction_status=person.induction.status,
        induction_start_date=person.induction.start_date,
        induction_completed_date=person.induction.completed_date,
        qts_awarded_on=qts.holds_from if qts else None,
        qts_status_description=qts.description if qts else None,
        initial_teacher_training_provider_name=itt.provider_name if itt else None,
        initial_teacher_training_end_date=itt.training_end_date if itt else None,
        alerts=[_alert(alert) for alert in person.alerts],
    )


def _alert(alert: TrsAlert) -> TeacherAlert:
    # An unreadable end date arrives as end_date None: the prohibition never ends (b.1).
    return TeacherAlert(
        prohibits_teaching=alert.category_id == PROHIBITED_FROM_TEACHING, ends_on=alert.end_date
    )
