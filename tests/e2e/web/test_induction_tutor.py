"""The induction tutor's yearly confirmation over HTTP on the demo data
(participants-and-schools §2.8, §3.9): the gate in front of the lists and journeys, the
confirm-or-change journey, its errors, CSRF, and the email to a new tutor once saved."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from litestar.testing import TestClient
from sqlalchemy import Engine

from tests.e2e.web.demo_site import (
    ASHDOWN_URN,
    Alter,
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

TUTOR = "/school/induction-tutor"
AVA_EMAIL = "ava.thomas@ashdown-primary-school.sch.uk"


@pytest.fixture
def school_user(client: TestClient[Any]) -> TestClient[Any]:
    sign_in(client)
    return client


@pytest.fixture
def last_confirmed_2025(alter: Alter) -> None:  # noqa: F811
    """Ashdown's tutor, as the demo has them, but last confirmed for the year before."""
    alter(
        "schools",
        {"urn": ASHDOWN_URN},
        induction_tutor_name="Ava Thomas",
        induction_tutor_email=AVA_EMAIL,
        induction_tutor_last_nominated_in=2025,
    )


def post(client: TestClient[Any], path: str, token: str | None = "page", **data: str):
    if token == "page":
        token = csrf_token(client.get(path))
    form = dict(data)
    if token is not None:
        form["csrf_token"] = token
    return client.post(path, data=form, follow_redirects=False)


def text(page: httpx.Response) -> str:
    return re.sub(r"\s+", " ", page.text)


def count(engine: Engine, sql: str, **params: Any) -> int:  # noqa: F811
    return int(scalar(engine, sql, **params))


def tutor_emails(engine: Engine) -> int:  # noqa: F811
    return count(
        engine,
        "SELECT count(*) FROM email_outbox WHERE template = 'induction_tutor_confirmed' "
        "AND email_address = :to",
        to="tom.brown@ashdown-primary-school.sch.uk",
    )


@pytest.mark.parametrize(
    "path",
    [
        "/school/home/ects",
        "/school/home/mentors",
        "/school/ects/00000000-0000-4000-8000-000000000000/leaving",
        "/school/ects/00000000-0000-4000-8000-000000000000/register-mentor",
        "/school/ects/00000000-0000-4000-8000-000000000000/mentor",
        "/school/mentors/00000000-0000-4000-8000-000000000000/leaving",
        "/school/ects/00000000-0000-4000-8000-000000000000/change/name",
    ],
)
def test_lists_and_journeys_wait_for_the_tutor_to_be_confirmed(
    school_user, last_confirmed_2025, path
):
    sent = school_user.get(path, follow_redirects=False)
    assert sent.status_code in (302, 303)
    assert sent.headers["location"] == TUTOR


def test_a_confirmed_tutor_lets_the_school_in(school_user):
    assert school_user.get("/school/home/ects", follow_redirects=False).status_code == 200


def test_confirming_the_same_tutor_opens_the_lists_without_an_email(
    school_user,
    last_confirmed_2025,
    engine,  # noqa: F811
):
    first = school_user.get(TUTOR, follow_redirects=False).headers["location"]
    assert first == f"{TUTOR}/confirm"
    page = text(school_user.get(first))
    assert "Is Ava Thomas still your induction tutor?" in page
    assert "2026 to 2027" in page
    assert post(school_user, first, still_tutor="yes").headers["location"] == (
        f"{TUTOR}/check-answers"
    )
    emails_before = count(engine, "SELECT count(*) FROM email_outbox")
    done = post(school_user, f"{TUTOR}/check-answers")
    assert done.headers["location"] == f"{TUTOR}/confirmation"
    assert "Ava Thomas is your induction tutor for 2026 to 2027" in text(
        school_user.get(f"{TUTOR}/confirmation")
    )
    assert count(engine, "SELECT count(*) FROM email_outbox") == emails_before
    assert (
        count(
            engine,
            "SELECT count(*) FROM events WHERE event_type = 'school_induction_tutor_confirmed'",
        )
        >= 1
    )
    assert school_user.get("/school/home/ects", follow_redirects=False).status_code == 200


