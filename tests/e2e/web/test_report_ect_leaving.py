"""Reporting that an ECT is leaving, over HTTP on the demo data (participants-and-schools
§3.7): the date's limits on the page that asked, the "Leaving school" tag afterwards, and
nothing of another school's ECTs."""

from __future__ import annotations

import re
from datetime import date, timedelta
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


def base(db: Engine, trn: str) -> str:
    api_id = str(scalar(db, "SELECT api_id FROM teachers WHERE trn = :trn", trn=trn))
    if "-" not in api_id:
        api_id = f"{api_id[:8]}-{api_id[8:12]}-{api_id[12:16]}-{api_id[16:20]}-{api_id[20:]}"
    return f"/school/ects/{api_id}/leaving"


def post(client: TestClient[Any], path: str, token: str | None = "page", **data: Any):
    if token == "page":
        token = csrf_token(client.get("/school/home/ects"))
    form = {key: str(value) for key, value in data.items()}
    if token is not None:
        form["csrf_token"] = token
    return client.post(path, data=form, follow_redirects=False)


def leaving_on(day: date) -> dict[str, int]:
    return {"leaving_on-day": day.day, "leaving_on-month": day.month, "leaving_on-year": day.year}


def text(page: httpx.Response) -> str:
    return re.sub(r"\s+", " ", page.text)


def test_a_school_reports_an_ect_leaving_on_a_future_date(school_user, engine):  # noqa: F811
    path = base(engine, WILLIAM)
    start = school_user.get(path, follow_redirects=False)
    assert start.headers["location"] == f"{path}/leaving-date"
    assert (
        "When is William Johnson leaving your school?"
        in school_user.get(start.headers["location"]).text
    )
    assert (
        post(school_user, f"{path}/leaving-date", **leaving_on(date(2026, 12, 18))).headers[
            "location"
        ]
        == f"{path}/check-answers"
    )
    check = text(school_user.get(f"{path}/check-answers"))
    assert "18 December 2026" in check
    assert f'href="{path}/leaving-date"' in check
    done = post(school_user, f"{path}/check-answers")
    assert done.headers["location"] == f"{path}/confirmation"
    assert "is leaving your school" in school_user.get(f"{path}/confirmation").text
    listed = text(school_user.get("/school/home/ects"))
    card = next(each for each in listed.split('govuk-summary-card"') if "William Johnson" in each)
    assert "Leaving school" in card
    finished = scalar(
        engine,
        "SELECT p.finished_on FROM ect_at_school_periods p JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND p.reported_leaving_by_school_id IS NOT NULL",
        trn=WILLIAM,
    )
    assert str(finished) == "2026-12-18"


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2027, 3, 24), "four months from today"),
        (None, "Enter the date they leave"),
    ],
)
def test_a_leaving_date_out_of_bounds_is_refused_on_its_page(school_user, engine, day, message):  # noqa: F811
    path = base(engine, JAMES)
    school_user.get(path)
    data = leaving_on(day) if day else {}
    refused = post(school_user, f"{path}/leaving-date", **data)
    assert refused.status_code == 422
    shown = text(refused)
    assert "govuk-error-summary" in shown
    assert 'href="#leaving_on"' in shown
    assert shown.count(message) >= 2


def test_a_leaving_date_too_soon_after_they_started(school_user, engine):  # noqa: F811
    path = base(engine, JAMES)
    started = scalar(
        engine,
        "SELECT p.started_on FROM ect_at_school_periods p JOIN teachers t ON t.id = p.teacher_id "
        "WHERE t.trn = :trn AND p.finished_on IS NULL",
        trn=JAMES,
    )
    started = date.fromisoformat(str(started))
    school_user.get(path)
    refused = post(
        school_user,
        f"{path}/leaving-date",
        **leaving_on(started + timedelta(days=1)),
    )
    assert refused.status_code == 422
    assert "two days after they started" in refused.text


def test_another_schools_ect_is_not_found(school_user, engine):  # noqa: F811
    path = base(engine, GEORGE)
    assert school_user.get(path, follow_redirects=False).status_code == 404
    assert (
        post(school_user, f"{path}/leaving-date", **leaving_on(date(2026, 12, 1))).status_code
        == 404
    )
    assert school_user.get("/school/ects/not-a-uuid/leaving").status_code == 404


def test_a_leaving_report_without_this_sessions_token_is_refused(school_user, engine):  # noqa: F811
    path = base(engine, JAMES)
    school_user.get(path)
    assert (
        post(
            school_user, f"{path}/leaving-date", token=None, **leaving_on(date(2026, 12, 1))
        ).status_code
        == 403
    )
    assert post(school_user, f"{path}/check-answers", token="forged").status_code == 403
