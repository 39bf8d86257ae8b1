"""Assigning and changing an ECT's mentor over HTTP on the demo data
(participants-and-schools §3.3): the choice of the school's mentors, the eligibility step
for a mentor with no training, errors on the page that asked, CSRF, another school's ECT,
and the ECT's page showing the new mentor."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from litestar.testing import TestClient
from sqlalchemy import Engine
from sqlalchemy import text as sql_text

from ecf2.domain.participants import MentorAtSchoolPeriod, Teacher
from ecf2.domain.shared.identifiers import Trn
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
from tests.e2e.web.test_register_ect import count, has_error, text
from tests.e2e.web.test_register_mentor import ect_path

JAMES, BENJAMIN = "3000077", "3000034"  # ECTs at Ashdown Primary School
GEORGE = "3000051"  # an ECT at Brookfield Infant School
TODAY = date(2026, 11, 23)


def school_client(client: TestClient[Any]) -> TestClient[Any]:
    sign_in(client)
    return client


class Journey:
    def __init__(self, client: TestClient[Any], db: Engine, ect_trn: str) -> None:
        self.client, self.db = school_client(client), db
        self.ect = ect_path(db, ect_trn)
        self.base = f"{self.ect}/mentor"

    def post(self, step: str, token: str | None = "page", **data: Any) -> httpx.Response:
        if token == "page":
            token = csrf_token(self.client.get("/school/home/ects"))
        form = {key: str(value) for key, value in data.items()}
        if token is not None:
            form["csrf_token"] = token
        return self.client.post(f"{self.base}/{step}", data=form, follow_redirects=False)

    def goes_to(self, response: httpx.Response, step: str) -> bool:
        location = response.headers.get("location")
        return response.status_code == 303 and location == f"{self.base}/{step}"


def ashdown_mentor(db: Engine, *, with_training: bool) -> tuple[str, str]:
    """(api id, TRN) of a mentor at Ashdown with no leaving date, with or without any
    mentor training."""
    has = "" if with_training else "NOT "
    row = scalar(
        db,
        "SELECT t.api_id || ' ' || t.trn FROM teachers t "
        "JOIN mentor_at_school_periods m ON m.teacher_id = t.id "
        "JOIN schools s ON s.id = m.school_id "
        "WHERE s.urn = '100101' AND m.finished_on IS NULL "
        f"AND {has}EXISTS (SELECT 1 FROM training_periods tp JOIN mentor_at_school_periods o "
        "ON o.id = tp.mentor_at_school_period_id WHERE o.teacher_id = t.id) "
        "ORDER BY t.trn LIMIT 1",
    )
    assert row, "the demo has no such mentor"
    api_id, trn = str(row).split()
    with db.begin() as connection:  # eligible for funding, as the step needs
        connection.execute(
            sql_text(
                "UPDATE teachers SET mentor_became_ineligible_for_funding_on = NULL, "
                "mentor_became_ineligible_for_funding_reason = NULL WHERE trn = :trn"
            ),
            {"trn": trn},
        )
    if "-" not in api_id:
        api_id = f"{api_id[:8]}-{api_id[8:12]}-{api_id[12:16]}-{api_id[16:20]}-{api_id[20:]}"
    return api_id, trn


def current_mentor(db: Engine, ect_trn: str) -> str:
    return str(
        scalar(
            db,
            "SELECT mt.trn || ' ' || ms.started_on FROM mentorship_periods ms "
            "JOIN ect_at_school_periods e ON e.id = ms.ect_at_school_period_id "
            "JOIN teachers t ON t.id = e.teacher_id "
            "JOIN mentor_at_school_periods m ON m.id = ms.mentor_at_school_period_id "
            "JOIN teachers mt ON mt.id = m.teacher_id "
            "WHERE t.trn = :trn AND ms.finished_on IS NULL",
            trn=ect_trn,
        )
    )


def test_a_mentor_with_training_is_assigned_straight_away(client, engine):  # noqa: F811
    journey = Journey(client, engine, JAMES)
    assert f'href="{journey.base}"' in text(journey.client.get(journey.ect))
    start = journey.client.get(journey.base, follow_redirects=False)
    assert start.headers["location"] == f"{journey.base}/choose-mentor"
    assert has_error(journey.post("choose-mentor"), "mentor_api_id", "Select a mentor")
    api_id, trn = ashdown_mentor(engine, with_training=True)
    chosen = journey.post("choose-mentor", mentor_api_id=api_id)
    assert journey.goes_to(chosen, "check-answers"), chosen.headers.get("location")
    assert "No new training" in text(journey.client.get(f"{journey.base}/check-answers"))
    done = journey.post("check-answers")
    assert journey.goes_to(done, "confirmation")
    assert "You have assigned" in journey.client.get(f"{journey.base}/confirmation").text
    assert current_mentor(engine, JAMES) == f"{trn} {TODAY}"
    assert count(engine, "events WHERE event_type = 'teacher_starts_being_mentored'") >= 1


def new_mentor_at_ashdown(app: Any, db: Engine) -> tuple[str, str]:  # noqa: F811
    """A mentor placed at Ashdown since September with no training anywhere."""
    school_id = scalar(db, "SELECT id FROM schools WHERE urn = '100101'")
    mentor = Teacher(trn=Trn("7000098"), trs_first_name="Nia", trs_last_name="Newton")
    mentor.add_mentor_placement(
        MentorAtSchoolPeriod(school_id=school_id, started_on=date(2026, 9, 1))
    )
    with app.state.container.uow() as uow:
        uow.teachers.add(mentor)
        uow.commit()
    return str(mentor.api_id), "7000098"


def test_a_mentor_without_training_gets_it_first(client, engine, app):  # noqa: F811
    api_id, trn = new_mentor_at_ashdown(app, engine)
    journey = Journey(client, engine, BENJAMIN)
    journey.client.get(journey.base)
    assert journey.goes_to(journey.post("choose-mentor", mentor_api_id=api_id), "funded-training")
    unanswered = journey.post("funded-training")
    assert has_error(unanswered, "use_ect_lead_provider", "Select if they will train with")
    assert journey.goes_to(
        journey.post("funded-training", use_ect_lead_provider="yes"), "check-answers"
    )
    assert "Provider-led with" in text(journey.client.get(f"{journey.base}/check-answers"))
    assert journey.goes_to(journey.post("check-answers"), "confirmation")
    assert current_mentor(engine, BENJAMIN) == f"{trn} {TODAY}"
    training = scalar(
        engine,
        "SELECT tp.training_programme FROM training_periods tp "
        "JOIN mentor_at_school_periods m ON m.id = tp.mentor_at_school_period_id "
        "JOIN teachers t ON t.id = m.teacher_id WHERE t.trn = :trn",
        trn=trn,
    )
    assert training == "provider_led"


def test_register_a_new_mentor_leads_to_that_journey(client, engine):  # noqa: F811
    journey = Journey(client, engine, JAMES)
    journey.client.get(journey.base)
    response = journey.post("choose-mentor", mentor_api_id="new")
    assert response.status_code == 303
    assert response.headers["location"] == f"{journey.ect}/register-mentor"


def test_a_mentor_not_offered_is_refused_on_the_page(client, engine):  # noqa: F811
    journey = Journey(client, engine, JAMES)
    journey.client.get(journey.base)
    george_id = ect_path(engine, GEORGE).rsplit("/", 1)[1]
    assert has_error(
        journey.post("choose-mentor", mentor_api_id=george_id), "mentor_api_id", "Select a mentor"
    )


def test_forged_forms_and_another_schools_ect_are_refused(client, engine):  # noqa: F811
    journey = Journey(client, engine, JAMES)
    journey.client.get(journey.base)
    assert journey.post("choose-mentor", token=None, mentor_api_id="x").status_code == 403
    assert journey.post("choose-mentor", token="forged", mentor_api_id="x").status_code == 403
    other = Journey(client, engine, GEORGE)
    assert other.client.get(other.base, follow_redirects=False).status_code == 404
    assert other.post("check-answers").status_code == 404


def test_assigning_a_mentor_is_closed_in_the_first_fortnight_of_june(client, engine, clock):  # noqa: F811
    journey = Journey(client, engine, JAMES)
    mentor_api_id, _trn = ashdown_mentor(engine, with_training=True)
    before = count(engine, "mentorship_periods")
    clock.set(date(2026, 6, 5))
    assert "again from 15 June 2026" in text(journey.client.get(journey.base))
    refused = journey.post("choose-mentor", mentor_api_id=mentor_api_id)
    assert "again from 15 June 2026" in text(refused)
    assert count(engine, "mentorship_periods") == before