def test_a_new_tutor_is_saved_and_emailed_once_committed(
    school_user,
    last_confirmed_2025,
    engine,  # noqa: F811
):
    school_user.get(TUTOR)
    post(school_user, f"{TUTOR}/confirm", still_tutor="no")
    answered = post(
        school_user,
        f"{TUTOR}/new-tutor",
        name="Tom Brown",
        email="tom.brown@ashdown-primary-school.sch.uk",
    )
    assert answered.headers["location"] == f"{TUTOR}/check-answers"
    check = text(school_user.get(f"{TUTOR}/check-answers"))
    assert "Tom Brown" in check
    assert f'href="{TUTOR}/new-tutor"' in check
    assert tutor_emails(engine) == 0, "nothing is queued before the school confirms"
    refused = post(school_user, f"{TUTOR}/check-answers", token=None)
    assert refused.status_code == 403
    assert tutor_emails(engine) == 0, "a refused post queues nothing"
    done = post(school_user, f"{TUTOR}/check-answers")
    assert done.headers["location"] == f"{TUTOR}/confirmation"
    assert tutor_emails(engine) == 1
    row = scalar(
        engine,
        "SELECT induction_tutor_name || '|' || induction_tutor_email || '|' || "
        "induction_tutor_last_nominated_in FROM schools WHERE urn = :urn",
        urn=ASHDOWN_URN,
    )
    assert row == "Tom Brown|tom.brown@ashdown-primary-school.sch.uk|2026"
    assert (
        count(
            engine,
            "SELECT count(*) FROM events WHERE event_type = 'school_induction_tutor_updated'",
        )
        == 1
    )
    assert "We have emailed tom.brown@ashdown-primary-school.sch.uk" in text(
        school_user.get(f"{TUTOR}/confirmation")
    )


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "email": "tom@example.com"}, "name", "Enter the induction tutor"),
        ({"name": "A" * 71, "email": "tom@example.com"}, "name", "70 characters or fewer"),
        ({"name": "Tom Brown", "email": "tom@example"}, "email", "in the correct format"),
        ({"name": "Tom Brown", "email": ""}, "email", "Enter the induction tutor"),
        ({"name": "Ava Thomas", "email": AVA_EMAIL}, "name", "Change the name or email"),
    ],
)
def test_bad_tutor_details_are_shown_with_an_error_summary(
    school_user, last_confirmed_2025, data, field, message
):
    school_user.get(TUTOR)
    post(school_user, f"{TUTOR}/confirm", still_tutor="no")
    refused = post(school_user, f"{TUTOR}/new-tutor", **data)
    assert refused.status_code == 422
    shown = text(refused)
    assert "govuk-error-summary" in shown
    assert f'href="#{field}"' in shown
    assert shown.count(message) >= 2


def test_the_confirm_question_must_be_answered(school_user, last_confirmed_2025):
    school_user.get(TUTOR)
    refused = post(school_user, f"{TUTOR}/confirm")
    assert refused.status_code == 422
    assert "Select yes if Ava Thomas is still your induction tutor" in refused.text


def test_a_post_without_the_csrf_token_is_refused(school_user, last_confirmed_2025, engine):  # noqa: F811
    school_user.get(TUTOR)
    refused = post(school_user, f"{TUTOR}/confirm", token=None, still_tutor="yes")
    assert refused.status_code == 403
    assert (
        count(
            engine,
            "SELECT induction_tutor_last_nominated_in FROM schools WHERE urn = :urn",
            urn=ASHDOWN_URN,
        )
        == 2025
    )


def test_a_school_with_no_tutor_names_one(school_user, alter):  # noqa: F811
    alter(
        "schools",
        {"urn": ASHDOWN_URN},
        induction_tutor_name=None,
        induction_tutor_email=None,
        induction_tutor_last_nominated_in=None,
    )
    assert school_user.get("/school/home/ects", follow_redirects=False).headers["location"] == TUTOR
    first = school_user.get(TUTOR, follow_redirects=False).headers["location"]
    assert first == f"{TUTOR}/new-tutor"
