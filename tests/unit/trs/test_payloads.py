"""Reading TRS's person JSON, writing it back, and when an alert prohibits teaching."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from ecf2.adapters.trs.demo_data import demo_trs_records
from ecf2.adapters.trs.payloads import (
    PROHIBITED_FROM_TEACHING,
    TrsAlert,
    TrsInductionStatus,
    TrsInductionUpdate,
    TrsPayloadError,
    TrsPerson,
    induction_update_from_json,
    induction_update_to_json,
    person_from_json,
    person_to_json,
)
from ecf2.domain.shared.identifiers import Trn

TODAY = date(2026, 9, 1)


def trs_json(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "trn": "1234567",
        "dateOfBirth": "1995-04-12",
        "firstName": "Ada",
        "middleName": "",
        "lastName": "Lovelace",
        "emailAddress": "ada@example.com",
        "nationalInsuranceNumber": "AB123456C",
        "alerts": [
            {
                "alertId": "6b0a2f6e-0000-4000-8000-000000000001",
                "alertType": {"alertCategory": {"alertCategoryId": "other-category"}},
                "startDate": "2020-01-01",
                "endDate": "2021-01-01",
            }
        ],
        "induction": {
            "status": "InProgress",
            "startDate": "2025-09-01",
            "completedDate": None,
            "exemptionReasons": [{"inductionExemptionReasonId": "r1", "name": "Scotland"}],
        },
        "qts": {
            "holdsFrom": "2025-07-20",
            "routes": [
                {"routeToProfessionalStatusType": {"professionalStatusType": "Older"}},
                {"routeToProfessionalStatusType": {"professionalStatusType": "QTS"}},
            ],
        },
        "routesToProfessionalStatuses": [
            {"trainingProvider": {"name": "Old Provider", "ukprn": "10000001"}},
            {
                "trainingProvider": {"name": "New Provider", "ukprn": 10000002},
                "trainingStartDate": "2024-09-01",
                "trainingEndDate": "2025-06-30",
            },
        ],
    }
    body.update(changes)
    return body


def test_reads_every_field_we_need() -> None:
    person = person_from_json(trs_json())

    assert person.trn == Trn("1234567")
    assert person.date_of_birth == date(1995, 4, 12)
    assert (person.first_name, person.last_name) == ("Ada", "Lovelace")
    assert person.email_address == "ada@example.com"
    assert person.national_insurance_number is not None
    assert person.national_insurance_number.value == "AB123456C"
    assert person.alerts == (TrsAlert("other-category", date(2021, 1, 1)),)
    assert person.induction.status is TrsInductionStatus.IN_PROGRESS
    assert person.induction.start_date == date(2025, 9, 1)
    assert person.induction.completed_date is None
    assert [r.name for r in person.induction.exemption_reasons] == ["Scotland"]


def test_reads_the_latest_qts_route_and_training() -> None:
    person = person_from_json(trs_json())

    assert person.qts is not None
    assert (person.qts.holds_from, person.qts.description) == (date(2025, 7, 20), "QTS")
    itt = person.initial_teacher_training
    assert itt is not None
    assert (itt.provider_name, itt.provider_ukprn) == ("New Provider", "10000002")
    assert (itt.training_start_date, itt.training_end_date) == (
        date(2024, 9, 1),
        date(2025, 6, 30),
    )


def test_missing_optional_parts_have_plain_defaults() -> None:
    person = person_from_json(
        trs_json(alerts=None, induction=None, qts=None, routesToProfessionalStatuses=[])
    )

    assert person.alerts == ()
    assert person.induction.status is TrsInductionStatus.NONE
    assert person.qts is None
    assert not person.has_qts
    assert person.initial_teacher_training is None


def test_an_unusable_nino_from_trs_is_dropped() -> None:
    person = person_from_json(trs_json(nationalInsuranceNumber="QQ123456Z"))

    assert person.national_insurance_number is None


@pytest.mark.parametrize(
    "changes",
    [
        {"trn": None},
        {"trn": "12345"},
        {"firstName": ""},
        {"dateOfBirth": "12/04/1995"},
        {"induction": {"status": "Mystery"}},
        {"alerts": [{"alertType": {}}]},
    ],
)
def test_unreadable_json_is_a_payload_error(changes: dict[str, Any]) -> None:
    with pytest.raises(TrsPayloadError):
        person_from_json(trs_json(**changes))


def test_every_demo_record_survives_a_round_trip() -> None:
    for record in demo_trs_records(count=50).values():
        if record.person is not None:
            assert person_from_json(person_to_json(record.person)) == record.person


def with_alerts(*alerts: TrsAlert) -> TrsPerson:
    return TrsPerson(Trn("1234567"), date(1995, 4, 12), "Ada", "Lovelace", alerts=alerts)


@pytest.mark.parametrize(
    ("end_date", "prohibited"),
    [
        (None, True),
        (TODAY - timedelta(days=1), False),
        (TODAY, False),
        (TODAY + timedelta(days=1), True),
    ],
)
def test_a_prohibition_lasts_until_its_end_date_has_passed(
    end_date: date | None, prohibited: bool
) -> None:
    person = with_alerts(TrsAlert(PROHIBITED_FROM_TEACHING, end_date))

    assert person.is_prohibited(TODAY) is prohibited


def test_a_prohibition_with_an_unreadable_end_date_still_prohibits() -> None:
    alert = {
        "alertType": {"alertCategory": {"alertCategoryId": PROHIBITED_FROM_TEACHING}},
        "endDate": "sometime",
    }
    person = person_from_json(trs_json(alerts=[alert]))

    assert person.alerts[0].unreadable_end_date == "sometime"
    assert person.is_prohibited(TODAY)
    assert person_to_json(person)["alerts"][0]["endDate"] == "sometime"


def test_other_alerts_are_kept_but_never_prohibit() -> None:
    person = with_alerts(TrsAlert("another-category"))

    assert person.has_alerts
    assert not person.is_prohibited(TODAY)


@pytest.mark.parametrize(
    ("status", "allows"),
    [
        ("None", True),
        ("RequiredToComplete", True),
        ("InProgress", True),
        ("Passed", False),
        ("Failed", False),
        ("FailedInWales", False),
        ("Exempt", False),
    ],
)
def test_which_induction_statuses_allow_a_claim(status: str, allows: bool) -> None:
    assert TrsInductionStatus(status).allows_claim is allows


def test_an_induction_update_is_sent_in_utc_with_milliseconds() -> None:
    bst = timezone(timedelta(hours=1))
    update = TrsInductionUpdate(
        TrsInductionStatus.PASSED,
        date(2024, 9, 2),
        date(2026, 7, 17),
        datetime(2026, 7, 17, 13, 5, 9, 123456, tzinfo=bst),
    )

    body = induction_update_to_json(update)

    assert body == {
        "status": "Passed",
        "startDate": "2024-09-02",
        "completedDate": "2026-07-17",
        "modifiedOn": "2026-07-17T12:05:09.123Z",
    }
    assert induction_update_from_json(body).modified_on == datetime(
        2026, 7, 17, 12, 5, 9, 123000, tzinfo=UTC
    )


def test_an_induction_update_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        TrsInductionUpdate(TrsInductionStatus.IN_PROGRESS, None, None, datetime(2026, 1, 1))  # noqa: DTZ001
