"""DfE Sign-in over OpenID Connect (inductions-trs-sign-in-admin (c.1)-(c.3)): the
authorisation code flow with PKCE (S256), state and nonce, the ID token checked against
the provider's published keys, then the user's details and their organisation."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import requests
from authlib.common.security import generate_token
from authlib.integrations.base_client import OAuthError
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2 import OAuth2Error

from ecf2.adapters.dfe_sign_in.id_token import validated_id_token
from ecf2.adapters.dfe_sign_in.identity import (
    DsiIdentity,
    DsiOrganisation,
    PendingSignIn,
    SignInFailed,
)
from ecf2.adapters.dfe_sign_in.roles import role_codes
from ecf2.settings import DfeSignInSettings

SCOPES = "openid profile email organisation"
# The DfE Sign-in API answers within 3 seconds or not at all (c.2); the same for OIDC.
TIMEOUT_SECONDS = 3.0
_FAILURES = (
    requests.RequestException,
    OAuthError,
    OAuth2Error,
    ValueError,
    KeyError,
    TypeError,
)


class DfeSignInClient:
    """One per process: it keeps the provider's discovery document once it has it."""

    def __init__(self, settings: DfeSignInSettings, timeout: float = TIMEOUT_SECONDS) -> None:
        self._settings = settings
        self._timeout = timeout
        self._metadata: dict[str, Any] | None = None
        self._keys: dict[str, Any] | None = None
        self._lock = threading.Lock()

    def start(self) -> tuple[str, PendingSignIn]:
        """Where to send the person, and what to keep until they come back."""
        pending = PendingSignIn(generate_token(32), generate_token(32), generate_token(64))
        with self._session() as session:
            url, _ = session.create_authorization_url(
                self._endpoint("authorization_endpoint"),
                state=pending.state,
                code_verifier=pending.code_verifier,
                nonce=pending.nonce,
            )
        return url, pending

    def finish(self, callback: Mapping[str, str], pending: PendingSignIn | None) -> DsiIdentity:
        """The person's identity from the provider's answer; raises SignInFailed."""
        if callback.get("error"):
            raise SignInFailed(f"DfE Sign-in said {callback['error']}")
        state = callback.get("state", "").encode()
        if pending is None or not hmac.compare_digest(state, pending.state.encode()):
            raise SignInFailed("The sign-in's state does not match this session's")
        try:
            return self._identity(callback["code"], pending)
        except _FAILURES as error:
            raise SignInFailed(str(error)) from error

    def roles(self, organisation_id: str, user_id: str) -> frozenset[str]:
        """The role codes the user holds at the organisation, from DfE Sign-in's API."""
        return role_codes(self._settings, organisation_id, user_id, self._timeout)

    def sign_out_url(self, id_token: str | None) -> str:
        """DfE Sign-in's end of session, which sends the person back here (c.1, c.3)."""
        query = {"post_logout_redirect_uri": self._settings.post_logout_redirect_uri}
        if id_token:
            query["id_token_hint"] = id_token
        return f"{self._endpoint('end_session_endpoint')}?{urlencode(query)}"

    def _identity(self, code: str, pending: PendingSignIn) -> DsiIdentity:
        with self._session() as session:
            token = session.fetch_token(
                self._endpoint("token_endpoint"),
                code=code,
                code_verifier=pending.code_verifier,
            )
            claims = validated_id_token(
                token["id_token"],
                self._key_set,
                issuer=self._discovered()["issuer"],
                client_id=self._settings.client_id,
                nonce=pending.nonce,
                access_token=token.get("access_token"),
            )
            info = _json(session.get(self._endpoint("userinfo_endpoint")))
        if info.get("sub") != claims["sub"]:
            raise SignInFailed("The user's details are not for the user who signed in")
        return _identity_from(claims, info, token["id_token"])

    def _session(self) -> OAuth2Session:
        settings = self._settings
        return OAuth2Session(
            client_id=settings.client_id,
            client_secret=settings.client_secret,
            scope=SCOPES,
            redirect_uri=settings.redirect_uri,
            code_challenge_method="S256",
            default_timeout=self._timeout,
        )

    def _key_set(self, refresh: bool) -> dict[str, Any]:
        """The provider's signing keys, asked for again when a token names a new one."""
        with self._lock:
            cached = None if refresh else self._keys
        if cached is not None:
            return cached
        keys = _json(requests.get(self._endpoint("jwks_uri"), timeout=self._timeout))
        with self._lock:
            self._keys = keys
        return keys

    def _endpoint(self, name: str) -> str:
        try:
            return str(self._discovered()[name])
        except KeyError as error:
            raise SignInFailed(f"DfE Sign-in publishes no {name}") from error

    def _discovered(self) -> dict[str, Any]:
        with self._lock:
            if self._metadata is not None:
                return self._metadata
        url = f"{self._settings.issuer}/.well-known/openid-configuration"
        try:
            metadata = _json(requests.get(url, timeout=self._timeout))
        except _FAILURES as error:
            raise SignInFailed(f"DfE Sign-in's discovery document: {error}") from error
        # OpenID Connect Discovery 1.0 §4.3: the document must be the issuer's own.
        if str(metadata.get("issuer", "")).rstrip("/") != self._settings.issuer:
            raise SignInFailed("DfE Sign-in's discovery document names another issuer")
        with self._lock:
            self._metadata = metadata
        return metadata


def _json(response: requests.Response) -> dict[str, Any]:
    response.raise_for_status()
    body = response.json()
    if not isinstance(body, dict):
        raise ValueError("expected a JSON object")
    return body


def _identity_from(
    claims: Mapping[str, Any], info: Mapping[str, Any], id_token: str
) -> DsiIdentity:
    details = {**claims, **info}
    return DsiIdentity(
        user_id=str(details["sub"]),
        email=str(details.get("email") or ""),
        first_name=str(details.get("given_name") or ""),
        last_name=str(details.get("family_name") or ""),
        organisation=DsiOrganisation.from_claim(details.get("organisation")),
        id_token=id_token,
    )


class DfeSignInNotSetUp:
    """Stands in when no DfE Sign-in is configured (and none was started on loopback):
    every sign-in fails politely instead of the service failing to start."""

    def start(self) -> tuple[str, PendingSignIn]:
        raise SignInFailed("DfE Sign-in is not set up")

    def finish(self, callback: Mapping[str, str], pending: PendingSignIn | None) -> DsiIdentity:
        raise SignInFailed("DfE Sign-in is not set up")

    def roles(self, organisation_id: str, user_id: str) -> frozenset[str]:
        raise SignInFailed("DfE Sign-in is not set up")

    def sign_out_url(self, id_token: str | None) -> str:
        raise SignInFailed("DfE Sign-in is not set up")


def dfe_sign_in_client(settings: DfeSignInSettings | None) -> DfeSignInClient | DfeSignInNotSetUp:
    return DfeSignInNotSetUp() if settings is None else DfeSignInClient(settings)
