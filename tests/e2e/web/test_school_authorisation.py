"""The authorisation matrix for schools: a user of one school, against every school page
that names a person, for another school's ECT and mentor, answers 404 (or 403) and changes
nothing (participants-and-schools §3; the issue's "school A against school B"). The pages
come from the app's own routes, so a new page joins the matrix by itself."""

from __future__ import annotations

import re
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import Engine, func, select

from ecf2.adapters.db.events import EventRow
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

# At Brookfield Infant School; the signed-in user is Ashdown Primary School's tutor.
GEORGE, ELLA = "3000051", "3000036"
PERSON = re.compile(r"\{api_id:str\}")
STEP = re.compile(r"\{step:str\}")
DETAIL = re.compile(r"\{detail:str\}")


def _pages_naming_a_person(site: Litestar) -> list[tuple[str, str]]:
    pages = []
    for route in site.routes:
        if not route.path.startswith("/school/") or not PERSON.search(route.path):
            continue
        unknown = set(re.findall(r"\{(\w+):", route.path)) - {"api_id", "step", "detail"}
        assert not unknown, f"the matrix does not know how to fill {unknown} in {route.path}"
        for method in sorted(set(route.methods) & {"GET", "POST"}):
            pages.append((method, route.path))
    return pages


def _api_id(db: Engine, trn: str) -> str:
    text = str(scalar(db, "SELECT api_id FROM teachers WHERE trn = :trn", trn=trn))
    if "-" not in text:  # SQLite keeps UUIDs as 32 hex digits
        text = f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text


def _events(db: Engine) -> int:
    with db.connect() as connection:
        return connection.execute(select(func.count()).select_from(EventRow)).scalar_one()


@pytest.fixture
def school_user(client: TestClient[Any]) -> TestClient[Any]:
    sign_in(client)
    return client


def test_the_matrix_covers_every_kind_of_page(app: Litestar) -> None:  # noqa: F811
    paths = {path for _, path in _pages_naming_a_person(app)}
    assert {"/school/ects/{api_id:str}", "/school/mentors/{api_id:str}"} <= paths
    assert any(STEP.search(path) for path in paths)


def test_another_schools_people_are_not_found_anywhere(school_user, app, engine):  # noqa: F811
    people = {"/school/ects/": _api_id(engine, GEORGE), "/school/mentors/": _api_id(engine, ELLA)}
    token = csrf_token(school_user.get("/school/home/ects"))
    before = _events(engine)
    answers = {}
    for method, template in _pages_naming_a_person(app):
        api_id = next(each for prefix, each in people.items() if template.startswith(prefix))
        path = DETAIL.sub("name", STEP.sub("check-answers", PERSON.sub(api_id, template)))
        if method == "GET":
            response = school_user.get(path, follow_redirects=False)
        else:
            response = school_user.post(path, data={"csrf_token": token}, follow_redirects=False)
        answers[f"{method} {path}"] = response.status_code
    assert answers
    refused = {page: status for page, status in answers.items() if status not in (403, 404)}
    assert not refused
    assert _events(engine) == before
