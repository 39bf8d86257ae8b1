"""A fake DfE Sign-in for tests and the embedded default, served on loopback.

It speaks OpenID Connect the way DfE Sign-in does for this service (inductions-trs (c.1),
(c.2)): discovery, an authorisation page listing its users to choose from (or `login_hint`
naming one, for tests), the token endpoint checking the code, the PKCE verifier and the
client secret, its signing keys, user details, the end of a session, and the public API's
organisation and roles look-up."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey
from joserfc.jwt import JWTClaimsRegistry
from litestar import Litestar, Request, Response, get, post
from litestar.datastructures import State
from litestar.params import FromPath, URLEncodedBody
from litestar.response import Redirect

from ecf2.adapters.dfe_sign_in.fake_data import FakeDsiClient, FakeDsiData, FakeDsiUser
from ecf2.adapters.loopback import serve_on_loopback
from ecf2.settings import DFE_SIGN_IN_API_AUDIENCE


def create_fake_dfe_sign_in_app(data: FakeDsiData) -> Litestar:
    """The fake as a Litestar app; its `FakeDsiData` is on `app.state.fake_dsi`."""
    return Litestar(
        route_handlers=[
            health,
            discovery,
            authorise,
            token,
            certs,
            userinfo,
            end_session,
            user_roles,
        ],
        state=State({"fake_dsi": data}),
        openapi_config=None,
        debug=False,
    )


def _data(request: Request[Any, Any, Any]) -> FakeDsiData:
    data: FakeDsiData = request.app.state.fake_dsi
    return data


def _issuer(request: Request[Any, Any, Any]) -> str:
    return str(request.base_url).rstrip("/")


def _error(status: int, error: str) -> Response[Any]:
    return Response({"error": error}, status_code=status)


@get("/health", sync_to_thread=False)
def health() -> str:
    return "ok"


@get("/.well-known/openid-configuration", sync_to_thread=False)
def discovery(request: Request[Any, Any, Any]) -> dict[str, Any]:
    issuer = _issuer(request)
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/auth",
        "token_endpoint": f"{issuer}/token",
        "userinfo_endpoint": f"{issuer}/me",
        "jwks_uri": f"{issuer}/certs",
        "end_session_endpoint": f"{issuer}/session/end",
        "response_types_supported": ["code"],
        "scopes_supported": ["openid", "profile", "email", "organisation"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
    }


@get("/auth", sync_to_thread=False)
def authorise(request: Request[Any, Any, Any]) -> Response[Any]:
    data, query = _data(request), dict(request.query_params)
    problem = _authorisation_problem(data.client, query)
    if problem:
        return Response(problem, status_code=400, media_type="text/plain")
    hint = query.get("login_hint")
    if not hint:
        return Response(_chooser(data, query), media_type="text/html")
    user = data.user(hint)
    if user is None:
        return Response(f"No user {hint}", status_code=400, media_type="text/plain")
    code = data.grant(user, query["redirect_uri"], query.get("nonce"), query["code_challenge"])
    back = {"code": code, "state": query.get("state", "")}
    return Redirect(f"{query['redirect_uri']}?{urlencode(back)}", status_code=302)


def _authorisation_problem(client: FakeDsiClient, query: Mapping[str, str]) -> str | None:
    if query.get("client_id") != client.client_id:
        return "Unknown client"
    if query.get("redirect_uri") != client.redirect_uri:
        return "The redirect URI is not registered for this client"
    if query.get("response_type") != "code":
        return "Only the authorisation code flow is supported"
    if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
        return "PKCE with S256 is required"
    return None


def _chooser(data: FakeDsiData, query: Mapping[str, str]) -> str:
    items = "".join(
        f'<li><a href="/auth?{html.escape(urlencode({**query, "login_hint": user.id}))}">'
        f"{html.escape(user.given_name)} {html.escape(user.family_name)}</a>, "
        f"{html.escape(user.organisation.name)}"
        f"{': ' + html.escape(user.description) if user.description else ''}</li>"
        for user in data.users.values()
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><title>Fake DfE Sign-in</title></head><body>"
        "<h1>Fake DfE Sign-in</h1><p>This stands in for DfE Sign-in on this machine. "
        f"Choose who to sign in as.</p><ul>{items}</ul></body></html>"
    )


@post("/token", sync_to_thread=False)
def token(request: Request[Any, Any, Any], data: URLEncodedBody[dict[str, str]]) -> Response[Any]:
    fake = _data(request)
    if not _client_authenticated(fake.client, request.headers.get("authorization"), data):
        return _error(401, "invalid_client")
    if data.get("grant_type") != "authorization_code":
        return _error(400, "unsupported_grant_type")
    grant = fake.redeem(
        data.get("code", ""), data.get("redirect_uri", ""), data.get("code_verifier", "")
    )
    if grant is None:
        return _error(400, "invalid_grant")
    return Response(
        {
            "access_token": fake.access_token_for(grant.user),
            "token_type": "Bearer",
            "expires_in": 3600,
            "id_token": fake.id_token(grant, _issuer(request)),
        }
    )


def _client_authenticated(
    client: FakeDsiClient, authorization: str | None, form: Mapping[str, str]
) -> bool:
    scheme, _, credentials = (authorization or "").partition(" ")
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(credentials, validate=True).decode()
        except ValueError:
            return False
        client_id, _, secret = decoded.partition(":")
    else:
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
    return client_id == client.client_id and secret == client.client_secret


@get("/certs", sync_to_thread=False)
def certs(request: Request[Any, Any, Any]) -> dict[str, Any]:
    return _data(request).public_keys()


@get("/me", sync_to_thread=False)
def userinfo(request: Request[Any, Any, Any]) -> Response[Any]:
    scheme, _, access_token = request.headers.get("authorization", "").partition(" ")
    user = _data(request).user_with_token(access_token) if scheme.lower() == "bearer" else None
    if user is None:
        return _error(401, "invalid_token")
    return Response(user.claims())


@get("/session/end", sync_to_thread=False)
def end_session(request: Request[Any, Any, Any]) -> Response[Any]:
    fake, query = _data(request), request.query_params
    fake.end_session(query.get("id_token_hint", ""))
    back = query.get("post_logout_redirect_uri")
    if back and back == fake.client.post_logout_redirect_uri:
        return Redirect(back, status_code=302)
    return Response("You have signed out of the fake DfE Sign-in.", media_type="text/plain")


@get(
    "/services/{client_id:str}/organisations/{organisation_id:str}/users/{user_id:str}",
    sync_to_thread=False,
)
def user_roles(
    request: Request[Any, Any, Any],
    client_id: FromPath[str],
    organisation_id: FromPath[str],
    user_id: FromPath[str],
) -> Response[Any]:
    fake = _data(request)
    if not _api_token_valid(fake.client, request.headers.get("authorization", "")):
        return _error(401, "invalid_token")
    user = fake.user(user_id)
    if client_id != fake.client.client_id or user is None:
        return _error(404, "not_found")
    if user.organisation.id != organisation_id:
        return _error(404, "not_found")
    return Response(_roles_body(user, client_id))


def _api_token_valid(client: FakeDsiClient, authorization: str) -> bool:
    scheme, _, bearer = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    try:
        decoded = jwt.decode(bearer, OctKey.import_key(client.api_secret), algorithms=["HS256"])
        JWTClaimsRegistry(
            iss={"essential": True, "value": client.client_id},
            aud={"essential": True, "value": DFE_SIGN_IN_API_AUDIENCE},
            exp={"essential": True},
        ).validate(decoded.claims)
    except (JoseError, ValueError):
        return False
    return True


def _roles_body(user: FakeDsiUser, client_id: str) -> dict[str, Any]:
    return {
        "userId": user.id,
        "serviceId": client_id,
        "organisationId": user.organisation.id,
        "roles": [
            {
                "id": f"role-{code}",
                "name": code,
                "code": code,
                "numericId": str(n),
                "status": {"id": 1},
            }
            for n, code in enumerate(user.role_codes, start=1)
        ],
        "identifiers": [],
    }


def run_fake_dfe_sign_in(
    data: FakeDsiData, host: str = "127.0.0.1", port: int = 0
) -> tuple[str, Callable[[], None]]:
    """Serve the fake on a background thread: its base URL (the issuer) and a stop function."""
    return serve_on_loopback(
        create_fake_dfe_sign_in_app(data), "fake DfE Sign-in", host=host, port=port
    )
