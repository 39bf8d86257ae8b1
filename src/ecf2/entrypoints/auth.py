"""Web sessions and who may see which pages (inductions-trs-sign-in-admin (c.1)-(c.3)).

The session is a cookie that is encrypted and authenticated (AES-GCM, a key derived from
ECF2_SECRET_KEY), httponly and SameSite=Lax, so the web processes keep no session state.
A signed-in user is signed out after two hours without a request. Guards send people who
are not signed in to `/sign-in` (admin pages) or the start page (anything else), and a user
acting in another role to that role's home. Handlers that change something take `actor`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any, Protocol

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.exceptions import SerializationException
from litestar.handlers import BaseRouteHandler
from litestar.middleware import ASGIMiddleware
from litestar.middleware.session.client_side import ClientSideSessionBackend, CookieBackendConfig
from litestar.response import Redirect
from litestar.types import ASGIApp, Receive, Scope, Send

from ecf2.adapters.dfe_sign_in.identity import DsiIdentity, PendingSignIn
from ecf2.domain.shared.actors import Actor
from ecf2.domain.shared.clock import Clock
from ecf2.entrypoints.web.csrf import CsrfMiddleware, csrf_field, renew_token, session_of
from ecf2.entrypoints.web.session_user import Role, SessionUser
from ecf2.settings import Environment, Settings

# MAX_SESSION_IDLE_TIME's default (c.3).
IDLE_TIMEOUT = timedelta(hours=2)
SESSION_COOKIE = "ecf2_session"
USER = "user"
RETURN_TO = "return_to"
DENIED_ORGANISATION = "access_denied_organisation"
_NOT_PAGES = re.compile(r"^/(api|static|assets|healthcheck)(/|$)")


def not_a_web_page(scope: Scope) -> bool:
    return bool(_NOT_PAGES.match(scope["path"]))


def session_key(secret_key: str) -> bytes:
    """A 32-byte AES key for session cookies, derived from the app's secret (HKDF-SHA256,
    RFC 5869), so the raw secret is never used as a key and other uses get other keys."""
    pseudo_random_key = hmac.new(b"ecf2", secret_key.encode(), hashlib.sha256).digest()
    return hmac.new(pseudo_random_key, b"ecf2 session cookie\x01", hashlib.sha256).digest()


class _SessionCookies(ClientSideSessionBackend):
    def load_data(self, data: list[bytes]) -> dict[str, Any]:
        # Litestar already treats a cookie that fails authentication as no session; do the
        # same for one whose readable part (its expiry) was tampered with.
        try:
            return super().load_data(data)
        except (ValueError, KeyError, TypeError, SerializationException):
            return {}


class _SessionCookieConfig(CookieBackendConfig):
    _backend_class = _SessionCookies


def session_config(settings: Settings) -> CookieBackendConfig:
    return _SessionCookieConfig(
        secret=session_key(settings.secret_key),
        key=SESSION_COOKIE,
        max_age=int(IDLE_TIMEOUT.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=settings.env not in (Environment.DEVELOPMENT, Environment.TEST),
        exclude=_NOT_PAGES.pattern,
    )


class SessionActivityMiddleware(ASGIMiddleware):
    """Each request refreshes `last_active_at`; after IDLE_TIMEOUT the session ends."""

    scopes = (ScopeType.HTTP,)

    def __init__(self, clock: Callable[[], Clock]) -> None:
        self._clock = clock
        self.should_bypass_for_scope = not_a_web_page

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        session = session_of(scope)
        if session is not None and USER in session:
            now = self._clock().now()
            user = SessionUser.from_session(session[USER])
            if user is None or now - user.last_active_at > IDLE_TIMEOUT:
                session.clear()
            else:
                session[USER] = user.touched(now).to_session()
        await next_app(scope, receive, send)


def web_middleware(settings: Settings, clock: Callable[[], Clock]) -> list[Any]:
    """Outermost first: the session, then CSRF (with the session's token, even one that has
    just gone idle, so an idle form leads to sign-in rather than a refusal), then idling."""
    return [
        session_config(settings).middleware,
        CsrfMiddleware(bypass=not_a_web_page),
        SessionActivityMiddleware(clock),
    ]


# Reading and writing the signed-in user.


def signed_in_user(connection: ASGIConnection[Any, Any, Any, Any]) -> SessionUser | None:
    session = session_of(connection.scope)
    return None if session is None else SessionUser.from_session(session.get(USER))


def start_session(request: Request[Any, Any, Any], user: SessionUser) -> str:
    """Sign the user in with a fresh session (and a fresh CSRF token); returns where to go:
    the page first asked for, else the home of the user's role (c.3)."""
    session = request.session
    return_to = session.get(RETURN_TO)
    session.clear()
    session[USER] = user.to_session()
    renew_token(session)
    return return_to if isinstance(return_to, str) else user.home


