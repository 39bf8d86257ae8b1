"""Every API call presents a lead provider's token (lead-provider-api-v3 §1.2, scenario 1)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ecf2.adapters.db.queries.api.access import RecentHolders, TokenHolder
from ecf2.domain.contracts import token_digest
from ecf2.domain.shared.actors import Actor
from ecf2.entrypoints.api.auth import presented_token
from tests.e2e.api.builders import Builder
from tests.e2e.api.conftest import NOW, TOKEN_A, Api, Providers

ACCESS_DENIED = {"error": "HTTP Token: Access denied"}
SCHOOL_ID = "d0b4a32e-a272-489e-b30a-cb17131457fc"
ENDPOINTS = [
    "/statements",
    f"/statements/{SCHOOL_ID}",
    "/delivery-partners",
    f"/delivery-partners/{SCHOOL_ID}",
    "/partnerships",
    f"/partnerships/{SCHOOL_ID}",
    "/schools?filter[cohort]=2025",
    f"/schools/{SCHOOL_ID}?filter[cohort]=2025",
]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_every_endpoint_refuses_a_request_without_a_token(api: Api, providers: Providers, path):
    response = api.as_(None).get(path)
    assert response.status_code == 401
    assert response.json() == ACCESS_DENIED
    assert response.headers["content-type"] == "application/json; charset=utf-8"


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer not-a-token",
        f"Basic {TOKEN_A}",
        f"bearer {TOKEN_A}",
        "Bearer ",
        "",
        f"Bearer {TOKEN_A}x",
    ],
)
def test_a_wrong_token_is_refused(api: Api, providers: Providers, authorization):
    response = api.as_(None).get("/statements", headers={"Authorization": authorization})
    assert response.status_code == 401
    assert response.json() == ACCESS_DENIED


def test_a_revoked_token_is_refused(api: Api, build: Builder, providers: Providers):
    build.token(providers.a, "a-revoked-token", revoked_at=NOW - timedelta(days=1))
    response = api.as_("a-revoked-token").get("/statements")
    assert response.status_code == 401
    assert response.json() == ACCESS_DENIED


def test_a_valid_bearer_token_is_let_in(api: Api, providers: Providers):
    response = api.get("/statements")
    assert response.status_code == 200
    assert response.json() == {"data": []}


def test_the_rails_token_form_is_let_in_too(api: Api, providers: Providers):
    headers = {"Authorization": f'Token token="{TOKEN_A}"'}
    response = api.as_(None).get("/statements", headers=headers)
    assert response.status_code == 200


def test_authentication_comes_before_checking_the_query(api: Api, providers: Providers):
    response = api.as_(None).get("/schools", {"filter": "abc"})
    assert response.status_code == 401


def test_a_token_records_when_it_was_last_used(api: Api, app, providers: Providers):
    api.get("/statements")
    with app.state.container.uow() as uow:
        token = uow.api_tokens.get_by_digest(token_digest(TOKEN_A))
    assert token.last_used_at == NOW


def test_a_token_in_use_is_not_written_again_within_the_minute(api: Api, app, clock, providers):
    api.get("/statements")
    clock.advance(timedelta(seconds=30))
    api.get("/statements")
    with app.state.container.uow() as uow:
        assert uow.api_tokens.get_by_digest(token_digest(TOKEN_A)).last_used_at == NOW
    clock.advance(timedelta(seconds=31))
    api.get("/statements")
    with app.state.container.uow() as uow:
        last_used_at = uow.api_tokens.get_by_digest(token_digest(TOKEN_A)).last_used_at
    assert last_used_at == NOW + timedelta(seconds=61)


def test_a_token_revoked_while_in_use_is_refused_within_two_seconds(
    api: Api, app, clock, providers: Providers
):
    assert api.get("/statements").status_code == 200
    app.state.container.api_tokens().revoke_all("Ambition Institute", by=Actor.system())
    # Its holder is remembered for the two seconds after it was looked up.
    clock.advance(timedelta(seconds=1))
    assert api.get("/statements").status_code == 200
    clock.advance(timedelta(seconds=1))
    assert api.get("/statements").status_code == 401


def test_a_holder_remembered_at_one_time_does_not_answer_at_another():
    holders, holder = RecentHolders(kept_for=timedelta(seconds=2)), TokenHolder(1, "A")
    holders.keep("digest", holder, NOW)
    assert holders.get("digest", NOW + timedelta(seconds=1)) == holder
    assert holders.get("digest", NOW - timedelta(seconds=1)) is None
    assert holders.get("digest", NOW + timedelta(seconds=2)) is None
    assert holders.get("another digest", NOW) is None


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("Bearer abc", "abc"),
        ("Bearer  abc ", "abc"),
        ('Token token="abc"', "abc"),
        ("Token token=abc", "abc"),
        ('Token token="abc", nonce="x"', "abc"),
        ("Bearer token=abc", "abc"),
        ("Basic abc", None),
        ("Bearer", None),
        ("Token token=", None),
        (None, None),
    ],
)
def test_the_token_is_read_from_either_header_form(header, token):
    assert presented_token(header) == token
