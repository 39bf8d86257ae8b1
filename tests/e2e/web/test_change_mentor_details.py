"""Changing a mentor's name, email address and lead provider from their page, over HTTP on
the demo data (participants-and-schools §3.4, §3.5): the journeys an ECT's details use,
each rule answered on the page that asked, the change saved with its event, and nothing of
another school's mentors."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine

from ecf2.adapters.db.metadata import metadata
from tests.e2e.web.demo_site import (
    alter,  # noqa: F401 (fixture)
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    scalar,
)
from tests.e2e.web.test_change_ect_details import (
    JAMES,
    api_id,
    events,
    post,
    refused,
    school_user,  # noqa: F401 (fixture)
    text,
)

ELLA = "3000036"  # a mentor at Brookfield Infant School

_AT_ASHDOWN = (
    "SELECT t.trn FROM teachers t "
    "JOIN mentor_at_school_periods p ON p.teacher_id = t.id AND p.finished_on IS NULL "
    "WHERE p.school_id = (SELECT school_id FROM ect_at_school_periods q "
    "  JOIN teachers u ON u.id = q.teacher_id WHERE u.trn = :james LIMIT 1) {more} "
    "ORDER BY t.trn LIMIT 1"
)


_TRAINED = (
    "AND EXISTS (SELECT 1 FROM training_periods tp "
    "WHERE tp.mentor_at_school_period_id = p.id AND tp.finished_on IS NULL)"
)


def mentor_at_ashdown(db: Engine) -> str:
    return scalar(db, _AT_ASHDOWN.format(more=""), james=JAMES)


@pytest.fixture
def trained_mentor(engine: Engine) -> str:  # noqa: F811
    """An Ashdown mentor with mentor training under way that no lead provider confirmed."""
    if scalar(engine, f"SELECT count(*) FROM ({_AT_ASHDOWN.format(more=_TRAINED)}) x", james=JAMES):
        return scalar(engine, _AT_ASHDOWN.format(more=_TRAINED), james=JAMES)
    trn = mentor_at_ashdown(engine)
    ids = scalar(
        engine,
        "SELECT t.id || ' ' || p.id FROM teachers t JOIN mentor_at_school_periods p "
        "ON p.teacher_id = t.id AND p.finished_on IS NULL WHERE t.trn = :trn",
        trn=trn,
    )
    teacher_id, placement_id = (int(part) for part in ids.split())
    interest = scalar(
        engine,
        "SELECT id FROM active_lead_providers WHERE contract_period_year = 2026 "
        "ORDER BY lead_provider_id LIMIT 1",
    )
    schedule = scalar(
        engine,
        "SELECT id FROM schedules WHERE contract_period_year = 2026 "
        "AND identifier = 'ecf-standard-september'",
    )
    with engine.begin() as connection:
        connection.execute(
            metadata.tables["training_periods"]
            .insert()
            .values(
                teacher_id=teacher_id,
                role="mentor",
                mentor_at_school_period_id=placement_id,
                training_programme="provider_led",
                started_on=date(2026, 9, 1),
                expression_of_interest_id=interest,
                schedule_id=schedule,
            )
        )
    return trn


def base(db: Engine, trn: str, detail: str) -> str:
    return f"/school/mentors/{api_id(db, trn)}/change/{detail}"


def mentor_value(db: Engine, column: str, trn: str) -> Any:
    return scalar(
        db,
        f"SELECT p.{column} FROM mentor_at_school_periods p "
        "JOIN teachers t ON t.id = p.teacher_id WHERE t.trn = :trn AND p.finished_on IS NULL",
        trn=trn,
    )


def test_the_mentors_page_links_to_each_change(school_user, engine, trained_mentor):  # noqa: F811
    trn = trained_mentor
    page = school_user.get(f"/school/mentors/{api_id(engine, trn)}").text
    for detail in ("name", "email", "lead-provider"):
        assert f'href="{base(engine, trn, detail)}"' in page


def test_a_mentors_name_is_changed(school_user, engine):  # noqa: F811
    trn = mentor_at_ashdown(engine)
    path = base(engine, trn, "name")
    assert school_user.get(path, follow_redirects=False).headers["location"] == f"{path}/name"
    refused(post(school_user, f"{path}/name", corrected_name=""), "corrected_name", "Enter the")
    refused(
        post(school_user, f"{path}/name", corrected_name="x" * 71),
        "corrected_name",
        "70 characters or fewer",
    )
    current = (
        re.search(
            r'<h1 class="govuk-heading-l">([^<]+)</h1>',
            school_user.get(f"/school/mentors/{api_id(engine, trn)}").text,
        )
        .group(1)
        .strip()
    )
    refused(
        post(school_user, f"{path}/name", corrected_name=current.lower()),
        "corrected_name",
        "different from the current name",
    )
    first = current.split()[0]
    answered = post(school_user, f"{path}/name", corrected_name=f"{first} Newname")
    assert answered.headers["location"] == f"{path}/check-answers"
    assert post(school_user, f"{path}/check-answers").headers["location"] == f"{path}/confirmation"
    confirmation = text(school_user.get(f"{path}/confirmation"))
    assert f"{first} Newname" in confirmation
    assert f'href="/school/mentors/{api_id(engine, trn)}"' in confirmation
    assert f"{first} Newname" in school_user.get(f"/school/mentors/{api_id(engine, trn)}").text
    assert events(engine, "teacher_name_updated_by_user", trn) == 1


def test_a_significant_change_of_a_mentors_name_is_confirmed(school_user, engine):  # noqa: F811
    trn = mentor_at_ashdown(engine)
    path = base(engine, trn, "name")
    school_user.get(path)
    answered = post(school_user, f"{path}/name", corrected_name="Zebedee Quinlan")
    assert answered.headers["location"] == f"{path}/confirm-name"
    refused(post(school_user, f"{path}/confirm-name"), "same_person", "Select whether")
    confirmed = post(school_user, f"{path}/confirm-name", same_person="yes")
    assert confirmed.headers["location"] == f"{path}/check-answers"


def test_a_mentors_email_address_is_changed(school_user, engine):  # noqa: F811
    trn = mentor_at_ashdown(engine)
    path = base(engine, trn, "email")
    school_user.get(path)
    refused(post(school_user, f"{path}/email", email="not-an-email"), "email", "correct format")
    current = mentor_value(engine, "email", trn)
    if current:
        refused(
            post(school_user, f"{path}/email", email=current.upper()), "email", "must be different"
        )
    answered = post(school_user, f"{path}/email", email="mentor.new@example.com")
    assert answered.headers["location"] == f"{path}/check-answers"
    assert post(school_user, f"{path}/check-answers").status_code == 303
    assert mentor_value(engine, "email", trn) == "mentor.new@example.com"
    assert events(engine, "teacher_email_address_updated", trn) == 1


def test_a_change_without_this_sessions_token_is_refused(school_user, engine):  # noqa: F811
    trn = mentor_at_ashdown(engine)
    path = base(engine, trn, "email")
    school_user.get(path)
    for token in (None, "forged"):
        sent = post(school_user, f"{path}/email", token=token, email="m@example.com")
        assert sent.status_code == 403
    assert mentor_value(engine, "email", trn) != "m@example.com"


def test_a_mentors_lead_provider_is_changed(school_user, engine, trained_mentor):  # noqa: F811
    trn = trained_mentor
    path = base(engine, trn, "lead-provider")
    school_user.get(path)
    page = school_user.get(f"{path}/lead-provider").text
    offered = re.findall(r'name="lead_provider_id"[^>]*value="(\d+)"', page)
    assert offered, "no lead provider offered"
    refused(post(school_user, f"{path}/lead-provider"), "lead_provider_id", "Select the lead")
    name = scalar(engine, "SELECT name FROM lead_providers WHERE id = :id", id=int(offered[0]))
    answered = post(school_user, f"{path}/lead-provider", lead_provider_id=offered[0])
    assert answered.headers["location"] == f"{path}/check-answers"
    assert post(school_user, f"{path}/check-answers").status_code == 303
    assert events(engine, "teacher_training_lead_provider_updated", trn) == 1
    assert name in school_user.get(f"/school/mentors/{api_id(engine, trn)}").text
    school_user.get(path)
    refused(
        post(school_user, f"{path}/lead-provider", lead_provider_id=offered[0]),
        "lead_provider_id",
        "must be different",
    )


def test_another_schools_mentor_is_not_found(school_user, engine):  # noqa: F811
    for detail in ("name", "email", "lead-provider"):
        path = base(engine, ELLA, detail)
        assert school_user.get(path, follow_redirects=False).status_code == 404
        assert post(school_user, f"{path}/{detail}", email="e@example.com").status_code == 404
    assert school_user.get(f"{base(engine, ELLA, 'working-pattern')}").status_code == 404
    trn = mentor_at_ashdown(engine)
    assert school_user.get(base(engine, trn, "working-pattern")).status_code == 404
    assert events(engine, "teacher_email_address_updated", ELLA) == 0
