"""Changing an ECT's name, email address and working pattern from their page, over HTTP on
the demo data (participants-and-schools §3.4): each journey's rules answered on the page
that asked, the change saved with its event, and nothing of another school's ECTs."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from litestar.testing import TestClient
from sqlalchemy import Engine

from tests.e2e.web.demo_site import (
    alter,  # noqa: F401 (fixture)
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    csrf_token,
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    scalar,
    sign_in,
)

WILLIAM, JAMES = "3000320", "3000077"  # ECTs at Ashdown Primary School
GEORGE = "3000051"  # an ECT at Brookfield Infant School


@pytest.fixture
def school_user(client: TestClient[Any]) -> TestClient[Any]:
    sign_in(client)
    return client


def api_id(db: Engine, trn: str) -> str:
    found = str(scalar(db, "SELECT api_id FROM teachers WHERE trn = :trn", trn=trn))
    if "-" not in found:
        found = f"{found[:8]}-{found[8:12]}-{found[12:16]}-{found[16:20]}-{found[20:]}"
    return found


def base(db: Engine, trn: str, detail: str) -> str:
    return f"/school/ects/{api_id(db, trn)}/change/{detail}"


def post(client: TestClient[Any], path: str, token: str | None = "page", **data: Any):
    if token == "page":
        token = csrf_token(client.get("/school/home/ects"))
    form = {key: str(value) for key, value in data.items()}
    if token is not None:
        form["csrf_token"] = token
    return client.post(path, data=form, follow_redirects=False)


def text(page: httpx.Response) -> str:
    return re.sub(r"\s+", " ", page.text)


def events(db: Engine, event_type: str, trn: str) -> int:
    return scalar(
        db,
        "SELECT count(*) FROM events e JOIN teachers t ON t.id = e.teacher_id "
        "WHERE e.event_type = :event_type AND t.trn = :trn",
        event_type=event_type,
        trn=trn,
    )


def placement_value(db: Engine, column: str, trn: str) -> Any:
    return scalar(
        db,
        f"SELECT p.{column} FROM ect_at_school_periods p JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND p.finished_on IS NULL",
        trn=trn,
    )


def refused(page: httpx.Response, field: str, message: str) -> None:
    assert page.status_code == 422
    shown = text(page)
    assert "govuk-error-summary" in shown
    assert f'href="#{field}"' in shown
    assert shown.count(message) >= 2


def test_the_ects_page_links_to_each_change(school_user, engine):  # noqa: F811
    page = school_user.get(f"/school/ects/{api_id(engine, JAMES)}").text
    for detail in ("name", "email", "working-pattern", "appropriate-body"):
        assert f'href="{base(engine, JAMES, detail)}"' in page


def test_a_small_name_change_goes_straight_to_check_answers(school_user, engine):  # noqa: F811
    path = base(engine, WILLIAM, "name")
    assert school_user.get(path, follow_redirects=False).headers["location"] == f"{path}/name"
    answered = post(school_user, f"{path}/name", corrected_name="William  Johnston")
    assert answered.headers["location"] == f"{path}/check-answers"
    assert "William Johnston" in school_user.get(f"{path}/check-answers").text
    done = post(school_user, f"{path}/check-answers")
    assert done.headers["location"] == f"{path}/confirmation"
    assert "William Johnston" in school_user.get(f"{path}/confirmation").text
    assert "William Johnston" in school_user.get(f"/school/ects/{api_id(engine, WILLIAM)}").text
    assert events(engine, "teacher_name_updated_by_user", WILLIAM) == 1


def test_a_significant_name_change_is_confirmed_first(school_user, engine):  # noqa: F811
    path = base(engine, WILLIAM, "name")
    school_user.get(path)
    answered = post(school_user, f"{path}/name", corrected_name="Bill Smith")
    assert answered.headers["location"] == f"{path}/confirm-name"
    assert "the same person" in school_user.get(f"{path}/confirm-name").text
    refused(post(school_user, f"{path}/confirm-name"), "same_person", "Select whether")
    # Not the same person: the name is asked again and nothing can be confirmed yet.
    again = post(school_user, f"{path}/confirm-name", same_person="no")
    assert again.headers["location"] == f"{path}/name"
    assert school_user.get(f"{path}/check-answers", follow_redirects=False).status_code in (
        302,
        303,
    )
    post(school_user, f"{path}/name", corrected_name="Bill Smith")
    confirmed = post(school_user, f"{path}/confirm-name", same_person="yes")
    assert confirmed.headers["location"] == f"{path}/check-answers"
    assert post(school_user, f"{path}/check-answers").status_code == 303
    assert "Bill Smith" in school_user.get(f"/school/ects/{api_id(engine, WILLIAM)}").text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Enter the correct full name"),
        ("x" * 71, "70 characters or fewer"),
    ],
)
def test_a_bad_name_is_refused_on_its_page(school_user, engine, name, message):  # noqa: F811
    path = base(engine, JAMES, "name")
    school_user.get(path)
    refused(post(school_user, f"{path}/name", corrected_name=name), "corrected_name", message)


def test_the_same_name_in_another_case_is_refused(school_user, engine):  # noqa: F811
    path = base(engine, JAMES, "name")
    page = school_user.get(f"/school/ects/{api_id(engine, JAMES)}").text
    current = re.search(r'<h1 class="govuk-heading-l">([^<]+)</h1>', page).group(1).strip()
    school_user.get(path)
    refused(
        post(school_user, f"{path}/name", corrected_name=current.upper()),
        "corrected_name",
        "different from the current name",
    )


def test_an_ects_email_address_is_changed(school_user, engine):  # noqa: F811
    path = base(engine, JAMES, "email")
    school_user.get(path)
    answered = post(school_user, f"{path}/email", email=" james.new@example.com ")
    assert answered.headers["location"] == f"{path}/check-answers"
    assert post(school_user, f"{path}/check-answers").status_code == 303
    assert placement_value(engine, "email", JAMES) == "james.new@example.com"
    assert events(engine, "teacher_email_address_updated", JAMES) == 1
    assert "james.new@example.com" in school_user.get(f"/school/ects/{api_id(engine, JAMES)}").text


def test_an_email_address_another_teacher_uses_is_refused(school_user, engine):  # noqa: F811
    taken = scalar(
        engine,
        "SELECT p.email FROM mentor_at_school_periods p JOIN teachers t ON t.id = p.teacher_id "
        "WHERE p.finished_on IS NULL AND p.email IS NOT NULL AND t.trn <> :trn LIMIT 1",
        trn=JAMES,
    )
    path = base(engine, JAMES, "email")
    school_user.get(path)
    refused(
        post(school_user, f"{path}/email", email=taken.upper()),
        "email",
        "already in use by another ECT or mentor",
    )


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter the email address"),
        ("not-an-email", "correct format"),
    ],
)
def test_a_bad_email_address_is_refused_on_its_page(school_user, engine, email, message):  # noqa: F811
    path = base(engine, JAMES, "email")
    school_user.get(path)
    refused(post(school_user, f"{path}/email", email=email), "email", message)


def test_an_ects_working_pattern_is_changed(school_user, engine):  # noqa: F811
    path = base(engine, JAMES, "working-pattern")
    current = placement_value(engine, "working_pattern", JAMES)
    school_user.get(path)
    refused(
        post(school_user, f"{path}/working-pattern", working_pattern=current),
        "working_pattern",
        "must be different",
    )
    refused(post(school_user, f"{path}/working-pattern"), "working_pattern", "Select whether")
    other = "part_time" if current == "full_time" else "full_time"
    answered = post(school_user, f"{path}/working-pattern", working_pattern=other)
    assert answered.headers["location"] == f"{path}/check-answers"
    assert post(school_user, f"{path}/check-answers").status_code == 303
    assert placement_value(engine, "working_pattern", JAMES) == other
    assert events(engine, "teacher_working_pattern_updated", JAMES) == 1


def test_another_schools_ect_is_not_found(school_user, engine):  # noqa: F811
    for detail in ("name", "email", "working-pattern", "appropriate-body", "lead-provider"):
        path = base(engine, GEORGE, detail)
        assert school_user.get(path, follow_redirects=False).status_code == 404
        assert post(school_user, f"{path}/{detail}", email="g@example.com").status_code == 404
    assert school_user.get("/school/ects/not-a-uuid/change/name").status_code == 404
    assert school_user.get(f"{base(engine, JAMES, 'shoe-size')}").status_code == 404


def test_a_change_without_this_sessions_token_is_refused(school_user, engine):  # noqa: F811
    path = base(engine, JAMES, "email")
    school_user.get(path)
    assert post(school_user, f"{path}/email", token=None, email="j@example.com").status_code == 403
    assert (
        post(school_user, f"{path}/email", token="forged", email="j@example.com").status_code == 403
    )
    assert placement_value(engine, "email", JAMES) != "j@example.com"


def test_an_ects_appropriate_body_is_changed(school_user, engine):  # noqa: F811
    path = base(engine, WILLIAM, "appropriate-body")
    current = placement_value(engine, "school_reported_appropriate_body_id", WILLIAM)
    school_user.get(path)
    page = school_user.get(f"{path}/appropriate-body").text
    offered = [
        int(found) for found in re.findall(r'name="appropriate_body_id"[^>]*value="(\d+)"', page)
    ]
    assert offered, "no appropriate body offered"
    assert current not in offered
    chosen = offered[0]
    name = scalar(engine, "SELECT name FROM appropriate_bodies WHERE id = :id", id=chosen)
    answered = post(school_user, f"{path}/appropriate-body", appropriate_body_id=chosen)
    assert answered.headers["location"] == f"{path}/check-answers"
    assert name in school_user.get(f"{path}/check-answers").text
    assert post(school_user, f"{path}/check-answers").status_code == 303
    assert placement_value(engine, "school_reported_appropriate_body_id", WILLIAM) == chosen
    assert events(engine, "teacher_appropriate_body_changed", WILLIAM) == 1
    # The same body again is no change.
    school_user.get(path)
    refused(
        post(school_user, f"{path}/appropriate-body", appropriate_body_id=chosen),
        "appropriate_body_id",
        "must be different",
    )


def test_an_appropriate_body_the_school_may_not_choose_is_refused(school_user, engine):  # noqa: F811
    local_authority = scalar(
        engine, "SELECT id FROM appropriate_bodies WHERE body_type = 'local_authority' LIMIT 1"
    )
    path = base(engine, JAMES, "appropriate-body")
    school_user.get(path)
    refused(
        post(school_user, f"{path}/appropriate-body", appropriate_body_id=local_authority),
        "appropriate_body_id",
        "Choose an appropriate body that can record inductions",
    )
    refused(post(school_user, f"{path}/appropriate-body"), "appropriate_body_id", "Select the")


def provider_led_ect_at_ashdown(db: Engine) -> str:
    return scalar(
        db,
        "SELECT t.trn FROM teachers t "
        "JOIN ect_at_school_periods p ON p.teacher_id = t.id AND p.finished_on IS NULL "
        "JOIN training_periods tp ON tp.ect_at_school_period_id = p.id AND tp.finished_on IS NULL "
        "WHERE p.school_id = (SELECT school_id FROM ect_at_school_periods q "
        "  JOIN teachers u ON u.id = q.teacher_id WHERE u.trn = :james LIMIT 1) "
        "AND tp.training_programme = 'provider_led' AND tp.schedule_id IS NOT NULL "
        "ORDER BY t.trn LIMIT 1",
        james=JAMES,
    )


def test_an_ects_lead_provider_is_changed(school_user, engine, clock):  # noqa: F811
    trn = provider_led_ect_at_ashdown(engine)
    path = base(engine, trn, "lead-provider")
    assert f'href="{path}"' in school_user.get(f"/school/ects/{api_id(engine, trn)}").text
    school_user.get(path)
    page = school_user.get(f"{path}/lead-provider").text
    offered = [
        int(found) for found in re.findall(r'name="lead_provider_id"[^>]*value="(\d+)"', page)
    ]
    assert offered, "no lead provider offered"
    refused(post(school_user, f"{path}/lead-provider"), "lead_provider_id", "Select the lead")
    chosen = offered[0]
    name = scalar(db := engine, "SELECT name FROM lead_providers WHERE id = :id", id=chosen)
    answered = post(school_user, f"{path}/lead-provider", lead_provider_id=chosen)
    assert answered.headers["location"] == f"{path}/check-answers"
    assert name in school_user.get(f"{path}/check-answers").text
    assert post(school_user, f"{path}/check-answers").status_code == 303
    assert events(db, "teacher_training_lead_provider_updated", trn) == 1
    # Confirmed training under way finished yesterday; the new one starts today (§3.5).
    finished = scalar(
        db,
        "SELECT count(*) FROM training_periods tp JOIN ect_at_school_periods p "
        "ON p.id = tp.ect_at_school_period_id JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND tp.finished_on = :yesterday "
        "AND tp.school_partnership_id IS NOT NULL",
        trn=trn,
        yesterday=str(clock.today() - timedelta(days=1)),
    )
    started = scalar(
        db,
        "SELECT count(*) FROM training_periods tp JOIN ect_at_school_periods p "
        "ON p.id = tp.ect_at_school_period_id JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND tp.started_on = :today AND tp.finished_on IS NULL",
        trn=trn,
        today=str(clock.today()),
    )
    assert (finished, started) == (1, 1)
    assert name in school_user.get(f"/school/ects/{api_id(engine, trn)}").text
    # The lead provider just chosen is no longer offered, and cannot be chosen again.
    school_user.get(path)
    refused(
        post(school_user, f"{path}/lead-provider", lead_provider_id=chosen),
        "lead_provider_id",
        "must be different",
    )


def test_a_school_led_ect_has_no_lead_provider_to_change(school_user, engine, alter):  # noqa: F811
    trn = provider_led_ect_at_ashdown(engine)
    training_id = scalar(
        engine,
        "SELECT tp.id FROM training_periods tp JOIN ect_at_school_periods p "
        "ON p.id = tp.ect_at_school_period_id JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND tp.finished_on IS NULL",
        trn=trn,
    )
    alter(
        "training_periods",
        {"id": training_id},
        training_programme="school_led",
        school_partnership_id=None,
        expression_of_interest_id=None,
        schedule_id=None,
    )
    assert (
        f"{base(engine, trn, 'lead-provider')}"
        not in school_user.get(f"/school/ects/{api_id(engine, trn)}").text
    )
    path = base(engine, trn, "lead-provider")
    school_user.get(path)
    page = school_user.get(f"{path}/lead-provider")
    assert page.status_code == 200
    assert "Only an ECT with provider-led training" in page.text
    chosen = scalar(engine, "SELECT id FROM lead_providers ORDER BY id LIMIT 1")
    refused(
        post(school_user, f"{path}/lead-provider", lead_provider_id=chosen),
        "lead_provider_id",
        "Only an ECT with provider-led training",
    )
