"""The fake TRS server, on loopback, answers the way TRS does (inductions-trs (b.1))."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from ecf2.adapters.trs.demo_data import REFERENCE_DATE, demo_trs_records
from ecf2.adapters.trs.fake_server import FakeTrsData, run_fake_trs
from ecf2.adapters.trs.payloads import TrsPerson, person_from_json
from ecf2.domain.participants.values import TrsInductionStatus

HEADERS = {"Authorization": "Bearer any-token", "X-Api-Version": "20260120"}
INCLUDE = {"include": "Alerts,Induction,MandatoryQualifications,RoutesToProfessionalStatuses"}
IN_PROGRESS_BODY = {
    "status": "InProgress",
    "startDate": "2026-09-07",
    "completedDate": None,
    "modifiedOn": "2026-09-07T09:30:00.000Z",
}


RECORDS = demo_trs_records(count=20)


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
def trs(served: tuple[str, FakeTrsData], fake_trs: FakeTrsData) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served[0], headers=HEADERS, timeout=5) as client:
        yield client


def get_person(trs: httpx.Client, trn: str, **query: str) -> httpx.Response:
    return trs.get(f"/v3/persons/{trn}", params={**INCLUDE, **query})


@pytest.mark.parametrize(
    ("trn", "check"),
    [
        ("7000001", lambda p: not p.has_qts),
        ("7000003", lambda p: p.is_prohibited(REFERENCE_DATE)),
        ("7000005", lambda p: p.has_alerts and not p.is_prohibited(REFERENCE_DATE)),
        ("7000006", lambda p: p.induction.status.allows_claim and p.has_qts),
        ("7000007", lambda p: p.induction.status is TrsInductionStatus.PASSED),
        ("7000008", lambda p: p.induction.status is TrsInductionStatus.FAILED),
        ("7000009", lambda p: p.induction.status is TrsInductionStatus.EXEMPT),
        ("7000010", lambda p: p.induction.status is TrsInductionStatus.FAILED_IN_WALES),
        ("7000012", lambda p: p.induction.status.allows_claim and not p.has_alerts),
    ],
)
def test_special_people_are_served_in_trs_shape(
    trs: httpx.Client, trn: str, check: Callable[[TrsPerson], bool]
) -> None:
    response = get_person(trs, trn)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    person = person_from_json(response.json())
    assert person.trn.value == trn
    assert check(person)


@pytest.mark.parametrize(("trn", "status"), [("7000002", 404), ("7000004", 410), ("1234567", 404)])
def test_missing_and_deactivated_teachers(trs: httpx.Client, trn: str, status: int) -> None:
    assert get_person(trs, trn).status_code == status


def test_a_merged_teacher_redirects_to_the_surviving_trn(trs: httpx.Client) -> None:
    response = get_person(trs, "7000011")

    assert response.status_code == 308
    assert response.headers["location"] == "/v3/persons/7000012"


def test_a_date_of_birth_that_does_not_match_is_not_found(trs: httpx.Client) -> None:
    assert get_person(trs, "7000006", dateOfBirth="1996-03-06").status_code == 200
    assert get_person(trs, "7000006", dateOfBirth="1996-03-07").status_code == 404


def test_a_nino_lookup_ignores_case_and_spaces(trs: httpx.Client) -> None:
    found = get_person(trs, "7000006", nationalInsuranceNumber="js 00 00 06 a")
    wrong = get_person(trs, "7000006", nationalInsuranceNumber="JS000007A")

    assert found.status_code == 200
    assert found.json()["firstName"] == "Kirsty"
    assert wrong.status_code == 404


def test_a_matching_nino_finds_the_teacher_despite_another_date_of_birth(
    trs: httpx.Client,
) -> None:
    response = get_person(
        trs, "7000006", dateOfBirth="1990-01-01", nationalInsuranceNumber="JS000006A"
    )

    assert response.status_code == 200


def test_the_generated_people_are_served(trs: httpx.Client) -> None:
    response = get_person(trs, "3000020")

    assert response.status_code == 200
    assert person_from_json(response.json()).trn.value == "3000020"


def test_a_request_without_a_bearer_token_is_refused(trs: httpx.Client) -> None:
    response = trs.get("/v3/persons/7000006", headers={"Authorization": ""})

    assert response.status_code == 401


def test_an_induction_update_is_recorded_and_shown_on_the_next_read(
    trs: httpx.Client, fake_trs: FakeTrsData
) -> None:
    response = trs.put("/v3/persons/7000006/cpd-induction", json=IN_PROGRESS_BODY)

    assert response.status_code == 204
    assert [(u.trn, u.body) for u in fake_trs.induction_updates] == [("7000006", IN_PROGRESS_BODY)]
    induction = get_person(trs, "7000006").json()["induction"]
    assert (induction["status"], induction["startDate"]) == ("InProgress", "2026-09-07")


@pytest.mark.parametrize(("trn", "status"), [("7000002", 404), ("7000004", 410), ("7000011", 308)])
def test_an_induction_update_for_no_person_is_refused(
    trs: httpx.Client, fake_trs: FakeTrsData, trn: str, status: int
) -> None:
    response = trs.put(f"/v3/persons/{trn}/cpd-induction", json=IN_PROGRESS_BODY)

    assert response.status_code == status
    assert fake_trs.induction_updates == []


def test_an_unreadable_induction_update_is_a_bad_request(trs: httpx.Client) -> None:
    response = trs.put("/v3/persons/7000006/cpd-induction", json={"status": "Sideways"})

    assert response.status_code == 400


def test_injected_failures_answer_the_next_requests_then_stop(
    trs: httpx.Client, fake_trs: FakeTrsData
) -> None:
    fake_trs.fail_next(2, status=503)

    statuses = [get_person(trs, "7000006").status_code for _ in range(3)]

    assert statuses == [503, 503, 200]


def test_stopping_the_server_frees_it() -> None:
    base_url, stop = run_fake_trs(FakeTrsData({}))
    assert httpx.get(f"{base_url}/health").status_code == 200

    stop()

    with pytest.raises(httpx.TransportError):
        httpx.get(f"{base_url}/health", timeout=1)
