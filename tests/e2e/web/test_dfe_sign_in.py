"""Signing in with DfE Sign-in end to end: the real OpenID Connect client against the fake
DfE Sign-in over loopback (inductions-trs-sign-in-admin (c.1)-(c.3), participants-and-schools
§3.0), including every way the answer can be untrustworthy."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from ecf2.adapters.dfe_sign_in.fake_data import (
    FakeDsiClient,
    FakeDsiData,
    FakeDsiOrganisation,
    FakeDsiUser,
)
from ecf2.adapters.dfe_sign_in.fake_server import run_fake_dfe_sign_in
from ecf2.container import build_container
from ecf2.entrypoints.app import create_app
from ecf2.entrypoints.auth import SESSION_COOKIE
from ecf2.entrypoints.demo.appropriate_bodies import dfe_sign_in_organisation_id
from ecf2.settings import Settings
from tests.e2e.web.demo_site import (
    ASHDOWN_URN,
    AVA,
    alter,  # noqa: F401 (fixture)
    app,  # noqa: F401 (fixture)
    clock,  # noqa: F401 (fixture)
    database_url,  # noqa: F401 (fixture)
    demo_database_url,  # noqa: F401 (fixture)
    engine,  # noqa: F401 (fixture)
    is_gov_uk_page,
    post_form,
    sign_ins_recorded,
)
from tests.e2e.web.dfe_sign_in_flow import (
    APP_ORIGIN,
    REDIRECT_URI,
    browse,
    callback_for,
    sign_in_with_dfe_sign_in,
)

CLIENT = FakeDsiClient(
    client_id="ecf2-test",
    client_secret="a-client-secret-long-enough-to-be-a-secret",
    redirect_uri=REDIRECT_URI,
    api_secret="an-api-secret-long-enough-to-sign-api-tokens",
    post_logout_redirect_uri=f"{APP_ORIGIN}/auth/dfe_sign_in/logout",
)
ASHDOWN = FakeDsiOrganisation(str(uuid.uuid4()), "Ashdown Primary School", ASHDOWN_URN)
HUB_NAME = "Ashfield Teaching School Hub"
HUB = FakeDsiOrganisation(str(dfe_sign_in_organisation_id(HUB_NAME)), HUB_NAME)
COLLEGE = FakeDsiOrganisation(str(uuid.uuid4()), "Northgate College")


def _user(user_id: str, email: str, organisation: FakeDsiOrganisation, *roles: str) -> FakeDsiUser:
    return FakeDsiUser(user_id, email, "Test", user_id.title(), organisation, roles)


USERS = (
    _user("ava", AVA, ASHDOWN, "SchoolUser"),
    _user("jamie", "jamie@hub.example.org", HUB, "AppropriateBodyUser"),
    _user("no-role", "no.role@ashdown.example.org", ASHDOWN, "AppropriateBodyUser"),
    _user("outsider", "sam@northgate.example.ac.uk", COLLEGE, "SchoolUser"),
)


@pytest.fixture(scope="module")
def fake_dsi() -> Iterator[tuple[str, FakeDsiData]]:
    data = FakeDsiData(CLIENT, USERS)
    issuer, stop = run_fake_dfe_sign_in(data)
    yield issuer, data
    stop()


def _environment(database: str, issuer: str) -> dict[str, str]:
    return {
        "ECF2_DATABASE_URL": database,
        "ECF2_SIGN_IN_MODE": "dfe_sign_in",
        "ECF2_DFE_SIGN_IN_ISSUER": issuer,
        "ECF2_DFE_SIGN_IN_CLIENT_ID": CLIENT.client_id,
        "ECF2_DFE_SIGN_IN_CLIENT_SECRET": CLIENT.client_secret,
        "ECF2_DFE_SIGN_IN_REDIRECT_URI": CLIENT.redirect_uri,
        "ECF2_DFE_SIGN_IN_API_URL": issuer,
        "ECF2_DFE_SIGN_IN_API_SECRET": CLIENT.api_secret,
    }


@pytest.fixture(scope="module")
def demo_app(demo_database_url: str, fake_dsi: tuple[str, FakeDsiData]) -> Iterator[Litestar]:  # noqa: F811
    settings = Settings.from_environment(_environment(demo_database_url, fake_dsi[0]))
    container = build_container(settings)
    yield create_app(container)
    container.engine().dispose()


@pytest.fixture
def dsi(fake_dsi: tuple[str, FakeDsiData]) -> FakeDsiData:
    return fake_dsi[1]


@pytest.fixture
def client(app: Litestar) -> Iterator[TestClient[Any]]:  # noqa: F811
    with TestClient(app, base_url=APP_ORIGIN, raise_server_exceptions=False) as client:
        yield client


def _signed_in(client: TestClient[Any]) -> bool:
    return client.get("/school/home", follow_redirects=False).status_code == 200


def _refused_with_sign_in_failed(response: Any, client: TestClient[Any]) -> None:
    assert response.status_code == 400
    assert is_gov_uk_page(response)
    assert "Sign-in failed" in response.text
    assert not _signed_in(client)


# The whole round trip.


def test_a_school_user_signs_in_and_lands_on_their_school_home(client, engine):  # noqa: F811
    before = sign_ins_recorded(engine, AVA)
    page = sign_in_with_dfe_sign_in(client, "ava")
    assert page.status_code == 200
    assert str(page.url).endswith("/school/home/ects")
    assert "Ashdown Primary School" in page.text
    assert sign_ins_recorded(engine, AVA) == before + 1


def test_the_request_to_dfe_sign_in_asks_for_pkce_state_and_nonce(client):
    to_dsi = client.get("/auth/dfe-sign-in", follow_redirects=False)
    query = parse_qs(urlsplit(to_dsi.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["scope"] == ["openid profile email organisation"]
    assert query["redirect_uri"] == [REDIRECT_URI]
    assert len(query["state"][0]) >= 32
    assert len(query["nonce"][0]) >= 32
    assert len(query["code_challenge"][0]) == 43


def test_the_fake_offers_its_users_to_choose_from(client):
    page = browse(client, "/sign-in")
    assert page.status_code == 200
    assert "Fake DfE Sign-in" in page.text
    assert "Northgate College" in page.text
    chosen = browse(client, _first_link(page.text))
    assert chosen.status_code == 200


def _first_link(text: str) -> str:
    start = text.index('href="') + len('href="')
    path = text[start : text.index('"', start)].replace("&amp;", "&")
    return f"{_ISSUER[0]}{path}"


_ISSUER: list[str] = []


@pytest.fixture(autouse=True)
def _remember_issuer(fake_dsi: tuple[str, FakeDsiData]) -> None:
    _ISSUER[:] = [fake_dsi[0]]


def test_after_sign_in_the_page_first_asked_for_is_shown(client):
    assert client.get("/school/home/mentors", follow_redirects=False).is_redirect
    page = sign_in_with_dfe_sign_in(client, "ava")
    assert str(page.url).endswith("/school/home/mentors")


def test_an_appropriate_body_user_goes_to_their_teachers(client):
    redirect = client.get(callback_for(client, "jamie"), follow_redirects=False)
    assert redirect.headers["location"] == "/appropriate-body/teachers"
    home = client.get("/appropriate-body/teachers")
    assert home.status_code == 200
    assert is_gov_uk_page(home)
    assert "Test Jamie, Ashfield Teaching School Hub" in home.text
    assert "Early career teachers" in home.text


def test_signing_out_ends_the_dfe_sign_in_session_too(client, dsi):
    sign_in_with_dfe_sign_in(client, "ava")
    leaving = post_form(client, "/sign-out", page="/school/home")
    end_session = urlsplit(leaving.headers["location"])
    query = parse_qs(end_session.query)
    assert end_session.path == "/session/end"
    assert query["post_logout_redirect_uri"] == [f"{APP_ORIGIN}/auth/dfe_sign_in/logout"]
    id_token = query["id_token_hint"][0]
    assert id_token.count(".") == 2
    landed = browse(client, leaving.headers["location"])
    assert str(landed.url) == f"{APP_ORIGIN}/"
    assert id_token in dsi.ended_sessions
    assert not _signed_in(client)


# Who may not come in (c.2, §3.0).


def test_an_organisation_the_service_does_not_know_is_refused_by_name(client):
    page = sign_in_with_dfe_sign_in(client, "outsider")
    assert page.status_code == 403
    assert "Northgate College cannot use Register early career teachers" in page.text
    assert not _signed_in(client)


def test_a_user_without_the_school_role_is_refused(client):
    page = sign_in_with_dfe_sign_in(client, "no-role")
    assert page.status_code == 403
    assert "Ashdown Primary School cannot use" in page.text


def test_a_blocked_schools_user_is_refused_and_no_sign_in_recorded(client, alter, engine):  # noqa: F811
    alter("gias_schools", {"urn": ASHDOWN_URN}, status="closed")
    before = sign_ins_recorded(engine, AVA)
    page = sign_in_with_dfe_sign_in(client, "ava")
    assert page.status_code == 403
    assert "Ashdown Primary School cannot use Register early career teachers" in page.text
    assert sign_ins_recorded(engine, AVA) == before


# Answers that cannot be trusted.


def test_a_callback_with_another_state_is_refused(client):
    callback = callback_for(client, "ava")
    query = parse_qs(urlsplit(callback).query)
    forged = f"/auth/dfe/callback?code={query['code'][0]}&state=not-the-state"
    _refused_with_sign_in_failed(client.get(forged), client)


def test_a_callback_with_a_state_that_is_not_text_is_refused(client):
    client.get("/auth/dfe-sign-in", follow_redirects=False)
    _refused_with_sign_in_failed(
        client.get("/auth/dfe/callback?code=x&state=%C3%A9t%C3%A9"), client
    )


def test_a_callback_is_answered_only_once(client):
    callback = callback_for(client, "ava")
    assert client.get(callback, follow_redirects=False).is_redirect
    replayed = client.get(callback)
    assert replayed.status_code == 400
    assert "Sign-in failed" in replayed.text


def test_a_callback_from_a_browser_without_a_session_is_refused(client):
    callback = callback_for(client, "ava")
    client.cookies.delete(SESSION_COOKIE)
    _refused_with_sign_in_failed(client.get(callback), client)


def test_a_callback_in_another_browser_is_refused(client, app):  # noqa: F811
    callback = callback_for(client, "ava")
    with TestClient(app, base_url=APP_ORIGIN) as other_browser:
        _refused_with_sign_in_failed(other_browser.get(callback), other_browser)


def test_dfe_sign_in_saying_no_shows_sign_in_failed(client):
    client.get("/auth/dfe-sign-in", follow_redirects=False)
    _refused_with_sign_in_failed(client.get("/auth/dfe/callback?error=access_denied"), client)


@pytest.mark.parametrize(
    ("spoilt", "reason"),
    [
        ({"nonce": "a-nonce-from-another-request"}, "Invalid claim: 'nonce'"),
        ({"expired": True}, "expired"),
        ({"signed_by_another_key": True}, "bad_signature"),
        ({"issuer": "https://someone-else.example.com"}, "Invalid claim: 'iss'"),
        ({"audience": "another-service"}, "Invalid claim: 'aud'"),
    ],
    ids=["wrong nonce", "expired", "signed by another key", "other issuer", "other audience"],
)
def test_an_id_token_that_fails_a_check_is_refused(client, dsi, engine, caplog, spoilt, reason):  # noqa: F811
    before = sign_ins_recorded(engine, AVA)
    dsi.spoil_next_id_token(**spoilt)
    _refused_with_sign_in_failed(sign_in_with_dfe_sign_in(client, "ava"), client)
    assert reason in caplog.text
    assert sign_ins_recorded(engine, AVA) == before


def test_dfe_sign_in_being_down_shows_sign_in_failed(database_url):  # noqa: F811
    environment = _environment(database_url, "http://127.0.0.1:9")
    container = build_container(Settings.from_environment(environment))
    with TestClient(create_app(container), base_url=APP_ORIGIN) as client:
        page = client.get("/sign-in", follow_redirects=True)
        assert page.status_code == 400
        assert "Sign-in failed" in page.text
    container.engine().dispose()
