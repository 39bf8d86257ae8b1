"""What DfE Sign-in tells the service about the person signing in (inductions-trs (c.2))."""

from __future__ import annotations

import json
from typing import Any

import attrs


class SignInFailed(Exception):
    """DfE Sign-in could not be reached, or what came back cannot be trusted: the person
    is asked to try again, and nobody is signed in."""


@attrs.frozen
class PendingSignIn:
    """Kept in the session between sending the person to DfE Sign-in and their return."""

    state: str
    nonce: str
    code_verifier: str

    def to_session(self) -> dict[str, str]:
        return attrs.asdict(self)

    @classmethod
    def from_session(cls, values: Any) -> PendingSignIn | None:
        if not isinstance(values, dict):
            return None
        try:
            return cls(**{name: str(values[name]) for name in ("state", "nonce", "code_verifier")})
        except KeyError:
            return None


@attrs.frozen
class DsiOrganisation:
    id: str
    name: str
    # Schools' organisations carry their URN; appropriate bodies' do not.
    urn: str | None = None

    @classmethod
    def from_claim(cls, claim: Any) -> DsiOrganisation:
        """The `organisation` claim, an object (or that object as JSON text)."""
        if isinstance(claim, str):
            claim = json.loads(claim)
        if not isinstance(claim, dict) or not claim.get("id"):
            raise SignInFailed("DfE Sign-in named no organisation")
        urn = claim.get("urn")
        return cls(id=str(claim["id"]), name=str(claim.get("name") or ""), urn=_text(urn))


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


@attrs.frozen
class DsiIdentity:
    user_id: str
    email: str
    first_name: str
    last_name: str
    organisation: DsiOrganisation
    # Handed back to DfE Sign-in when the person signs out (c.1).
    id_token: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email
