"""The appropriate body an appropriate body user acts for, looked up again on every request
(inductions-trs-sign-in-admin (c.3)): a body that has gone ends the session. People without
the appropriate body role are refused; a user who holds it but is acting in another role is
sent to that role's home (c.3 "Several roles")."""

from __future__ import annotations

from typing import Any

import attrs
from litestar import Controller, Request
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency, Provide
from litestar.handlers import BaseRouteHandler
from litestar.response import Template
from litestar.status_codes import HTTP_403_FORBIDDEN

from ecf2.adapters.db.queries.sign_in import SqlSignInReads
from ecf2.entrypoints.auth import (
    SignInRequired,
    appropriate_body_user_required,
    end_session,
    signed_in_user,
)
from ecf2.entrypoints.web.session_user import Role, SessionUser


class NotAnAppropriateBodyUser(Exception):
    """The signed-in user holds no appropriate body role."""


@attrs.frozen
class SignedInAppropriateBody:
    id: int
    name: str
    user: SessionUser


def appropriate_body_role_held(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    user = signed_in_user(connection)
    if user is None:
        raise SignInRequired()
    if Role.APPROPRIATE_BODY_USER not in user.roles:
        raise NotAnAppropriateBodyUser()


def signed_in_appropriate_body(
    request: Request[Any, Any, Any], sign_in_reads: NamedDependency[SqlSignInReads]
) -> SignedInAppropriateBody:
    user = signed_in_user(request)
    if user is None or user.appropriate_body_id is None:
        raise SignInRequired()
    body = sign_in_reads.appropriate_body(user.appropriate_body_id)
    if body is None:
        end_session(request)
        raise SignInRequired()
    return SignedInAppropriateBody(body.id, body.name, user)


def _no_access(request: Request[Any, Any, Any], _: NotAnAppropriateBodyUser) -> Template:
    user = signed_in_user(request)
    context = {"home": user.home if user else "/"}
    return Template(
        "appropriate_bodies/no_access.html", context=context, status_code=HTTP_403_FORBIDDEN
    )


class AppropriateBodyController(Controller):
    """An appropriate body's pages: the role, then the body behind it."""

    guards = [appropriate_body_role_held, appropriate_body_user_required]
    dependencies = {"appropriate_body": Provide(signed_in_appropriate_body, sync_to_thread=True)}
    exception_handlers = {NotAnAppropriateBodyUser: _no_access}
    include_in_schema = False
