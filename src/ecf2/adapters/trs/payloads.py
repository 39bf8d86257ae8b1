"""What we read from TRS `GET /v3/persons/{trn}` and write to its cpd-induction endpoint.

TRS JSON becomes these frozen records here and nowhere else (STYLE §3.10 rule 7); the fake
server turns them back into TRS's shape. Fields follow inductions-trs (b.1)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from attrs import field, frozen

from ecf2.domain.participants.values import TrsInductionStatus
from ecf2.domain.shared.errors import InvalidValue
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn

# "Prohibition from teaching" alert category (inductions-trs (b.1)).
PROHIBITED_FROM_TEACHING = "b2b19019-b165-47a3-8745-3297ff152581"

Json = dict[str, Any]


class TrsPayloadError(ValueError):
    """TRS answered with JSON we cannot read."""


@frozen
class TrsAlert:
    category_id: str
    end_date: date | None = None
    # The text TRS sent as endDate when it was not a date: such an alert never ends.
    unreadable_end_date: str | None = None

    def prohibits_teaching_on(self, today: date) -> bool:
        """A prohibition lasts until its end date has passed; no readable end date, no end."""
        if self.category_id != PROHIBITED_FROM_TEACHING:
            return False
        return self.end_date is None or self.end_date > today


@frozen
class TrsExemptionReason:
    reason_id: str
    name: str


@frozen
class TrsInduction:
    status: TrsInductionStatus
    start_date: date | None = None
    completed_date: date | None = None
    exemption_reasons: tuple[TrsExemptionReason, ...] = field(default=(), converter=tuple)


@frozen
class TrsQts:
    holds_from: date
    description: str | None = None


@frozen
class TrsInitialTeacherTraining:
    provider_name: str | None = None
    provider_ukprn: str | None = None
    training_start_date: date | None = None
    training_end_date: date | None = None


@frozen
class TrsPerson:
    """One teacher's record as TRS holds it."""

    trn: Trn
    date_of_birth: date
    first_name: str
    last_name: str
    email_address: str | None = None
    national_insurance_number: NationalInsuranceNumber | None = None
    alerts: tuple[TrsAlert, ...] = field(default=(), converter=tuple)
    induction: TrsInduction = field(factory=lambda: TrsInduction(TrsInductionStatus.NONE))
    qts: TrsQts | None = None
    initial_teacher_training: TrsInitialTeacherTraining | None = None

    @property
    def has_qts(self) -> bool:
        return self.qts is not None

    @property
    def has_alerts(self) -> bool:
        return bool(self.alerts)

    def is_prohibited(self, today: date) -> bool:
        return any(alert.prohibits_teaching_on(today) for alert in self.alerts)


def person_from_json(data: Mapping[str, Any]) -> TrsPerson:
    """Read the body of `GET /v3/persons/{trn}`."""
    try:
        return TrsPerson(
            trn=Trn(_required(data, "trn")),
            date_of_birth=_parse_date(_required(data, "dateOfBirth")),
            first_name=_required(data, "firstName"),
            last_name=_required(data, "lastName"),
            email_address=data.get("emailAddress") or None,
            national_insurance_number=_nino(data.get("nationalInsuranceNumber")),
            alerts=[_alert(item) for item in data.get("alerts") or ()],
            induction=_induction(data.get("induction")),
            qts=_qts(data.get("qts")),
            initial_teacher_training=_itt(data.get("routesToProfessionalStatuses")),
        )
    except (InvalidValue, TypeError, AttributeError) as error:
        raise TrsPayloadError(f"Unreadable TRS person: {error}") from error


def _required(data: Mapping[str, Any], key: str) -> Any:
    if not data.get(key):
        raise TrsPayloadError(f"TRS person has no {key}")
    return data[key]


def _date(text: str | None) -> date | None:
    return _parse_date(text) if text else None


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except (TypeError, ValueError) as error:
        raise TrsPayloadError(f"TRS sent an unreadable date {text!r}") from error


def _nino(text: str | None) -> NationalInsuranceNumber | None:
    # TRS holds some legacy numbers our format check refuses; TRS does its own NINO matching,
    # so an odd value is dropped rather than failing the whole record.
    try:
        return NationalInsuranceNumber(text) if text else None
    except InvalidValue:
        return None


def _alert(item: Mapping[str, Any]) -> TrsAlert:
    category = item.get("alertType", {}).get("alertCategory", {}).get("alertCategoryId")
    if not category:
        raise TrsPayloadError("TRS alert has no alertCategoryId")
    raw_end = item.get("endDate")
    try:
        return TrsAlert(category_id=category, end_date=_date(raw_end))
    except TrsPayloadError:
        return TrsAlert(category_id=category, unreadable_end_date=str(raw_end))


