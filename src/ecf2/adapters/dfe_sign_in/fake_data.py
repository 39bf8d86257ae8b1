"""The fake DfE Sign-in's memory: its users and their organisations, the codes and access
tokens it has handed out, and what tests ask it to get wrong next."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from typing import Any

import attrs
from joserfc import jwt
from joserfc.jwk import RSAKey

CODE_LIFETIME_SECONDS = 60
ID_TOKEN_LIFETIME_SECONDS = 300


@attrs.frozen
class FakeDsiOrganisation:
    id: str
    name: str
    urn: str | None = None

    def claim(self) -> dict[str, Any]:
        category = ("001", "Establishment") if self.urn else ("002", "Local Authority")
        claim: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "category": {"id": category[0], "name": category[1]},
        }
        if self.urn:
            claim["urn"] = self.urn
        return claim


@attrs.frozen
class FakeDsiUser:
    id: str
    email: str
    given_name: str
    family_name: str
    organisation: FakeDsiOrganisation
    role_codes: tuple[str, ...]
    # What the demo's chooser says about them.
    description: str = ""

    def claims(self) -> dict[str, Any]:
        return {
            "sub": self.id,
            "email": self.email,
            "given_name": self.given_name,
            "family_name": self.family_name,
            "organisation": self.organisation.claim(),
        }


@attrs.frozen
class FakeDsiClient:
    """The one relying party the fake knows: this service."""

    client_id: str
    client_secret: str
    redirect_uri: str
    api_secret: str
    post_logout_redirect_uri: str | None = None


@attrs.frozen
class _Grant:
    user: FakeDsiUser
    redirect_uri: str
    nonce: str | None
    code_challenge: str
    expires_at: float


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class FakeDsiData:
    """Shared between the server's thread and the test, so every change takes the lock."""

    def __init__(self, client: FakeDsiClient, users: tuple[FakeDsiUser, ...] = ()) -> None:
        self.client = client
        self.users = {user.id: user for user in users}
        self.signing_key = _rsa_key()
        self._lock = threading.Lock()
        self._grants: dict[str, _Grant] = {}
        self._access_tokens: dict[str, FakeDsiUser] = {}
        self._next_token: dict[str, Any] = {}
        self.ended_sessions: list[str] = []

    def user(self, user_id: str) -> FakeDsiUser | None:
        return self.users.get(user_id)

    def grant(
        self, user: FakeDsiUser, redirect_uri: str, nonce: str | None, code_challenge: str
    ) -> str:
        code = secrets.token_urlsafe(24)
        expires = time.time() + CODE_LIFETIME_SECONDS
        with self._lock:
            self._grants[code] = _Grant(user, redirect_uri, nonce, code_challenge, expires)
        return code

    def redeem(self, code: str, redirect_uri: str, verifier: str) -> _Grant | None:
        """A code works once, before it expires, for the PKCE verifier it was made for."""
        with self._lock:
            grant = self._grants.pop(code, None)
        if grant is None or grant.expires_at < time.time():
            return None
        if grant.redirect_uri != redirect_uri:
            return None
        return grant if hmac.compare_digest(s256(verifier), grant.code_challenge) else None

    def access_token_for(self, user: FakeDsiUser) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._access_tokens[token] = user
        return token

    def user_with_token(self, token: str) -> FakeDsiUser | None:
        with self._lock:
            return self._access_tokens.get(token)

    def spoil_next_id_token(self, **changes: Any) -> None:
        """Make the next ID token wrong: `nonce=`, `issuer=`, `audience=`, `expired=True`,
        or `signed_by_another_key=True`."""
        with self._lock:
            self._next_token = changes

    def id_token(self, grant: _Grant, issuer: str) -> str:
        with self._lock:
            spoil, self._next_token = self._next_token, {}
        now = int(time.time())
        lifetime = -ID_TOKEN_LIFETIME_SECONDS if spoil.get("expired") else ID_TOKEN_LIFETIME_SECONDS
        claims = {
            **grant.user.claims(),
            "iss": spoil.get("issuer", issuer),
            "aud": spoil.get("audience", self.client.client_id),
            "iat": now - (2 * ID_TOKEN_LIFETIME_SECONDS if spoil.get("expired") else 0),
            "exp": now + lifetime,
            "nonce": spoil.get("nonce", grant.nonce),
        }
        # Another key under the same key id: only the signature can tell them apart.
        key = self.signing_key
        if spoil.get("signed_by_another_key"):
            key = _rsa_key(kid=self.signing_key.kid)
        return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)

    def public_keys(self) -> dict[str, Any]:
        return {"keys": [self.signing_key.as_dict(private=False)]}

    def end_session(self, id_token_hint: str) -> None:
        with self._lock:
            self.ended_sessions.append(id_token_hint)


def _rsa_key(kid: str | None = None) -> RSAKey:
    parameters: dict[str, Any] = {"use": "sig", "alg": "RS256"}
    if kid:
        parameters["kid"] = kid
    key = RSAKey.generate_key(2048, parameters=parameters)  # type: ignore[arg-type]
    key.ensure_kid()
    return key
