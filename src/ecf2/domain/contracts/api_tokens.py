"""Lead provider API tokens (lead-provider-api-v3 §1.2). Only a SHA-256 digest of a
token is ever stored; the token itself is shown once, when it is issued."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime

import attrs

from ecf2.domain.shared.errors import InvalidValue, RuleBroken
from ecf2.domain.shared.events import DomainEvent

# Bitcoin's base58 alphabet: no 0, O, I or l to misread (§1.2: 32-character base58).
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
TOKEN_LENGTH = 32
_DIGEST = re.compile(r"[0-9a-f]{64}")


def token_digest(token: str) -> str:
    """The SHA-256 hex digest under which a presented token is looked up."""
    return hashlib.sha256(token.encode()).hexdigest()


def _digest(value: str) -> str:
    if not _DIGEST.fullmatch(value):
        raise InvalidValue(
            "An API token digest must be 64 lower-case hexadecimal characters",
            field="token_digest",
            rule="token_digest_is_sha256_hex",
        )
    return value


@attrs.define(kw_only=True)
class ApiToken:
    """A lead provider's bearer token for the API, known here only by its digest."""

    lead_provider_id: int
    token_digest: str = attrs.field(validator=lambda _i, _a, value: _digest(value))
    description: str
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
    id: int | None = None
    version: int = 1
    pending_events: list[DomainEvent] = attrs.field(factory=list, eq=False, repr=False)

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def record_use(self, now: datetime) -> None:
        if self.revoked:
            raise RuleBroken("This API token has been revoked", field="token", rule="token_revoked")
        self.last_used_at = now

    def revoke(self, now: datetime) -> None:
        if not self.revoked:
            self.revoked_at = now


@attrs.frozen
class IssuedApiToken:
    """A new token and its record: hand `token` to the lead provider, store `record`."""

    record: ApiToken
    token: str = attrs.field(repr=False)


def new_token() -> str:
    return "".join(secrets.choice(BASE58) for _ in range(TOKEN_LENGTH))


def issue_api_token(lead_provider_id: int, description: str, *, now: datetime) -> IssuedApiToken:
    """Make a new random token for a lead provider; only its digest is kept."""
    token = new_token()
    record = ApiToken(
        lead_provider_id=lead_provider_id,
        token_digest=token_digest(token),
        description=description,
        created_at=now,
    )
    return IssuedApiToken(record=record, token=token)
