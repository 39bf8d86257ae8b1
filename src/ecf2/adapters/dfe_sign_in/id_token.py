"""Checking DfE Sign-in's ID token: its signature against the provider's published keys,
who issued it, who it is for, that it has not expired, and that it answers our request
(the nonce), with authlib's OpenID Connect claim rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from ecf2.adapters.dfe_sign_in.identity import SignInFailed

ALGORITHMS = ["RS256"]
# Clocks differ a little between DfE Sign-in and here.
LEEWAY_SECONDS = 60

KeySource = Callable[[bool], dict[str, Any]]


def validated_id_token(
    id_token: str,
    keys: KeySource,
    *,
    issuer: str,
    client_id: str,
    nonce: str,
    access_token: str | None,
) -> dict[str, Any]:
    """The token's claims once every check has passed; raises SignInFailed otherwise.
    `keys(refresh)` gives the provider's key set, fetched again when `refresh` is true."""
    try:
        token = _decoded(id_token, keys)
        claims = CodeIDToken(
            token.claims,
            token.header,
            {
                "iss": {"essential": True, "value": issuer},
                "aud": {"essential": True, "value": client_id},
            },
            {"nonce": nonce, "client_id": client_id, "access_token": access_token},
        )
        if "nonce" not in claims:
            raise SignInFailed("The ID token carries no nonce")
        claims.validate(leeway=LEEWAY_SECONDS)
    except (JoseError, ValueError) as error:
        raise SignInFailed(f"The ID token is not valid: {error}") from error
    return dict(claims)


def _decoded(id_token: str, keys: KeySource) -> jwt.Token:
    registry = JWSRegistry(algorithms=ALGORITHMS)
    try:
        return jwt.decode(id_token, KeySet.import_key_set(keys(False)), registry=registry)
    except InvalidKeyIdError:
        # A key we have not seen: the provider may have rotated its keys.
        return jwt.decode(id_token, KeySet.import_key_set(keys(True)), registry=registry)
