"""Bearer-token authentication: the API router's `actor` is the lead provider whose token
was presented (lead-provider-api-v3 §1.2, STYLE.md §3.4)."""

from __future__ import annotations

import re
from typing import Any

from litestar import Request
from litestar.di import NamedDependency
from litestar.params import SkipValidation

from ecf2.adapters.db.queries.api.access import SqlApiAccess
from ecf2.domain.contracts.api_tokens import token_digest
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.api.errors import AccessDenied

_SCHEME = re.compile(r"^(?:Bearer|Token)\s+")
_DELIMITERS = re.compile(r"\s*(?:,|;|\t)\s*")
_TOKEN_KEY = "token="
# Ports are Protocols, which Litestar cannot check an argument against.
InjectedClock = NamedDependency[SkipValidation[Clock]]


def presented_token(authorization: str | None) -> str | None:
    """`Bearer <token>`, or Rails' `Token token="<token>"` form."""
    if not authorization or not _SCHEME.match(authorization):
        return None
    raw = _DELIMITERS.split(_SCHEME.sub("", authorization, 1))
    params = [each.strip() for each in raw if each.strip()]
    if not params:
        return None
    first = params[0].removeprefix(_TOKEN_KEY)
    return first.removeprefix('"').removesuffix('"') or None


def authenticate(
    request: Request[Any, Any, Any],
    api_access: NamedDependency[SqlApiAccess],
    clock: InjectedClock,
) -> Actor:
    token = presented_token(request.headers.get("authorization"))
    holder = None if token is None else api_access.holder_of(token_digest(token), clock.now())
    if holder is None:
        raise AccessDenied()
    return Actor.lead_provider(holder.lead_provider_id, holder.lead_provider_name)


def lead_provider_of(actor: Actor) -> int:
    """The lead provider every query of the request is scoped to."""
    if actor.type is not AuthorType.LEAD_PROVIDER_API or actor.lead_provider_id is None:
        raise AccessDenied()
    return actor.lead_provider_id
