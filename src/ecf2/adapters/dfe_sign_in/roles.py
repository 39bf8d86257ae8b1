"""The roles a DfE Sign-in user holds at an organisation, from DfE Sign-in's public API
(inductions-trs-sign-in-admin (c.2)): a request signed with a short-lived HS256 token."""

from __future__ import annotations

import time

import requests
from joserfc import jwt
from joserfc.jwk import OctKey

from ecf2.adapters.dfe_sign_in.identity import SignInFailed
from ecf2.settings import DfeSignInSettings

TOKEN_LIFETIME_SECONDS = 60


def api_token(settings: DfeSignInSettings, now: float | None = None) -> str:
    issued = int(time.time() if now is None else now)
    claims = {
        "iss": settings.client_id,
        "aud": settings.api_audience,
        "iat": issued,
        "exp": issued + TOKEN_LIFETIME_SECONDS,
    }
    key = OctKey.import_key(settings.api_secret)
    return jwt.encode({"alg": "HS256"}, claims, key)


def role_codes(
    settings: DfeSignInSettings, organisation_id: str, user_id: str, timeout: float
) -> frozenset[str]:
    """Raises SignInFailed when the API cannot be asked; none when the user is not there."""
    url = (
        f"{settings.api_url}/services/{settings.client_id}"
        f"/organisations/{organisation_id}/users/{user_id}"
    )
    headers = {"Authorization": f"Bearer {api_token(settings)}"}
    try:
        response = requests.get(url, headers=headers, timeout=timeout)
        if response.status_code == 404:
            return frozenset()
        response.raise_for_status()
        roles = response.json().get("roles") or []
        return frozenset(str(role["code"]) for role in roles if role.get("code"))
    except (requests.RequestException, ValueError, AttributeError, TypeError) as error:
        raise SignInFailed(f"DfE Sign-in's roles for the user: {error}") from error
