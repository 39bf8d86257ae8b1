"""Sessions, persona sign-in, CSRF, idle timeout, role guards and school access blocking
over HTTP (inductions-trs-sign-in-admin (c.1)-(c.3), participants-and-schools §3.0)."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import pytest
from dependency_injector.providers import Object
from litestar import Litestar, get
from litestar.testing import TestClient

from ecf2.container import build_container
from ecf2.domain.participants.sign_in import SchoolSignInService
from ecf2.entrypoints.app import create_app
from ecf2.entrypoints.auth import (
    SESSION_COOKIE,
    dfe_staff_user_required,
)
from ecf2.settings import Settings
from tests.e2e.web.demo_site import (
    ASHDOWN_URN,
    AVA,
    alter,  # noqa: F401 (fixture)
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    csrf_token,
    database_url,  # noqa: F401 (fixture)
    demo_app,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    is_gov_uk_page,
    post_form,
    sign_in,
    sign_ins_recorded,
)

AB_USER = "jamie.fletcher@inductions.example.org"
STAFF_USER = "alex.morgan@education.gov.uk"
TWO_ROLES = "kai.osei@inductions.example.org"
AB_HOME = "/appropriate-body/teachers"


@get("/admin/guard-check", guards=[dfe_staff_user_required], sync_to_thread=False)
def admin_page() -> str:
    return "an admin page"


@pytest.fixture
def guarded(app: Litestar) -> Litestar:  # noqa: F811
    """A stand-in admin page, behind the real guard."""
    if not getattr(app.state, "guarded", False):
        app.register(admin_page)
        app.state.guarded = True
    return app


def _location(client: TestClient[Any], path: str) -> str | None:
    response = client.get(path, follow_redirects=False)
    return response.headers.get("location") if response.is_redirect else None


# Signing in and out.


def test_start_now_leads_to_persona_sign_in(client):
    start = client.get("/")
    assert 'href="/sign-in"' in start.text
    assert "Start now" in start.text
    assert _location(client, "/sign-in") == "/personas"
    personas = client.get("/personas")
    assert personas.status_code == 200
    assert is_gov_uk_page(personas)
    for heading in (
        "School users",
        "Appropriate body users",
        "DfE staff",
        "Users with several roles",
    ):
        assert heading in personas.text
    for name in ("Ava Thomas", "Jamie Fletcher", "Alex Morgan", "Kai Osei"):
        assert f"Sign in as {name}" in personas.text


def test_a_school_persona_signs_in_and_the_sign_in_is_recorded(client, engine):  # noqa: F811
    before = sign_ins_recorded(engine, AVA)
    response = sign_in(client)
    assert response.status_code == 303
    assert response.headers["location"] == "/school/home"
    assert sign_ins_recorded(engine, AVA) == before + 1
    home = client.get("/school/home")
    assert home.status_code == 200
    assert is_gov_uk_page(home)
    assert "Ava Thomas, Ashdown Primary School" in home.text


def test_the_session_cookie_is_encrypted_httponly_and_lax(client):
    cookie = sign_in(client).headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()
    assert "Secure" not in cookie  # development: plain http
    value = client.cookies[SESSION_COOKIE].strip('"')
    assert b"ava.thomas" not in base64.b64decode(value)
    flipped = "B" if value[40] == "A" else "A"
    for tampered in (value[:40] + flipped + value[41:], value[:-8] + "AAAAAAA="):
        client.cookies.set(SESSION_COOKIE, tampered)
        assert _location(client, "/school/home/ects") == "/"


def test_sign_in_goes_ahead_when_recording_it_fails(app, client, engine):  # noqa: F811
    class Broken(SchoolSignInService):
        def record_sign_in(self, *_: Any) -> None:
            raise RuntimeError("events table unavailable")

    container = app.state.container
    container.school_sign_ins.override(Object(Broken(container.uow, container.clock())))
    before = sign_ins_recorded(engine, AVA)
    assert sign_in(client).headers["location"] == "/school/home"
    assert client.get("/school/home/ects").status_code == 200
    assert sign_ins_recorded(engine, AVA) == before


def test_signing_out_ends_the_session(client):
    sign_in(client)
    response = post_form(client, "/sign-out", page="/school/home/ects")
    assert (response.status_code, response.headers["location"]) == (303, "/")
    assert _location(client, "/school/home/ects") == "/"


def test_after_sign_in_the_page_first_asked_for_is_shown(client):
    assert _location(client, "/school/home/mentors") == "/"
    assert sign_in(client).headers["location"] == "/school/home/mentors"


def test_other_personas_land_on_their_roles_home(client):
    assert sign_in(client, AB_USER).headers["location"] == AB_HOME
    post_form(client, "/sign-out", page="/personas")
    assert sign_in(client, STAFF_USER).headers["location"] == "/admin"


def test_an_unknown_persona_is_refused_with_an_error(client):
    token = csrf_token(client.get("/personas"))
    response = client.post("/personas", data={"persona": "nobody@example.com", "csrf_token": token})
    assert response.status_code == 400
    assert "Choose who to sign in as" in response.text
    assert is_gov_uk_page(response)


def test_without_personas_or_a_dfe_sign_in_sign_in_fails_politely(database_url):  # noqa: F811
    settings = Settings.from_environment(
        {"ECF2_DATABASE_URL": database_url, "ECF2_SIGN_IN_MODE": "dfe_sign_in"}
    )
    container = build_container(settings)
    with TestClient(create_app(container)) as client:
        assert client.get("/personas").status_code == 404
        page = client.get("/sign-in")
        assert page.status_code == 400
        assert is_gov_uk_page(page)
        assert "Sign-in failed" in page.text
    container.engine().dispose()


# Forged and replayed forms.


def test_a_form_without_a_token_is_refused_and_nothing_is_written(client, engine):  # noqa: F811
    before = sign_ins_recorded(engine, AVA)
    response = client.post("/personas", data={"persona": AVA}, follow_redirects=False)
    assert response.status_code == 403
    assert is_gov_uk_page(response)
    assert "Sorry, we could not accept that form" in response.text
    assert sign_ins_recorded(engine, AVA) == before
    assert _location(client, "/school/home/ects") == "/"


def test_a_form_with_a_wrong_token_is_refused_and_nothing_is_written(client, engine):  # noqa: F811
    client.get("/personas")
    before = sign_ins_recorded(engine, AVA)
    forged = {"persona": AVA, "csrf_token": "not-the-session-token"}
    response = client.post("/personas", data=forged, follow_redirects=False)
    assert response.status_code == 403
    assert sign_ins_recorded(engine, AVA) == before


def test_a_form_from_before_sign_in_is_refused_after_it(client):
    old_token = csrf_token(client.get("/personas"))
    sign_in(client)
    replayed = client.post("/sign-out", data={"csrf_token": old_token}, follow_redirects=False)
    assert replayed.status_code == 403
    assert client.get("/school/home/ects", follow_redirects=False).status_code == 200


def test_the_api_needs_no_csrf_token(client):
    response = client.post("/api/v3/statements")
    assert response.status_code != 403
    assert "errors" in response.json()


# Idle sessions and role guards.


def test_an_idle_school_session_ends_after_two_hours(client, clock):  # noqa: F811
    sign_in(client)
    clock.advance(timedelta(hours=1, minutes=59))
    assert client.get("/school/home/ects", follow_redirects=False).status_code == 200
    clock.advance(timedelta(hours=1, minutes=59))
    assert client.get("/school/home/ects", follow_redirects=False).status_code == 200
    clock.advance(timedelta(hours=2, minutes=1))
    assert _location(client, "/school/home/ects") == "/"
    clock.advance(timedelta(minutes=1))
    assert _location(client, "/school/home/ects") == "/"


def test_idle_admin_pages_go_to_sign_in_and_others_to_the_start(guarded, client, clock):  # noqa: F811
    sign_in(client, STAFF_USER)
    assert client.get("/admin/guard-check").text == "an admin page"
    clock.advance(timedelta(hours=2, minutes=1))
    assert _location(client, "/admin/guard-check") == "/sign-in"
    sign_in(client, AB_USER)
    assert client.get(AB_HOME, follow_redirects=False).status_code == 200
    clock.advance(timedelta(hours=2, minutes=1))
    assert _location(client, AB_HOME) == "/"


def test_pages_of_another_role_send_the_user_home(guarded, client):
    assert _location(client, "/admin/guard-check") == "/sign-in"
    assert _location(client, AB_HOME) == "/"
    sign_in(client)
    assert _location(client, "/admin/guard-check") == "/school/home"
    post_form(client, "/sign-out", page="/school/home/ects")
    sign_in(client, AB_USER)
    assert _location(client, "/school/home/ects") == AB_HOME
    assert _location(client, "/admin/guard-check") == AB_HOME


def test_a_user_with_two_roles_starts_at_the_school_and_can_switch(guarded, client, engine):  # noqa: F811
    before = sign_ins_recorded(engine, TWO_ROLES)
    assert sign_in(client, TWO_ROLES).headers["location"] == "/school/home"
    assert sign_ins_recorded(engine, TWO_ROLES) == before + 1
    assert _location(client, AB_HOME) == "/school/home"
    page = client.get("/switch-role")
    assert page.status_code == 200
    assert "Switch to Ashfield Teaching School Hub" in page.text
    switched = post_form(client, "/switch-role", page="/switch-role")
    assert switched.headers["location"] == AB_HOME
    home = client.get(AB_HOME, follow_redirects=False)
    assert home.status_code == 200
    assert "Kai Osei, Ashfield Teaching School Hub" in home.text
    assert _location(client, "/school/home/ects") == AB_HOME
    back = post_form(client, "/switch-role", page="/switch-role")
    assert back.headers["location"] == "/school/home"
    assert client.get("/school/home/ects", follow_redirects=False).status_code == 200


# School access (participants-and-schools §3.0).


def test_a_closed_schools_user_is_refused_with_the_access_denied_page(client, alter, engine):  # noqa: F811
    alter("gias_schools", {"urn": ASHDOWN_URN}, status="closed")
    before = sign_ins_recorded(engine, AVA)
    response = sign_in(client)
    assert response.headers["location"] == "/access-denied"
    page = client.get("/access-denied")
    assert page.status_code == 403
    assert is_gov_uk_page(page)
    assert "Ashdown Primary School cannot use Register early career teachers" in page.text
    assert sign_ins_recorded(engine, AVA) == before
    assert _location(client, "/school/home/ects") == "/"


def test_a_school_blocked_during_a_session_loses_access(client, alter):  # noqa: F811
    sign_in(client)
    assert client.get("/school/home/ects", follow_redirects=False).status_code == 200
    alter("gias_schools", {"urn": ASHDOWN_URN}, status="proposed_to_open")
    assert _location(client, "/school/home/ects") == "/access-denied"
    assert "Ashdown Primary School" in client.get("/access-denied").text
    assert _location(client, "/school/home/ects") == "/"
