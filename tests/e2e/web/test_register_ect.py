"""Registering an ECT over HTTP on the demo data (participants-and-schools §3.1, §3.8), with
the fake TRS served on loopback behind the real TRS client: each question, each block, each
error on the page that asked, CSRF, a TRS outage, and the new ECT on the school's list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import httpx
import pytest
from dependency_injector.providers import Object
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import Engine

from ecf2.adapters.trs.client import RetryPolicy, TrsClient
from ecf2.adapters.trs.demo_data import demo_trs_records
from ecf2.adapters.trs.fake_server import FakeTrsData, run_fake_trs
from tests.e2e.web.demo_site import (
    alter,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    csrf_token,
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    emails_to,
    engine,  # noqa: F401 (fixture)
    scalar,
    sign_in,
)
from tests.e2e.web.demo_site import app as demo_site_app  # noqa: F401 (fixture)

BASE = "/school/register-ect"
KIRSTY, LAURA, NADIA, PRIYA = "7000006", "7000012", "7000001", "7000005"
GEORGE = "3000051"  # an ECT at Brookfield Infant School
BENJAMIN = "3000034"  # an ECT at Ashdown Primary School
RECORDS = demo_trs_records()


@pytest.fixture(scope="module")
def trs_data() -> FakeTrsData:
    return FakeTrsData(RECORDS)


@pytest.fixture(scope="module")
def trs_url(trs_data: FakeTrsData) -> Iterator[str]:
    url, stop = run_fake_trs(trs_data)
    yield url
    stop()


@pytest.fixture
def app(demo_site_app: Litestar, trs_url: str) -> Iterator[Litestar]:  # noqa: F811
    container = demo_site_app.state.container
    client = TrsClient(
        trs_url, "test-key", retry=RetryPolicy(attempts=2), sleep=lambda _seconds: None
    )
    container.trs.override(Object(client))
    yield demo_site_app
    container.trs.reset_override()
    client.close()


@pytest.fixture
def school_user(client: TestClient[Any]) -> TestClient[Any]:
    sign_in(client)
    return client


def born(trn: str) -> date:
    person = RECORDS[trn].person
    assert person is not None
    return person.date_of_birth


def post(client: TestClient[Any], step: str, token: str | None = "page", **data: Any):
    if token == "page":
        token = csrf_token(client.get("/school/home/ects"))
    form = {key: str(value) for key, value in data.items()}
    if token is not None:
        form["csrf_token"] = token
    return client.post(f"{BASE}/{step}", data=form, follow_redirects=False)


def date_fields(name: str, day: date) -> dict[str, int]:
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def find(client: TestClient[Any], trn: str, date_of_birth: date | None = None) -> httpx.Response:
    client.get(BASE)  # a fresh start
    return post(
        client, "find-ect", trn=trn, **date_fields("date_of_birth", date_of_birth or born(trn))
    )


def goes_to(response: httpx.Response, step: str) -> bool:
    return response.status_code == 303 and response.headers["location"] == f"{BASE}/{step}"


def text(page: httpx.Response) -> str:
    return re.sub(r"\s+", " ", page.text)


def has_error(page: httpx.Response, field: str, message: str) -> bool:
    """The error summary links to the field, and the field shows the same message."""
    shown = text(page)
    return (
        page.status_code == 422
        and "govuk-error-summary" in shown
        and f'href="#{field}"' in shown
        and shown.count(message) >= 2
    )


def id_of(db: Engine, table: str, name: str) -> int:
    return scalar(db, f"SELECT id FROM {table} WHERE name = :name", name=name)


def answer_details(client: TestClient[Any], db: Engine, start: date, **extra: Any) -> None:
    """From "check the ECT's details" to check your answers, answering as a state school."""
    assert goes_to(post(client, "review-details", details_correct="yes"), "email-address")
    trn = extra.pop("trn")
    assert goes_to(post(client, "email-address", email=f"{trn}@example.org"), "start-date")
    assert goes_to(
        post(client, "start-date", **date_fields("start_date", start)), "working-pattern"
    )
    pattern = post(client, "working-pattern", working_pattern="full_time")
    assert goes_to(pattern, "use-previous-choices")  # Ashdown has chosen before
    assert goes_to(post(client, "use-previous-choices", use_previous="no"), "appropriate-body")
    hub = id_of(db, "appropriate_bodies", "Ashfield Teaching School Hub")
    assert goes_to(post(client, "appropriate-body", appropriate_body_id=hub), "training-programme")


def count(db: Engine, sql: str, **params: Any) -> int:
    return scalar(db, f"SELECT count(*) FROM {sql}", **params)


def teachers_with(db: Engine, trn: str) -> int:
    return count(db, "teachers WHERE trn = :trn", trn=trn)


# Happy paths.


def test_a_school_registers_a_provider_led_ect_who_then_shows_on_its_list(school_user, engine):  # noqa: F811
    assert goes_to(find(school_user, KIRSTY), "review-details")
    review = school_user.get(f"{BASE}/review-details")
    assert "Kirsty Mclean" in review.text
    assert f'href="{BASE}/find-ect"' in review.text
    answer_details(school_user, engine, date(2026, 9, 1), trn=KIRSTY)
    assert goes_to(
        post(school_user, "training-programme", training_programme="provider_led"), "lead-provider"
    )
    ambition = id_of(engine, "lead_providers", "Ambition Institute")
    assert goes_to(post(school_user, "lead-provider", lead_provider_id=ambition), "check-answers")

    check = text(school_user.get(f"{BASE}/check-answers"))
    for shown in ("Kirsty Mclean", KIRSTY, "1 September 2026", "Full-time", "Ambition Institute"):
        assert shown in check
    assert f'href="{BASE}/email-address"' in check

    done = post(school_user, "check-answers")
    assert goes_to(done, "confirmation")
    confirmation = school_user.get(f"{BASE}/confirmation")
    assert "You have registered Kirsty Mclean as an ECT" in confirmation.text
    listed = text(school_user.get("/school/home/ects"))
    assert "Kirsty Mclean" in listed
    kirsty = listed.split('class="govuk-summary-card"')
    card = next(each for each in kirsty if "Kirsty Mclean" in each)
    for shown in ("Ambition Institute", "Action required"):
        assert shown in card
    # Training from today (23 November 2026), so on the 2026 January schedule (§2.5, §2.7).
    training = scalar(
        engine,
        "SELECT s.contract_period_year || ' ' || s.identifier || ' ' || tp.started_on "
        "FROM training_periods tp JOIN teachers t ON t.id = tp.teacher_id "
        "JOIN schedules s ON s.id = tp.schedule_id WHERE t.trn = :trn",
        trn=KIRSTY,
    )
    assert training == "2026 ecf-standard-january 2026-11-23"
    assert (
        count(
            engine,
            "events e JOIN teachers t ON t.id = e.teacher_id WHERE t.trn = :trn "
            "AND e.event_type = 'teacher_registered_as_ect'",
            trn=KIRSTY,
        )
        == 1
    )
    # The ECT is told, in the provider-led words, once the registration has committed.
    [email] = emails_to(engine, f"{KIRSTY}@example.org")
    assert email.template == "ect_registered_provider_led"
    assert email.personalisation["lead_provider_name"] == "Ambition Institute"
    assert email.personalisation["start_date"] == "1 September 2026"
    # The journey is over: its answers are gone.
    assert goes_to(post(school_user, "check-answers"), "find-ect")


def test_a_school_led_ect_with_a_corrected_name(school_user, engine):  # noqa: F811
    assert goes_to(find(school_user, LAURA), "review-details")
    no_name = post(school_user, "review-details", details_correct="no", corrected_name=" ")
    assert has_error(no_name, "corrected_name", "Enter the correct full name")
    corrected = post(
        school_user, "review-details", details_correct="no", corrected_name="Laura Bishop-Hale"
    )
    assert goes_to(corrected, "email-address")
    school_user.get(BASE + "/email-address")
    post(school_user, "email-address", email="laura@example.org")
    post(school_user, "start-date", **date_fields("start_date", date(2027, 1, 4)))
    post(school_user, "working-pattern", working_pattern="part_time")
    post(school_user, "use-previous-choices", use_previous="no")
    hub = id_of(engine, "appropriate_bodies", "Ashfield Teaching School Hub")
    post(school_user, "appropriate-body", appropriate_body_id=hub)
    assert goes_to(
        post(school_user, "training-programme", training_programme="school_led"), "check-answers"
    )
    assert goes_to(post(school_user, "check-answers"), "confirmation")
    listed = text(school_user.get("/school/home/ects"))
    card = next(each for each in listed.split('govuk-summary-card"') if "Laura Bishop-Hale" in each)
    assert "School-led" in card
    [email] = emails_to(engine, "laura@example.org")
    assert email.template == "ect_registered_school_led"
    assert email.personalisation["name"] == "Laura Bishop-Hale"


def test_an_ect_moving_from_another_school_leaves_it_the_day_before(school_user, engine):  # noqa: F811
    assert goes_to(find(school_user, GEORGE), "review-details")
    assert goes_to(post(school_user, "review-details", details_correct="yes"), "registered-before")
    assert (
        "registered as an ECT at a school before"
        in school_user.get(f"{BASE}/registered-before").text
    )
    assert goes_to(post(school_user, "registered-before"), "email-address")
    post(school_user, "email-address", email="george.moves@example.org")
    too_late = post(school_user, "start-date", **date_fields("start_date", date(2027, 3, 24)))
    assert has_error(too_late, "start_date", "four months from today")
    post(school_user, "start-date", **date_fields("start_date", date(2027, 1, 4)))
    post(school_user, "working-pattern", working_pattern="full_time")
    post(school_user, "use-previous-choices", use_previous="no")
    hub = id_of(engine, "appropriate_bodies", "Ashfield Teaching School Hub")
    post(school_user, "appropriate-body", appropriate_body_id=hub)
    post(school_user, "training-programme", training_programme="school_led")
    assert goes_to(post(school_user, "check-answers"), "confirmation")
    finished = scalar(
        engine,
        "SELECT p.finished_on FROM ect_at_school_periods p JOIN teachers t ON t.id = p.teacher_id "
        "JOIN schools s ON s.id = p.school_id WHERE t.trn = :trn AND s.urn <> '100101'",
        trn=GEORGE,
    )
    assert str(finished) == "2027-01-03"
    assert "George Thompson" in school_user.get("/school/home/ects").text


# Blocks, not found, and the National Insurance number.


@pytest.mark.parametrize(
    ("trn", "block"),
    [
        ("7000007", "induction_passed"),
        ("7000008", "induction_failed"),
        ("7000009", "induction_exempt"),
        ("7000003", "prohibited"),
        (BENJAMIN, "already_active_at_school"),
    ],
)
def test_teachers_who_cannot_be_registered_are_turned_away(school_user, engine, trn, block):  # noqa: F811
    before = teachers_with(engine, trn)
    assert goes_to(find(school_user, trn), "cannot-register")
    page = school_user.get(f"{BASE}/cannot-register")
    assert f'data-block="{block}"' in page.text
    assert goes_to(post(school_user, "review-details", details_correct="yes"), "find-ect")
    assert school_user.get(f"{BASE}/email-address", follow_redirects=False).status_code == 302
    assert teachers_with(engine, trn) == before


@pytest.mark.parametrize("trn", ["7000002", "7000004"])
def test_a_trn_trs_does_not_know(school_user, trn):
    assert goes_to(find(school_user, trn, date(1990, 1, 1)), "not-found")
    assert "We cannot find the ECT" in school_user.get(f"{BASE}/not-found").text


def test_a_different_date_of_birth_asks_for_the_national_insurance_number(school_user):
    assert goes_to(find(school_user, PRIYA, date(1990, 1, 1)), "national-insurance-number")
    malformed = post(
        school_user, "national-insurance-number", national_insurance_number="DA123456A"
    )
    assert has_error(
        malformed, "national_insurance_number", "National Insurance number in the correct format"
    )
    wrong = post(school_user, "national-insurance-number", national_insurance_number="AB123456C")
    assert goes_to(wrong, "not-found")
    school_user.get(f"{BASE}/national-insurance-number")
    assert goes_to(find(school_user, PRIYA, date(1990, 1, 1)), "national-insurance-number")
    right = post(
        school_user, "national-insurance-number", national_insurance_number="js 00 00 05 a"
    )
    assert goes_to(right, "review-details")


# Each question refuses a bad answer on its own page.


def test_each_question_shows_its_errors_on_the_page_that_asked(school_user, engine):  # noqa: F811
    school_user.get(BASE)
    empty = post(school_user, "find-ect")
    assert has_error(empty, "trn", "Enter the teacher reference number (TRN)")
    assert has_error(empty, "date_of_birth", "Enter the date of birth")
    short = post(school_user, "find-ect", trn="1234", **date_fields("date_of_birth", born(NADIA)))
    assert has_error(short, "trn", "at least 5 digits")
    young = post(
        school_user, "find-ect", trn=NADIA, **date_fields("date_of_birth", date(2010, 1, 1))
    )
    assert has_error(young, "date_of_birth", "between 18 and 100")
    unreal = post(
        school_user,
        "find-ect",
        trn=NADIA,
        **{"date_of_birth-day": "31", "date_of_birth-month": "2", "date_of_birth-year": "1990"},
    )
    assert has_error(unreal, "date_of_birth", "must be a real date")
    assert 'value="31"' in unreal.text

    assert goes_to(find(school_user, NADIA), "review-details")  # no QTS does not matter
    assert has_error(
        post(school_user, "review-details"),
        "details_correct",
        "Select if these details are correct",
    )
    post(school_user, "review-details", details_correct="yes")
    assert has_error(post(school_user, "email-address", email="nadia@"), "email", "correct format")
    in_use = scalar(
        engine,
        "SELECT p.email FROM ect_at_school_periods p WHERE p.finished_on IS NULL "
        "AND p.email IS NOT NULL LIMIT 1",
    )
    assert has_error(
        post(school_user, "email-address", email=in_use.upper()), "email", "already in use"
    )
    post(school_user, "email-address", email="nadia@example.org")
    early = post(school_user, "start-date", **date_fields("start_date", date(2024, 5, 31)))
    assert has_error(early, "start_date", "on or after 1 June 2024")
    closed = post(school_user, "start-date", **date_fields("start_date", date(2027, 7, 1)))
    assert goes_to(closed, "cannot-register-yet")
    post(school_user, "start-date", **date_fields("start_date", date(2026, 11, 30)))
    assert has_error(
        post(school_user, "working-pattern"), "working_pattern", "full-time or part-time"
    )
    post(school_user, "working-pattern", working_pattern="full_time")
    unanswered = post(school_user, "use-previous-choices")
    assert has_error(unanswered, "use_previous", "Select if you want to use these choices")
    post(school_user, "use-previous-choices", use_previous="no")
    council = id_of(engine, "appropriate_bodies", "Westshire County Council")
    refused = post(school_user, "appropriate-body", appropriate_body_id=council)
    assert has_error(refused, "appropriate_body_id", "Select which appropriate body")
    assert "Westshire County Council" not in refused.text
    hub = id_of(engine, "appropriate_bodies", "Ashfield Teaching School Hub")
    post(school_user, "appropriate-body", appropriate_body_id=hub)
    assert has_error(
        post(school_user, "training-programme"),
        "training_programme",
        "Select which training programme",
    )
    post(school_user, "training-programme", training_programme="provider_led")
    assert has_error(
        post(school_user, "lead-provider", lead_provider_id=999999),
        "lead_provider_id",
        "Select which lead provider",
    )


def test_a_change_from_check_your_answers_returns_to_it(school_user, engine):  # noqa: F811
    assert goes_to(find(school_user, "7000010"), "review-details")  # failed in Wales: allowed
    answer_details(school_user, engine, date(2026, 12, 1), trn="7000010")
    post(school_user, "training-programme", training_programme="school_led")
    assert goes_to(post(school_user, "email-address", email="rhys@example.org"), "check-answers")
    changed = post(school_user, "training-programme", training_programme="provider_led")
    assert goes_to(changed, "lead-provider")


def test_the_schools_last_choices_can_be_reused_and_changed(school_user, engine):  # noqa: F811
    assert goes_to(find(school_user, "7000005"), "review-details")
    post(school_user, "review-details", details_correct="yes")
    post(school_user, "email-address", email="priya@example.org")
    post(school_user, "start-date", **date_fields("start_date", date(2026, 12, 1)))
    assert goes_to(
        post(school_user, "working-pattern", working_pattern="full_time"), "use-previous-choices"
    )
    offered = text(school_user.get(f"{BASE}/use-previous-choices"))
    assert "Teaching School Hub" in offered
    assert goes_to(post(school_user, "use-previous-choices", use_previous="yes"), "check-answers")
    check = school_user.get(f"{BASE}/check-answers").text
    assert f'href="{BASE}/use-previous-choices"' in check
    assert f'href="{BASE}/appropriate-body"' not in check
    assert goes_to(post(school_user, "use-previous-choices", use_previous="no"), "appropriate-body")
    assert school_user.get(f"{BASE}/check-answers", follow_redirects=False).status_code == 302
    assert goes_to(post(school_user, "use-previous-choices", use_previous="yes"), "check-answers")
    assert goes_to(post(school_user, "check-answers"), "confirmation")
    assert "Priya Sharma" in school_user.get("/school/home/ects").text


def test_a_step_the_answers_do_not_reach_goes_back_to_the_start(school_user):
    school_user.get(BASE)
    response = school_user.get(f"{BASE}/check-answers", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == f"{BASE}/find-ect"
    assert school_user.get(f"{BASE}/no-such-step").status_code == 404


# Forgery, outage and access.


def test_a_form_without_this_sessions_token_is_refused(school_user):
    school_user.get(BASE)
    assert post(school_user, "find-ect", token=None, trn=KIRSTY).status_code == 403
    assert post(school_user, "find-ect", token="forged", trn=KIRSTY).status_code == 403


def test_trs_being_down_asks_to_try_again_later_and_writes_nothing(school_user, engine, trs_data):  # noqa: F811
    before = count(engine, "events")
    trs_data.fail_next(2, status=503)
    page = find(school_user, NADIA)
    assert page.status_code == 503
    assert "Try again later" in page.text
    assert count(engine, "events") == before
    assert goes_to(find(school_user, NADIA), "review-details")


def test_registering_is_for_school_users_only(client):
    response = client.get(f"{BASE}/find-ect", follow_redirects=False)
    assert response.status_code in (302, 303)


def test_registration_is_closed_in_the_first_fortnight_of_june(school_user, clock):  # noqa: F811
    clock.set(date(2026, 6, 5))
    page = school_user.get(BASE)
    assert page.status_code == 200
    assert "You can register ECTs again from 15 June 2026" in text(page)
    assert "15 June 2026" in text(school_user.get(f"{BASE}/find-ect"))
    refused = post(
        school_user, "find-ect", trn=KIRSTY, **date_fields("date_of_birth", born(KIRSTY))
    )
    assert refused.status_code == 200
    assert "You cannot register ECTs at the moment" in refused.text


def test_an_independent_school_without_section_41_goes_back_to_its_ects(school_user, alter):  # noqa: F811
    alter(
        "gias_schools",
        {"urn": "100101"},
        type_name="Other independent school",
        section_41_approved=False,
    )
    response = school_user.get(BASE, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/school/home/ects"


def test_registering_waits_for_the_induction_tutor_to_be_confirmed(school_user, alter):  # noqa: F811
    """§2.8: a tutor last confirmed for 2025 is confirmed again before registering in 2026."""
    alter("schools", {"urn": "100101"}, induction_tutor_last_nominated_in=2025)
    assert school_user.get(BASE, follow_redirects=False).headers["location"] == (
        "/school/induction-tutor"
    )
    token = csrf_token(school_user.get("/school/induction-tutor"))
    sent = school_user.post(f"{BASE}/find-ect", data={"csrf_token": token}, follow_redirects=False)
    assert sent.status_code == 303
    assert sent.headers["location"] == "/school/induction-tutor"


def test_a_start_date_whose_contract_period_is_not_open_cannot_be_registered_yet(school_user):
    """§3.1 step 7: the 2027 contract period does not exist yet in the demo."""
    assert goes_to(find(school_user, NADIA), "review-details")
    post(school_user, "review-details", details_correct="yes")
    post(school_user, "email-address", email="nadia@example.org")
    later = post(school_user, "start-date", **date_fields("start_date", date(2027, 7, 1)))
    assert goes_to(later, "cannot-register-yet")
    page = school_user.get(f"{BASE}/cannot-register-yet")
    assert "You cannot register Nadia" in text(page)
    assert "not open yet for ECTs starting on 1 July 2027" in text(page)
    assert f'<a href="{BASE}/start-date" class="govuk-back-link"' in page.text
    assert 'href="/school/home/ects">Back to your ECTs' in page.text
    # Nothing past this page can be answered.
    past = school_user.get(f"{BASE}/working-pattern", follow_redirects=False)
    assert past.headers["location"] == f"{BASE}/find-ect"
    # An earlier date moves on.
    sooner = post(school_user, "start-date", **date_fields("start_date", date(2026, 11, 30)))
    assert goes_to(sooner, "working-pattern")