def _induction(item: Mapping[str, Any] | None) -> TrsInduction:
    if not item:
        return TrsInduction(TrsInductionStatus.NONE)
    try:
        status = TrsInductionStatus(item.get("status") or "None")
    except ValueError as error:
        raise TrsPayloadError(f"Unknown TRS induction status {item.get('status')!r}") from error
    return TrsInduction(
        status=status,
        start_date=_date(item.get("startDate")),
        completed_date=_date(item.get("completedDate")),
        exemption_reasons=[_exemption(r) for r in item.get("exemptionReasons") or ()],
    )


def _exemption(item: Mapping[str, Any]) -> TrsExemptionReason:
    return TrsExemptionReason(str(item.get("inductionExemptionReasonId")), str(item.get("name")))


def _qts(item: Mapping[str, Any] | None) -> TrsQts | None:
    holds_from = _date((item or {}).get("holdsFrom"))
    if holds_from is None:
        return None
    routes = (item or {}).get("routes") or [{}]
    route_type = routes[-1].get("routeToProfessionalStatusType") or {}
    return TrsQts(holds_from=holds_from, description=route_type.get("professionalStatusType"))


def _itt(routes: Sequence[Mapping[str, Any]] | None) -> TrsInitialTeacherTraining | None:
    if not routes:
        return None
    latest = routes[-1]
    provider = latest.get("trainingProvider") or {}
    ukprn = provider.get("ukprn")
    return TrsInitialTeacherTraining(
        provider_name=provider.get("name"),
        provider_ukprn=str(ukprn) if ukprn is not None else None,
        training_start_date=_date(latest.get("trainingStartDate")),
        training_end_date=_date(latest.get("trainingEndDate")),
    )


def person_to_json(person: TrsPerson) -> Json:
    """Write a person in the shape TRS answers `GET /v3/persons/{trn}` with."""
    nino = person.national_insurance_number
    return {
        "trn": person.trn.value,
        "dateOfBirth": person.date_of_birth.isoformat(),
        "firstName": person.first_name,
        "lastName": person.last_name,
        "emailAddress": person.email_address,
        "nationalInsuranceNumber": nino.value if nino else None,
        "alerts": [_alert_json(alert) for alert in person.alerts],
        "induction": _induction_json(person.induction),
        "qts": _qts_json(person.qts),
        "routesToProfessionalStatuses": _itt_json(person.initial_teacher_training),
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _alert_json(alert: TrsAlert) -> Json:
    end = alert.unreadable_end_date or _iso(alert.end_date)
    return {"alertType": {"alertCategory": {"alertCategoryId": alert.category_id}}, "endDate": end}


def _induction_json(induction: TrsInduction) -> Json:
    return {
        "status": induction.status.value,
        "startDate": _iso(induction.start_date),
        "completedDate": _iso(induction.completed_date),
        "exemptionReasons": [
            {"inductionExemptionReasonId": r.reason_id, "name": r.name}
            for r in induction.exemption_reasons
        ],
    }


def _qts_json(qts: TrsQts | None) -> Json | None:
    if qts is None:
        return None
    route = {"routeToProfessionalStatusType": {"professionalStatusType": qts.description}}
    return {"holdsFrom": qts.holds_from.isoformat(), "routes": [route]}


def _itt_json(itt: TrsInitialTeacherTraining | None) -> list[Json]:
    if itt is None:
        return []
    provider = {"name": itt.provider_name, "ukprn": itt.provider_ukprn}
    start, end = _iso(itt.training_start_date), _iso(itt.training_end_date)
    return [{"trainingProvider": provider, "trainingStartDate": start, "trainingEndDate": end}]


def _utc(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("modified_on must be timezone-aware")
    return at.astimezone(UTC)


@frozen
class TrsInductionUpdate:
    """The body of `PUT /v3/persons/{trn}/cpd-induction`."""

    status: TrsInductionStatus
    start_date: date | None
    completed_date: date | None
    modified_on: datetime = field(converter=_utc)


def induction_update_to_json(update: TrsInductionUpdate) -> Json:
    """TRS wants `modifiedOn` in UTC with milliseconds (b.1)."""
    modified = update.modified_on.isoformat(timespec="milliseconds")
    return {
        "status": update.status.value,
        "startDate": _iso(update.start_date),
        "completedDate": _iso(update.completed_date),
        "modifiedOn": modified.replace("+00:00", "Z"),
    }


def induction_update_from_json(data: Mapping[str, Any]) -> TrsInductionUpdate:
    try:
        return TrsInductionUpdate(
            status=TrsInductionStatus(data["status"]),
            start_date=_date(data.get("startDate")),
            completed_date=_date(data.get("completedDate")),
            modified_on=datetime.fromisoformat(data["modifiedOn"].replace("Z", "+00:00")),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise TrsPayloadError(f"Unreadable cpd-induction body: {error}") from error