def replace_user(request: Request[Any, Any, Any], user: SessionUser) -> None:
    request.session[USER] = user.to_session()


def end_session(request: Request[Any, Any, Any]) -> None:
    request.session.clear()


class SignInProvider(Protocol):
    """DfE Sign-in, as the web's sign-in pages use it (c.1, c.2); failures raise
    SignInFailed."""

    def start(self) -> tuple[str, PendingSignIn]:
        """Where to send the person, and what to keep in the session until they return."""
        ...

    def finish(self, callback: Mapping[str, str], pending: PendingSignIn | None) -> DsiIdentity: ...

    def roles(self, organisation_id: str, user_id: str) -> frozenset[str]: ...

    def sign_out_url(self, id_token: str | None) -> str: ...


# Guards and what they raise.


class SignInRequired(Exception):
    """Nobody is signed in (or the session went idle)."""


class WrongRole(Exception):
    """The page belongs to a role the user is not acting in."""

    def __init__(self, home: str) -> None:
        super().__init__(home)
        self.home = home


class AccessRefused(Exception):
    """The user's organisation may not use the service (participants-and-schools §3.0)."""

    def __init__(self, organisation: str) -> None:
        super().__init__(organisation)
        self.organisation = organisation


Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], None]


def _requires(role: Role) -> Guard:
    def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        user = signed_in_user(connection)
        if user is None:
            raise SignInRequired()
        if user.active_role is not role:
            raise WrongRole(user.home)

    return guard


school_user_required = _requires(Role.SCHOOL_USER)
appropriate_body_user_required = _requires(Role.APPROPRIATE_BODY_USER)
dfe_staff_user_required = _requires(Role.DFE_STAFF_USER)


def session_actor(request: Request[Any, Any, Any]) -> Actor:
    """The web's `actor` dependency: the signed-in user in their active role."""
    user = signed_in_user(request)
    if user is None:
        raise SignInRequired()
    return user.actor()


def _safe_path(request: Request[Any, Any, Any]) -> str:
    query = request.scope.get("query_string", b"").decode("latin-1")
    return request.url.path + (f"?{query}" if query else "")


def _to_sign_in(request: Request[Any, Any, Any], _: Exception) -> Redirect:
    path = request.url.path
    if request.method == "GET" and path.startswith("/") and not path.startswith("//"):
        request.session[RETURN_TO] = _safe_path(request)
    return Redirect("/sign-in" if path.startswith("/admin") else "/")


def _to_own_home(_: Request[Any, Any, Any], error: WrongRole) -> Redirect:
    return Redirect(error.home)


def _to_access_denied(request: Request[Any, Any, Any], error: AccessRefused) -> Redirect:
    end_session(request)
    request.session[DENIED_ORGANISATION] = error.organisation
    return Redirect("/access-denied", status_code=303)


AUTH_EXCEPTION_HANDLERS: Mapping[type[Exception], Any] = {
    SignInRequired: _to_sign_in,
    WrongRole: _to_own_home,
    AccessRefused: _to_access_denied,
}


def _template_user(context: Mapping[str, Any]) -> SessionUser | None:
    request = context.get("request")
    return None if request is None else signed_in_user(request)


# `{{ csrf_field() }}` in every form; `signed_in_user()` for the header's account links.
TEMPLATE_CALLABLES: Mapping[str, Callable[[Mapping[str, Any]], Any]] = {
    "csrf_field": csrf_field,
    "signed_in_user": _template_user,
}
