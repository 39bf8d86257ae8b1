"""The TRS client against the fake TRS over loopback (inductions-trs (b.1), (b.3), (b.4))."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from attrs import evolve

from ecf2.adapters.trs.client import RetryPolicy, TrsClient
from ecf2.adapters.trs.demo_data import REFERENCE_DATE, TrsRecord, demo_trs_records
from ecf2.adapters.trs.fake_server import FakeTrsData, run_fake_trs
from ecf2.domain.inductions.ports import InductionStatusNotReported
from ecf2.domain.participants.teacher_record import (
    TeacherDeactivated,
    TeacherMerged,
    TeacherNotFound,
    TeacherRecord,
    TeacherRecordUnavailable,
)
from ecf2.domain.participants.values import TrsInductionStatus
from ecf2.domain.shared.errors import NotFound
from ecf2.domain.shared.identifiers import NationalInsuranceNumber, Trn

RECORDS = demo_trs_records(count=20)
LONDON = ZoneInfo("Europe/London")
# 10:30 in London in summer is 09:30 UTC.
MODIFIED_ON = datetime(2026, 9, 7, 10, 30, 15, 123456, tzinfo=LONDON)


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, FakeTrsData]]:
    fake = FakeTrsData(RECORDS)
    base_url, stop = run_fake_trs(fake)
    yield base_url, fake
    stop()


@pytest.fixture
def fake_trs(served: tuple[str, FakeTrsData]) -> FakeTrsData:
    fake = served[1]
    fake.reset(RECORDS)
    return fake


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def trs(
    served: tuple[str, FakeTrsData], fake_trs: FakeTrsData, waits: list[float]
) -> Iterator[TrsClient]:
    retry = RetryPolicy(attempts=3, base_delay=0.1)
    with TrsClient(served[0], "test-key", retry=retry, sleep=waits.append) as client:
        yield client


@pytest.mark.parametrize(
    ("trn", "check"),
    [
        ("7000001", lambda t: not t.has_qts and t.induction_status is TrsInductionStatus.NONE),
        ("7000003", lambda t: t.is_prohibited_on(REFERENCE_DATE)),
        ("7000005", lambda t: t.has_alerts and not t.is_prohibited_on(REFERENCE_DATE)),
        ("7000006", lambda t: t.induction_status.allows_claim and t.has_qts),
        ("7000007", lambda t: t.induction_status is TrsInductionStatus.PASSED),
        ("7000008", lambda t: t.induction_status is TrsInductionStatus.FAILED),
        ("7000009", lambda t: t.induction_status is TrsInductionStatus.EXEMPT),
        ("7000010", lambda t: t.induction_status is TrsInductionStatus.FAILED_IN_WALES),
        ("7000012", lambda t: t.induction_status.allows_claim and not t.has_alerts),
    ],
)
def test_each_special_trn_is_read_as_its_teacher(
    trs: TrsClient, trn: str, check: Callable[[TeacherRecord], bool]
) -> None:
    teacher = trs.find(Trn(trn))

    assert teacher.trn == Trn(trn)
    assert check(teacher)


def test_a_found_teacher_carries_what_registration_and_the_refresh_need(trs: TrsClient) -> None:
    teacher = trs.find(Trn("7000007"))

    assert (teacher.first_name, teacher.last_name) == ("Peter", "Lawson")
    assert teacher.date_of_birth == date(1996, 3, 7)
    assert teacher.email_address == "peter.lawson@example.com"
    assert (teacher.induction_start_date, teacher.induction_completed_date) == (
        date(2023, 9, 4),
        date(2025, 7, 18),
    )
    assert teacher.qts_awarded_on == date(2026, 7, 10)
    assert teacher.qts_status_description == "QualifiedTeacherStatus"
    assert teacher.initial_teacher_training_provider_name == "Northern Lights Teacher Training"
    assert teacher.initial_teacher_training_end_date == date(2026, 6, 30)


@pytest.mark.parametrize(
    ("trn", "error"),
    [("7000002", TeacherNotFound), ("1234567", TeacherNotFound), ("7000004", TeacherDeactivated)],
)
def test_missing_and_deactivated_teachers_are_not_found(
    trs: TrsClient, trn: str, error: type[NotFound]
) -> None:
    with pytest.raises(error) as raised:
        trs.find(Trn(trn))

    assert isinstance(raised.value, NotFound)
    assert raised.value.trn == Trn(trn)  # type: ignore[attr-defined]


def test_a_merged_teacher_names_the_surviving_trn(trs: TrsClient) -> None:
    with pytest.raises(TeacherMerged) as raised:
        trs.find(Trn("7000011"))

    assert raised.value.new_trn == Trn("7000012")
    assert isinstance(raised.value, NotFound)


def test_a_record_without_a_first_name_is_not_a_match(
    trs: TrsClient, fake_trs: FakeTrsData
) -> None:
    person = RECORDS["7000006"].person
    assert person is not None
    fake_trs.put_record("7000006", TrsRecord.found(evolve(person, first_name="")))

    with pytest.raises(TeacherNotFound):
        trs.find(Trn("7000006"))


def test_the_date_of_birth_must_match(trs: TrsClient) -> None:
    assert trs.find(Trn("7000006"), date_of_birth=date(1996, 3, 6)).first_name == "Kirsty"
    with pytest.raises(TeacherNotFound):
        trs.find(Trn("7000006"), date_of_birth=date(1996, 3, 7))


def test_a_school_finds_by_national_insurance_number_after_a_date_of_birth_mismatch(
    trs: TrsClient,
) -> None:
    found = trs.find(Trn("7000006"), national_insurance_number=NationalInsuranceNumber("JS000006A"))

    assert found.first_name == "Kirsty"
    with pytest.raises(TeacherNotFound):
        trs.find(Trn("7000006"), national_insurance_number=NationalInsuranceNumber("JS000007A"))


def test_two_server_errors_then_an_answer_is_an_answer(
    trs: TrsClient, fake_trs: FakeTrsData, waits: list[float]
) -> None:
    fake_trs.fail_next(2, status=500)

    assert trs.find(Trn("7000006")).first_name == "Kirsty"
    assert waits == [0.1, 0.2]


def test_a_trs_that_keeps_failing_is_unavailable(
    trs: TrsClient, fake_trs: FakeTrsData, waits: list[float]
) -> None:
    fake_trs.fail_next(3, status=503)

    with pytest.raises(TeacherRecordUnavailable):
        trs.find(Trn("7000006"))

    assert waits == [0.1, 0.2]
    assert fake_trs.take_failure() is None


def test_a_client_error_is_never_retried(
    trs: TrsClient, fake_trs: FakeTrsData, waits: list[float]
) -> None:
    fake_trs.fail_next(2, status=400)

    with pytest.raises(TeacherRecordUnavailable):
        trs.find(Trn("7000006"))

    assert waits == []
    assert fake_trs.take_failure() == 400


def test_a_refused_api_key_makes_trs_unavailable(served: tuple[str, FakeTrsData]) -> None:
    with TrsClient(served[0], None) as client, pytest.raises(TeacherRecordUnavailable):
        client.find(Trn("7000006"))


def test_a_trs_that_is_not_listening_is_unavailable(waits: list[float]) -> None:
    base_url, stop = run_fake_trs(FakeTrsData({}))
    stop()
    client = TrsClient(base_url, "key", retry=RetryPolicy(3, 0.1), sleep=waits.append)

    with client, pytest.raises(TeacherRecordUnavailable):
        client.find(Trn("7000006"))

    assert waits == [0.1, 0.2]


def test_beginning_an_induction_is_sent_and_shown_on_the_next_read(
    trs: TrsClient, fake_trs: FakeTrsData
) -> None:
    assert trs.begin_induction(Trn("7000006"), started_on=date(2026, 9, 7), modified_on=MODIFIED_ON)

    [update] = fake_trs.induction_updates
    assert (update.trn, update.body) == (
        "7000006",
        {
            "status": "InProgress",
            "startDate": "2026-09-07",
            "completedDate": None,
            "modifiedOn": "2026-09-07T09:30:15.123Z",
        },
    )
    teacher = trs.find(Trn("7000006"))
    assert teacher.induction_status is TrsInductionStatus.IN_PROGRESS
    assert teacher.induction_start_date == date(2026, 9, 7)


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (
            lambda trs, trn: trs.pass_induction(
                trn,
                started_on=date(2024, 9, 2),
                finished_on=date(2026, 7, 17),
                modified_on=MODIFIED_ON,
            ),
            ("Passed", "2024-09-02", "2026-07-17"),
        ),
        (
            lambda trs, trn: trs.fail_induction(
                trn,
                started_on=date(2024, 9, 2),
                finished_on=date(2026, 7, 17),
                modified_on=MODIFIED_ON,
            ),
            ("Failed", "2024-09-02", "2026-07-17"),
        ),
        (
            lambda trs, trn: trs.reset_induction(trn, modified_on=MODIFIED_ON),
            ("RequiredToComplete", None, None),
        ),
        (
            lambda trs, trn: trs.reopen_induction(
                trn, started_on=date(2024, 9, 2), modified_on=MODIFIED_ON
            ),
            ("InProgress", "2024-09-02", None),
        ),
    ],
)
def test_each_induction_report_sends_the_status_and_dates_of_the_b1_table(
    trs: TrsClient,
    fake_trs: FakeTrsData,
    report: Callable[[TrsClient, Trn], bool],
    expected: tuple[str, str | None, str | None],
) -> None:
    assert report(trs, Trn("7000006"))

    [update] = fake_trs.induction_updates
    body = update.body
    assert (body["status"], body["startDate"], body["completedDate"]) == expected


def test_a_report_trs_refuses_is_logged_and_false(
    trs: TrsClient, fake_trs: FakeTrsData, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="ecf2.adapters.trs.client"):
        sent = trs.begin_induction(
            Trn("7000002"), started_on=date(2026, 9, 7), modified_on=MODIFIED_ON
        )

    assert sent is False
    assert "7000002" in caplog.text
    assert fake_trs.induction_updates == []


def test_a_report_survives_a_passing_outage(trs: TrsClient, fake_trs: FakeTrsData) -> None:
    fake_trs.fail_next(2, status=502)

    assert trs.reset_induction(Trn("7000006"), modified_on=MODIFIED_ON)
    assert len(fake_trs.induction_updates) == 1


def test_a_report_trs_never_received_is_raised_so_it_can_be_sent_again(
    trs: TrsClient, fake_trs: FakeTrsData
) -> None:
    fake_trs.fail_next(3, status=500)

    with pytest.raises(InductionStatusNotReported):
        trs.begin_induction(Trn("7000006"), started_on=date(2026, 9, 7), modified_on=MODIFIED_ON)

    assert fake_trs.induction_updates == []


def test_dates_of_birth_and_ni_numbers_stay_out_of_the_request_log(
    trs: TrsClient, caplog: pytest.LogCaptureFixture
) -> None:
    nino = NationalInsuranceNumber("JS000006A")

    with caplog.at_level(logging.INFO, logger="httpx"):
        trs.find(Trn("7000006"), date_of_birth=date(1996, 3, 6))
        trs.find(Trn("7000006"), national_insurance_number=nino)

    assert "/v3/persons/7000006" in caplog.text
    assert "1996-03-06" not in caplog.text
    assert "JS000006A" not in caplog.text
    assert "dateOfBirth=redacted" in caplog.text
