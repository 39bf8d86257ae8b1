"""The OpenID Connect client and the fake DfE Sign-in over loopback, without the web app:
the token endpoint's checks, the roles API, and new signing keys."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from ecf2.adapters.dfe_sign_in.fake_data import (
    FakeDsiClient,
    FakeDsiData,
    FakeDsiOrganisation,
    FakeDsiUser,
    _rsa_key,
)
from ecf2.adapters.dfe_sign_in.fake_server import run_fake_dfe_sign_in
from ecf2.adapters.dfe_sign_in.identity import PendingSignIn, SignInFailed
from ecf2.adapters.dfe_sign_in.oidc import DfeSignInClient
from ecf2.settings import DfeSignInSettings

CLIENT = FakeDsiClient(
    client_id="ecf2-test",
    client_secret="a-client-secret-long-enough-to-be-a-secret",
    redirect_uri="http://app.test/auth/dfe/callback",
    api_secret="an-api-secret-long-enough-to-sign-api-tokens",
)
SCHOOL = FakeDsiOrganisation("0f6b7c1e-5a1d-4c1e-9f3a-0d7d8c2b1a00", "Oak School", "123456")
USER = FakeDsiUser("u-1", "pat@oak.example.org", "Pat", "Lee", SCHOOL, ("SchoolUser", "Other"))


@pytest.fixture(scope="module")
def fake() -> Iterator[tuple[str, FakeDsiData]]:
    data = FakeDsiData(CLIENT, (USER,))
    issuer, stop = run_fake_dfe_sign_in(data)
    yield issuer, data
    stop()


def _settings(issuer: str, **changes: str) -> DfeSignInSettings:
    values = {
        "issuer": issuer,
        "client_id": CLIENT.client_id,
        "client_secret": CLIENT.client_secret,
        "redirect_uri": CLIENT.redirect_uri,
        "api_url": issuer,
        "api_secret": CLIENT.api_secret,
        **changes,
    }
    return DfeSignInSettings(**values)


def _authorised(client: DfeSignInClient) -> tuple[dict[str, str], PendingSignIn]:
    url, pending = client.start()
    answer = httpx.get(f"{url}&login_hint={USER.id}", follow_redirects=False)
    query = parse_qs(urlsplit(answer.headers["location"]).query)
    return {name: values[0] for name, values in query.items()}, pending


def test_the_client_reads_who_signed_in_and_their_organisation(fake):
    client = DfeSignInClient(_settings(fake[0]))
    identity = client.finish(*_authorised(client))
    assert identity.user_id == "u-1"
    assert identity.email == "pat@oak.example.org"
    assert identity.name == "Pat Lee"
    assert identity.organisation.urn == "123456"
    assert identity.organisation.name == "Oak School"
    assert client.roles(SCHOOL.id, USER.id) == {"SchoolUser", "Other"}


def test_roles_at_another_organisation_are_none(fake):
    client = DfeSignInClient(_settings(fake[0]))
    assert client.roles("a-different-organisation", USER.id) == frozenset()


def test_the_roles_api_refuses_a_token_signed_with_another_secret(fake):
    client = DfeSignInClient(_settings(fake[0], api_secret="not-the-secret-the-api-knows-at-all"))
    with pytest.raises(SignInFailed):
        client.roles(SCHOOL.id, USER.id)


def test_a_wrong_client_secret_gets_no_token(fake):
    client = DfeSignInClient(_settings(fake[0], client_secret="guessed"))
    with pytest.raises(SignInFailed, match="invalid_client"):
        client.finish(*_authorised(client))


def test_a_code_works_only_with_its_pkce_verifier(fake):
    client = DfeSignInClient(_settings(fake[0]))
    callback, pending = _authorised(client)
    other_verifier = PendingSignIn(pending.state, pending.nonce, "x" * 64)
    with pytest.raises(SignInFailed, match="invalid_grant"):
        client.finish(callback, other_verifier)


def test_a_code_works_once(fake):
    client = DfeSignInClient(_settings(fake[0]))
    callback, pending = _authorised(client)
    client.finish(callback, pending)
    with pytest.raises(SignInFailed, match="invalid_grant"):
        client.finish(callback, pending)


def test_the_token_endpoint_takes_the_secret_in_the_body_too(fake):
    issuer, data = fake
    code = data.grant(USER, CLIENT.redirect_uri, "n", "challenge")
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": CLIENT.redirect_uri}
    wrong = {**form, "client_id": CLIENT.client_id, "client_secret": "wrong"}
    assert httpx.post(f"{issuer}/token", data=wrong).status_code == 401
    basic = base64.b64encode(f"{CLIENT.client_id}:{CLIENT.client_secret}".encode()).decode()
    no_verifier = httpx.post(
        f"{issuer}/token", data=form, headers={"Authorization": f"Basic {basic}"}
    )
    assert no_verifier.status_code == 400


def test_the_authorisation_page_refuses_an_unregistered_redirect(fake):
    query = {
        "client_id": CLIENT.client_id,
        "redirect_uri": "http://evil.test/callback",
        "response_type": "code",
        "code_challenge": "c",
        "code_challenge_method": "S256",
    }
    assert httpx.get(f"{fake[0]}/auth", params=query).status_code == 400


def test_a_new_signing_key_is_fetched_when_a_token_names_it(fake):
    _, data = fake
    client = DfeSignInClient(_settings(fake[0]))
    client.finish(*_authorised(client))  # the client now holds the first key
    original = data.signing_key
    data.signing_key = _rsa_key()
    try:
        assert client.finish(*_authorised(client)).user_id == "u-1"
    finally:
        data.signing_key = original


def test_sign_out_hands_back_the_id_token(fake):
    client = DfeSignInClient(_settings(fake[0]))
    url = urlsplit(client.sign_out_url("the.id.token"))
    assert url.path == "/session/end"
    query = parse_qs(url.query)
    assert query["id_token_hint"] == ["the.id.token"]
    assert query["post_logout_redirect_uri"] == ["http://app.test/auth/dfe_sign_in/logout"]
