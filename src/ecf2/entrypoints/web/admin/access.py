"""The DfE staff user behind an admin page, checked against their account on every request:
a role taken away takes effect at once, and a removed account ends the session
(inductions-trs-sign-in-admin (c.3), (c.5))."""

from __future__ import annotations

from typing import Any

import anyio
import attrs
from litestar import Request
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency, Provide
from litestar.handlers import BaseRouteHandler
from litestar.response import Template
from litestar.status_codes import HTTP_403_FORBIDDEN

from ecf2.adapters.db.queries.sign_in import SqlSignInReads, StaffAccount
from ecf2.domain.shared.actors import Actor, AuthorType
from ecf2.domain.staff import FINANCE_ROLES
from ecf2.entrypoints.auth import (
    SignInRequired,
    dfe_staff_user_required,
    end_session,
    signed_in_user,
)
from ecf2.entrypoints.web.session_user import Role

STAFF_ACCOUNT = "staff_account"


class FinanceAccessRefused(Exception):
    """A DfE staff user whose role does not include finance."""


@attrs.frozen
class SignedInStaff:
    account: StaffAccount

    @property
    def can_access_finance(self) -> bool:
        return self.account.role in FINANCE_ROLES

    @property
    def actor(self) -> Actor:
        account = self.account
        return Actor(
            AuthorType.DFE_STAFF_USER, id=account.id, email=account.email, name=account.name
        )


def signed_in_staff(
    request: Request[Any, Any, Any], sign_in_reads: NamedDependency[SqlSignInReads]
) -> SignedInStaff:
    user = signed_in_user(request)
    if user is None:
        raise SignInRequired()
    account = sign_in_reads.staff_account(user.email)
    if account is None:
        end_session(request)
        raise SignInRequired()
    return SignedInStaff(account)


async def finance_role_required(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    """Every finance page, whatever it reads: the staff account's current role decides."""
    user = signed_in_user(connection)
    if user is None or user.active_role is not Role.DFE_STAFF_USER:
        return  # dfe_staff_user_required, which runs first, has sent them on their way
    reads = connection.app.state.container.sign_in_reads()
    account = await anyio.to_thread.run_sync(reads.staff_account, user.email)
    if account is None:
        connection.scope.get("session", {}).clear()
        raise SignInRequired()
    if account.role not in FINANCE_ROLES:
        raise FinanceAccessRefused()
    connection.state[STAFF_ACCOUNT] = account


def finance_staff(request: Request[Any, Any, Any]) -> SignedInStaff:
    return SignedInStaff(request.state[STAFF_ACCOUNT])


def no_finance_access(_: Request[Any, Any, Any], __: FinanceAccessRefused) -> Template:
    return Template("admin/no_finance_access.html", status_code=HTTP_403_FORBIDDEN)


ADMIN_GUARDS = [dfe_staff_user_required]
FINANCE_GUARDS = [dfe_staff_user_required, finance_role_required]
ADMIN_DEPENDENCIES = {"staff": Provide(signed_in_staff, sync_to_thread=True)}
FINANCE_DEPENDENCIES = {"staff": Provide(finance_staff, sync_to_thread=False)}
FINANCE_EXCEPTION_HANDLERS = {FinanceAccessRefused: no_finance_access}
