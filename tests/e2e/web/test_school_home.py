"""A school user's home over HTTP: the ECT and mentor lists with their status tags, each
person's page, and nothing of another school's (participants-and-schools §2.3, §3)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import httpx
import pytest
from litestar.testing import TestClient
from sqlalchemy import Engine

from tests.e2e.web.demo_site import (
    alter,  # noqa: F401 (fixture)
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    is_gov_uk_page,
    scalar,
    sign_in,
)

# Ashdown Primary School's ECTs and mentors in the demo data.
BENJAMIN, JAMES, WILLIAM = "3000034", "3000077", "3000320"
EVIE, MIA = "3000174", "3000226"
# An ECT and a mentor at Brookfield Infant School.
GEORGE, ELLA = "3000051", "3000036"


@pytest.fixture
def school_user(client: TestClient[Any]) -> TestClient[Any]:
    sign_in(client)
    return client


def _teacher_path(db: Engine, kind: str, trn: str) -> str:
    api_id = scalar(db, "SELECT api_id FROM teachers WHERE trn = :trn", trn=trn)
    text = str(api_id)
    if "-" not in text:  # SQLite keeps UUIDs as 32 hex digits
        text = f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return f"/school/{kind}/{text}"


def _placement_id(db: Engine, trn: str) -> int:
    return scalar(
        db,
        "SELECT p.id FROM ect_at_school_periods p JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND p.finished_on IS NULL",
        trn=trn,
    )


def _card(page: httpx.Response, name: str) -> str:
    """The summary card of one person on a list page."""
    cards = page.text.split('class="govuk-summary-card"')[1:]
    found = [card for card in cards if f">{name}</a>" in card]
    assert len(found) == 1, f"{name} is listed {len(found)} times"
    return re.sub(r"\s+", " ", found[0])


def _text(page: httpx.Response) -> str:
    return re.sub(r"\s+", " ", page.text)


def test_the_ect_list_shows_the_schools_ects_and_their_training(school_user):
    page = school_user.get("/school/home/ects")
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    assert 'aria-current="page"' in page.text
    assert "Mentors" in page.text
    benjamin = _card(page, "Benjamin Cooper")
    for shown in (
        BENJAMIN,
        "20 September 2025",
        "Evie Bennett",
        "Provider-led",
        "Ambition Institute",
        "Aire Valley Teaching Partnership",
        "Ashfield Teaching School Hub",
        "Registered",
    ):
        assert shown in benjamin
    assert "Samuel Walker" in _card(page, "James Thomas")
    assert "William Johnson" in page.text
    assert "George Thompson" not in page.text  # at Brookfield Infant School
    assert "govuk-tag--" not in page.text


def test_status_tags_show_what_needs_attention(school_user, engine, alter):  # noqa: F811
    school_id = scalar(engine, "SELECT id FROM schools WHERE urn = '100101'")
    james = _placement_id(engine, JAMES)
    alter("mentorship_periods", {"ect_at_school_period_id": james}, finished_on=date(2026, 11, 1))
    alter(
        "ect_at_school_periods",
        {"id": _placement_id(engine, WILLIAM)},
        finished_on=date(2027, 1, 31),
        reported_leaving_by_school_id=school_id,
    )
    interest = scalar(
        engine,
        "SELECT a.id FROM active_lead_providers a JOIN lead_providers l "
        "ON l.id = a.lead_provider_id "
        "WHERE l.name = 'Ambition Institute' AND a.contract_period_year = 2025",
    )
    alter(
        "training_periods",
        {"ect_at_school_period_id": _placement_id(engine, BENJAMIN)},
        school_partnership_id=None,
        expression_of_interest_id=interest,
    )
    page = school_user.get("/school/home/ects")
    james_card, william, benjamin = (
        _card(page, name) for name in ("James Thomas", "William Johnson", "Benjamin Cooper")
    )
    assert "Action required" in james_card
    assert "No mentor assigned" in james_card
    assert "Leaving school" in william
    assert "Action required" not in william
    assert "Pending lead provider confirmation</strong>" in benjamin
    assert "Ambition Institute" in benjamin
    assert "Aire Valley Teaching Partnership" not in benjamin
    leaving = school_user.get(_teacher_path(engine, "ects", WILLIAM))
    assert "Leaving date" in leaving.text
    assert "31 January 2027" in leaving.text


def test_the_mentor_list_shows_each_mentor_with_their_ects(school_user):
    page = school_user.get("/school/home/mentors")
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    evie = _card(page, "Evie Bennett")
    assert EVIE in evie
    assert "William Johnson" in evie
    assert "Benjamin Cooper" in evie
    mia = _card(page, "Mia Hall")
    assert MIA in mia
    assert "No ECTs assigned" in mia
    assert "Samuel Walker" in page.text
    assert "Ella Johnson" not in page.text  # mentors at Brookfield Infant School


def test_an_ects_page_shows_their_mentor_training_and_induction(school_user, engine):  # noqa: F811
    page = school_user.get(_teacher_path(engine, "ects", WILLIAM))
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    text = _text(page)
    assert '<h1 class="govuk-heading-l">William Johnson</h1>' in text
    for shown in (
        WILLIAM,
        "william.johnson.3000320@example.com",
        "Full time",
        "8 September 2025",
        "Evie Bennett",
        "Ashfield Teaching School Hub",
        "Ambition Institute",
        "Aire Valley Teaching Partnership",
        'govuk-tag--turquoise">In progress',
    ):
        assert shown in text
    assert _teacher_path(engine, "mentors", EVIE) in text


def test_an_ect_whose_induction_has_no_open_period_shows_it_paused(
    school_user,
    engine,  # noqa: F811
    alter,  # noqa: F811
):
    open_period = scalar(
        engine,
        "SELECT p.id FROM induction_periods p JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND p.finished_on IS NULL",
        trn=WILLIAM,
    )
    alter("induction_periods", {"id": open_period}, finished_on=date(2026, 10, 31))
    page = school_user.get(_teacher_path(engine, "ects", WILLIAM))
    assert "Induction paused" in page.text


def test_a_mentors_page_shows_their_ects(school_user, engine):  # noqa: F811
    page = school_user.get(_teacher_path(engine, "mentors", EVIE))
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    text = _text(page)
    assert "Evie Bennett" in text
    assert EVIE in text
    assert "1 September 2024" in text
    assert _teacher_path(engine, "ects", WILLIAM) in text
    assert _teacher_path(engine, "ects", BENJAMIN) in text


@pytest.mark.parametrize(
    ("kind", "trn"),
    [
        ("ects", GEORGE),  # another school's ECT
        ("mentors", ELLA),  # another school's mentor
        ("ects", EVIE),  # a mentor here, but not an ECT
        ("mentors", WILLIAM),  # an ECT here, but not a mentor
    ],
)
def test_a_teacher_who_is_not_at_the_school_is_not_found(school_user, engine, kind, trn):  # noqa: F811
    page = school_user.get(_teacher_path(engine, kind, trn))
    assert page.status_code == 404
    assert is_gov_uk_page(page)
    assert "Page not found" in page.text


def test_a_malformed_teacher_id_is_not_found(school_user):
    assert school_user.get("/school/ects/not-an-id").status_code == 404
    assert school_user.get("/school/mentors/12345").status_code == 404


def test_school_pages_need_a_signed_in_school_user(client):
    for path in ("/school/home", "/school/home/ects", "/school/home/mentors"):
        response = client.get(path, follow_redirects=False)
        assert response.headers["location"] == "/"


def test_the_school_can_read_its_responsibilities(school_user):
    page = school_user.get("/school/home/responsibilities")
    assert page.status_code == 200
    assert is_gov_uk_page(page)
    assert page.headers["content-type"].startswith("text/html")
    shown = " ".join(page.text.split())
    for duty in ("induction tutor", "appropriate body", "mentor", "leaving your school"):
        assert duty in shown
    assert 'href="/school/home/responsibilities"' in school_user.get("/school/home/ects").text
