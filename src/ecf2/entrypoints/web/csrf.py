"""Cross-site request forgery protection for web forms: a synchronizer token kept in the
(encrypted) session, put in every form, and required back on every unsafe request. A new
session gets a new token, so a form from before sign-in or sign-out is refused too. The API
is exempt: it authenticates with bearer tokens, not cookies."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from hmac import compare_digest
from typing import Any

from litestar import Request
from litestar.enums import ScopeType
from litestar.exceptions import PermissionDeniedException
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send
from markupsafe import Markup, escape

FIELD = "csrf_token"
HEADER = "x-csrf-token"
SESSION_KEY = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class CsrfTokenRefused(PermissionDeniedException):
    """A form arrived without this session's token: forged, replayed or stale."""

    def __init__(self) -> None:
        super().__init__(detail="The form could not be accepted")


def session_of(scope: Mapping[str, Any]) -> dict[str, Any] | None:
    session = scope.get("session")
    return session if isinstance(session, dict) else None


def token_for(session: dict[str, Any]) -> str:
    """This session's token, made on first use."""
    token = session.get(SESSION_KEY)
    if not isinstance(token, str) or not token:
        token = session[SESSION_KEY] = secrets.token_urlsafe(32)
    return token


def renew_token(session: dict[str, Any]) -> None:
    session[SESSION_KEY] = secrets.token_urlsafe(32)


def csrf_field(context: Mapping[str, Any]) -> Markup:
    """`{{ csrf_field() }}` in a template: the hidden input every form must carry."""
    request = context.get("request")
    session = None if request is None else session_of(request.scope)
    if session is None:
        return Markup("")
    token = escape(token_for(session))
    return Markup(f'<input type="hidden" name="{FIELD}" value="{token}">')


async def _presented_token(request: Request[Any, Any, Any]) -> str | None:
    if header := request.headers.get(HEADER):
        return header
    # Litestar keeps the parsed form in the scope, so the handler reads it again for free.
    value = (await request.form()).get(FIELD)
    return value if isinstance(value, str) else None


def _same(expected: str, presented: str) -> bool:
    return compare_digest(expected.encode(), presented.encode())


class CsrfMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    def __init__(self, bypass: Callable[[Scope], bool]) -> None:
        self.should_bypass_for_scope = bypass

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        if scope["method"] not in SAFE_METHODS:
            session = session_of(scope) or {}
            expected = session.get(SESSION_KEY)
            presented = await _presented_token(Request(scope, receive))
            if not (expected and presented and _same(str(expected), presented)):
                raise CsrfTokenRefused()
        await next_app(scope, receive, send)
